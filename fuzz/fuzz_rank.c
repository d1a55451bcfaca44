/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_prune_rank (PRUNERANK), table and row mode. */
#include <stdlib.h>

#include "cp_score.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    size_t n = fz_size(&f, 60), m = fz_size(&f, 60);
    int row_mode = fz_byte(&f) & 1, with_rev = fz_byte(&f) & 1;
    double *s = malloc((n + 1) * sizeof *s), *r = malloc((n + 1) * sizeof *r);
    double *ps = malloc((m + 1) * sizeof *ps), *pr = malloc((m + 1) * sizeof *pr);
    double *out = malloc((n + 1) * sizeof *out);
    for (size_t i = 0; i < n; i++) {
        s[i] = fz_value(&f);
        r[i] = fz_value(&f);
    }
    for (size_t i = 0; i < m; i++) {
        ps[i] = fz_value(&f);
        pr[i] = fz_value(&f);
    }
    int status = cp_prune_rank(s, 1, with_rev ? r : NULL, 1, n, row_mode ? ps : NULL, 1,
                               row_mode && with_rev ? pr : NULL, 1, row_mode ? m : 0, out, 1);
    size_t pop = row_mode ? m : n;
    if (status == CP_OK)
        for (size_t i = 0; i < n; i++)
            CP_FUZZ_CHECK(isnan(out[i]) == isnan(s[i]) &&
                          (isnan(out[i]) || (out[i] >= 1.0 && out[i] <= (double)pop + 1.0 &&
                                             out[i] == floor(out[i]))));
    free(s);
    free(r);
    free(ps);
    free(pr);
    free(out);
    return 0;
}
