/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cu_rfm.c - RFMTABLE, RFMSCORE and RFMSEGMENT in the core.
 *
 * The reference ledger below (N = blank) is small enough to derive every
 * result by hand; the derivations are in the comments next to them.  The
 * CDNOW test reproduces the published customer-base summary of the real
 * CDNOW log (data/README.md of the shared data) for all 2,357 customers;
 * its data folder comes from CMake (CP_CDNOW_DIR).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cp_rfm.h"
#include "cu_test.h"

#define N NAN
#define TOL 1e-13

/*  line  customer  date    amount
 *   0       7      100      10
 *   1       3      101.5    20     fractional date: period 101
 *   2       7      100.9     5     same day as line 0: one purchase of 15
 *   3       3      105      -4     a refund, in a period of its own
 *   4       N      103      99     blank customer: skipped
 *   5       7      104      30
 *   6       5       N       50     blank date: skipped
 *   7       7      110       N     blank amount: 0
 *   8       3      101       6     same day as line 1: one purchase of 26
 *   9       9      120      40     the latest date */
#define LINES 10
static const double cust[LINES] = {7, 3, 7, 3, N, 7, 5, 7, 3, 9};
static const double date[LINES] = {100, 101.5, 100.9, 105, 103, 104, N, 110, 101, 120};
static const double amt[LINES] = {10, 20, 5, -4, 99, 30, 50, N, 6, 40};

static size_t ledger(double as_of, double period_days, const double *amount,
                     double out[LINES * CP_RFM_COLS], size_t first[LINES])
{
    size_t nc = 99;
    CP_ASSERT_STATUS(cp_rfm_table(cust, 1, date, 1, amount, 1, LINES, as_of, period_days,
                                  out, CP_RFM_COLS, first, &nc),
                     CP_OK);
    return nc;
}

static void assert_row(const double *row, double key, double x, double tx, double T, double m)
{
    CP_ASSERT_REL(row[CP_RFM_CUSTOMER], key, TOL);
    CP_ASSERT_REL(row[CP_RFM_FREQUENCY], x, TOL);
    CP_ASSERT_REL(row[CP_RFM_RECENCY], tx, TOL);
    CP_ASSERT_REL(row[CP_RFM_T], T, TOL);
    CP_ASSERT_REL(row[CP_RFM_MONETARY], m, TOL);
}

static void test_table_daily(void)
{
    double out[LINES * CP_RFM_COLS];
    size_t first[LINES];
    CU_ASSERT_EQUAL_FATAL(ledger(N, 1, amt, out, first), 3);
    /* as_of defaults to the latest date used, 120 (period 120).
     * 3: periods 101 (26), 105 (-4): x 1, t_x 4, T 120 - 101 = 19, m -4 / 1.
     * 7: periods 100 (15), 104 (30), 110 (0): x 2, t_x 10, T 20,
     *    m (30 + 0) / 2 = 15.
     * 9: period 120 only: 0, 0, 0, 0.  Sorted by key: 3, 7, 9. */
    assert_row(out, 3, 1, 4, 19, -4);
    assert_row(out + CP_RFM_COLS, 7, 2, 10, 20, 15);
    assert_row(out + 2 * CP_RFM_COLS, 9, 0, 0, 0, 0);
    /* First used line of each: 3 at line 1, 7 at line 0, 9 at line 9. */
    CU_ASSERT_EQUAL(first[0], 1);
    CU_ASSERT_EQUAL(first[1], 0);
    CU_ASSERT_EQUAL(first[2], 9);
}

static void test_table_as_of(void)
{
    double out[LINES * CP_RFM_COLS];
    size_t first[LINES];
    /* as_of 112: customer 9 (only at 120) is left out.
     * 3: T = 112 - 101 = 11; 7: T = 112 - 100 = 12; the rest as before. */
    CU_ASSERT_EQUAL_FATAL(ledger(112, 1, amt, out, first), 2);
    assert_row(out, 3, 1, 4, 11, -4);
    assert_row(out + CP_RFM_COLS, 7, 2, 10, 12, 15);
    /* as_of 104.5 (period 104): 7 keeps 100, 100.9, 104: periods 100 (15)
     * and 104 (30): x 1, t_x 4, T 4, m 30.  3 keeps 101.5 and 101: one
     * period: x 0, t_x 0, T 104 - 101 = 3, m 0. */
    CU_ASSERT_EQUAL_FATAL(ledger(104.5, 1, amt, out, first), 2);
    assert_row(out, 3, 0, 0, 3, 0);
    assert_row(out + CP_RFM_COLS, 7, 1, 4, 4, 30);
    /* A line dated exactly as_of counts; a fraction of a day later does not:
     * as_of 101 keeps 7's 100 and 100.9 and 3's line 8 (101) but not line 1
     * (101.5).  3: x 0, T 0; 7: x 0, T 1.  3's first used line is now 8. */
    CU_ASSERT_EQUAL_FATAL(ledger(101, 1, amt, out, first), 2);
    assert_row(out, 3, 0, 0, 0, 0);
    assert_row(out + CP_RFM_COLS, 7, 0, 0, 1, 0);
    CU_ASSERT_EQUAL(first[0], 8);
    CU_ASSERT_EQUAL(first[1], 0);
    /* as_of before every date: no customer is left. */
    CU_ASSERT_EQUAL(ledger(50, 1, amt, out, first), 0);
}

static void test_table_weekly(void)
{
    double out[LINES * CP_RFM_COLS];
    size_t first[LINES];
    /* period_days 7: floor(d / 7): 100, 100.9, 101, 101.5, 104 -> 14;
     * 105, 110 -> 15; 120 -> 17 (as_of period).
     * 3: periods 14 (26), 15 (-4): x 1, t_x 1, T 3, m -4.
     * 7: periods 14 (10 + 5 + 30), 15 (0): x 1, t_x 1, T 3, m 0.
     * 9: period 17: 0, 0, 0, 0. */
    CU_ASSERT_EQUAL_FATAL(ledger(N, 7, amt, out, first), 3);
    assert_row(out, 3, 1, 1, 3, -4);
    assert_row(out + CP_RFM_COLS, 7, 1, 1, 3, 0);
    assert_row(out + 2 * CP_RFM_COLS, 9, 0, 0, 0, 0);

    /* Weeks run Saturday to Friday: serial 0 is a Saturday, so serials 7
     * (Saturday) to 13 (Friday) are week 1 and 14 starts week 2. */
    const double k[3] = {1, 1, 1}, d[3] = {7, 13, 14}, a[3] = {1, 2, 4};
    size_t nc;
    CP_ASSERT_STATUS(cp_rfm_table(k, 1, d, 1, a, 1, 3, N, 7, out, CP_RFM_COLS, NULL, &nc), CP_OK);
    CU_ASSERT_EQUAL_FATAL(nc, 1);
    assert_row(out, 1, 1, 1, 1, 4);
}

static void test_table_counting_only(void)
{
    double out[LINES * CP_RFM_COLS];
    size_t first[LINES];
    /* amount NULL: the same counts, monetary 0. */
    CU_ASSERT_EQUAL_FATAL(ledger(N, 1, NULL, out, first), 3);
    assert_row(out, 3, 1, 4, 19, 0);
    assert_row(out + CP_RFM_COLS, 7, 2, 10, 20, 0);
}

static void test_table_fractional_periods(void)
{
    /* period_days 0.5: d = 1.2 -> 2, 1.4 -> 2, 1.6 -> 3, 2.0 -> 4.
     * Periods 2 (1 + 2), 3 (4), 4 (8): x 2, t_x 2, T 2, m (4 + 8) / 2 = 6.
     * Negative serials (before 1899-12-30) work the same:
     * d = -1.2 -> floor(-2.4) = -3, -0.2 -> -1: x 1, t_x 2, m 16, and T is
     * counted from the latest date of all (2.0, period 4): 4 - (-3) = 7. */
    const double k[6] = {5, 5, 5, 5, 6, 6}, d[6] = {1.2, 1.4, 1.6, 2.0, -1.2, -0.2},
                 a[6] = {1, 2, 4, 8, 3, 16};
    double out[6 * CP_RFM_COLS];
    size_t nc;
    CP_ASSERT_STATUS(cp_rfm_table(k, 1, d, 1, a, 1, 6, N, 0.5, out, CP_RFM_COLS, NULL, &nc), CP_OK);
    CU_ASSERT_EQUAL_FATAL(nc, 2);
    assert_row(out, 5, 2, 2, 2, 6);
    assert_row(out + CP_RFM_COLS, 6, 1, 2, 7, 16);
}

static void test_table_keys(void)
{
    /* -0 and 0 are one customer; negative and fractional keys sort as
     * numbers; keys far apart do not merge. */
    const double k[5] = {0.0, -0.0, -2.5, 1e300, -1e300}, d[5] = {1, 2, 3, 4, 5},
                 a[5] = {1, 1, 1, 1, 1};
    double out[5 * CP_RFM_COLS];
    size_t first[5], nc;
    CP_ASSERT_STATUS(cp_rfm_table(k, 1, d, 1, a, 1, 5, N, 1, out, CP_RFM_COLS, first, &nc), CP_OK);
    CU_ASSERT_EQUAL_FATAL(nc, 4);
    CP_ASSERT_REL(out[0 * CP_RFM_COLS], -1e300, TOL);
    CP_ASSERT_REL(out[1 * CP_RFM_COLS], -2.5, TOL);
    CP_ASSERT_REL(out[2 * CP_RFM_COLS], 0.0, TOL);
    CU_ASSERT_FALSE(signbit(out[2 * CP_RFM_COLS]));
    CP_ASSERT_REL(out[2 * CP_RFM_COLS + CP_RFM_FREQUENCY], 1, TOL);
    CP_ASSERT_REL(out[3 * CP_RFM_COLS], 1e300, TOL);
    CU_ASSERT_EQUAL(first[0], 4);
    CU_ASSERT_EQUAL(first[1], 2);
    CU_ASSERT_EQUAL(first[2], 0);
    CU_ASSERT_EQUAL(first[3], 3);
}

static void test_table_odd_strides(void)
{
    /* The reference ledger with strides 3, 5 and 2 and a row distance of 7
     * in the output; poison between the elements must not be read. */
    double k[LINES * 3], d[LINES * 5], a[LINES * 2], out[LINES * 7];
    for (size_t i = 0; i < LINES * 3; i++)
        k[i] = 1e9;
    for (size_t i = 0; i < LINES * 5; i++)
        d[i] = -1e9;
    for (size_t i = 0; i < LINES * 2; i++)
        a[i] = 1e9;
    for (size_t i = 0; i < LINES; i++) {
        k[3 * i] = cust[i];
        d[5 * i] = date[i];
        a[2 * i] = amt[i];
    }
    for (size_t i = 0; i < LINES * 7; i++)
        out[i] = -7;
    size_t nc;
    CP_ASSERT_STATUS(cp_rfm_table(k, 3, d, 5, a, 2, LINES, N, 1, out, 7, NULL, &nc), CP_OK);
    CU_ASSERT_EQUAL_FATAL(nc, 3);
    assert_row(out, 3, 1, 4, 19, -4);
    assert_row(out + 7, 7, 2, 10, 20, 15);
    assert_row(out + 14, 9, 0, 0, 0, 0);
    CP_ASSERT_REL(out[5], -7, 0); /* the gap after a row is untouched */
    CP_ASSERT_REL(out[21], -7, 0);
}

static void test_table_blank_ledgers(void)
{
    const double k[3] = {N, 1, N}, d[3] = {5, N, N}, a[3] = {1, 2, 3};
    double out[3 * CP_RFM_COLS];
    size_t nc = 42;
    /* every line lacks a customer or a date: no customer, status OK */
    CP_ASSERT_STATUS(cp_rfm_table(k, 1, d, 1, a, 1, 3, N, 1, out, CP_RFM_COLS, NULL, &nc), CP_OK);
    CU_ASSERT_EQUAL(nc, 0);
}

static void test_table_errors(void)
{
    double out[LINES * CP_RFM_COLS];
    size_t nc;
    const double one = 1;
    CP_ASSERT_STATUS(cp_rfm_table(cust, 1, date, 1, amt, 1, 0, N, 1, out, 5, NULL, &nc), CP_EEMPTY);
    CP_ASSERT_STATUS(cp_rfm_table(NULL, 1, date, 1, amt, 1, LINES, N, 1, out, 5, NULL, &nc), CP_EINVAL);
    CP_ASSERT_STATUS(cp_rfm_table(cust, 1, NULL, 1, amt, 1, LINES, N, 1, out, 5, NULL, &nc), CP_EINVAL);
    CP_ASSERT_STATUS(cp_rfm_table(cust, 1, date, 1, amt, 1, LINES, N, 1, NULL, 5, NULL, &nc), CP_EINVAL);
    CP_ASSERT_STATUS(cp_rfm_table(cust, 1, date, 1, amt, 1, LINES, N, 1, out, 5, NULL, NULL), CP_EINVAL);
    CP_ASSERT_STATUS(cp_rfm_table(cust, 1, date, 1, amt, 1, LINES, N, 1, out, 4, NULL, &nc), CP_EINVAL);
    const double bad_days[] = {0.0, -0.0, -7, N, INFINITY, -INFINITY};
    for (size_t i = 0; i < sizeof bad_days / sizeof bad_days[0]; i++)
        CP_ASSERT_STATUS(cp_rfm_table(cust, 1, date, 1, amt, 1, LINES, N, bad_days[i], out, 5,
                                      NULL, &nc),
                         CP_EINVAL);
    CP_ASSERT_STATUS(cp_rfm_table(cust, 1, date, 1, amt, 1, LINES, INFINITY, 1, out, 5, NULL, &nc),
                     CP_EINVAL);
    /* an infinite key, date or amount anywhere, even on a skipped line */
    const double inf = INFINITY, nan = N;
    CP_ASSERT_STATUS(cp_rfm_table(&inf, 1, &one, 1, &one, 1, 1, N, 1, out, 5, NULL, &nc), CP_EINVAL);
    CP_ASSERT_STATUS(cp_rfm_table(&one, 1, &inf, 1, &one, 1, 1, N, 1, out, 5, NULL, &nc), CP_EINVAL);
    CP_ASSERT_STATUS(cp_rfm_table(&one, 1, &one, 1, &inf, 1, 1, N, 1, out, 5, NULL, &nc), CP_EINVAL);
    CP_ASSERT_STATUS(cp_rfm_table(&nan, 1, &one, 1, &inf, 1, 1, N, 1, out, 5, NULL, &nc), CP_EINVAL);
    /* periods too fine to count exactly: 40000 / 1e-12 = 4e16 >= 2^53 */
    const double d = 40000;
    CP_ASSERT_STATUS(cp_rfm_table(&one, 1, &d, 1, &one, 1, 1, N, 1e-12, out, 5, NULL, &nc), CP_EINVAL);
    /* ... but 1e-6 days (40000 / 1e-6 = 4e10 periods) is fine */
    CP_ASSERT_STATUS(cp_rfm_table(&one, 1, &d, 1, &one, 1, 1, N, 1e-6, out, 5, NULL, &nc), CP_OK);
    CU_ASSERT_EQUAL(nc, 1);
    /* a date whose period is out of range but after as_of is left out */
    const double k2[2] = {1, 1}, d2[2] = {1, 1e300};
    CP_ASSERT_STATUS(cp_rfm_table(k2, 1, d2, 1, NULL, 1, 2, 5, 1, out, 5, NULL, &nc), CP_OK);
    CU_ASSERT_EQUAL(nc, 1);
    CP_ASSERT_STATUS(cp_rfm_table(k2, 1, d2, 1, NULL, 1, 2, N, 1, out, 5, NULL, &nc), CP_EINVAL);
}

/* A brute-force check on random ledgers: for every customer, scan all lines
 * (no sorting) and recompute the row from the definitions. */
static void test_table_brute_force(void)
{
    enum { LN = 400 };
    double k[LN], d[LN], a[LN], out[LN * CP_RFM_COLS];
    unsigned int s = 12345;
    for (int trial = 0; trial < 20; trial++) {
        for (size_t i = 0; i < LN; i++) {
            s = s * 1103515245u + 12345u;
            k[i] = (s >> 16) % 97 == 0 ? N : (double)((s >> 16) % 37) - 5.0;
            s = s * 1103515245u + 12345u;
            d[i] = (s >> 16) % 89 == 0 ? N : 35000.0 + (double)((s >> 16) % 4000) / 8.0;
            s = s * 1103515245u + 12345u;
            a[i] = (s >> 16) % 13 == 0 ? N : (double)((s >> 16) % 20000) / 100.0 - 20.0;
        }
        const double pd = trial % 3 == 0 ? 1.0 : (trial % 3 == 1 ? 7.0 : 2.5);
        const double as_of = trial % 2 ? N : 35300.0;
        size_t nc;
        CP_ASSERT_STATUS(cp_rfm_table(k, 1, d, 1, a, 1, LN, as_of, pd, out, CP_RFM_COLS, NULL, &nc),
                         CP_OK);
        double latest = -INFINITY;
        for (size_t i = 0; i < LN; i++)
            if (!isnan(k[i]) && !isnan(d[i]) && d[i] > latest)
                latest = d[i];
        const double cut = isnan(as_of) ? latest : as_of;
        size_t c = 0;
        for (double key = -5; key < 32; key++) {
            double p0 = INFINITY, plast = -INFINITY;
            for (size_t i = 0; i < LN; i++)
                if (k[i] == key && !isnan(d[i]) && d[i] <= cut) {
                    p0 = fmin(p0, floor(d[i] / pd));
                    plast = fmax(plast, floor(d[i] / pd));
                }
            if (isinf(p0))
                continue; /* not listed */
            /* distinct periods and the repeat amount, by brute force */
            double x = -1, repeat = 0;
            for (double p = p0; p <= plast; p++) {
                int seen = 0;
                for (size_t i = 0; i < LN; i++)
                    if (k[i] == key && !isnan(d[i]) && d[i] <= cut && floor(d[i] / pd) == p) {
                        seen = 1;
                        if (p != p0)
                            repeat += isnan(a[i]) ? 0 : a[i];
                    }
                x += seen;
            }
            CU_ASSERT_FATAL(c < nc);
            assert_row(out + c * CP_RFM_COLS, key, x, plast - p0, floor(cut / pd) - p0,
                       x > 0 ? repeat / x : 0);
            c++;
        }
        CU_ASSERT_EQUAL(c, nc);
    }
}

#ifdef CP_CDNOW_DIR
/* Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static long days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The Calc serial of a YYYYMMDD date: days since 1899-12-30. */
static double serial(long ymd)
{
    return (double)(days_from_civil(ymd / 10000, ymd / 100 % 100, ymd % 100) -
                    days_from_civil(1899, 12, 30));
}

/* x rounded half-up to two decimals, as the published summary is. */
static double round2(double x)
{
    return floor(x * 100.0 + 0.5 + 1e-9) / 100.0;
}

static void test_cdnow_summary(void)
{
    enum { MAXLINES = 8000, CUSTOMERS = 2357 };
    static double k[MAXLINES], d[MAXLINES], a[MAXLINES], out[MAXLINES * CP_RFM_COLS];
    FILE *f = fopen(CP_CDNOW_DIR "/CDNOW_sample.txt", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    size_t n = 0;
    long master, id, ymd, cds;
    double dollars;
    while (n < MAXLINES && fscanf(f, "%ld %ld %ld %ld %lf", &master, &id, &ymd, &cds, &dollars) == 5) {
        k[n] = (double)id;
        d[n] = serial(ymd);
        a[n] = dollars;
        n++;
    }
    fclose(f);
    CU_ASSERT_EQUAL_FATAL(n, 6919);
    CP_ASSERT_REL(serial(19970930), 35703, 0); /* Calc: =DATE(1997;9;30) */

    size_t nc;
    CP_ASSERT_STATUS(cp_rfm_table(k, 1, d, 1, a, 1, n, serial(19970930), 1, out, CP_RFM_COLS,
                                  NULL, &nc),
                     CP_OK);
    CU_ASSERT_EQUAL_FATAL(nc, CUSTOMERS);

    /* cdnow_customers_summary_with_transactions.csv: ID,x,t_x,T,zbar, with
     * t_x and T in weeks and everything rounded half-up to 2 decimals. */
    f = fopen(CP_CDNOW_DIR "/cdnow_customers_summary_with_transactions.csv", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char header[128];
    CU_ASSERT_PTR_NOT_NULL_FATAL(fgets(header, sizeof header, f));
    size_t rows = 0, mismatches = 0;
    double x, tx, T, zbar;
    while (fscanf(f, "%ld,%lf,%lf,%lf,%lf", &id, &x, &tx, &T, &zbar) == 5) {
        CU_ASSERT_FATAL(rows < nc);
        const double *row = out + rows * CP_RFM_COLS;
        int ok = row[CP_RFM_CUSTOMER] == (double)id && row[CP_RFM_FREQUENCY] == x &&
                 round2(row[CP_RFM_RECENCY] / 7.0) == tx && round2(row[CP_RFM_T] / 7.0) == T &&
                 fabs(round2(row[CP_RFM_MONETARY]) - zbar) < 1e-9;
        if (!ok && mismatches++ < 5)
            fprintf(stderr, "\n  customer %ld: want %g %g %g %g, got %g %g %g %g %g", id, x, tx, T,
                    zbar, row[CP_RFM_CUSTOMER], row[CP_RFM_FREQUENCY], row[CP_RFM_RECENCY] / 7,
                    row[CP_RFM_T] / 7, row[CP_RFM_MONETARY]);
        rows++;
    }
    fclose(f);
    CU_ASSERT_EQUAL(rows, CUSTOMERS);
    CU_ASSERT_EQUAL(mismatches, 0);

    /* cdnow_customers_summary.csv (ID,frequency,recency,T) agrees too. */
    f = fopen(CP_CDNOW_DIR "/cdnow_customers_summary.csv", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fgets(header, sizeof header, f));
    rows = mismatches = 0;
    while (fscanf(f, "%ld,%lf,%lf,%lf", &id, &x, &tx, &T) == 4) {
        CU_ASSERT_FATAL(rows < nc);
        const double *row = out + rows * CP_RFM_COLS;
        if (!(row[CP_RFM_CUSTOMER] == (double)id && row[CP_RFM_FREQUENCY] == x &&
              round2(row[CP_RFM_RECENCY] / 7.0) == tx && round2(row[CP_RFM_T] / 7.0) == T))
            mismatches++;
        rows++;
    }
    fclose(f);
    CU_ASSERT_EQUAL(rows, CUSTOMERS);
    CU_ASSERT_EQUAL(mismatches, 0);
}
#endif

/* ---- RFMSCORE --------------------------------------------------------- */

/* Population (days since last, frequency, monetary), n = 5:
 *        days  F   M
 *   A     10   3  50
 *   B     40   0   0
 *   C     10   1  20
 *   D      5   6  80
 *   E     90   1  20
 * below (strictly worse): R counts larger days, F and M smaller values:
 *   A: R 2 (40, 90), F 3 (0, 1, 1), M 3 (0, 20, 20)
 *   B: R 1 (90),     F 0,           M 0
 *   C: R 2,          F 1 (0),       M 1 (0)
 *   D: R 4,          F 4,           M 4
 *   E: R 0,          F 1,           M 1  */
static const double pop[5 * 3] = {
    10, 3, 50,
    40, 0, 0,
    10, 1, 20,
    5, 6, 80,
    90, 1, 20,
};

static void score_pop(int bins, const double want[5])
{
    cp_table t = {pop, 5, 3, 3};
    double code[5];
    CP_ASSERT_STATUS(cp_rfm_score(&t, NULL, bins, code, 1), CP_OK);
    for (int i = 0; i < 5; i++)
        CP_ASSERT_REL(code[i], want[i], 0);
}

static void test_score_table(void)
{
    /* bins 5: 1 + floor(5 * below / 5) = 1 + below:
     * A 3,4,4  B 2,1,1  C 3,2,2  D 5,5,5  E 1,2,2 */
    const double five[5] = {344, 211, 322, 555, 122};
    score_pop(5, five);
    /* bins 3: 1 + floor(3 * below / 5): below 0 -> 1, 1 -> 1, 2 -> 2,
     * 3 -> 2, 4 -> 3. */
    const double three[5] = {222, 111, 211, 333, 111};
    score_pop(3, three);
    /* bins 9: 1 + floor(9 * below / 5): 0 -> 1, 1 -> 2, 2 -> 4, 3 -> 6,
     * 4 -> 8. */
    const double nine[5] = {466, 211, 422, 888, 122};
    score_pop(9, nine);
    /* bins 2: 1 + floor(2 * below / 5): 0, 1, 2 -> 1; 3, 4 -> 2. */
    const double two[5] = {122, 111, 111, 222, 111};
    score_pop(2, two);
}

static void test_score_row_mode(void)
{
    cp_table p = {pop, 5, 3, 3};
    /* Each population row scored against the population gives the table
     * mode code; a customer better than everyone is capped at bins
     * (below = 5 -> 1 + 5 = 6 -> 5), one worse than everyone gets 111. */
    const double rows[7 * 3] = {
        10, 3, 50,  40, 0, 0,  10, 1, 20,  5, 6, 80,  90, 1, 20,
        1, 10, 100,
        100, -1, -5,
    };
    cp_table c = {rows, 7, 3, 3};
    double code[7];
    CP_ASSERT_STATUS(cp_rfm_score(&c, &p, 5, code, 1), CP_OK);
    const double want[7] = {344, 211, 322, 555, 122, 555, 111};
    for (int i = 0; i < 7; i++)
        CP_ASSERT_REL(code[i], want[i], 0);
}

static void test_score_strides(void)
{
    /* The population with a row distance of 4 (poison in column 3) and the
     * codes every 2nd element. */
    double t[5 * 4], code[10];
    for (int i = 0; i < 5; i++) {
        for (int j = 0; j < 3; j++)
            t[4 * i + j] = pop[3 * i + j];
        t[4 * i + 3] = N;
    }
    for (int i = 0; i < 10; i++)
        code[i] = -1;
    cp_table c = {t, 5, 3, 4};
    CP_ASSERT_STATUS(cp_rfm_score(&c, NULL, 5, code, 2), CP_OK);
    const double want[5] = {344, 211, 322, 555, 122};
    for (int i = 0; i < 5; i++) {
        CP_ASSERT_REL(code[2 * i], want[i], 0);
        CP_ASSERT_REL(code[2 * i + 1], -1, 0);
    }
}

static void test_score_ties(void)
{
    /* All equal: nobody is strictly worse, everyone gets 111. */
    const double eq[4 * 3] = {7, 2, 9, 7, 2, 9, 7, 2, 9, 7, 2, 9};
    cp_table t = {eq, 4, 3, 3};
    double code[4];
    CP_ASSERT_STATUS(cp_rfm_score(&t, NULL, 5, code, 1), CP_OK);
    for (int i = 0; i < 4; i++)
        CP_ASSERT_REL(code[i], 111, 0);
    /* A single customer: below 0, score 1 on each. */
    cp_table one = {eq, 1, 3, 3};
    CP_ASSERT_STATUS(cp_rfm_score(&one, NULL, 9, code, 1), CP_OK);
    CP_ASSERT_REL(code[0], 111, 0);
}

/* Many customers with many ties (values from small sets, -0 among them):
 * table mode and row mode against the rule counted directly, pair by pair,
 * for every bins.  The sorted walk of table mode and the binary searches
 * of row mode must both agree with the definition. */
static void test_score_brute_force(void)
{
    enum { n = 700 };
    static double t[n * 3], code[n], row[n];
    unsigned int x = 99;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < 3; j++) {
            x = x * 1103515245u + 12345u;
            int v = (int)((x >> 8) % (j == 0 ? 40u : j == 1 ? 7u : 300u));
            t[3 * i + j] = v == 0 ? -0.0 : (j == 2 ? (v - 20) / 4.0 : v);
        }
    cp_table c = {t, n, 3, 3};
    for (int bins = 2; bins <= 9; bins++) {
        CP_ASSERT_STATUS(cp_rfm_score(&c, NULL, bins, code, 1), CP_OK);
        CP_ASSERT_STATUS(cp_rfm_score(&c, &c, bins, row, 1), CP_OK);
        int wrong = 0;
        for (int i = 0; i < n; i++) {
            double want = 0;
            for (int j = 0; j < 3; j++) {
                int below = 0;
                for (int k = 0; k < n; k++)
                    below += j == 0 ? t[3 * k] > t[3 * i] : t[3 * k + j] < t[3 * i + j];
                int s = 1 + bins * below / n;
                want += (j == 0 ? 100 : j == 1 ? 10 : 1) * (s > bins ? bins : s);
            }
            wrong += code[i] != want || row[i] != want;
        }
        CU_ASSERT_EQUAL(wrong, 0);
    }
}

static void test_score_errors(void)
{
    cp_table t = {pop, 5, 3, 3};
    double code[5];
    CP_ASSERT_STATUS(cp_rfm_score(&t, NULL, 1, code, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_rfm_score(&t, NULL, 10, code, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_rfm_score(&t, NULL, 0, code, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_rfm_score(NULL, NULL, 5, code, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_rfm_score(&t, NULL, 5, NULL, 1), CP_EINVAL);
    cp_table empty = {pop, 0, 3, 3};
    CP_ASSERT_STATUS(cp_rfm_score(&empty, NULL, 5, code, 1), CP_EEMPTY);
    CP_ASSERT_STATUS(cp_rfm_score(&t, &empty, 5, code, 1), CP_EEMPTY);
    cp_table narrow = {pop, 5, 2, 3};
    CP_ASSERT_STATUS(cp_rfm_score(&narrow, NULL, 5, code, 1), CP_EBADLEN);
    CP_ASSERT_STATUS(cp_rfm_score(&t, &narrow, 5, code, 1), CP_EBADLEN);
    const double blank[3] = {1, N, 3}, inf[3] = {1, 2, INFINITY};
    cp_table b = {blank, 1, 3, 3}, in = {inf, 1, 3, 3};
    CP_ASSERT_STATUS(cp_rfm_score(&b, NULL, 5, code, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_rfm_score(&t, &b, 5, code, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_rfm_score(&in, &t, 5, code, 1), CP_EINVAL);
}

/* ---- RFMSEGMENT ------------------------------------------------------- */

static void test_segment_map(void)
{
    /* The map of FUNCTIONS.md, rows R = 5 .. 1, columns FM = 1 .. 5. */
    static const char *const map[5][5] = {
        {"New", "Promising", "Potential loyalist", "Loyal", "Champions"},
        {"Promising", "Promising", "Potential loyalist", "Loyal", "Champions"},
        {"About to sleep", "Needs attention", "Needs attention", "Loyal", "Loyal"},
        {"Hibernating", "Hibernating", "At risk", "At risk", "Can't lose"},
        {"Lost", "Lost", "Hibernating", "At risk", "Can't lose"},
    };
    for (int r = 1; r <= 5; r++)
        for (int f = 1; f <= 5; f++)
            for (int m = 1; m <= 5; m++) {
                /* round half up of (f + m) / 2, the slow way */
                double half = (f + m) / 2.0;
                int fm = (int)floor(half + 0.5);
                const char *name = NULL;
                CP_ASSERT_STATUS(cp_rfm_segment(100 * r + 10 * f + m, &name), CP_OK);
                CU_ASSERT_PTR_NOT_NULL_FATAL(name);
                CU_ASSERT_STRING_EQUAL(name, map[5 - r][fm - 1]);
            }
    /* A few by hand: 512 -> FM round(1.5) = 2 -> Promising; 543 -> FM 3.5
     * -> 4 -> Loyal; 321 -> FM 2 -> Needs attention; 134 -> FM 4 -> At risk. */
    const char *name;
    cp_rfm_segment(512, &name);
    CU_ASSERT_STRING_EQUAL(name, "Promising");
    cp_rfm_segment(543, &name);
    CU_ASSERT_STRING_EQUAL(name, "Loyal");
    cp_rfm_segment(321, &name);
    CU_ASSERT_STRING_EQUAL(name, "Needs attention");
    cp_rfm_segment(134, &name);
    CU_ASSERT_STRING_EQUAL(name, "At risk");
    cp_rfm_segment(555, &name);
    CU_ASSERT_STRING_EQUAL(name, "Champions");
    cp_rfm_segment(111, &name);
    CU_ASSERT_STRING_EQUAL(name, "Lost");
}

static void test_segment_errors(void)
{
    const char *name;
    const double bad[] = {545.5, 0, 110, 100, 556, 505, 150, 600, 1111, -545, 1e300, 666,
                          N, INFINITY, -INFINITY, 555.0000000001, 110.9999999};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CP_ASSERT_STATUS(cp_rfm_segment(bad[i], &name), CP_EINVAL);
    CP_ASSERT_STATUS(cp_rfm_segment(545, NULL), CP_EINVAL);
}

static CU_TestInfo tests[] = {
    {"table_daily", test_table_daily},
    {"table_as_of", test_table_as_of},
    {"table_weekly", test_table_weekly},
    {"table_counting_only", test_table_counting_only},
    {"table_fractional_periods", test_table_fractional_periods},
    {"table_keys", test_table_keys},
    {"table_odd_strides", test_table_odd_strides},
    {"table_blank_ledgers", test_table_blank_ledgers},
    {"table_errors", test_table_errors},
    {"table_brute_force", test_table_brute_force},
#ifdef CP_CDNOW_DIR
    {"cdnow_summary", test_cdnow_summary},
#endif
    {"score_table", test_score_table},
    {"score_row_mode", test_score_row_mode},
    {"score_strides", test_score_strides},
    {"score_ties", test_score_ties},
    {"score_brute_force", test_score_brute_force},
    {"score_errors", test_score_errors},
    {"segment_map", test_segment_map},
    {"segment_errors", test_segment_errors},
    CU_TEST_INFO_NULL,
};

cp_suite rfm_suite = {"rfm", tests};
