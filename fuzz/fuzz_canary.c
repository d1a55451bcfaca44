/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_health_canary (CANARY).  The flag is 0 or 1 and 1
 * only for a negative slope with p < alpha; the slope is finite, the
 * p-value in 0..1 (1 below 4 points), S a whole number within the pair
 * count and its variance >= 0.  Now and then the series is long enough
 * (over 2^21 pairs) for the sampled median of the slopes. */
#include "cp_health.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    int with_t = fz_byte(&f) & 1, long_series = fz_byte(&f) == 255;
    size_t n = long_series ? 2050 + fz_size(&f, 100) : fz_size(&f, 80);
    double alpha = fz_share(&f);
    double *x = fz_values(&f, n), *t = fz_values(&f, n);
    if (long_series) /* repeat what the input gave, with a drift */
        for (size_t i = 0, m = f.n ? 64 : 1; i < n; i++) {
            x[i] = (i < m ? x[i] : x[i % m]) + (double)(i / m);
            t[i] = (double)i;
        }
    cp_canary_result r;
    int status = cp_health_canary(x, 1, with_t ? t : NULL, 1, n, alpha, &r);
    if (status == CP_OK) {
        double pairs = (double)r.n * ((double)r.n - 1) / 2;
        CP_FUZZ_CHECK(r.n <= n);
        CP_FUZZ_CHECK(r.flag == 0.0 || (r.flag == 1.0 && r.slope < 0.0 && r.p_value < alpha));
        CP_FUZZ_CHECK(isfinite(r.slope));
        CP_FUZZ_CHECK(r.p_value >= 0.0 && r.p_value <= 1.0);
        CP_FUZZ_CHECK(r.n >= 4 || (r.p_value == 1.0 && r.flag == 0.0));
        CP_FUZZ_CHECK(r.s == floor(r.s) && fabs(r.s) <= pairs);
        CP_FUZZ_CHECK(r.var_s >= 0.0 && isfinite(r.var_s));
    }
    free(x), free(t);
    return 0;
}
