/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench_score.c - CLIENTSCORE and PRUNERANK in the core at 10^3..10^6
 * clients x 5 criteria (median of 5 runs).
 */
#include <math.h>

#include "bench.h"
#include "cp_score.h"

typedef struct {
    cp_table t;
    const double *w;
    cp_method m;
    double *out;
    double *rev;
} job;

static void run_score(void *p)
{
    job *j = p;
    cp_score_clients(&j->t, NULL, j->w, 1, NULL, 0, j->m, j->out, 1);
}

static void run_rank(void *p)
{
    job *j = p;
    cp_prune_rank(j->out, 1, j->rev, 1, j->t.rows, NULL, 0, NULL, 0, 0, j->out + j->t.rows, 1);
}

int main(void)
{
    const size_t m = 5, sizes[] = {1000, 100000, 1000000};
    const double w[5] = {3, 1, 1, 2, 2};
    static const char *names[] = {"minmax", "percentile", "zscore"};
    unsigned int x = 1;
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t n = sizes[k];
        double *data = malloc(n * m * sizeof *data), *out = malloc(2 * n * sizeof *out),
               *rev = malloc(n * sizeof *rev);
        for (size_t i = 0; i < n * m; i++) {
            x = x * 1103515245u + 12345u;
            data[i] = (x >> 8) % 1000 == 0 ? NAN : (double)((x >> 8) % 100000) / 7.0;
        }
        for (size_t i = 0; i < n; i++)
            rev[i] = (double)(i % 1000);
        char size[32];
        snprintf(size, sizeof size, "%zu x %zu", n, m);
        job j = {{data, n, m, m}, w, CP_METHOD_MINMAX, out, rev};
        for (int meth = 0; meth < 3; meth++) {
            j.m = (cp_method)meth;
            char what[64];
            snprintf(what, sizeof what, "cp_score_clients (%s)", names[meth]);
            bench_report(what, size, bench_time(run_score, &j, 5), 0);
        }
        bench_report("cp_prune_rank (with revenue)", size, bench_time(run_rank, &j, 5), 0);
        free(data);
        free(out);
        free(rev);
    }
    return 0;
}
