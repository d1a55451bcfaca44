/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_profit_cost_to_serve (COSTTOSERVE).  Costs are
 * finite and >= 0, 0 for a client with no driver, and grow with every
 * driver. */
#include "cp_profit.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    size_t rows = fz_size(&f, 40), cols = fz_size(&f, 6);
    double *d = fz_values(&f, rows * cols), *rates = fz_values(&f, cols);
    double *cost = fz_values(&f, rows);
    cp_table t = {d, rows, cols, cols};
    int status = cp_profit_cost_to_serve(&t, rates, 1, cost, 1);
    if (status == CP_OK)
        for (size_t i = 0; i < rows; i++) {
            CP_FUZZ_CHECK(isfinite(cost[i]) && cost[i] >= 0.0);
            for (size_t j = 0; j < cols; j++)
                CP_FUZZ_CHECK(cost[i] >= d[i * cols + j] * rates[j] * (1.0 - 1e-12));
        }
    free(d), free(rates), free(cost);
    return 0;
}
