/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   cp_pnbd_fit, cp_pnbd_loglik       PARETONBDFIT
 *   cp_pnbd_palive                    PARETONBDPALIVE
 *   cp_pnbd_purchases                 PARETONBDPURCHASES
 *
 * DESCRIPTION
 *   The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987): while
 *   alive a customer buys at Poisson rate lambda ~ Gamma(r, alpha) and dies
 *   at exponential rate mu ~ Gamma(s, beta).  Fader and Hardie's note gives
 *   the likelihood of (x, t_x, T) as (eq. 18)
 *
 *     L = Gamma(r+x) alpha^r beta^s / Gamma(r)
 *         [ 1 / ((alpha+T)^(r+x) (beta+T)^s) + s/(r+s+x) A0 ],
 *
 *   with A0 a difference of two Gauss hypergeometric functions (eq. 19,
 *   20).  Going back one step of their derivation, s/(r+s+x) A0 = s I with
 *
 *     I = integral from t_x to T of (alpha+tau)^-(r+x) (beta+tau)^-(s+1) dtau
 *
 *   (death at tau after the last purchase), so in logs, k = r + x:
 *
 *     ln L = lnpoch(r, x) + ln(e^A + e^B),
 *     A = -r log1p(T/alpha) - x ln(alpha+T) - s log1p(T/beta),
 *     B = ln s + r ln alpha + s ln beta + ln I.
 *
 *   P(alive) = e^A / (e^A + e^B) (Fader and Hardie, eq. 22 written with I),
 *   and the expected purchases in (T, T+t] are (eq. 27)
 *
 *     (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)] P(alive),
 *
 *   evaluated as (r+x)(beta+T)/(alpha+T) (1 - q^(s-1))/(s-1) with
 *   -expm1((s-1) ln q)/(s-1), which at s = 1 is its limit ln(1 + t/(beta+T)).
 *
 *   Computing I.  With c one of alpha and beta, o the other, m = r+s+x,
 *   z0 = (c-o)/(c+t_x) and e = s+1 when c = alpha, r+x when c = beta,
 *   eq. 19/20 expand as the series
 *
 *     I = (c+t_x)^-m sum_n (e)_n/n! z0^n (1 - e^(-(m+n) L)) / (m+n),
 *     L = ln((c+T)/(c+t_x)),
 *
 *   which is the two hypergeometric terms F(t_x) - F(T) subtracted term by
 *   term, so that t_x close to T loses nothing (and t_x = T gives I = 0
 *   exactly).  With c the larger parameter (Fader and Hardie's choice) its
 *   terms are all positive; with the smaller one the argument is negative
 *   and the terms alternate, which is used when |z0| is small enough for
 *   the cancellation to cost at most two digits and the series is shorter
 *   (customers with hundreds of purchases).  It is summed when it is short
 *   (about 400 terms at most, with a bound on its tail), together with its
 *   derivatives in m, e, z0 and L for the analytic gradient.  When z0 is
 *   close to 1 (one rate parameter much smaller than the other, where
 *   lifetimes, BTYD and CLVTools report NaN or wrong values) or e z0/(1-z0)
 *   is large (hundreds of purchases), I is integrated numerically instead
 *   in the variable u = ln((min(alpha,beta) + tau)/(min(alpha,beta) + t_x)),
 *   in which the integrand is log-concave and analytic in |Im u| < pi
 *   (quad.c), and so are the integrals that give the gradient.
 *
 * REFERENCES
 *   Schmittlein, Morrison and Colombo (1987), "Counting Your Customers: Who
 *   Are They and What Will They Do Next?", Management Science 33(1), 1-24.
 *   Fader and Hardie (2005), "A Note on Deriving the Pareto/NBD Model and
 *   Related Expressions", http://brucehardie.com/notes/009/: eq. 18-20
 *   (likelihood), 22 (P(alive)), 27 (expected purchases).
 */
#include "models_internal.h"

#include <math.h>

#include "cp_alloc.h"

#define SERIES_MAX 400

/* Derivatives of B = ln s + r ln alpha + s ln beta + ln I and of A with
 * respect to (r, alpha, s, beta), plain (not log) parameters. */
typedef struct {
    double A, B;     /* B = -inf when I = 0 (t_x = T) */
    double dA[4], dB[4];
} row_terms;

/* ---- I as a series ----------------------------------------------------- */

typedef struct {
    double S, Sm, Se, Sz, SL; /* sum and its derivatives in m, e, z0, L */
} series;

/* The number of terms the series in z with exponent e is expected to need
 * (a negative binomial in n peaks at (e-1)|z|/(1-|z|)), or INFINITY where
 * it is not used: |z| >= 1, overflow of (1-z)^-e, or - for z < 0, whose
 * terms alternate - a cancellation ((1+|z|)/(1-|z|))^e above 100. */
static double series_cost(double e, double z)
{
    const double az = fabs(z);
    if (!(az < 1.0))
        return INFINITY;
    if (az == 0.0)
        return 1.0;
    if (z > 0.0 ? -e * log1p(-z) > 600.0 : e * log((1.0 + az) / (1.0 - az)) > log(100.0))
        return INFINITY;
    const double peak = e > 1.0 ? (e - 1.0) * az / (1.0 - az) : 0.0;
    return peak + 8.0 * sqrt(peak) + 40.0 / fmax(-log(az), 1e-3);
}

/* sum_n (e)_n/n! z^n g_n, g_n = (1 - e^{-(m+n)L})/(m+n), and derivatives.
 * Returns 0 (and leaves *out alone) when it has not converged within
 * 2 SERIES_MAX terms. */
static int sum_series(double e, double m, double z, double L, int grad, series *out,
                      double *work)
{
    /* p_n = e^{-(m+n)L} and D_n = 1 - p_n by recurrences: D_{n+1} =
     * D_n + p_n (1 - e^-L) adds positive terms, so no 1 - p cancels. */
    const double omq = -expm1(-L), q = 1.0 - omq;
    const double em = expm1(-m * L);
    double pn = 1.0 + em, D = -em;
    double a = 1.0, aprev = 0.0, H = 0.0; /* a_n, a_{n-1}, sum_{j<n} 1/(e+j) */
    series s = {0, 0, 0, 0, 0};
    for (int n = 0; n <= 2 * SERIES_MAX; n++) {
        const double inv = 1.0 / (m + n);
        const double g = D * inv;
        const double ag = a * g;
        s.S += ag;
        if (grad) {
            s.Sm += a * (L * pn - g) * inv;
            s.Se += H * ag;
            s.Sz += (e + n - 1.0) * aprev * g;
            s.SL += a * pn;
        }
        if (z == 0.0 || a == 0.0)
            break;
        /* (e+n) z/(n+1) and 1/(e+n) from one division */
        const double d = 1.0 / ((n + 1.0) * (e + n));
        const double ratio = (e + n) * (e + n) * z * d;
        const double az = fabs(z), aratio = fabs(ratio);
        const double rho = aratio > az ? aratio : az;
        /* sum of |tail| <= |a| rho/(1-rho) min(L, 1/(m+n)) <= 1e-17 S */
        if (rho < 1.0 && n > 4 &&
            fabs(a) * rho * (L < inv ? L : inv) <= 1e-17 * s.S * (1.0 - rho)) {
            *out = s;
            *work += n;
            return 1;
        }
        H += (n + 1.0) * d;
        aprev = a;
        a *= ratio;
        D += pn * omq;
        pn *= q;
    }
    *work += 2 * SERIES_MAX;
    if (z == 0.0 || a == 0.0) {
        *out = s;
        return 1;
    }
    return 0;
}

/* ---- I by quadrature --------------------------------------------------- */

typedef struct {
    double k, s1;    /* exponents r+x and s+1 */
    double ca, cb;   /* (c'+t_x)/(alpha+t_x), (c'+t_x)/(beta+t_x), c' = min */
    double ay, by;   /* alpha + t_x, beta + t_x */
} pnbd_integrand;

/* ln of the integrand relative to u = 0 (used to find the cut points). */
static double log_pnbd_integrand(double u, void *ctx)
{
    const pnbd_integrand *q = ctx;
    const double em1 = expm1(u);
    return -q->k * log1p(q->ca * em1) - q->s1 * log1p(q->cb * em1) + u;
}

/* The same, with the weights of the gradient: 1, ln((alpha+tau)/(alpha+t_x)),
 * 1/(alpha+tau), ln((beta+tau)/(beta+t_x)), 1/(beta+tau). */
static void pnbd_integrand_vec(double u, void *ctx, double *logf, double w[])
{
    const pnbd_integrand *q = ctx;
    const double em1 = expm1(u);
    const double fa = 1.0 + q->ca * em1, fb = 1.0 + q->cb * em1;
    const double la = log1p(q->ca * em1), lb = log1p(q->cb * em1);
    *logf = -q->k * la - q->s1 * lb + u;
    w[0] = 1.0;
    w[1] = la;
    w[2] = 1.0 / (q->ay * fa);
    w[3] = lb;
    w[4] = 1.0 / (q->by * fb);
}

/* ln I and, when grad, the means <w_1..4> under the integrand, in the
 * variable u = ln((c'+tau)/(c'+t_x)), c' = min(alpha, beta).  ln I here is
 * relative: the caller adds -k ln(alpha+t_x) - (s+1) ln(beta+t_x) +
 * ln(c'+t_x). */
static int quad_I(double k, double s1, double alpha, double beta, double y0, double y1, int grad,
                  double *lnJ, double means[5], double *work)
{
    const double cmin = fmin(alpha, beta);
    pnbd_integrand q = {k, s1, (cmin + y0) / (alpha + y0), (cmin + y0) / (beta + y0),
                        alpha + y0, beta + y0};
    const double U = cp_log1p_div(y1 - y0, cmin + y0);
    /* The integrand is log-concave in u; its mode is at 0 unless k < 1
     * and alpha < beta, where (alpha+tau)/(beta+tau) = (1-k)/(s+1). */
    double mode = 0.0;
    if (alpha < beta && k < 1.0) {
        double rho = (1.0 - k) / s1;
        double tau = (rho * beta - alpha) / (1.0 - rho);
        if (tau > y0)
            mode = fmin(U, log1p((tau - y0) / (alpha + y0)));
    }
    const double drop = 46.0;
    double lo = mode > 0.0 ? cp_quad_cut(log_pnbd_integrand, &q, mode, 0.0, drop) : 0.0;
    double hi = mode < U ? cp_quad_cut(log_pnbd_integrand, &q, mode, U, drop) : U;
    if (!(lo < hi)) {
        *lnJ = -INFINITY;
        return CP_OK;
    }
    const double M = log_pnbd_integrand(mode, &q);
    double v[5];
    size_t evals = 0;
    int status = cp_quad_vec(pnbd_integrand_vec, &q, grad ? 5 : 1, lo, hi, M, v, &evals);
    *work += 8.0 * (double)evals + 400.0; /* and the cut points */
    if (status != CP_OK)
        return status;
    if (!(v[0] > 0.0))
        return CP_ENOCONV;
    *lnJ = M + log(v[0]);
    for (int j = 1; grad && j < 5; j++)
        means[j] = v[j] / v[0];
    return CP_OK;
}

/* ---- one customer ------------------------------------------------------ */

/* The parameters, and the logarithms of a time v that the terms need. */
typedef struct {
    double r, alpha, s, beta, lns;
} params_t;

typedef struct {
    double la1, lb1; /* log1p(v/alpha), log1p(v/beta) */
    double lna, lnb; /* ln(alpha+v), ln(beta+v) */
    double lab1;     /* ln((alpha+v)/beta) = log1p((alpha+v-beta)/beta) */
    double lab2;     /* ln((beta+v)/alpha) = log1p((beta+v-alpha)/alpha) */
} time_logs;

static params_t params_of(const double p[4])
{
    params_t q = {p[0], p[1], p[2], p[3], log(p[2])};
    return q;
}

static void fill_time_logs(const params_t *p, double v, time_logs *t)
{
    t->la1 = cp_log1p_div(v, p->alpha);
    t->lb1 = cp_log1p_div(v, p->beta);
    t->lna = log(p->alpha + v);
    t->lnb = log(p->beta + v);
    t->lab1 = cp_log1p_div(p->alpha + v - p->beta, p->beta);
    t->lab2 = cp_log1p_div(p->beta + v - p->alpha, p->alpha);
}

/* A, B and their derivatives for x, t_x = y0, T = y1, with l0, l1 the
 * logarithms of y0 and y1. */
static int terms(const params_t *p, double x, double y0, double y1, const time_logs *l0,
                 const time_logs *l1, int grad, row_terms *t, double *work)
{
    *work += 10.0;
    const double r = p->r, alpha = p->alpha, s = p->s, beta = p->beta;
    const double k = r + x, m = r + s + x;
    t->A = -r * l1->la1 - x * l1->lna - s * l1->lb1;
    if (grad) {
        t->dA[0] = -l1->la1;
        t->dA[1] = r * y1 / (alpha * (alpha + y1)) - x / (alpha + y1);
        t->dA[2] = -l1->lb1;
        t->dA[3] = s * y1 / (beta * (beta + y1));
    }
    if (y1 == y0) {
        t->B = -INFINITY; /* I = 0: the customer bought at the very end */
        for (int j = 0; grad && j < 4; j++)
            t->dB[j] = 0.0;
        return CP_OK;
    }

    /* Eq. 19 (c = alpha, e = s+1) or eq. 20 (c = beta, e = r+x): the one
     * with the positive argument, or the other when its argument is small
     * enough for an alternating series to be cheaper (heavy buyers). */
    const double z1 = (alpha - beta) / (alpha + y0), z2 = (beta - alpha) / (beta + y0);
    const double cost1 = series_cost(s + 1.0, z1), cost2 = series_cost(k, z2);
    const int use_alpha = cost1 <= cost2;
    const double c = use_alpha ? alpha : beta, o = use_alpha ? beta : alpha;
    const double e = use_alpha ? s + 1.0 : k, z0 = use_alpha ? z1 : z2;
    const double cy = c + y0;
    const double L = cp_log1p_div(y1 - y0, cy);
    series sr;
    if ((use_alpha ? cost1 : cost2) <= SERIES_MAX && sum_series(e, m, z0, L, grad, &sr, work) &&
        sr.S > 0.0) {
        /* r ln alpha + s ln beta - m ln(c + t_x), without cancellation */
        const double pre = use_alpha ? -r * l0->la1 - s * l0->lab1 - x * l0->lna
                                     : -s * l0->lb1 - r * l0->lab2 - x * l0->lnb;
        t->B = p->lns + pre + log(sr.S);
        if (grad) {
            const double Sm = sr.Sm / sr.S, Se = sr.Se / sr.S;
            const double Sz = sr.Sz / sr.S, SL = sr.SL / sr.S;
            const double dLdc = -(y1 - y0) / (cy * (c + y1));
            const double dzdc = (o + y0) / (cy * cy), dzdo = -1.0 / cy;
            const double dIc = -m / cy + Sz * dzdc + SL * dLdc; /* d ln I / dc */
            const double dIo = Sz * dzdo;                        /* d ln I / do */
            if (use_alpha) {
                t->dB[0] = -l0->la1 + Sm;
                t->dB[1] = r / alpha + dIc;
                t->dB[2] = 1.0 / s - l0->lab1 + Sm + Se;
                t->dB[3] = s / beta + dIo;
            } else {
                t->dB[0] = -l0->lab2 + Sm + Se;
                t->dB[1] = r / alpha + dIo;
                t->dB[2] = 1.0 / s - l0->lb1 + Sm;
                t->dB[3] = s / beta + dIc;
            }
        }
        return CP_OK;
    }

    double lnJ, mean[5] = {0, 0, 0, 0, 0};
    int status = quad_I(k, s + 1.0, alpha, beta, y0, y1, grad, &lnJ, mean, work);
    if (status != CP_OK)
        return status;
    /* ln s + r ln alpha + s ln beta - k ln(alpha+t_x) - (s+1) ln(beta+t_x)
     * + ln(min(alpha, beta) + t_x) + ln J */
    t->B = p->lns - r * l0->la1 - x * l0->lna - s * l0->lb1 - l0->lnb +
           (alpha >= beta ? l0->lnb : l0->lna) + lnJ;
    if (grad) {
        t->dB[0] = -l0->la1 - mean[1];
        t->dB[1] = r / alpha - k * mean[2];
        t->dB[2] = 1.0 / s - l0->lb1 - mean[3];
        t->dB[3] = s / beta - (s + 1.0) * mean[4];
    }
    return CP_OK;
}

/* A and B of one customer from scratch (the prediction functions). */
static int terms_one(const params_t *p, double x, double tx, double T, row_terms *t)
{
    time_logs l0, l1;
    double work = 0.0;
    fill_time_logs(p, tx, &l0);
    fill_time_logs(p, T, &l1);
    return terms(p, x, tx, T, &l0, &l1, 0, t, &work);
}

/* ---- likelihood -------------------------------------------------------- */

static int book_loglik(const cp_book *book, const double par[], double *ll, double grad[],
                       double *work)
{
    const params_t p = params_of(par);
    time_logs *tl = cp_alloc_array(book->ntimes, sizeof *tl);
    if (tl == NULL)
        return CP_ENOMEM;
    for (size_t t = 0; t < book->ntimes; t++)
        fill_time_logs(&p, book->times[t], &tl[t]);
    double sum = 0.0, g[4] = {0, 0, 0, 0};
    double cur_x = -1.0, G = 0.0, dG = 0.0;
    int status = CP_OK;
    for (size_t i = 0; i < book->n && status == CP_OK; i++) {
        const cp_row *row = &book->rows[i];
        if (row->x != cur_x) {
            cur_x = row->x;
            G = cp_lnpoch(p.r, cur_x);
            dG = grad ? cp_psi_diff(p.r, cur_x) : 0.0;
        }
        row_terms t;
        status = terms(&p, row->x, row->tx, row->T, &tl[row->itx], &tl[row->iT], grad != NULL, &t,
                       work);
        if (status != CP_OK)
            break;
        /* ln(e^A + e^B) and the weight of B, from one exp */
        const double dBA = t.B - t.A;
        double lse, wB;
        if (dBA <= 0) {
            const double e = exp(dBA);
            lse = t.A + cp_log1p(e);
            wB = e / (1.0 + e);
        } else {
            const double e = exp(-dBA);
            lse = t.B + cp_log1p(e);
            wB = 1.0 / (1.0 + e);
        }
        sum += row->w * (G + lse);
        if (grad) {
            const double wA = 1.0 - wB;
            g[0] += row->w * par[0] * (dG + wA * t.dA[0] + wB * t.dB[0]);
            for (int j = 1; j < 4; j++)
                g[j] += row->w * par[j] * (wA * t.dA[j] + wB * t.dB[j]);
        }
    }
    cp_free(tl);
    if (status != CP_OK)
        return status;
    *ll = sum;
    if (grad)
        for (int j = 0; j < 4; j++)
            grad[j] = g[j];
    return isfinite(sum) ? CP_OK : CP_ENOCONV;
}

/* Starts: purchase shapes around the observed rate, lifetimes of the
 * order of the mean age (any time unit). */
static const double shapes[] = {
    1.0, 1.0, 1.0, 1.0,   0.5, 0.5, 0.5, 0.5,   0.25, 0.25, 1.0, 2.0,
    2.0, 2.0, 2.0, 4.0,   0.5, 0.5, 0.25, 0.1,  5.0, 5.0, 5.0, 10.0,
};

static void scales(const cp_book *book, double scale[])
{
    const double age = book->mean_T > 0 ? book->mean_T : 1.0;
    scale[0] = scale[2] = 1.0;
    scale[1] = age / (book->mean_x + 0.1); /* 1 / purchase rate */
    scale[3] = age;
}

static const cp_model model = {4, 0, book_loglik, shapes, sizeof shapes / sizeof shapes[0] / 4,
                               scales};

int cp_pnbd_loglik(cp_column x, cp_column tx, cp_column T, cp_column count, size_t n,
                   const double params[4], double *loglik)
{
    return cp_model_loglik(&model, x, tx, T, count, n, params, loglik);
}

int cp_pnbd_fit(cp_column x, cp_column tx, cp_column T, cp_column count, size_t n,
                double params[4], double *loglik)
{
    return cp_model_fit(&model, x, tx, T, count, n, params, loglik);
}

/* ---- predictions ------------------------------------------------------- */

static int check_rows(cp_column x, cp_column tx, cp_column T, size_t n, size_t os)
{
    if (x.data == NULL || tx.data == NULL || T.data == NULL)
        return CP_EINVAL;
    if (n == 0)
        return CP_EEMPTY;
    if (!cp_columns_span_ok(n, (cp_column[]){x, tx, T}, 3, os))
        return CP_ELIMIT;
    for (size_t i = 0; i < n; i++) {
        int status = cp_check_customer(cp_col(x, i), cp_col(tx, i), cp_col(T, i));
        if (status != CP_OK)
            return status;
    }
    return CP_OK;
}

static int palive_one(const double par[4], double x, double tx, double T, double *pa)
{
    const params_t p = params_of(par);
    row_terms t;
    int status = terms_one(&p, x, tx, T, &t);
    if (status != CP_OK)
        return status;
    const double d = t.B - t.A; /* ln of the odds against alive */
    *pa = d > 0 ? exp(-d) / (1.0 + exp(-d)) : 1.0 / (1.0 + exp(d));
    return isnan(*pa) ? CP_ENOCONV : CP_OK;
}

int cp_pnbd_palive(cp_column x, cp_column tx, cp_column T, size_t n, const double params[4],
                   double out[], size_t os)
{
    int status = cp_check_params(params, 4);
    if (status == CP_OK)
        status = out ? check_rows(x, tx, T, n, os) : CP_EINVAL;
    if (status != CP_OK)
        return status;
    double *tmp = cp_alloc_array(n, sizeof *tmp);
    if (tmp == NULL)
        return CP_ENOMEM;
    for (size_t i = 0; i < n && status == CP_OK; i++)
        status = palive_one(params, cp_col(x, i), cp_col(tx, i), cp_col(T, i), &tmp[i]);
    for (size_t i = 0; status == CP_OK && i < n; i++)
        out[i * os] = tmp[i];
    cp_free(tmp);
    return status;
}

int cp_pnbd_purchases(cp_column t, cp_column x, cp_column tx, cp_column T, size_t n,
                      const double params[4], double out[], size_t os)
{
    int status = cp_check_params(params, 4);
    if (status == CP_OK)
        status = (out && t.data) ? check_rows(x, tx, T, n, os) : CP_EINVAL;
    if (status == CP_OK && !cp_span_ok(n, t.stride))
        status = CP_ELIMIT;
    for (size_t i = 0; status == CP_OK && i < n; i++)
        if (!isfinite(cp_col(t, i)) || cp_col(t, i) < 0.0)
            status = CP_EINVAL;
    if (status != CP_OK)
        return status;
    /* Once per run of equal (x, t_x, T, t) (cp_order_rows). */
    double *tmp = cp_alloc_array(n, sizeof *tmp);
    size_t *order = cp_alloc_array(n, sizeof *order);
    const cp_column row[4] = {x, tx, T, t};
    status = tmp && order ? cp_order_rows(row, 4, n, order) : CP_ENOMEM;
    const double r = params[0], alpha = params[1], s = params[2], beta = params[3];
    for (size_t j = 0; j < n && status == CP_OK; j++) {
        const size_t i = order[j];
        if (j > 0 && cp_same_row(row, 4, i, order[j - 1])) {
            tmp[i] = tmp[order[j - 1]];
            continue;
        }
        const double ti = cp_col(t, i), xi = cp_col(x, i), Ti = cp_col(T, i);
        double pa;
        status = palive_one(params, xi, cp_col(tx, i), Ti, &pa);
        if (status != CP_OK)
            break;
        /* (r+x)(beta+T)/(alpha+T) (1 - q^(s-1))/(s-1), q = (beta+T)/(beta+T+t) */
        const double L = cp_log1p_div(ti, beta + Ti);
        tmp[i] = (r + xi) * (beta + Ti) / (alpha + Ti) * cp_one_minus_pow_over(s - 1.0, L) * pa;
        if (!isfinite(tmp[i]))
            status = CP_ENOCONV;
    }
    for (size_t i = 0; status == CP_OK && i < n; i++)
        out[i * os] = tmp[i];
    cp_free(tmp);
    cp_free(order);
    return status;
}
