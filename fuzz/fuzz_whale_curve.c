/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_profit_whale_curve (WHALECURVE).  Client shares are
 * k / n; profit shares are finite, end at exactly 1, rise while profits
 * are positive and fall after; their top is WHALEPEAK's peak. */
#include "cp_profit.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    size_t n = fz_size(&f, 60);
    double *p = fz_values(&f, n), *cs = fz_values(&f, n), *ps = fz_values(&f, n);
    int status = cp_profit_whale_curve(p, 1, n, cs, 1, ps, 1);
    if (status == CP_OK) {
        double top = -INFINITY;
        size_t winners = 0;
        for (size_t k = 0; k < n; k++) {
            CP_FUZZ_CHECK(cs[k] == (double)(k + 1) / (double)n);
            CP_FUZZ_CHECK(isfinite(ps[k]));
            top = fmax(top, ps[k]);
            winners += p[k] > 0.0;
        }
        CP_FUZZ_CHECK(ps[n - 1] == 1.0);
        for (size_t k = 1; k < n; k++) /* up to the winners, down after */
            CP_FUZZ_CHECK(k < winners ? ps[k] >= ps[k - 1] * (1 - 1e-12) - 1e-12
                                      : ps[k] <= ps[k - 1] * (1 + 1e-12) + 1e-12);
        double peak, share;
        CP_FUZZ_CHECK(cp_profit_whale_peak(p, 1, n, &peak, &share) == CP_OK);
        CP_FUZZ_CHECK(fabs(peak - top) <= 1e-12 * top);
        CP_FUZZ_CHECK(share == (double)winners / (double)n);
    }
    free(p), free(cs), free(ps);
    return 0;
}
