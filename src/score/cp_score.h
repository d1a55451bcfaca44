/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cp_score.h - client assessment: CLIENTSCORE and PRUNERANK.
 *
 * Both functions work in "table mode" (the clients are the population) and
 * "row mode" (some clients scored or ranked against a population given
 * separately); the same code path serves both, so a client gets bit-identical
 * numbers either way.
 */
#ifndef CP_SCORE_H
#define CP_SCORE_H

#include <stddef.h>

#include "cp_status.h"
#include "cp_table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    CP_METHOD_MINMAX = 0,     /* (x - min) / (max - min) */
    CP_METHOD_PERCENTILE = 1, /* mid-rank share of the population below x */
    CP_METHOD_ZSCORE = 2      /* normal CDF of (x - mean) / sd */
} cp_method;

/* Parses "minmax", "percentile" or "zscore" (any letter case).
 * Returns CP_OK or CP_EINVAL for any other name. */
int cp_method_from_name(const char *name, cp_method *method);

/*
 * cp_score_clients - the 0..100 score of each client (CLIENTSCORE).
 *
 * clients     one row per client, one column per criterion; NaN = not known.
 * population  the table the criteria are normalised over, with as many
 *             columns as clients; NULL means clients itself (table mode).
 * weights     cols weights >= 0, not all 0, finite (stride wstride); a
 *             positive weight below 2^-2034 (about 1e-612) of the largest
 *             is invalid.
 * directions  cols values, each exactly +1 or -1 (stride dstride); NULL
 *             means all +1.
 * score       out: clients->rows values (stride sstride), each in 0..100,
 *             or NaN for a client with no known criterion of positive
 *             weight ("empty result").
 *
 * Each criterion is normalised to 0..1 over its known population values
 * (fewer than 2 of them, or all equal, give 0.5), turned around (1 - v)
 * where its direction is -1, and the weights of the client's known criteria
 * are re-normalised to sum 1.
 *
 * Returns CP_OK; CP_EEMPTY for a table without rows or columns; CP_EBADLEN
 * when the population width differs from the clients'; CP_EINVAL for a bad
 * weight, direction or method, or an infinite value; CP_ENOMEM.
 * The caller owns every array; nothing is kept after the call.
 */
int cp_score_clients(const cp_table *clients, const cp_table *population,
                     const double weights[], size_t wstride,
                     const double directions[], size_t dstride,
                     cp_method method, double score[], size_t sstride);

/*
 * cp_prune_rank - the pruning order of each client (PRUNERANK).
 *
 * score, revenue  n clients (revenue may be NULL: no tie-break); a NaN score
 *                 is an empty score, which gets a NaN rank and is left out
 *                 of the population.  Revenue must be finite (the glue turns
 *                 blanks into 0).
 * pop_score, pop_revenue, n_pop
 *                 the population to rank against (row mode), or pop_score
 *                 NULL for table mode, where the clients are the population
 *                 and pop_revenue must be NULL too.  In row mode revenue and
 *                 pop_revenue are both given or both NULL.
 * rank            out: n values; rank 1 is the first client to prune.
 *
 * rank = 1 + the number of population clients with a lower score, or the
 * same score and a lower revenue (when revenue is given), so clients still
 * tied share the lowest rank of their group as Calc's RANK does.
 *
 * Returns CP_OK, CP_EEMPTY (n = 0 or, in row mode, n_pop = 0), CP_EINVAL
 * (an infinite score, a non-finite revenue, revenue given on one side only),
 * CP_ENOMEM.  Table mode runs in O(n) (cp_prune_order), row mode in
 * O(n_pop + n log n_pop).
 */
int cp_prune_rank(const double score[], size_t score_stride,
                  const double revenue[], size_t revenue_stride, size_t n,
                  const double pop_score[], size_t pop_score_stride,
                  const double pop_revenue[], size_t pop_revenue_stride,
                  size_t n_pop, double rank[], size_t rank_stride);

/*
 * cp_prune_order - PRUNERANK's order and ranks in table mode, for the
 * functions that walk the clients in that order (PRUNESET).
 *
 * score, revenue  as for cp_prune_rank (revenue may be NULL).
 * order           out: room for n; the first *m entries are the indices of
 *                 the clients with a known score, in pruning order (ties in
 *                 sheet order).
 * m               out: the number of clients with a known score.
 * rank            out: n values (stride rank_stride), exactly what
 *                 cp_prune_rank gives in table mode; NaN for an empty score.
 *                 Clients tied in the order share a rank, so a rank group is
 *                 a run of equal ranks along order.
 *
 * Returns CP_OK, CP_EEMPTY (n = 0), CP_EINVAL (an infinite score, a
 * non-finite revenue), CP_ENOMEM.  O(n): two radix sorts (cp_sort.h).
 */
int cp_prune_order(const double score[], size_t score_stride,
                   const double revenue[], size_t revenue_stride, size_t n,
                   size_t order[], size_t *m, double rank[], size_t rank_stride);

#ifdef __cplusplus
}
#endif

#endif /* CP_SCORE_H */
