/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench.h - timing helpers for the core benchmarks (bench_<module>.c).
 *
 * Benchmarks print figures; they never pass or fail on time (a busy machine
 * would make such a test flaky).  Each figure is the median of several runs
 * of the same work, printed with the target it is compared with.
 */
#ifndef CP_BENCH_H
#define CP_BENCH_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int bench_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median of the runs' seconds (sorts the array). */
static inline double bench_median(double *secs, int runs)
{
    qsort(secs, (size_t)runs, sizeof *secs, bench_cmp);
    return runs % 2 ? secs[runs / 2] : 0.5 * (secs[runs / 2 - 1] + secs[runs / 2]);
}

/* Times fn(arg) `runs` times and returns the median in seconds. */
static inline double bench_time(void (*fn)(void *), void *arg, int runs)
{
    double secs[64];
    if (runs > 64)
        runs = 64;
    for (int r = 0; r < runs; r++) {
        double t0 = bench_now();
        fn(arg);
        secs[r] = bench_now() - t0;
    }
    return bench_median(secs, runs);
}

/* One line of the report: what, size, median, target (<= 0: none). */
static inline void bench_report(const char *what, const char *size, double median_s,
                                double target_s)
{
    if (target_s > 0)
        printf("%-44s %-14s %10.3f ms   target %8.1f ms   %5.2fx of target\n", what, size,
               1e3 * median_s, 1e3 * target_s, median_s / target_s);
    else
        printf("%-44s %-14s %10.3f ms\n", what, size, 1e3 * median_s);
    fflush(stdout);
}

#endif
