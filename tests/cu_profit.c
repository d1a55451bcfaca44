/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cu_profit.c - COSTTOSERVE, COSTALLOCATE, WHALECURVE, WHALEPEAK, ABCCLASS
 * and CONCENTRATION in the core.
 *
 * Reference values are derived by hand in the comments next to them from
 * the rules of FUNCTIONS.md ("Profitability and concentration"); the
 * randomised checks compare with brute-force forms written here straight
 * from the catalog's definitions (the O(n^2) Gini double sum, shares of
 * strictly larger values by counting, the curve by selection order).
 */
#include <math.h>
#include <stdlib.h>

#include "cp_profit.h"
#include "cu_test.h"

#define N NAN
#define TOL 1e-13

/* ---- COSTTOSERVE and COSTALLOCATE -----------------------------------------
 * drivers (hours, tickets):  10  2
 *                             0  5
 *                           3.5  0 */
static const double drv[3 * 2] = {10, 2, 0, 5, 3.5, 0};

static void test_cost_to_serve(void)
{
    /* rates 50 per hour, 20 per ticket: 10*50 + 2*20 = 540; 5*20 = 100;
     * 3.5*50 = 175. */
    const double rates[2] = {50, 20};
    cp_table t = {drv, 3, 2, 2};
    double c[3];
    CP_ASSERT_STATUS(cp_profit_cost_to_serve(&t, rates, 1, c, 1), CP_OK);
    CP_ASSERT_REL(c[0], 540.0, TOL);
    CP_ASSERT_REL(c[1], 100.0, TOL);
    CP_ASSERT_REL(c[2], 175.0, TOL);
    /* One row is one client. */
    cp_table one = {drv, 1, 2, 2};
    CP_ASSERT_STATUS(cp_profit_cost_to_serve(&one, rates, 1, c, 1), CP_OK);
    CP_ASSERT_REL(c[0], 540.0, TOL);
}

static void test_allocate(void)
{
    /* pools 1000 (by hours) and 700 (by tickets): hours sum 13.5, tickets
     * 7.  Client 0: 1000*10/13.5 + 700*2/7 = 20000/27 + 200 = 25400/27;
     * client 1: 700*5/7 = 500; client 2: 1000*3.5/13.5 = 7000/27.  They
     * add up to 1700, the pools. */
    const double pools[2] = {1000, 700};
    cp_table t = {drv, 3, 2, 2};
    double c[3];
    CP_ASSERT_STATUS(cp_profit_allocate(&t, pools, 1, c, 1), CP_OK);
    CP_ASSERT_REL(c[0], 25400.0 / 27.0, TOL);
    CP_ASSERT_REL(c[1], 500.0, TOL);
    CP_ASSERT_REL(c[2], 7000.0 / 27.0, TOL);
    CP_ASSERT_REL(c[0] + c[1] + c[2], 1700.0, TOL);

    /* A driver column that sums to 0 is fine against a pool of 0 (it
     * shares nothing): 10 split 1:1 -> 5, 5. */
    const double d2[2 * 2] = {1, 0, 1, 0}, p2[2] = {10, 0};
    cp_table t2 = {d2, 2, 2, 2};
    CP_ASSERT_STATUS(cp_profit_allocate(&t2, p2, 1, c, 1), CP_OK);
    CP_ASSERT_REL(c[0], 5.0, TOL);
    CP_ASSERT_REL(c[1], 5.0, TOL);
    /* ... but not against a pool to share: nobody to carry it. */
    const double p3[2] = {10, 5};
    CP_ASSERT_STATUS(cp_profit_allocate(&t2, p3, 1, c, 1), CP_EINVAL);

    /* Huge drivers: the column sum 2.7e308 overflows a double, the shares
     * 1/2.7 and 1.7/2.7 of a pool of 3 do not: 10/9 and 17/9. */
    const double d4[2] = {1e308, 1.7e308}, p4[1] = {3};
    cp_table t4 = {d4, 2, 1, 1};
    CP_ASSERT_STATUS(cp_profit_allocate(&t4, p4, 1, c, 1), CP_OK);
    CP_ASSERT_REL(c[0], 10.0 / 9.0, 1e-14);
    CP_ASSERT_REL(c[1], 17.0 / 9.0, 1e-14);
}

static void test_cost_strides(void)
{
    /* The driver table with a row distance of 5, rates and pools every
     * 3rd, results every 2nd. */
    double t[3 * 5], rates[6], pools[6], c[6];
    for (int i = 0; i < 15; i++)
        t[i] = -1; /* poison: a negative driver is invalid if read */
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 2; j++)
            t[5 * i + j] = drv[2 * i + j];
    for (int j = 0; j < 6; j++)
        rates[j] = pools[j] = -1;
    rates[0] = 50, rates[3] = 20, pools[0] = 1000, pools[3] = 700;
    cp_table tab = {t, 3, 2, 5};
    CP_ASSERT_STATUS(cp_profit_cost_to_serve(&tab, rates, 3, c, 2), CP_OK);
    CP_ASSERT_REL(c[0], 540.0, TOL);
    CP_ASSERT_REL(c[2], 100.0, TOL);
    CP_ASSERT_REL(c[4], 175.0, TOL);
    CP_ASSERT_STATUS(cp_profit_allocate(&tab, pools, 3, c, 2), CP_OK);
    CP_ASSERT_REL(c[0], 25400.0 / 27.0, TOL);
    CP_ASSERT_REL(c[2], 500.0, TOL);
    CP_ASSERT_REL(c[4], 7000.0 / 27.0, TOL);
}

static void test_cost_errors(void)
{
    cp_table t = {drv, 3, 2, 2};
    double c[3];
    const double neg_rate[2] = {50, -1}, nan_rate[2] = {N, 20}, inf_rate[2] = {INFINITY, 1};
    typedef int (*fn)(const cp_table *, const double[], size_t, double[], size_t);
    const fn both[2] = {cp_profit_cost_to_serve, cp_profit_allocate};
    for (int k = 0; k < 2; k++) {
        CP_ASSERT_STATUS(both[k](&t, neg_rate, 1, c, 1), CP_EINVAL);
        CP_ASSERT_STATUS(both[k](&t, nan_rate, 1, c, 1), CP_EINVAL); /* a blank rate or pool */
        CP_ASSERT_STATUS(both[k](&t, inf_rate, 1, c, 1), CP_EINVAL);
        const double neg_drv[2 * 2] = {1, 2, -0.5, 1};
        cp_table tn = {neg_drv, 2, 2, 2};
        const double ok[2] = {1, 1};
        CP_ASSERT_STATUS(both[k](&tn, ok, 1, c, 1), CP_EINVAL);
        const double nan_drv[2 * 2] = {1, 2, N, 1};
        cp_table tnan = {nan_drv, 2, 2, 2};
        CP_ASSERT_STATUS(both[k](&tnan, ok, 1, c, 1), CP_EINVAL);
        cp_table empty = {drv, 0, 2, 2}, narrow = {drv, 3, 0, 2}, bad_tda = {drv, 3, 2, 1};
        CP_ASSERT_STATUS(both[k](&empty, ok, 1, c, 1), CP_EEMPTY);
        CP_ASSERT_STATUS(both[k](&narrow, ok, 1, c, 1), CP_EEMPTY);
        CP_ASSERT_STATUS(both[k](&bad_tda, ok, 1, c, 1), CP_EINVAL);
        CP_ASSERT_STATUS(both[k](NULL, ok, 1, c, 1), CP_EINVAL);
        CP_ASSERT_STATUS(both[k](&t, NULL, 1, c, 1), CP_EINVAL);
    }
    /* A cost past the largest double is refused, not shown as infinity. */
    const double big[2] = {1e308, 1e308}, r2[2] = {10, 10};
    cp_table tb = {big, 1, 2, 2};
    CP_ASSERT_STATUS(cp_profit_cost_to_serve(&tb, r2, 1, c, 1), CP_ELIMIT);
}

/* ---- WHALECURVE and WHALEPEAK ------------------------------------------------
 * profit 30, -10, 50, 0, 20, -40: total 50.  Most profitable first: 50, 30,
 * 20, 0, -10, -40, partial sums 50, 80, 100, 100, 90, 50, shares 1, 1.6, 2,
 * 2, 1.8, 1 at client shares 1/6 .. 6/6.  Peak 2, first reached at 3/6. */
static const double wh[6] = {30, -10, 50, 0, 20, -40};

static void test_whale_curve(void)
{
    double cs[6], ps[6];
    CP_ASSERT_STATUS(cp_profit_whale_curve(wh, 1, 6, cs, 1, ps, 1), CP_OK);
    const double want[6] = {1, 1.6, 2, 2, 1.8, 1};
    for (int k = 0; k < 6; k++) {
        CP_ASSERT_REL(cs[k], (k + 1) / 6.0, TOL);
        CP_ASSERT_REL(ps[k], want[k], TOL);
    }
    CU_ASSERT(ps[5] == 1.0); /* exactly */
    /* One client: (1, 1). */
    CP_ASSERT_STATUS(cp_profit_whale_curve(wh, 1, 1, cs, 1, ps, 1), CP_OK);
    CP_ASSERT_REL(cs[0], 1.0, 0.0);
    CP_ASSERT_REL(ps[0], 1.0, 0.0);
}

static void test_whale_peak(void)
{
    double peak, share;
    CP_ASSERT_STATUS(cp_profit_whale_peak(wh, 1, 6, &peak, &share), CP_OK);
    CP_ASSERT_REL(peak, 2.0, TOL);
    CP_ASSERT_REL(share, 0.5, TOL);
    /* All profitable: the peak is the end, 1 at 1. */
    const double pos[3] = {1, 2, 3};
    CP_ASSERT_STATUS(cp_profit_whale_peak(pos, 1, 3, &peak, &share), CP_OK);
    CP_ASSERT_REL(peak, 1.0, TOL);
    CP_ASSERT_REL(share, 1.0, TOL);
    /* Profit 10, 0, 0, -5 (total 5): the curve is 2, 2, 2, 1; the peak 2 is
     * first reached at 1/4, not 3/4. */
    const double flat[4] = {0, -5, 10, 0};
    CP_ASSERT_STATUS(cp_profit_whale_peak(flat, 1, 4, &peak, &share), CP_OK);
    CP_ASSERT_REL(peak, 2.0, TOL);
    CP_ASSERT_REL(share, 0.25, TOL);
}

static void test_whale_strides(void)
{
    double p[6 * 3], cs[6 * 2], ps[6 * 5], peak, share;
    for (int i = 0; i < 18; i++)
        p[i] = 1e6; /* poison */
    for (int i = 0; i < 6; i++)
        p[3 * i] = wh[i];
    CP_ASSERT_STATUS(cp_profit_whale_curve(p, 3, 6, cs, 2, ps, 5), CP_OK);
    const double want[6] = {1, 1.6, 2, 2, 1.8, 1};
    for (int k = 0; k < 6; k++) {
        CP_ASSERT_REL(cs[2 * k], (k + 1) / 6.0, TOL);
        CP_ASSERT_REL(ps[5 * k], want[k], TOL);
    }
    CP_ASSERT_STATUS(cp_profit_whale_peak(p, 3, 6, &peak, &share), CP_OK);
    CP_ASSERT_REL(peak, 2.0, TOL);
    CP_ASSERT_REL(share, 0.5, TOL);
}

static void test_whale_errors(void)
{
    double cs[2], ps[2], cs3[3], ps3[3], peak, share;
    const double zero[2] = {10, -10}, neg[2] = {-1, -2}, nan2[2] = {1, N}, inf2[2] = {1, INFINITY};
    const double *bad[4] = {zero, neg, nan2, inf2};
    for (int k = 0; k < 4; k++) {
        CP_ASSERT_STATUS(cp_profit_whale_curve(bad[k], 1, 2, cs, 1, ps, 1), CP_EINVAL);
        CP_ASSERT_STATUS(cp_profit_whale_peak(bad[k], 1, 2, &peak, &share), CP_EINVAL);
    }
    /* Profit 1e-10, -1e-10 and the smallest double: the total is positive
     * but so small next to the profits that the shares (about 1e313)
     * overflow; refused rather than shown as infinity. */
    const double tiny[3] = {1e-10, -1e-10, 4.9406564584124654e-324};
    CP_ASSERT_STATUS(cp_profit_whale_curve(tiny, 1, 3, cs3, 1, ps3, 1), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_profit_whale_peak(tiny, 1, 3, &peak, &share), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_profit_whale_curve(wh, 1, 0, cs, 1, ps, 1), CP_EEMPTY);
    CP_ASSERT_STATUS(cp_profit_whale_peak(wh, 1, 0, &peak, &share), CP_EEMPTY);
    CP_ASSERT_STATUS(cp_profit_whale_curve(NULL, 1, 2, cs, 1, ps, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_profit_whale_curve(wh, 1, 2, NULL, 1, ps, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_profit_whale_peak(wh, 1, 2, NULL, &share), CP_EINVAL);
}

/* The curve and its peak against the definition: the k-th point is the
 * sum of the k largest profits (found by repeated selection of the largest
 * unused one), over the total; the peak the highest point, the first
 * time. */
static void test_whale_brute_force(void)
{
    enum { n = 300 };
    static double p[n], cs[n], ps[n];
    static int used[n];
    unsigned int x = 31337;
    int bad = 0;
    for (int trial = 0; trial < 5; trial++) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            p[i] = (double)((int)((x >> 8) % 2001) - 700) / 4.0; /* quarters, exact sums */
            total += p[i];
            used[i] = 0;
        }
        if (!(total > 0))
            continue;
        CP_ASSERT_STATUS(cp_profit_whale_curve(p, 1, n, cs, 1, ps, 1), CP_OK);
        double cum = 0, best = -INFINITY, best_at = 0;
        for (int k = 0; k < n; k++) {
            int arg = -1;
            for (int i = 0; i < n; i++)
                if (!used[i] && (arg < 0 || p[i] > p[arg]))
                    arg = i;
            used[arg] = 1;
            cum += p[arg];
            bad += fabs(ps[k] - cum / total) > 1e-13 * fabs(cum / total);
            bad += cs[k] != (k + 1.0) / n;
            if (cum / total > best) {
                best = cum / total;
                best_at = (k + 1.0) / n;
            }
        }
        double peak, share;
        CP_ASSERT_STATUS(cp_profit_whale_peak(p, 1, n, &peak, &share), CP_OK);
        CP_ASSERT_REL(peak, best, 1e-13);
        CP_ASSERT_REL(share, best_at, 0.0);
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* ---- ABCCLASS -------------------------------------------------------------
 * values 50, 30, 15, 5 (total 100), a 0.8, b 0.95.  Share before (held by
 * strictly larger values): 50 -> 0 (A), 30 -> 0.5 (A), 15 -> 0.8, not
 * below 0.8 (B), 5 -> 0.95, not below 0.95 (C). */
static const double abc_v[4] = {50, 30, 15, 5};

static void test_abc_table(void)
{
    int c[4];
    CP_ASSERT_STATUS(cp_profit_abc(abc_v, 1, 4, NULL, 0, 0, 0.8, 0.95, c, 1), CP_OK);
    CU_ASSERT(c[0] == CP_ABC_A && c[1] == CP_ABC_A && c[2] == CP_ABC_B && c[3] == CP_ABC_C);
    CU_ASSERT_STRING_EQUAL(cp_abc_name(c[0]), "A");
    CU_ASSERT_STRING_EQUAL(cp_abc_name(c[2]), "B");
    CU_ASSERT_STRING_EQUAL(cp_abc_name(c[3]), "C");
    CU_ASSERT_STRING_EQUAL(cp_abc_name(7), "");
    /* Ties: 40, 40, 20 with a 0.5, b 0.9.  Neither 40 has a strictly
     * larger value: both 0 -> A (together, although the second 40 takes
     * the running share to 0.8).  20 -> 0.8 -> B. */
    const double tie[3] = {40, 40, 20};
    CP_ASSERT_STATUS(cp_profit_abc(tie, 1, 3, NULL, 0, 0, 0.5, 0.9, c, 1), CP_OK);
    CU_ASSERT(c[0] == CP_ABC_A && c[1] == CP_ABC_A && c[2] == CP_ABC_B);
    /* a = b: no B at all.  30 -> 0.5 < 0.6 A; 15 -> 0.8 C. */
    CP_ASSERT_STATUS(cp_profit_abc(abc_v, 1, 4, NULL, 0, 0, 0.6, 0.6, c, 1), CP_OK);
    CU_ASSERT(c[1] == CP_ABC_A && c[2] == CP_ABC_C && c[3] == CP_ABC_C);
    /* Zeros: 10, 0, 0 with the defaults: 0 has share 1 before it: C. */
    const double z[3] = {10, 0, 0};
    CP_ASSERT_STATUS(cp_profit_abc(z, 1, 3, NULL, 0, 0, 0.8, 0.95, c, 1), CP_OK);
    CU_ASSERT(c[0] == CP_ABC_A && c[1] == CP_ABC_C && c[2] == CP_ABC_C);
    /* b = 1: only a share of exactly 1 (the zeros) is C; 0.5 -> B. */
    const double z2[3] = {10, 10, 0};
    CP_ASSERT_STATUS(cp_profit_abc(z2, 1, 3, NULL, 0, 0, 0.4, 1.0, c, 1), CP_OK);
    CU_ASSERT(c[0] == CP_ABC_A && c[1] == CP_ABC_A && c[2] == CP_ABC_C);
}

static void test_abc_decimal_bound(void)
{
    /* 0.05, 0.04, 0.01 with a 0.9: in decimal 0.01 has 0.09 of 0.10 before
     * it, exactly a_share, so it is not below: B.  In doubles the ratio of
     * the sums is 0.8999999999999999 (Python: math.fsum([0.05, 0.04]) /
     * math.fsum([0.05, 0.04, 0.01])); the 1e-12 allowance keeps the decimal
     * answer. */
    const double v[3] = {0.05, 0.04, 0.01};
    int c[3];
    CP_ASSERT_STATUS(cp_profit_abc(v, 1, 3, NULL, 0, 0, 0.9, 0.95, c, 1), CP_OK);
    CU_ASSERT(c[0] == CP_ABC_A && c[1] == CP_ABC_A && c[2] == CP_ABC_B);
    /* A real gap is not forgiven: a_share 0.9000001 makes 0.01 an A. */
    CP_ASSERT_STATUS(cp_profit_abc(v, 1, 3, NULL, 0, 0, 0.9000001, 0.95, c, 1), CP_OK);
    CU_ASSERT(c[2] == CP_ABC_A);
}

static void test_abc_row_mode(void)
{
    /* Against 50, 30, 15, 5: 35 has 50 above it (0.5, A); 100 nothing (A);
     * 0 everything (1, C); 15 exactly as in table mode (B); 10 has 95
     * above (C). */
    const double v[5] = {35, 100, 0, 15, 10};
    int c[5];
    CP_ASSERT_STATUS(cp_profit_abc(v, 1, 5, abc_v, 1, 4, 0.8, 0.95, c, 1), CP_OK);
    CU_ASSERT(c[0] == CP_ABC_A && c[1] == CP_ABC_A && c[2] == CP_ABC_C && c[3] == CP_ABC_B &&
              c[4] == CP_ABC_C);
    /* Each client alone = table mode. */
    int table[4];
    CP_ASSERT_STATUS(cp_profit_abc(abc_v, 1, 4, NULL, 0, 0, 0.8, 0.95, table, 1), CP_OK);
    for (int i = 0; i < 4; i++) {
        int one;
        CP_ASSERT_STATUS(cp_profit_abc(abc_v + i, 1, 1, abc_v, 1, 4, 0.8, 0.95, &one, 1), CP_OK);
        CU_ASSERT_EQUAL(one, table[i]);
    }
}

static void test_abc_strides(void)
{
    double v[4 * 3], pop[4 * 2];
    int c[4 * 5];
    for (int i = 0; i < 12; i++)
        v[i] = -1; /* poison: negative values are invalid if read */
    for (int i = 0; i < 8; i++)
        pop[i] = -1;
    for (int i = 0; i < 4; i++)
        v[3 * i] = pop[2 * i] = abc_v[i];
    CP_ASSERT_STATUS(cp_profit_abc(v, 3, 4, NULL, 0, 0, 0.8, 0.95, c, 5), CP_OK);
    CU_ASSERT(c[0] == CP_ABC_A && c[5] == CP_ABC_A && c[10] == CP_ABC_B && c[15] == CP_ABC_C);
    CP_ASSERT_STATUS(cp_profit_abc(v, 3, 4, pop, 2, 4, 0.8, 0.95, c, 5), CP_OK);
    CU_ASSERT(c[0] == CP_ABC_A && c[5] == CP_ABC_A && c[10] == CP_ABC_B && c[15] == CP_ABC_C);
}

static void test_abc_errors(void)
{
    int c[4];
    /* shares: 0 < a <= b <= 1 */
    const double bad_shares[][2] = {{0, 0.95}, {-0.1, 0.95}, {0.9, 0.8}, {0.8, 1.01},
                                    {N, 0.95}, {0.8, N}};
    for (size_t k = 0; k < sizeof bad_shares / sizeof bad_shares[0]; k++)
        CP_ASSERT_STATUS(cp_profit_abc(abc_v, 1, 4, NULL, 0, 0, bad_shares[k][0], bad_shares[k][1],
                                       c, 1), CP_EINVAL);
    const double neg[2] = {5, -1}, zero[2] = {0, 0}, nan2[2] = {1, N}, inf2[2] = {1, INFINITY};
    CP_ASSERT_STATUS(cp_profit_abc(neg, 1, 2, NULL, 0, 0, 0.8, 0.95, c, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_profit_abc(zero, 1, 2, NULL, 0, 0, 0.8, 0.95, c, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_profit_abc(nan2, 1, 2, NULL, 0, 0, 0.8, 0.95, c, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_profit_abc(inf2, 1, 2, NULL, 0, 0, 0.8, 0.95, c, 1), CP_EINVAL);
    /* row mode: a bad client value, a bad or empty population */
    CP_ASSERT_STATUS(cp_profit_abc(neg + 1, 1, 1, abc_v, 1, 4, 0.8, 0.95, c, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_profit_abc(abc_v, 1, 1, zero, 1, 2, 0.8, 0.95, c, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_profit_abc(abc_v, 1, 1, neg, 1, 2, 0.8, 0.95, c, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_profit_abc(abc_v, 1, 1, abc_v, 1, 0, 0.8, 0.95, c, 1), CP_EEMPTY);
    CP_ASSERT_STATUS(cp_profit_abc(abc_v, 1, 0, NULL, 0, 0, 0.8, 0.95, c, 1), CP_EEMPTY);
    CP_ASSERT_STATUS(cp_profit_abc(NULL, 1, 2, NULL, 0, 0, 0.8, 0.95, c, 1), CP_EINVAL);
}

/* Against counting: share before x = sum of strictly larger values / total,
 * with whole-number values so every sum is exact. */
static void test_abc_brute_force(void)
{
    enum { n = 500 };
    static double v[n];
    static int c[n];
    unsigned int x = 2718;
    int bad = 0;
    for (int trial = 0; trial < 5; trial++) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            v[i] = (double)((x >> 8) % (trial == 0 ? 5 : 1000));
            total += v[i];
        }
        double a = 0.5 + 0.1 * trial, b = fmin(1.0, a + 0.15);
        CP_ASSERT_STATUS(cp_profit_abc(v, 1, n, NULL, 0, 0, a, b, c, 1), CP_OK);
        for (int i = 0; i < n; i++) {
            double above = 0;
            for (int j = 0; j < n; j++)
                if (v[j] > v[i])
                    above += v[j];
            double share = above / total;
            int want = share < a ? CP_ABC_A : share < b ? CP_ABC_B : CP_ABC_C;
            /* the brute force has no allowance: skip the exact-bound cases */
            if (fabs(share - a) > 1e-9 && fabs(share - b) > 1e-9)
                bad += c[i] != want;
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* ---- CONCENTRATION ----------------------------------------------------------
 * revenue 50, 30, 15, 5: shares 0.5, 0.3, 0.15, 0.05.
 * hhi  = 10000 (0.25 + 0.09 + 0.0225 + 0.0025) = 3650.
 * top1 = 0.5; top5 = 1 (fewer than five clients: all of them).
 * gini: |differences| over pairs i < j: 20, 35, 45, 15, 25, 10 = 150, both
 *       orders 300; 2 n^2 mean = 2 * 16 * 25 = 800: G = 0.375. */
static double conc(const double *x, size_t stride, size_t n, cp_concentration m)
{
    double r = N;
    CP_ASSERT_STATUS(cp_profit_concentration(x, stride, n, m, &r), CP_OK);
    return r;
}

static void test_concentration_book(void)
{
    CP_ASSERT_REL(conc(abc_v, 1, 4, CP_CONCENTRATION_HHI), 3650.0, TOL);
    CP_ASSERT_REL(conc(abc_v, 1, 4, CP_CONCENTRATION_TOP1), 0.5, TOL);
    CP_ASSERT_REL(conc(abc_v, 1, 4, CP_CONCENTRATION_TOP5), 1.0, TOL);
    CP_ASSERT_REL(conc(abc_v, 1, 4, CP_CONCENTRATION_GINI), 0.375, TOL);

    /* Seven clients 10, 9, 8, 7, 6, 5, 5 (total 50): top5 = 40/50 = 0.8,
     * top1 = 0.2.  Gini, sorted 5, 5, 6, 7, 8, 9, 10 with weights
     * 2k - n - 1 = -6, -4, -2, 0, 2, 4, 6: -30 - 20 - 12 + 0 + 16 + 36 + 60
     * = 50, over n T = 350: 1/7. */
    const double seven[7] = {10, 9, 8, 7, 6, 5, 5};
    CP_ASSERT_REL(conc(seven, 1, 7, CP_CONCENTRATION_TOP5), 0.8, TOL);
    CP_ASSERT_REL(conc(seven, 1, 7, CP_CONCENTRATION_TOP1), 0.2, TOL);
    CP_ASSERT_REL(conc(seven, 1, 7, CP_CONCENTRATION_GINI), 1.0 / 7.0, TOL);

    /* Equal clients: hhi 10000 / n, gini 0. */
    const double eq[4] = {3, 3, 3, 3};
    CP_ASSERT_REL(conc(eq, 1, 4, CP_CONCENTRATION_HHI), 2500.0, TOL);
    CP_ASSERT_REL(conc(eq, 1, 4, CP_CONCENTRATION_GINI), 0.0, TOL);
}

/* One client: hhi 10000, top1 1, gini 0.  One client with everything among
 * four: hhi 10000, gini (n - 1) / n = 0.75 (sorted 0, 0, 0, 8: weight 3 *
 * 8 / (4 * 8)). */
static void test_concentration_single_and_monopoly(void)
{
    const double one[4] = {0, 0, 8, 0};
    CP_ASSERT_REL(conc(one + 2, 1, 1, CP_CONCENTRATION_HHI), 10000.0, TOL);
    CP_ASSERT_REL(conc(one + 2, 1, 1, CP_CONCENTRATION_TOP1), 1.0, TOL);
    CP_ASSERT_REL(conc(one + 2, 1, 1, CP_CONCENTRATION_GINI), 0.0, TOL);
    CP_ASSERT_REL(conc(one, 1, 4, CP_CONCENTRATION_HHI), 10000.0, TOL);
    CP_ASSERT_REL(conc(one, 1, 4, CP_CONCENTRATION_GINI), 0.75, TOL);
}

static void test_concentration_strides_and_names(void)
{
    double x[4 * 3];
    for (int i = 0; i < 12; i++)
        x[i] = -1; /* poison */
    for (int i = 0; i < 4; i++)
        x[3 * i] = abc_v[i];
    CP_ASSERT_REL(conc(x, 3, 4, CP_CONCENTRATION_HHI), 3650.0, TOL);
    CP_ASSERT_REL(conc(x, 3, 4, CP_CONCENTRATION_TOP1), 0.5, TOL);
    CP_ASSERT_REL(conc(x, 3, 4, CP_CONCENTRATION_TOP5), 1.0, TOL);
    CP_ASSERT_REL(conc(x, 3, 4, CP_CONCENTRATION_GINI), 0.375, TOL);

    cp_concentration m = CP_CONCENTRATION_GINI;
    CP_ASSERT_STATUS(cp_concentration_from_name("HHI", &m), CP_OK);
    CU_ASSERT(m == CP_CONCENTRATION_HHI);
    CP_ASSERT_STATUS(cp_concentration_from_name("Top1", &m), CP_OK);
    CU_ASSERT(m == CP_CONCENTRATION_TOP1);
    CP_ASSERT_STATUS(cp_concentration_from_name("tOp5", &m), CP_OK);
    CU_ASSERT(m == CP_CONCENTRATION_TOP5);
    CP_ASSERT_STATUS(cp_concentration_from_name("gini", &m), CP_OK);
    CU_ASSERT(m == CP_CONCENTRATION_GINI);
    CP_ASSERT_STATUS(cp_concentration_from_name("top10", &m), CP_EINVAL);
    CP_ASSERT_STATUS(cp_concentration_from_name("", &m), CP_EINVAL);
    CP_ASSERT_STATUS(cp_concentration_from_name(NULL, &m), CP_EINVAL);
}

static void test_concentration_errors(void)
{
    double r;
    const double neg[2] = {5, -1}, zero[2] = {0, 0}, nan2[2] = {1, N}, inf2[2] = {1, INFINITY};
    for (int m = 0; m < 4; m++) {
        CP_ASSERT_STATUS(cp_profit_concentration(neg, 1, 2, (cp_concentration)m, &r), CP_EINVAL);
        CP_ASSERT_STATUS(cp_profit_concentration(zero, 1, 2, (cp_concentration)m, &r), CP_EINVAL);
        CP_ASSERT_STATUS(cp_profit_concentration(nan2, 1, 2, (cp_concentration)m, &r), CP_EINVAL);
        CP_ASSERT_STATUS(cp_profit_concentration(inf2, 1, 2, (cp_concentration)m, &r), CP_EINVAL);
        CP_ASSERT_STATUS(cp_profit_concentration(abc_v, 1, 0, (cp_concentration)m, &r), CP_EEMPTY);
    }
    CP_ASSERT_STATUS(cp_profit_concentration(abc_v, 1, 4, (cp_concentration)9, &r), CP_EINVAL);
    CP_ASSERT_STATUS(cp_profit_concentration(NULL, 1, 4, CP_CONCENTRATION_HHI, &r), CP_EINVAL);
    CP_ASSERT_STATUS(cp_profit_concentration(abc_v, 1, 4, CP_CONCENTRATION_HHI, NULL), CP_EINVAL);
}

/* Every measure against its definition on random books: the O(n^2) Gini
 * double sum, HHI by squares, top-k by repeated selection. */
static void test_concentration_brute_force(void)
{
    enum { n = 400 };
    static double v[n], w[n];
    unsigned int x = 161803;
    for (int trial = 0; trial < 5; trial++) {
        size_t m = trial == 0 ? 3 : n;
        double total = 0;
        for (size_t i = 0; i < m; i++) {
            x = x * 1103515245u + 12345u;
            v[i] = (x >> 8) % 7 == 0 ? 0.0 : (double)((x >> 8) % 100000) / 100.0;
            total += v[i];
        }
        double pairs = 0, hhi = 0;
        for (size_t i = 0; i < m; i++) {
            hhi += (v[i] / total) * (v[i] / total);
            for (size_t j = 0; j < m; j++)
                pairs += fabs(v[i] - v[j]);
        }
        double gini = pairs / (2.0 * (double)m * (double)m * (total / (double)m));
        for (size_t i = 0; i < m; i++)
            w[i] = v[i];
        double top[5] = {0, 0, 0, 0, 0};
        for (int k = 0; k < 5 && (size_t)k < m; k++) {
            size_t arg = 0;
            for (size_t i = 1; i < m; i++)
                if (w[i] > w[arg])
                    arg = i;
            top[k] = w[arg];
            w[arg] = -1;
        }
        CP_ASSERT_REL(conc(v, 1, m, CP_CONCENTRATION_GINI), gini, 1e-12);
        CP_ASSERT_REL(conc(v, 1, m, CP_CONCENTRATION_HHI), 10000.0 * hhi, 1e-12);
        CP_ASSERT_REL(conc(v, 1, m, CP_CONCENTRATION_TOP1), top[0] / total, 1e-12);
        CP_ASSERT_REL(conc(v, 1, m, CP_CONCENTRATION_TOP5),
                      (top[0] + top[1] + top[2] + top[3] + top[4]) / total, 1e-12);
    }
}

static CU_TestInfo tests[] = {
    {"cost_to_serve", test_cost_to_serve},
    {"allocate", test_allocate},
    {"cost_strides", test_cost_strides},
    {"cost_errors", test_cost_errors},
    {"whale_curve", test_whale_curve},
    {"whale_peak", test_whale_peak},
    {"whale_strides", test_whale_strides},
    {"whale_errors", test_whale_errors},
    {"whale_brute_force", test_whale_brute_force},
    {"abc_table", test_abc_table},
    {"abc_decimal_bound", test_abc_decimal_bound},
    {"abc_row_mode", test_abc_row_mode},
    {"abc_strides", test_abc_strides},
    {"abc_errors", test_abc_errors},
    {"abc_brute_force", test_abc_brute_force},
    {"concentration_book", test_concentration_book},
    {"concentration_single_and_monopoly", test_concentration_single_and_monopoly},
    {"concentration_strides_and_names", test_concentration_strides_and_names},
    {"concentration_errors", test_concentration_errors},
    {"concentration_brute_force", test_concentration_brute_force},
    CU_TEST_INFO_NULL,
};

cp_suite profit_suite = {"profit", tests};
