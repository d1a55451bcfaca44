/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench_rfm.c - RFMTABLE over 10^4..10^6 synthetic ledger lines (target:
 * 10^6 lines in under 1 s) and RFMSCORE over the customers it finds
 * (median of 5 runs).
 *
 * The ledger: lines in date order over three years (serials 44927 to
 * 46022, 2023-2025, with a time of day), customer ids drawn so that a few
 * customers buy often and most rarely, 2% blank amounts, 1% refunds.
 */
#include <math.h>

#include "bench.h"
#include "cp_rfm.h"

typedef struct {
    const double *key, *date, *amount;
    size_t n;
    double *out;
    size_t customers;
    double *scores, *code;
} job;

static void run_table(void *p)
{
    job *j = p;
    cp_rfm_table(j->key, 1, j->date, 1, j->amount, 1, j->n, NAN, 1.0, j->out, CP_RFM_COLS, NULL,
                 &j->customers);
}

static void run_score(void *p)
{
    job *j = p;
    cp_table t = {j->scores, j->customers, 3, 3};
    cp_rfm_score(&t, NULL, 5, j->code, 1);
}

int main(void)
{
    const size_t sizes[] = {10000, 100000, 1000000};
    unsigned int x = 2026;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        const size_t n = sizes[s], pool = n / 10;
        double *key = malloc(n * sizeof *key), *date = malloc(n * sizeof *date),
               *amount = malloc(n * sizeof *amount), *out = malloc(n * CP_RFM_COLS * sizeof *out),
               *scores = malloc(n * 3 * sizeof *scores), *code = malloc(n * sizeof *code);
        if (!key || !date || !amount || !out || !scores || !code)
            return 1;
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            double u = (double)(x >> 8) / 16777216.0;
            key[i] = floor((double)pool * u * u * u); /* skewed: low ids buy often */
            date[i] = 44927.0 + 1095.0 * (double)i / (double)n + 0.01 * (double)(i % 97);
            x = x * 1103515245u + 12345u;
            unsigned int r = (x >> 8) % 100;
            amount[i] = r < 2 ? NAN : (r < 3 ? -25.0 : 5.0 + (double)((x >> 12) % 50000) / 100.0);
        }
        job j = {key, date, amount, n, out, 0, scores, code};
        char size[32];
        snprintf(size, sizeof size, "%zu lines", n);
        bench_report("cp_rfm_table (period_days 1)", size, bench_time(run_table, &j, 5),
                     n == 1000000 ? 1.0 : 0);
        for (size_t c = 0; c < j.customers; c++) {
            const double *row = out + c * CP_RFM_COLS;
            scores[3 * c + CP_RFM_DAYS_SINCE_LAST] = row[CP_RFM_T] - row[CP_RFM_RECENCY];
            scores[3 * c + CP_RFM_SCORE_FREQUENCY] = row[CP_RFM_FREQUENCY];
            scores[3 * c + CP_RFM_SCORE_MONETARY] = row[CP_RFM_MONETARY];
        }
        snprintf(size, sizeof size, "%zu customers", j.customers);
        bench_report("cp_rfm_score (bins 5)", size, bench_time(run_score, &j, 5), 0);
        free(key);
        free(date);
        free(amount);
        free(out);
        free(scores);
        free(code);
    }
    return 0;
}
