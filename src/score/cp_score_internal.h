/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cp_score_internal.h - the pieces of CLIENTSCORE and PRUNERANK that other
 * core modules build on (internal header; not part of the add-in's API).
 *
 * PRUNESTABILITY (src/health/) re-scores the book many times with jittered
 * weights.  It must give exactly what CLIENTSCORE and PRUNERANK would give
 * for those weights, so it uses these functions rather than a second copy:
 * the per-criterion statistics and normalisation, the weight checks, the
 * final division, and the PRUNERANK cut-off.
 */
#ifndef CP_SCORE_INTERNAL_H
#define CP_SCORE_INTERNAL_H

#include <math.h>
#include <stddef.h>

#include "cp_score.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What one criterion's population looks like. */
typedef struct {
    size_t n;     /* known values */
    int flat;     /* n < 2 or all known values equal: every client gets 0.5 */
    double scale; /* power of two: max |x| * scale lies in [0.5, 1) (cp_pow2_scale_of) */
    double lo, hi;     /* scaled min and max */
    double mean, sd;   /* scaled mean and sample standard deviation (zscore only) */
    const double *sorted; /* raw known values ascending (percentile only) */
} cp_crit_stats;

/* Fills st for column j of pop (NaN = not known).  buf needs room for
 * pop->rows values for the percentile method and may be NULL otherwise;
 * st->sorted points into it.  Returns CP_OK, or CP_ENOMEM when sorting
 * (percentile only) cannot allocate. */
int cp_crit_stats_fill(cp_crit_stats *st, const cp_table *pop, size_t j,
                       cp_method method, double *buf);

/* The 0..1 value of a known x on criterion st (direction not applied). */
double cp_crit_normalise(const cp_crit_stats *st, cp_method method, double x);

/* CP_OK when t has rows and columns, tda >= cols and no infinite value;
 * else CP_EEMPTY or CP_EINVAL. */
int cp_score_table_ok(const cp_table *t);

/* Checks m weights (finite, >= 0, not all 0, no positive weight below
 * 2^-2034 of the largest) and directions (+1 or -1, or NULL) and writes to
 * *wscale the power of two that brings the largest weight into
 * [2^959, 2^960) (at most 2^1023): an exact scaling that keeps sums of
 * weights finite and every positive weight above zero.  Returns CP_OK or
 * CP_EINVAL. */
int cp_score_weights_ok(const double weights[], size_t wstride,
                        const double directions[], size_t dstride, size_t m,
                        double *wscale);

/* A client's score from sum_j w_j v_j and sum_j w_j over its known
 * criteria of positive weight; NaN (an empty result) when that is none. */
static inline double cp_score_finish(double acc, double wsum)
{
    return wsum > 0.0 ? 100.0 * (acc / wsum) : NAN;
}

/*
 * cp_prune_rank_cutoff - the PRUNERANK rule as a cut-off.
 *
 * Without revenue, PRUNERANK(s) = 1 + #{scores < s}, so PRUNERANK(s) <= k
 * exactly when s <= the k-th smallest score (1 <= k <= n): everything
 * strictly below that score is among the first k - 1 places, and a larger
 * score has all k smallest ones below it.  Clients tied at the cut-off all
 * pass, as they share one rank.  Returns that k-th smallest of score[0..n),
 * which must hold no NaN; score is rearranged (the caller's scratch copy).
 * Expected O(n).
 */
double cp_prune_rank_cutoff(double score[], size_t n, size_t k);

#ifdef __cplusplus
}
#endif

#endif /* CP_SCORE_INTERNAL_H */
