/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cp_select.h - order statistics without a full sort (internal header).
 *
 * cp_select_kth() rearranges x[0..n) so that x[k] is the value a full
 * ascending sort would put there, every x[i] with i < k is <= x[k] and every
 * x[i] with i > k is >= x[k] (Hoare's FIND).  Expected O(n); a depth limit
 * falls back to sorting the remaining part, so the worst case is
 * O(n log n), never quadratic.  Deterministic: no random pivots.  The values
 * must not be NaN.  Requires k < n.
 */
#ifndef CP_SELECT_H
#define CP_SELECT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

double cp_select_kth(double x[], size_t n, size_t k);

/* The smallest of x[0..n), n > 0. */
double cp_select_min(const double x[], size_t n);

#ifdef __cplusplus
}
#endif

#endif /* CP_SELECT_H */
