/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_profit_concentration(...)          CONCENTRATION
 *   int cp_concentration_from_name(...)
 *
 * DESCRIPTION
 *   How much of the revenue sits with few clients.  With x_i >= 0, T =
 *   sum x_i > 0 and shares s_i = x_i / T:
 *
 *     hhi   10000 sum s_i^2  (Herfindahl-Hirschman index: 10000 = one
 *           client, 10000 / n = n equal clients)
 *     top1  max s_i
 *     top5  the sum of the five largest s_i (all of them when n < 5)
 *     gini  G = sum_i sum_j |x_i - x_j| / (2 n^2 mean)  (no small-sample
 *           correction), computed from the sorted values
 *           x_(1) <= ... <= x_(n) as
 *             G = sum_k (2k - n - 1) x_(k) / (n T),
 *           since x_(k) is the larger of a pair k - 1 times and the smaller
 *           n - k times: O(n log n) instead of O(n^2).
 *
 *   Values are scaled by a power of two (exact) and summed with Neumaier
 *   sums.
 *
 * REFERENCES
 *   ClientPrune FUNCTIONS.md, "Profitability and concentration".
 *   O. C. Herfindahl (1950), Concentration in the steel industry, PhD
 *   thesis, Columbia University; C. Gini (1912), Variabilità e mutabilità;
 *   the sorted form: A. Sen (1973), On Economic Inequality, eq. (2.8).
 */
#include "cp_profit.h"

#include <math.h>

#include "cp_alloc.h"
#include "cp_sort.h"
#include "cp_sum.h"

static const char *const measure_names[] = {"hhi", "top1", "top5", "gini"};

int cp_concentration_from_name(const char *name, cp_concentration *measure)
{
    int k;
    int status = cp_option_index(name, measure_names, 4, &k);
    if (status == CP_OK)
        *measure = (cp_concentration)k;
    return status;
}

/* The sum of the five largest of x[0..n) (all when n < 5), scaled. */
static double top5(const double x[], size_t stride, size_t n, double scale)
{
    double top[5] = {0, 0, 0, 0, 0}; /* descending; values are >= 0 */
    for (size_t i = 0; i < n; i++) {
        double v = x[i * stride] * scale;
        if (v <= top[4])
            continue;
        int k = 4;
        for (; k > 0 && top[k - 1] < v; k--)
            top[k] = top[k - 1];
        top[k] = v;
    }
    cp_sum s = {0.0, 0.0};
    for (int k = 0; k < 5; k++)
        cp_sum_add(&s, top[k]);
    return cp_sum_value(&s);
}

static int gini(const double x[], size_t stride, size_t n, double scale, double total,
                double *result)
{
    double *sorted = cp_alloc_array(n, sizeof *sorted);
    if (sorted == NULL)
        return CP_ENOMEM;
    for (size_t i = 0; i < n; i++)
        sorted[i] = x[i * stride] * scale / total; /* the shares */
    int status = cp_sort_doubles(sorted, n);
    if (status == CP_OK) {
        cp_sum s = {0.0, 0.0};
        const double nn = (double)n;
        for (size_t k = 0; k < n; k++)
            cp_sum_add(&s, (2.0 * (double)k + 1.0 - nn) * sorted[k]); /* k 0-based */
        *result = fmax(cp_sum_value(&s) / nn, 0.0);
    }
    cp_free(sorted);
    return status;
}

int cp_profit_concentration(const double revenue[], size_t stride, size_t n,
                            cp_concentration measure, double *result)
{
    if (revenue == NULL || result == NULL)
        return CP_EINVAL;
    if (!cp_span_ok(n, stride))
        return CP_ELIMIT; /* no caller's memory holds so many */
    if (n == 0)
        return CP_EEMPTY;
    for (size_t i = 0; i < n; i++)
        if (!(revenue[i * stride] >= 0.0 && isfinite(revenue[i * stride])))
            return CP_EINVAL;
    const double scale = cp_pow2_scale(revenue, stride, n);
    cp_sum total = {0.0, 0.0};
    double largest = 0.0;
    for (size_t i = 0; i < n; i++) {
        cp_sum_add(&total, revenue[i * stride] * scale);
        largest = fmax(largest, revenue[i * stride] * scale);
    }
    const double t = cp_sum_value(&total);
    if (!(t > 0.0))
        return CP_EINVAL;

    switch (measure) {
    case CP_CONCENTRATION_HHI: {
        cp_sum h = {0.0, 0.0};
        for (size_t i = 0; i < n; i++) {
            double s = revenue[i * stride] * scale / t;
            cp_sum_add(&h, s * s);
        }
        *result = fmin(10000.0 * cp_sum_value(&h), 10000.0);
        return CP_OK;
    }
    case CP_CONCENTRATION_TOP1:
        *result = fmin(largest / t, 1.0);
        return CP_OK;
    case CP_CONCENTRATION_TOP5:
        *result = fmin(top5(revenue, stride, n, scale) / t, 1.0);
        return CP_OK;
    case CP_CONCENTRATION_GINI:
        return gini(revenue, stride, n, scale, t, result);
    default:
        return CP_EINVAL;
    }
}
