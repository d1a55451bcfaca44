/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * faults.c - every core entry point fails cleanly when memory runs out.
 *
 * Linked against cpcore_faultsim.  For each case (faults.h): a clean run
 * must succeed and free everything; then, failing allocation k (once, and
 * from k on), the call must return CP_ENOMEM with no block left allocated.
 * Exit status non-zero on any violation.
 */
#include <stdio.h>

#include <gsl/gsl_errno.h>

#include "cp_alloc.h"
#include "cp_status.h"
#include "faults.h"

#define CASES(c) extern const fault_case c[];
#include "faults.inc"
#undef CASES
#define CASES(c) c,
static const fault_case *const modules[] = {
#include "faults.inc"
};
#undef CASES

static int run(const fault_case *fc)
{
    int bad = 0;
    cp_fault_fail_after(-1, 0);
    int status = fc->call();
    long allocs = cp_fault_attempts();
    if (status != CP_OK || cp_fault_outstanding() != 0) {
        printf("FAIL %s: clean run gives status %d, %ld blocks left\n", fc->name, status,
               cp_fault_outstanding());
        return 1;
    }
    for (long k = 0; k < allocs; k++) {
        for (int persistent = 0; persistent < 2; persistent++) {
            cp_fault_fail_after(k, persistent);
            status = fc->call();
            long left = cp_fault_outstanding();
            cp_fault_fail_after(-1, 0);
            if (status != CP_ENOMEM || left != 0) {
                printf("FAIL %s: allocation %ld of %ld failing%s gives status %d (%s), "
                       "%ld blocks left\n", fc->name, k + 1, allocs,
                       persistent ? " (and all after)" : "", status, cp_strerror(status), left);
                bad = 1;
            }
        }
    }
    printf("ok   %-40s %ld allocation(s) failed in turn\n", fc->name, allocs);
    return bad;
}

int main(void)
{
    gsl_set_error_handler_off();
    int bad = 0, cases = 0;
    for (size_t m = 0; m < sizeof modules / sizeof modules[0]; m++)
        for (const fault_case *fc = modules[m]; fc->name; fc++, cases++)
            bad += run(fc);
    printf("%d case(s), %d failing\n", cases, bad);
    return bad ? 1 : 0;
}
