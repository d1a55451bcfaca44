/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   cp_clv        CLV
 *
 * DESCRIPTION
 *   The discounted value of a customer's next `months` months, month by
 *   month, as in Fader, Hardie and Lee's (2005) "RFM and CLV" (eq. 2 with a
 *   monthly discrete discount instead of a continuous one):
 *
 *     CLV = spend * sum_{k=1..months} (E[Y(k u)] - E[Y((k-1) u)]) / (1 + d)^k
 *
 *   with spend the gamma-gamma expected spend per purchase (GGSPEND),
 *   E[Y(t)] the BG/NBD expected purchases in the next t (BGNBDPURCHASES),
 *   u the number of time units (of the T column) in a month and d the
 *   monthly discount rate.  Spend and purchases are assumed independent, as
 *   the gamma-gamma model does.  (1 + d)^-k is computed as
 *   exp(-k log1p(d)).
 *
 * REFERENCES
 *   Fader, Hardie and Lee (2005), "RFM and CLV: Using Iso-Value Curves for
 *   Customer Base Analysis", Journal of Marketing Research 42(4), 415-430.
 *   ClientPrune FUNCTIONS.md, "Prediction": the definition above.
 */
#include "models_internal.h"

#include <math.h>

#include "cp_alloc.h"

int cp_clv(cp_column x, cp_column tx, cp_column T, cp_column m, size_t n,
           const double bgnbd[4], const double gg[3], int months, double monthly_discount,
           double units_per_month, double out[], size_t os)
{
    int status = cp_check_params(bgnbd, 4);
    if (status == CP_OK)
        status = cp_check_params(gg, 3);
    if (status != CP_OK)
        return status;
    if (x.data == NULL || tx.data == NULL || T.data == NULL || m.data == NULL || out == NULL)
        return CP_EINVAL;
    if (months < 1 || months > 1200 || !isfinite(monthly_discount) || !(monthly_discount > -1.0) ||
        !isfinite(units_per_month) || !(units_per_month > 0.0))
        return CP_EINVAL;
    if (n == 0)
        return CP_EEMPTY;
    for (size_t i = 0; i < n; i++) {
        if ((status = cp_check_customer(cp_col(x, i), cp_col(tx, i), cp_col(T, i))) != CP_OK ||
            (status = cp_gg_check_row(cp_col(x, i), cp_col(m, i))) != CP_OK)
            return status;
        double spend;
        if ((status = cp_gg_spend_one(cp_col(x, i), cp_col(m, i), gg, &spend)) != CP_OK)
            return status;
    }

    double *tmp = cp_alloc_array(n, sizeof *tmp);
    if (tmp == NULL)
        return CP_ENOMEM;
    const double log_discount = log1p(monthly_discount);
    for (size_t i = 0; i < n && status == CP_OK; i++) {
        const double xi = cp_col(x, i), txi = cp_col(tx, i), Ti = cp_col(T, i);
        double spend, prev = 0.0, acc = 0.0;
        cp_gg_spend_one(xi, cp_col(m, i), gg, &spend);
        for (int k = 1; k <= months && status == CP_OK; k++) {
            double e;
            status = cp_bgnbd_expect_one(k * units_per_month, xi, txi, Ti, bgnbd, &e);
            acc += (e - prev) * exp(-k * log_discount);
            prev = e;
        }
        tmp[i] = spend * acc;
        /* A discount close to -1 over many months can overflow. */
        if (status == CP_OK && !isfinite(tmp[i]))
            status = CP_EINVAL;
    }
    for (size_t i = 0; status == CP_OK && i < n; i++)
        out[i * os] = tmp[i];
    cp_free(tmp);
    return status;
}
