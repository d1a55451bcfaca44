/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_rfm_table(...)                     RFMTABLE
 *
 * DESCRIPTION
 *   The customer-base summary of a transaction log, as used by the BG/NBD,
 *   Pareto/NBD and gamma-gamma models.  With period p(d) = floor(d / L)
 *   for a date d and period length L, the lines of one customer are merged
 *   into purchases, one per distinct period, whose amount is the sum of
 *   the period's lines.  With periods p_0 < p_1 < ... < p_x of the
 *   customer's purchases and amounts z_0, ..., z_x:
 *
 *     frequency  x
 *     recency    t_x = p_x - p_0
 *     T          p(as_of) - p_0
 *     monetary   (z_1 + ... + z_x) / x, or 0 when x = 0
 *
 *   (Fader, Hardie and Lee 2005, section 2: x repeat transactions, the last
 *   at t_x, observed over (0, T]; the gamma-gamma spend model uses the mean
 *   of the repeat transactions, zbar, excluding the first purchase.)
 *
 *   The lines are sorted once by (customer, period, input order) and read
 *   in one pass, so amounts of a purchase are added in the order of the
 *   ledger and the result does not depend on how qsort orders equal keys.
 *
 * REFERENCES
 *   P. S. Fader, B. G. S. Hardie and K. L. Lee, "Counting Your Customers"
 *   the Easy Way: An Alternative to the Pareto/NBD Model, Marketing Science
 *   24(2), 2005, section 2 and the CDNOW data set of section 4.
 *   P. S. Fader, B. G. S. Hardie and K. L. Lee, RFM and CLV: Using Iso-Value
 *   Curves for Customer Base Analysis, JMR 42(4), 2005 (zbar).
 *   ClientPrune FUNCTIONS.md, "RFM".
 */
#include "cp_rfm.h"

#include <math.h>
#include <stdlib.h>

#include "cp_alloc.h"
#include "cp_sum.h"

/* Periods at or beyond 2^53 in magnitude are no longer whole numbers that
 * differences can count exactly. */
#define PERIOD_LIMIT 9007199254740992.0

typedef struct {
    double key;
    double period;
    double amount;
    size_t line;
} entry;

static int cmp_entry(const void *va, const void *vb)
{
    const entry *a = va, *b = vb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    if (a->period != b->period)
        return a->period < b->period ? -1 : 1;
    return (a->line > b->line) - (a->line < b->line);
}

/* floor(d / period_days) into *p; CP_EINVAL when it is not exact. */
static int period_of(double d, double period_days, double *p)
{
    double q = floor(d / period_days);
    if (!(fabs(q) < PERIOD_LIMIT))
        return CP_EINVAL;
    *p = q;
    return CP_OK;
}

/* Writes the row of the customer whose sorted entries are e[0..m); returns
 * CP_OK, or CP_ELIMIT when the mean repeat amount is beyond the doubles. */
static int summarise(const entry *e, size_t m, double as_of_period, double *row,
                      size_t *first_line)
{
    const double p0 = e[0].period;
    size_t purchases = 0, first = e[0].line;
    double biggest = 0.0, last = p0;
    for (size_t k = 0; k < m; k++) {
        if (k == 0 || e[k].period != e[k - 1].period) {
            purchases++;
            last = e[k].period;
        }
        if (e[k].period != p0)
            biggest = fmax(biggest, fabs(e[k].amount));
        if (e[k].line < first)
            first = e[k].line;
    }
    /* The repeat amounts are summed scaled by a power of two (exact, so the
     * same bits as the plain sum wherever that is finite): amounts near
     * +-1e308 cannot overflow the sum, and their mean is finite unless the
     * purchases themselves (sums of a period's lines) average beyond it. */
    const double scale = cp_pow2_scale_of(biggest);
    double repeat_sum = 0.0;
    for (size_t k = 0; k < m; k++)
        if (e[k].period != p0)
            repeat_sum += e[k].amount * scale;
    const double x = (double)(purchases - 1);
    row[CP_RFM_CUSTOMER] = e[0].key;
    row[CP_RFM_FREQUENCY] = x;
    row[CP_RFM_RECENCY] = last - p0;
    row[CP_RFM_T] = as_of_period - p0;
    /* + 0.0 turns a -0 (a sum of -0 amounts) into 0 */
    row[CP_RFM_MONETARY] = purchases > 1 ? repeat_sum / x / scale + 0.0 : 0.0;
    if (first_line != NULL)
        *first_line = first;
    return isfinite(row[CP_RFM_MONETARY]) ? CP_OK : CP_ELIMIT;
}

int cp_rfm_table(const double customer[], size_t cstride,
                 const double date[], size_t dstride,
                 const double amount[], size_t astride, size_t n,
                 double as_of, double period_days,
                 double out[], size_t tda, size_t first_line[],
                 size_t *n_customers)
{
    if (customer == NULL || date == NULL || out == NULL || n_customers == NULL ||
        tda < CP_RFM_COLS)
        return CP_EINVAL;
    if (!cp_span_ok(n, cstride) || !cp_span_ok(n, dstride) || !cp_span_ok(n, astride) ||
        !cp_span_ok(n, tda))
        return CP_ELIMIT; /* no caller's memory holds so many */
    *n_customers = 0;
    if (n == 0)
        return CP_EEMPTY;
    if (!isfinite(period_days) || !(period_days > 0.0) || isinf(as_of))
        return CP_EINVAL;

    /* Validate everything first, so a bad line is an error wherever it is. */
    double latest = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        double k = customer[i * cstride], d = date[i * dstride];
        double a = amount ? amount[i * astride] : 0.0;
        if (isinf(k) || isinf(d) || isinf(a))
            return CP_EINVAL;
        if (!isnan(k) && !isnan(d) && d > latest)
            latest = d;
    }
    if (latest == -INFINITY) /* every line blank */
        return CP_OK;
    if (isnan(as_of))
        as_of = latest;
    double as_of_period;
    if (period_of(as_of, period_days, &as_of_period) != CP_OK)
        return CP_EINVAL;

    entry *e = cp_alloc_array(n, sizeof *e);
    if (e == NULL)
        return CP_ENOMEM;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        double k = customer[i * cstride], d = date[i * dstride];
        if (isnan(k) || isnan(d) || d > as_of)
            continue;
        double a = amount ? amount[i * astride] : 0.0;
        e[m].key = k == 0.0 ? 0.0 : k; /* -0 and 0 are one customer */
        if (period_of(d, period_days, &e[m].period) != CP_OK) {
            cp_free(e);
            return CP_EINVAL;
        }
        e[m].amount = isnan(a) ? 0.0 : a;
        e[m].line = i;
        m++;
    }
    qsort(e, m, sizeof *e, cmp_entry);

    size_t c = 0;
    int status = CP_OK;
    for (size_t start = 0; start < m && status == CP_OK;) {
        size_t end = start + 1;
        while (end < m && e[end].key == e[start].key)
            end++;
        status = summarise(e + start, end - start, as_of_period, out + c * tda,
                           first_line ? first_line + c : NULL);
        c++;
        start = end;
    }
    cp_free(e);
    *n_customers = status == CP_OK ? c : 0;
    return status;
}
