/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_quad_log(cp_logfun f, void *ctx, double lo, double hi, double hint,
 *                   double *log_integral)
 *   double cp_quad_cut(cp_logfun f, void *ctx, double u0, double limit, double drop)
 *
 * DESCRIPTION
 *   The models' numerical fall-backs integrate positive functions whose
 *   values span hundreds of orders of magnitude (a customer with 10,000
 *   purchases contributes (alpha + t)^-10000).  They are given as logs,
 *   f(u) = ln(integrand), shifted by the largest value M found on a grid of
 *   65 points and at the caller's hint (where the caller knows the maximum
 *   to be), so that exp(f(u) - M) is at most about 1 and never overflows;
 *   the result is M + ln of the integral of exp(f(u) - M).
 *
 *   The integral itself is GSL's QAG with the 21-point Gauss-Kronrod rule
 *   (Piessens et al. 1983), relative accuracy 1e-12, at most 200
 *   subintervals (its workspace from cp_alloc_array).  A result short of
 *   1e-9 is reported as CP_ENOCONV rather than returned.
 *
 *   cp_quad_vec integrates several functions exp(f(u) - M) w_j(u) that
 *   share their expensive part f in one adaptive pass: the 15-point
 *   Gauss-Kronrod rule (7-point Gauss embedded) on each interval, the
 *   interval with the largest |K15 - G7| error of the first integral
 *   bisected until the errors add up to 1e-13 of it (at most 100
 *   intervals); short of 1e-10 it reports CP_ENOCONV.  The Pareto/NBD
 *   likelihood integrates its value and the four weights of its gradient so.
 *
 *   cp_quad_cut finds where a unimodal log-integrand has fallen by `drop`
 *   (46 in the callers: e^-46 = 1e-20), by doubling steps and then
 *   bisection to 1% of the distance, at most 200 evaluations; the callers
 *   integrate up to there.
 *
 * REFERENCES
 *   Piessens, de Doncker-Kapenga, Ueberhuber and Kahaner, QUADPACK (1983);
 *   GSL reference manual, "Numerical Integration".
 */
#include "models_internal.h"

#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>

#include "cp_alloc.h"

#define GRID 65
#define LIMIT 200

typedef struct {
    cp_logfun f;
    void *ctx;
    double shift;
} shifted;

static double shifted_exp(double u, void *p)
{
    const shifted *s = p;
    double v = s->f(u, s->ctx) - s->shift;
    if (isnan(v))
        return GSL_NAN;
    return exp(v > 700.0 ? 700.0 : v);
}

int cp_quad_log(cp_logfun f, void *ctx, double lo, double hi, double hint, double *log_integral)
{
    if (!(lo < hi) || !isfinite(lo) || !isfinite(hi))
        return CP_EINVAL;
    double M = -INFINITY;
    if (hint >= lo && hint <= hi)
        M = f(hint, ctx);
    for (int k = 0; k < GRID; k++) {
        double v = f(lo + (hi - lo) * k / (GRID - 1), ctx);
        if (v > M)
            M = v;
    }
    if (isnan(M))
        return CP_ENOCONV;
    if (M == -INFINITY) {
        *log_integral = -INFINITY;
        return CP_OK;
    }
    /* QAG's workspace, its arrays in one block from cp_alloc_array rather
     * than gsl_integration_workspace_alloc's malloc (every allocation of the
     * core goes through cp_alloc.h; the struct is GSL's public API). */
    double *block = cp_alloc_array(LIMIT, 4 * sizeof(double) + 2 * sizeof(size_t));
    if (block == NULL)
        return CP_ENOMEM;
    gsl_integration_workspace ws = {
        .limit = LIMIT, .alist = block, .blist = block + LIMIT, .rlist = block + 2 * LIMIT,
        .elist = block + 3 * LIMIT, .order = (size_t *)(block + 4 * LIMIT),
        .level = (size_t *)(block + 4 * LIMIT) + LIMIT};
    shifted s = {f, ctx, M};
    gsl_function F = {shifted_exp, &s};
    double result = 0.0, abserr = 0.0;
    int st = gsl_integration_qag(&F, lo, hi, 0.0, 1e-12, LIMIT, GSL_INTEG_GAUSS21, &ws, &result,
                                 &abserr);
    cp_free(block);
    if (!isfinite(result) || result < 0.0)
        return CP_ENOCONV;
    if (st != GSL_SUCCESS && !(abserr <= 1e-9 * result))
        return CP_ENOCONV;
    *log_integral = result > 0.0 ? M + log(result) : -INFINITY;
    return CP_OK;
}

double cp_quad_cut(cp_logfun f, void *ctx, double u0, double limit, double drop)
{
    double target = f(u0, ctx) - drop;
    if (!(limit != u0) || isnan(target))
        return limit;
    double dir = limit > u0 ? 1.0 : -1.0, span = fabs(limit - u0);
    double h = fmin(span, 1e-3 * (1.0 + fabs(u0)));
    double good = u0, bad = limit;
    int evals = 0, found = 0;
    /* Double the step until f is below target (or the limit is passed). */
    while (evals < 120) {
        double u = u0 + dir * h;
        evals++;
        if (f(u, ctx) <= target) {
            bad = u;
            found = 1;
            break;
        }
        good = u;
        if (h >= span)
            break;
        h = fmin(2.0 * h, span);
    }
    if (!found)
        return limit;
    for (; evals < 200 && fabs(bad - good) > 0.01 * fabs(bad - u0); evals++) {
        double mid = 0.5 * (good + bad);
        if (f(mid, ctx) <= target)
            bad = mid;
        else
            good = mid;
    }
    return bad;
}

/* Gauss-Kronrod 7-15 on [-1, 1] (QUADPACK's qk15): Kronrod nodes xgk (the
 * odd ones are the Gauss nodes), Kronrod weights wgk, Gauss weights wg. */
static const double xgk[8] = {
    0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
    0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
    0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
    0.207784955007898467600689403773245, 0.000000000000000000000000000000000};
static const double wgk[8] = {
    0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
    0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
    0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
    0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
static const double wg[4] = {
    0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
    0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

#define VEC_MAX 8
#define VEC_INTERVALS 100

typedef struct {
    double a, b, err;
    double val[VEC_MAX];
} interval;

/* K15 of every integral on [a, b], and |K15 - G7| of the first. */
static void gk15(cp_vecfun f, void *ctx, size_t nw, double M, interval *iv)
{
    const double c = 0.5 * (iv->a + iv->b), h = 0.5 * (iv->b - iv->a);
    double k[VEC_MAX] = {0}, g0 = 0.0, w[VEC_MAX];
    for (int j = 0; j < 15; j++) {
        const int idx = j < 8 ? j : 14 - j;
        const double u = j < 8 ? c - h * xgk[idx] : c + h * xgk[idx];
        double lf;
        f(u, ctx, &lf, w);
        const double e = lf - M > 700.0 ? exp(700.0) : exp(lf - M);
        for (size_t q = 0; q < nw; q++)
            k[q] += wgk[idx] * e * w[q];
        if (idx % 2 == 1)
            g0 += wg[idx / 2] * e * w[0];
    }
    for (size_t q = 0; q < nw; q++)
        iv->val[q] = h * k[q];
    iv->err = fabs(h * (k[0] - g0));
}

int cp_quad_vec(cp_vecfun f, void *ctx, size_t nw, double lo, double hi, double M, double out[],
                size_t *evals)
{
    if (evals)
        *evals = 0;
    if (nw == 0 || nw > VEC_MAX || !(lo < hi) || !isfinite(lo) || !isfinite(hi))
        return CP_EINVAL;
    interval iv[VEC_INTERVALS];
    size_t n = 1;
    iv[0].a = lo;
    iv[0].b = hi;
    gk15(f, ctx, nw, M, &iv[0]);
    for (;;) {
        if (evals)
            *evals = 15 * (2 * n - 1);
        double total = 0.0, err = 0.0;
        size_t worst = 0;
        for (size_t i = 0; i < n; i++) {
            total += iv[i].val[0];
            err += iv[i].err;
            if (iv[i].err > iv[worst].err)
                worst = i;
        }
        if (!isfinite(total) || !isfinite(err))
            return CP_ENOCONV;
        if (err <= 1e-13 * fabs(total) || n == VEC_INTERVALS) {
            if (!(err <= 1e-10 * fabs(total)))
                return CP_ENOCONV;
            for (size_t q = 0; q < nw; q++) {
                out[q] = 0.0;
                for (size_t i = 0; i < n; i++)
                    out[q] += iv[i].val[q];
            }
            return CP_OK;
        }
        /* bisect the worst interval into itself and a new one */
        const double mid = 0.5 * (iv[worst].a + iv[worst].b);
        if (!(mid > iv[worst].a && mid < iv[worst].b))
            return CP_ENOCONV; /* interval below the resolution of doubles */
        iv[n].a = mid;
        iv[n].b = iv[worst].b;
        iv[worst].b = mid;
        gk15(f, ctx, nw, M, &iv[worst]);
        gk15(f, ctx, nw, M, &iv[n]);
        n++;
    }
}
