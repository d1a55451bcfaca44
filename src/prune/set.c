/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_prune_set(...)                     PRUNESET
 *
 * DESCRIPTION
 *   The prune set is a prefix of PRUNERANK's order, so it is walked along
 *   that very order: cp_prune_order (src/score/rank.c, with revenue as the
 *   tie-break) lists the clients with a known score in pruning order with
 *   their PRUNERANK ranks, clients sharing a rank being one group.  The
 *   walk adds each group's revenue to the running loss L_g and marks the
 *   group while
 *
 *     L_g <= max_loss * T * (1 + 1e-12),     T = sum of known-score revenue,
 *
 *   stopping at the first group that does not fit.  Sums are Neumaier sums
 *   of the revenue scaled by a power of two (exact), so they neither depend
 *   on the order of the sheet nor overflow.
 *
 * REFERENCES
 *   ClientPrune FUNCTIONS.md, "Scoring and pruning" (PRUNESET, PRUNERANK).
 */
#include "cp_prune.h"

#include <math.h>

#include "cp_alloc.h"
#include "cp_score.h"
#include "cp_sum.h"

int cp_prune_set(const double score[], size_t score_stride,
                 const double revenue[], size_t revenue_stride, size_t n,
                 double max_loss, double flag[], size_t flag_stride)
{
    if (score == NULL || revenue == NULL || flag == NULL)
        return CP_EINVAL;
    if (!cp_span_ok(n, score_stride) || !cp_span_ok(n, revenue_stride) || !cp_span_ok(n, flag_stride))
        return CP_ELIMIT; /* no caller's memory holds so many */
    if (n == 0)
        return CP_EEMPTY;
    if (!(max_loss >= 0.0 && max_loss <= 1.0))
        return CP_EINVAL;

    double *rank = cp_alloc_array(n, sizeof *rank);
    size_t *order = cp_alloc_array(n, sizeof *order), m = 0;
    if (rank == NULL || order == NULL) {
        cp_free(rank);
        cp_free(order);
        return CP_ENOMEM;
    }
    /* Validates scores (no infinity) and revenue (finite) too. */
    int status = cp_prune_order(score, score_stride, revenue, revenue_stride, n,
                                order, &m, rank, 1);
    const double scale = status == CP_OK ? cp_pow2_scale(revenue, revenue_stride, n) : 1.0;
    cp_sum total = {0.0, 0.0};
    for (size_t k = 0; status == CP_OK && k < m; k++)
        cp_sum_add(&total, revenue[order[k] * revenue_stride] * scale);
    const double t = cp_sum_value(&total);
    if (status == CP_OK && m > 0 && !(t > 0.0))
        status = CP_EINVAL;

    /* Walk the rank groups; `marked` is the last rank that fits.  When every
     * score is empty (m = 0) every flag is NaN below. */
    const double limit = max_loss * t * (1.0 + CP_PRUNE_LIMIT_RELTOL);
    cp_sum loss = {0.0, 0.0};
    double marked = 0.0;
    size_t k = 0;
    while (status == CP_OK && k < m) {
        double r = rank[order[k]];
        for (; k < m && rank[order[k]] == r; k++)
            cp_sum_add(&loss, revenue[order[k] * revenue_stride] * scale);
        if (!(cp_sum_value(&loss) <= limit))
            break;
        marked = r;
    }
    for (size_t i = 0; status == CP_OK && i < n; i++)
        flag[i * flag_stride] = isnan(rank[i]) ? NAN : (rank[i] <= marked ? 1.0 : 0.0);

    cp_free(rank);
    cp_free(order);
    return status;
}
