/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_clv (CLV), up to 40 customers, 1..1200 months (or
 * any number), any discount and month length.  A CP_OK value is finite
 * and >= 0 (expected purchases only grow with the horizon, discount
 * factors are positive), and with no discount at most spend times the
 * expected purchases over the whole horizon. */
#include "models_fz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    fz_book b;
    fz_read_book(&f, &b);
    double m[FZ_ROWS], g[3], out[FZ_ROWS];
    for (size_t i = 0; i < b.n; i++)
        m[i] = b.x[i] == 0.0 ? 0.0 : fz_value(&f) * 7.5;
    fz_params(&f, g, 3);
    uint8_t k = fz_byte(&f);
    int months = k < 250 ? 1 + (int)fz_size(&f, 1199) : (int)fz_size(&f, 3000) - 1000;
    k = fz_byte(&f);
    double discount = k < 200 ? (double)(k % 11) / 100.0 : fz_double(&f);
    k = fz_byte(&f);
    double unit = k < 200 ? (double)(k % 31 + 1) : fz_double(&f);
    if (cp_clv(fz_col(b.x), fz_col(b.tx), fz_col(b.T), fz_col(m), b.n, b.p, g, months, discount,
               unit, out, 1) != CP_OK)
        return 0;
    for (size_t i = 0; i < b.n; i++)
        CP_FUZZ_CHECK(isfinite(out[i]) && out[i] >= 0.0);
    if (discount == 0.0) {
        double spend[FZ_ROWS], e[FZ_ROWS], horizon = months * unit;
        cp_column h = {&horizon, 0};
        if (cp_gg_spend(fz_col(b.x), fz_col(m), b.n, g, spend, 1) == CP_OK &&
            cp_bgnbd_purchases(h, fz_col(b.x), fz_col(b.tx), fz_col(b.T), b.n, b.p, e, 1) == CP_OK)
            for (size_t i = 0; i < b.n; i++)
                CP_FUZZ_CHECK(fabs(out[i] - spend[i] * e[i]) <= 1e-9 * spend[i] * e[i] + 1e-300);
    }
    return 0;
}
