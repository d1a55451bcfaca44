/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench_toolkit.c - the pruning toolkit in the core at 10^3, 10^5 and 10^6
 * clients (median of 5 runs), against the target of 0.2 s per function at
 * a million clients.
 *
 * The book: scores with repeats (0..99.99 in steps of 0.01) and 1 in 1000
 * empty, revenue in whole money units with repeats, cost, 0/1 flags, three
 * cost drivers, profit = revenue - cost (some clients lose money).
 */
#include <math.h>

#include "bench.h"
#include "cp_profit.h"
#include "cp_prune.h"

typedef struct {
    size_t n;
    double *score, *revenue, *cost, *flags, *drivers, *profit, *out, *out2;
    int *cls;
} book;

static const double rates[3] = {45, 12, 80}, pools[3] = {300000, 120000, 50000};

static void run_set(void *p)
{
    book *b = p;
    cp_prune_set(b->score, 1, b->revenue, 1, b->n, 0.1, b->out, 1);
}

static void run_quadrant(void *p)
{
    book *b = p;
    cp_prune_quadrant(b->revenue, 1, b->score, 1, b->n, NULL, 0, NULL, 0, 0, b->cls, 1);
}

static void run_impact(void *p)
{
    book *b = p;
    double o[CP_IMPACT_COUNT];
    cp_prune_impact(b->revenue, 1, b->cost, 1, b->flags, 1, b->n, 0.5, o);
}

static void run_cost_to_serve(void *p)
{
    book *b = p;
    cp_table t = {b->drivers, b->n, 3, 3};
    cp_profit_cost_to_serve(&t, rates, 1, b->out, 1);
}

static void run_allocate(void *p)
{
    book *b = p;
    cp_table t = {b->drivers, b->n, 3, 3};
    cp_profit_allocate(&t, pools, 1, b->out, 1);
}

static void run_whale_curve(void *p)
{
    book *b = p;
    cp_profit_whale_curve(b->profit, 1, b->n, b->out, 1, b->out2, 1);
}

static void run_whale_peak(void *p)
{
    book *b = p;
    double peak, share;
    cp_profit_whale_peak(b->profit, 1, b->n, &peak, &share);
}

static void run_abc(void *p)
{
    book *b = p;
    cp_profit_abc(b->revenue, 1, b->n, NULL, 0, 0, 0.8, 0.95, b->cls, 1);
}

static cp_concentration measure;

static void run_concentration(void *p)
{
    book *b = p;
    double r;
    cp_profit_concentration(b->revenue, 1, b->n, measure, &r);
}

int main(void)
{
    const size_t sizes[] = {1000, 100000, 1000000};
    const double target = 0.2; /* seconds at a million clients */
    static const struct {
        const char *what;
        void (*fn)(void *);
    } jobs[] = {
        {"cp_prune_set (PRUNESET)", run_set},
        {"cp_prune_quadrant (CLIENTQUADRANT)", run_quadrant},
        {"cp_prune_impact (PRUNEIMPACT)", run_impact},
        {"cp_profit_cost_to_serve (3 drivers)", run_cost_to_serve},
        {"cp_profit_allocate (3 pools)", run_allocate},
        {"cp_profit_whale_curve (WHALECURVE)", run_whale_curve},
        {"cp_profit_whale_peak (WHALEPEAK)", run_whale_peak},
        {"cp_profit_abc (ABCCLASS)", run_abc},
    };
    static const char *measures[] = {"hhi", "top1", "top5", "gini"};
    unsigned int x = 1;
    printf("Target: every function under %.0f ms at 1,000,000 clients.\n", 1e3 * target);
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        book b;
        size_t n = b.n = sizes[k];
        b.score = malloc(n * sizeof *b.score);
        b.revenue = malloc(n * sizeof *b.revenue);
        b.cost = malloc(n * sizeof *b.cost);
        b.flags = malloc(n * sizeof *b.flags);
        b.profit = malloc(n * sizeof *b.profit);
        b.drivers = malloc(3 * n * sizeof *b.drivers);
        b.out = malloc(n * sizeof *b.out);
        b.out2 = malloc(n * sizeof *b.out2);
        b.cls = malloc(n * sizeof *b.cls);
        if (!b.score || !b.revenue || !b.cost || !b.flags || !b.profit || !b.drivers || !b.out ||
            !b.out2 || !b.cls) {
            fprintf(stderr, "out of memory\n");
            return 1;
        }
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            b.score[i] = (x >> 8) % 1000 == 0 ? NAN : (double)((x >> 8) % 10000) / 100.0;
            x = x * 1103515245u + 12345u;
            b.revenue[i] = (double)((x >> 8) % 50000);
            x = x * 1103515245u + 12345u;
            b.cost[i] = (double)((x >> 8) % 40000) + 0.5;
            b.flags[i] = (double)((x >> 4) % 2);
            b.profit[i] = b.revenue[i] - b.cost[i];
            for (int j = 0; j < 3; j++) {
                x = x * 1103515245u + 12345u;
                b.drivers[3 * i + j] = (double)((x >> 8) % 200) / 4.0;
            }
        }
        char size[32];
        snprintf(size, sizeof size, "%zu clients", n);
        const double t = n == 1000000 ? target : 0;
        for (size_t j = 0; j < sizeof jobs / sizeof jobs[0]; j++)
            bench_report(jobs[j].what, size, bench_time(jobs[j].fn, &b, 5), t);
        for (int m = 0; m < 4; m++) {
            char what[64];
            measure = (cp_concentration)m;
            snprintf(what, sizeof what, "cp_profit_concentration (%s)", measures[m]);
            bench_report(what, size, bench_time(run_concentration, &b, 5), t);
        }
        free(b.score);
        free(b.revenue);
        free(b.cost);
        free(b.flags);
        free(b.profit);
        free(b.drivers);
        free(b.out);
        free(b.out2);
        free(b.cls);
    }
    return 0;
}
