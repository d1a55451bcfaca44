/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_prune_impact(...)                  PRUNEIMPACT
 *
 * DESCRIPTION
 *   With R and C the revenue and cost of the kept clients (flag 0), Cp the
 *   cost of the pruned ones (flag 1) and r the redeployed share of Cp:
 *
 *     revenue_after  = R + r Cp R / C      (Cp r earns what C earns now)
 *     profit_after   = revenue_after - (C + r Cp)
 *     revenue_before = sum of all revenue
 *     profit_before  = revenue_before - sum of all cost
 *     margin         = profit / revenue, empty when |revenue| <= 1e-12 *
 *                      sum |revenue| over all clients.
 *
 *   With r = 0 the redeployment term is 0 even when C = 0, and with Cp = 0
 *   even when R / C overflows.  Sums are Neumaier sums, so they do not
 *   depend on the order of the sheet.
 *
 * REFERENCES
 *   ClientPrune FUNCTIONS.md, "Scoring and pruning" (PRUNEIMPACT).
 */
#include "cp_prune.h"

#include <math.h>

#include "cp_sum.h"
#include "cp_table.h"

int cp_prune_impact(const double revenue[], size_t revenue_stride,
                    const double cost[], size_t cost_stride,
                    const double flags[], size_t flags_stride, size_t n,
                    double redeploy, double out[CP_IMPACT_COUNT])
{
    if (revenue == NULL || cost == NULL || flags == NULL || out == NULL)
        return CP_EINVAL;
    if (!cp_span_ok(n, revenue_stride) || !cp_span_ok(n, cost_stride) || !cp_span_ok(n, flags_stride))
        return CP_ELIMIT; /* no caller's memory holds so many */
    if (n == 0)
        return CP_EEMPTY;
    if (!(redeploy >= 0.0 && redeploy <= 1.0))
        return CP_EINVAL;

    cp_sum kept_rev = {0, 0}, kept_cost = {0, 0}, pruned_rev = {0, 0},
           pruned_cost = {0, 0}, abs_rev = {0, 0};
    for (size_t i = 0; i < n; i++) {
        double x = revenue[i * revenue_stride], c = cost[i * cost_stride];
        double f = flags[i * flags_stride];
        if (!isfinite(x) || !isfinite(c) || (f != 0.0 && f != 1.0))
            return CP_EINVAL;
        cp_sum_add(f == 0.0 ? &kept_rev : &pruned_rev, x);
        cp_sum_add(f == 0.0 ? &kept_cost : &pruned_cost, c);
        cp_sum_add(&abs_rev, fabs(x));
    }
    const double R = cp_sum_value(&kept_rev), C = cp_sum_value(&kept_cost);
    const double Cp = cp_sum_value(&pruned_cost);
    if (C == 0.0 && redeploy > 0.0)
        return CP_EINVAL;

    double extra_cost = redeploy * Cp;
    double extra_rev = 0.0; /* r Cp R / C, 0 when nothing is redeployed */
    if (extra_cost != 0.0) {
        /* In the first order whose intermediate is finite, so the product
         * overflows only when it is itself beyond the doubles. */
        double ratio = R / C, per_cost = extra_cost / C;
        extra_rev = isfinite(ratio)      ? extra_cost * ratio
                    : isfinite(per_cost) ? per_cost * R
                                         : (extra_cost * R) / C;
    }
    double rev_after = R + extra_rev;
    double profit_after = rev_after - (C + extra_cost);
    /* The before figures add the kept and pruned sums; their compensation
     * terms go along. */
    cp_sum all_rev = kept_rev, all_cost = kept_cost;
    cp_sum_add(&all_rev, pruned_rev.sum);
    all_rev.comp += pruned_rev.comp;
    cp_sum_add(&all_cost, pruned_cost.sum);
    all_cost.comp += pruned_cost.comp;
    double rev_before = cp_sum_value(&all_rev);
    double profit_before = rev_before - cp_sum_value(&all_cost);

    const double zero = CP_IMPACT_MARGIN_RELTOL * cp_sum_value(&abs_rev);
    out[CP_IMPACT_PROFIT_AFTER] = profit_after;
    out[CP_IMPACT_PROFIT_BEFORE] = profit_before;
    out[CP_IMPACT_REVENUE_AFTER] = rev_after;
    out[CP_IMPACT_REVENUE_BEFORE] = rev_before;
    out[CP_IMPACT_MARGIN_AFTER] = fabs(rev_after) <= zero ? NAN : profit_after / rev_after;
    out[CP_IMPACT_MARGIN_BEFORE] = fabs(rev_before) <= zero ? NAN : profit_before / rev_before;
    for (int k = 0; k < CP_IMPACT_COUNT; k++)
        if (isinf(out[k]) || (isnan(out[k]) && k < CP_IMPACT_MARGIN_AFTER))
            return CP_ELIMIT;
    return CP_OK;
}
