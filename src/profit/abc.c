/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_profit_abc(...)                    ABCCLASS
 *   const char *cp_abc_name(int)
 *
 * DESCRIPTION
 *   ABC analysis (Pareto classes).  For a value x in a population with
 *   total T, the share before x is
 *
 *     s(x) = (sum of population values strictly larger than x) / T,
 *
 *   and x is class A while s(x) < a_share, B while s(x) < b_share, else C.
 *   The largest value has s = 0 and is always A; equal values have equal
 *   s and share a class.  A share within a relative 1e-12 of a bound counts
 *   as reaching it: s(x) is a ratio of rounded sums, and a client sitting
 *   exactly on a bound in decimal terms (80 of 100) must not move with the
 *   order of the additions.
 *
 *   The population is sorted once (ascending) with suffix sums, so s(x) is
 *   a binary search: O((n + m) log m).  The suffix sums are Neumaier sums
 *   of the values scaled by a power of two (exact), so they cannot
 *   overflow.
 *
 * REFERENCES
 *   ClientPrune FUNCTIONS.md, "Profitability and concentration".
 *   H. F. Dickie (1951), ABC inventory analysis shoots for dollars, not
 *   pennies, Factory Management and Maintenance 109(7).
 */
#include "cp_profit.h"

#include <math.h>

#include "cp_alloc.h"
#include "cp_sort.h"
#include "cp_sum.h"

const char *cp_abc_name(int abc)
{
    switch (abc) {
    case CP_ABC_A: return "A";
    case CP_ABC_B: return "B";
    case CP_ABC_C: return "C";
    default: return "";
    }
}

static int values_ok(const double v[], size_t stride, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!(v[i * stride] >= 0.0 && isfinite(v[i * stride])))
            return CP_EINVAL;
    return CP_OK;
}

/* Index of the first of sorted[0..n) that is > x. */
static size_t upper_bound(const double *sorted, size_t n, double x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sorted[mid] <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int cp_profit_abc(const double value[], size_t value_stride, size_t n,
                  const double pop[], size_t pop_stride, size_t n_pop,
                  double a_share, double b_share, int abc[], size_t abc_stride)
{
    if (value == NULL || abc == NULL)
        return CP_EINVAL;
    if (n == 0)
        return CP_EEMPTY;
    if (pop == NULL) { /* table mode */
        pop = value;
        pop_stride = value_stride;
        n_pop = n;
    } else if (n_pop == 0) {
        return CP_EEMPTY;
    }
    if (!(a_share > 0.0 && a_share <= b_share && b_share <= 1.0))
        return CP_EINVAL;
    int status = values_ok(value, value_stride, n);
    if (status == CP_OK)
        status = values_ok(pop, pop_stride, n_pop);
    if (status != CP_OK)
        return status;

    double *sorted = cp_alloc_array(n_pop, sizeof *sorted);
    double *above = cp_alloc_array(n_pop + 1, sizeof *above);
    if (sorted == NULL || above == NULL) {
        cp_free(sorted);
        cp_free(above);
        return CP_ENOMEM;
    }
    for (size_t i = 0; i < n_pop; i++)
        sorted[i] = pop[i * pop_stride];
    status = cp_sort_doubles(sorted, n_pop);
    if (status == CP_OK) {
        /* above[k] = sum of sorted[k..n_pop), largest first (scaled). */
        const double scale = cp_pow2_scale(sorted, 1, n_pop);
        cp_sum s = {0.0, 0.0};
        above[n_pop] = 0.0;
        for (size_t k = n_pop; k-- > 0;) {
            cp_sum_add(&s, sorted[k] * scale);
            above[k] = cp_sum_value(&s);
        }
        const double total = above[0];
        if (!(total > 0.0))
            status = CP_EINVAL;
        const double a_bound = a_share * (1.0 - CP_ABC_RELTOL);
        const double b_bound = b_share * (1.0 - CP_ABC_RELTOL);
        for (size_t i = 0; status == CP_OK && i < n; i++) {
            double before = above[upper_bound(sorted, n_pop, value[i * value_stride])] / total;
            abc[i * abc_stride] = before < a_bound ? CP_ABC_A
                                  : before < b_bound ? CP_ABC_B
                                                     : CP_ABC_C;
        }
    }
    cp_free(sorted);
    cp_free(above);
    return status;
}
