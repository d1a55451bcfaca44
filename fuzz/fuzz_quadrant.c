/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_prune_quadrant (CLIENTQUADRANT), table and row mode.
 * A result is one of the four quadrants for a known score (when the
 * population has one) and empty for an empty score; more revenue or a
 * higher score never moves a client to a lower quadrant, and the
 * quadrants follow the brute-force medians of the population. */
#include "cp_prune.h"
#include "fuzz.h"

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Calc's MEDIAN of the values v[i] whose key k[i] is not NaN. */
static double median(const double *v, const double *k, size_t n)
{
    double *t = malloc((n + 1) * sizeof *t);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(k[i]))
            t[m++] = v[i];
    double med = NAN;
    if (m > 0) {
        qsort(t, m, sizeof *t, cmp);
        med = m % 2 ? t[m / 2] : (t[m / 2 - 1] + t[m / 2]) / 2;
        if (!isfinite(med) && m % 2 == 0)
            med = t[m / 2 - 1] / 2 + t[m / 2] / 2;
    }
    free(t);
    return med;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    size_t n = fz_size(&f, 40), m = fz_size(&f, 40);
    int row_mode = fz_byte(&f) & 1;
    double *r = fz_values(&f, n), *s = fz_values(&f, n);
    double *pr = fz_values(&f, m), *ps = fz_values(&f, m);
    int *q = malloc((n + 1) * sizeof *q);
    int status = row_mode ? cp_prune_quadrant(r, 1, s, 1, n, pr, 1, ps, 1, m, q, 1)
                          : cp_prune_quadrant(r, 1, s, 1, n, NULL, 0, NULL, 0, 0, q, 1);
    if (status == CP_OK) {
        const double *popr = row_mode ? pr : r, *pops = row_mode ? ps : s;
        size_t np = row_mode ? m : n;
        double rmed = median(popr, pops, np), smed = median(pops, pops, np);
        for (size_t i = 0; i < n; i++) {
            CP_FUZZ_CHECK(q[i] >= CP_QUADRANT_EMPTY && q[i] <= CP_QUADRANT_PRUNE);
            CP_FUZZ_CHECK((q[i] == CP_QUADRANT_EMPTY) == (isnan(s[i]) || isnan(smed)));
            if (q[i] == CP_QUADRANT_EMPTY)
                continue;
            int high_rev = q[i] == CP_QUADRANT_TOP || q[i] == CP_QUADRANT_REPRICE;
            int high_score = q[i] == CP_QUADRANT_TOP || q[i] == CP_QUADRANT_GROW;
            CP_FUZZ_CHECK(high_rev == (r[i] >= rmed));
            CP_FUZZ_CHECK(high_score == (s[i] >= smed));
        }
    }
    free(r), free(s), free(pr), free(ps), free(q);
    return 0;
}
