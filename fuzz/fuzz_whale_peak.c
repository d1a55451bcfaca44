/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_profit_whale_peak (WHALEPEAK).  The peak is finite
 * and at least 1 (the winners earn at least the total); the client share
 * is the share of clients with a profit. */
#include "cp_profit.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    size_t n = fz_size(&f, 60);
    double *p = fz_values(&f, n);
    double peak, share;
    int status = cp_profit_whale_peak(p, 1, n, &peak, &share);
    if (status == CP_OK) {
        size_t winners = 0;
        for (size_t i = 0; i < n; i++)
            winners += p[i] > 0.0;
        CP_FUZZ_CHECK(isfinite(peak) && peak >= 1.0 - 1e-12);
        CP_FUZZ_CHECK(share == (double)winners / (double)n && share > 0.0);
    }
    free(p);
    return 0;
}
