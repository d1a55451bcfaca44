/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * models_internal.h - what the model files of src/models/ share (internal:
 * not part of the core's API).
 *
 *   special.c  ln Gamma and digamma differences that stay accurate where
 *              GSL's lnpoch does not, log-sum-exp
 *   book.c     validation of customer rows and the compressed book a fit
 *              works on (identical rows merged, with their counts)
 *   mle.c      the maximum-likelihood driver around GSL's multimin
 *   fit.c      what the three fits share: book, objective, starts
 *   quad.c     integrals of exp(f) computed in logs, for the numerical
 *              fall-backs of the models
 */
#ifndef CP_MODELS_INTERNAL_H
#define CP_MODELS_INTERNAL_H

#include <math.h>
#include <stddef.h>

#include "cp_models.h"
#include "cp_table.h"

/* ---- special.c -------------------------------------------------------- */

/* ln Gamma(a + x) - ln Gamma(a) for a > 0, x >= 0, with an absolute error of
 * a few ulps of the result's magnitude for every a (GSL's gsl_sf_lnpoch
 * loses digits for large a: lnpoch(1e15, 5) = 172 instead of 172.694). */
double cp_lnpoch(double a, double x);

/* psi(a + x) - psi(a) for a > 0, x >= 0 (d/da of cp_lnpoch). */
double cp_psi_diff(double a, double x);

/* ln(e^a + e^b) without overflow; -inf + -inf is -inf. */
double cp_logaddexp(double a, double b);

/* -expm1(-e L) / e, the limit L at e = 0: (1 - q^e) / e with q = e^-L.
 * This is the removable singularity of the Pareto/NBD expectation at s = 1
 * and of the definite power integrals of the Pareto/NBD series. */
double cp_one_minus_pow_over(double e, double L);

/* log1p(y) for y > -1 to about an ulp, at the cost of a log and a division
 * (glibc's log1p is several times slower, and the likelihoods call it for
 * every row): with u = 1 + y rounded, log(u) * y / (u - 1) corrects the
 * rounding of u (Kahan's trick, Goldberg 1991, Theorem 4). */
static inline double cp_log1p(double y)
{
    const double u = 1.0 + y;
    return u == 1.0 ? y : log(u) * (y / (u - 1.0));
}

/* ln(1 + u/v) for v > 0 and u/v > -1, also where u/v overflows (a time of
 * 1e300 over a rate parameter of 1e-11): then it is ln u - ln v. */
static inline double cp_log1p_div(double u, double v)
{
    const double y = u / v;
    return isinf(y) ? log(u) - log(v) : cp_log1p(y);
}

/* ---- book.c ----------------------------------------------------------- */

static inline double cp_col(cp_column c, size_t i)
{
    return c.data[i * c.stride];
}

/* Whether n values of every column given (NULL data: not given) and of an
 * output with stride os fit in an address space: the entry points refuse
 * anything else with CP_ELIMIT before reading or allocating. */
static inline int cp_columns_span_ok(size_t n, const cp_column *cols, size_t k, size_t os)
{
    for (size_t j = 0; j < k; j++)
        if (cols[j].data != NULL && !cp_span_ok(n, cols[j].stride))
            return 0;
    return cp_span_ok(n, os);
}

/* order[0..n) receives the indices 0..n-1 ordered by (cols[0], cols[1],
 * ..., cols[k-1]) ascending, stably (three or four LSD radix passes); no
 * NaN.  The predictions compute once per run of equal rows: real books
 * repeat customer histories (CDNOW's 2,357 customers have 1,016 distinct
 * ones).  CP_OK or CP_ENOMEM. */
int cp_order_rows(const cp_column cols[], size_t k, size_t n, size_t order[]);

/* Whether rows i and j agree in each of the k columns. */
static inline int cp_same_row(const cp_column cols[], size_t k, size_t i, size_t j)
{
    for (size_t c = 0; c < k; c++)
        if (!(cp_col(cols[c], i) == cp_col(cols[c], j)))
            return 0;
    return 1;
}

/* CP_OK when (x, t_x, T) is a customer row of the catalog's domain. */
int cp_check_customer(double x, double tx, double T);

/* CP_OK when each of the n params is finite and > 0, else CP_EDOM. */
int cp_check_params(const double *params, size_t n);

/* One distinct row of a fit and the number of customers it stands for.
 * The gamma-gamma fit keeps its (x, m) rows as (x, tx = m, T = 0). */
typedef struct {
    double x, tx, T, w;
    size_t itx, iT; /* indexes of tx and T in the book's times */
} cp_row;

/* The rows a fit works on: distinct, sorted by (x, t_x, T) (so the rows of
 * one frequency are consecutive), with their total count, and the distinct
 * values of t_x and T together (ascending), so that a likelihood computes
 * its logarithms of times once per distinct time rather than per row. */
typedef struct {
    cp_row *rows;
    size_t n;
    double *times; /* NULL in a gamma-gamma book */
    size_t ntimes;
    double total;
    double mean_x, mean_T; /* count-weighted, for starting points */
} cp_book;

/* Validates the n customer rows (count.data NULL: 1 each; counts must be
 * finite and >= 0) and builds the book of the rows with count > 0.
 * gg != 0 builds a gamma-gamma book: tx is the monetary column, T is
 * ignored, rows with x = 0 or m <= 0 are left out, no times.
 * Returns CP_OK, CP_EINVAL, CP_EEMPTY (nothing left), CP_ENOMEM, CP_ELIMIT.
 * On success the caller releases the book with cp_book_free(). */
int cp_book_build(cp_column x, cp_column tx, cp_column T, cp_column count, size_t n,
                  int gg, cp_book *book);
void cp_book_free(cp_book *book);

/* ---- mle.c ------------------------------------------------------------ */

/* Negative mean log-likelihood f at log-parameters theta, and its gradient
 * (grad may be NULL).  Adds the work it did to *work, in units of about
 * 10 ns (a closed-form row is 2, a series term 1, a quadrature point 8).
 * Returns CP_OK or an error status. */
typedef int (*cp_nll_fn)(const double theta[], double *f, double grad[], void *ctx,
                         double *work);

/*
 * cp_mle_fit - minimises fn over theta (dim <= 4) from starting points
 * (nstarts rows of dim values) with GSL's BFGS and a Newton polish, and
 * accepts only a proper interior minimum: gradient max-norm <= 1e-7 after
 * a bounded amount of work, every |theta_i| <= 25, and a clearly positive
 * definite Hessian.  Writes the best such theta and f.
 * Returns CP_OK, CP_ENOCONV, CP_ENOMEM, or an error of fn at the optimum.
 */
int cp_mle_fit(size_t dim, cp_nll_fn fn, void *ctx, const double *starts, size_t nstarts,
               double theta[], double *f);

/* ---- fit.c ------------------------------------------------------------ */

/* A model as the fits see it: the log-likelihood of a book (sum of count
 * ln L) and, when grad is not NULL, its gradient in the log-parameters,
 * adding its work to *work (as cp_nll_fn); starting shapes (nshapes rows
 * of dim values), each multiplied by the book's scale of that parameter. */
typedef struct {
    size_t dim;
    int gg; /* a gamma-gamma book (x, m) rather than (x, t_x, T) */
    int (*loglik)(const cp_book *book, const double params[], double *ll, double grad[],
                  double *work);
    const double *shapes;
    size_t nshapes;
    void (*scales)(const cp_book *book, double scale[]);
} cp_model;

/* The maximum-likelihood fit of a model (CP_OK, CP_EINVAL, CP_EEMPTY,
 * CP_ENOCONV, CP_ENOMEM, CP_ELIMIT), and its log-likelihood at given
 * params (CP_EDOM for a parameter outside its domain).  a and b are the
 * book's columns t_x and T, or m and unused for gamma-gamma. */
int cp_model_fit(const cp_model *model, cp_column x, cp_column a, cp_column b, cp_column count,
                 size_t n, double params[], double *loglik);
int cp_model_loglik(const cp_model *model, cp_column x, cp_column a, cp_column b,
                    cp_column count, size_t n, const double params[], double *loglik);

/* ---- quad.c ----------------------------------------------------------- */

/* The logarithm of a positive integrand at u. */
typedef double (*cp_logfun)(double u, void *ctx);

/*
 * cp_quad_log - ln of the integral of exp(f(u)) over [lo, hi], lo < hi,
 * computed on exp(f(u) - M) with M the largest f on a grid and at hint (a
 * point near the maximum, or NaN), by GSL's adaptive Gauss-Kronrod
 * (relative accuracy 1e-12).  f must be smooth; it may be -inf at places.
 * Returns CP_OK, CP_EINVAL (bad interval), CP_ENOCONV (accuracy not
 * reached), CP_ENOMEM.
 */
int cp_quad_log(cp_logfun f, void *ctx, double lo, double hi, double hint,
                double *log_integral);

/* The log of the part of several integrands that they share, f(u), and
 * their own nonnegative factors w[0..nw) at u. */
typedef void (*cp_vecfun)(double u, void *ctx, double *logf, double w[]);

/*
 * cp_quad_vec - the integrals of exp(f(u) - M) w_j(u) over [lo, hi] for
 * j < nw (nw <= 8) in out[j], by adaptive Gauss-Kronrod (7-15) with error
 * control on the first (relative 1e-13, at most 100 intervals).  M should
 * be the maximum of f (or near it) so that nothing overflows.  *evals (may
 * be NULL) receives the number of evaluations of f.
 * Returns CP_OK, CP_EINVAL (bad interval or nw), CP_ENOCONV.
 */
int cp_quad_vec(cp_vecfun f, void *ctx, size_t nw, double lo, double hi, double M, double out[],
                size_t *evals);

/*
 * cp_quad_cut - for f concave (or decreasing away from u0), the point u
 * between u0 and the limit (in the direction of limit) where f first drops
 * to f(u0) - drop, or limit when it never does.  Bounded bisection.
 */
double cp_quad_cut(cp_logfun f, void *ctx, double u0, double limit, double drop);

/* ---- shared by the model files ---------------------------------------- */

/* E[purchases in (T, T+t]] under BG/NBD for one customer row already
 * validated, params valid (bgnbd.c; CLV uses it month by month). */
int cp_bgnbd_expect_one(double t, double x, double tx, double T, const double params[4],
                        double *expected);

/* Expected spend of one customer (gamma_gamma.c); CP_EDOM when
 * p x + q - 1 <= 0.  And CP_OK when (x, m) is a valid spend row: x whole
 * and >= 0, m finite and >= 0. */
int cp_gg_spend_one(double x, double m, const double params[3], double *spend);
int cp_gg_check_row(double x, double m);

#endif /* CP_MODELS_INTERNAL_H */
