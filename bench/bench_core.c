/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench_core.c - every catalog function in the core, at 10^3, 10^5 and
 * 10^6 clients: median time, growth exponent beside the expected class,
 * and peak heap memory of one call.  Figures only; never a test.
 *
 *   build/bench/bench_core            (./clientprune.sh bench runs it)
 *   build/bench/bench_core SUBSTRING  only the functions whose name holds it
 *
 * One line of CASES per function and variant: adding a function (the
 * models module, say) is one X(...) line with its call on the book below.
 *
 * Timing: one call first (it also gives the peak memory).  If that took
 * 1 s or more, two more calls follow and the median of the three is
 * printed; otherwise the median of 5 runs, each run repeating the call
 * enough times to last about 5 ms (the time per call is printed).
 *
 * Memory: heap.c counts every malloc of the core and of GSL; the figure
 * is the most bytes in use during the call above what was in use before
 * it (the inputs and output arrays the book already holds are not
 * counted).
 */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "bench.h"
#include "cp_health.h"
#include "cp_models.h"
#include "cp_profit.h"
#include "cp_prune.h"
#include "cp_rfm.h"
#include "cp_score.h"
#include "heap.h"

/* ---- the book: every input a function of the catalog takes, n rows ---- */

typedef struct {
    size_t n;
    cp_table crit;    /* n x 5 criteria, 1 cell in 1000 blank (NaN) */
    cp_table dense;   /* n x 5 criteria around 6 centres, no blank */
    cp_table drivers; /* n x 3 cost drivers */
    cp_table rfm;     /* n x 3: days since last purchase, frequency, monetary */
    cp_table one;     /* the first client of crit (row mode) */
    double *score;    /* 0..99.99 in steps of 0.01, 1 in 1000 empty */
    double *revenue, *cost, *flags, *profit, *p_alive;
    double *code;                    /* RFM codes 111..555 */
    double *key, *date, *amount;     /* n ledger lines, customers skewed */
    double *frequency, *recency, *T; /* customer-base columns for models */
    double *monetary, horizon;       /* mean repeat spend; 52 weeks ahead */
    double *series;                  /* a noisy declining series (CANARY) */
    double *out, *out2, *rfm_out;
    int *cls;
    double six[8];
    size_t customers;
    cp_canary_result canary;
} book;

static const double W[5] = {3, 1, 1, 2, 2}, D[5] = {1, -1, -1, -1, 1};
static const double IDEAL[5] = {50, 10, 30, 20, 40};
static const double RATES[3] = {45, 12, 80}, POOLS[3] = {300000, 120000, 50000};

static unsigned int lcg = 1;

static double uniform(void)
{
    lcg = lcg * 1103515245u + 12345u;
    return (double)(lcg >> 8) / 16777216.0;
}

static double *room(size_t n)
{
    double *p = calloc(n ? n : 1, sizeof *p);
    if (!p) {
        fprintf(stderr, "bench_core: out of memory\n");
        exit(1);
    }
    return p;
}

/* One customer of the BG/NBD process with the CDNOW parameters (r 0.24,
 * alpha 4.4, a 0.79, b 2.4) over T weeks: x repeat purchases, the last at
 * t_x, rounded down to whole days. */
static void simulate_customer(gsl_rng *rng, double T, double *x, double *tx)
{
    const double lambda = gsl_ran_gamma(rng, 0.2426, 1.0 / 4.414);
    const double p = gsl_ran_beta(rng, 0.7929, 2.426);
    double t = 0.0;
    *x = 0.0, *tx = 0.0;
    while (*x < 10000.0) {
        t += gsl_ran_exponential(rng, 1.0 / lambda);
        if (!(t <= T))
            break;
        *x += 1.0, *tx = floor(7.0 * t) / 7.0;
        if (gsl_rng_uniform(rng) < p)
            break;
    }
}

static void book_make(book *b, size_t n)
{
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2);
    if (!rng)
        exit(1);
    gsl_rng_set(rng, 7);
    memset(b, 0, sizeof *b);
    b->n = n;
    double *crit = room(5 * n), *dense = room(5 * n), *drivers = room(3 * n), *rfm = room(3 * n);
    b->score = room(n), b->revenue = room(n), b->cost = room(n), b->flags = room(n);
    b->profit = room(n), b->p_alive = room(n), b->code = room(n);
    b->key = room(n), b->date = room(n), b->amount = room(n);
    b->frequency = room(n), b->recency = room(n), b->T = room(n), b->series = room(n);
    b->monetary = room(n);
    b->horizon = 52.0;
    b->out = room(n), b->out2 = room(n), b->rfm_out = room(n * CP_RFM_COLS);
    b->cls = calloc(n, sizeof *b->cls);
    if (!b->cls)
        exit(1);
    const size_t pool = n / 10 ? n / 10 : 1;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < 5; j++)
            crit[5 * i + j] = uniform() < 0.001 ? NAN : floor(100000.0 * uniform()) / 7.0;
        const size_t centre = (size_t)(6.0 * uniform());
        for (size_t j = 0; j < 5; j++)
            dense[5 * i + j] = 10.0 * (double)((centre * 7 + j * 3) % 6) + 4.0 * (uniform() + uniform() - 1.0);
        for (size_t j = 0; j < 3; j++)
            drivers[3 * i + j] = floor(200.0 * uniform()) / 4.0;
        b->score[i] = uniform() < 0.001 ? NAN : floor(10000.0 * uniform()) / 100.0;
        b->revenue[i] = floor(50000.0 * uniform());
        b->cost[i] = floor(40000.0 * uniform()) + 0.5;
        b->flags[i] = uniform() < 0.5 ? 0.0 : 1.0;
        b->profit[i] = b->revenue[i] - b->cost[i];
        b->p_alive[i] = uniform();
        b->code[i] = 100.0 * (1 + floor(5 * uniform())) + 10.0 * (1 + floor(5 * uniform())) +
                     (1 + floor(5 * uniform()));
        /* customer-base columns in weeks, simulated from the BG/NBD process
         * (so that the fits have an interior maximum), times in whole days */
        b->T[i] = 1.0 + floor(77.0 * uniform());
        simulate_customer(rng, b->T[i], &b->frequency[i], &b->recency[i]);
        b->monetary[i] = b->frequency[i] > 0 ? 5.0 + floor(20000.0 * uniform()) / 100.0 : 0.0;
        rfm[3 * i + CP_RFM_DAYS_SINCE_LAST] = 7.0 * (b->T[i] - b->recency[i]);
        rfm[3 * i + CP_RFM_SCORE_FREQUENCY] = b->frequency[i];
        rfm[3 * i + CP_RFM_SCORE_MONETARY] = 5.0 + floor(50000.0 * uniform()) / 100.0;
        /* ledger over three years in date order, a few customers buy often */
        const double u = uniform();
        b->key[i] = floor((double)pool * u * u * u);
        b->date[i] = 44927.0 + 1095.0 * (double)i / (double)n + 0.01 * (double)(i % 97);
        const double r = uniform();
        b->amount[i] = r < 0.02 ? NAN : (r < 0.03 ? -25.0 : 5.0 + floor(50000.0 * uniform()) / 100.0);
        b->series[i] = 1000.0 - 10.0 * (double)i / (double)n + 50.0 * uniform();
    }
    gsl_rng_free(rng);
    b->crit = (cp_table){crit, n, 5, 5};
    b->dense = (cp_table){dense, n, 5, 5};
    b->drivers = (cp_table){drivers, n, 3, 3};
    b->rfm = (cp_table){rfm, n, 3, 3};
    b->one = (cp_table){crit, 1, 5, 5};
}

static void book_free(book *b)
{
    free((void *)b->crit.data), free((void *)b->dense.data);
    free((void *)b->drivers.data), free((void *)b->rfm.data);
    double *arrays[] = {b->score, b->revenue, b->cost, b->flags, b->profit, b->p_alive,
                        b->code, b->key, b->date, b->amount, b->frequency, b->recency,
                        b->T, b->series, b->monetary, b->out, b->out2, b->rfm_out};
    for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++)
        free(arrays[i]);
    free(b->cls);
}

/* RFMSEGMENT maps one code per call; the glue calls it once per client. */
static int segment_column(const double code[], size_t n)
{
    const char *name;
    for (size_t i = 0; i < n; i++) {
        int status = cp_rfm_segment(code[i], &name);
        if (status != CP_OK)
            return status;
    }
    return CP_OK;
}

/* ---- what is measured ---- */

/* Sizes: CLIENTS is 10^3, 10^5, 10^6; CANARY stops at the catalog's
 * 20,000 points (CP_CANARY_MAX_POINTS). */
enum { CLIENTS, CANARY_POINTS };
static const size_t SIZES[][3] = {{1000, 100000, 1000000}, {1000, 10000, CP_CANARY_MAX_POINTS}};

/* Expected growth class. */
enum { N, N_LOG_N, N2 };
static const char *const CLASS_NAME[] = {"n", "n log n", "n^2"};

/* X(id, function, variant, sizes, class, target in s at the largest size
 * (0: none; which issue set it is in the comment), the call on book *b) */
#define CASES(X)                                                                                   \
    X(score_minmax, "CLIENTSCORE", "minmax", CLIENTS, N, 0,                                        \
      cp_score_clients(&b->crit, NULL, W, 1, D, 1, CP_METHOD_MINMAX, b->out, 1))                   \
    X(score_pct, "CLIENTSCORE", "percentile", CLIENTS, N_LOG_N, 0,                                 \
      cp_score_clients(&b->crit, NULL, W, 1, D, 1, CP_METHOD_PERCENTILE, b->out, 1))               \
    X(score_z, "CLIENTSCORE", "zscore", CLIENTS, N, 0,                                             \
      cp_score_clients(&b->crit, NULL, W, 1, D, 1, CP_METHOD_ZSCORE, b->out, 1))                   \
    X(score_row, "CLIENTSCORE", "row mode: 1 vs n (pct)", CLIENTS, N, 0,                           \
      cp_score_clients(&b->one, &b->crit, W, 1, D, 1, CP_METHOD_PERCENTILE, b->out, 1))            \
    X(rank, "PRUNERANK", "with revenue", CLIENTS, N_LOG_N, 0,                                      \
      cp_prune_rank(b->score, 1, b->revenue, 1, b->n, NULL, 0, NULL, 0, 0, b->out, 1))             \
    /* issue 9: every toolkit function under 0.2 s at 10^6 clients */                              \
    X(set, "PRUNESET", "loss 10%", CLIENTS, N_LOG_N, 0.2,                                          \
      cp_prune_set(b->score, 1, b->revenue, 1, b->n, 0.1, b->out, 1))                              \
    X(quadrant, "CLIENTQUADRANT", "", CLIENTS, N, 0.2,                                             \
      cp_prune_quadrant(b->revenue, 1, b->score, 1, b->n, NULL, 0, NULL, 0, 0, b->cls, 1))         \
    X(impact, "PRUNEIMPACT", "redeploy 0.5", CLIENTS, N, 0.2,                                      \
      cp_prune_impact(b->revenue, 1, b->cost, 1, b->flags, 1, b->n, 0.5, b->six))                  \
    X(cts, "COSTTOSERVE", "3 drivers", CLIENTS, N, 0.2,                                            \
      cp_profit_cost_to_serve(&b->drivers, RATES, 1, b->out, 1))                                   \
    X(allocate, "COSTALLOCATE", "3 pools", CLIENTS, N, 0.2,                                        \
      cp_profit_allocate(&b->drivers, POOLS, 1, b->out, 1))                                        \
    X(whale, "WHALECURVE", "", CLIENTS, N_LOG_N, 0.2,                                              \
      cp_profit_whale_curve(b->profit, 1, b->n, b->out, 1, b->out2, 1))                            \
    X(peak, "WHALEPEAK", "", CLIENTS, N_LOG_N, 0.2,                                                \
      cp_profit_whale_peak(b->profit, 1, b->n, &b->six[0], &b->six[1]))                            \
    X(abc, "ABCCLASS", "", CLIENTS, N_LOG_N, 0.2,                                                  \
      cp_profit_abc(b->revenue, 1, b->n, NULL, 0, 0, 0.8, 0.95, b->cls, 1))                        \
    X(hhi, "CONCENTRATION", "hhi", CLIENTS, N, 0.2,                                                \
      cp_profit_concentration(b->revenue, 1, b->n, CP_CONCENTRATION_HHI, b->six))                  \
    X(top1, "CONCENTRATION", "top1", CLIENTS, N, 0.2,                                              \
      cp_profit_concentration(b->revenue, 1, b->n, CP_CONCENTRATION_TOP1, b->six))                 \
    X(top5, "CONCENTRATION", "top5", CLIENTS, N, 0.2,                                              \
      cp_profit_concentration(b->revenue, 1, b->n, CP_CONCENTRATION_TOP5, b->six))                 \
    X(gini, "CONCENTRATION", "gini", CLIENTS, N_LOG_N, 0.2,                                        \
      cp_profit_concentration(b->revenue, 1, b->n, CP_CONCENTRATION_GINI, b->six))                 \
    /* issue 8: RFMTABLE over 10^6 ledger lines under 1 s */                                       \
    X(rfmtable, "RFMTABLE", "n ledger lines", CLIENTS, N_LOG_N, 1.0,                               \
      cp_rfm_table(b->key, 1, b->date, 1, b->amount, 1, b->n, NAN, 1.0, b->rfm_out, CP_RFM_COLS,   \
                   NULL, &b->customers))                                                           \
    X(rfmscore, "RFMSCORE", "bins 5", CLIENTS, N_LOG_N, 0,                                         \
      cp_rfm_score(&b->rfm, NULL, 5, b->out, 1))                                                   \
    X(rfmsegment, "RFMSEGMENT", "", CLIENTS, N, 0, segment_column(b->code, b->n))                  \
    X(canary, "CANARY", "", CANARY_POINTS, N2, 0,                                                  \
      cp_health_canary(b->series, 1, NULL, 0, b->n, 0.05, &b->canary))                             \
    X(idealfit, "IDEALFIT", "n x 5 vs n x 5", CLIENTS, N, 0,                                       \
      cp_health_idealfit(&b->dense, IDEAL, 1, &b->dense, W, 1, b->out, 1))                         \
    X(risk, "REVENUEATRISK", "100 sims", CLIENTS, N, 0,                                            \
      cp_health_revenue_at_risk(b->revenue, 1, b->p_alive, 1, b->n, 0.95, 100, 1, b->six))         \
    X(stability, "PRUNESTABILITY", "100 sims", CLIENTS, N, 0,                                      \
      cp_health_prune_stability(&b->crit, W, 1, D, 1, b->n / 10, 0.2, 100, 1, b->out, 1))          \
    X(segments, "SEGMENTS", "k = 6", CLIENTS, N, 0, cp_health_segments(&b->dense, 6, 1, b->out, 1)) \
    /* issue 3: the fits' own targets are in bench_models (CDNOW, 10^6 simulated) */               \
    X(bg_fit, "BGNBDFIT", "", CLIENTS, N_LOG_N, 0,                                                 \
      cp_bgnbd_fit(COL(frequency), COL(recency), COL(T), NOCOL, b->n, b->six, &b->six[5]))         \
    X(bg_palive, "BGNBDPALIVE", "", CLIENTS, N, 0,                                                 \
      cp_bgnbd_palive(COL(frequency), COL(recency), COL(T), b->n, BG, b->out, 1))                  \
    X(bg_purchases, "BGNBDPURCHASES", "52 weeks", CLIENTS, N, 0,                                   \
      cp_bgnbd_purchases(ONE(horizon), COL(frequency), COL(recency), COL(T), b->n, BG, b->out, 1)) \
    X(pnbd_fit, "PARETONBDFIT", "", CLIENTS, N_LOG_N, 0,                                           \
      cp_pnbd_fit(COL(frequency), COL(recency), COL(T), NOCOL, b->n, b->six, &b->six[5]))          \
    X(pnbd_palive, "PARETONBDPALIVE", "", CLIENTS, N, 0,                                           \
      cp_pnbd_palive(COL(frequency), COL(recency), COL(T), b->n, PNBD, b->out, 1))                 \
    X(pnbd_purchases, "PARETONBDPURCHASES", "52 weeks", CLIENTS, N, 0,                             \
      cp_pnbd_purchases(ONE(horizon), COL(frequency), COL(recency), COL(T), b->n, PNBD, b->out,    \
                        1))                                                                        \
    X(gg_fit, "GGFIT", "", CLIENTS, N_LOG_N, 0,                                                    \
      cp_gg_fit(COL(frequency), COL(monetary), NOCOL, b->n, b->six, &b->six[5], NULL))             \
    X(gg_spend, "GGSPEND", "", CLIENTS, N, 0,                                                      \
      cp_gg_spend(COL(frequency), COL(monetary), b->n, GG, b->out, 1))                             \
    X(clv, "CLV", "24 months", CLIENTS, N, 0,                                                      \
      cp_clv(COL(frequency), COL(recency), COL(T), COL(monetary), b->n, BG, GG, 24, 0.01, 4.345,   \
             b->out, 1))

/* The models' columns (weeks) and parameters near the CDNOW fits. */
#define COL(field) ((cp_column){b->field, 1})
#define ONE(field) ((cp_column){&b->field, 0})
#define NOCOL ((cp_column){NULL, 0})
static const double BG[4] = {0.2426, 4.414, 0.7929, 2.426};
static const double PNBD[4] = {0.553, 10.578, 0.606, 11.669};
static const double GG[3] = {6.25, 3.74, 15.44};

/* The targets of issue 4, at their own sizes: X(id, function, what, n,
 * target in s (0: none), call). */
#define TARGETS(X)                                                                                 \
    X(t_stability, "PRUNESTABILITY", "1,000 sims, 10,000 clients x 5", 10000, 1.0,                 \
      cp_health_prune_stability(&b->crit, W, 1, D, 1, b->n / 10, 0.2, 1000, 1, b->out, 1))         \
    X(t_risk, "REVENUEATRISK", "10,000 sims, 10,000 clients", 10000, 1.0,                          \
      cp_health_revenue_at_risk(b->revenue, 1, b->p_alive, 1, b->n, 0.95, 10000, 1, b->six))       \
    X(t_segments, "SEGMENTS", "k = 6, 100,000 clients x 5", 100000, 1.0,                           \
      cp_health_segments(&b->dense, 6, 1, b->out, 1))                                              \
    X(t_canary, "CANARY", "10,000 points (O(n^2) slope allowed)", 10000, 0,                        \
      cp_health_canary(b->series, 1, NULL, 0, b->n, 0.05, &b->canary))

#define RUNNER(id, fn, variant, sizes, cls, target, call)                                          \
    static int run_##id(book *b) { return (call); }
CASES(RUNNER)
#undef RUNNER
#define TARGET_RUNNER(id, fn, what, n, target, call)                                               \
    static int run_##id(book *b) { return (call); }
TARGETS(TARGET_RUNNER)
#undef TARGET_RUNNER

typedef struct {
    const char *function, *variant;
    int sizes, cls;
    double target;
    int (*run)(book *);
    /* results per size */
    double secs[3];
    size_t heap[3];
    int status[3];
} bench_case;

static bench_case cases[] = {
#define ENTRY(id, fn, variant, sizes, cls, target, call) {fn, variant, sizes, cls, target, run_##id, {0}, {0}, {0}},
    CASES(ENTRY)
#undef ENTRY
};

typedef struct {
    const char *function, *what;
    size_t n;
    double target;
    int (*run)(book *);
    double secs;
    int status;
} bench_target;

static bench_target targets[] = {
#define TARGET_ENTRY(id, fn, what, n, target, call) {fn, what, n, target, run_##id, 0, 0},
    TARGETS(TARGET_ENTRY)
#undef TARGET_ENTRY
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int bench_cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Median seconds per call of run(b); *heap gets the first call's peak. */
static double measure(int (*run)(book *), book *b, size_t *heap, int *status)
{
    heap_mark();
    double t0 = bench_now();
    *status = run(b);
    double first = bench_now() - t0;
    *heap = heap_peak();
    if (*status != CP_OK)
        return NAN;
    double secs[5];
    if (first >= 1.0) {
        secs[0] = first;
        for (int r = 1; r < 3; r++) {
            t0 = bench_now();
            run(b);
            secs[r] = bench_now() - t0;
        }
        return bench_median(secs, 3);
    }
    long reps = first > 0 ? (long)ceil(0.005 / first) : 10000;
    if (reps < 1)
        reps = 1;
    if (reps > 10000)
        reps = 10000;
    for (int r = 0; r < 5; r++) {
        t0 = bench_now();
        for (long k = 0; k < reps; k++)
            run(b);
        secs[r] = (bench_now() - t0) / (double)reps;
    }
    return bench_median(secs, 5);
}

/* ---- the report ---- */

static void machine(void)
{
    char model[256] = "unknown", line[512];
    double load[3] = {0, 0, 0};
    long mem_kb = 0;
    FILE *f = fopen("/proc/cpuinfo", "r");
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "model name", 10) == 0) {
            char *p = strchr(line, ':');
            if (p) {
                snprintf(model, sizeof model, "%s", p + 2);
                model[strcspn(model, "\n")] = '\0';
            }
            break;
        }
    if (f)
        fclose(f);
    if ((f = fopen("/proc/meminfo", "r"))) {
        while (fgets(line, sizeof line, f))
            if (sscanf(line, "MemTotal: %ld kB", &mem_kb) == 1)
                break;
        fclose(f);
    }
    if ((f = fopen("/proc/loadavg", "r"))) {
        if (fscanf(f, "%lf %lf %lf", &load[0], &load[1], &load[2]) != 3)
            load[0] = load[1] = load[2] = -1;
        fclose(f);
    }
    struct utsname u;
    uname(&u);
    time_t now = time(NULL);
    char date[64];
    strftime(date, sizeof date, "%Y-%m-%d %H:%M %Z", localtime(&now));
    printf("Machine: %ld cores, %s, %.1f GB memory; %s %s; load average %.2f %.2f %.2f; %s\n",
           sysconf(_SC_NPROCESSORS_ONLN), model, (double)mem_kb / 1048576.0, u.sysname, u.release,
           load[0], load[1], load[2], date);
    printf("Compiler: gcc %s, core built with the project's flags, benchmark -O2\n", __VERSION__);
}

static const char *ms(double secs, char *buf, size_t len)
{
    if (isnan(secs))
        snprintf(buf, len, "%11s", "-");
    else if (secs < 1e-3)
        snprintf(buf, len, "%8.1f us", 1e6 * secs);
    else if (secs < 1.0)
        snprintf(buf, len, "%8.2f ms", 1e3 * secs);
    else
        snprintf(buf, len, "%8.3f s ", secs);
    return buf;
}

static const char *bytes(size_t b, char *buf, size_t len)
{
    if (b < 1024)
        snprintf(buf, len, "%6zu B ", b);
    else if (b < 1048576)
        snprintf(buf, len, "%6.1f KB", (double)b / 1024.0);
    else
        snprintf(buf, len, "%6.1f MB", (double)b / 1048576.0);
    return buf;
}

static double expected_exponent(int cls, double n2, double n3)
{
    switch (cls) {
    case N_LOG_N: return 1.0 + log(log(n3) / log(n2)) / log(n3 / n2);
    case N2: return 2.0;
    default: return 1.0;
    }
}

static void report(void)
{
    char a[32], b2[32], c[32], h[32];
    printf("\n%-40s %11s %11s %11s  %-22s %10s  %s\n", "function (variant)", "10^3", "10^5",
           "10^6", "growth 10^5->10^6", "peak heap", "target at 10^6");
    for (size_t k = 0; k < COUNT(cases); k++) {
        const bench_case *bc = &cases[k];
        char name[64];
        snprintf(name, sizeof name, "%s%s%s%s%s", bc->function, *bc->variant ? " (" : "",
                 bc->variant, *bc->variant ? ")" : "", bc->sizes == CANARY_POINTS ? " *" : "");
        if (isnan(bc->secs[2]) && !bc->status[2])
            continue; /* left out by the command line */
        int failed = bc->status[0] || bc->status[1] || bc->status[2];
        if (failed) {
            for (int s = 0; s < 3; s++)
                if (bc->status[s])
                    printf("%-40s size %zu: %s\n", name, SIZES[bc->sizes][s], cp_strerror(bc->status[s]));
            continue;
        }
        const double n2 = (double)SIZES[bc->sizes][1], n3 = (double)SIZES[bc->sizes][2];
        const double growth = log(bc->secs[2] / bc->secs[1]) / log(n3 / n2);
        char grow[48], target[48] = "";
        snprintf(grow, sizeof grow, "n^%.2f (%s: %.2f)", growth, CLASS_NAME[bc->cls],
                 expected_exponent(bc->cls, n2, n3));
        if (bc->target > 0)
            snprintf(target, sizeof target, "< %.0f ms: %s", 1e3 * bc->target,
                     bc->secs[2] < bc->target ? "met" : "MISSED");
        printf("%-40s %s %s %s  %-22s %s  %s\n", name, ms(bc->secs[0], a, sizeof a),
               ms(bc->secs[1], b2, sizeof b2), ms(bc->secs[2], c, sizeof c), grow,
               bytes(bc->heap[2], h, sizeof h), target);
    }
    printf("* CANARY at 10^3, 10^4 and 2 x 10^4 points: the catalog takes at most %d points\n"
           "  (its Theil-Sen slope visits every pair); the growth is between the last two.\n",
           CP_CANARY_MAX_POINTS);
    printf("Growth: the exponent e with time ~ n^e between the two largest sizes, beside the\n"
           "exponent the expected class gives over the same sizes.  Peak heap: at the largest size.\n"
           "Simulations (REVENUEATRISK, PRUNESTABILITY) grow as n x sims; SEGMENTS as n x k x\n"
           "passes x 10 starts; IDEALFIT as n x criteria^2.\n");

    printf("\nTargets of issue 4 (median as above):\n");
    for (size_t k = 0; k < COUNT(targets); k++) {
        const bench_target *t = &targets[k];
        if (t->status) {
            printf("  %-16s %-40s %s\n", t->function, t->what, cp_strerror(t->status));
            continue;
        }
        char target[48] = "no target";
        if (t->target > 0)
            snprintf(target, sizeof target, "target < %.0f ms: %s", 1e3 * t->target,
                     t->secs < t->target ? "met" : "MISSED");
        printf("  %-16s %-40s %s   %s\n", t->function, t->what, ms(t->secs, a, sizeof a), target);
    }
}

static int size_index(const bench_case *bc, size_t n)
{
    for (int s = 0; s < 3; s++)
        if (SIZES[bc->sizes][s] == n)
            return s;
    return -1;
}

int main(int argc, char **argv)
{
    const char *only = argc > 1 ? argv[1] : NULL;
    machine();
    printf("Core functions on generated books (see bench_core.c); median of 5 runs, 3 when a call\n"
           "takes 1 s or more; peak heap counted by a malloc wrapper (core + GSL allocations).\n");
    fflush(stdout);
    /* Every size any case or target needs, ascending. */
    size_t all[16], count = 0;
    for (size_t k = 0; k < COUNT(SIZES); k++)
        for (int s = 0; s < 3; s++)
            all[count++] = SIZES[k][s];
    for (size_t k = 0; k < COUNT(targets); k++)
        all[count++] = targets[k].n;
    qsort(all, count, sizeof all[0], bench_cmp_size);
    for (size_t i = 0; i < count; i++) {
        if (i > 0 && all[i] == all[i - 1])
            continue;
        const size_t n = all[i];
        book b;
        book_make(&b, n);
        fprintf(stderr, "bench_core: %zu clients...\n", n);
        for (size_t k = 0; k < COUNT(cases); k++) {
            int s = size_index(&cases[k], n);
            if (s < 0)
                continue;
            if (only && !strstr(cases[k].function, only)) {
                cases[k].status[s] = CP_OK;
                cases[k].secs[s] = NAN;
                continue;
            }
            cases[k].secs[s] = measure(cases[k].run, &b, &cases[k].heap[s], &cases[k].status[s]);
        }
        for (size_t k = 0; k < COUNT(targets); k++)
            if (targets[k].n == n && (!only || strstr(targets[k].function, only))) {
                size_t heap;
                targets[k].secs = measure(targets[k].run, &b, &heap, &targets[k].status);
            }
        book_free(&b);
    }
    report();
    double load[3];
    FILE *f = fopen("/proc/loadavg", "r");
    if (f && fscanf(f, "%lf %lf %lf", &load[0], &load[1], &load[2]) == 3)
        printf("Load average at the end: %.2f %.2f %.2f\n", load[0], load[1], load[2]);
    if (f)
        fclose(f);
    return 0;
}
