/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_rfm_score (RFMSCORE), table and row mode.  Every
 * code is a whole number with three digits from 1 to bins, and a customer
 * with at least as many purchases as another never scores lower on F. */
#include "cp_rfm.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    size_t rows = fz_size(&f, 40), prows = fz_size(&f, 40);
    int row_mode = fz_byte(&f) & 1;
    uint8_t bk = fz_byte(&f);
    int bins = bk < 220 ? 2 + bk % 8 : (int)(int8_t)bk; /* now and then out of range */
    size_t cols = (fz_byte(&f) < 250) ? CP_RFM_SCORE_COLS : fz_size(&f, 5);
    double *t = fz_values(&f, rows * cols), *p = fz_values(&f, prows * cols);
    double *code = fz_values(&f, rows);
    cp_table ct = {t, rows, cols, cols}, pt = {p, prows, cols, cols};
    int status = cp_rfm_score(&ct, row_mode ? &pt : NULL, bins, code, 1);
    if (status == CP_OK) {
        for (size_t i = 0; i < rows; i++) {
            double c = code[i];
            CP_FUZZ_CHECK(c == floor(c));
            int digit[3] = {(int)c / 100, (int)c / 10 % 10, (int)c % 10};
            for (int k = 0; k < 3; k++)
                CP_FUZZ_CHECK(digit[k] >= 1 && digit[k] <= bins);
            for (size_t j = 0; j < rows; j++) { /* more purchases: no lower F */
                int dj = (int)code[j] / 10 % 10;
                if (t[j * cols + 1] >= t[i * cols + 1])
                    CP_FUZZ_CHECK(dj >= digit[1]);
            }
        }
    }
    free(t), free(p), free(code);
    return 0;
}
