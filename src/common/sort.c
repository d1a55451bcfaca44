/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   void cp_sort_keys(...)
 *   int cp_sort_doubles(...)
 *   int cp_argsort2(...)
 *
 * DESCRIPTION
 *   Least-significant-digit radix sort (Knuth, TAOCP vol. 3, 5.2.5) of
 *   64-bit keys in six passes of 11 bits.  One read of the keys counts the
 *   digits of every pass; a pass whose digit is equal for all keys (common
 *   in the high bits of money amounts) is skipped.  Each pass is a stable
 *   counting sort from one buffer into the other.
 */
#include "cp_sort.h"

#include "cp_alloc.h"
#include "cp_status.h"

enum { BITS = 11, BUCKETS = 1 << BITS, PASSES = (64 + BITS - 1) / BITS };

void cp_sort_keys(uint64_t keys[], size_t payload[], uint64_t tmp_keys[],
                  size_t tmp_payload[], size_t n)
{
    static const uint64_t mask = BUCKETS - 1;
    size_t count[PASSES][BUCKETS];
    memset(count, 0, sizeof count);
    for (size_t i = 0; i < n; i++)
        for (int p = 0; p < PASSES; p++)
            count[p][(keys[i] >> (p * BITS)) & mask]++;

    uint64_t *src = keys, *dst = tmp_keys;
    size_t *psrc = payload, *pdst = tmp_payload;
    for (int p = 0; p < PASSES; p++) {
        size_t *c = count[p];
        const int shift = p * BITS;
        if (n == 0 || c[(src[0] >> shift) & mask] == n)
            continue; /* every key has this digit */
        size_t sum = 0;
        for (size_t b = 0; b < BUCKETS; b++) {
            size_t t = c[b];
            c[b] = sum;
            sum += t;
        }
        for (size_t i = 0; i < n; i++) {
            size_t at = c[(src[i] >> shift) & mask]++;
            dst[at] = src[i];
            if (payload)
                pdst[at] = psrc[i];
        }
        uint64_t *t = src;
        src = dst;
        dst = t;
        size_t *pt = psrc;
        psrc = pdst;
        pdst = pt;
    }
    if (src != keys) {
        memcpy(keys, src, n * sizeof *keys);
        if (payload)
            memcpy(payload, psrc, n * sizeof *payload);
    }
}

int cp_sort_doubles(double x[], size_t n)
{
    uint64_t *keys = cp_alloc_array(n, sizeof *keys);
    uint64_t *tmp = cp_alloc_array(n, sizeof *tmp);
    if (keys == NULL || tmp == NULL) {
        cp_free(keys);
        cp_free(tmp);
        return CP_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        keys[i] = cp_sort_key(x[i]);
    cp_sort_keys(keys, NULL, tmp, NULL, n);
    for (size_t i = 0; i < n; i++)
        x[i] = cp_sort_value(keys[i]);
    cp_free(keys);
    cp_free(tmp);
    return CP_OK;
}

int cp_argsort2(const double k1[], size_t s1, const double k2[], size_t s2, size_t n,
                size_t order[])
{
    uint64_t *keys = cp_alloc_array(n, sizeof *keys);
    uint64_t *tmp = cp_alloc_array(n, sizeof *tmp);
    size_t *tmp_order = cp_alloc_array(n, sizeof *tmp_order);
    if (keys == NULL || tmp == NULL || tmp_order == NULL) {
        cp_free(keys);
        cp_free(tmp);
        cp_free(tmp_order);
        return CP_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    /* Stable passes: by the secondary key first, then by the primary. */
    if (k2 != NULL) {
        for (size_t i = 0; i < n; i++)
            keys[i] = cp_sort_key(k2[i * s2]);
        cp_sort_keys(keys, order, tmp, tmp_order, n);
    }
    for (size_t i = 0; i < n; i++)
        keys[i] = cp_sort_key(k1[order[i] * s1]);
    cp_sort_keys(keys, order, tmp, tmp_order, n);
    cp_free(keys);
    cp_free(tmp);
    cp_free(tmp_order);
    return CP_OK;
}
