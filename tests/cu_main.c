/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cu_main.c - runs the CUnit suites of the ClientPrune core.
 *
 *   cu_core               every suite
 *   cu_core SUITE         one suite
 *   cu_core SUITE TEST    one test
 *
 * Exits non-zero when any assertion fails or the name matches nothing.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <CUnit/Basic.h>
#include <gsl/gsl_errno.h>

#include "cp_status.h"
#include "cu_test.h"

static cp_suite *const suites[] = {
    &score_suite,
};

void cp_assert_rel(double obtained, double expected, double reltol,
                   const char *expr, const char *file, unsigned int line)
{
    int ok;
    if (isnan(expected) || isnan(obtained))
        ok = isnan(expected) && isnan(obtained);
    else if (isinf(expected) || isinf(obtained))
        ok = obtained == expected;
    else if (expected == 0.0)
        ok = fabs(obtained) <= reltol;
    else
        ok = fabs(obtained - expected) <= reltol * fabs(expected);
    char msg[512];
    snprintf(msg, sizeof msg, "%s: expected %.17g, obtained %.17g (rel. tol. %g)",
             expr, expected, obtained, reltol);
    if (!ok)
        fprintf(stderr, "\n  %s:%u: %s\n", file, line, msg);
    CU_assertImplementation(ok ? CU_TRUE : CU_FALSE, line, msg, file, "", CU_FALSE);
}

void cp_assert_status(int obtained, int expected, const char *expr,
                      const char *file, unsigned int line)
{
    char msg[512];
    snprintf(msg, sizeof msg, "%s: expected status %d (%s), obtained %d (%s)", expr,
             expected, cp_strerror(expected), obtained, cp_strerror(obtained));
    if (obtained != expected)
        fprintf(stderr, "\n  %s:%u: %s\n", file, line, msg);
    CU_assertImplementation(obtained == expected ? CU_TRUE : CU_FALSE, line, msg, file,
                            "", CU_FALSE);
}

int main(int argc, char **argv)
{
    /* As in the add-in: GSL must report, never abort. */
    gsl_set_error_handler_off();
    const char *want_suite = argc > 1 ? argv[1] : NULL;
    const char *want_test = argc > 2 ? argv[2] : NULL;

    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
    unsigned int registered = 0;
    for (size_t s = 0; s < sizeof suites / sizeof suites[0]; s++) {
        if (want_suite && strcmp(want_suite, suites[s]->name) != 0)
            continue;
        CU_pSuite suite = CU_add_suite(suites[s]->name, NULL, NULL);
        for (CU_TestInfo *t = suites[s]->tests; t->pName; t++) {
            if (want_test && strcmp(want_test, t->pName) != 0)
                continue;
            CU_add_test(suite, t->pName, t->pTestFunc);
            registered++;
        }
    }
    if (registered == 0) {
        fprintf(stderr, "no test matches\n");
        CU_cleanup_registry();
        return 2;
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned int failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
