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
 *   subintervals.  A result short of 1e-9 is reported as CP_ENOCONV rather
 *   than returned.
 *
 *   cp_quad_cut finds where a unimodal log-integrand has fallen by `drop`
 *   (46 in the callers: e^-46 = 1e-20), by doubling steps and then
 *   bisection, at most 200 evaluations; the callers integrate up to there.
 *
 * REFERENCES
 *   Piessens, de Doncker-Kapenga, Ueberhuber and Kahaner, QUADPACK (1983);
 *   GSL reference manual, "Numerical Integration".
 */
#include "models_internal.h"

#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>

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
    gsl_integration_workspace *ws = gsl_integration_workspace_alloc(LIMIT);
    if (ws == NULL)
        return CP_ENOMEM;
    shifted s = {f, ctx, M};
    gsl_function F = {shifted_exp, &s};
    double result = 0.0, abserr = 0.0;
    int st = gsl_integration_qag(&F, lo, hi, 0.0, 1e-12, LIMIT, GSL_INTEG_GAUSS21, ws, &result,
                                 &abserr);
    gsl_integration_workspace_free(ws);
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
    for (; evals < 200 && fabs(bad - good) > 1e-15 * (1.0 + fabs(good)); evals++) {
        double mid = 0.5 * (good + bad);
        if (f(mid, ctx) <= target)
            bad = mid;
        else
            good = mid;
    }
    return bad;
}
