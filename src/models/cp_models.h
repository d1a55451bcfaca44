/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cp_models.h - customer-base models: BG/NBD, Pareto/NBD, gamma-gamma spend
 * and customer lifetime value (BGNBDFIT ... CLV).
 *
 * Every customer is summarised as in RFMTABLE: x repeat purchases
 * (frequency, a whole number >= 0), t_x the time of the last purchase
 * after the first (recency) and T the time from the first purchase to the
 * end of the observation (age), all in ONE time unit (days, weeks, ...).
 * Rates, scale parameters (alpha, beta) and forecast horizons t are in that
 * same unit; the results of the prediction functions are too.
 *
 * Domain of a customer row: x whole and >= 0, 0 <= t_x <= T, t_x = 0 when
 * x = 0, all finite; horizons t >= 0; counts finite and >= 0.  Model
 * parameters are finite and > 0.  Anything else gives CP_EINVAL (a value
 * outside the row's domain) or CP_EDOM (a parameter outside its domain).
 *
 * Columns are passed as cp_column: value i is data[i * stride], and stride 0
 * repeats data[0] for every customer (one value for the whole book, e.g. a
 * single forecast horizon).  The caller owns every array; nothing is kept
 * after a call.  Outputs are written only when the call returns CP_OK.
 *
 * Status codes: CP_OK; CP_EINVAL (NULL pointer, a row outside the domain,
 * a bad option); CP_EDOM (a parameter); CP_EEMPTY (n = 0, or nothing left
 * to fit); CP_ENOCONV (a fit that did not reach a proper maximum, or a
 * prediction whose numerical integration did not reach full accuracy or
 * that has no value in double precision, e.g. odds that overflow both ways
 * at x near 1e308);
 * CP_ENOMEM; CP_ELIMIT (n too large to allocate for).
 */
#ifndef CP_MODELS_H
#define CP_MODELS_H

#include <stddef.h>

#include "cp_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One column of per-customer values; stride 0 repeats data[0]. */
typedef struct {
    const double *data;
    size_t stride;
} cp_column;

/* ---- BG/NBD (Fader, Hardie and Lee 2005) ------------------------------
 * params = {r, alpha, a, b}: purchase rates ~ Gamma(shape r, rate alpha),
 * drop-out probability after each purchase ~ Beta(a, b). */

/*
 * cp_bgnbd_fit - maximum-likelihood r, alpha, a, b.
 *
 * count  customers sharing each row (count.data NULL: 1 each); rows with
 *        count 0 are left out.  Identical rows are merged internally.
 * params out: r, alpha, a, b.  loglik out: sum of count * ln L_i (eq. 6).
 * Returns CP_OK, CP_EINVAL, CP_EEMPTY (no customer with count > 0),
 * CP_ENOCONV (no interior maximum found: e.g. nobody ever repurchases),
 * CP_ENOMEM, CP_ELIMIT.
 */
int cp_bgnbd_fit(cp_column x, cp_column tx, cp_column T, cp_column count, size_t n,
                 double params[4], double *loglik);

/* Sum of count * ln L_i at the given params (count.data NULL: 1 each). */
int cp_bgnbd_loglik(cp_column x, cp_column tx, cp_column T, cp_column count, size_t n,
                    const double params[4], double *loglik);

/* P(alive at T | x, t_x, T), one value per customer into out (stride os). */
int cp_bgnbd_palive(cp_column x, cp_column tx, cp_column T, size_t n,
                    const double params[4], double out[], size_t os);

/* E[purchases in (T, T + t] | x, t_x, T], one value per customer.
 * May return CP_ENOCONV (integration short of full accuracy). */
int cp_bgnbd_purchases(cp_column t, cp_column x, cp_column tx, cp_column T, size_t n,
                       const double params[4], double out[], size_t os);

/* ---- Pareto/NBD (Schmittlein, Morrison and Colombo 1987) -------------
 * params = {r, alpha, s, beta}: purchase rates ~ Gamma(r, alpha), drop-out
 * rates ~ Gamma(shape s, rate beta). */

int cp_pnbd_fit(cp_column x, cp_column tx, cp_column T, cp_column count, size_t n,
                double params[4], double *loglik);
int cp_pnbd_loglik(cp_column x, cp_column tx, cp_column T, cp_column count, size_t n,
                   const double params[4], double *loglik);
int cp_pnbd_palive(cp_column x, cp_column tx, cp_column T, size_t n,
                   const double params[4], double out[], size_t os);
int cp_pnbd_purchases(cp_column t, cp_column x, cp_column tx, cp_column T, size_t n,
                      const double params[4], double out[], size_t os);

/* ---- Gamma-gamma spend (Fader, Hardie and Lee 2005; Fader and Hardie 2013)
 * params = {p, q, gamma}. */

/*
 * cp_gg_fit - maximum-likelihood p, q, gamma from the customers with
 * frequency x > 0 and mean repeat spend m > 0 (other rows are ignored, m
 * may be any finite number there).  *used (may be NULL) receives the number
 * of rows that entered the fit.  Returns as cp_bgnbd_fit; CP_EEMPTY when no
 * row qualifies.
 */
int cp_gg_fit(cp_column x, cp_column m, cp_column count, size_t n,
              double params[3], double *loglik, size_t *used);
int cp_gg_loglik(cp_column x, cp_column m, cp_column count, size_t n,
                 const double params[3], double *loglik);

/*
 * cp_gg_spend - expected spend per purchase, p (gamma + x m) / (p x + q - 1),
 * or the population mean p gamma / (q - 1) when x = 0.  m must be >= 0.
 * CP_EDOM when p x + q - 1 <= 0 for any customer.
 */
int cp_gg_spend(cp_column x, cp_column m, size_t n, const double params[3],
                double out[], size_t os);

/* ---- Customer lifetime value ------------------------------------------
 *
 * cp_clv - sum over k = 1..months of spend * (E[Y(k u)] - E[Y((k-1) u)]) /
 * (1 + monthly_discount)^k, with spend from cp_gg_spend and E[Y] from
 * cp_bgnbd_purchases, u = units_per_month.  months 1..1200, discount > -1,
 * units_per_month > 0 (else CP_EINVAL).
 */
int cp_clv(cp_column x, cp_column tx, cp_column T, cp_column m, size_t n,
           const double bgnbd[4], const double gg[3], int months,
           double monthly_discount, double units_per_month, double out[], size_t os);

#ifdef __cplusplus
}
#endif

#endif /* CP_MODELS_H */
