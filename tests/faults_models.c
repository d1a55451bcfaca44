/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Allocation-failure cases of src/models/ (see faults.h).  The fits run on
 * a book of twelve customers, small enough that failing each of their few
 * hundred allocations in turn stays quick; the predictions take the paths
 * that allocate differently (the BG/NBD expectation by its series and by
 * its integral over p, the Pareto/NBD likelihood by its series and by
 * quadrature, CLV month by month and through its Chebyshev interpolant). */
#include <stddef.h>

#include "cp_models.h"
#include "faults.h"

#define N 12
/* x, t_x, T (weeks), mean spend, count */
static const double x[N] = {0, 2, 1, 5, 0, 3, 7, 1, 0, 4, 2, 10};
static const double tx[N] = {0, 30.4, 12, 35.1, 0, 20, 38, 2.5, 0, 33, 8, 36.9};
static const double T[N] = {38.9, 38.9, 30, 37.2, 20, 33, 38.5, 25, 12, 36, 39, 37};
static const double m[N] = {0, 22.35, 15, 40, 0, 18.2, 55, 9.99, 0, 31, 20, 27.5};
static const double count[N] = {40, 6, 9, 2, 25, 4, 1, 7, 30, 3, 5, 1};

static const double bg[4] = {0.2426, 4.414, 0.7929, 2.426};
static const double pnbd[4] = {0.553, 10.578, 0.606, 11.669};
static const double gg[3] = {6.25, 3.74, 15.44};

static cp_column col(const double *v)
{
    cp_column c = {v, 1};
    return c;
}

static const cp_column NONE = {NULL, 0};

static int bgnbd_fit(cp_column c)
{
    double p[4], ll;
    return cp_bgnbd_fit(col(x), col(tx), col(T), c, N, p, &ll);
}

static int bgnbd_fit_plain(void) { return bgnbd_fit(NONE); }
static int bgnbd_fit_count(void) { return bgnbd_fit(col(count)); }

static int bgnbd_loglik(void)
{
    double ll;
    return cp_bgnbd_loglik(col(x), col(tx), col(T), col(count), N, bg, &ll);
}

static int bgnbd_palive(void)
{
    double out[N];
    return cp_bgnbd_palive(col(x), col(tx), col(T), N, bg, out, 1);
}

static int bgnbd_purchases(double t)
{
    cp_column h = {&t, 0};
    double out[N];
    return cp_bgnbd_purchases(h, col(x), col(tx), col(T), N, bg, out, 1);
}

/* 39 weeks: the negative binomial series; 10,000 weeks: the integral. */
static int bgnbd_purchases_series(void) { return bgnbd_purchases(39); }
static int bgnbd_purchases_integral(void) { return bgnbd_purchases(10000); }

static int pnbd_fit(cp_column c)
{
    double p[4], ll;
    return cp_pnbd_fit(col(x), col(tx), col(T), c, N, p, &ll);
}

static int pnbd_fit_plain(void) { return pnbd_fit(NONE); }
static int pnbd_fit_count(void) { return pnbd_fit(col(count)); }

static int pnbd_loglik(const double *p)
{
    double ll;
    return cp_pnbd_loglik(col(x), col(tx), col(T), col(count), N, p, &ll);
}

/* beta 1e4 times smaller than alpha: the 2F1 argument is close to 1 and
 * the likelihood integrates over time instead of summing its series. */
static int pnbd_loglik_series(void) { return pnbd_loglik(pnbd); }
static int pnbd_loglik_quadrature(void)
{
    static const double p[4] = {0.5, 100, 0.8, 0.01};
    return pnbd_loglik(p);
}

static int pnbd_palive(void)
{
    double out[N];
    return cp_pnbd_palive(col(x), col(tx), col(T), N, pnbd, out, 1);
}

static int pnbd_purchases(void)
{
    const double t = 39;
    cp_column h = {&t, 0};
    double out[N];
    return cp_pnbd_purchases(h, col(x), col(tx), col(T), N, pnbd, out, 1);
}

static int gg_fit(cp_column c)
{
    double p[3], ll;
    size_t used;
    return cp_gg_fit(col(x), col(m), c, N, p, &ll, &used);
}

static int gg_fit_plain(void) { return gg_fit(NONE); }
static int gg_fit_count(void) { return gg_fit(col(count)); }

static int gg_loglik(void)
{
    double ll;
    return cp_gg_loglik(col(x), col(m), col(count), N, gg, &ll);
}

static int gg_spend(void)
{
    double out[N];
    return cp_gg_spend(col(x), col(m), N, gg, out, 1);
}

static int clv(int months)
{
    double out[N];
    return cp_clv(col(x), col(tx), col(T), col(m), N, bg, gg, months, 0.01, 4.345, out, 1);
}

/* 12 months one by one; 240 through the Chebyshev interpolant. */
static int clv_monthly(void) { return clv(12); }
static int clv_chebyshev(void) { return clv(240); }

const fault_case models_fault_cases[] = {
    {"cp_bgnbd_fit", bgnbd_fit_plain},
    {"cp_bgnbd_fit (count column)", bgnbd_fit_count},
    {"cp_bgnbd_loglik", bgnbd_loglik},
    {"cp_bgnbd_palive", bgnbd_palive},
    {"cp_bgnbd_purchases (series)", bgnbd_purchases_series},
    {"cp_bgnbd_purchases (integral over p)", bgnbd_purchases_integral},
    {"cp_pnbd_fit", pnbd_fit_plain},
    {"cp_pnbd_fit (count column)", pnbd_fit_count},
    {"cp_pnbd_loglik (series)", pnbd_loglik_series},
    {"cp_pnbd_loglik (quadrature)", pnbd_loglik_quadrature},
    {"cp_pnbd_palive", pnbd_palive},
    {"cp_pnbd_purchases", pnbd_purchases},
    {"cp_gg_fit", gg_fit_plain},
    {"cp_gg_fit (count column)", gg_fit_count},
    {"cp_gg_loglik", gg_loglik},
    {"cp_gg_spend", gg_spend},
    {"cp_clv (month by month)", clv_monthly},
    {"cp_clv (Chebyshev)", clv_chebyshev},
    {0, 0},
};
