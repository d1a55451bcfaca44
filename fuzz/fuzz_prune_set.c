/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_prune_set (PRUNESET).  A result flags 1 or 0 for a
 * known score and is empty exactly for an empty one; the flagged clients
 * are a prefix of the PRUNERANK order (whole rank groups); their revenue
 * stays within the limit. */
#include "cp_prune.h"
#include "cp_score.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    size_t n = fz_size(&f, 60);
    double max_loss = fz_share(&f);
    double *s = fz_values(&f, n), *r = fz_values(&f, n);
    double *flag = fz_values(&f, n), *rank = fz_values(&f, n);
    int status = cp_prune_set(s, 1, r, 1, n, max_loss, flag, 1);
    if (status == CP_OK) {
        CP_FUZZ_CHECK(cp_prune_rank(s, 1, r, 1, n, NULL, 0, NULL, 0, 0, rank, 1) == CP_OK);
        long double total = 0.0L, lost = 0.0L, mag = 0.0L; /* no overflow */
        for (size_t i = 0; i < n; i++) {
            CP_FUZZ_CHECK(isnan(flag[i]) == isnan(s[i]));
            if (isnan(s[i]))
                continue;
            CP_FUZZ_CHECK(flag[i] == 0.0 || flag[i] == 1.0);
            total += r[i];
            lost += flag[i] * r[i];
            mag += fabsl(r[i]);
            for (size_t j = 0; j < n; j++) /* a prefix of whole rank groups */
                if (!isnan(s[j]) && rank[j] <= rank[i])
                    CP_FUZZ_CHECK(flag[j] >= flag[i]);
        }
        CP_FUZZ_CHECK(lost <= max_loss * total + 1e-12L * mag);
    }
    free(s), free(r), free(flag), free(rank);
    return 0;
}
