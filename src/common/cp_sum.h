/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cp_sum.h - accurate sums of money columns (internal header).
 *
 * cp_sum is Neumaier's improved Kahan summation (Neumaier 1974, "Rundungs-
 * fehleranalyse einiger Verfahren zur Summation endlicher Summen", ZAMM
 * 54): the rounding error of every addition is carried in a second word,
 * so a sum of a million values is as good as if it were done in exact
 * arithmetic and rounded once, in almost every case, whatever the order.
 * That matters where a result is a comparison of sums (a revenue limit, a
 * share of the total): the answer must not depend on the order clients are
 * listed in.
 *
 * cp_pow2_scale gives the power of two that brings the largest magnitude of
 * a column into [0.5, 1).  Multiplying by it is exact, so ratios of scaled
 * sums are the ratios of the unscaled ones, and sums of a column near
 * +-1e308 cannot overflow (nor columns of subnormal numbers vanish).
 */
#ifndef CP_SUM_H
#define CP_SUM_H

#include <math.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    double sum;  /* the running sum */
    double comp; /* the rounding errors so far */
} cp_sum;

static inline void cp_sum_add(cp_sum *s, double x)
{
    double t = s->sum + x;
    if (fabs(s->sum) >= fabs(x))
        s->comp += (s->sum - t) + x;
    else
        s->comp += (x - t) + s->sum;
    s->sum = t;
}

static inline double cp_sum_value(const cp_sum *s)
{
    return s->sum + s->comp;
}

/* The power of two 2^-e that brings m >= 0 (finite) into [0.5, 1); 1 when
 * m is 0.  Below 2^-1022 (subnormal m) that power would overflow, so it
 * stops at 2^1023: m * scale then lies in (0, 0.5), still exact, and
 * every sum or ratio of scaled values stays finite and non-zero. */
static inline double cp_pow2_scale_of(double m)
{
    if (m == 0.0)
        return 1.0;
    int e;
    frexp(m, &e);
    return ldexp(1.0, -e > 1023 ? 1023 : -e);
}

/* cp_pow2_scale_of(max |x|) for a column: multiplying by it is exact and
 * brings the largest magnitude into [0.5, 1) (into (0, 0.5) when it is
 * subnormal).  x must be finite. */
static inline double cp_pow2_scale(const double x[], size_t stride, size_t n)
{
    double m = 0.0;
    for (size_t i = 0; i < n; i++)
        m = fmax(m, fabs(x[i * stride]));
    return cp_pow2_scale_of(m);
}

#ifdef __cplusplus
}
#endif

#endif /* CP_SUM_H */
