/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench_models.c - the customer-base model fits and predictions in the core.
 *
 * 1. The three fits on the CDNOW summary (2,357 customers, weeks), median of
 *    7 runs, beside the targets and the times the Python library lifetimes
 *    takes for the same fits on this kind of machine (0.041 s, 0.237 s,
 *    0.019 s), with the fitted parameters beside the published ones.
 * 2. A synthetic book of 1,000,000 customers simulated from known BG/NBD
 *    parameters (first purchases over 12 weeks, observed for 39 weeks,
 *    times in whole days as a ledger gives them), fitted (median of 3), with
 *    the true and fitted parameters.
 * 3. Prediction throughput: P(alive), expected purchases and a 12-month CLV
 *    for every CDNOW customer, and expected purchases for the million.
 *
 * Beside each fit's median wall time it prints its median CPU time, which
 * other programs on a shared machine do not inflate.
 */
#include <math.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "bench.h"
#include "cp_models.h"

#ifndef CP_CDNOW_DIR /* CMake found no CDNOW data: the reading fails and says so */
#define CP_CDNOW_DIR "(CDNOW_DIR not found)"
#endif

#define NCDNOW 2357
#define NBIG 1000000

static double cx[NCDNOW], ctx[NCDNOW], cT[NCDNOW], cm[NCDNOW];
static double out[NBIG];

typedef struct {
    const double *x, *tx, *T, *m;
    size_t n;
    int model; /* 0 BG/NBD, 1 Pareto/NBD, 2 gamma-gamma */
    double params[4], ll;
    int status;
} fit_job;

/* Median CPU time of fn(arg) over runs (the process's, so that other
 * programs on a busy machine do not count), beside bench_time's wall time. */
static double cpu_median(void (*fn)(void *), void *arg, int runs)
{
    double secs[16];
    for (int r = 0; r < runs && r < 16; r++) {
        struct timespec a, b;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
        fn(arg);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
        secs[r] = (double)(b.tv_sec - a.tv_sec) + 1e-9 * (double)(b.tv_nsec - a.tv_nsec);
    }
    return bench_median(secs, runs < 16 ? runs : 16);
}

static cp_column col(const double *v)
{
    cp_column c = {v, 1};
    return c;
}

static void run_fit(void *p)
{
    fit_job *j = p;
    cp_column none = {NULL, 0};
    if (j->model == 0)
        j->status = cp_bgnbd_fit(col(j->x), col(j->tx), col(j->T), none, j->n, j->params, &j->ll);
    else if (j->model == 1)
        j->status = cp_pnbd_fit(col(j->x), col(j->tx), col(j->T), none, j->n, j->params, &j->ll);
    else
        j->status = cp_gg_fit(col(j->x), col(j->m), none, j->n, j->params, &j->ll, NULL);
}

typedef struct {
    const double *x, *tx, *T, *m;
    size_t n;
    int what; /* 0 BG P(alive), 1 BG E[Y(39)], 2 PNBD P(alive), 3 PNBD E[Y(39)], 4 CLV */
    const double *bg, *pn, *gg;
} predict_job;

static void run_predict(void *p)
{
    predict_job *j = p;
    const double t = 39;
    cp_column horizon = {&t, 0};
    switch (j->what) {
    case 0: cp_bgnbd_palive(col(j->x), col(j->tx), col(j->T), j->n, j->bg, out, 1); break;
    case 1: cp_bgnbd_purchases(horizon, col(j->x), col(j->tx), col(j->T), j->n, j->bg, out, 1); break;
    case 2: cp_pnbd_palive(col(j->x), col(j->tx), col(j->T), j->n, j->pn, out, 1); break;
    case 3: cp_pnbd_purchases(horizon, col(j->x), col(j->tx), col(j->T), j->n, j->pn, out, 1); break;
    default:
        cp_clv(col(j->x), col(j->tx), col(j->T), col(j->m), j->n, j->bg, j->gg, 12, 0.01, 4.345,
               out, 1);
    }
}

static int load_cdnow(void)
{
    const char *path = CP_CDNOW_DIR "/cdnow_customers_summary_with_transactions.csv";
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        fprintf(stderr, "cannot open %s\n", path);
        return 0;
    }
    char header[128];
    int n = 0, id;
    if (fgets(header, sizeof header, f) != NULL)
        while (n < NCDNOW &&
               fscanf(f, "%d,%lf,%lf,%lf,%lf", &id, &cx[n], &ctx[n], &cT[n], &cm[n]) == 5)
            n++;
    fclose(f);
    return n == NCDNOW;
}

static void print_params(const char *label, const double *p, int np, double ll)
{
    printf("    %-10s", label);
    for (int k = 0; k < np; k++)
        printf(" %10.5g", p[k]);
    if (isnan(ll))
        printf("\n");
    else
        printf("   LL %.2f\n", ll);
}

int main(void)
{
    gsl_set_error_handler_off();
    if (!load_cdnow())
        return 1;

    printf("Fits on the CDNOW summary (2,357 customers, weeks), median of 7 runs:\n");
    static const char *names[3] = {"BGNBDFIT (BG/NBD)", "PARETONBDFIT (Pareto/NBD)",
                                   "GGFIT (gamma-gamma, 946 used)"};
    static const double targets[3] = {0.005, 0.050, 0.002};
    static const double lifetimes[3] = {0.041, 0.237, 0.019};
    static const double published[3][5] = {
        {0.2426, 4.414, 0.7929, 2.426, -9582.43},
        {0.553, 10.578, 0.606, 11.669, -9595.0},
        {6.25, 3.74, 15.44, 0, -4055.9},
    };
    double fitted[3][4];
    for (int mdl = 0; mdl < 3; mdl++) {
        fit_job j = {cx, ctx, cT, cm, NCDNOW, mdl, {0, 0, 0, 0}, 0, 0};
        double med = bench_time(run_fit, &j, 7);
        bench_report(names[mdl], "2357", med, targets[mdl]);
        printf("    CPU time (median of 7): %.3f ms\n", 1e3 * cpu_median(run_fit, &j, 7));
        printf("    lifetimes (Python) takes %.3f s: %.0fx faster here\n", lifetimes[mdl],
               lifetimes[mdl] / med);
        if (j.status != CP_OK) {
            printf("    status %d: %s\n", j.status, cp_strerror(j.status));
            continue;
        }
        int np = mdl == 2 ? 3 : 4;
        print_params("fitted", j.params, np, j.ll);
        print_params("published", published[mdl], np, published[mdl][4]);
        memcpy(fitted[mdl], j.params, sizeof j.params);
    }

    printf("\nPredictions for every CDNOW customer (median of 7 runs):\n");
    static const char *pnames[5] = {"BGNBDPALIVE", "BGNBDPURCHASES (t = 39 weeks)",
                                    "PARETONBDPALIVE", "PARETONBDPURCHASES (t = 39 weeks)",
                                    "CLV (12 months, weeks, 1%/month)"};
    for (int w = 0; w < 5; w++) {
        predict_job j = {cx, ctx, cT, cm, NCDNOW, w, fitted[0], fitted[1], fitted[2]};
        bench_report(pnames[w], "2357", bench_time(run_predict, &j, 7), 0);
    }

    /* The million: CDNOW-like parameters, times in whole days (in weeks). */
    static double bx[NBIG], btx[NBIG], bT[NBIG];
    const double truth[4] = {0.2426, 4.414, 0.7929, 2.426};
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 20261125);
    for (int i = 0; i < NBIG; i++) {
        int first_day = (int)gsl_rng_uniform_int(rng, 84); /* 12 weeks */
        double T = (273 - first_day) / 7.0;               /* to week 39 */
        double lambda = gsl_ran_gamma(rng, truth[0], 1.0 / truth[1]);
        double p = gsl_ran_beta(rng, truth[2], truth[3]);
        double t = 0.0, x = 0.0, tx = 0.0;
        for (;;) {
            t += gsl_ran_exponential(rng, 1.0 / lambda);
            if (t > T)
                break;
            x += 1.0;
            tx = t;
            if (gsl_rng_uniform(rng) < p)
                break;
        }
        bx[i] = x;
        /* the nearest whole day, as a ledger records it (flooring instead
         * would bias t_x by half a day and the estimates by 1-2%) */
        btx[i] = x > 0 ? fmin(T, round(tx * 7.0) / 7.0) : 0.0;
        bT[i] = T;
    }
    gsl_rng_free(rng);
    fit_job big = {bx, btx, bT, NULL, NBIG, 0, {0, 0, 0, 0}, 0, 0};
    printf("\nSynthetic book of 1,000,000 customers simulated from known BG/NBD parameters:\n");
    bench_report("BGNBDFIT", "1000000", bench_time(run_fit, &big, 3), 1.0);
    printf("    CPU time (median of 3): %.1f ms\n", 1e3 * cpu_median(run_fit, &big, 3));
    if (big.status == CP_OK) {
        printf("    %-10s %10s %10s %10s %10s\n", "", "r", "alpha", "a", "b");
        print_params("true", truth, 4, NAN);
        print_params("fitted", big.params, 4, big.ll);
        printf("    %-10s", "difference");
        for (int k = 0; k < 4; k++)
            printf(" %9.2f%%", 100.0 * (big.params[k] / truth[k] - 1.0));
        printf("   (sampling error of a and b at this size: about 1%%)\n");
    } else {
        printf("    status %d: %s\n", big.status, cp_strerror(big.status));
    }
    predict_job pj = {bx, btx, bT, NULL, NBIG, 1, truth, NULL, NULL};
    bench_report("BGNBDPURCHASES (t = 39 weeks)", "1000000", bench_time(run_predict, &pj, 3), 0);
    return 0;
}
