/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz.h - turning libFuzzer's bytes into core arguments.
 *
 * A reader hands out sizes, choices and doubles; doubles are drawn half of
 * the time from values that break numerical code (NaN, +-0, +-Inf, +-1e308,
 * subnormals, ties) and otherwise from the raw bytes.  Running out of bytes
 * gives zeros, so every input is a valid case.  CP_FUZZ_CHECK traps when an
 * invariant of a result fails, which libFuzzer reports as a crash.
 *
 * Each target fuzz_<name>.c calls one public core entry point (both modes
 * where it has two) and checks what FUNCTIONS.md and the core's header
 * promise of a CP_OK result: ranges, whole numbers, finite numbers, NaN
 * (an empty result) exactly where one is allowed.  Its seeds are in
 * corpus/<name>/.
 */
#ifndef CP_FUZZ_H
#define CP_FUZZ_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

/* GSL's error handler is turned off once, as the add-in does when Calc
 * loads it: a GSL routine that fails (an SVD that does not converge, say)
 * then returns its status, which the core turns into an error, instead of
 * aborting the process. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    gsl_set_error_handler_off();
    return 0;
}

typedef struct {
    const uint8_t *p;
    size_t n;
} fz;

static inline uint8_t fz_byte(fz *f)
{
    if (f->n == 0)
        return 0;
    f->n--;
    return *f->p++;
}

/* A size in 0..max. */
static inline size_t fz_size(fz *f, size_t max)
{
    size_t v = ((size_t)fz_byte(f) << 8) | fz_byte(f);
    return max ? v % (max + 1) : 0;
}

static inline double fz_double(fz *f)
{
    static const double special[] = {
        0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 1e308, -1e308, 1.7976931348623157e308,
        4.9e-324, -4.9e-324, 2.2250738585072014e-308, 1e-300, 1e15, 3.0, 7.0,
        NAN, INFINITY, -INFINITY, 100.0,
    };
    uint8_t k = fz_byte(f);
    if (k < 128)
        return special[k % (sizeof special / sizeof special[0])];
    uint64_t bits = 0;
    for (int i = 0; i < 8; i++)
        bits = (bits << 8) | fz_byte(f);
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

/* A double that is "normal spreadsheet data" more often: small integers. */
static inline double fz_value(fz *f)
{
    uint8_t k = fz_byte(f);
    if (k < 160)
        return (double)(k % 13) - 3.0;
    return fz_double(f);
}

/* A share or probability: 0..1 in 1/100 steps most of the time, else any
 * double (out of range, NaN, infinite). */
static inline double fz_share(fz *f)
{
    uint8_t k = fz_byte(f);
    if (k < 202)
        return (double)(k % 101) / 100.0;
    return fz_double(f);
}

/* n values from fz_value in a fresh malloc block (room for at least one, so
 * n = 0 is a valid pointer); the caller frees it. */
static inline double *fz_values(fz *f, size_t n)
{
    double *v = (double *)malloc((n + 1) * sizeof *v);
    if (v == NULL)
        __builtin_trap();
    for (size_t i = 0; i < n; i++)
        v[i] = fz_value(f);
    return v;
}

#define CP_FUZZ_CHECK(cond) \
    do { \
        if (!(cond)) \
            __builtin_trap(); \
    } while (0)

#endif
