/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_profit_whale_curve(...)            WHALECURVE
 *   int cp_profit_whale_peak(...)             WHALEPEAK
 *
 * DESCRIPTION
 *   The whale curve (Kaplan and Cooper 1998) plots, clients sorted from the
 *   most to the least profitable, the cumulative share of total profit
 *   against the cumulative share of clients:
 *
 *     point k = (k / n, (p_(1) + ... + p_(k)) / P),  p_(1) >= ... >= p_(n),
 *
 *   P the total profit (> 0).  It climbs above 1 while clients make money
 *   and falls back to 1 as the loss-making ones are added: the hump is the
 *   profit the unprofitable clients give away.  Equal profits give equal
 *   points whichever comes first, so the curve is well defined.
 *
 *   Its peak needs no sort: the partial sums grow exactly while p_(k) > 0,
 *   so the highest point is (number of positive profits) / n, (sum of the
 *   positive profits) / P, and no earlier point reaches it.
 *
 *   Profits are scaled by a power of two (exact) and summed with Neumaier
 *   sums; the curve's last point is the total itself, so it is exactly 1.
 *
 * REFERENCES
 *   ClientPrune FUNCTIONS.md, "Profitability and concentration".
 *   R. S. Kaplan and R. Cooper (1998), Cost & Effect, Harvard Business
 *   School Press, ch. 10 (the whale curve of customer profitability).
 */
#include "cp_profit.h"

#include <math.h>

#include "cp_alloc.h"
#include "cp_sort.h"
#include "cp_sum.h"

static int profits_ok(const double p[], size_t stride, size_t n)
{
    if (p == NULL)
        return CP_EINVAL;
    if (n == 0)
        return CP_EEMPTY;
    if (!cp_span_ok(n, stride))
        return CP_ELIMIT; /* no caller's memory holds so many */
    for (size_t i = 0; i < n; i++)
        if (!isfinite(p[i * stride]))
            return CP_EINVAL;
    return CP_OK;
}

int cp_profit_whale_curve(const double profit[], size_t profit_stride, size_t n,
                          double client_share[], size_t client_stride,
                          double profit_share[], size_t share_stride)
{
    int check = profits_ok(profit, profit_stride, n);
    if (check == CP_OK && (client_share == NULL || profit_share == NULL))
        check = CP_EINVAL;
    if (check == CP_OK && (!cp_span_ok(n, client_stride) || !cp_span_ok(n, share_stride)))
        check = CP_ELIMIT; /* no caller's memory holds so many */
    if (check != CP_OK)
        return check;
    double *sorted = cp_alloc_array(n, sizeof *sorted);
    if (sorted == NULL)
        return CP_ENOMEM;
    const double scale = cp_pow2_scale(profit, profit_stride, n);
    for (size_t i = 0; i < n; i++)
        sorted[i] = profit[i * profit_stride] * scale;
    check = cp_sort_doubles(sorted, n); /* ascending: walk it backwards */
    if (check != CP_OK) {
        cp_free(sorted);
        return check;
    }
    /* Partial sums first (into profit_share), then divide by the last. */
    cp_sum cum = {0.0, 0.0};
    for (size_t k = 0; k < n; k++) {
        cp_sum_add(&cum, sorted[n - 1 - k]);
        profit_share[k * share_stride] = cp_sum_value(&cum);
    }
    cp_free(sorted);
    const double total = cp_sum_value(&cum);
    if (!(total > 0.0))
        return CP_EINVAL;
    int status = CP_OK;
    for (size_t k = 0; k < n; k++) {
        profit_share[k * share_stride] /= total;
        client_share[k * client_stride] = (double)(k + 1) / (double)n;
        if (!isfinite(profit_share[k * share_stride]))
            status = CP_ELIMIT; /* a total tiny next to the profits */
    }
    return status;
}

int cp_profit_whale_peak(const double profit[], size_t profit_stride, size_t n,
                         double *peak_share, double *client_share)
{
    int status = profits_ok(profit, profit_stride, n);
    if (status == CP_OK && (peak_share == NULL || client_share == NULL))
        status = CP_EINVAL;
    if (status != CP_OK)
        return status;
    const double scale = cp_pow2_scale(profit, profit_stride, n);
    cp_sum gains = {0.0, 0.0}, total = {0.0, 0.0};
    size_t winners = 0;
    for (size_t i = 0; i < n; i++) {
        double p = profit[i * profit_stride];
        cp_sum_add(&total, p * scale);
        if (p > 0.0) {
            cp_sum_add(&gains, p * scale);
            winners++;
        }
    }
    const double t = cp_sum_value(&total);
    if (!(t > 0.0))
        return CP_EINVAL;
    *peak_share = cp_sum_value(&gains) / t;
    *client_share = (double)winners / (double)n;
    return isfinite(*peak_share) ? CP_OK : CP_ELIMIT;
}
