/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cp_profit.h - profitability and concentration: COSTTOSERVE, COSTALLOCATE,
 * WHALECURVE, WHALEPEAK, ABCCLASS and CONCENTRATION.
 *
 * Per-client money and driver columns must be finite: the glue turns blank
 * cells into 0 before calling.  Results that are shares are computed from
 * columns scaled by an exact power of two and summed with Neumaier sums
 * (cp_sum.h), so they neither overflow nor depend on the order of the rows.
 */
#ifndef CP_PROFIT_H
#define CP_PROFIT_H

#include <stddef.h>

#include "cp_status.h"
#include "cp_table.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * cp_profit_cost_to_serve - what each client costs to serve (COSTTOSERVE).
 *
 * drivers  one row per client, one column per cost driver (hours, tickets,
 *          visits ...), each >= 0 and finite.
 * rates    drivers->cols rates (cost per unit of each driver), >= 0, finite
 *          (stride rate_stride).
 * cost     out: drivers->rows values, sum_j driver_ij * rate_j.
 *
 * Returns CP_OK; CP_EEMPTY for a table without rows or columns; CP_EINVAL
 * for a negative or non-finite driver or rate, a bad tda; CP_ELIMIT when a
 * cost overflows.  O(rows * cols); allocates nothing.
 */
int cp_profit_cost_to_serve(const cp_table *drivers, const double rates[],
                            size_t rate_stride, double cost[], size_t cost_stride);

/*
 * cp_profit_allocate - overhead pools shared out by driver (COSTALLOCATE).
 *
 * drivers  as for cp_profit_cost_to_serve.
 * pools    drivers->cols pool totals, >= 0, finite (stride pool_stride).
 * cost     out: drivers->rows values,
 *          sum_j pool_j * driver_ij / sum_i driver_ij.
 *
 * A driver column summing to 0 shares out nothing; against a pool other
 * than 0 that is invalid.
 *
 * Returns CP_OK; CP_EEMPTY; CP_EINVAL for a negative or non-finite driver
 * or pool, a bad tda, a zero driver column with a non-zero pool; CP_ELIMIT
 * when a cost overflows; CP_ENOMEM.  O(rows * cols).
 */
int cp_profit_allocate(const cp_table *drivers, const double pools[],
                       size_t pool_stride, double cost[], size_t cost_stride);

/*
 * cp_profit_whale_curve - the whale curve (WHALECURVE).
 *
 * profit          n clients' profit, finite (negative allowed).
 * client_share    out: n values, k / n for k = 1..n.
 * profit_share    out: n values, the share of total profit earned by the
 *                 k most profitable clients (may exceed 1); the last is 1.
 *
 * Returns CP_OK; CP_EEMPTY for n = 0; CP_EINVAL for a non-finite profit or
 * total profit <= 0; CP_ELIMIT when a share overflows (a total that is a
 * vanishing remainder of huge profits and losses); CP_ENOMEM.  O(n) (one
 * radix sort).
 */
int cp_profit_whale_curve(const double profit[], size_t profit_stride, size_t n,
                          double client_share[], size_t client_stride,
                          double profit_share[], size_t share_stride);

/*
 * cp_profit_whale_peak - the top of the whale curve (WHALEPEAK).
 *
 * peak_share    out: the highest cumulative profit share of the curve.
 * client_share  out: the smallest client share at which it is reached.
 *
 * The curve rises with every client of positive profit and never again
 * after them, so the peak is (sum of positive profits) / total, reached
 * at (number of clients with profit > 0) / n; no sort is needed.
 *
 * Returns CP_OK; CP_EEMPTY for n = 0; CP_EINVAL for a non-finite profit or
 * total profit <= 0; CP_ELIMIT when the share overflows.  O(n); allocates
 * nothing.
 */
int cp_profit_whale_peak(const double profit[], size_t profit_stride, size_t n,
                         double *peak_share, double *client_share);

/* ABC classes. */
typedef enum { CP_ABC_A = 0, CP_ABC_B = 1, CP_ABC_C = 2 } cp_abc;

/* "A", "B", "C", or "" for any other value.  Static storage. */
const char *cp_abc_name(int abc);

/* The relative rounding allowance of ABCCLASS's share comparisons. */
#define CP_ABC_RELTOL 1e-12

/*
 * cp_profit_abc - ABC classes (ABCCLASS).
 *
 * value        n clients' values (revenue, profit), >= 0, finite.
 * pop, n_pop   the population they are classed in (row mode), or NULL for
 *              table mode (the clients themselves).  Values >= 0, finite,
 *              total > 0.
 * a_share, b_share  0 < a_share <= b_share <= 1.
 * abc          out: n values of cp_abc.
 *
 * The share before a value x is the share of the population total held by
 * values strictly larger than x; x is A while that share is below a_share,
 * B while below b_share, else C.  A share within a relative 1e-12 of a
 * bound counts as reaching it, so rounding in the sums never moves a client
 * that sits exactly on a bound.
 *
 * Returns CP_OK; CP_EEMPTY for n = 0 or, in row mode, n_pop = 0; CP_EINVAL
 * for a negative or non-finite value, a population total <= 0, shares out
 * of order or range; CP_ENOMEM.  O(n + n_pop) (radix sorts).
 */
int cp_profit_abc(const double value[], size_t value_stride, size_t n,
                  const double pop[], size_t pop_stride, size_t n_pop,
                  double a_share, double b_share, int abc[], size_t abc_stride);

typedef enum {
    CP_CONCENTRATION_HHI = 0,  /* 10000 x the sum of squared shares */
    CP_CONCENTRATION_TOP1 = 1, /* share of the largest client */
    CP_CONCENTRATION_TOP5 = 2, /* share of the five largest */
    CP_CONCENTRATION_GINI = 3  /* Gini coefficient, no small-sample correction */
} cp_concentration;

/* Parses "hhi", "top1", "top5" or "gini" (any letter case).
 * Returns CP_OK or CP_EINVAL for any other name. */
int cp_concentration_from_name(const char *name, cp_concentration *measure);

/*
 * cp_profit_concentration - how concentrated revenue is (CONCENTRATION).
 *
 * revenue  n clients' revenue, >= 0, finite, total > 0.
 * result   out: the measure.  Gini is
 *          G = sum_i sum_j |x_i - x_j| / (2 n^2 mean)
 *            = sum_k (2k - n - 1) x_(k) / (n sum x),  x_(1) <= ... <= x_(n).
 *
 * Returns CP_OK; CP_EEMPTY for n = 0; CP_EINVAL for a negative or
 * non-finite revenue, total <= 0, an unknown measure; CP_ENOMEM (gini
 * only).  O(n), O(n log n) for gini (one sort).
 */
int cp_profit_concentration(const double revenue[], size_t stride, size_t n,
                            cp_concentration measure, double *result);

#ifdef __cplusplus
}
#endif

#endif /* CP_PROFIT_H */
