/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_check_customer(double x, double tx, double T)
 *   int cp_check_params(const double *params, size_t n)
 *   int cp_book_build(...)
 *
 * DESCRIPTION
 *   A fit's likelihood is a sum over customers of count_i ln L(x_i, t_x_i,
 *   T_i), so customers with the same (x, t_x, T) need to be evaluated once:
 *   the book merges equal rows (a hash table), adds up their counts and
 *   sorts the distinct rows.
 *   Real books have few distinct rows (times are whole days or weeks), which
 *   is what makes a fit of a million customers fast, and a summarised table
 *   with a count column gives exactly the same book as the full table.
 *   Sorting by frequency first also puts the rows of one frequency side by
 *   side, so the likelihoods compute their ln Gamma terms once per frequency.
 *
 * REFERENCES
 *   ClientPrune FUNCTIONS.md, "Prediction (customer-base models)".
 */
#include "models_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cp_alloc.h"
#include "cp_sort.h"

int cp_check_customer(double x, double tx, double T)
{
    if (!isfinite(x) || !isfinite(tx) || !isfinite(T))
        return CP_EINVAL;
    if (x < 0.0 || x != floor(x))
        return CP_EINVAL;
    if (tx < 0.0 || tx > T)
        return CP_EINVAL;
    if (x == 0.0 && tx != 0.0)
        return CP_EINVAL;
    return CP_OK;
}

int cp_check_params(const double *params, size_t n)
{
    if (params == NULL)
        return CP_EINVAL;
    for (size_t k = 0; k < n; k++)
        if (!isfinite(params[k]) || !(params[k] > 0.0))
            return CP_EDOM;
    return CP_OK;
}

static int cmp_row(const void *pa, const void *pb)
{
    const cp_row *a = pa, *b = pb;
    if (a->x != b->x)
        return a->x < b->x ? -1 : 1;
    if (a->tx != b->tx)
        return a->tx < b->tx ? -1 : 1;
    if (a->T != b->T)
        return a->T < b->T ? -1 : 1;
    return 0;
}

static uint64_t bits(double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    return u;
}

/* A hash of a row's (x, t_x, T), mixed as in splitmix64's finaliser. */
static uint64_t row_hash(const cp_row *r)
{
    uint64_t h = bits(r->x) * 0x9e3779b97f4a7c15u ^ bits(r->tx) * 0xc2b2ae3d27d4eb4fu ^
                 bits(r->T) * 0x165667b19e3779f9u;
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9u;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebu;
    return h ^ (h >> 31);
}

/* Merges equal rows in place (first occurrence kept, counts added in input
 * order) with an open-addressing hash table, so that only the distinct rows
 * need sorting: a million customers have some ten thousand. */
static int merge_equal(cp_row *rows, size_t n, size_t *m)
{
    size_t size = 16;
    while (size < 2 * n)
        size *= 2;
    size_t *slot = cp_alloc_array(size, sizeof *slot); /* index + 1, 0 = empty */
    if (slot == NULL)
        return CP_ENOMEM;
    memset(slot, 0, size * sizeof *slot);
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        size_t h = (size_t)row_hash(&rows[i]) & (size - 1);
        for (;;) {
            if (slot[h] == 0) {
                rows[u] = rows[i];
                slot[h] = ++u;
                break;
            }
            cp_row *r = &rows[slot[h] - 1];
            if (cmp_row(r, &rows[i]) == 0) {
                r->w += rows[i].w;
                break;
            }
            h = (h + 1) & (size - 1);
        }
    }
    cp_free(slot);
    *m = u;
    return CP_OK;
}

static int cmp_double(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return (a > b) - (a < b);
}

/* Index of v in the ascending, distinct times[0..n). */
static size_t time_index(const double *times, size_t n, double v)
{
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (times[mid] <= v)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* The distinct t_x and T values of the rows, and each row's indexes. */
static int index_times(cp_row *rows, size_t m, cp_book *book)
{
    double *times = cp_alloc_array(2 * m, sizeof *times);
    if (times == NULL)
        return CP_ENOMEM;
    for (size_t i = 0; i < m; i++) {
        times[2 * i] = rows[i].tx;
        times[2 * i + 1] = rows[i].T;
    }
    qsort(times, 2 * m, sizeof *times, cmp_double);
    size_t k = 0;
    for (size_t i = 0; i < 2 * m; i++)
        if (k == 0 || times[i] != times[k - 1])
            times[k++] = times[i];
    for (size_t i = 0; i < m; i++) {
        rows[i].itx = time_index(times, k, rows[i].tx);
        rows[i].iT = time_index(times, k, rows[i].T);
    }
    book->times = times;
    book->ntimes = k;
    return CP_OK;
}

void cp_book_free(cp_book *book)
{
    if (book == NULL)
        return;
    cp_free(book->rows);
    cp_free(book->times);
    book->rows = NULL;
    book->times = NULL;
}

int cp_book_build(cp_column x, cp_column tx, cp_column T, cp_column count, size_t n,
                  int gg, cp_book *book)
{
    if (book == NULL || x.data == NULL || tx.data == NULL || (!gg && T.data == NULL))
        return CP_EINVAL;
    if (n == 0)
        return CP_EEMPTY;
    if (n > ((size_t)1 << 40) || !cp_columns_span_ok(n, (cp_column[]){x, tx, T, count}, 4, 1))
        return CP_ELIMIT;

    cp_row *rows = cp_alloc_array(n, sizeof *rows);
    if (rows == NULL)
        return CP_ENOMEM;
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        double xi = cp_col(x, i), ai = cp_col(tx, i), bi = gg ? 0.0 : cp_col(T, i);
        double wi = count.data ? cp_col(count, i) : 1.0;
        int status;
        if (gg)
            status = (isfinite(xi) && xi >= 0.0 && xi == floor(xi) && isfinite(ai)) ? CP_OK
                                                                                    : CP_EINVAL;
        else
            status = cp_check_customer(xi, ai, bi);
        if (status == CP_OK && !(isfinite(wi) && wi >= 0.0))
            status = CP_EINVAL;
        if (status != CP_OK) {
            cp_free(rows);
            return status;
        }
        if (wi == 0.0 || (gg && (xi == 0.0 || !(ai > 0.0))))
            continue;
        /* +0.0 for -0.0, so that equal rows compare equal bit for bit. */
        rows[kept].x = xi + 0.0;
        rows[kept].tx = ai + 0.0;
        rows[kept].T = bi + 0.0;
        rows[kept].w = wi;
        rows[kept].itx = rows[kept].iT = 0;
        kept++;
    }
    if (kept == 0) {
        cp_free(rows);
        return CP_EEMPTY;
    }

    size_t m;
    int status = merge_equal(rows, kept, &m);
    if (status != CP_OK) {
        cp_free(rows);
        return status;
    }
    qsort(rows, m, sizeof *rows, cmp_row);

    book->times = NULL;
    book->ntimes = 0;
    if (!gg) {
        status = index_times(rows, m, book);
        if (status != CP_OK) {
            cp_free(rows);
            return status;
        }
    }
    double total = 0.0, sx = 0.0, sT = 0.0;
    for (size_t i = 0; i < m; i++) {
        total += rows[i].w;
        sx += rows[i].w * rows[i].x;
        sT += rows[i].w * rows[i].T;
    }
    if (!(total > 0.0) || !isfinite(total) || !isfinite(sx) || !isfinite(sT)) {
        cp_free(rows);
        cp_free(book->times);
        return total > 0.0 ? CP_EINVAL : CP_EEMPTY;
    }
    book->rows = rows;
    book->n = m;
    book->total = total;
    book->mean_x = sx / total;
    book->mean_T = sT / total;
    return CP_OK;
}

int cp_order_rows(const cp_column cols[], size_t k, size_t n, size_t order[])
{
    uint64_t *keys = cp_alloc_array(n, sizeof *keys), *tmp_keys = cp_alloc_array(n, sizeof *keys);
    size_t *tmp_order = cp_alloc_array(n, sizeof *tmp_order);
    if (keys == NULL || tmp_keys == NULL || tmp_order == NULL) {
        cp_free(keys);
        cp_free(tmp_keys);
        cp_free(tmp_order);
        return CP_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    for (size_t c = k; c-- > 0;) { /* least significant first */
        for (size_t j = 0; j < n; j++)
            keys[j] = cp_sort_key(cp_col(cols[c], order[j]));
        cp_sort_keys(keys, order, tmp_keys, tmp_order, n);
    }
    cp_free(keys);
    cp_free(tmp_keys);
    cp_free(tmp_order);
    return CP_OK;
}
