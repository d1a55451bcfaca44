/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cu_test.h - helpers shared by the CUnit suites.
 *
 * CU_ASSERT_DOUBLE_EQUAL is absolute only and silent about what it saw;
 * CP_ASSERT_REL is relative (GSL's gsl_test_rel), knows NaN and infinities,
 * and prints expected and obtained values when it fails.
 */
#ifndef CU_TEST_H
#define CU_TEST_H

#include <CUnit/CUnit.h>

/* Passes when obtained and expected are both NaN, equal infinities, or
 * |obtained - expected| <= reltol * |expected| (<= reltol when expected is 0). */
void cp_assert_rel(double obtained, double expected, double reltol,
                   const char *expr, const char *file, unsigned int line);
#define CP_ASSERT_REL(obtained, expected, reltol) \
    cp_assert_rel((obtained), (expected), (reltol), #obtained, __FILE__, __LINE__)

/* Passes when a status code equals the expected one, printing both if not. */
void cp_assert_status(int obtained, int expected, const char *expr,
                      const char *file, unsigned int line);
#define CP_ASSERT_STATUS(obtained, expected) \
    cp_assert_status((obtained), (expected), #obtained, __FILE__, __LINE__)

/* One suite: a name and a NULL-terminated test table.  Each cu_<module>.c
 * defines "cp_suite <module>_suite"; the build registers it by file name. */
typedef struct {
    const char *name;
    CU_TestInfo *tests;
} cp_suite;

#endif
