/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_score_clients (CLIENTSCORE), table and row mode.
 * A score is 0..100, and empty exactly for a client with no known
 * criterion of positive weight. */
#include <stdlib.h>

#include "cp_score.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    size_t rows = fz_size(&f, 40), cols = fz_size(&f, 6), prows = fz_size(&f, 40);
    int row_mode = fz_byte(&f) & 1;
    cp_method method = (cp_method)(fz_byte(&f) % 4); /* 3 is invalid on purpose */
    int dirs = fz_byte(&f) & 1;
    double *t = malloc((rows * cols + 1) * sizeof *t), *p = malloc((prows * cols + 1) * sizeof *p);
    double *w = malloc((cols + 1) * sizeof *w), *d = malloc((cols + 1) * sizeof *d);
    double *s = malloc((rows + 1) * sizeof *s);
    for (size_t i = 0; i < rows * cols; i++)
        t[i] = fz_value(&f);
    for (size_t i = 0; i < prows * cols; i++)
        p[i] = fz_value(&f);
    for (size_t j = 0; j < cols; j++) {
        w[j] = fz_value(&f);
        d[j] = (fz_byte(&f) & 1) ? 1.0 : fz_value(&f);
    }
    cp_table ct = {t, rows, cols, cols}, pt = {p, prows, cols, cols};
    int status = cp_score_clients(&ct, row_mode ? &pt : NULL, w, 1, dirs ? d : NULL, 1, method, s, 1);
    if (status == CP_OK)
        for (size_t i = 0; i < rows; i++) {
            /* Empty exactly for a client with no known criterion of
             * positive weight; otherwise a number from 0 to 100. */
            int known = 0;
            for (size_t j = 0; j < cols; j++)
                known |= w[j] > 0.0 && !isnan(t[i * cols + j]);
            CP_FUZZ_CHECK(isnan(s[i]) == !known);
            CP_FUZZ_CHECK(isnan(s[i]) || (s[i] >= 0.0 && s[i] <= 100.0));
        }
    free(t);
    free(p);
    free(w);
    free(d);
    free(s);
    return 0;
}
