/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   double cp_lnpoch(double a, double x)       ln Gamma(a + x) - ln Gamma(a)
 *   double cp_psi_diff(double a, double x)     psi(a + x) - psi(a)
 *   double cp_logaddexp(double a, double b)    ln(e^a + e^b)
 *   double cp_one_minus_pow_over(double e, double L)   (1 - e^{-eL}) / e
 *
 * DESCRIPTION
 *   The likelihoods of the customer-base models need ln Gamma(a + x) -
 *   ln Gamma(a) for parameters anywhere in (0, inf) and frequencies x up to
 *   the tens of thousands.  Three regimes:
 *
 *   - x a small whole number (x <= 32): the product (a)(a+1)...(a+x-1),
 *     taken in blocks and logged (exact to rounding);
 *   - a >= 30: Stirling's series for both terms, arranged so that nothing
 *     large cancels (Abramowitz and Stegun 6.1.40):
 *       (a - 1/2) log1p(x/a) + x ln(a + x) - x
 *       + sum_k B_2k / (2k (2k-1)) [(a+x)^(1-2k) - a^(1-2k)],  k = 1..5;
 *   - otherwise the difference of two ln Gamma values (GSL), whose terms are
 *     then of the size of the result.
 *
 *   The digamma difference follows the same pattern with 6.3.18:
 *   psi(y) = ln y - 1/(2y) - sum_k B_2k / (2k y^2k).
 *
 * REFERENCES
 *   Abramowitz and Stegun, Handbook of Mathematical Functions (1964),
 *   6.1.40 and 6.3.18.
 */
#include "models_internal.h"

#include <math.h>

#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_psi.h>

/* B_2k / (2k (2k - 1)) for k = 1..5 (Stirling) and B_2k / (2k) (digamma). */
static const double stirling[5] = {1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188};
static const double digamma_c[5] = {1.0 / 12, -1.0 / 120, 1.0 / 252, -1.0 / 240, 1.0 / 132};

/* Below this, the asymptotic series are not used. */
#define ASYMPTOTIC_FROM 30.0

static int small_whole(double x)
{
    return x <= 32.0 && x == floor(x);
}

double cp_lnpoch(double a, double x)
{
    if (x == 0.0)
        return 0.0;
    if (small_whole(x)) {
        /* Blocks of 8 factors keep the product far from overflow for any a
         * up to 1e38 and from underflow for a down to 1e-38; beyond those,
         * one log per factor. */
        int k = (int)x;
        double sum = 0.0;
        if (a > 1e-30 && a < 1e30) {
            for (int j = 0; j < k; j += 8) {
                double prod = 1.0;
                for (int i = j; i < k && i < j + 8; i++)
                    prod *= a + i;
                sum += log(prod);
            }
        } else {
            for (int i = 0; i < k; i++)
                sum += log(a + i);
        }
        return sum;
    }
    if (a >= ASYMPTOTIC_FROM) {
        double y = a + x;
        double s = (a - 0.5) * log1p(x / a) + x * log(y) - x;
        double ya = 1.0 / a, yy = 1.0 / y;
        double pa = ya, py = yy, ya2 = ya * ya, yy2 = yy * yy;
        for (int k = 0; k < 5; k++) {
            s += stirling[k] * (py - pa);
            pa *= ya2;
            py *= yy2;
        }
        return s;
    }
    return gsl_sf_lngamma(a + x) - gsl_sf_lngamma(a);
}

double cp_psi_diff(double a, double x)
{
    if (x == 0.0)
        return 0.0;
    if (small_whole(x)) {
        double s = 0.0;
        for (int i = 0; i < (int)x; i++)
            s += 1.0 / (a + i);
        return s;
    }
    if (a >= ASYMPTOTIC_FROM) {
        double y = a + x;
        /* ln y - ln a - (1/(2y) - 1/(2a)) - sum c_k (y^-2k - a^-2k) */
        double s = log1p(x / a) + x / (2.0 * a * y);
        double ia2 = 1.0 / (a * a), iy2 = 1.0 / (y * y), pa = ia2, py = iy2;
        for (int k = 0; k < 5; k++) {
            s -= digamma_c[k] * (py - pa);
            pa *= ia2;
            py *= iy2;
        }
        return s;
    }
    return gsl_sf_psi(a + x) - gsl_sf_psi(a);
}

double cp_logaddexp(double a, double b)
{
    if (a < b) {
        double t = a;
        a = b;
        b = t;
    }
    if (a == -INFINITY)
        return -INFINITY;
    return a + log1p(exp(b - a));
}

double cp_one_minus_pow_over(double e, double L)
{
    if (e == 0.0 || L == 0.0)
        return L;
    return -expm1(-e * L) / e;
}
