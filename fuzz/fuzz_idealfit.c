/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_health_idealfit (IDEALFIT).  Every fit is a finite
 * number from 0 to 100, and a client equal to the ideal fits 100. */
#include "cp_health.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    size_t rows = fz_size(&f, 12), prows = fz_size(&f, 12), cols = fz_size(&f, 5);
    int with_w = fz_byte(&f) & 1, own_pop = fz_byte(&f) & 1;
    size_t pcols = (fz_byte(&f) < 250) ? cols : fz_size(&f, 5);
    double *c = fz_values(&f, rows * cols), *p = fz_values(&f, prows * pcols);
    double *ideal = fz_values(&f, cols), *w = fz_values(&f, cols), *fit = fz_values(&f, rows + 1);
    if (rows > 0 && (fz_byte(&f) & 1)) /* the first client is the ideal */
        for (size_t j = 0; j < cols; j++)
            c[j] = ideal[j];
    cp_table ct = {c, rows, cols, cols}, pt = {p, prows, pcols, pcols};
    int status = cp_health_idealfit(&ct, ideal, 1, own_pop ? &ct : &pt, with_w ? w : NULL, 1, fit, 1);
    if (status == CP_OK) {
        for (size_t i = 0; i < rows; i++)
            CP_FUZZ_CHECK(fit[i] >= 0.0 && fit[i] <= 100.0);
        int same = rows > 0;
        for (size_t j = 0; same && j < cols; j++)
            same = c[j] == ideal[j];
        if (same)
            CP_FUZZ_CHECK(fit[0] == 100.0);
    }
    free(c), free(p), free(ideal), free(w), free(fit);
    return 0;
}
