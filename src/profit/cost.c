/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_profit_cost_to_serve(...)          COSTTOSERVE
 *   int cp_profit_allocate(...)               COSTALLOCATE
 *
 * DESCRIPTION
 *   Cost to serve, activity-based: client i's cost is the sum over drivers
 *   j (hours, tickets, visits, ...) of driver_ij * rate_j.
 *
 *   Allocation of overhead pools: pool j is shared out over the clients in
 *   proportion to driver column j,
 *
 *     cost_i = sum_j pool_j * driver_ij / S_j,    S_j = sum_i driver_ij,
 *
 *   so the costs add up to the pools.  Each column is scaled by a power of
 *   two (exact) before S_j is summed (Neumaier), so S_j cannot overflow and
 *   the shares driver_ij / S_j are those of the unscaled column.
 *
 * REFERENCES
 *   ClientPrune FUNCTIONS.md, "Profitability and concentration".
 *   R. S. Kaplan and S. R. Anderson (2004), Time-driven activity-based
 *   costing, Harvard Business Review 82(11).
 */
#include "cp_profit.h"

#include <math.h>

#include "cp_alloc.h"
#include "cp_sum.h"

/* Checks the table's shape and that every driver is finite and >= 0. */
static int drivers_ok(const cp_table *d)
{
    if (d == NULL || d->data == NULL)
        return CP_EINVAL;
    if (d->rows == 0 || d->cols == 0)
        return CP_EEMPTY;
    if (d->tda < d->cols)
        return CP_EINVAL;
    for (size_t i = 0; i < d->rows; i++)
        for (size_t j = 0; j < d->cols; j++) {
            double x = cp_table_get(d, i, j);
            if (!(x >= 0.0 && isfinite(x)))
                return CP_EINVAL;
        }
    return CP_OK;
}

/* Checks the drivers, one finite value >= 0 per driver column (rates,
 * pools) and the output. */
static int inputs_ok(const cp_table *d, const double v[], size_t stride, const double out[])
{
    if (d != NULL && (!cp_table_span_ok(d) || !cp_span_ok(d->cols, stride)))
        return CP_ELIMIT; /* no caller's memory holds so many */
    int status = drivers_ok(d);
    if (status != CP_OK)
        return status;
    if (v == NULL || out == NULL)
        return CP_EINVAL;
    for (size_t j = 0; j < d->cols; j++)
        if (!(v[j * stride] >= 0.0 && isfinite(v[j * stride])))
            return CP_EINVAL;
    return CP_OK;
}

int cp_profit_cost_to_serve(const cp_table *drivers, const double rates[],
                            size_t rate_stride, double cost[], size_t cost_stride)
{
    int status = inputs_ok(drivers, rates, rate_stride, cost);
    if (status != CP_OK)
        return status;
    for (size_t i = 0; i < drivers->rows; i++) {
        cp_sum c = {0.0, 0.0};
        for (size_t j = 0; j < drivers->cols; j++)
            cp_sum_add(&c, cp_table_get(drivers, i, j) * rates[j * rate_stride]);
        cost[i * cost_stride] = cp_sum_value(&c);
        if (!isfinite(cost[i * cost_stride]))
            return CP_ELIMIT;
    }
    return CP_OK;
}

int cp_profit_allocate(const cp_table *drivers, const double pools[],
                       size_t pool_stride, double cost[], size_t cost_stride)
{
    int status = inputs_ok(drivers, pools, pool_stride, cost);
    if (status != CP_OK)
        return status;

    const size_t rows = drivers->rows, cols = drivers->cols;
    double *scale = cp_alloc_array(cols, sizeof *scale);
    cp_sum *sum = cp_alloc_array(cols, sizeof *sum);
    if (scale == NULL || sum == NULL) {
        cp_free(scale);
        cp_free(sum);
        return CP_ENOMEM;
    }
    /* Row by row, as the table lies in memory. */
    for (size_t j = 0; j < cols; j++)
        scale[j] = 0.0; /* the largest driver so far */
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++)
            scale[j] = fmax(scale[j], cp_table_get(drivers, i, j));
    for (size_t j = 0; j < cols; j++) {
        scale[j] = cp_pow2_scale(&scale[j], 1, 1);
        sum[j].sum = sum[j].comp = 0.0;
    }
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++)
            cp_sum_add(&sum[j], cp_table_get(drivers, i, j) * scale[j]);
    for (size_t j = 0; status == CP_OK && j < cols; j++) {
        double s = cp_sum_value(&sum[j]);
        if (s == 0.0 && pools[j * pool_stride] != 0.0)
            status = CP_EINVAL; /* nobody to share a non-zero pool with */
        sum[j].sum = s;
    }
    for (size_t i = 0; status == CP_OK && i < rows; i++) {
        cp_sum c = {0.0, 0.0};
        for (size_t j = 0; j < cols; j++) {
            double p = pools[j * pool_stride];
            if (p != 0.0)
                cp_sum_add(&c, p * (cp_table_get(drivers, i, j) * scale[j] / sum[j].sum));
        }
        cost[i * cost_stride] = cp_sum_value(&c);
        if (!isfinite(cost[i * cost_stride]))
            status = CP_ELIMIT;
    }
    cp_free(scale);
    cp_free(sum);
    return status;
}
