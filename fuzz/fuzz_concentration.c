/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_profit_concentration (CONCENTRATION), every measure.
 * HHI lies in 10000/n..10000, shares in 0..1 with top5 >= top1 >= 1/n,
 * Gini in 0..1; doubling every revenue (exact) changes nothing. */
#include "cp_profit.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    size_t n = fz_size(&f, 60);
    cp_concentration measure = (cp_concentration)(fz_byte(&f) % 5); /* 4 is invalid */
    double *v = fz_values(&f, n);
    double r;
    int status = cp_profit_concentration(v, 1, n, measure, &r);
    if (status == CP_OK) {
        const double nn = (double)n, eps = 1e-12;
        CP_FUZZ_CHECK(isfinite(r));
        switch (measure) {
        case CP_CONCENTRATION_HHI:
            CP_FUZZ_CHECK(r >= 10000.0 / nn * (1 - eps) && r <= 10000.0);
            break;
        case CP_CONCENTRATION_TOP1:
        case CP_CONCENTRATION_TOP5: {
            CP_FUZZ_CHECK(r >= 1.0 / nn * (1 - eps) && r <= 1.0);
            double top1;
            CP_FUZZ_CHECK(cp_profit_concentration(v, 1, n, CP_CONCENTRATION_TOP1, &top1) == CP_OK);
            CP_FUZZ_CHECK(r >= top1);
            break;
        }
        default:
            CP_FUZZ_CHECK(r >= 0.0 && r < 1.0);
        }
        double big = 0.0;
        for (size_t i = 0; i < n; i++)
            big = fmax(big, v[i]);
        if (big <= 0x1p1022) {
            for (size_t i = 0; i < n; i++)
                v[i] *= 2.0;
            double r2;
            CP_FUZZ_CHECK(cp_profit_concentration(v, 1, n, measure, &r2) == CP_OK);
            CP_FUZZ_CHECK(r2 == r);
        }
    }
    free(v);
    return 0;
}
