/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   cp_gg_fit, cp_gg_loglik     GGFIT
 *   cp_gg_spend                 GGSPEND
 *
 * DESCRIPTION
 *   The gamma-gamma model of spend per purchase: a customer's purchases are
 *   Gamma(p, nu) amounts, and nu varies across customers as Gamma(q, gamma).
 *   The mean m of x repeat purchases then has the density (Fader and Hardie
 *   2013, eq. 1a)
 *
 *     f(m | p, q, gamma, x) = Gamma(px+q) / (Gamma(px) Gamma(q))
 *                             gamma^q m^(px-1) x^px / (gamma + x m)^(px+q),
 *
 *   which in logs, arranged so that large terms do not cancel, is
 *
 *     ln f = -ln B(px, q) - q log1p(x m / gamma) - px log1p(gamma / (x m)) - ln m.
 *
 *   Only customers with x > 0 and m > 0 carry information on spend (the
 *   density's support); the fit uses those and ignores the rest.  The
 *   gradient is analytic (digamma differences).
 *
 *   The expected spend per purchase given (x, m) is the posterior mean
 *   (eq. 5 of the note; Fader, Hardie and Lee 2005, eq. 5)
 *
 *     E[Z | x, m] = p (gamma + x m) / (p x + q - 1),
 *
 *   which at x = 0 is the population mean p gamma / (q - 1); it exists only
 *   when p x + q - 1 > 0.
 *
 * REFERENCES
 *   Fader and Hardie (2013), "The Gamma-Gamma Model of Monetary Value",
 *   http://brucehardie.com/notes/025/: eq. 1a (density), 5 (expectation).
 *   Fader, Hardie and Lee (2005), "RFM and CLV: Using Iso-Value Curves for
 *   Customer Base Analysis", Journal of Marketing Research 42(4), 415-430.
 */
#include "models_internal.h"

#include <math.h>

#include <gsl/gsl_sf_gamma.h>

#include "cp_alloc.h"

/* ln B(u, v) with the smaller argument through ln Gamma. */
static double lnbeta(double u, double v)
{
    return u <= v ? gsl_sf_lngamma(u) - cp_lnpoch(v, u) : gsl_sf_lngamma(v) - cp_lnpoch(u, v);
}

/* Sum of w ln f over the book (rows (x, m) kept as (x, tx = m)) and the
 * gradient in the log-parameters. */
static int book_loglik(const cp_book *book, const double par[], double *ll, double grad[],
                       double *work)
{
    *work += 2.0 * (double)book->n;
    const double p = par[0], q = par[1], gamma = par[2];
    double sum = 0.0, g[3] = {0, 0, 0};
    double cur_x = -1.0, lb = 0.0, dpsi_p = 0.0, dpsi_q = 0.0;
    for (size_t i = 0; i < book->n; i++) {
        const cp_row *row = &book->rows[i];
        const double x = row->x, m = row->tx, px = p * x;
        if (x != cur_x) {
            cur_x = x;
            lb = lnbeta(px, q);
            if (grad) {
                dpsi_p = cp_psi_diff(px, q); /* psi(px+q) - psi(px) */
                dpsi_q = cp_psi_diff(q, px); /* psi(px+q) - psi(q) */
            }
        }
        const double xm = x * m;
        const double l1 = log1p(xm / gamma), l2 = log1p(gamma / xm);
        sum += row->w * (-lb - q * l1 - px * l2 - log(m));
        if (grad) {
            g[0] += row->w * px * (dpsi_p - l2);
            g[1] += row->w * q * (dpsi_q - l1);
            g[2] += row->w * (q * xm - px * gamma) / (gamma + xm);
        }
    }
    *ll = sum;
    if (grad)
        for (int j = 0; j < 3; j++)
            grad[j] = g[j];
    return CP_OK;
}

/* Starts around the observed mean spend: E[Z] = p gamma / (q - 1). */
static const double shapes[] = {
    1.0, 2.0, 1.0,  5.0, 3.0, 0.4,  0.5, 1.5, 0.5,  10.0, 5.0, 0.4,  2.0, 10.0, 4.5,
};

static void scales(const cp_book *book, double scale[])
{
    double sm = 0.0;
    for (size_t i = 0; i < book->n; i++)
        sm += book->rows[i].w * book->rows[i].tx;
    scale[0] = scale[1] = 1.0;
    scale[2] = sm / book->total;
}

static const cp_model model = {3, 1, book_loglik, shapes, sizeof shapes / sizeof shapes[0] / 3,
                               scales};

int cp_gg_loglik(cp_column x, cp_column m, cp_column count, size_t n, const double params[3],
                 double *loglik)
{
    cp_column none = {NULL, 0};
    return cp_model_loglik(&model, x, m, none, count, n, params, loglik);
}

int cp_gg_fit(cp_column x, cp_column m, cp_column count, size_t n, double params[3],
              double *loglik, size_t *used)
{
    cp_column none = {NULL, 0};
    int status = cp_model_fit(&model, x, m, none, count, n, params, loglik);
    if (status == CP_OK && used) {
        /* rows that entered the fit */
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            double xi = cp_col(x, i), mi = cp_col(m, i);
            double wi = count.data ? cp_col(count, i) : 1.0;
            k += xi > 0 && mi > 0 && wi > 0;
        }
        *used = k;
    }
    return status;
}

int cp_gg_spend_one(double x, double m, const double par[3], double *spend)
{
    /* For p > 1 divided through by p, (gamma + x m) / (x + (q - 1)/p), so
     * that p x does not overflow for a huge p (the limit is m + gamma/x);
     * for p <= 1 as written, p ((gamma + x m) / (p x + q - 1)), so that
     * (q - 1)/p does not overflow for a huge q. */
    const double p = par[0], q = par[1], gamma = par[2];
    const double denom = p > 1.0 ? x + (q - 1.0) / p : p * x + q - 1.0;
    if (!(denom > 0.0))
        return CP_EDOM;
    *spend = p > 1.0 ? (gamma + x * m) / denom : p * ((gamma + x * m) / denom);
    return isfinite(*spend) ? CP_OK : CP_EDOM;
}

int cp_gg_check_row(double x, double m)
{
    if (!isfinite(x) || x < 0.0 || x != floor(x) || !isfinite(m) || m < 0.0)
        return CP_EINVAL;
    return CP_OK;
}

int cp_gg_spend(cp_column x, cp_column m, size_t n, const double params[3], double out[],
                size_t os)
{
    int status = cp_check_params(params, 3);
    if (status != CP_OK)
        return status;
    if (x.data == NULL || m.data == NULL || out == NULL)
        return CP_EINVAL;
    if (n == 0)
        return CP_EEMPTY;
    if (!cp_columns_span_ok(n, (cp_column[]){x, m}, 2, os))
        return CP_ELIMIT;
    for (size_t i = 0; i < n; i++)
        if ((status = cp_gg_check_row(cp_col(x, i), cp_col(m, i))) != CP_OK)
            return status;
    double *tmp = cp_alloc_array(n, sizeof *tmp);
    if (tmp == NULL)
        return CP_ENOMEM;
    for (size_t i = 0; i < n && status == CP_OK; i++)
        status = cp_gg_spend_one(cp_col(x, i), cp_col(m, i), params, &tmp[i]);
    for (size_t i = 0; status == CP_OK && i < n; i++)
        out[i * os] = tmp[i];
    cp_free(tmp);
    return status;
}
