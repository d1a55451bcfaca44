/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cu_sort.c - the radix sorts of src/common/sort.c (cp_sort.h).
 *
 * The reference is qsort() with a plain numeric comparison on the same
 * data: the radix sort must give the same sequence, and keep equal keys in
 * their input order (stability, checked through the payload).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "cp_alloc.h"
#include "cp_sort.h"
#include "cp_status.h"
#include "cu_test.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void test_key_order(void)
{
    /* Keys must order like the numbers, and -0 must equal +0. */
    const double v[] = {-INFINITY, -1e308, -2.5, -1.0, -1e-310, 0.0, 1e-310, 1e-300,
                        0.5, 1.0, 3.0, 1e308, INFINITY};
    for (size_t i = 0; i + 1 < sizeof v / sizeof v[0]; i++)
        CU_ASSERT(cp_sort_key(v[i]) < cp_sort_key(v[i + 1]));
    CU_ASSERT(cp_sort_key(-0.0) == cp_sort_key(0.0));
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        CU_ASSERT(cp_sort_value(cp_sort_key(v[i])) == v[i]);
}

static void test_doubles_like_qsort(void)
{
    enum { n = 5000 };
    static double a[n], b[n];
    unsigned int x = 99;
    for (int i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        /* repeated values, negatives, fractions, huge and tiny magnitudes */
        int kind = (int)((x >> 16) % 5);
        double v = (double)((x >> 8) % 1000) - 500.0;
        a[i] = kind == 0 ? v : kind == 1 ? v / 7.0 : kind == 2 ? v * 1e300
               : kind == 3 ? v * 1e-300 : (double)((x >> 8) % 4);
        b[i] = a[i];
    }
    CP_ASSERT_STATUS(cp_sort_doubles(a, n), CP_OK);
    qsort(b, n, sizeof *b, cmp_double);
    int bad = 0;
    for (int i = 0; i < n; i++)
        bad += a[i] != b[i];
    CU_ASSERT_EQUAL(bad, 0);
    /* n = 0 and n = 1 are fine too. */
    CP_ASSERT_STATUS(cp_sort_doubles(a, 0), CP_OK);
    CP_ASSERT_STATUS(cp_sort_doubles(a, 1), CP_OK);
}

static void test_keys_stable_with_payload(void)
{
    /* Keys 3, 1, 3, 2, 1, 3 carrying their positions: sorted 1(1) 1(4)
     * 2(3) 3(0) 3(2) 3(5) -- equal keys keep their input order. */
    uint64_t keys[6] = {3, 1, 3, 2, 1, 3}, tk[6];
    size_t pay[6] = {0, 1, 2, 3, 4, 5}, tp[6];
    cp_sort_keys(keys, pay, tk, tp, 6);
    const uint64_t wk[6] = {1, 1, 2, 3, 3, 3};
    const size_t wp[6] = {1, 4, 3, 0, 2, 5};
    for (int i = 0; i < 6; i++) {
        CU_ASSERT(keys[i] == wk[i]);
        CU_ASSERT(pay[i] == wp[i]);
    }
    /* Keys differing only in the top bits exercise the last pass; all
     * equal keys skip every pass. */
    uint64_t hi[3] = {UINT64_C(3) << 62, UINT64_C(1) << 62, UINT64_C(2) << 62};
    size_t hp[3] = {0, 1, 2};
    cp_sort_keys(hi, hp, tk, tp, 3);
    CU_ASSERT(hp[0] == 1 && hp[1] == 2 && hp[2] == 0);
    uint64_t same[3] = {7, 7, 7};
    size_t sp[3] = {2, 0, 1};
    cp_sort_keys(same, sp, tk, tp, 3);
    CU_ASSERT(sp[0] == 2 && sp[1] == 0 && sp[2] == 1);
}

static CU_TestInfo tests[] = {
    {"key_order", test_key_order},
    {"doubles_like_qsort", test_doubles_like_qsort},
    {"keys_stable_with_payload", test_keys_stable_with_payload},
    CU_TEST_INFO_NULL,
};

cp_suite sort_suite = {"sort", tests};
