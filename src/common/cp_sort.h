/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cp_sort.h - fast sorting of doubles for the core (internal header).
 *
 * Least-significant-digit radix sort on the doubles' bit patterns mapped to
 * order-preserving unsigned keys (11-bit digits, passes whose digit is the
 * same for every key are skipped): O(n), stable, no comparison callbacks.
 * Much faster than qsort() at the sizes Calc allows (10^6 rows).  -0 sorts
 * as +0.  NaN must not be passed.
 */
#ifndef CP_SORT_H
#define CP_SORT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Sorts x[0..n) ascending in place.  CP_OK or CP_ENOMEM. */
int cp_sort_doubles(double x[], size_t n);

/* order[0..n) receives the indices 0..n-1 ordered by (k1[i], k2[i])
 * ascending, ties kept in index order (stable).  k2 may be NULL (order by k1
 * only).  Element i of k1 is k1[i * s1], of k2 k2[i * s2].  CP_OK or
 * CP_ENOMEM. */
int cp_argsort2(const double k1[], size_t s1, const double k2[], size_t s2, size_t n,
                size_t order[]);

#ifdef __cplusplus
}
#endif

#endif /* CP_SORT_H */
