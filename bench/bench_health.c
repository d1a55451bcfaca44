/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench_health.c - the speed targets of the client health functions
 * (issue 4), median of 5 runs each:
 *
 *   PRUNESTABILITY  1,000 simulations over 10,000 clients x 5 criteria  < 1 s
 *   REVENUEATRISK   10,000 simulations over 10,000 clients              < 1 s
 *   SEGMENTS        100,000 clients x 5 criteria, k = 6                 < 1 s
 *   CANARY          10,000 points (no target; O(n^2) slope)
 */
#include <math.h>

#include "bench.h"
#include "cp_health.h"

static unsigned int lcg = 1;

static double uniform(void)
{
    lcg = lcg * 1103515245u + 12345u;
    return (double)(lcg >> 8) / 16777216.0;
}

typedef struct {
    cp_table t;
    const double *w, *rev, *p;
    size_t n;
    double *out;
    cp_canary_result res;
} job;

static void run_stability(void *arg)
{
    job *j = arg;
    cp_health_prune_stability(&j->t, j->w, 1, NULL, 0, j->n / 10, 0.2, 1000, 1, j->out, 1);
}

static void run_risk(void *arg)
{
    job *j = arg;
    cp_health_revenue_at_risk(j->rev, 1, j->p, 1, j->n, 0.95, 10000, 1, j->out);
}

static void run_segments(void *arg)
{
    job *j = arg;
    cp_health_segments(&j->t, 6, 1, j->out, 1);
}

static void run_canary(void *arg)
{
    job *j = arg;
    cp_health_canary(j->rev, 1, NULL, 0, j->n, 0.05, &j->res);
}

int main(void)
{
    const double w[5] = {3, 1, 1, 2, 2};
    /* A client book: 10,000 clients, 5 criteria with a few blanks. */
    size_t n = 10000, m = 5;
    double *book = malloc(n * m * sizeof *book), *out = malloc(100000 * sizeof *out);
    double *rev = malloc(n * sizeof *rev), *p = malloc(n * sizeof *p);
    for (size_t i = 0; i < n * m; i++)
        book[i] = uniform() < 0.01 ? NAN : floor(1000.0 * uniform()) / 10.0;
    for (size_t i = 0; i < n; i++) {
        rev[i] = floor(exp(7.0 + 1.5 * uniform()));
        p[i] = uniform();
    }
    job j = {.t = {book, n, m, m}, .w = w, .rev = rev, .p = p, .n = n, .out = out};
    bench_report("PRUNESTABILITY 1,000 sims", "10000 x 5", bench_time(run_stability, &j, 5), 1.0);
    bench_report("REVENUEATRISK 10,000 sims", "10000", bench_time(run_risk, &j, 5), 1.0);

    /* Segments: 100,000 clients x 5 criteria around 6 centres. */
    size_t ns = 100000;
    double *seg = malloc(ns * m * sizeof *seg);
    for (size_t i = 0; i < ns; i++) {
        size_t c = (size_t)(6.0 * uniform());
        for (size_t k = 0; k < m; k++)
            seg[i * m + k] = 10.0 * (double)((c * 7 + k * 3) % 6) + 4.0 * (uniform() + uniform() - 1.0);
    }
    job s = {.t = {seg, ns, m, m}, .w = w, .rev = rev, .p = p, .n = ns, .out = out};
    bench_report("SEGMENTS k = 6", "100000 x 5", bench_time(run_segments, &s, 5), 1.0);

    /* CANARY: a noisy declining series of 10,000 points. */
    for (size_t i = 0; i < n; i++)
        rev[i] = 1000.0 - 0.01 * (double)i + 50.0 * uniform();
    bench_report("CANARY (Mann-Kendall + Theil-Sen)", "10000 points", bench_time(run_canary, &j, 5), 0);
    free(book), free(out), free(rev), free(p), free(seg);
    return 0;
}
