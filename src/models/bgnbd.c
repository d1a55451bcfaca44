/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   cp_bgnbd_fit, cp_bgnbd_loglik      BGNBDFIT
 *   cp_bgnbd_palive                    BGNBDPALIVE
 *   cp_bgnbd_purchases                 BGNBDPURCHASES
 *
 * DESCRIPTION
 *   The beta-geometric/NBD model (Fader, Hardie and Lee 2005): while alive a
 *   customer buys at Poisson rate lambda ~ Gamma(r, alpha); after each
 *   purchase they drop out with probability p ~ Beta(a, b).  For a customer
 *   with x repeat purchases, the last at t_x, observed for T (eq. 6):
 *
 *     L = B(a, b+x)/B(a, b) Gamma(r+x)/Gamma(r) alpha^r / (alpha+T)^(r+x)
 *       + [x > 0] B(a+1, b+x-1)/B(a, b) Gamma(r+x)/Gamma(r) alpha^r
 *                                                    / (alpha+t_x)^(r+x).
 *
 *   In logs, with l1 = log1p(T/alpha) and l2 = log1p(t_x/alpha) so that
 *   nothing large cancels when r and alpha are both large:
 *
 *     ln L = lnpoch(r,x) + lnpoch(b,x) - lnpoch(a+b,x) + ln(e^L1 + e^L2),
 *     L1 = -(r+x) l1 - x ln alpha,
 *     L2 = ln a - ln(b+x-1) - (r+x) l2 - x ln alpha     (x > 0 only),
 *
 *   and the gradient follows analytically (digamma differences and the
 *   weight w = e^L2 / (e^L1 + e^L2) of the second term).
 *
 *   P(alive) (eq. 13) = 1 / (1 + [x>0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))
 *   = 1 - w.
 *
 *   Expected purchases in (T, T+t] (eq. 10) are usually written with
 *   2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t)) / (a - 1), which is singular at
 *   a = 1, overflows for large x and is where GSL's hyperg_2F1 and its
 *   peers go wrong.  We use instead the equivalent
 *
 *     E = P(alive) * E_p[ (1 - (1 + p w)^-(r+x)) / p ],
 *         p ~ Beta(a, b+x),  w = t/(alpha+T),
 *
 *   (integrate (1 - e^(-lambda p t)) / p over the posterior of lambda and p
 *   of a customer alive at T), which has no singularity at a = 1 and is
 *   evaluated in one of two ways:
 *
 *   - expanding (1 + p w)^-k, k = r+x, as a negative binomial in n with
 *     z = w/(1+w) gives the all-positive series
 *       E_p[...] = sum_{n>=1} NB(n; k, z) C_n,
 *       C_n = sum_{j<n} B(a, b+x+j) / B(a, b+x)
 *     (NB(n; k, z) = (k)_n/n! z^n (1-z)^k), summed while it is short
 *     (at most 4000 terms) with a proven bound on its tail;
 *   - otherwise the integral over p: from 0 to a small p0 term by term
 *     from the power series of (1-p)^(b+x-1) (1 - (1+pw)^-k)/p (which is
 *     what keeps a near 0, with its e^(a u) tail thousands of units long
 *     in u, cheap and exact), and from p0 on by adaptive Gauss-Kronrod in
 *     the logistic variable u = ln(p/(1-p)), where the integrand is
 *     analytic in the strip |Im u| < pi and decays exponentially (quad.c).
 *
 * REFERENCES
 *   Fader, Hardie and Lee (2005), "'Counting Your Customers' the Easy Way:
 *   An Alternative to the Pareto/NBD Model", Marketing Science 24(2),
 *   275-284: eq. 6 (likelihood), 10 (expectation), 13 (P(alive)).
 *   Fader and Hardie (2013), "Overcoming the BG/NBD Model's #NUM! Error
 *   Problem", http://brucehardie.com/notes/027/.
 */
#include "models_internal.h"

#include <math.h>

#include <gsl/gsl_sf_gamma.h>

#include "cp_alloc.h"

#define NB_MAX 4000

/* ---- likelihood ------------------------------------------------------- */

/* Sum over the book of w ln L and, when grad is not NULL, its gradient with
 * respect to the log-parameters.  CP_ENOMEM or CP_OK. */
static int book_loglik(const cp_book *book, const double p[], double *ll, double grad[],
                       double *work)
{
    *work += 2.0 * (double)book->n + (double)book->ntimes;
    const double r = p[0], alpha = p[1], a = p[2], b = p[3];
    const double lnalpha = log(alpha);
    /* log1p(t/alpha) once per distinct time */
    double *l = cp_alloc_array(book->ntimes, sizeof *l);
    if (l == NULL)
        return CP_ENOMEM;
    for (size_t t = 0; t < book->ntimes; t++)
        l[t] = cp_log1p_div(book->times[t], alpha);
    double sum = 0.0, g[4] = {0, 0, 0, 0};
    double cur_x = -1.0, G = 0, dGr = 0, dGa = 0, dGb = 0, lab = 0;
    for (size_t i = 0; i < book->n; i++) {
        const cp_row *row = &book->rows[i];
        const double x = row->x;
        if (x != cur_x) {
            cur_x = x;
            G = cp_lnpoch(r, x) + cp_lnpoch(b, x) - cp_lnpoch(a + b, x);
            if (grad) {
                double pab = cp_psi_diff(a + b, x);
                dGr = cp_psi_diff(r, x);
                dGa = -pab;
                dGb = cp_psi_diff(b, x) - pab;
            }
            lab = x > 0 ? log(a) - log(b + x - 1.0) : 0.0;
        }
        const double k = r + x;
        const double l1 = l[row->iT];
        const double L1 = -k * l1 - x * lnalpha;
        double lli, w = 0.0, l2 = 0.0;
        if (x > 0) {
            l2 = l[row->itx];
            const double L2 = lab - k * l2 - x * lnalpha;
            const double d = L2 - L1;
            if (d <= 0) {
                double e = exp(d);
                lli = L1 + cp_log1p(e);
                w = e / (1.0 + e);
            } else {
                double e = exp(-d);
                lli = L2 + cp_log1p(e);
                w = 1.0 / (1.0 + e);
            }
        } else {
            lli = L1;
        }
        sum += row->w * (G + lli);
        if (grad) {
            const double gr = r * (dGr - (1.0 - w) * l1 - w * l2);
            const double galpha = (1.0 - w) * (k * row->T / (alpha + row->T) - x) +
                                  w * (k * row->tx / (alpha + row->tx) - x);
            const double ga = a * dGa + w;
            const double gb = b * dGb - (x > 0 ? w * b / (b + x - 1.0) : 0.0);
            g[0] += row->w * gr;
            g[1] += row->w * galpha;
            g[2] += row->w * ga;
            g[3] += row->w * gb;
        }
    }
    cp_free(l);
    *ll = sum;
    if (grad)
        for (int j = 0; j < 4; j++)
            grad[j] = g[j];
    return isfinite(sum) ? CP_OK : CP_ENOCONV;
}

/* Starting points: a spread of shapes around the observed purchase rate
 * (its time scale from the mean age T, so any time unit works). */
static const double shapes[] = {
    1.0, 1.0, 1.0, 1.0,  0.25, 0.25, 0.8, 2.5,  0.5, 0.5, 0.5, 5.0,
    2.0, 2.0, 2.0, 2.0,  0.1, 0.1, 0.3, 10.0,   5.0, 5.0, 1.0, 10.0,
};

static void scales(const cp_book *book, double scale[])
{
    const double age = book->mean_T > 0 ? book->mean_T : 1.0;
    scale[0] = scale[2] = scale[3] = 1.0;
    scale[1] = age / (book->mean_x + 0.1); /* 1 / purchase rate */
}

static const cp_model model = {4, 0, book_loglik, shapes, sizeof shapes / sizeof shapes[0] / 4,
                               scales};

int cp_bgnbd_loglik(cp_column x, cp_column tx, cp_column T, cp_column count, size_t n,
                    const double params[4], double *loglik)
{
    return cp_model_loglik(&model, x, tx, T, count, n, params, loglik);
}

int cp_bgnbd_fit(cp_column x, cp_column tx, cp_column T, cp_column count, size_t n,
                 double params[4], double *loglik)
{
    return cp_model_fit(&model, x, tx, T, count, n, params, loglik);
}

/* ---- predictions ------------------------------------------------------ */

/* ln of a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x), the odds against alive;
 * -inf when x = 0. */
static double log_dead_odds(const double p[4], double x, double tx, double T)
{
    if (x == 0)
        return -INFINITY;
    const double lo = log(p[2]) - log(p[3] + x - 1.0);
    /* t_x = T: the power is 1, also where r + x overflows (inf * 0) */
    return tx == T ? lo : lo + (p[0] + x) * cp_log1p_div(T - tx, p[1] + tx);
}

static double palive_from_odds(double lo)
{
    if (lo > 0) {
        double e = exp(-lo);
        return e / (1.0 + e);
    }
    return 1.0 / (1.0 + exp(lo));
}

int cp_bgnbd_palive(cp_column x, cp_column tx, cp_column T, size_t n, const double params[4],
                    double out[], size_t os)
{
    int status = cp_check_params(params, 4);
    if (status != CP_OK)
        return status;
    if (x.data == NULL || tx.data == NULL || T.data == NULL || out == NULL)
        return CP_EINVAL;
    if (n == 0)
        return CP_EEMPTY;
    if (!cp_columns_span_ok(n, (cp_column[]){x, tx, T}, 3, os))
        return CP_ELIMIT;
    for (size_t i = 0; i < n; i++)
        if ((status = cp_check_customer(cp_col(x, i), cp_col(tx, i), cp_col(T, i))) != CP_OK)
            return status;
    /* Odds that overflow both ways (b + x and r + x infinite) have no
     * value: checked before anything is written. */
    for (size_t i = 0; i < n; i++)
        if (isnan(log_dead_odds(params, cp_col(x, i), cp_col(tx, i), cp_col(T, i))))
            return CP_ENOCONV;
    for (size_t i = 0; i < n; i++)
        out[i * os] =
            palive_from_odds(log_dead_odds(params, cp_col(x, i), cp_col(tx, i), cp_col(T, i)));
    return CP_OK;
}

/* E_p[(1 - (1+pw)^-k) / p] for p ~ Beta(a, bx): the negative binomial
 * series.  Returns 0 when the series would be too long or underflow (the
 * caller integrates instead). */
static int nb_series(double k, double w, double a, double bx, double *value)
{
    const double z = w / (1.0 + w);
    const double log_p0 = -k * log1p(w);
    const double mean = k * w;
    if (log_p0 < -700.0 || mean + 12.0 * sqrt(mean * (1.0 + w)) + 45.0 * (1.0 + w) > NB_MAX)
        return 0;
    double P = exp(log_p0) * k * z; /* NB(1) */
    double c = 1.0, C = 1.0;        /* c_0, C_1 */
    double sum = 0.0;
    for (int n = 1; n <= NB_MAX; n++) {
        sum += P * C;
        /* Next: c_n = c_{n-1} (bx+n-1)/(a+bx+n-1); C_{n+1} = C_n + c_n. */
        c *= (bx + n - 1.0) / (a + bx + n - 1.0);
        double ratio = z * (k + n) / (n + 1.0);
        double rho = fmax(z, ratio);
        if (ratio < 1.0 && rho < 1.0) {
            /* P_j <= P_n rho^(j-n), C_j <= C_n + (j-n) c_n for j > n. */
            double tail = P * (C * rho / (1.0 - rho) + c * rho / ((1.0 - rho) * (1.0 - rho)));
            if (tail <= 1e-17 * sum) {
                *value = sum;
                return 1;
            }
        }
        P *= ratio;
        C += c;
    }
    return 0;
}

/* The integral over p in the logistic variable u = ln(p/(1-p)):
 * p^a (1-p)^bx g(p) du with g(p) = (1 - (1+pw)^-k)/p. */
typedef struct {
    double k, w, a, bx;
} beta_integrand;

static void logistic_logs(double u, double *lnp, double *ln1mp)
{
    if (u >= 0) {
        double l = log1p(exp(-u));
        *lnp = -l;
        *ln1mp = -u - l;
    } else {
        double l = log1p(exp(u));
        *lnp = u - l;
        *ln1mp = -l;
    }
}

static double log_beta_kernel(double u, void *ctx)
{
    const beta_integrand *q = ctx;
    double lnp, ln1mp;
    logistic_logs(u, &lnp, &ln1mp);
    return q->a * lnp + q->bx * ln1mp;
}

/* ln g(p) = ln((1 - (1+pw)^-k) / p), also where p w underflows (g -> k w). */
static double log_g(double lnp, double k, double w)
{
    double p = exp(lnp);
    double s = log1p(p * w);
    if (k * s > 1e-300)
        return log(-expm1(-k * s)) - lnp;
    return log(k) + (s > 0 ? log(s) - lnp : log(w));
}

static double log_expect_integrand(double u, void *ctx)
{
    const beta_integrand *q = ctx;
    double lnp, ln1mp;
    logistic_logs(u, &lnp, &ln1mp);
    return q->a * lnp + q->bx * ln1mp + log_g(lnp, q->k, q->w);
}

/* ln of the integral over (0, p0) of p^(a-1) (1-p)^(bx-1) g(p), from the
 * power series of (1-p)^(bx-1) g(p) = kw sum_n c_n p^n integrated term by
 * term: kw p0^a sum_n c_n p0^n / (a+n).  With p0 (k+1) w <= 0.05 and
 * p0 bx <= 0.05 the terms of both factors' series fall by 20 at least
 * (their ratios are (k+n+1)/(n+2) w p0 and (n+1-bx)/(n+1) p0). */
static double log_left_part(double k, double w, double a, double bx, double p0)
{
    enum { TERMS = 40 };
    double G[TERMS], B[TERMS];
    /* g(p)/(kw) = sum_n (-1)^n (k+1)_n/(n+1)! w^n p^n;
     * (1-p)^(bx-1) = sum_j binom(bx-1, j) (-p)^j */
    G[0] = 1.0;
    B[0] = 1.0;
    for (int n = 0; n + 1 < TERMS; n++) {
        G[n + 1] = -G[n] * (k + n + 1.0) / (n + 2.0) * w;
        B[n + 1] = B[n] * (n + 1.0 - bx) / (n + 1.0);
    }
    double sum = 0.0, pn = 1.0;
    for (int n = 0; n < TERMS; n++, pn *= p0) {
        double c = 0.0;
        for (int i = 0; i <= n; i++)
            c += G[i] * B[n - i];
        const double term = c * pn / (a + n);
        sum += term;
        if (n > 2 && fabs(term) < 1e-17 * fabs(sum))
            break;
    }
    return log(k) + log(w) + a * log(p0) + log(sum);
}

static int beta_quadrature(double k, double w, double a, double bx, double *value)
{
    beta_integrand q = {k, w, a, bx};
    /* Below p0 the series; above it the quadrature in u, from u0 up to where
     * the integrand has fallen by e^-46 (p^a (1-p)^bx decreases beyond its
     * mode, and g decreases everywhere). */
    const double p0 = 0.05 / fmax(1.0, fmax((k + 1.0) * w, bx));
    const double u0 = log(p0) - log1p(-p0);
    const double um = fmax(u0, log(a) - log(bx)); /* mode of p^a (1-p)^bx, or u0 */
    const double drop = 46.0;
    const double uR = cp_quad_cut(log_beta_kernel, &q, um, um + (drop / bx + 60.0), drop);
    double logint = log_left_part(k, w, a, bx, p0);
    if (uR > u0) {
        double right;
        int status = cp_quad_log(log_expect_integrand, &q, u0, uR, um, &right);
        if (status != CP_OK)
            return status;
        logint = cp_logaddexp(logint, right);
    }
    /* ln B(a, bx), the smaller argument through ln Gamma. */
    double lnB = a <= bx ? gsl_sf_lngamma(a) - cp_lnpoch(bx, a) : gsl_sf_lngamma(bx) - cp_lnpoch(a, bx);
    *value = exp(logint - lnB);
    return isfinite(*value) ? CP_OK : CP_ENOCONV;
}

int cp_bgnbd_expect_one(double t, double x, double tx, double T, const double p[4], double *e)
{
    if (t == 0.0) {
        *e = 0.0;
        return CP_OK;
    }
    const double k = p[0] + x, w = t / (p[1] + T), bx = p[3] + x;
    double q;
    if (!nb_series(k, w, p[2], bx, &q)) {
        int status = beta_quadrature(k, w, p[2], bx, &q);
        if (status != CP_OK)
            return status;
    }
    *e = q * palive_from_odds(log_dead_odds(p, x, tx, T));
    return isfinite(*e) ? CP_OK : CP_ENOCONV;
}

int cp_bgnbd_purchases(cp_column t, cp_column x, cp_column tx, cp_column T, size_t n,
                       const double params[4], double out[], size_t os)
{
    int status = cp_check_params(params, 4);
    if (status != CP_OK)
        return status;
    if (t.data == NULL || x.data == NULL || tx.data == NULL || T.data == NULL || out == NULL)
        return CP_EINVAL;
    if (n == 0)
        return CP_EEMPTY;
    if (!cp_columns_span_ok(n, (cp_column[]){t, x, tx, T}, 4, os))
        return CP_ELIMIT;
    for (size_t i = 0; i < n; i++) {
        double ti = cp_col(t, i);
        if (!isfinite(ti) || ti < 0.0)
            return CP_EINVAL;
        if ((status = cp_check_customer(cp_col(x, i), cp_col(tx, i), cp_col(T, i))) != CP_OK)
            return status;
    }
    /* Once per run of equal (x, t_x, T, t) (cp_order_rows). */
    double *tmp = cp_alloc_array(n, sizeof *tmp);
    size_t *order = cp_alloc_array(n, sizeof *order);
    const cp_column row[4] = {x, tx, T, t};
    status = tmp && order ? cp_order_rows(row, 4, n, order) : CP_ENOMEM;
    for (size_t j = 0; j < n && status == CP_OK; j++) {
        const size_t i = order[j];
        if (j > 0 && cp_same_row(row, 4, i, order[j - 1]))
            tmp[i] = tmp[order[j - 1]];
        else
            status = cp_bgnbd_expect_one(cp_col(t, i), cp_col(x, i), cp_col(tx, i), cp_col(T, i),
                                         params, &tmp[i]);
    }
    if (status == CP_OK)
        for (size_t i = 0; i < n; i++)
            out[i * os] = tmp[i];
    cp_free(tmp);
    cp_free(order);
    return status;
}
