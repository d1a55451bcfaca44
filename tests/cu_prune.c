/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cu_prune.c - PRUNESET, CLIENTQUADRANT and PRUNEIMPACT in the core, and
 * the PRUNERANK order (cp_prune_order) PRUNESET walks.
 *
 * Reference values are derived by hand in the comments next to them from
 * the rules of FUNCTIONS.md ("Scoring and pruning"); the larger randomised
 * checks compare with brute-force implementations written here (medians by
 * qsort, ranks by counting).
 */
#include <math.h>
#include <stdlib.h>

#include "cp_prune.h"
#include "cp_score.h"
#include "cu_test.h"

#define N NAN
#define TOL 1e-13

/* ---- PRUNESET ------------------------------------------------------------
 * The book: client  0    1    2    3    4    5    6
 *           score   50   20   20   N    80   20   35
 *           revenue 10    5    3  100   40    3    0
 * Client 3 has an empty score and is left out: total T = 10+5+3+40+3+0 = 61.
 * PRUNERANK order (score, then revenue): (20,3) clients 2 and 5 share rank
 * 1, (20,5) client 1 rank 3, (35,0) client 6 rank 4, (50,10) client 0 rank
 * 5, (80,40) client 4 rank 6.  Running loss after each group: 6, 11, 11,
 * 21, 61. */
static const double ps_score[7] = {50, 20, 20, N, 80, 20, 35};
static const double ps_rev[7] = {10, 5, 3, 100, 40, 3, 0};

static void expect_flags(const double *got, const double *want, size_t n)
{
    for (size_t i = 0; i < n; i++)
        CP_ASSERT_REL(got[i], want[i], 0.0);
}

static void test_set_book(void)
{
    double f[7];
    /* 0.1 * 61 = 6.1: the rank-1 pair (6) fits, rank 3 (11) does not. */
    CP_ASSERT_STATUS(cp_prune_set(ps_score, 1, ps_rev, 1, 7, 0.1, f, 1), CP_OK);
    const double w1[7] = {0, 0, 1, N, 0, 1, 0};
    expect_flags(f, w1, 7);
    /* 11/61 * 61 is 11 up to rounding: ranks 1, 3 and 4 (loss 11) fit,
     * rank 5 (21) does not. */
    CP_ASSERT_STATUS(cp_prune_set(ps_score, 1, ps_rev, 1, 7, 11.0 / 61.0, f, 1), CP_OK);
    const double w2[7] = {0, 1, 1, N, 0, 1, 1};
    expect_flags(f, w2, 7);
    /* 0.05 * 61 = 3.05: one of the tied pair (3) would fit alone, but tied
     * clients go together or not at all: nothing is marked. */
    CP_ASSERT_STATUS(cp_prune_set(ps_score, 1, ps_rev, 1, 7, 0.05, f, 1), CP_OK);
    const double w3[7] = {0, 0, 0, N, 0, 0, 0};
    expect_flags(f, w3, 7);
    /* The whole budget: every known client. */
    CP_ASSERT_STATUS(cp_prune_set(ps_score, 1, ps_rev, 1, 7, 1.0, f, 1), CP_OK);
    const double w4[7] = {1, 1, 1, N, 1, 1, 1};
    expect_flags(f, w4, 7);
}

static void test_set_zero_front_and_limit_zero(void)
{
    /* Zero-revenue clients at the front are marked even with limit 0:
     * loss 0, 0 <= 0; the third (5) is not.  -0 counts as 0. */
    const double s[3] = {10, 20, 30}, r[3] = {0, 0, 5};
    double f[3];
    CP_ASSERT_STATUS(cp_prune_set(s, 1, r, 1, 3, 0.0, f, 1), CP_OK);
    const double w[3] = {1, 1, 0};
    expect_flags(f, w, 3);
    CP_ASSERT_STATUS(cp_prune_set(s, 1, r, 1, 3, -0.0, f, 1), CP_OK);
    expect_flags(f, w, 3);
}

static void test_set_tolerance(void)
{
    /* Revenue 29 and 71, max_loss 0.29: in doubles 0.29 * 100 =
     * 28.999999999999996 < 29, yet 29 is exactly 29% of 100; the 1e-12
     * relative allowance marks the first client (Python: 0.29*100). */
    const double s[2] = {1, 2}, r[2] = {29, 71};
    double f[2];
    CP_ASSERT_STATUS(cp_prune_set(s, 1, r, 1, 2, 0.29, f, 1), CP_OK);
    CP_ASSERT_REL(f[0], 1.0, 0.0);
    CP_ASSERT_REL(f[1], 0.0, 0.0);
    /* A real excess is not forgiven: 0.2899999 * 100 < 29 by 1e-5. */
    CP_ASSERT_STATUS(cp_prune_set(s, 1, r, 1, 2, 0.2899999, f, 1), CP_OK);
    CP_ASSERT_REL(f[0], 0.0, 0.0);
}

static void test_set_negative_revenue(void)
{
    /* Revenue -5, 5, 10 (T = 10), limit 1: losses -5, 0, 10 -> the first
     * two fit, the third stops the walk. */
    const double s[3] = {1, 2, 3}, r[3] = {-5, 5, 10};
    double f[3];
    CP_ASSERT_STATUS(cp_prune_set(s, 1, r, 1, 3, 0.1, f, 1), CP_OK);
    const double w[3] = {1, 1, 0};
    expect_flags(f, w, 3);
    /* Revenue 5, -5, 10: the first group (5 > 1) stops the walk at once,
     * although the running loss would come back to 0 after the second. */
    const double r2[3] = {5, -5, 10};
    CP_ASSERT_STATUS(cp_prune_set(s, 1, r2, 1, 3, 0.1, f, 1), CP_OK);
    const double w2[3] = {0, 0, 0};
    expect_flags(f, w2, 3);
}

static void test_set_all_empty(void)
{
    /* Every score empty: every result empty, whatever the revenue. */
    const double s[2] = {N, N}, r[2] = {1, -2};
    double f[2] = {7, 7};
    CP_ASSERT_STATUS(cp_prune_set(s, 1, r, 1, 2, 0.5, f, 1), CP_OK);
    CU_ASSERT(isnan(f[0]) && isnan(f[1]));
}

static void test_set_strides(void)
{
    double s[7 * 3], r[7 * 2], f[7 * 5];
    for (int i = 0; i < 21; i++)
        s[i] = -1e9; /* poison between the strided elements */
    for (int i = 0; i < 14; i++)
        r[i] = 1e9;
    for (int i = 0; i < 7; i++) {
        s[3 * i] = ps_score[i];
        r[2 * i] = ps_rev[i];
    }
    CP_ASSERT_STATUS(cp_prune_set(s, 3, r, 2, 7, 0.1, f, 5), CP_OK);
    const double w1[7] = {0, 0, 1, N, 0, 1, 0};
    for (int i = 0; i < 7; i++)
        CP_ASSERT_REL(f[5 * i], w1[i], 0.0);
}

static void test_set_errors(void)
{
    double f[7];
    CP_ASSERT_STATUS(cp_prune_set(ps_score, 1, ps_rev, 1, 7, 1.5, f, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_set(ps_score, 1, ps_rev, 1, 7, -0.1, f, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_set(ps_score, 1, ps_rev, 1, 7, N, f, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_set(ps_score, 1, ps_rev, 1, 0, 0.5, f, 1), CP_EEMPTY);
    const double s[2] = {1, INFINITY}, ok[2] = {1, 2}, nanrev[2] = {1, N};
    CP_ASSERT_STATUS(cp_prune_set(s, 1, ok, 1, 2, 0.5, f, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_set(ok, 1, nanrev, 1, 2, 0.5, f, 1), CP_EINVAL);
    /* Total revenue <= 0 over the known scores; the empty-score client's
     * 100 does not count. */
    const double zero[2] = {0, 0}, neg[2] = {-5, 3}, s2[2] = {1, N}, r2[2] = {0, 100};
    CP_ASSERT_STATUS(cp_prune_set(ok, 1, zero, 1, 2, 0.5, f, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_set(ok, 1, neg, 1, 2, 0.5, f, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_set(s2, 1, r2, 1, 2, 0.5, f, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_set(NULL, 1, ok, 1, 2, 0.5, f, 1), CP_EINVAL);
}

/* Random books against a brute-force PRUNESET: ranks by counting, then the
 * walk over rank values 1, 2, ... in exact integer arithmetic (revenue are
 * whole numbers, so sums are exact). */
static void test_set_brute_force(void)
{
    enum { n = 400 };
    static double s[n], r[n], f[n];
    unsigned int x = 777;
    int bad = 0;
    for (int trial = 0; trial < 20; trial++) {
        for (int i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            s[i] = (x >> 16) % 13 == 0 ? N : (double)((x >> 16) % 30);
            x = x * 1103515245u + 12345u;
            r[i] = (double)((x >> 16) % 9);
        }
        double total = 0;
        for (int i = 0; i < n; i++)
            if (!isnan(s[i]))
                total += r[i];
        double share = (double)(trial % 10) / 10.0 + 0.03;
        CP_ASSERT_STATUS(cp_prune_set(s, 1, r, 1, n, share, f, 1), CP_OK);
        /* rank of each client by counting */
        static double rank[n];
        for (int i = 0; i < n; i++) {
            if (isnan(s[i])) {
                rank[i] = N;
                continue;
            }
            int before = 0;
            for (int j = 0; j < n; j++)
                if (!isnan(s[j]) && (s[j] < s[i] || (s[j] == s[i] && r[j] < r[i])))
                    before++;
            rank[i] = 1 + before;
        }
        double loss = 0, marked = 0;
        for (int rk = 1; rk <= n; rk++) {
            double g = 0;
            int members = 0;
            for (int i = 0; i < n; i++)
                if (rank[i] == rk) {
                    g += r[i];
                    members++;
                }
            if (!members)
                continue;
            if (loss + g > share * total * (1 + CP_PRUNE_LIMIT_RELTOL))
                break;
            loss += g;
            marked = rk;
        }
        for (int i = 0; i < n; i++) {
            double want = isnan(rank[i]) ? N : (rank[i] <= marked ? 1.0 : 0.0);
            bad += !(want == f[i] || (isnan(want) && isnan(f[i])));
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* cp_prune_order: a permutation of the known clients in (score, revenue)
 * order, ties in sheet order, with PRUNERANK's ranks. */
static void test_prune_order(void)
{
    size_t order[7], m = 99;
    double rank[7], want[7];
    CP_ASSERT_STATUS(cp_prune_order(ps_score, 1, ps_rev, 1, 7, order, &m, rank, 1), CP_OK);
    CU_ASSERT_EQUAL(m, 6);
    const size_t wo[6] = {2, 5, 1, 6, 0, 4}; /* derived in the book above */
    for (size_t k = 0; k < 6; k++)
        CU_ASSERT_EQUAL(order[k], wo[k]);
    CP_ASSERT_STATUS(cp_prune_rank(ps_score, 1, ps_rev, 1, 7, NULL, 0, NULL, 0, 0, want, 1),
                     CP_OK);
    for (int i = 0; i < 7; i++)
        CP_ASSERT_REL(rank[i], want[i], 0.0);
    /* Without revenue: the three 20s tie (clients 1, 2, 5 in sheet order). */
    CP_ASSERT_STATUS(cp_prune_order(ps_score, 1, NULL, 0, 7, order, &m, rank, 1), CP_OK);
    CU_ASSERT(order[0] == 1 && order[1] == 2 && order[2] == 5 && order[3] == 6);
    CP_ASSERT_REL(rank[5], 1.0, 0.0);
    CP_ASSERT_REL(rank[6], 4.0, 0.0);
    /* -0 and +0 tie. */
    const double z[3] = {0.0, -0.0, -1.0};
    CP_ASSERT_STATUS(cp_prune_order(z, 1, NULL, 0, 3, order, &m, rank, 1), CP_OK);
    CP_ASSERT_REL(rank[0], 2.0, 0.0);
    CP_ASSERT_REL(rank[1], 2.0, 0.0);
    CP_ASSERT_STATUS(cp_prune_order(z, 1, NULL, 0, 0, order, &m, rank, 1), CP_EEMPTY);
    const double inf[2] = {1, INFINITY};
    CP_ASSERT_STATUS(cp_prune_order(inf, 1, NULL, 0, 2, order, &m, rank, 1), CP_EINVAL);
}

/* ---- CLIENTQUADRANT --------------------------------------------------------
 * client   0    1    2    3    4     5
 * revenue 100  200  300  400  5000  999
 * score    10   80   30   90   N     50
 * Client 4 (empty score) is left out of both medians: revenue 100, 200,
 * 300, 400, 999 -> 300; scores 10, 30, 50, 80, 90 -> 50.  (With client 4's
 * 5000 the revenue median would be (300 + 400) / 2 = 350 and client 2 would
 * fall to "Prune".)
 *   0: 100 < 300, 10 < 50   Prune     1: 200 < 300, 80 >= 50   Grow
 *   2: 300 >= 300, 30 < 50  Reprice   3: 400, 90               Top
 *   4: empty                          5: 999, 50 >= 50         Top */
static const double q_rev[6] = {100, 200, 300, 400, 5000, 999};
static const double q_score[6] = {10, 80, 30, 90, N, 50};
static const int q_want[6] = {CP_QUADRANT_PRUNE, CP_QUADRANT_GROW, CP_QUADRANT_REPRICE,
                              CP_QUADRANT_TOP, CP_QUADRANT_EMPTY, CP_QUADRANT_TOP};

static void test_quadrant_table(void)
{
    int q[6];
    CP_ASSERT_STATUS(cp_prune_quadrant(q_rev, 1, q_score, 1, 6, NULL, 0, NULL, 0, 0, q, 1), CP_OK);
    for (int i = 0; i < 6; i++)
        CU_ASSERT_EQUAL(q[i], q_want[i]);
    CU_ASSERT_STRING_EQUAL(cp_quadrant_name(q[0]), "Prune");
    CU_ASSERT_STRING_EQUAL(cp_quadrant_name(q[1]), "Grow");
    CU_ASSERT_STRING_EQUAL(cp_quadrant_name(q[2]), "Reprice");
    CU_ASSERT_STRING_EQUAL(cp_quadrant_name(q[3]), "Top");
    CU_ASSERT_STRING_EQUAL(cp_quadrant_name(q[4]), "");
    CU_ASSERT_STRING_EQUAL(cp_quadrant_name(99), "");
}

static void test_quadrant_even_median(void)
{
    /* Even count: medians (2 + 3) / 2 = 2.5 for both columns, as Calc's
     * MEDIAN.  (1, 4) Grow, (2, 3) Grow, (3, 2) Reprice, (4, 1) Reprice. */
    const double r[4] = {1, 2, 3, 4}, s[4] = {4, 3, 2, 1};
    int q[4];
    CP_ASSERT_STATUS(cp_prune_quadrant(r, 1, s, 1, 4, NULL, 0, NULL, 0, 0, q, 1), CP_OK);
    CU_ASSERT(q[0] == CP_QUADRANT_GROW && q[1] == CP_QUADRANT_GROW);
    CU_ASSERT(q[2] == CP_QUADRANT_REPRICE && q[3] == CP_QUADRANT_REPRICE);
    /* All equal: everyone is at the median, so high on both: Top. */
    const double e[4] = {5, 5, 5, 5};
    CP_ASSERT_STATUS(cp_prune_quadrant(e, 1, e, 1, 4, NULL, 0, NULL, 0, 0, q, 1), CP_OK);
    for (int i = 0; i < 4; i++)
        CU_ASSERT_EQUAL(q[i], CP_QUADRANT_TOP);
}

static void test_quadrant_row_mode(void)
{
    /* Against the book's population (medians 300 and 50). */
    const double r[4] = {300, 299.99, 10, 1e6}, s[4] = {50, 49.99, 60, N};
    int q[4];
    CP_ASSERT_STATUS(cp_prune_quadrant(r, 1, s, 1, 4, q_rev, 1, q_score, 1, 6, q, 1), CP_OK);
    CU_ASSERT_EQUAL(q[0], CP_QUADRANT_TOP);
    CU_ASSERT_EQUAL(q[1], CP_QUADRANT_PRUNE);
    CU_ASSERT_EQUAL(q[2], CP_QUADRANT_GROW);
    CU_ASSERT_EQUAL(q[3], CP_QUADRANT_EMPTY);
    /* Each book client alone in row mode = table mode. */
    for (int i = 0; i < 6; i++) {
        int one;
        CP_ASSERT_STATUS(cp_prune_quadrant(q_rev + i, 1, q_score + i, 1, 1, q_rev, 1, q_score, 1,
                                           6, &one, 1), CP_OK);
        CU_ASSERT_EQUAL(one, q_want[i]);
    }
    /* A population with no known score: nothing to compare with, empty. */
    const double none[2] = {N, N}, pr[2] = {1, 2};
    CP_ASSERT_STATUS(cp_prune_quadrant(r, 1, s, 1, 1, pr, 1, none, 1, 2, q, 1), CP_OK);
    CU_ASSERT_EQUAL(q[0], CP_QUADRANT_EMPTY);
}

static void test_quadrant_strides(void)
{
    double r[6 * 3], s[6 * 2];
    int q[6 * 4];
    for (int i = 0; i < 18; i++)
        r[i] = 1e12;
    for (int i = 0; i < 12; i++)
        s[i] = -1e12;
    for (int i = 0; i < 6; i++) {
        r[3 * i] = q_rev[i];
        s[2 * i] = q_score[i];
    }
    CP_ASSERT_STATUS(cp_prune_quadrant(r, 3, s, 2, 6, NULL, 0, NULL, 0, 0, q, 4), CP_OK);
    for (int i = 0; i < 6; i++)
        CU_ASSERT_EQUAL(q[4 * i], q_want[i]);
    /* Row mode with a strided population. */
    int one;
    CP_ASSERT_STATUS(cp_prune_quadrant(q_rev + 2, 1, q_score + 2, 1, 1, r, 3, s, 2, 6, &one, 1),
                     CP_OK);
    CU_ASSERT_EQUAL(one, CP_QUADRANT_REPRICE);
}

static void test_quadrant_errors(void)
{
    int q[6];
    CP_ASSERT_STATUS(cp_prune_quadrant(q_rev, 1, q_score, 1, 0, NULL, 0, NULL, 0, 0, q, 1), CP_EEMPTY);
    CP_ASSERT_STATUS(cp_prune_quadrant(q_rev, 1, q_score, 1, 1, q_rev, 1, q_score, 1, 0, q, 1), CP_EEMPTY);
    /* population by half */
    CP_ASSERT_STATUS(cp_prune_quadrant(q_rev, 1, q_score, 1, 1, q_rev, 1, NULL, 0, 6, q, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_quadrant(q_rev, 1, q_score, 1, 1, NULL, 0, q_score, 1, 6, q, 1), CP_EINVAL);
    const double inf[2] = {1, INFINITY}, nan2[2] = {1, N}, ok[2] = {1, 2};
    CP_ASSERT_STATUS(cp_prune_quadrant(ok, 1, inf, 1, 2, NULL, 0, NULL, 0, 0, q, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_quadrant(nan2, 1, ok, 1, 2, NULL, 0, NULL, 0, 0, q, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_quadrant(inf, 1, ok, 1, 2, NULL, 0, NULL, 0, 0, q, 1), CP_EINVAL);
    /* a bad population in row mode */
    CP_ASSERT_STATUS(cp_prune_quadrant(ok, 1, ok, 1, 1, ok, 1, inf, 1, 2, q, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_quadrant(NULL, 1, ok, 1, 1, NULL, 0, NULL, 0, 0, q, 1), CP_EINVAL);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double sorted_median(double *a, size_t n)
{
    qsort(a, n, sizeof *a, cmp_double);
    return n % 2 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
}

/* The selection-based medians against sorting, on shapes that trouble
 * quickselect: sorted, reversed, all equal, organ pipe, few distinct
 * values, random; odd and even sizes. */
static void test_quadrant_brute_force(void)
{
    enum { cap = 3001 };
    static double r[cap], s[cap], a[cap], b[cap];
    static int q[cap];
    const size_t sizes[] = {1, 2, 17, 18, 1000, 3001};
    unsigned int x = 4242;
    int bad = 0;
    for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        size_t n = sizes[si];
        for (int shape = 0; shape < 6; shape++) {
            size_t known = 0;
            for (size_t i = 0; i < n; i++) {
                x = x * 1103515245u + 12345u;
                double v = (double)((x >> 8) % 100000);
                switch (shape) {
                case 0: r[i] = (double)i; break;
                case 1: r[i] = (double)(n - i); break;
                case 2: r[i] = 7; break;
                case 3: r[i] = (double)(i < n / 2 ? i : n - i); break;
                case 4: r[i] = (double)((x >> 8) % 3); break;
                default: r[i] = v / 3.0; break;
                }
                x = x * 1103515245u + 12345u;
                s[i] = (x >> 8) % 11 == 0 ? N : (double)((x >> 8) % (shape == 4 ? 2 : 1000));
                if (!isnan(s[i])) {
                    a[known] = r[i];
                    b[known] = s[i];
                    known++;
                }
            }
            CP_ASSERT_STATUS(cp_prune_quadrant(r, 1, s, 1, n, NULL, 0, NULL, 0, 0, q, 1), CP_OK);
            double mr = known ? sorted_median(a, known) : N;
            double ms = known ? sorted_median(b, known) : N;
            for (size_t i = 0; i < n; i++) {
                int want = CP_QUADRANT_EMPTY;
                if (!isnan(s[i]) && known) {
                    int hr = r[i] >= mr, hs = s[i] >= ms;
                    want = hs ? (hr ? CP_QUADRANT_TOP : CP_QUADRANT_GROW)
                              : (hr ? CP_QUADRANT_REPRICE : CP_QUADRANT_PRUNE);
                }
                bad += q[i] != want;
            }
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* ---- PRUNEIMPACT -----------------------------------------------------------
 * revenue 100 50 30 20, cost 60 40 35 10, flags 0 0 1 1:
 * kept R = 150, C = 100; pruned cost Cp = 45; before: revenue 200, cost 145.
 * r = 0:   revenue_after 150, profit_after 50, margin 1/3;
 *          profit_before 55, margin_before 55/200 = 0.275.
 * r = 0.5: r Cp = 22.5 earns 22.5 * 150/100 = 33.75: revenue_after 183.75,
 *          profit_after 183.75 - 122.5 = 61.25, margin 61.25/183.75 = 1/3
 *          (redeployed cost earns at the kept clients' rate, so the margin
 *          stays that of the kept clients). */
static const double im_rev[4] = {100, 50, 30, 20}, im_cost[4] = {60, 40, 35, 10},
                    im_flag[4] = {0, 0, 1, 1};

static void test_impact_book(void)
{
    double o[CP_IMPACT_COUNT];
    CP_ASSERT_STATUS(cp_prune_impact(im_rev, 1, im_cost, 1, im_flag, 1, 4, 0.0, o), CP_OK);
    CP_ASSERT_REL(o[CP_IMPACT_PROFIT_AFTER], 50.0, TOL);
    CP_ASSERT_REL(o[CP_IMPACT_PROFIT_BEFORE], 55.0, TOL);
    CP_ASSERT_REL(o[CP_IMPACT_REVENUE_AFTER], 150.0, TOL);
    CP_ASSERT_REL(o[CP_IMPACT_REVENUE_BEFORE], 200.0, TOL);
    CP_ASSERT_REL(o[CP_IMPACT_MARGIN_AFTER], 1.0 / 3.0, TOL);
    CP_ASSERT_REL(o[CP_IMPACT_MARGIN_BEFORE], 0.275, TOL);
    CP_ASSERT_STATUS(cp_prune_impact(im_rev, 1, im_cost, 1, im_flag, 1, 4, 0.5, o), CP_OK);
    CP_ASSERT_REL(o[CP_IMPACT_PROFIT_AFTER], 61.25, TOL);
    CP_ASSERT_REL(o[CP_IMPACT_PROFIT_BEFORE], 55.0, TOL);
    CP_ASSERT_REL(o[CP_IMPACT_REVENUE_AFTER], 183.75, TOL);
    CP_ASSERT_REL(o[CP_IMPACT_REVENUE_BEFORE], 200.0, TOL);
    CP_ASSERT_REL(o[CP_IMPACT_MARGIN_AFTER], 1.0 / 3.0, TOL);
    CP_ASSERT_REL(o[CP_IMPACT_MARGIN_BEFORE], 0.275, TOL);
}

static void test_impact_zero_cost_and_margins(void)
{
    double o[CP_IMPACT_COUNT];
    /* Kept cost C = 0: fine with r = 0 (revenue_after = R = 10, profit 10,
     * margin 1; before: 15 - 3 = 12, 0.8), invalid with r > 0. */
    const double r[2] = {10, 5}, c[2] = {0, 3}, f[2] = {0, 1};
    CP_ASSERT_STATUS(cp_prune_impact(r, 1, c, 1, f, 1, 2, 0.0, o), CP_OK);
    CP_ASSERT_REL(o[CP_IMPACT_REVENUE_AFTER], 10.0, TOL);
    CP_ASSERT_REL(o[CP_IMPACT_PROFIT_AFTER], 10.0, TOL);
    CP_ASSERT_REL(o[CP_IMPACT_MARGIN_AFTER], 1.0, TOL);
    CP_ASSERT_REL(o[CP_IMPACT_MARGIN_BEFORE], 0.8, TOL);
    CP_ASSERT_STATUS(cp_prune_impact(r, 1, c, 1, f, 1, 2, 0.2, o), CP_EINVAL);

    /* Everyone pruned: revenue_after 0 -> margin_after empty. */
    const double all[2] = {1, 1};
    CP_ASSERT_STATUS(cp_prune_impact(r, 1, c, 1, all, 1, 2, 0.0, o), CP_OK);
    CP_ASSERT_REL(o[CP_IMPACT_REVENUE_AFTER], 0.0, 0.0);
    CP_ASSERT_REL(o[CP_IMPACT_PROFIT_AFTER], 0.0, 0.0);
    CU_ASSERT(isnan(o[CP_IMPACT_MARGIN_AFTER]));
    CP_ASSERT_REL(o[CP_IMPACT_MARGIN_BEFORE], 0.8, TOL);

    /* Revenue 1e12 and -999999999999.5 sum to 0.5, which is below 1e-12 *
     * sum |revenue| (about 2): both margins empty.  With -999999999997 the
     * sum 3 is above it: margin (3 - 2) / 3. */
    const double tiny[2] = {1e12, -999999999999.5}, cc[2] = {1, 1}, keep[2] = {0, 0};
    CP_ASSERT_STATUS(cp_prune_impact(tiny, 1, cc, 1, keep, 1, 2, 0.0, o), CP_OK);
    CP_ASSERT_REL(o[CP_IMPACT_REVENUE_BEFORE], 0.5, TOL);
    CU_ASSERT(isnan(o[CP_IMPACT_MARGIN_BEFORE]));
    CU_ASSERT(isnan(o[CP_IMPACT_MARGIN_AFTER]));
    const double big[2] = {1e12, -999999999997.0};
    CP_ASSERT_STATUS(cp_prune_impact(big, 1, cc, 1, keep, 1, 2, 0.0, o), CP_OK);
    CP_ASSERT_REL(o[CP_IMPACT_MARGIN_BEFORE], 1.0 / 3.0, 1e-12);
    CP_ASSERT_REL(o[CP_IMPACT_MARGIN_AFTER], 1.0 / 3.0, 1e-12);
}

static void test_impact_strides(void)
{
    double r[4 * 3], c[4 * 2], f[4 * 5], o[CP_IMPACT_COUNT];
    for (int i = 0; i < 12; i++)
        r[i] = 1e9;
    for (int i = 0; i < 8; i++)
        c[i] = 1e9;
    for (int i = 0; i < 20; i++)
        f[i] = 7; /* an invalid flag, were it read */
    for (int i = 0; i < 4; i++) {
        r[3 * i] = im_rev[i];
        c[2 * i] = im_cost[i];
        f[5 * i] = im_flag[i];
    }
    CP_ASSERT_STATUS(cp_prune_impact(r, 3, c, 2, f, 5, 4, 0.5, o), CP_OK);
    CP_ASSERT_REL(o[CP_IMPACT_PROFIT_AFTER], 61.25, TOL);
    CP_ASSERT_REL(o[CP_IMPACT_REVENUE_AFTER], 183.75, TOL);
}

static void test_impact_errors(void)
{
    double o[CP_IMPACT_COUNT];
    const double bad_flag[4] = {0, 2, 1, 0}, half[4] = {0, 0.5, 1, 0}, nanf[4] = {0, N, 1, 0};
    CP_ASSERT_STATUS(cp_prune_impact(im_rev, 1, im_cost, 1, bad_flag, 1, 4, 0.0, o), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_impact(im_rev, 1, im_cost, 1, half, 1, 4, 0.0, o), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_impact(im_rev, 1, im_cost, 1, nanf, 1, 4, 0.0, o), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_impact(im_rev, 1, im_cost, 1, im_flag, 1, 4, 1.1, o), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_impact(im_rev, 1, im_cost, 1, im_flag, 1, 4, -0.1, o), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_impact(im_rev, 1, im_cost, 1, im_flag, 1, 4, N, o), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_impact(im_rev, 1, im_cost, 1, im_flag, 1, 0, 0.0, o), CP_EEMPTY);
    const double inf[4] = {1, INFINITY, 1, 1};
    CP_ASSERT_STATUS(cp_prune_impact(inf, 1, im_cost, 1, im_flag, 1, 4, 0.0, o), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_impact(im_rev, 1, inf, 1, im_flag, 1, 4, 0.0, o), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_impact(im_rev, 1, im_cost, 1, NULL, 1, 4, 0.0, o), CP_EINVAL);
    /* Sums past the largest double are refused, not shown as infinity. */
    const double huge[2] = {1.5e308, 1.5e308}, z[2] = {0, 0}, c1[2] = {1, 1};
    CP_ASSERT_STATUS(cp_prune_impact(huge, 1, c1, 1, z, 1, 2, 0.0, o), CP_ELIMIT);
}

static CU_TestInfo tests[] = {
    {"set_book", test_set_book},
    {"set_zero_front_and_limit_zero", test_set_zero_front_and_limit_zero},
    {"set_tolerance", test_set_tolerance},
    {"set_negative_revenue", test_set_negative_revenue},
    {"set_all_empty", test_set_all_empty},
    {"set_strides", test_set_strides},
    {"set_errors", test_set_errors},
    {"set_brute_force", test_set_brute_force},
    {"prune_order", test_prune_order},
    {"quadrant_table", test_quadrant_table},
    {"quadrant_even_median", test_quadrant_even_median},
    {"quadrant_row_mode", test_quadrant_row_mode},
    {"quadrant_strides", test_quadrant_strides},
    {"quadrant_errors", test_quadrant_errors},
    {"quadrant_brute_force", test_quadrant_brute_force},
    {"impact_book", test_impact_book},
    {"impact_zero_cost_and_margins", test_impact_zero_cost_and_margins},
    {"impact_strides", test_impact_strides},
    {"impact_errors", test_impact_errors},
    CU_TEST_INFO_NULL,
};

cp_suite prune_suite = {"prune", tests};
