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
 *   The population is sorted once (ascending) with suffix sums, the
 *   clients too, and one walk along both finds each s(x): O(n + m) after
 *   two radix sorts (cp_sort.h).  The suffix sums are Neumaier sums of the
 *   values scaled by a power of two (exact), so they cannot overflow.
 *
 * REFERENCES
 *   ClientPrune FUNCTIONS.md, "Profitability and concentration".
 *   H. F. Dickie (1951), ABC inventory analysis shoots for dollars, not
 *   pennies, Factory Management and Maintenance 109(7).
 */
#include "cp_profit.h"

#include <math.h>
#include <stdint.h>

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

int cp_profit_abc(const double value[], size_t value_stride, size_t n,
                  const double pop[], size_t pop_stride, size_t n_pop,
                  double a_share, double b_share, int abc[], size_t abc_stride)
{
    if (value == NULL || abc == NULL)
        return CP_EINVAL;
    if (!cp_span_ok(n, value_stride) || !cp_span_ok(n, abc_stride) || !cp_span_ok(n_pop, pop_stride))
        return CP_ELIMIT; /* no caller's memory holds so many */
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
    uint64_t *keys = cp_alloc_array(n, sizeof *keys), *tmp_keys = cp_alloc_array(n, sizeof *tmp_keys);
    size_t *order = cp_alloc_array(n, sizeof *order), *tmp_order = cp_alloc_array(n, sizeof *tmp_order);
    if (sorted == NULL || above == NULL || keys == NULL || tmp_keys == NULL || order == NULL ||
        tmp_order == NULL)
        status = CP_ENOMEM;
    if (status == CP_OK) {
        for (size_t i = 0; i < n_pop; i++)
            sorted[i] = pop[i * pop_stride];
        status = cp_sort_doubles(sorted, n_pop);
    }
    if (status == CP_OK) {
        /* above[k] = sum of sorted[k..n_pop), largest first (scaled). */
        const double scale = cp_pow2_scale(sorted, 1, n_pop);
        cp_sum s = {0.0, 0.0};
        above[n_pop] = 0.0;
        for (size_t k = n_pop; k-- > 0;) {
            cp_sum_add(&s, sorted[k] * scale);
            above[k] = cp_sum_value(&s);
        }
        if (!(above[0] > 0.0))
            status = CP_EINVAL;
    }
    if (status == CP_OK) {
        /* The clients in ascending order of value, so the first population
         * value above each one only moves up: one merge-like walk. */
        for (size_t i = 0; i < n; i++) {
            keys[i] = cp_sort_key(value[i * value_stride]);
            order[i] = i;
        }
        cp_sort_keys(keys, order, tmp_keys, tmp_order, n);
        const double total = above[0];
        const double a_bound = a_share * (1.0 - CP_ABC_RELTOL);
        const double b_bound = b_share * (1.0 - CP_ABC_RELTOL);
        size_t k = 0; /* sorted[k] is the first population value > x */
        for (size_t j = 0; j < n; j++) {
            const double x = value[order[j] * value_stride];
            while (k < n_pop && sorted[k] <= x)
                k++;
            const double before = above[k] / total;
            abc[order[j] * abc_stride] = before < a_bound ? CP_ABC_A
                                         : before < b_bound ? CP_ABC_B
                                                            : CP_ABC_C;
        }
    }
    cp_free(sorted);
    cp_free(above);
    cp_free(keys);
    cp_free(tmp_keys);
    cp_free(order);
    cp_free(tmp_order);
    return status;
}
