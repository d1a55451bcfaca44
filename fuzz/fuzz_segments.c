/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_health_segments (SEGMENTS).  Segments are whole
 * numbers 1..k, each used, equal rows share one, and the same seed gives
 * the same segments. */
#include "cp_health.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    size_t rows = fz_size(&f, 30), cols = fz_size(&f, 4), k = fz_size(&f, 8);
    unsigned long seed = fz_byte(&f);
    double *c = fz_values(&f, rows * cols), *seg = fz_values(&f, rows), *again = fz_values(&f, rows);
    cp_table t = {c, rows, cols, cols};
    int status = cp_health_segments(&t, k, seed, seg, 1);
    if (status == CP_OK) {
        int used[9] = {0};
        for (size_t i = 0; i < rows; i++) {
            CP_FUZZ_CHECK(seg[i] >= 1.0 && seg[i] <= (double)k && seg[i] == floor(seg[i]));
            used[(int)seg[i]] = 1;
            for (size_t j = 0; j < i; j++)
                if (memcmp(c + i * cols, c + j * cols, cols * sizeof *c) == 0)
                    CP_FUZZ_CHECK(seg[i] == seg[j]);
        }
        for (size_t s = 1; s <= k; s++)
            CP_FUZZ_CHECK(used[s]);
        CP_FUZZ_CHECK(cp_health_segments(&t, k, seed, again, 1) == CP_OK);
        CP_FUZZ_CHECK(memcmp(seg, again, rows * sizeof *seg) == 0);
    }
    free(c), free(seg), free(again);
    return 0;
}
