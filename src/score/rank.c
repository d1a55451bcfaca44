/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_prune_rank(...)                    PRUNERANK
 *   int cp_prune_order(...)                   its order, for PRUNESET
 *
 * DESCRIPTION
 *   Clients are ordered by score, ascending (the weakest first), then by
 *   revenue, ascending, when revenue is given.  A client's rank is one more
 *   than the number of population clients strictly before it in that order,
 *   so clients still tied share the lowest rank of their group (Calc's RANK
 *   with ascending order).
 *
 *   The order is two stable radix sorts of the client indices (cp_sort.h),
 *   by revenue and then by score, so ties in both stay in sheet order.  In
 *   table mode the ranks follow from one walk along the order; in row mode
 *   the population's (score, revenue) pairs are laid out in that order and
 *   each client's rank is a binary search: O(n_pop + n log n_pop).
 *
 * REFERENCES
 *   ClientPrune FUNCTIONS.md, "Scoring and pruning".
 */
#include "cp_score.h"
#include "cp_score_internal.h"

#include <math.h>
#include <string.h>

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

static pair pair_of(const double s[], size_t ss, const double r[], size_t rs, size_t i)
{
    pair p = {s[i * ss], r ? r[i * rs] : 0.0};
    return p;
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

/* Sorts order[0..n) stably by value[order[i] * vs], using keys[0..n) and
 * the scratch buffers (of at least n values).  Runs of equal scores are
 * mostly short: insertion sort up to 32, a merge sort up to 4096 (a radix
 * sort's fixed cost, six 2048-bucket passes, would dominate there), a
 * radix sort beyond. */
static void sort_run_by(const double value[], size_t vs, size_t order[], uint64_t keys[],
                        uint64_t tmp_keys[], size_t tmp_order[], size_t n)
{
    for (size_t j = 0; j < n; j++)
        keys[j] = cp_sort_key(value[order[j] * vs]);
    if (n > 4096) {
        cp_sort_keys(keys, order, tmp_keys, tmp_order, n);
        return;
    }
    /* Insertion sort of blocks of 32, then bottom-up merges. */
    for (size_t lo = 0; lo < n; lo += 32) {
        const size_t hi = lo + 32 < n ? lo + 32 : n;
        for (size_t j = lo + 1; j < hi; j++) {
            const uint64_t key = keys[j];
            const size_t at = order[j];
            size_t i = j;
            for (; i > lo && keys[i - 1] > key; i--) {
                keys[i] = keys[i - 1];
                order[i] = order[i - 1];
            }
            keys[i] = key;
            order[i] = at;
        }
    }
    for (size_t width = 32; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            const size_t mid = lo + width < n ? lo + width : n;
            const size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, o = lo;
            while (i < mid && j < hi) {
                const int right = keys[j] < keys[i]; /* ties from the left: stable */
                const size_t from = right ? j++ : i++;
                tmp_keys[o] = keys[from];
                tmp_order[o++] = order[from];
            }
            for (; i < mid; i++, o++)
                tmp_keys[o] = keys[i], tmp_order[o] = order[i];
            for (; j < hi; j++, o++)
                tmp_keys[o] = keys[j], tmp_order[o] = order[j];
        }
        memcpy(keys, tmp_keys, n * sizeof *keys);
        memcpy(order, tmp_order, n * sizeof *order);
    }
}

/* The indices of the clients with a known score, in pruning order (ties in
 * sheet order), into order[0..*m).  Inputs already checked. */
static int sorted_order(const double score[], size_t ss, const double revenue[],
                        size_t rs, size_t n, size_t order[], size_t *m)
{
    uint64_t *keys = cp_alloc_array(n, sizeof *keys);
    uint64_t *tmp_keys = cp_alloc_array(n, sizeof *tmp_keys);
    size_t *tmp_order = cp_alloc_array(n, sizeof *tmp_order);
    if (keys == NULL || tmp_keys == NULL || tmp_order == NULL) {
        cp_free(keys);
        cp_free(tmp_keys);
        cp_free(tmp_order);
        return CP_ENOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(score[i * ss]))
            order[k++] = i;
    /* By score (a stable sort: ties stay in sheet order), then each run of
     * equal scores by revenue.  Scores rarely tie, so this costs one radix
     * sort where sorting by revenue first and then by score cost two. */
    for (size_t j = 0; j < k; j++)
        keys[j] = cp_sort_key(score[order[j] * ss]);
    cp_sort_keys(keys, order, tmp_keys, tmp_order, k);
    for (size_t a = 0; revenue != NULL && a < k;) {
        size_t b = a + 1;
        while (b < k && keys[b] == keys[a])
            b++;
        if (b - a > 1)
            sort_run_by(revenue, rs, order + a, keys + a, tmp_keys, tmp_order, b - a);
        a = b;
    }
    *m = k;
    cp_free(keys);
    cp_free(tmp_keys);
    cp_free(tmp_order);
    return CP_OK;
}

int cp_prune_order(const double score[], size_t score_stride,
                   const double revenue[], size_t revenue_stride, size_t n,
                   size_t order[], size_t *m, double rank[], size_t rank_stride)
{
    if (score == NULL || order == NULL || m == NULL || rank == NULL)
        return CP_EINVAL;
    if (!cp_span_ok(n, score_stride) || !cp_span_ok(n, revenue_stride) || !cp_span_ok(n, rank_stride))
        return CP_ELIMIT; /* no caller's memory holds so many */
    if (n == 0)
        return CP_EEMPTY;
    int status = scores_ok(score, score_stride, revenue, revenue_stride, n);
    if (status == CP_OK)
        status = sorted_order(score, score_stride, revenue, revenue_stride, n, order, m);
    if (status != CP_OK)
        return status;
    for (size_t i = 0; i < n; i++)
        rank[i * rank_stride] = NAN;
    /* A client tied with the one before it shares its rank: 1 + the number
     * of clients strictly before the group. */
    size_t first = 0;
    for (size_t k = 0; k < *m; k++) {
        if (k > 0) {
            pair a = pair_of(score, score_stride, revenue, revenue_stride, order[k - 1]);
            pair b = pair_of(score, score_stride, revenue, revenue_stride, order[k]);
            if (pair_less(&a, &b))
                first = k;
        }
        rank[order[k] * rank_stride] = 1.0 + (double)first;
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
    if (!cp_span_ok(n, score_stride) || !cp_span_ok(n, revenue_stride) || !cp_span_ok(n, rank_stride) ||
        !cp_span_ok(n_pop, pop_score_stride) || !cp_span_ok(n_pop, pop_revenue_stride))
        return CP_ELIMIT; /* no caller's memory holds so many */
    if (n == 0)
        return CP_EEMPTY;
    if (pop_score == NULL) { /* table mode */
        if (pop_revenue != NULL)
            return CP_EINVAL;
        size_t *order = cp_alloc_array(n, sizeof *order), m;
        if (order == NULL)
            return CP_ENOMEM;
        int status = cp_prune_order(score, score_stride, revenue, revenue_stride, n,
                                    order, &m, rank, rank_stride);
        cp_free(order);
        return status;
    }
    if (n_pop == 0)
        return CP_EEMPTY;
    if ((revenue == NULL) != (pop_revenue == NULL))
        return CP_EINVAL;
    int status = scores_ok(score, score_stride, revenue, revenue_stride, n);
    if (status == CP_OK)
        status = scores_ok(pop_score, pop_score_stride, pop_revenue,
                           pop_revenue_stride, n_pop);
    if (status != CP_OK)
        return status;

    size_t *order = cp_alloc_array(n_pop, sizeof *order), m = 0;
    pair *sorted = cp_alloc_array(n_pop, sizeof *sorted);
    if (order == NULL || sorted == NULL) {
        cp_free(order);
        cp_free(sorted);
        return CP_ENOMEM;
    }
    status = sorted_order(pop_score, pop_score_stride, pop_revenue, pop_revenue_stride,
                          n_pop, order, &m);
    for (size_t k = 0; status == CP_OK && k < m; k++)
        sorted[k] = pair_of(pop_score, pop_score_stride, pop_revenue, pop_revenue_stride,
                            order[k]);
    for (size_t i = 0; status == CP_OK && i < n; i++) {
        pair key = pair_of(score, score_stride, revenue, revenue_stride, i);
        rank[i * rank_stride] =
            isnan(key.score) ? NAN : 1.0 + (double)count_before(sorted, m, &key);
    }
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
