/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_gg_spend (GGSPEND).  A CP_OK result is finite and
 * >= 0 (0 only where the true value underflows, e.g. p gamma / (q - 1) =
 * 1e-20 / 5e303), lies between the customer's own mean m and the
 * population mean p gamma / (q - 1) when both exist (the posterior mean
 * is a weighted average of the two), and is the population mean for x = 0
 * - all to 1e-12 relative, or to 1e-320 where the values are subnormal
 * (their spacing is 4.9e-324, whatever the order of the operations). */
#include "models_fz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gsl_set_error_handler_off();
    fz f = {data, size};
    size_t n = fz_size(&f, FZ_ROWS);
    double x[FZ_ROWS], m[FZ_ROWS], p[3], out[FZ_ROWS];
    for (size_t i = 0; i < n; i++) {
        uint8_t k = fz_byte(&f);
        x[i] = k < 200 ? (double)(k % 12) : k < 230 ? (double)(k % 40) * 250.0 : fz_double(&f);
        m[i] = x[i] == 0.0 ? 0.0 : fz_value(&f) * 7.5;
    }
    fz_params(&f, p, 3);
    if (cp_gg_spend(fz_col(x), fz_col(m), n, p, out, 1) != CP_OK)
        return 0;
    const double pop = p[1] > 1.0 ? p[0] * p[2] / (p[1] - 1.0) : NAN;
    for (size_t i = 0; i < n; i++) {
        CP_FUZZ_CHECK(isfinite(out[i]) && out[i] >= 0.0);
        if (x[i] == 0.0)
            CP_FUZZ_CHECK(fabs(out[i] - pop) <= 1e-13 * pop + 1e-320);
        else if (isfinite(pop)) {
            const double lo = fmin(m[i], pop), hi = fmax(m[i], pop);
            CP_FUZZ_CHECK(out[i] >= lo * (1.0 - 1e-12) - 1e-320 &&
                          out[i] <= hi * (1.0 + 1e-12) + 1e-320);
        }
    }
    return 0;
}
