/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_profit_abc (ABCCLASS), table and row mode.  Classes
 * are A, B or C; a larger value never gets a later class; in table mode
 * the largest client is A. */
#include "cp_profit.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    size_t n = fz_size(&f, 50), m = fz_size(&f, 50);
    int row_mode = fz_byte(&f) & 1;
    double a = fz_share(&f), b = fz_share(&f);
    double *v = fz_values(&f, n), *pop = fz_values(&f, m);
    int *abc = malloc((n + 1) * sizeof *abc);
    int status = cp_profit_abc(v, 1, n, row_mode ? pop : NULL, 1, row_mode ? m : 0, a, b, abc, 1);
    if (status == CP_OK) {
        double largest = -1.0;
        for (size_t i = 0; i < n; i++)
            largest = fmax(largest, v[i]);
        for (size_t i = 0; i < n; i++) {
            CP_FUZZ_CHECK(abc[i] == CP_ABC_A || abc[i] == CP_ABC_B || abc[i] == CP_ABC_C);
            for (size_t j = 0; j < n; j++)
                if (v[j] >= v[i])
                    CP_FUZZ_CHECK(abc[j] <= abc[i]);
            if (!row_mode && v[i] == largest)
                CP_FUZZ_CHECK(abc[i] == CP_ABC_A);
        }
    }
    free(v), free(pop), free(abc);
    return 0;
}
