/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   cp_clv        CLV
 *
 * DESCRIPTION
 *   The discounted value of a customer's next `months` months, month by
 *   month, as in Fader, Hardie and Lee's (2005) "RFM and CLV" (eq. 2 with a
 *   monthly discrete discount instead of a continuous one):
 *
 *     CLV = spend * sum_{k=1..months} (E[Y(k u)] - E[Y((k-1) u)]) / (1 + d)^k
 *
 *   with spend the gamma-gamma expected spend per purchase (GGSPEND),
 *   E[Y(t)] the BG/NBD expected purchases in the next t (BGNBDPURCHASES),
 *   u the number of time units (of the T column) in a month and d the
 *   monthly discount rate.  Spend and purchases are assumed independent, as
 *   the gamma-gamma model does.  (1 + d)^-k is computed as
 *   exp(-k log1p(d)).
 *
 *   Up to 64 months E[Y] is computed exactly month by month.  Beyond, it is
 *   computed exactly at Chebyshev points of tau = ln(1 + t/(alpha+T)) and
 *   interpolated: E[Y(t)] = P(alive) E_p[(1 - (1 + p t/(alpha+T))^-(r+x))/p]
 *   is analytic in the strip |Im tau| < pi (its singularities come from
 *   t = -(alpha+T)/p, 0 < p <= 1), so its Chebyshev series converges
 *   geometrically.  The interpolant is used only when its trailing
 *   coefficients are below 1e-14 of E (64 points, doubled up to 512);
 *   otherwise every month is computed exactly.  1200 months cost some 64
 *   evaluations instead of 1200.
 *
 *   Customers with the same (x, t_x, T) share the discounted sum; it is
 *   computed once per distinct triple (in CDNOW the 2,357 customers have
 *   1,016 distinct ones, the 1,411 who never came back 84), which made CLV
 *   of bench_core's 10^6 customers (times in whole days) 9x faster.
 *
 * REFERENCES
 *   Fader, Hardie and Lee (2005), "RFM and CLV: Using Iso-Value Curves for
 *   Customer Base Analysis", Journal of Marketing Research 42(4), 415-430.
 *   ClientPrune FUNCTIONS.md, "Prediction": the definition above.
 */
#include "models_internal.h"

#include <math.h>

#include "cp_alloc.h"

#define EXACT_MONTHS 64
#define PI 3.14159265358979323846
#define CHEB_MAX 512

/* E[Y(k u)] for k = 0..months into ey (ey[0] = 0). */
static int expected_by_month(const double p[4], double x, double tx, double T, int months,
                             double u, double *ey)
{
    ey[0] = 0.0;
    if (months > EXACT_MONTHS) {
        /* Chebyshev interpolation in tau = ln(1 + t/A) on [0, tau_max]. */
        const double A = p[1] + T, tau_max = log1p(months * u / A);
        double F[CHEB_MAX], c[CHEB_MAX];
        for (int nc = 64; nc <= CHEB_MAX; nc *= 2) {
            double emax = 0.0;
            for (int j = 0; j < nc; j++) {
                const double tau = 0.5 * tau_max * (1.0 + cos(PI * (j + 0.5) / nc));
                int status = cp_bgnbd_expect_one(A * expm1(tau), x, tx, T, p, &F[j]);
                if (status != CP_OK)
                    return status;
                emax = fmax(emax, fabs(F[j]));
            }
            for (int k = 0; k < nc; k++) {
                double sum = 0.0;
                for (int j = 0; j < nc; j++)
                    sum += F[j] * cos(PI * k * (j + 0.5) / nc);
                c[k] = 2.0 * sum / nc;
            }
            const double tail = fmax(fabs(c[nc - 1]), fmax(fabs(c[nc - 2]), fabs(c[nc - 3])));
            if (!(tail <= 1e-14 * emax))
                continue;
            /* Clenshaw at every month */
            for (int k = 1; k <= months; k++) {
                const double tau = log1p(k * u / A);
                const double y = 2.0 * tau / tau_max - 1.0, y2 = 2.0 * y;
                double b1 = 0.0, b2 = 0.0;
                for (int q = nc - 1; q >= 1; q--) {
                    const double b0 = y2 * b1 - b2 + c[q];
                    b2 = b1;
                    b1 = b0;
                }
                ey[k] = y * b1 - b2 + 0.5 * c[0];
            }
            return CP_OK;
        }
    }
    for (int k = 1; k <= months; k++) {
        int status = cp_bgnbd_expect_one(k * u, x, tx, T, p, &ey[k]);
        if (status != CP_OK)
            return status;
    }
    return CP_OK;
}

int cp_clv(cp_column x, cp_column tx, cp_column T, cp_column m, size_t n,
           const double bgnbd[4], const double gg[3], int months, double monthly_discount,
           double units_per_month, double out[], size_t os)
{
    int status = cp_check_params(bgnbd, 4);
    if (status == CP_OK)
        status = cp_check_params(gg, 3);
    if (status != CP_OK)
        return status;
    if (x.data == NULL || tx.data == NULL || T.data == NULL || m.data == NULL || out == NULL)
        return CP_EINVAL;
    if (months < 1 || months > 1200 || !isfinite(monthly_discount) || !(monthly_discount > -1.0) ||
        !isfinite(units_per_month) || !(units_per_month > 0.0))
        return CP_EINVAL;
    if (n == 0)
        return CP_EEMPTY;
    if (!cp_columns_span_ok(n, (cp_column[]){x, tx, T, m}, 4, os))
        return CP_ELIMIT;
    for (size_t i = 0; i < n; i++) {
        if ((status = cp_check_customer(cp_col(x, i), cp_col(tx, i), cp_col(T, i))) != CP_OK ||
            (status = cp_gg_check_row(cp_col(x, i), cp_col(m, i))) != CP_OK)
            return status;
        double spend;
        if ((status = cp_gg_spend_one(cp_col(x, i), cp_col(m, i), gg, &spend)) != CP_OK)
            return status;
    }

    /* Customers with the same (x, t_x, T) share the discounted sum of
     * their expected purchases (only the spend differs): it is computed
     * once per run of equal histories. */
    double *tmp = cp_alloc_array(n, sizeof *tmp);
    double *ey = cp_alloc_array((size_t)months + 1, sizeof *ey);
    size_t *order = cp_alloc_array(n, sizeof *order);
    const cp_column history[3] = {x, tx, T};
    status = tmp && ey && order ? cp_order_rows(history, 3, n, order) : CP_ENOMEM;
    if (status != CP_OK)
        goto done;
    const double log_discount = log1p(monthly_discount);
    double acc = 0.0;
    for (size_t j = 0; j < n && status == CP_OK; j++) {
        const size_t i = order[j];
        const double xi = cp_col(x, i), txi = cp_col(tx, i), Ti = cp_col(T, i);
        if (j == 0 || !cp_same_row(history, 3, i, order[j - 1])) {
            acc = 0.0;
            status = expected_by_month(bgnbd, xi, txi, Ti, months, units_per_month, ey);
            for (int k = 1; k <= months && status == CP_OK; k++)
                acc += (ey[k] - ey[k - 1]) * exp(-k * log_discount);
        }
        double spend;
        cp_gg_spend_one(xi, cp_col(m, i), gg, &spend);
        tmp[i] = spend * acc;
        /* A discount close to -1 over many months can overflow. */
        if (status == CP_OK && !isfinite(tmp[i]))
            status = CP_EINVAL;
    }
    for (size_t i = 0; status == CP_OK && i < n; i++)
        out[i * os] = tmp[i];
done:
    cp_free(tmp);
    cp_free(ey);
    cp_free(order);
    return status;
}
