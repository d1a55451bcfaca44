/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_rfm_table (RFMTABLE).  At most one row per line,
 * customers strictly ascending, every number finite, frequency a whole
 * number >= 0, 0 <= recency <= T, monetary 0 without repeat purchases, and
 * each customer's first line really is that customer's. */
#include "cp_rfm.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    size_t n = fz_size(&f, 60);
    int with_amount = fz_byte(&f) & 1, with_first = fz_byte(&f) & 1;
    double as_of = (fz_byte(&f) & 1) ? NAN : fz_value(&f);
    uint8_t pk = fz_byte(&f);
    double period = pk < 200 ? (double)(pk % 9 + 1) : fz_double(&f);
    double *cust = malloc((n + 1) * sizeof *cust), *date = malloc((n + 1) * sizeof *date);
    double *amount = fz_values(&f, n);
    for (size_t i = 0; i < n; i++) {
        uint8_t k = fz_byte(&f);
        cust[i] = k < 200 ? (double)(k % 7) : fz_double(&f); /* few customers */
        k = fz_byte(&f);
        date[i] = k < 200 ? 45000.0 + (double)(k % 50) : fz_double(&f);
    }
    double *out = malloc((n + 1) * CP_RFM_COLS * sizeof *out);
    size_t *first = malloc((n + 1) * sizeof *first), nc = 12345;
    int status = cp_rfm_table(cust, 1, date, 1, with_amount ? amount : NULL, 1, n, as_of, period,
                              out, CP_RFM_COLS, with_first ? first : NULL, &nc);
    if (status == CP_OK) {
        CP_FUZZ_CHECK(nc <= n);
        for (size_t c = 0; c < nc; c++) {
            const double *row = out + c * CP_RFM_COLS;
            for (int j = 0; j < CP_RFM_COLS; j++)
                CP_FUZZ_CHECK(isfinite(row[j]));
            if (c > 0)
                CP_FUZZ_CHECK(row[CP_RFM_CUSTOMER] > row[CP_RFM_CUSTOMER - CP_RFM_COLS]);
            double x = row[CP_RFM_FREQUENCY];
            CP_FUZZ_CHECK(x >= 0.0 && x == floor(x) && x < (double)n);
            CP_FUZZ_CHECK(row[CP_RFM_RECENCY] >= 0.0 && row[CP_RFM_RECENCY] <= row[CP_RFM_T]);
            if (x == 0.0)
                CP_FUZZ_CHECK(row[CP_RFM_RECENCY] == 0.0 && row[CP_RFM_MONETARY] == 0.0);
            if (!with_amount)
                CP_FUZZ_CHECK(row[CP_RFM_MONETARY] == 0.0);
            if (with_first)
                CP_FUZZ_CHECK(first[c] < n && cust[first[c]] == row[CP_RFM_CUSTOMER]);
        }
    }
    free(cust), free(date), free(amount), free(out), free(first);
    return 0;
}
