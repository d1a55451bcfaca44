/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_prune_rank(...)                    PRUNERANK
 *
 * DESCRIPTION
 *   Clients are ordered by score, ascending (the weakest first), then by
 *   revenue, ascending, when revenue is given.  A client's rank is one more
 *   than the number of population clients strictly before it in that order,
 *   so clients still tied share the lowest rank of their group (Calc's RANK
 *   with ascending order).  The population's (score, revenue) pairs are
 *   radix-sorted once (O(m)); in table mode one walk over the sorted order
 *   gives every rank, in row mode each client's rank is a binary search:
 *   O(m + n log m).
 *
 * REFERENCES
 *   ClientPrune FUNCTIONS.md, "Scoring and pruning".
 */
#include "cp_score.h"
#include "cp_score_internal.h"

#include <math.h>
#include <stdlib.h>

#include "cp_alloc.h"
#include "cp_select.h"
#include "cp_sort.h"

typedef struct {
    double score, revenue;
} pair;

static int pair_less(const pair *a, const pair *b)
{
    return a->score < b->score ||
           (a->score == b->score && a->revenue < b->revenue);
}

/* Number of sorted[0..n) strictly before key. */
static size_t count_before(const pair *sorted, size_t n, const pair *key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (pair_less(&sorted[mid], key))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int scores_ok(const double s[], size_t stride, const double r[],
                     size_t rstride, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (isinf(s[i * stride]))
            return CP_EINVAL;
        if (r != NULL && !isfinite(r[i * rstride]))
            return CP_EINVAL;
    }
    return CP_OK;
}

int cp_prune_rank(const double score[], size_t score_stride,
                  const double revenue[], size_t revenue_stride, size_t n,
                  const double pop_score[], size_t pop_score_stride,
                  const double pop_revenue[], size_t pop_revenue_stride,
                  size_t n_pop, double rank[], size_t rank_stride)
{
    if (score == NULL || rank == NULL)
        return CP_EINVAL;
    if (n == 0)
        return CP_EEMPTY;
    if (pop_score == NULL) { /* table mode */
        if (pop_revenue != NULL)
            return CP_EINVAL;
        pop_score = score;
        pop_score_stride = score_stride;
        pop_revenue = revenue;
        pop_revenue_stride = revenue_stride;
        n_pop = n;
    } else if (n_pop == 0) {
        return CP_EEMPTY;
    }
    if ((revenue == NULL) != (pop_revenue == NULL))
        return CP_EINVAL;
    int status = scores_ok(score, score_stride, revenue, revenue_stride, n);
    if (status == CP_OK)
        status = scores_ok(pop_score, pop_score_stride, pop_revenue,
                           pop_revenue_stride, n_pop);
    if (status != CP_OK)
        return status;

    /* The known population pairs, compacted, then sorted (radix, O(n)). */
    pair *known = cp_alloc_array(n_pop, sizeof *known);
    pair *sorted = cp_alloc_array(n_pop, sizeof *sorted);
    size_t *from = cp_alloc_array(n_pop, sizeof *from);  /* pop index of known[k] */
    size_t *order = cp_alloc_array(n_pop, sizeof *order);
    if (known == NULL || sorted == NULL || from == NULL || order == NULL) {
        cp_free(known);
        cp_free(sorted);
        cp_free(from);
        cp_free(order);
        return CP_ENOMEM;
    }
    size_t m = 0;
    for (size_t i = 0; i < n_pop; i++) {
        double s = pop_score[i * pop_score_stride];
        if (isnan(s))
            continue;
        known[m].score = s;
        known[m].revenue = pop_revenue ? pop_revenue[i * pop_revenue_stride] : 0.0;
        from[m++] = i;
    }
    status = cp_argsort2(&known[0].score, 2, pop_revenue ? &known[0].revenue : NULL, 2, m, order);
    if (status == CP_OK) {
        for (size_t k = 0; k < m; k++)
            sorted[k] = known[order[k]];
        if (score == pop_score && revenue == pop_revenue) {
            /* Table mode: walk the sorted order once; a tie group's rank is
             * 1 + the position of its first member. */
            for (size_t i = 0; i < n; i++)
                rank[i * rank_stride] = NAN;
            size_t first = 0;
            for (size_t k = 0; k < m; k++) {
                if (k > 0 && pair_less(&sorted[k - 1], &sorted[k]))
                    first = k;
                rank[from[order[k]] * rank_stride] = 1.0 + (double)first;
            }
        } else {
            for (size_t i = 0; i < n; i++) {
                double s = score[i * score_stride];
                if (isnan(s)) {
                    rank[i * rank_stride] = NAN;
                    continue;
                }
                pair key = {s, revenue ? revenue[i * revenue_stride] : 0.0};
                rank[i * rank_stride] = 1.0 + (double)count_before(sorted, m, &key);
            }
        }
    }
    cp_free(known);
    cp_free(from);
    cp_free(order);
    cp_free(sorted);
    return status;
}

double cp_prune_rank_cutoff(double score[], size_t n, size_t k)
{
    /* The k-th smallest (1-based); see cp_score_internal.h for why this is
     * PRUNERANK's rule. */
    return cp_select_kth(score, n, k - 1);
}
