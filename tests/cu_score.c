/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cu_score.c - CLIENTSCORE and PRUNERANK in the core.
 *
 * The reference book used below (N = not known), weights 2, 1, 1 and
 * directions +1, -1, +1:
 *
 *          c1   c2   c3
 *     A    10    5    2
 *     B    20    N    4
 *     C    30    5    8
 *     D    40    1    N
 *
 * Reference values are derived by hand in the comments next to them, except
 * the zscore ones, whose normal CDF values were computed independently with
 * Python 3.11's statistics.NormalDist (see each test).
 */
#include <math.h>
#include <string.h>
#include <stdlib.h>

#include "cp_score.h"
#include "cu_test.h"

#define N NAN
#define TOL 1e-13

static const double book[4 * 3] = {
    10, 5, 2,
    20, N, 4,
    30, 5, 8,
    40, 1, N,
};
static const double weights[3] = {2, 1, 1};
static const double directions[3] = {1, -1, 1};

static cp_table book_table(void)
{
    cp_table t = {book, 4, 3, 3};
    return t;
}

static void score_book(cp_method m, double out[4])
{
    cp_table t = book_table();
    CP_ASSERT_STATUS(cp_score_clients(&t, NULL, weights, 1, directions, 1, m, out, 1), CP_OK);
}

static void test_minmax_table(void)
{
    double s[4];
    score_book(CP_METHOD_MINMAX, s);
    /* c1: min 10, max 40 -> A 0, B 1/3, C 2/3, D 1.
     * c2 (direction -1): known 5, 5, 1 -> 1, 1, 0, turned 0, 0, 1.
     * c3: known 2, 4, 8 -> A 0, B 1/3, C 1.
     * A = (2*0 + 0 + 0) / 4 = 0; B = (2/3 + 1/3) / 3 (c2 unknown) = 1/3;
     * C = (4/3 + 0 + 1) / 4 = 7/12; D = (2 + 1) / 3 (c3 unknown) = 1. */
    CP_ASSERT_REL(s[0], 0.0, TOL);
    CP_ASSERT_REL(s[1], 100.0 / 3.0, TOL);
    CP_ASSERT_REL(s[2], 700.0 / 12.0, TOL);
    CP_ASSERT_REL(s[3], 100.0, TOL);
}

static void test_percentile_table(void)
{
    double s[4];
    score_book(CP_METHOD_PERCENTILE, s);
    /* c1: distinct, n = 4: (below + 0) / 3 -> 0, 1/3, 2/3, 1.
     * c2: known 5, 5, 1 (n = 3): x = 5 has 1 below and 2 equal:
     *     (1 + (2 - 1)/2) / 2 = 0.75, turned 0.25; x = 1: 0, turned 1.
     * c3: known 2, 4, 8: 0, 1/2, 1.
     * A = (0 + 0.25 + 0) / 4 = 1/16; B = (2/3 + 1/2) / 3 = 7/18;
     * C = (4/3 + 1/4 + 1) / 4 = 31/48; D = (2 + 1) / 3 = 1. */
    CP_ASSERT_REL(s[0], 100.0 / 16.0, TOL);
    CP_ASSERT_REL(s[1], 700.0 / 18.0, TOL);
    CP_ASSERT_REL(s[2], 3100.0 / 48.0, TOL);
    CP_ASSERT_REL(s[3], 100.0, TOL);
}

static void test_zscore_table(void)
{
    double s[4];
    score_book(CP_METHOD_ZSCORE, s);
    /* Phi of (x - mean) / sd per column, sample sd, then as above.  Values
     * from Python 3.11: statistics.NormalDist().cdf on the same formula. */
    CP_ASSERT_REL(s[0], 17.96240230186931, 1e-12);
    CP_ASSERT_REL(s[1], 37.072167719489805, 1e-12);
    CP_ASSERT_REL(s[2], 61.14248276211577, 1e-12);
    CP_ASSERT_REL(s[3], 87.6871781232755, 1e-12);
}

static void test_row_mode(void)
{
    cp_table pop = book_table();
    const double client[2 * 3] = {25, 3, 8, 50, 0, 1};
    cp_table c = {client, 2, 3, 3};
    double s[2];
    CP_ASSERT_STATUS(cp_score_clients(&c, &pop, weights, 1, directions, 1,
                                      CP_METHOD_MINMAX, s, 1), CP_OK);
    /* (25,3,8): c1 15/30 = 0.5; c2 (3-1)/4 = 0.5 turned 0.5; c3 6/6 = 1:
     * (1 + 0.5 + 1) / 4 = 0.625.  (50,0,1) lies outside the population's
     * range and is clamped: c1 1; c2 0 turned 1; c3 0: (2 + 1 + 0)/4. */
    CP_ASSERT_REL(s[0], 62.5, TOL);
    CP_ASSERT_REL(s[1], 75.0, TOL);

    CP_ASSERT_STATUS(cp_score_clients(&c, &pop, weights, 1, directions, 1,
                                      CP_METHOD_PERCENTILE, s, 1), CP_OK);
    /* 25 does not occur in c1: 2 below, denominator n = 4: 0.5.  3 in c2:
     * 1 below of 3: 1/3, turned 2/3.  8 occurs in c3: (2 + 0) / 2 = 1.
     * (1 + 2/3 + 1) / 4 = 2/3.  (50,0,1): 4/4 = 1; 0/3 turned 1; 0/3 = 0. */
    CP_ASSERT_REL(s[0], 200.0 / 3.0, TOL);
    CP_ASSERT_REL(s[1], 75.0, TOL);

    CP_ASSERT_STATUS(cp_score_clients(&c, &pop, weights, 1, directions, 1,
                                      CP_METHOD_ZSCORE, s, 1), CP_OK);
    /* Python 3.11 statistics.NormalDist, as in test_zscore_table. */
    CP_ASSERT_REL(s[0], 61.89920604050898, 1e-12);
}

/* Each client scored alone against the book (row mode) gets the very same
 * number as in table mode, for every method. */
static void test_row_equals_table(void)
{
    cp_table pop = book_table();
    for (int m = 0; m < 3; m++) {
        double table[4];
        score_book((cp_method)m, table);
        for (size_t i = 0; i < 4; i++) {
            cp_table one = {book + 3 * i, 1, 3, 3};
            double s;
            CP_ASSERT_STATUS(cp_score_clients(&one, &pop, weights, 1, directions, 1,
                                              (cp_method)m, &s, 1), CP_OK);
            CU_ASSERT(s == table[i]);
        }
    }
}

static void test_blanks_and_flat(void)
{
    /* c1 constant, c2 with one known value, c3 all blank, c4 normal. */
    const double t[3 * 4] = {
        7, N, N, 1,
        7, 3, N, 2,
        7, N, N, 3,
    };
    const double w[4] = {1, 1, 1, 1};
    cp_table tab = {t, 3, 4, 4};
    double s[3];
    for (int m = 0; m < 3; m++) {
        CP_ASSERT_STATUS(cp_score_clients(&tab, NULL, w, 1, NULL, 0, (cp_method)m, s, 1), CP_OK);
        /* c1 and c2 give 0.5 (all equal / fewer than 2 known); c3 is unknown
         * for everyone.  minmax c4: 0, 0.5, 1.  Client 1: (0.5 + 0) / 2;
         * client 2: (0.5 + 0.5 + 0.5) / 3; client 3: (0.5 + 1) / 2. */
        if (m == CP_METHOD_MINMAX) {
            CP_ASSERT_REL(s[0], 25.0, TOL);
            CP_ASSERT_REL(s[1], 50.0, TOL);
            CP_ASSERT_REL(s[2], 75.0, TOL);
        }
        CP_ASSERT_REL(s[1], 50.0, TOL); /* the middle client is 0.5 everywhere */
    }
}

static void test_empty_client(void)
{
    /* Client 2 knows only the zero-weight criterion; client 3 nothing. */
    const double t[3 * 2] = {1, 10, N, 20, N, N};
    const double w[2] = {1, 0};
    cp_table tab = {t, 3, 2, 2};
    double s[3];
    CP_ASSERT_STATUS(cp_score_clients(&tab, NULL, w, 1, NULL, 0, CP_METHOD_MINMAX, s, 1), CP_OK);
    /* c1 has one known value: 0.5. */
    CP_ASSERT_REL(s[0], 50.0, TOL);
    CU_ASSERT(isnan(s[1]));
    CU_ASSERT(isnan(s[2]));
}

static void test_odd_strides(void)
{
    /* The book with a row distance of 5, weights every 3rd, directions
     * every 2nd, results every 3rd element. */
    double t[4 * 5], w[9], d[6], s[12];
    for (size_t i = 0; i < 4; i++)
        for (size_t j = 0; j < 5; j++)
            t[i * 5 + j] = j < 3 ? book[i * 3 + j] : 999.0;
    for (size_t j = 0; j < 9; j++)
        w[j] = -1.0; /* poison between the strided elements */
    for (size_t j = 0; j < 6; j++)
        d[j] = 0.0;
    for (size_t j = 0; j < 3; j++) {
        w[3 * j] = weights[j];
        d[2 * j] = directions[j];
    }
    cp_table tab = {t, 4, 3, 5};
    CP_ASSERT_STATUS(cp_score_clients(&tab, NULL, w, 3, d, 2, CP_METHOD_MINMAX, s, 3), CP_OK);
    CP_ASSERT_REL(s[0], 0.0, TOL);
    CP_ASSERT_REL(s[3], 100.0 / 3.0, TOL);
    CP_ASSERT_REL(s[6], 700.0 / 12.0, TOL);
    CP_ASSERT_REL(s[9], 100.0, TOL);
}

static void test_extreme_magnitudes(void)
{
    /* max - min = 2e308 overflows a double; the exact power-of-two scaling
     * must still give 0, 1/2, 1 (minmax) and Phi(-1), 1/2, Phi(1) (zscore:
     * mean 0, sample sd 1e308).  Phi(1) = 0.8413447460685429 (Python 3.11). */
    const double t[3] = {-1e308, 0.0, 1e308};
    const double w[1] = {1e308}; /* huge weights are fine too */
    cp_table tab = {t, 3, 1, 1};
    double s[3];
    CP_ASSERT_STATUS(cp_score_clients(&tab, NULL, w, 1, NULL, 0, CP_METHOD_MINMAX, s, 1), CP_OK);
    CP_ASSERT_REL(s[0], 0.0, TOL);
    CP_ASSERT_REL(s[1], 50.0, TOL);
    CP_ASSERT_REL(s[2], 100.0, TOL);
    CP_ASSERT_STATUS(cp_score_clients(&tab, NULL, w, 1, NULL, 0, CP_METHOD_ZSCORE, s, 1), CP_OK);
    CP_ASSERT_REL(s[0], 100.0 * (1.0 - 0.8413447460685429), 1e-12);
    CP_ASSERT_REL(s[1], 50.0, TOL);
    CP_ASSERT_REL(s[2], 100.0 * 0.8413447460685429, 1e-12);

    /* Tiny values are as good as any: 1e-300 .. 3e-300 minmax 0, 1/2, 1. */
    const double tiny[3] = {1e-300, 2e-300, 3e-300};
    cp_table tt = {tiny, 3, 1, 1};
    CP_ASSERT_STATUS(cp_score_clients(&tt, NULL, w, 1, NULL, 0, CP_METHOD_MINMAX, s, 1), CP_OK);
    CP_ASSERT_REL(s[1], 50.0, 1e-12);
}

static void test_score_errors(void)
{
    cp_table t = book_table();
    double s[4];
    const double neg[3] = {1, -1, 1}, zero[3] = {0, 0, 0}, blank[3] = {1, N, 1};
    const double dir0[3] = {1, 0, 1}, dir2[3] = {1, 2, 1};
    CP_ASSERT_STATUS(cp_score_clients(&t, NULL, neg, 1, NULL, 0, CP_METHOD_MINMAX, s, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_score_clients(&t, NULL, zero, 1, NULL, 0, CP_METHOD_MINMAX, s, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_score_clients(&t, NULL, blank, 1, NULL, 0, CP_METHOD_MINMAX, s, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_score_clients(&t, NULL, weights, 1, dir0, 1, CP_METHOD_MINMAX, s, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_score_clients(&t, NULL, weights, 1, dir2, 1, CP_METHOD_MINMAX, s, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_score_clients(&t, NULL, weights, 1, NULL, 0, (cp_method)7, s, 1), CP_EINVAL);

    const double inf[2] = {1, INFINITY};
    cp_table ti = {inf, 2, 1, 1};
    CP_ASSERT_STATUS(cp_score_clients(&ti, NULL, weights, 1, NULL, 0, CP_METHOD_MINMAX, s, 1), CP_EINVAL);

    cp_table narrow = {book, 4, 2, 3};
    CP_ASSERT_STATUS(cp_score_clients(&t, &narrow, weights, 1, NULL, 0, CP_METHOD_MINMAX, s, 1), CP_EBADLEN);
    cp_table empty = {book, 0, 3, 3};
    CP_ASSERT_STATUS(cp_score_clients(&empty, NULL, weights, 1, NULL, 0, CP_METHOD_MINMAX, s, 1), CP_EEMPTY);
    CP_ASSERT_STATUS(cp_score_clients(&t, &empty, weights, 1, NULL, 0, CP_METHOD_MINMAX, s, 1), CP_EEMPTY);
    cp_table bad_tda = {book, 4, 3, 2};
    CP_ASSERT_STATUS(cp_score_clients(&bad_tda, NULL, weights, 1, NULL, 0, CP_METHOD_MINMAX, s, 1), CP_EINVAL);
}

static void test_method_names(void)
{
    cp_method m = CP_METHOD_ZSCORE;
    CP_ASSERT_STATUS(cp_method_from_name("MinMax", &m), CP_OK);
    CU_ASSERT(m == CP_METHOD_MINMAX);
    CP_ASSERT_STATUS(cp_method_from_name("PERCENTILE", &m), CP_OK);
    CU_ASSERT(m == CP_METHOD_PERCENTILE);
    CP_ASSERT_STATUS(cp_method_from_name("zscore", &m), CP_OK);
    CU_ASSERT(m == CP_METHOD_ZSCORE);
    CP_ASSERT_STATUS(cp_method_from_name("z", &m), CP_EINVAL);
    CP_ASSERT_STATUS(cp_method_from_name("zscores", &m), CP_EINVAL);
    CP_ASSERT_STATUS(cp_method_from_name("", &m), CP_EINVAL);
    CP_ASSERT_STATUS(cp_method_from_name(NULL, &m), CP_EINVAL);
}

/* PRUNERANK.  scores 50, 20, 20, N, 80, 20 with revenue 1, 5, 3, 0, 2, 3.
 * Without revenue: the three 20s share rank 1, then 50 is 4th, 80 5th.
 * With revenue the order is (20,3) (20,3) (20,5) (50,1) (80,2): the two
 * (20,3) share 1, (20,5) is 3, (50,1) 4, (80,2) 5.  N stays empty. */
static const double rk_score[6] = {50, 20, 20, N, 80, 20};
static const double rk_rev[6] = {1, 5, 3, 0, 2, 3};

static void test_rank_table(void)
{
    double r[6];
    CP_ASSERT_STATUS(cp_prune_rank(rk_score, 1, NULL, 0, 6, NULL, 0, NULL, 0, 0, r, 1), CP_OK);
    const double plain[6] = {4, 1, 1, N, 5, 1};
    for (int i = 0; i < 6; i++)
        CP_ASSERT_REL(r[i], plain[i], 0.0);
    CP_ASSERT_STATUS(cp_prune_rank(rk_score, 1, rk_rev, 1, 6, NULL, 0, NULL, 0, 0, r, 1), CP_OK);
    const double tie[6] = {4, 3, 1, N, 5, 1};
    for (int i = 0; i < 6; i++)
        CP_ASSERT_REL(r[i], tie[i], 0.0);
}

static void test_rank_row_mode(void)
{
    const double s[4] = {20, 10, 100, N}, rev[4] = {4, 0, 0, 9};
    double r[4];
    CP_ASSERT_STATUS(cp_prune_rank(s, 1, rev, 1, 4, rk_score, 1, rk_rev, 1, 6, r, 1), CP_OK);
    /* (20,4) comes after (20,3) (20,3): 3.  10 before all: 1.  100 after
     * all five known: 6.  An empty score stays empty. */
    CP_ASSERT_REL(r[0], 3, 0.0);
    CP_ASSERT_REL(r[1], 1, 0.0);
    CP_ASSERT_REL(r[2], 6, 0.0);
    CU_ASSERT(isnan(r[3]));
    /* Row mode over each client equals table mode. */
    double table[6];
    CP_ASSERT_STATUS(cp_prune_rank(rk_score, 1, rk_rev, 1, 6, NULL, 0, NULL, 0, 0, table, 1), CP_OK);
    for (int i = 0; i < 6; i++) {
        double one;
        CP_ASSERT_STATUS(cp_prune_rank(rk_score + i, 1, rk_rev + i, 1, 1, rk_score, 1, rk_rev, 1, 6,
                                       &one, 1), CP_OK);
        CP_ASSERT_REL(one, table[i], 0.0);
    }
}

static void test_rank_strides(void)
{
    double s[12], rev[18], r[12];
    for (int i = 0; i < 12; i++)
        s[i] = 1e9;
    for (int i = 0; i < 18; i++)
        rev[i] = -1e9;
    for (int i = 0; i < 6; i++) {
        s[2 * i] = rk_score[i];
        rev[3 * i] = rk_rev[i];
    }
    CP_ASSERT_STATUS(cp_prune_rank(s, 2, rev, 3, 6, NULL, 0, NULL, 0, 0, r, 2), CP_OK);
    const double tie[6] = {4, 3, 1, N, 5, 1};
    for (int i = 0; i < 6; i++)
        CP_ASSERT_REL(r[2 * i], tie[i], 0.0);
}

static void test_rank_errors(void)
{
    double r[6];
    const double inf[2] = {1, INFINITY}, nanrev[2] = {1, N}, one[2] = {1, 2};
    CP_ASSERT_STATUS(cp_prune_rank(inf, 1, NULL, 0, 2, NULL, 0, NULL, 0, 0, r, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_rank(one, 1, nanrev, 1, 2, NULL, 0, NULL, 0, 0, r, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_rank(one, 1, NULL, 0, 0, NULL, 0, NULL, 0, 0, r, 1), CP_EEMPTY);
    /* revenue on one side only in row mode; population revenue in table mode */
    CP_ASSERT_STATUS(cp_prune_rank(one, 1, one, 1, 2, rk_score, 1, NULL, 0, 6, r, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_rank(one, 1, NULL, 0, 2, rk_score, 1, rk_rev, 1, 6, r, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_rank(one, 1, NULL, 0, 2, NULL, 0, rk_rev, 1, 6, r, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_prune_rank(one, 1, NULL, 0, 2, rk_score, 1, NULL, 0, 0, r, 1), CP_EEMPTY);
}

/* A larger book checked against a brute-force count: rank = 1 + #before. */
static void test_rank_brute_force(void)
{
    enum { n = 500 };
    static double s[n], rev[n], r[n];
    unsigned int x = 12345;
    for (int i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        s[i] = (i % 17 == 0) ? N : (double)((x >> 16) % 40);
        x = x * 1103515245u + 12345u;
        rev[i] = (double)((x >> 16) % 7);
    }
    CP_ASSERT_STATUS(cp_prune_rank(s, 1, rev, 1, n, NULL, 0, NULL, 0, 0, r, 1), CP_OK);
    int bad = 0;
    for (int i = 0; i < n; i++) {
        if (isnan(s[i])) {
            bad += !isnan(r[i]);
            continue;
        }
        int before = 0;
        for (int j = 0; j < n; j++)
            if (!isnan(s[j]) && (s[j] < s[i] || (s[j] == s[i] && rev[j] < rev[i])))
                before++;
        bad += r[i] != 1.0 + before;
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* Long runs of equal scores, ordered by revenue inside the run: about
 * 5,000 clients per score (the radix path of the tie sort) and about 500
 * (its merge path), revenue with ties.  Reference: the catalog's rank,
 * 1 + the clients with a lower score or the same score and lower revenue,
 * counted from a table of (score, revenue) counts. */
static void test_rank_long_ties(void)
{
    enum { n = 20000, SCORES = 22, REVENUES = 50 };
    static double s[n], rev[n], r[n];
    static long count[SCORES][REVENUES];
    memset(count, 0, sizeof count);
    unsigned int x = 777;
    for (int i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        const unsigned int u = x >> 16;
        s[i] = (i % 101 == 0) ? N : (i < n / 2 ? (double)(u % 2) : (double)(2 + u % 20));
        x = x * 1103515245u + 12345u;
        rev[i] = (double)((x >> 16) % REVENUES);
        if (!isnan(s[i]))
            count[(int)s[i]][(int)rev[i]]++;
    }
    CP_ASSERT_STATUS(cp_prune_rank(s, 1, rev, 1, n, NULL, 0, NULL, 0, 0, r, 1), CP_OK);
    int bad = 0;
    for (int i = 0; i < n; i++) {
        if (isnan(s[i])) {
            bad += !isnan(r[i]);
            continue;
        }
        long before = 0;
        for (int a = 0; a < SCORES; a++)
            for (int b = 0; b < REVENUES; b++)
                if (a < (int)s[i] || (a == (int)s[i] && b < (int)rev[i]))
                    before += count[a][b];
        bad += r[i] != 1.0 + (double)before;
    }
    CU_ASSERT_EQUAL(bad, 0);
}

static CU_TestInfo tests[] = {
    {"minmax_table", test_minmax_table},
    {"percentile_table", test_percentile_table},
    {"zscore_table", test_zscore_table},
    {"row_mode", test_row_mode},
    {"row_equals_table", test_row_equals_table},
    {"blanks_and_flat", test_blanks_and_flat},
    {"empty_client", test_empty_client},
    {"odd_strides", test_odd_strides},
    {"extreme_magnitudes", test_extreme_magnitudes},
    {"score_errors", test_score_errors},
    {"method_names", test_method_names},
    {"rank_table", test_rank_table},
    {"rank_row_mode", test_rank_row_mode},
    {"rank_strides", test_rank_strides},
    {"rank_errors", test_rank_errors},
    {"rank_brute_force", test_rank_brute_force},
    {"rank_long_ties", test_rank_long_ties},
    CU_TEST_INFO_NULL,
};

cp_suite score_suite = {"score", tests};
