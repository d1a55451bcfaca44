/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_profit_allocate (COSTALLOCATE).  Costs are finite
 * and >= 0, and they add up to the pools. */
#include "cp_profit.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    size_t rows = fz_size(&f, 40), cols = fz_size(&f, 6);
    double *d = fz_values(&f, rows * cols), *pools = fz_values(&f, cols);
    double *cost = fz_values(&f, rows);
    cp_table t = {d, rows, cols, cols};
    int status = cp_profit_allocate(&t, pools, 1, cost, 1);
    if (status == CP_OK) {
        long double given = 0.0L, shared = 0.0L;
        for (size_t j = 0; j < cols; j++)
            given += pools[j];
        for (size_t i = 0; i < rows; i++) {
            CP_FUZZ_CHECK(isfinite(cost[i]) && cost[i] >= 0.0);
            shared += cost[i];
        }
        /* Rounding: relative, and below the subnormal range absolute. */
        CP_FUZZ_CHECK(fabsl(shared - given) <=
                      1e-12L * given * (long double)(rows + cols) + (long double)(rows * cols) * 0x1p-1074L);
    }
    free(d), free(pools), free(cost);
    return 0;
}
