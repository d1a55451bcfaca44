/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_mle_fit(size_t dim, cp_nll_fn fn, void *ctx, const double *starts,
 *                  size_t nstarts, double theta[], double *f)
 *
 * DESCRIPTION
 *   Maximum likelihood on log-parameters theta = ln(params), so that every
 *   parameter stays positive without constraints.  The objective is the
 *   negative log-likelihood per customer, f = -LL / sum(count), which keeps
 *   the tolerances below independent of the size of the book.
 *
 *   1. f is evaluated at every starting point and the starts are tried from
 *      the best one down.
 *   2. From a start, GSL's vector_bfgs2 (Fletcher 1987, with the line search
 *      of More and Thuente) runs until the gradient max-norm is below 1e-3,
 *      or at most 200 iterations, or until it can make no progress.
 *   3. Newton's method polishes the point, with the Hessian from forward
 *      differences of the analytic gradient and a backtracking line search,
 *      until the gradient max-norm is below 1e-10 or a step would gain less
 *      than rounding (at most 30 steps).  Where the Hessian is not positive
 *      definite yet (a flat ridge: few repeat buyers), BFGS first goes on
 *      from there to a gradient of 1e-8.
 *   4. The point is accepted only as a proper interior minimum: gradient
 *      max-norm <= 1e-7, every |theta_i| <= 25 (parameters between 1.4e-11
 *      and 7.2e10 in their own units), a Hessian, computed there, whose
 *      smallest eigenvalue is above 1e-8 of its largest, and no lower f at
 *      a step of 2 either way along that eigenvalue's eigenvector (a ridge
 *      far out towards a parameter of 0 or infinity can still be curved
 *      enough for the eigenvalue test while f keeps falling along it).
 *      Anything else - a likelihood that keeps rising towards a parameter of
 *      0 or infinity, a saddle, a run out of iterations - is not a
 *      maximum-likelihood estimate, and is reported as CP_ENOCONV.
 *   5. Each further start is run with BFGS likewise; as soon as a Newton
 *      step from its current point, with the Hessian of the accepted point,
 *      lands within 0.01 (in every ln parameter, i.e. 1%) of the accepted
 *      point, it confirms it - the same minimum, as no two optima of these
 *      smooth likelihoods lie that close - and the search ends.  Otherwise it is polished and competes (the
 *      lower f wins); reaching the accepted f again also ends the search.
 *
 *   The work is bounded, deterministically (the same on every machine):
 *   BFGS runs at most 200 iterations from a start, a fit evaluates the
 *   objective at most 1500 times in all (a normal fit needs 50 to 150), and
 *   spends at most the larger of 1e9 work units (each about 10 ns, as the
 *   likelihoods count them: about 10 s) and 300 evaluations at the first
 *   start; past that it is CP_ENOCONV.  (A Pareto/NBD fit of 100,000
 *   simulated customers needed 690 evaluations, 8.9e8 units, where 3e8
 *   left it without an answer.)
 *
 *   Outside the box |theta_i| <= 40 the objective is continued by its value
 *   at the nearest point of the box plus a quadratic wall, so that a line
 *   search that overshoots never evaluates the model at absurd parameters.
 *
 * REFERENCES
 *   GSL reference manual, "Multidimensional Minimization" (vector_bfgs2);
 *   Nocedal and Wright, Numerical Optimization (2006), 3.1 and 3.3.
 */
#include "models_internal.h"

#include <math.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>

#define MAXDIM 4
#define BOX 40.0
#define WALL 10.0
#define INTERIOR 25.0
#define BFGS_ITER 200
#define MAX_EVALS 1500
#define MIN_BUDGET 1e9   /* work units (about 10 ns): about 10 s */
#define BUDGET_EVALS 300 /* ... or 300 evaluations at the first start */
#define BFGS_GRAD 1e-3
#define BFGS_FINE 1e-8
#define NEWTON_ITER 30
#define NEWTON_GRAD 1e-10
#define CONFIRM_DIST 1e-2
#define ACCEPT_GRAD 1e-7
#define HESS_STEP 1e-6
#define PROBE_STEP 2.0   /* in ln parameters: a factor e^2 */
#define PROBE_DROP 1e-13 /* relative: well above f's rounding (1e-16) */

typedef struct {
    size_t dim;
    cp_nll_fn fn;
    void *ctx;
    int status; /* first failure of fn, CP_OK while none */
    long evals;    /* objective evaluations so far, at most MAX_EVALS */
    double work;   /* work units spent so far ... */
    double budget; /* ... and allowed */
} mle_ctx;

/* f and gradient with the wall outside the box; a failure of fn is kept in
 * c->status and reported as a huge value so line searches step back. */
static double objective(mle_ctx *c, const double *theta, double *grad)
{
    double clamped[MAXDIM], g[MAXDIM], f = 0.0, wall = 0.0;
    if (++c->evals > MAX_EVALS || c->work > c->budget) {
        /* the work of one fit is bounded: past it, every evaluation fails */
        if (c->status == CP_OK)
            c->status = CP_ENOCONV;
        if (grad)
            for (size_t i = 0; i < c->dim; i++)
                grad[i] = 0.0;
        return 1e300;
    }
    for (size_t i = 0; i < c->dim; i++) {
        clamped[i] = theta[i] > BOX ? BOX : (theta[i] < -BOX ? -BOX : theta[i]);
        if (!isfinite(theta[i]))
            clamped[i] = 0.0, wall = INFINITY;
    }
    int status = c->fn(clamped, &f, grad ? g : NULL, c->ctx, &c->work);
    if (status == CP_OK && !isfinite(f))
        status = CP_ENOCONV;
    if (status != CP_OK || isinf(wall)) {
        if (c->status == CP_OK && status != CP_OK)
            c->status = status;
        if (grad)
            for (size_t i = 0; i < c->dim; i++)
                grad[i] = 0.0;
        return 1e300;
    }
    for (size_t i = 0; i < c->dim; i++) {
        double d = theta[i] - clamped[i];
        f += WALL * d * d;
        if (grad)
            grad[i] = g[i] + 2.0 * WALL * d;
    }
    return f;
}

static double gsl_f(const gsl_vector *v, void *p)
{
    return objective(p, v->data, NULL);
}

static void gsl_df(const gsl_vector *v, void *p, gsl_vector *g)
{
    objective(p, v->data, g->data);
}

static void gsl_fdf(const gsl_vector *v, void *p, double *f, gsl_vector *g)
{
    *f = objective(p, v->data, g->data);
}

static double max_abs(const double *v, size_t n)
{
    double m = 0.0;
    for (size_t i = 0; i < n; i++)
        m = fmax(m, fabs(v[i]));
    return isnan(m) ? INFINITY : m;
}

/* Hessian by forward differences of the analytic gradient g (given at
 * theta), symmetrised; returns nonzero when a gradient evaluation failed.
 * Its error, about HESS_STEP relative, only slows Newton's quadratic
 * convergence to a linear one with rate 1e-6. */
static int hessian(mle_ctx *c, const double *theta, const double *g, double *H)
{
    const size_t n = c->dim;
    double t[MAXDIM], gp[MAXDIM];
    for (size_t i = 0; i < n; i++) {
        memcpy(t, theta, n * sizeof *t);
        t[i] = theta[i] + HESS_STEP;
        objective(c, t, gp);
        for (size_t j = 0; j < n; j++)
            H[i * n + j] = (gp[j] - g[j]) / HESS_STEP;
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i; j++)
            H[i * n + j] = H[j * n + i] = 0.5 * (H[i * n + j] + H[j * n + i]);
    return c->status != CP_OK;
}

/* Cholesky factorisation H = L L^T in place (L in the lower triangle);
 * nonzero when H is not (numerically) positive definite.  Written out for
 * these 3 x 3 and 4 x 4 matrices: GSL's version calls CBLAS, whose static
 * library cannot go into the add-in. */
static int cholesky(size_t n, double *H)
{
    for (size_t j = 0; j < n; j++) {
        double d = H[j * n + j];
        for (size_t k = 0; k < j; k++)
            d -= H[j * n + k] * H[j * n + k];
        if (!(d > 0.0) || !isfinite(d))
            return 1;
        d = sqrt(d);
        H[j * n + j] = d;
        for (size_t i = j + 1; i < n; i++) {
            double v = H[i * n + j];
            for (size_t k = 0; k < j; k++)
                v -= H[i * n + k] * H[j * n + k];
            H[i * n + j] = v / d;
        }
    }
    return 0;
}

/* Solves L L^T x = b with the factor from cholesky(). */
static void cholesky_solve(size_t n, const double *L, const double *b, double *x)
{
    for (size_t i = 0; i < n; i++) {
        double v = b[i];
        for (size_t k = 0; k < i; k++)
            v -= L[i * n + k] * x[k];
        x[i] = v / L[i * n + i];
    }
    for (size_t i = n; i-- > 0;) {
        double v = x[i];
        for (size_t k = i + 1; k < n; k++)
            v -= L[k * n + i] * x[k];
        x[i] = v / L[i * n + i];
    }
}

/* Newton steps from theta (in place) until the gradient max-norm is below
 * NEWTON_GRAD, a step would gain less than rounding, or the Hessian is not
 * positive definite.  Leaves the final f and gradient in *f and g. */
static void newton(mle_ctx *c, double *theta, double *f, double *g)
{
    double H[MAXDIM * MAXDIM], step[MAXDIM], trial[MAXDIM], gt[MAXDIM];
    *f = objective(c, theta, g);
    for (int it = 0; it < NEWTON_ITER && max_abs(g, c->dim) > NEWTON_GRAD; it++) {
        if (hessian(c, theta, g, H) || cholesky(c->dim, H))
            break;
        cholesky_solve(c->dim, H, g, step);
        double slope = 0.0;
        for (size_t i = 0; i < c->dim; i++) {
            step[i] = -step[i];
            slope += step[i] * g[i];
        }
        if (!(slope < 0.0) || -slope < 1e-15 * (1.0 + fabs(*f)))
            break; /* at the rounding floor of f */
        double lambda = 1.0, ft = *f;
        int improved = 0;
        for (int k = 0; k < 30; k++, lambda *= 0.5) {
            for (size_t i = 0; i < c->dim; i++)
                trial[i] = theta[i] + lambda * step[i];
            ft = objective(c, trial, gt);
            if (ft <= *f + 1e-4 * lambda * slope ||
                (ft <= *f && max_abs(gt, c->dim) < max_abs(g, c->dim))) {
                improved = 1;
                break;
            }
        }
        if (!improved)
            break;
        memcpy(theta, trial, c->dim * sizeof *theta);
        memcpy(g, gt, c->dim * sizeof *g);
        *f = ft;
    }
}

/* Whether the Newton step from t (gradient g) with the factored Hessian of
 * the accepted point lands within CONFIRM_DIST of it: the same minimum. */
static int projects_onto(size_t dim, const double *Hfactor, const double *t, const double *g,
                         const double *best)
{
    double step[MAXDIM];
    cholesky_solve(dim, Hfactor, g, step);
    for (size_t i = 0; i < dim; i++)
        if (!(fabs(t[i] - step[i] - best[i]) <= CONFIRM_DIST))
            return 0;
    return 1;
}

/* BFGS from start until the gradient max-norm is below tol, no progress is
 * made, or BFGS_ITER iterations - or, when Hbest is given, as soon as the
 * point projects onto best (then returns 1 in *confirmed); the end point in
 * theta, its gradient in g. */
static int bfgs(mle_ctx *c, const double *start, double tol, double *Hbest, const double *best,
                double *theta, double *g, int *confirmed)
{
    gsl_multimin_fdfminimizer *s =
        gsl_multimin_fdfminimizer_alloc(gsl_multimin_fdfminimizer_vector_bfgs2, c->dim);
    gsl_vector *x0 = gsl_vector_alloc(c->dim);
    if (s == NULL || x0 == NULL) {
        gsl_multimin_fdfminimizer_free(s);
        gsl_vector_free(x0);
        return CP_ENOMEM;
    }
    for (size_t i = 0; i < c->dim; i++)
        gsl_vector_set(x0, i, start[i]);
    gsl_multimin_function_fdf fdf = {gsl_f, gsl_df, gsl_fdf, c->dim, c};
    c->status = CP_OK;
    gsl_multimin_fdfminimizer_set(s, &fdf, x0, 0.1, 0.1);
    *confirmed = 0;
    for (int it = 0; it < BFGS_ITER && c->status == CP_OK; it++) {
        if (gsl_multimin_fdfminimizer_iterate(s) != GSL_SUCCESS)
            break;
        if (Hbest && projects_onto(c->dim, Hbest, s->x->data, s->gradient->data, best)) {
            *confirmed = 1;
            break;
        }
        if (max_abs(s->gradient->data, c->dim) < tol)
            break;
        if (max_abs(s->x->data, c->dim) > INTERIOR + 5.0)
            break; /* drifting towards a parameter of 0 or infinity */
    }
    for (size_t i = 0; i < c->dim; i++) {
        theta[i] = gsl_vector_get(s->x, i);
        g[i] = gsl_vector_get(s->gradient, i);
    }
    gsl_multimin_fdfminimizer_free(s);
    gsl_vector_free(x0);
    int status = c->status == CP_ENOMEM ? CP_ENOMEM : CP_OK;
    c->status = CP_OK;
    return status;
}

/* Whether theta, with gradient g, is a proper interior minimum: small
 * gradient, inside the box, and a Hessian at theta itself that is positive
 * definite with room to spare - still so after 1e-8 times its largest row
 * sum is taken off its diagonal, i.e. its smallest eigenvalue is above
 * 1e-8 of its largest (the CDNOW fits have 1e-3; a likelihood that flattens
 * towards a parameter of 0 or infinity has 1e-10 and less).  Its Cholesky
 * factor goes to Hfactor. */
/* Whether f falls below f0 at theta +- PROBE_STEP along the Hessian's
 * flattest direction (the eigenvector of its smallest eigenvalue, found by
 * inverse iteration with the Cholesky factor L): a ridge that still rises
 * towards a parameter of 0 or infinity, however slowly (the curvature
 * test alone lets a point far out on such a ridge pass: lifetimes 1e9
 * times the mean age in a Pareto/NBD fit of 40 customers). */
static int falls_along_ridge(mle_ctx *c, const double *theta, double f0, const double *L)
{
    const size_t n = c->dim;
    double v[MAXDIM], y[MAXDIM], t[MAXDIM];
    for (size_t i = 0; i < n; i++)
        v[i] = 1.0 / sqrt((double)n);
    for (int it = 0; it < 30; it++) {
        cholesky_solve(n, L, v, y);
        double norm = 0.0;
        for (size_t i = 0; i < n; i++)
            norm += y[i] * y[i];
        norm = sqrt(norm);
        if (!(norm > 0.0) || !isfinite(norm))
            return 0;
        for (size_t i = 0; i < n; i++)
            v[i] = y[i] / norm;
    }
    for (int sign = -1; sign <= 1; sign += 2) {
        for (size_t i = 0; i < n; i++)
            t[i] = theta[i] + sign * PROBE_STEP * v[i];
        const double ft = objective(c, t, NULL);
        if (c->status != CP_OK || ft < f0 - PROBE_DROP * (1.0 + fabs(f0)))
            return 1; /* (a failed evaluation: the caller reports it) */
    }
    return 0;
}

static int is_minimum(mle_ctx *c, const double *theta, double f, const double *g,
                      double *Hfactor)
{
    const size_t n = c->dim;
    if (max_abs(g, n) > ACCEPT_GRAD || max_abs(theta, n) > INTERIOR)
        return 0;
    double H[MAXDIM * MAXDIM], shifted[MAXDIM * MAXDIM], norm = 0.0;
    if (hessian(c, theta, g, H))
        return 0;
    for (size_t i = 0; i < n; i++) {
        double row = 0.0;
        for (size_t j = 0; j < n; j++)
            row += fabs(H[i * n + j]);
        norm = fmax(norm, row);
    }
    memcpy(shifted, H, sizeof H);
    for (size_t i = 0; i < n; i++)
        shifted[i * n + i] -= 1e-8 * norm;
    if (cholesky(n, shifted) || cholesky(n, H) || falls_along_ridge(c, theta, f, H))
        return 0;
    memcpy(Hfactor, H, n * n * sizeof *H);
    return 1;
}

/* Polishes theta and accepts it only as a proper interior minimum (the
 * Cholesky factor of its Hessian in Hdata).  Where Newton cannot finish
 * (BFGS stopped on a flat ridge where the Hessian is not positive
 * definite yet), BFGS goes on from there to a much smaller gradient and
 * Newton tries again. */
static int polish(mle_ctx *c, double *theta, double *fout, double *Hdata)
{
    double g[MAXDIM], f;
    newton(c, theta, &f, g);
    if (c->status == CP_OK && max_abs(g, c->dim) > NEWTON_GRAD * 100) {
        double start[MAXDIM];
        int confirmed;
        memcpy(start, theta, c->dim * sizeof *start);
        int st = bfgs(c, start, BFGS_FINE, NULL, NULL, theta, g, &confirmed);
        if (st != CP_OK)
            return st;
        newton(c, theta, &f, g);
    }
    if (c->status != CP_OK)
        return c->status == CP_ENOMEM ? CP_ENOMEM : CP_ENOCONV;
    if (!isfinite(f) || !is_minimum(c, theta, f, g, Hdata))
        return c->status == CP_ENOMEM ? CP_ENOMEM : CP_ENOCONV;
    *fout = f;
    return CP_OK;
}

int cp_mle_fit(size_t dim, cp_nll_fn fn, void *ctx, const double *starts, size_t nstarts,
               double theta[], double *f)
{
    enum { MAXSTARTS = 16 };
    if (dim == 0 || dim > MAXDIM || fn == NULL || starts == NULL || nstarts == 0 ||
        nstarts > MAXSTARTS)
        return CP_EINVAL;
    mle_ctx c = {dim, fn, ctx, CP_OK, 0, 0.0, INFINITY};

    /* Order the starts by their objective (failed ones last). */
    size_t order[MAXSTARTS];
    double fstart[MAXSTARTS];
    for (size_t k = 0; k < nstarts; k++) {
        c.status = CP_OK;
        fstart[k] = objective(&c, starts + k * dim, NULL);
        if (c.status == CP_ENOMEM)
            return CP_ENOMEM;
        if (k == 0)
            c.budget = fmax(MIN_BUDGET, BUDGET_EVALS * c.work);
        size_t j = k;
        while (j > 0 && fstart[order[j - 1]] > fstart[k]) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = k;
    }

    int found = 0;
    double best[MAXDIM], fbest = INFINITY, Hbest[MAXDIM * MAXDIM];
    for (size_t k = 0; k < nstarts; k++) {
        double t[MAXDIM], g[MAXDIM], fk, Hk[MAXDIM * MAXDIM];
        int confirmed;
        int st = bfgs(&c, starts + order[k] * dim, BFGS_GRAD, found ? Hbest : NULL, best, t, g,
                      &confirmed);
        if (st != CP_OK)
            return st;
        if (confirmed || (found && projects_onto(dim, Hbest, t, g, best)))
            break; /* a second start confirms the accepted point */
        st = polish(&c, t, &fk, Hk);
        if (st == CP_ENOMEM)
            return CP_ENOMEM;
        if (st != CP_OK)
            continue;
        if (found && fabs(fk - fbest) <= 1e-10 * (1.0 + fabs(fbest)))
            break;
        if (fk < fbest) {
            fbest = fk;
            memcpy(best, t, dim * sizeof *best);
            memcpy(Hbest, Hk, sizeof Hk);
        }
        found = 1;
    }
    if (!found)
        return CP_ENOCONV;
    memcpy(theta, best, dim * sizeof *theta);
    *f = fbest;
    return CP_OK;
}
