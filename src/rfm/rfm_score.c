/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_rfm_score(...)                     RFMSCORE
 *   int cp_rfm_segment(...)                   RFMSEGMENT
 *
 * DESCRIPTION
 *   RFM scoring by rank (Hughes' recency-frequency-monetary quintiles, in
 *   the rank form that needs no cut-off table): for each criterion, with n
 *   population values and `below` of them strictly worse than the
 *   customer's value,
 *
 *     score = min(bins, 1 + floor(bins * below / n))
 *
 *   computed in integers, so it is exact.  Worse means more days since the
 *   last purchase for R and a smaller value for F and M.  Each criterion's
 *   population is sorted once and `below` is a binary search.
 *
 *   Segments: R and FM = round-half-up((F + M) / 2) = (F + M + 1) div 2
 *   index the 5 x 5 map of cp_rfm.h.
 *
 * REFERENCES
 *   A. M. Hughes, Strategic Database Marketing, McGraw-Hill 1994 (RFM).
 *   ClientPrune FUNCTIONS.md, "RFM" (the rank rule and the segment map).
 */
#include "cp_rfm.h"

#include <math.h>
#include <stdlib.h>

#include "cp_alloc.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Number of sorted[0..n) that are < x (above == 0) or > x (above == 1). */
static size_t count_beyond(const double *sorted, size_t n, double x, int above)
{
    size_t lo = 0, hi = n;
    if (above) { /* first index with sorted[i] > x */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (sorted[mid] <= x)
                lo = mid + 1;
            else
                hi = mid;
        }
        return n - lo;
    }
    while (lo < hi) { /* first index with sorted[i] >= x */
        size_t mid = lo + (hi - lo) / 2;
        if (sorted[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int table_ok(const cp_table *t)
{
    if (t->data == NULL || t->rows == 0)
        return CP_EEMPTY;
    if (t->cols != CP_RFM_SCORE_COLS)
        return CP_EBADLEN;
    if (t->tda < t->cols)
        return CP_EINVAL;
    for (size_t i = 0; i < t->rows; i++)
        for (size_t j = 0; j < t->cols; j++)
            if (!isfinite(cp_table_get(t, i, j)))
                return CP_EINVAL;
    return CP_OK;
}

int cp_rfm_score(const cp_table *customers, const cp_table *population, int bins,
                 double code[], size_t stride)
{
    if (customers == NULL || code == NULL || bins < 2 || bins > 9)
        return CP_EINVAL;
    const cp_table *pop = population ? population : customers;
    int status = table_ok(customers);
    if (status == CP_OK && pop != customers)
        status = table_ok(pop);
    if (status != CP_OK)
        return status;

    const size_t n = pop->rows;
    double *sorted = cp_alloc_array(n, sizeof *sorted);
    if (sorted == NULL)
        return CP_ENOMEM;
    static const double weight[CP_RFM_SCORE_COLS] = {100.0, 10.0, 1.0};
    for (size_t i = 0; i < customers->rows; i++)
        code[i * stride] = 0.0;
    for (size_t j = 0; j < CP_RFM_SCORE_COLS; j++) {
        for (size_t i = 0; i < n; i++)
            sorted[i] = cp_table_get(pop, i, j);
        qsort(sorted, n, sizeof *sorted, cmp_double);
        const int above = j == CP_RFM_DAYS_SINCE_LAST; /* more days is worse */
        for (size_t i = 0; i < customers->rows; i++) {
            size_t below = count_beyond(sorted, n, cp_table_get(customers, i, j), above);
            /* below <= n and bins <= 9, so bins * below cannot overflow */
            size_t s = 1 + (size_t)bins * below / n;
            if (s > (size_t)bins)
                s = (size_t)bins;
            code[i * stride] += weight[j] * (double)s;
        }
    }
    cp_free(sorted);
    return CP_OK;
}

static const char *const segment_map[5][5] = {
    /* R = 1 */ {"Lost", "Lost", "Hibernating", "At risk", "Can't lose"},
    /* R = 2 */ {"Hibernating", "Hibernating", "At risk", "At risk", "Can't lose"},
    /* R = 3 */ {"About to sleep", "Needs attention", "Needs attention", "Loyal", "Loyal"},
    /* R = 4 */ {"Promising", "Promising", "Potential loyalist", "Loyal", "Champions"},
    /* R = 5 */ {"New", "Promising", "Potential loyalist", "Loyal", "Champions"},
};

int cp_rfm_segment(double code, const char **name)
{
    if (name == NULL || !(code >= 111.0 && code <= 555.0) || code != floor(code))
        return CP_EINVAL;
    int c = (int)code;
    int r = c / 100, f = c / 10 % 10, m = c % 10;
    if (f < 1 || f > 5 || m < 1 || m > 5) /* r is 1..5 by the range check */
        return CP_EINVAL;
    int fm = (f + m + 1) / 2; /* round half up of (f + m) / 2 */
    *name = segment_map[r - 1][fm - 1];
    return CP_OK;
}
