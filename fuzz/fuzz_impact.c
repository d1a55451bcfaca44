/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_prune_impact (PRUNEIMPACT).  Revenues and profits
 * are finite numbers; a margin is finite or empty, and empty only when its
 * revenue is next to nothing; with nothing pruned, after equals before. */
#include "cp_prune.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    size_t n = fz_size(&f, 60);
    double redeploy = fz_share(&f);
    double *r = fz_values(&f, n), *c = fz_values(&f, n), *fl = fz_values(&f, n);
    int none = fz_byte(&f) & 1; /* flags all 0 */
    for (size_t i = 0; i < n; i++) {
        uint8_t k = fz_byte(&f);
        fl[i] = none ? 0.0 : k < 250 ? (double)(k & 1) : fl[i]; /* now and then anything */
    }
    double out[CP_IMPACT_COUNT];
    int status = cp_prune_impact(r, 1, c, 1, fl, 1, n, redeploy, out);
    if (status == CP_OK) {
        for (int k = 0; k < CP_IMPACT_MARGIN_AFTER; k++)
            CP_FUZZ_CHECK(isfinite(out[k]));
        for (int k = CP_IMPACT_MARGIN_AFTER; k < CP_IMPACT_COUNT; k++)
            CP_FUZZ_CHECK(isfinite(out[k]) || isnan(out[k]));
        double absrev = 0.0;
        for (size_t i = 0; i < n; i++)
            absrev += fabs(r[i]);
        if (isnan(out[CP_IMPACT_MARGIN_BEFORE]))
            CP_FUZZ_CHECK(fabs(out[CP_IMPACT_REVENUE_BEFORE]) <= 1e-11 * absrev);
        if (none) {
            CP_FUZZ_CHECK(out[CP_IMPACT_REVENUE_AFTER] == out[CP_IMPACT_REVENUE_BEFORE]);
            CP_FUZZ_CHECK(out[CP_IMPACT_PROFIT_AFTER] == out[CP_IMPACT_PROFIT_BEFORE]);
        }
    }
    free(r), free(c), free(fl);
    return 0;
}
