/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_health_revenue_at_risk (REVENUEATRISK).  The result
 * is finite and lies between what keeping only the losses and keeping only
 * the gains would give; clients sure to stay or go give exactly that; the
 * same seed gives the same bits. */
#include "cp_health.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    size_t n = fz_size(&f, 30);
    double confidence = fz_share(&f);
    uint8_t sk = fz_byte(&f);
    size_t sims = sk < 250 ? 100 + sk : (size_t)fz_size(&f, 200);
    unsigned long seed = fz_byte(&f);
    int sure = fz_byte(&f) & 1; /* every p_alive 0 or 1 */
    double *r = fz_values(&f, n), *p = malloc((n + 1) * sizeof *p);
    for (size_t i = 0; i < n; i++)
        p[i] = sure ? (double)(fz_byte(&f) & 1) : fz_share(&f);
    double kept, again;
    int status = cp_health_revenue_at_risk(r, 1, p, 1, n, confidence, sims, seed, &kept);
    if (status == CP_OK) {
        long double lo = 0.0L, hi = 0.0L, exact = 0.0L, mag = 0.0L;
        for (size_t i = 0; i < n; i++) {
            if (p[i] > 0.0 && r[i] < 0.0)
                lo += r[i];
            if (p[i] > 0.0 && r[i] > 0.0)
                hi += r[i];
            if (p[i] == 1.0)
                exact += r[i];
            mag += fabs(r[i]);
        }
        long double tol = 1e-12L * mag;
        CP_FUZZ_CHECK(isfinite(kept) && kept >= lo - tol && kept <= hi + tol);
        if (sure)
            CP_FUZZ_CHECK(fabsl(kept - exact) <= tol);
        CP_FUZZ_CHECK(cp_health_revenue_at_risk(r, 1, p, 1, n, confidence, sims, seed, &again) ==
                      CP_OK);
        CP_FUZZ_CHECK(memcmp(&kept, &again, sizeof kept) == 0);
    }
    free(r), free(p);
    return 0;
}
