/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   cp_sort_doubles, cp_argsort2       radix sorting of doubles
 *
 * DESCRIPTION
 *   An IEEE double's bits, read as an unsigned integer, sort like the double
 *   once negative numbers have all bits flipped and non-negative ones their
 *   sign bit set (Herf, "Radix tricks", 2001).  Keys are sorted least
 *   significant digit first, 11 bits a pass (6 passes cover 64 bits); a pass
 *   whose digit is equal for all keys is skipped, so data with few distinct
 *   exponents costs fewer passes.  Each pass is a stable counting sort, so
 *   sorting by k2 then by k1 orders by (k1, k2).
 */
#include "cp_sort.h"

#include <stdint.h>
#include <string.h>

#include "cp_alloc.h"
#include "cp_status.h"

#define DIGIT_BITS 11
#define BUCKETS (1u << DIGIT_BITS)
#define PASSES 6
#define SMALL 64 /* below this, insertion sort */

static uint64_t key_of(double x)
{
    uint64_t u;
    if (x == 0.0)
        x = 0.0; /* -0 sorts as +0 */
    memcpy(&u, &x, sizeof u);
    return (u & UINT64_C(0x8000000000000000)) ? ~u : (u | UINT64_C(0x8000000000000000));
}

static double double_of(uint64_t k)
{
    uint64_t u = (k & UINT64_C(0x8000000000000000)) ? (k & ~UINT64_C(0x8000000000000000)) : ~k;
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

typedef struct {
    uint64_t key;
    size_t idx;
} rec;

/* Stable LSD radix sort of a[0..n) by key, using tmp; returns where the
 * sorted records ended up (a or tmp). */
static rec *radix(rec *a, rec *tmp, size_t n)
{
    static const unsigned shift[PASSES] = {0, 11, 22, 33, 44, 55};
    for (int p = 0; p < PASSES; p++) {
        size_t count[BUCKETS] = {0};
        for (size_t i = 0; i < n; i++)
            count[(a[i].key >> shift[p]) & (BUCKETS - 1)]++;
        if (count[(a[0].key >> shift[p]) & (BUCKETS - 1)] == n)
            continue; /* every key has this digit: nothing to do */
        size_t sum = 0;
        for (unsigned b = 0; b < BUCKETS; b++) {
            size_t c = count[b];
            count[b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            tmp[count[(a[i].key >> shift[p]) & (BUCKETS - 1)]++] = a[i];
        rec *t = a;
        a = tmp;
        tmp = t;
    }
    return a;
}

static void insertion(rec *a, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        rec r = a[i];
        size_t j = i;
        while (j > 0 && a[j - 1].key > r.key) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = r;
    }
}

static rec *sort_recs(rec *a, rec *tmp, size_t n)
{
    if (n < SMALL) {
        insertion(a, n); /* stable */
        return a;
    }
    return radix(a, tmp, n);
}

int cp_sort_doubles(double x[], size_t n)
{
    if (n < 2)
        return CP_OK;
    rec *a = cp_alloc_array(n, sizeof *a), *tmp = cp_alloc_array(n, sizeof *tmp);
    if (a == NULL || tmp == NULL) {
        cp_free(a);
        cp_free(tmp);
        return CP_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        a[i].key = key_of(x[i]);
        a[i].idx = i;
    }
    rec *s = sort_recs(a, tmp, n);
    for (size_t i = 0; i < n; i++)
        x[i] = double_of(s[i].key);
    cp_free(a);
    cp_free(tmp);
    return CP_OK;
}

int cp_argsort2(const double k1[], size_t s1, const double k2[], size_t s2, size_t n,
                size_t order[])
{
    if (n == 0)
        return CP_OK;
    rec *a = cp_alloc_array(n, sizeof *a), *tmp = cp_alloc_array(n, sizeof *tmp);
    if (a == NULL || tmp == NULL) {
        cp_free(a);
        cp_free(tmp);
        return CP_ENOMEM;
    }
    rec *s = a;
    if (k2 != NULL) {
        for (size_t i = 0; i < n; i++) {
            a[i].key = key_of(k2[i * s2]);
            a[i].idx = i;
        }
        s = sort_recs(a, tmp, n);
        for (size_t i = 0; i < n; i++)
            s[i].key = key_of(k1[s[i].idx * s1]);
        s = sort_recs(s, s == a ? tmp : a, n);
    } else {
        for (size_t i = 0; i < n; i++) {
            a[i].key = key_of(k1[i * s1]);
            a[i].idx = i;
        }
        s = sort_recs(a, tmp, n);
    }
    for (size_t i = 0; i < n; i++)
        order[i] = s[i].idx;
    cp_free(a);
    cp_free(tmp);
    return CP_OK;
}
