/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cp_sort.h - fast stable sorting of doubles for the core (internal header).
 *
 * qsort() with a comparison callback takes about 0.2 s for a million
 * doubles on a small machine, which alone would spend the time budget of a
 * function on a million clients.  These sorts are LSD radix sorts on 64-bit
 * keys (11-bit digits, so at most 6 passes, and passes whose digit is the
 * same for every key are skipped): O(n), stable, no recursion.
 *
 * cp_sort_key maps a double to a 64-bit key whose unsigned order is the
 * numeric order, with -0 and +0 given the same key.  NaN must be filtered
 * out by the caller.
 */
#ifndef CP_SORT_H
#define CP_SORT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

static inline uint64_t cp_sort_key(double x)
{
    double y = x + 0.0; /* -0 becomes +0 */
    uint64_t u;
    memcpy(&u, &y, sizeof u);
    return (u >> 63) ? ~u : (u | (UINT64_C(1) << 63));
}

static inline double cp_sort_value(uint64_t key)
{
    uint64_t u = (key >> 63) ? (key & ~(UINT64_C(1) << 63)) : ~key;
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

/*
 * cp_sort_keys - sorts keys[0..n) ascending, stably, carrying payload[i]
 * along with keys[i] when payload is not NULL.  tmp_keys (and tmp_payload
 * when payload is given) are scratch space for n values, owned by the
 * caller.  Never fails.
 */
void cp_sort_keys(uint64_t keys[], size_t payload[], uint64_t tmp_keys[],
                  size_t tmp_payload[], size_t n);

/*
 * cp_sort_doubles - sorts x[0..n) ascending (no NaN allowed; -0 counts as
 * 0).  Returns CP_OK or CP_ENOMEM (x is then unchanged).
 */
int cp_sort_doubles(double x[], size_t n);

/*
 * cp_argsort2 - order[0..n) receives the indices 0..n-1 ordered by
 * (k1[i], k2[i]) ascending, ties kept in index order (stable).  k2 may be
 * NULL (order by k1 only).  Element i of k1 is k1[i * s1], of k2 k2[i * s2];
 * no NaN.  Returns CP_OK or CP_ENOMEM.
 */
int cp_argsort2(const double k1[], size_t s1, const double k2[], size_t s2, size_t n,
                size_t order[]);

#ifdef __cplusplus
}
#endif

#endif /* CP_SORT_H */
