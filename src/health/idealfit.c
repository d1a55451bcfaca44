/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_health_idealfit(...)               IDEALFIT
 *
 * DESCRIPTION
 *   How close each client is to the owner's ideal client, through the
 *   population's correlation structure (Mahalanobis 1936, on the
 *   correlation scale so units do not matter):
 *
 *     s_j  sample sd of criterion j over the population (divisor n - 1)
 *     z_j  (client_j - ideal_j) / s_j
 *     W    diag(w_j / mean(w)), the mean over every criterion given
 *     R    the population's correlation matrix over criteria with s_j > 0
 *     d^2  (Wz)' R+ (Wz),   fit = 100 exp(-d^2 / 2)
 *
 *   R+ is the Moore-Penrose pseudo-inverse (Golub and Van Loan 2013,
 *   sec. 5.5.2) from the one-sided Jacobi SVD R = U S V'
 *   (gsl_linalg_SV_decomp_jacobi).  R is symmetric positive semi-definite,
 *   so U = V on the kept singular values and
 *
 *     d^2 = sum_{k: S_k >= 1e-10 S_1} (v_k' Wz)^2 / S_k,
 *
 *   a sum of non-negative terms.  A singular R (criteria that move together
 *   exactly, fewer clients than criteria) thus measures distance only along
 *   the directions the population spans; a difference along a direction in
 *   which the population does not vary at all adds nothing.  For a regular
 *   R this is the Mahalanobis distance under the population covariance.
 *   Criteria whose values are all equal (s_j = 0) are left out; with none
 *   left d^2 = 0 and every client fits 100.
 *
 *   Numerics: criteria are scaled by powers of two as in CLIENTSCORE
 *   (cp_crit_stats); Wz is divided by its largest magnitude before the
 *   quadratic form and the square of that restored after, so a client
 *   astronomically far from the ideal gets 0, never NaN.
 *
 * REFERENCES
 *   Mahalanobis, P.C. (1936). On the generalised distance in statistics.
 *   Proc. National Institute of Sciences of India 2(1), 49-55.
 *   Golub, G.H., Van Loan, C.F. (2013). Matrix Computations, 4th ed.
 *   ClientPrune FUNCTIONS.md, "Client health and risk".
 */
#include "cp_health.h"

#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include "cp_alloc.h"
#include "cp_score_internal.h"
#include "health_internal.h"

#define SV_CUTOFF 1e-10
#define MAX_WORK 4e9 /* rows x criteria^2 for R, criteria^3 for the SVD */

int cp_health_idealfit(const cp_table *clients, const double ideal[],
                       size_t istride, const cp_table *population,
                       const double weights[], size_t wstride, double fit[],
                       size_t fstride)
{
    if (clients == NULL || ideal == NULL || population == NULL || fit == NULL)
        return CP_EINVAL;
    if (!cp_span_ok(clients->cols, istride) || !cp_span_ok(clients->rows, fstride))
        return CP_ELIMIT; /* no caller's memory holds so many */
    int status = cp_health_complete_table(clients);
    if (status == CP_OK)
        status = cp_health_complete_table(population);
    if (status != CP_OK)
        return status;
    const size_t m = clients->cols, n = population->rows;
    if (population->cols != m)
        return CP_EBADLEN;
    if (n < 2)
        return CP_EEMPTY;
    for (size_t j = 0; j < m; j++)
        if (!isfinite(ideal[j * istride]))
            return CP_EINVAL;
    double wscale = 1.0, wsum = (double)m;
    if (weights != NULL) {
        status = cp_score_weights_ok(weights, wstride, NULL, 0, m, &wscale);
        if (status != CP_OK)
            return status;
        wsum = 0.0;
        for (size_t j = 0; j < m; j++)
            wsum += weights[j * wstride] * wscale;
    }
    if ((double)n * (double)m * (double)m > MAX_WORK || (double)m * (double)m * (double)m > MAX_WORK)
        return CP_ELIMIT;

    cp_crit_stats *st = cp_alloc_array(m, sizeof *st);
    size_t *used = cp_alloc_array(m, sizeof *used);
    double *y = cp_alloc_array(m, sizeof *y);
    if (st == NULL || used == NULL || y == NULL) {
        cp_free(st), cp_free(used), cp_free(y);
        return CP_ENOMEM;
    }
    const size_t q = cp_health_spread_columns(population, st, used); /* s_j > 0 */

    /* R (q x q) and its SVD: a becomes U, v holds V, s the singular values. */
    double *a = cp_alloc_array(q * q, sizeof *a), *v = cp_alloc_array(q * q, sizeof *v);
    double *s = cp_alloc_array(q, sizeof *s);
    if (a == NULL || v == NULL || s == NULL) {
        status = CP_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k < q; k++) {
        for (size_t l = k; l < q; l++) {
            const cp_crit_stats *sk = &st[used[k]], *sl = &st[used[l]];
            double acc = 0.0;
            for (size_t i = 0; i < n; i++)
                acc += (cp_table_get(population, i, used[k]) * sk->scale - sk->mean) *
                       (cp_table_get(population, i, used[l]) * sl->scale - sl->mean);
            double r = k == l ? 1.0 : acc / (double)(n - 1) / sk->sd / sl->sd;
            a[k * q + l] = a[l * q + k] = r;
        }
    }
    if (q > 0) {
        gsl_matrix_view A = gsl_matrix_view_array(a, q, q);
        gsl_matrix_view V = gsl_matrix_view_array(v, q, q);
        gsl_vector_view S = gsl_vector_view_array(s, q);
        if (gsl_linalg_SV_decomp_jacobi(&A.matrix, &V.matrix, &S.vector) != GSL_SUCCESS) {
            status = CP_ENOCONV;
            goto done;
        }
    }
    double smax = 0.0;
    for (size_t k = 0; k < q; k++)
        smax = fmax(smax, s[k]);

    for (size_t i = 0; i < clients->rows; i++) {
        /* y = Wz over the used criteria, divided by its largest magnitude. */
        double big = 0.0;
        for (size_t k = 0; k < q; k++) {
            size_t j = used[k];
            double w = weights ? weights[j * wstride] * wscale * (double)m / wsum : 1.0;
            double z = (cp_table_get(clients, i, j) - ideal[j * istride]) * st[j].scale / st[j].sd;
            y[k] = w * z;
            big = fmax(big, fabs(y[k]));
        }
        double d2 = 0.0;
        if (isinf(big)) {
            d2 = INFINITY;
        } else if (big > 0.0) {
            double form = 0.0;
            for (size_t c = 0; c < q; c++) {
                if (!(s[c] >= SV_CUTOFF * smax) || s[c] <= 0.0)
                    continue; /* counts as 0 in the pseudo-inverse */
                double dot = 0.0;
                for (size_t k = 0; k < q; k++)
                    dot += v[k * q + c] * (y[k] / big);
                form += dot * dot / s[c];
            }
            /* form = 0 (y outside every kept direction) is d^2 = 0, also
             * when big * big overflows. */
            d2 = form > 0.0 ? big * (big * form) : 0.0;
        }
        fit[i * fstride] = 100.0 * exp(-0.5 * d2);
    }
done:
    cp_free(st), cp_free(used), cp_free(y);
    cp_free(a), cp_free(v), cp_free(s);
    return status;
}
