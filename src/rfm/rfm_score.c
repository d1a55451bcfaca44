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
 *   last purchase for R and a smaller value for F and M.  In table mode each
 *   column is radix-sorted with the row numbers (cp_sort.h) and one walk
 *   over the sorted groups of equal values gives every row its `below`: a
 *   group starting at sorted position g and ending before h has g values
 *   below it and n - h above.  In row mode the population column is sorted
 *   and `below` is a binary search for each customer.
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
#include <stdint.h>
#include <stdlib.h>

#include "cp_alloc.h"
#include "cp_sort.h"

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
    if (!cp_table_span_ok(t))
        return CP_ELIMIT; /* no caller's memory holds so many */
    for (size_t i = 0; i < t->rows; i++)
        for (size_t j = 0; j < t->cols; j++)
            if (!isfinite(cp_table_get(t, i, j)))
                return CP_EINVAL;
    return CP_OK;
}

/* The score of a customer with `below` of n values strictly worse. */
static double bin_score(size_t below, size_t n, int bins)
{
    /* below <= n and bins <= 9, so bins * below cannot overflow */
    size_t s = 1 + (size_t)bins * below / n;
    return (double)(s > (size_t)bins ? (size_t)bins : s);
}

static const double weight[CP_RFM_SCORE_COLS] = {100.0, 10.0, 1.0};

/* Table mode: every customer against the customers themselves. */
static int score_table(const cp_table *t, int bins, double code[], size_t stride)
{
    const size_t n = t->rows;
    uint64_t *keys = cp_alloc_array(n, sizeof *keys), *tmp_keys = cp_alloc_array(n, sizeof *tmp_keys);
    size_t *order = cp_alloc_array(n, sizeof *order), *tmp_order = cp_alloc_array(n, sizeof *tmp_order);
    int status = keys && tmp_keys && order && tmp_order ? CP_OK : CP_ENOMEM;
    for (size_t i = 0; status == CP_OK && i < n; i++)
        code[i * stride] = 0.0;
    for (size_t j = 0; status == CP_OK && j < CP_RFM_SCORE_COLS; j++) {
        for (size_t i = 0; i < n; i++) {
            keys[i] = cp_sort_key(cp_table_get(t, i, j));
            order[i] = i;
        }
        cp_sort_keys(keys, order, tmp_keys, tmp_order, n);
        const int above = j == CP_RFM_DAYS_SINCE_LAST; /* more days is worse */
        for (size_t g = 0, h; g < n; g = h) {
            for (h = g + 1; h < n && keys[h] == keys[g];)
                h++;
            const double s = weight[j] * bin_score(above ? n - h : g, n, bins);
            for (size_t k = g; k < h; k++)
                code[order[k] * stride] += s;
        }
    }
    cp_free(keys), cp_free(tmp_keys), cp_free(order), cp_free(tmp_order);
    return status;
}

int cp_rfm_score(const cp_table *customers, const cp_table *population, int bins,
                 double code[], size_t stride)
{
    if (customers == NULL || code == NULL || bins < 2 || bins > 9)
        return CP_EINVAL;
    if (!cp_span_ok(customers->rows, stride))
        return CP_ELIMIT; /* no caller's memory holds so many */
    const cp_table *pop = population ? population : customers;
    int status = table_ok(customers);
    if (status == CP_OK && pop != customers)
        status = table_ok(pop);
    if (status != CP_OK)
        return status;
    if (pop == customers)
        return score_table(customers, bins, code, stride);

    const size_t n = pop->rows;
    double *sorted = cp_alloc_array(n, sizeof *sorted);
    if (sorted == NULL)
        return CP_ENOMEM;
    for (size_t i = 0; i < customers->rows; i++)
        code[i * stride] = 0.0;
    for (size_t j = 0; j < CP_RFM_SCORE_COLS && status == CP_OK; j++) {
        for (size_t i = 0; i < n; i++)
            sorted[i] = cp_table_get(pop, i, j);
        status = cp_sort_doubles(sorted, n);
        const int above = j == CP_RFM_DAYS_SINCE_LAST; /* more days is worse */
        for (size_t i = 0; status == CP_OK && i < customers->rows; i++) {
            size_t below = count_beyond(sorted, n, cp_table_get(customers, i, j), above);
            code[i * stride] += weight[j] * bin_score(below, n, bins);
        }
    }
    cp_free(sorted);
    return status;
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
