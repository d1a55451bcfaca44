/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_health_prune_stability (PRUNESTABILITY).  A share
 * is a whole number of simulations over sims, 0..1, and empty exactly
 * where CLIENTSCORE (minmax) is empty; the shares add up to at least
 * prune_count (ties at the boundary all count); with prune_count 0 every
 * share is 0. */
#include "cp_health.h"
#include "cp_score.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    size_t rows = fz_size(&f, 20), cols = fz_size(&f, 4);
    size_t count = fz_size(&f, 22);
    double jitter = fz_share(&f);
    size_t sims = 100 + fz_size(&f, 100);
    unsigned long seed = fz_byte(&f);
    int dirs = fz_byte(&f) & 1;
    double *c = fz_values(&f, rows * cols), *w = fz_values(&f, cols), *d = fz_values(&f, cols);
    for (size_t j = 0; j < cols; j++)
        if (fz_byte(&f) < 240)
            d[j] = (d[j] < 0.0) ? -1.0 : 1.0;
    double *share = fz_values(&f, rows), *score = fz_values(&f, rows);
    cp_table t = {c, rows, cols, cols};
    int status = cp_health_prune_stability(&t, w, 1, dirs ? d : NULL, 1, count, jitter, sims, seed,
                                           share, 1);
    if (status == CP_OK) {
        CP_FUZZ_CHECK(cp_score_clients(&t, NULL, w, 1, dirs ? d : NULL, 1, CP_METHOD_MINMAX, score,
                                       1) == CP_OK);
        double total = 0.0;
        for (size_t i = 0; i < rows; i++) {
            CP_FUZZ_CHECK(isnan(share[i]) == isnan(score[i]));
            if (isnan(share[i]))
                continue;
            double hits = share[i] * (double)sims;
            CP_FUZZ_CHECK(share[i] >= 0.0 && share[i] <= 1.0 && fabs(hits - round(hits)) < 1e-6);
            CP_FUZZ_CHECK(count > 0 || share[i] == 0.0);
            total += share[i];
        }
        CP_FUZZ_CHECK(total >= (double)count - 1e-9);
    }
    free(c), free(w), free(d), free(share), free(score);
    return 0;
}
