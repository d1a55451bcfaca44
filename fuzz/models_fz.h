/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * models_fz.h - readers of fuzz.h for the customer-base model targets
 * (fuzz_bgnbd_*.c, fuzz_pnbd_*.c, fuzz_gg_*.c, fuzz_clv.c).
 *
 * Rows drawn byte by byte from fz_value would almost never satisfy
 * 0 <= t_x <= T, so a customer is built from its parts most of the time
 * (x whole, up to 9,750; T up to 52; t_x a share of T) and is any three
 * doubles otherwise; parameters spread over e^-26..e^26, the range a fit
 * can return and beyond, or any double.  GSL's error handler is turned off
 * as the add-in does (addin/clientprune.cxx).
 */
#ifndef CP_MODELS_FZ_H
#define CP_MODELS_FZ_H

#include <gsl/gsl_errno.h>

#include "cp_models.h"
#include "fuzz.h"

/* The fits are the expensive entry points: at most this many rows, so a
 * run stays within the core's work bound of a few seconds at worst. */
#define FZ_FIT_ROWS 10

/* A model parameter: e^((k - 120) / 4.6) for a byte k < 240, else any double. */
static inline double fz_param(fz *f)
{
    uint8_t k = fz_byte(f);
    if (k < 240)
        return exp(((double)k - 120.0) / 4.6);
    return fz_double(f);
}

static inline void fz_params(fz *f, double *p, size_t n)
{
    for (size_t j = 0; j < n; j++)
        p[j] = fz_param(f);
}

/* One customer (x, t_x, T). */
static inline void fz_customer(fz *f, double *x, double *tx, double *T)
{
    uint8_t k = fz_byte(f);
    if (k >= 240) {
        *x = fz_double(f), *tx = fz_double(f), *T = fz_double(f);
        return;
    }
    *x = k < 200 ? (double)(k % 12) : (double)((k % 40) * 250);
    uint8_t t = fz_byte(f);
    *T = t < 212 ? (double)(t % 53) : fabs(fz_double(f));
    *tx = *x == 0.0 ? 0.0 : fz_share(f) * *T;
}

/* A count: 0..4 mostly, else any double. */
static inline double fz_count(fz *f)
{
    uint8_t k = fz_byte(f);
    return k < 200 ? (double)(k % 5) : fz_double(f);
}

/* Column pointers for the targets: cp_column over an array, stride 1. */
static inline cp_column fz_col(const double *v)
{
    cp_column c = {v, 1};
    return c;
}

typedef int (*fz_fit_fn)(cp_column, cp_column, cp_column, cp_column, size_t, double *, double *);
typedef int (*fz_loglik_fn)(cp_column, cp_column, cp_column, cp_column, size_t, const double *,
                            double *);

/* The BG/NBD and Pareto/NBD fits (4 parameters): up to FZ_FIT_ROWS
 * customers, with or without a count column.  A CP_OK fit gives parameters
 * inside the interior box (e^-25..e^25), a finite log-likelihood that the
 * model's loglik reproduces, and no higher log-likelihood 1% away in any
 * parameter (it is a maximum).  The loglik at fuzzed parameters is finite
 * when CP_OK. */
static inline void fz_fit_target(fz *f, fz_fit_fn fit, fz_loglik_fn loglik)
{
    gsl_set_error_handler_off();
    double x[FZ_FIT_ROWS], tx[FZ_FIT_ROWS], T[FZ_FIT_ROWS], w[FZ_FIT_ROWS], q[4];
    size_t n = fz_size(f, FZ_FIT_ROWS);
    int counted = fz_byte(f) & 1;
    for (size_t i = 0; i < n; i++) {
        fz_customer(f, &x[i], &tx[i], &T[i]);
        w[i] = counted ? fz_count(f) : 1.0;
    }
    cp_column none = {NULL, 0}, c = counted ? fz_col(w) : none;
    fz_params(f, q, 4);
    double p[4], ll, l2;
    if (loglik(fz_col(x), fz_col(tx), fz_col(T), c, n, q, &l2) == CP_OK)
        CP_FUZZ_CHECK(isfinite(l2));
    if (fit(fz_col(x), fz_col(tx), fz_col(T), c, n, p, &ll) != CP_OK)
        return;
    CP_FUZZ_CHECK(isfinite(ll));
    for (int j = 0; j < 4; j++)
        CP_FUZZ_CHECK(p[j] >= exp(-25.0) && p[j] <= exp(25.0));
    CP_FUZZ_CHECK(loglik(fz_col(x), fz_col(tx), fz_col(T), c, n, p, &l2) == CP_OK);
    CP_FUZZ_CHECK(fabs(l2 - ll) <= 1e-12 * (1.0 + fabs(ll)));
    for (int j = 0; j < 4; j++)
        for (int sign = -1; sign <= 1; sign += 2) {
            double pj[4] = {p[0], p[1], p[2], p[3]};
            pj[j] *= 1.0 + 0.01 * sign;
            CP_FUZZ_CHECK(loglik(fz_col(x), fz_col(tx), fz_col(T), c, n, pj, &l2) == CP_OK);
            CP_FUZZ_CHECK(l2 <= ll + 1e-9 * (1.0 + fabs(ll)));
        }
}

/* The predictions of both customer models read up to 40 customers, each
 * with its own horizon or one for all (stride 0), and the parameters. */
#define FZ_ROWS 40

typedef struct {
    double x[FZ_ROWS], tx[FZ_ROWS], T[FZ_ROWS], t[FZ_ROWS], p[4];
    size_t n;
    cp_column ct; /* the horizons */
} fz_book;

static inline void fz_read_book(fz *f, fz_book *b)
{
    gsl_set_error_handler_off();
    b->n = fz_size(f, FZ_ROWS);
    int shared = fz_byte(f) & 1;
    for (size_t i = 0; i < b->n; i++) {
        fz_customer(f, &b->x[i], &b->tx[i], &b->T[i]);
        uint8_t k = fz_byte(f);
        b->t[i] = k < 200 ? (double)(k % 20) * 13.0 : fz_double(f);
    }
    fz_params(f, b->p, 4);
    b->ct = fz_col(b->t);
    b->ct.stride = shared ? 0 : 1;
}

typedef int (*fz_palive_fn)(cp_column, cp_column, cp_column, size_t, const double *, double *,
                            size_t);
typedef int (*fz_purchases_fn)(cp_column, cp_column, cp_column, cp_column, size_t,
                               const double *, double *, size_t);

/* P(alive) of either model is a probability, and 1 exactly where the model
 * leaves no room for a death: BG/NBD without repeat purchases (deaths come
 * only after a purchase), Pareto/NBD with the last purchase at the end
 * (t_x = T, which x = 0 with T = 0 includes). */
static inline void fz_palive_target(fz *f, fz_palive_fn palive, int bgnbd)
{
    fz_book b;
    fz_read_book(f, &b);
    double out[2 * FZ_ROWS];
    if (palive(fz_col(b.x), fz_col(b.tx), fz_col(b.T), b.n, b.p, out, 2) != CP_OK)
        return;
    for (size_t i = 0; i < b.n; i++) {
        CP_FUZZ_CHECK(out[2 * i] >= 0.0 && out[2 * i] <= 1.0);
        if (bgnbd ? b.x[i] == 0.0 : b.tx[i] == b.T[i])
            CP_FUZZ_CHECK(out[2 * i] == 1.0);
    }
}

/* Expected purchases are finite and >= 0, and 0 for a horizon of 0. */
static inline void fz_purchases_target(fz *f, fz_purchases_fn purchases)
{
    fz_book b;
    fz_read_book(f, &b);
    double out[FZ_ROWS];
    if (purchases(b.ct, fz_col(b.x), fz_col(b.tx), fz_col(b.T), b.n, b.p, out, 1) != CP_OK)
        return;
    for (size_t i = 0; i < b.n; i++) {
        const double t = b.t[i * b.ct.stride];
        CP_FUZZ_CHECK(isfinite(out[i]) && out[i] >= 0.0);
        if (t == 0.0)
            CP_FUZZ_CHECK(out[i] == 0.0);
    }
}

#endif
