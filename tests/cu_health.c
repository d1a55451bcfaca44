/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cu_health.c - CANARY, IDEALFIT, REVENUEATRISK, PRUNESTABILITY and
 * SEGMENTS in the core.
 *
 * Where the reference values come from:
 * - hand derivations, written out next to each value;
 * - normal CDF and exp values from Python 3.11's math.erfc / math.exp;
 * - brute force written here independently of the core (every pair for
 *   Mann-Kendall and Theil-Sen; the exact distribution of kept revenue by
 *   dynamic programming; CLIENTSCORE + PRUNERANK per simulation);
 * - the draw order documented in cp_health.h, replayed with GSL's own
 *   gsl_rng_taus2, which checks that the documentation is the truth.
 * The formulas agree with R's trend::mk.test (continuity = TRUE) and
 * trend::sens.slope as their documentation states them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "cp_health.h"
#include "cp_score.h"
#include "cp_score_internal.h"
#include "cu_test.h"

#define N NAN
#define TOL 1e-13

/* ---- CANARY ------------------------------------------------------------ */

static void test_canary_hand(void)
{
    /* x = 5, 3, 4, 1, 2 at times 1..5.  Signs of later minus earlier:
     * from 5: - - - - (-4); from 3: + - - (-1); from 4: - - (-2); from 1:
     * + (+1): S = -6.  No ties: Var S = 5*4*15/18 = 50/3.  Z = (S + 1) /
     * sqrt(50/3) = -sqrt(1.5); p = Phi(-sqrt(1.5)) = 0.11033568095992344
     * (Python math.erfc).  The ten slopes sorted: -3, -2, -4/3, -1, -1,
     * -0.75, -0.5, -1/3, 1, 1: median (-1 - 0.75) / 2 = -0.875.  p > 0.05:
     * flag 0; with alpha 0.2 the flag is 1. */
    const double x[5] = {5, 3, 4, 1, 2};
    cp_canary_result r;
    CP_ASSERT_STATUS(cp_health_canary(x, 1, NULL, 0, 5, 0.05, &r), CP_OK);
    CP_ASSERT_REL(r.s, -6.0, 0.0);
    CP_ASSERT_REL(r.var_s, 50.0 / 3.0, TOL);
    CP_ASSERT_REL(r.slope, -0.875, TOL);
    CP_ASSERT_REL(r.p_value, 0.11033568095992344, 1e-12);
    CP_ASSERT_REL(r.flag, 0.0, 0.0);
    CP_ASSERT_STATUS(cp_health_canary(x, 1, NULL, 0, 5, 0.2, &r), CP_OK);
    CP_ASSERT_REL(r.flag, 1.0, 0.0);
}

static void test_canary_ties_and_blanks(void)
{
    /* Values 3, N, 3, 1, 1, 2 at times 1, 2, 2, 2, 4, 4 (stride 2; times
     * stride 3).  The blank drops with its time: points (1,3) (2,3) (2,1)
     * (4,1) (4,2).  Pairs with different times and their signs:
     * (1,3)-(2,3) 0, (1,3)-(2,1) -, (1,3)-(4,1) -, (1,3)-(4,2) -,
     * (2,3)-(4,1) -, (2,3)-(4,2) -, (2,1)-(4,1) 0, (2,1)-(4,2) +: S = -4.
     * Value groups {3,3} {1,1} {2}: Var S = (5*4*15 - 2*(2*1*9)) / 18 =
     * (300 - 36) / 18 = 44/3.  Z = -3 / sqrt(44/3); p = Phi(Z) =
     * 0.21671096547803687 (Python math.erfc).  Slopes: 0, -2, -2/3, -1/3,
     * -1, -1/2, 0, 1/2; sorted -2, -1, -2/3, -1/2, -1/3, 0, 0, 1/2: median
     * (-1/2 - 1/3) / 2 = -5/12. */
    const double x[12] = {3, 99, N, 99, 3, 99, 1, 99, 1, 99, 2, 99};
    const double t[18] = {1, 0, 0, 2, 0, 0, 2, 0, 0, 2, 0, 0, 4, 0, 0, 4, 0, 0};
    cp_canary_result r;
    CP_ASSERT_STATUS(cp_health_canary(x, 2, t, 3, 6, 0.05, &r), CP_OK);
    CU_ASSERT_EQUAL(r.n, 5);
    CP_ASSERT_REL(r.s, -4.0, 0.0);
    CP_ASSERT_REL(r.var_s, 44.0 / 3.0, TOL);
    CP_ASSERT_REL(r.p_value, 0.21671096547803687, 1e-12);
    CP_ASSERT_REL(r.slope, -5.0 / 12.0, TOL);
    /* A blank time beside a blank value is fine; beside a value it is not. */
    const double tb[6] = {1, N, 2, 2, 4, 4};
    double xb[6] = {3, N, 3, 1, 1, 2};
    CP_ASSERT_STATUS(cp_health_canary(xb, 1, tb, 1, 6, 0.05, &r), CP_OK);
    CP_ASSERT_REL(r.s, -4.0, 0.0);
    xb[1] = 7;
    CP_ASSERT_STATUS(cp_health_canary(xb, 1, tb, 1, 6, 0.05, &r), CP_EINVAL);
}

static void test_canary_small_and_flat(void)
{
    cp_canary_result r;
    /* Three points: no test (flag 0, p 1) but a slope: pairs (1,1)-(2,3)
     * 2, (1,1)-(3,2) 0.5, (2,3)-(3,2) -1: median 0.5. */
    const double three[3] = {1, 3, 2};
    CP_ASSERT_STATUS(cp_health_canary(three, 1, NULL, 0, 3, 0.05, &r), CP_OK);
    CP_ASSERT_REL(r.p_value, 1.0, 0.0);
    CP_ASSERT_REL(r.flag, 0.0, 0.0);
    CP_ASSERT_REL(r.slope, 0.5, TOL);
    /* All equal values: Var S = 0, p 1, slope 0. */
    const double flat[6] = {4, 4, 4, 4, 4, 4};
    CP_ASSERT_STATUS(cp_health_canary(flat, 1, NULL, 0, 6, 0.05, &r), CP_OK);
    CP_ASSERT_REL(r.var_s, 0.0, 0.0);
    CP_ASSERT_REL(r.p_value, 1.0, 0.0);
    CP_ASSERT_REL(r.slope, 0.0, 0.0);
    /* All blank: slope 0, p 1; all at one time: S = 0, slope 0. */
    const double blank[4] = {N, N, N, N}, one_time[4] = {7, 7, 7, 7};
    CP_ASSERT_STATUS(cp_health_canary(blank, 1, NULL, 0, 4, 0.05, &r), CP_OK);
    CP_ASSERT_REL(r.slope, 0.0, 0.0);
    CP_ASSERT_REL(r.p_value, 1.0, 0.0);
    const double vals[4] = {1, 2, 3, 4};
    CP_ASSERT_STATUS(cp_health_canary(vals, 1, one_time, 1, 4, 0.05, &r), CP_OK);
    CP_ASSERT_REL(r.slope, 0.0, 0.0);
    CP_ASSERT_REL(r.s, 0.0, 0.0);
    /* Equal times leave Var S alone (4*3*13/18 > 0): Z = 0, p = 0.5. */
    CP_ASSERT_REL(r.p_value, 0.5, 0.0);
    /* A steady decline of 20 points: S = -190, flag 1, slope -2.5. */
    double dec[20];
    for (int i = 0; i < 20; i++)
        dec[i] = 100.0 - 2.5 * i;
    CP_ASSERT_STATUS(cp_health_canary(dec, 1, NULL, 0, 20, 0.05, &r), CP_OK);
    CP_ASSERT_REL(r.s, -190.0, 0.0);
    CP_ASSERT_REL(r.slope, -2.5, TOL);
    CP_ASSERT_REL(r.flag, 1.0, 0.0);
}

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Every pair, as FUNCTIONS.md words it: S, Var S and the median slope. */
static void brute_canary(const double *x, const double *t, size_t n, double *s, double *var,
                         double *slope)
{
    size_t np = 0;
    double *sl = malloc((n * (n - 1) / 2 + 1) * sizeof *sl);
    double acc = 0.0, ties = 0.0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            if (t[i] < t[j]) {
                acc += (x[j] > x[i]) - (x[j] < x[i]);
                sl[np++] = (x[j] - x[i]) / (t[j] - t[i]);
            }
        }
    char *seen = calloc(n, 1);
    for (size_t i = 0; i < n; i++) {
        if (seen[i])
            continue;
        double u = 0;
        for (size_t j = i; j < n; j++)
            if (x[j] == x[i])
                seen[j] = 1, u++;
        ties += u * (u - 1) * (2 * u + 5);
    }
    qsort(sl, np, sizeof *sl, cmp_dbl);
    *s = acc;
    *var = ((double)n * (n - 1) * (2.0 * n + 5) - ties) / 18.0;
    *slope = np ? 0.5 * sl[(np - 1) / 2] + 0.5 * sl[np / 2] : 0.0;
    free(sl);
    free(seen);
}

static void check_against_brute(const double *x, const double *t, size_t n)
{
    double s, var, slope;
    brute_canary(x, t, n, &s, &var, &slope);
    cp_canary_result r;
    CP_ASSERT_STATUS(cp_health_canary(x, 1, t, 1, n, 0.05, &r), CP_OK);
    CP_ASSERT_REL(r.s, s, 0.0);
    CP_ASSERT_REL(r.var_s, var, 1e-15);
    CP_ASSERT_REL(r.slope, slope, 0.0); /* the same computed slopes: exact */
}

static void test_canary_brute_force(void)
{
    /* Random series with many tied values and times; n = 2500 has
     * 3.1 million pairs, past the 2^21 the core collects at once, so the
     * sampled-bracket path is checked too. */
    unsigned int seed = 7;
    const size_t sizes[] = {4, 17, 200, 2500};
    for (size_t k = 0; k < 4; k++) {
        size_t n = sizes[k];
        double *x = malloc(n * sizeof *x), *t = malloc(n * sizeof *t);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            x[i] = (double)((seed >> 10) % 13) - 0.25 * (double)i / (double)n;
            seed = seed * 1103515245u + 12345u;
            t[i] = (double)(i / 3) + (double)((seed >> 12) % 2);
        }
        check_against_brute(x, t, n);
        /* Few distinct slopes: integers on a short grid. */
        for (size_t i = 0; i < n; i++)
            x[i] = (double)(i % 5), t[i] = (double)(i % 7);
        check_against_brute(x, t, n);
        free(x), free(t);
    }
    /* A straight line of 3000 points: 4.5 million equal slopes. */
    size_t n = 3000;
    double *x = malloc(n * sizeof *x);
    for (size_t i = 0; i < n; i++)
        x[i] = 50.0 - 0.5 * (double)i;
    cp_canary_result r;
    CP_ASSERT_STATUS(cp_health_canary(x, 1, NULL, 0, n, 0.05, &r), CP_OK);
    CP_ASSERT_REL(r.slope, -0.5, 0.0);
    CP_ASSERT_REL(r.flag, 1.0, 0.0);
    free(x);
}

static void test_canary_errors(void)
{
    cp_canary_result r;
    const double x[4] = {1, 2, 3, 4}, inf[2] = {1, INFINITY};
    CP_ASSERT_STATUS(cp_health_canary(x, 1, NULL, 0, 4, 0.0, &r), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_canary(x, 1, NULL, 0, 4, 1.0, &r), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_canary(x, 1, NULL, 0, 4, NAN, &r), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_canary(inf, 1, NULL, 0, 2, 0.05, &r), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_canary(x, 1, inf, 1, 2, 0.05, &r), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_canary(x, 1, NULL, 0, 0, 0.05, &r), CP_EEMPTY);
    double *big = malloc((CP_CANARY_MAX_POINTS + 1) * sizeof *big);
    for (size_t i = 0; i <= CP_CANARY_MAX_POINTS; i++)
        big[i] = (double)i;
    CP_ASSERT_STATUS(cp_health_canary(big, 1, NULL, 0, CP_CANARY_MAX_POINTS + 1, 0.05, &r),
                     CP_ELIMIT);
    free(big);
    /* Huge values do not overflow the differences: slope 1e300 per step. */
    const double huge[4] = {-1.5e308, -0.5e308, 0.5e308, 1.5e308};
    CP_ASSERT_STATUS(cp_health_canary(huge, 1, NULL, 0, 4, 0.05, &r), CP_OK);
    CP_ASSERT_REL(r.slope, 1e308, 1e-15);
}

/* ---- IDEALFIT ------------------------------------------------------------ */

static void test_idealfit_hand(void)
{
    /* Population (0,0) (2,0) (0,2) (2,2): means 1, sample sds sqrt(4/3),
     * correlation 0, R = I.  Client (2,2) against ideal (1,1): z_j =
     * 1 / sqrt(4/3) = sqrt(3)/2, d^2 = 3/4 + 3/4 = 1.5, fit 100 e^-0.75 =
     * 47.236655274101466.  Weights 1, 3 scale to 0.5, 1.5: d^2 =
     * (0.25 + 2.25) * 3/4 = 1.875, fit 100 e^-0.9375 = 39.1605626676799
     * (Python math.exp). */
    const double pop[8] = {0, 0, 2, 0, 0, 2, 2, 2};
    const double client[2] = {2, 2}, ideal[2] = {1, 1}, w[2] = {1, 3};
    cp_table pt = {pop, 4, 2, 2}, ct = {client, 1, 2, 2};
    double f;
    CP_ASSERT_STATUS(cp_health_idealfit(&ct, ideal, 1, &pt, NULL, 0, &f, 1), CP_OK);
    CP_ASSERT_REL(f, 47.236655274101466, 1e-13);
    CP_ASSERT_STATUS(cp_health_idealfit(&ct, ideal, 1, &pt, w, 1, &f, 1), CP_OK);
    CP_ASSERT_REL(f, 39.1605626676799, 1e-13);
    /* The ideal itself fits 100. */
    CP_ASSERT_STATUS(cp_health_idealfit(&ct, client, 1, &pt, NULL, 0, &f, 1), CP_OK);
    CP_ASSERT_REL(f, 100.0, 0.0);
}

static void test_idealfit_singular(void)
{
    /* y = 2x exactly, plus a constant criterion: population (1,2,5)
     * (2,4,5) (3,6,5).  The constant is left out; s = 1, 2; R = [1 1; 1 1]
     * with singular values 2 and 0, v1 = (1,1)/sqrt 2.
     * Client (3,6,5), ideal (1,2,5): z = (2, 2), v1'z = 2 sqrt 2,
     * d^2 = 8/2 = 4, fit 100 e^-2 = 13.53352832366127.
     * Client (3,2,9), ideal (1,2,5): z = (2, 0) (the constant criterion is
     * out, whatever its value), v1'z = sqrt 2, d^2 = 1, fit 100 e^-0.5 =
     * 60.653065971263345: the part of z across the line the population
     * lies on adds nothing, as R+ says. */
    const double pop[9] = {1, 2, 5, 2, 4, 5, 3, 6, 5};
    const double clients[6] = {3, 6, 5, 3, 2, 9}, ideal[3] = {1, 2, 5};
    cp_table pt = {pop, 3, 3, 3}, ct = {clients, 2, 3, 3};
    double f[2];
    CP_ASSERT_STATUS(cp_health_idealfit(&ct, ideal, 1, &pt, NULL, 0, f, 1), CP_OK);
    CP_ASSERT_REL(f[0], 13.53352832366127, 1e-12);
    CP_ASSERT_REL(f[1], 60.653065971263345, 1e-12);

    /* Fewer clients than criteria: population (0,0,0) (1,2,3): every
     * correlation is 1, R = ones(3) with singular values 3, 0, 0.  Client
     * (1,2,3) against ideal (0,0,0): z = (sqrt 2, sqrt 2, sqrt 2), v1'z =
     * sqrt 6, d^2 = 6/3 = 2, fit 100 e^-1 = 36.787944117144235. */
    const double two[6] = {0, 0, 0, 1, 2, 3}, c2[3] = {1, 2, 3}, zero[3] = {0, 0, 0};
    cp_table p2 = {two, 2, 3, 3}, t2 = {c2, 1, 3, 3};
    CP_ASSERT_STATUS(cp_health_idealfit(&t2, zero, 1, &p2, NULL, 0, f, 1), CP_OK);
    CP_ASSERT_REL(f[0], 36.787944117144235, 1e-12);

    /* Every criterion constant: d^2 = 0, fit 100 for anyone. */
    const double flat[4] = {3, 3, 3, 3}, far[2] = {1e9, -1e9};
    cp_table pf = {flat, 2, 2, 2}, cf = {far, 1, 2, 2};
    CP_ASSERT_STATUS(cp_health_idealfit(&cf, zero, 1, &pf, NULL, 0, f, 1), CP_OK);
    CP_ASSERT_REL(f[0], 100.0, 0.0);
}

static void test_idealfit_strides_and_rows(void)
{
    /* The hand book with a row distance of 3, ideal every 2nd, weights
     * every 3rd, fits every 2nd; each client alone equals the table. */
    const double pop[12] = {0, 0, 9, 2, 0, 9, 0, 2, 9, 2, 2, 9};
    const double ideal[4] = {1, -7, 1, -7}, w[6] = {1, 0, 0, 3, 0, 0};
    cp_table pt = {pop, 4, 2, 3};
    double f[8];
    CP_ASSERT_STATUS(cp_health_idealfit(&pt, ideal, 2, &pt, w, 3, f, 2), CP_OK);
    for (size_t i = 0; i < 4; i++) {
        cp_table one = {pop + 3 * i, 1, 2, 3};
        double g;
        CP_ASSERT_STATUS(cp_health_idealfit(&one, ideal, 2, &pt, w, 3, &g, 1), CP_OK);
        CU_ASSERT(g == f[2 * i]);
    }
    CP_ASSERT_REL(f[6], 39.1605626676799, 1e-13); /* (2,2): as by hand */
    /* Astronomically far: 0, never NaN. */
    const double far[2] = {1e308, -1e308};
    cp_table cf = {far, 1, 2, 2};
    CP_ASSERT_STATUS(cp_health_idealfit(&cf, ideal, 2, &pt, NULL, 0, f, 1), CP_OK);
    CP_ASSERT_REL(f[0], 0.0, 0.0);
}

static void test_idealfit_errors(void)
{
    const double pop[4] = {0, 1, 2, 3}, ideal[2] = {0, 0}, nan_row[2] = {N, 1};
    const double neg[2] = {1, -1}, zero[2] = {0, 0};
    cp_table pt = {pop, 2, 2, 2}, one = {pop, 1, 2, 2}, nan_t = {nan_row, 1, 2, 2};
    cp_table narrow = {pop, 2, 1, 2};
    double f[2];
    CP_ASSERT_STATUS(cp_health_idealfit(&pt, ideal, 1, &one, NULL, 0, f, 1), CP_EEMPTY);
    CP_ASSERT_STATUS(cp_health_idealfit(&nan_t, ideal, 1, &pt, NULL, 0, f, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_idealfit(&pt, ideal, 1, &pt, neg, 1, f, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_idealfit(&pt, ideal, 1, &pt, zero, 1, f, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_idealfit(&pt, nan_row, 1, &pt, NULL, 0, f, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_idealfit(&pt, ideal, 1, &narrow, NULL, 0, f, 1), CP_EBADLEN);
    CP_ASSERT_STATUS(cp_health_idealfit(&pt, ideal, 1, &nan_t, NULL, 0, f, 1), CP_EINVAL);
}

/* Found by fuzz_idealfit (its seed regression-svd-noconv): criteria of
 * about -1.1e86 beside small ones, the book its own population, weights
 * 5, 2, 1.  GSL's Jacobi SVD of the correlation matrix stops short of its
 * tolerance; the core must report that (CP_ENOCONV, Err:523 in Calc) and
 * return, as it does with GSL's handler off (cu_main, like the add-in). */
static void test_idealfit_svd_no_convergence(void)
{
    const double big = -0x1.1d1d1d1d1d1d1p+286;
    const double c[12] = {-2, -3, 1, -3, 5, big, big, big, big, big, -0x1.1d1d13b060707p+286, 1};
    const double ideal[3] = {3, 4, 4}, w[3] = {5, 2, 1};
    double fit[4];
    cp_table ct = {c, 4, 3, 3};
    CP_ASSERT_STATUS(cp_health_idealfit(&ct, ideal, 1, &ct, w, 1, fit, 1), CP_ENOCONV);
}

/* ---- REVENUEATRISK ------------------------------------------------------- */

/* PERCENTILE.INC of v[0..n) at q (sorts v). */
static double percentile_inc(double *v, size_t n, double q)
{
    qsort(v, n, sizeof *v, cmp_dbl);
    double h = (double)(n - 1) * q;
    size_t lo = (size_t)floor(h);
    return lo + 1 < n ? v[lo] + (h - (double)lo) * (v[lo + 1] - v[lo]) : v[lo];
}

static void test_risk_replays_documented_stream(void)
{
    /* The draws as cp_health.h documents them, replayed with GSL itself:
     * taus2 seeded seed + 1, one gsl_rng_uniform per client per simulation,
     * kept when u < p, summed as (S1 + S2) + (S3 + S4) over clients
     * i = r (mod 4); the quantile as PERCENTILE.INC.  Same bits. */
    const double rev[6] = {100, 250.5, 40, 0.1, 1e6, 3.3}, p[6] = {0.5, 0.9, 0.25, 0.7, 0.01, 1};
    const size_t sims = 1001;
    const double conf[3] = {0.95, 0.5, 0.123};
    for (unsigned long seed = 0; seed < 3; seed++) {
        for (int c = 0; c < 3; c++) {
            gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
            gsl_rng_set(r, seed + 1);
            double *tot = malloc(sims * sizeof *tot);
            for (size_t s = 0; s < sims; s++) {
                double part[4] = {0, 0, 0, 0};
                for (int i = 0; i < 6; i++)
                    if (gsl_rng_uniform(r) < p[i])
                        part[i % 4] += rev[i];
                tot[s] = (part[0] + part[1]) + (part[2] + part[3]);
            }
            double want = percentile_inc(tot, sims, 1.0 - conf[c]), got;
            CP_ASSERT_STATUS(cp_health_revenue_at_risk(rev, 1, p, 1, 6, conf[c], sims, seed, &got),
                             CP_OK);
            CP_ASSERT_REL(got, want, 0.0);
            free(tot);
            gsl_rng_free(r);
        }
    }
}

static void test_risk_exact_distribution(void)
{
    /* 20 clients with revenue 1..20 and p_alive 0.05 .. 0.95: the exact
     * distribution of kept revenue by dynamic programming over the sums
     * 0..210.  With 20,000 simulations the simulated 5% quantile q must sit
     * where the exact CDF crosses 0.05 within sampling error:
     * P(K < q) <= 0.05 + e and P(K <= q) >= 0.05 - e, e = 4 sqrt(0.05 *
     * 0.95 / 20000) + 1/20000. */
    double rev[20], p[20], dist[211] = {1.0};
    for (int i = 0; i < 20; i++) {
        rev[i] = i + 1;
        p[i] = 0.05 + 0.9 * i / 19.0;
        for (int v = 210; v >= 0; v--)
            dist[v] = dist[v] * (1 - p[i]) + (v >= i + 1 ? dist[v - i - 1] * p[i] : 0.0);
    }
    for (unsigned long seed = 1; seed <= 3; seed++) {
        double q;
        CP_ASSERT_STATUS(cp_health_revenue_at_risk(rev, 1, p, 1, 20, 0.95, 20000, seed, &q), CP_OK);
        double below = 0.0, upto = 0.0;
        for (int v = 0; v <= 210; v++) {
            if (v < q)
                below += dist[v];
            if (v <= q)
                upto += dist[v];
        }
        double e = 4.0 * sqrt(0.05 * 0.95 / 20000) + 1.0 / 20000;
        CU_ASSERT(below <= 0.05 + e);
        CU_ASSERT(upto >= 0.05 - e);
    }
    /* p = 1 keeps everything, p = 0 nothing, in every simulation. */
    double ones[20], zeros[20], q;
    for (int i = 0; i < 20; i++)
        ones[i] = 1.0, zeros[i] = 0.0;
    CP_ASSERT_STATUS(cp_health_revenue_at_risk(rev, 1, ones, 1, 20, 0.95, 100, 1, &q), CP_OK);
    CP_ASSERT_REL(q, 210.0, 0.0);
    CP_ASSERT_STATUS(cp_health_revenue_at_risk(rev, 1, zeros, 1, 20, 0.95, 100, 1, &q), CP_OK);
    CP_ASSERT_REL(q, 0.0, 0.0);
}

static void test_risk_errors(void)
{
    const double rev[2] = {1, 2}, p[2] = {0.5, 0.5}, bad[2] = {0.5, 1.5}, nanp[2] = {N, 0.5};
    const double nanr[2] = {1, N};
    double q;
    CP_ASSERT_STATUS(cp_health_revenue_at_risk(rev, 1, bad, 1, 2, 0.95, 100, 1, &q), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_revenue_at_risk(rev, 1, nanp, 1, 2, 0.95, 100, 1, &q), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_revenue_at_risk(nanr, 1, p, 1, 2, 0.95, 100, 1, &q), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_revenue_at_risk(rev, 1, p, 1, 2, 0.0, 100, 1, &q), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_revenue_at_risk(rev, 1, p, 1, 2, 1.0, 100, 1, &q), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_revenue_at_risk(rev, 1, p, 1, 2, 0.95, 99, 1, &q), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_revenue_at_risk(rev, 1, p, 1, 2, 0.95, 10000001, 1, &q), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_revenue_at_risk(rev, 1, p, 1, 0, 0.95, 100, 1, &q), CP_EEMPTY);
    /* 10^7 simulations of 1,000 clients is past the work bound. */
    double *big = calloc(1000, sizeof *big);
    CP_ASSERT_STATUS(cp_health_revenue_at_risk(big, 1, big, 1, 1000, 0.95, 10000000, 1, &q),
                     CP_ELIMIT);
    free(big);
}

/* ---- PRUNESTABILITY ------------------------------------------------------ */

/* A book of 12 clients with blanks, ties and an empty client (row 7). */
static const double sbook[12 * 3] = {
    10, 5, 2,   20, N, 4,   30, 5, 8,   40, 1, N,   10, 5, 2,   25, 3, 3,
    N, N, N,    15, 2, 9,   35, 4, 1,   5, 6, 7,    22, 2, 2,   18, 3, 6,
};
static const double sw[3] = {2, 1, 1}, sd[3] = {1, -1, 1};

static void test_stability_replays_clientscore(void)
{
    /* Each simulation replayed outside the core: weights jittered by the
     * documented draws (taus2, seed + 1, one u per criterion), scored with
     * cp_score_clients and ranked with cp_prune_rank; a client counts when
     * its rank is <= prune_count.  The shares must be the same bits. */
    cp_table t = {sbook, 12, 3, 3};
    const size_t sims = 200;
    const size_t counts[3] = {1, 3, 6};
    for (int c = 0; c < 3; c++) {
        double share[12], want[12] = {0}, w[3], score[12], rank[12];
        CP_ASSERT_STATUS(cp_health_prune_stability(&t, sw, 1, sd, 1, counts[c], 0.3, sims, 5,
                                                   share, 1), CP_OK);
        gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
        gsl_rng_set(r, 5 + 1);
        for (size_t s = 0; s < sims; s++) {
            for (int j = 0; j < 3; j++)
                w[j] = sw[j] * ((1 - 0.3) + 0.6 * gsl_rng_uniform(r));
            cp_score_clients(&t, NULL, w, 1, sd, 1, CP_METHOD_MINMAX, score, 1);
            cp_prune_rank(score, 1, NULL, 0, 12, NULL, 0, NULL, 0, 0, rank, 1);
            for (int i = 0; i < 12; i++)
                want[i] += !isnan(rank[i]) && rank[i] <= (double)counts[c];
        }
        gsl_rng_free(r);
        for (int i = 0; i < 12; i++) {
            if (i == 6) {
                CU_ASSERT(isnan(share[i]));
            } else {
                CP_ASSERT_REL(share[i], want[i] / (double)sims, 0.0);
            }
        }
        /* Rows 0 and 4 are the same client: always together. */
        CU_ASSERT(share[0] == share[4]);
    }
}

static void test_stability_no_jitter(void)
{
    /* jitter 0: each client is in or out in every simulation, exactly as
     * PRUNERANK of CLIENTSCORE says.  Rows 0 and 4 tie for the lowest score
     * (both (10,5,2)), so with prune_count 1 both count (shared rank 1). */
    cp_table t = {sbook, 12, 3, 3};
    double share[12], score[12], rank[12];
    cp_score_clients(&t, NULL, sw, 1, sd, 1, CP_METHOD_MINMAX, score, 1);
    cp_prune_rank(score, 1, NULL, 0, 12, NULL, 0, NULL, 0, 0, rank, 1);
    for (size_t k = 0; k <= 11; k++) {
        CP_ASSERT_STATUS(cp_health_prune_stability(&t, sw, 1, sd, 1, k, 0.0, 100, 1, share, 1),
                         CP_OK);
        for (int i = 0; i < 12; i++) {
            if (i == 6) {
                CU_ASSERT(isnan(share[i]));
            } else {
                CP_ASSERT_REL(share[i], rank[i] <= (double)k ? 1.0 : 0.0, 0.0);
            }
        }
    }
    CP_ASSERT_REL(rank[0], 1.0, 0.0);
    CP_ASSERT_REL(rank[4], 1.0, 0.0);
}

static void test_stability_cutoff_is_prunerank(void)
{
    /* cp_prune_rank_cutoff against PRUNERANK itself on 400 scores with many
     * ties, for every k. */
    enum { n = 400 };
    static double s[n], scratch[n], rank[n];
    unsigned int x = 99;
    for (int i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        s[i] = (double)((x >> 16) % 60);
    }
    cp_prune_rank(s, 1, NULL, 0, n, NULL, 0, NULL, 0, 0, rank, 1);
    int bad = 0;
    for (size_t k = 1; k <= n; k++) {
        memcpy(scratch, s, sizeof s);
        double cut = cp_prune_rank_cutoff(scratch, n, k);
        for (int i = 0; i < n; i++)
            bad += (s[i] <= cut) != (rank[i] <= (double)k);
    }
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_stability_errors(void)
{
    cp_table t = {sbook, 12, 3, 3};
    double share[12];
    const double neg[3] = {1, -1, 1}, dir0[3] = {1, 0, 1};
    CP_ASSERT_STATUS(cp_health_prune_stability(&t, neg, 1, NULL, 0, 1, 0.2, 100, 1, share, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_prune_stability(&t, sw, 1, dir0, 1, 1, 0.2, 100, 1, share, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_prune_stability(&t, sw, 1, sd, 1, 12, 0.2, 100, 1, share, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_prune_stability(&t, sw, 1, sd, 1, 1, 1.0, 100, 1, share, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_prune_stability(&t, sw, 1, sd, 1, 1, -0.1, 100, 1, share, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_prune_stability(&t, sw, 1, sd, 1, 1, 0.2, 99, 1, share, 1), CP_EINVAL);
    cp_table empty = {sbook, 0, 3, 3};
    CP_ASSERT_STATUS(cp_health_prune_stability(&empty, sw, 1, sd, 1, 0, 0.2, 100, 1, share, 1), CP_EEMPTY);
    /* 11 clients have a score: prune_count 11 marks all of them always. */
    CP_ASSERT_STATUS(cp_health_prune_stability(&t, sw, 1, sd, 1, 11, 0.2, 100, 1, share, 1), CP_OK);
    CP_ASSERT_REL(share[11], 1.0, 0.0);
}

/* ---- SEGMENTS ------------------------------------------------------------ */

static void test_segments_clusters(void)
{
    /* Three tight groups far apart, rows interleaved; a constant third
     * criterion (left out).  Centres in z: group A around (10,10), B
     * around (0,0), C around (10,0) in raw units; z-sums order A > C > B,
     * so A is 1, C is 2, B is 3, whatever the seed. */
    double t[30 * 3];
    for (int i = 0; i < 30; i++) {
        int g = i % 3;
        double jx = 0.1 * (i % 5), jy = 0.1 * ((i * 7) % 5);
        t[3 * i] = (g == 1 ? 0.0 : 10.0) + jx;
        t[3 * i + 1] = (g == 0 ? 10.0 : 0.0) + jy;
        t[3 * i + 2] = 4.0;
    }
    cp_table tab = {t, 30, 3, 3};
    for (unsigned long seed = 0; seed < 4; seed++) {
        double seg[30];
        CP_ASSERT_STATUS(cp_health_segments(&tab, 3, seed, seg, 1), CP_OK);
        for (int i = 0; i < 30; i++)
            CP_ASSERT_REL(seg[i], i % 3 == 0 ? 1.0 : (i % 3 == 1 ? 3.0 : 2.0), 0.0);
    }
    double one[30];
    CP_ASSERT_STATUS(cp_health_segments(&tab, 1, 1, one, 1), CP_OK);
    for (int i = 0; i < 30; i++)
        CP_ASSERT_REL(one[i], 1.0, 0.0);
}

static void test_segments_distinct(void)
{
    /* Rows (1,0) (0,1) (1,0) (2,2) (0,0): four distinct rows, so k = 4 puts
     * each distinct row alone and k = 5 is invalid.  z-sums (means 0.8,
     * 0.6): (2,2) highest -> 1; (1,0) and (0,1) have z-sums (1-0.8)/s1 +
     * (0-0.6)/s2 and (0-0.8)/s1 + (1-0.6)/s2 with s1 = sqrt(0.7), s2 =
     * sqrt(0.8): -0.4317 and -0.5089, so (1,0) -> 2 and (0,1) -> 3;
     * (0,0) -> 4. */
    const double t[10] = {1, 0, 0, 1, 1, 0, 2, 2, 0, 0};
    cp_table tab = {t, 5, 2, 2};
    double seg[10];
    CP_ASSERT_STATUS(cp_health_segments(&tab, 4, 1, seg, 2), CP_OK);
    const double want[5] = {2, 3, 2, 1, 4};
    for (int i = 0; i < 5; i++)
        CP_ASSERT_REL(seg[2 * i], want[i], 0.0);
    CP_ASSERT_STATUS(cp_health_segments(&tab, 5, 1, seg, 1), CP_EINVAL);
    /* Equal z-sums: (1,0) and (0,1) with equal spreads tie; the one whose
     * first member is the lower row comes first. */
    const double sym[6] = {0, 1, 1, 0, 0, 1};
    cp_table ts = {sym, 3, 2, 2};
    CP_ASSERT_STATUS(cp_health_segments(&ts, 2, 1, seg, 1), CP_OK);
    CP_ASSERT_REL(seg[0], 1.0, 0.0);
    CP_ASSERT_REL(seg[1], 2.0, 0.0);
    CP_ASSERT_REL(seg[2], 1.0, 0.0);
}

static void test_segments_errors(void)
{
    const double t[4] = {1, 2, N, 4}, same[4] = {3, 3, 3, 3};
    cp_table tn = {t, 2, 2, 2}, ts = {same, 4, 1, 1};
    double seg[4];
    CP_ASSERT_STATUS(cp_health_segments(&tn, 1, 1, seg, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_segments(&ts, 0, 1, seg, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_segments(&ts, 2, 1, seg, 1), CP_EINVAL); /* one distinct row */
    CP_ASSERT_STATUS(cp_health_segments(&ts, 1, 1, seg, 1), CP_OK);
    CP_ASSERT_REL(seg[3], 1.0, 0.0);
    cp_table empty = {t, 0, 2, 2};
    CP_ASSERT_STATUS(cp_health_segments(&empty, 1, 1, seg, 1), CP_EEMPTY);
}

static CU_TestInfo tests[] = {
    {"canary_hand", test_canary_hand},
    {"canary_ties_and_blanks", test_canary_ties_and_blanks},
    {"canary_small_and_flat", test_canary_small_and_flat},
    {"canary_brute_force", test_canary_brute_force},
    {"canary_errors", test_canary_errors},
    {"idealfit_hand", test_idealfit_hand},
    {"idealfit_svd_no_convergence", test_idealfit_svd_no_convergence},
    {"idealfit_singular", test_idealfit_singular},
    {"idealfit_strides_and_rows", test_idealfit_strides_and_rows},
    {"idealfit_errors", test_idealfit_errors},
    {"risk_replays_documented_stream", test_risk_replays_documented_stream},
    {"risk_exact_distribution", test_risk_exact_distribution},
    {"risk_errors", test_risk_errors},
    {"stability_replays_clientscore", test_stability_replays_clientscore},
    {"stability_no_jitter", test_stability_no_jitter},
    {"stability_cutoff_is_prunerank", test_stability_cutoff_is_prunerank},
    {"stability_errors", test_stability_errors},
    {"segments_clusters", test_segments_clusters},
    {"segments_distinct", test_segments_distinct},
    {"segments_errors", test_segments_errors},
    CU_TEST_INFO_NULL,
};

cp_suite health_suite = {"health", tests};
