/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * select.c - cp_select_kth: quickselect with a median-of-three pivot and a
 * three-way partition (runs of equal values cost nothing), falling back to
 * qsort when the partitions stop shrinking (introselect, Musser 1997).
 */
#include "cp_select.h"

#include <stdlib.h>

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void swap(double *a, double *b)
{
    double t = *a;
    *a = *b;
    *b = t;
}

static double median3(double a, double b, double c)
{
    if (a < b)
        return b < c ? b : (a < c ? c : a);
    return a < c ? a : (b < c ? c : b);
}

double cp_select_kth(double x[], size_t n, size_t k)
{
    size_t lo = 0, hi = n; /* x[k] lies in x[lo..hi) */
    int depth = 0;
    for (size_t m = n; m > 1; m >>= 1)
        depth += 2;
    while (hi - lo > 16) {
        if (depth-- <= 0) {
            qsort(x + lo, hi - lo, sizeof *x, cmp_double);
            return x[k];
        }
        double pivot = median3(x[lo], x[lo + (hi - lo) / 2], x[hi - 1]);
        /* Dutch national flag: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi) > pivot. */
        size_t lt = lo, i = lo, gt = hi;
        while (i < gt) {
            if (x[i] < pivot)
                swap(&x[lt++], &x[i++]);
            else if (x[i] > pivot)
                swap(&x[i], &x[--gt]);
            else
                i++;
        }
        if (k < lt)
            hi = lt;
        else if (k >= gt)
            lo = gt;
        else
            return pivot;
    }
    qsort(x + lo, hi - lo, sizeof *x, cmp_double);
    return x[k];
}

double cp_select_min(const double x[], size_t n)
{
    double m = x[0];
    for (size_t i = 1; i < n; i++)
        if (x[i] < m)
            m = x[i];
    return m;
}
