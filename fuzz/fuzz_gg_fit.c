/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_gg_fit and cp_gg_loglik (GGFIT), up to FZ_FIT_ROWS
 * rows (x, m), with or without counts.  A CP_OK fit counts the rows it
 * used (x > 0, m > 0, count > 0), gives parameters inside the interior box
 * and a finite log-likelihood that cp_gg_loglik reproduces, with none
 * higher 1% away in any parameter. */
#include "models_fz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gsl_set_error_handler_off();
    fz f = {data, size};
    double x[FZ_FIT_ROWS], m[FZ_FIT_ROWS], w[FZ_FIT_ROWS], q[3];
    size_t n = fz_size(&f, FZ_FIT_ROWS);
    int counted = fz_byte(&f) & 1;
    for (size_t i = 0; i < n; i++) {
        uint8_t k = fz_byte(&f);
        x[i] = k < 230 ? (double)(k % 9) : fz_double(&f);
        k = fz_byte(&f);
        m[i] = k < 200 ? 5.0 + (double)(k % 37) * 1.25 : fz_double(&f);
        w[i] = counted ? fz_count(&f) : 1.0;
    }
    fz_params(&f, q, 3);
    cp_column none = {NULL, 0}, c = counted ? fz_col(w) : none;
    double p[3], ll, l2;
    size_t used = 12345;
    if (cp_gg_loglik(fz_col(x), fz_col(m), c, n, q, &l2) == CP_OK)
        CP_FUZZ_CHECK(isfinite(l2));
    if (cp_gg_fit(fz_col(x), fz_col(m), c, n, p, &ll, &used) == CP_OK) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            k += x[i] > 0 && m[i] > 0 && w[i] > 0;
        CP_FUZZ_CHECK(used == k && used > 0);
        CP_FUZZ_CHECK(isfinite(ll));
        for (int j = 0; j < 3; j++)
            CP_FUZZ_CHECK(p[j] >= exp(-25.0) && p[j] <= exp(25.0));
        CP_FUZZ_CHECK(cp_gg_loglik(fz_col(x), fz_col(m), c, n, p, &l2) == CP_OK);
        CP_FUZZ_CHECK(fabs(l2 - ll) <= 1e-12 * (1.0 + fabs(ll)));
        for (int j = 0; j < 3; j++)
            for (int sign = -1; sign <= 1; sign += 2) {
                double pj[3] = {p[0], p[1], p[2]};
                pj[j] *= 1.0 + 0.01 * sign;
                CP_FUZZ_CHECK(cp_gg_loglik(fz_col(x), fz_col(m), c, n, pj, &l2) == CP_OK);
                CP_FUZZ_CHECK(l2 <= ll + 1e-9 * (1.0 + fabs(ll)));
            }
    }
    return 0;
}
