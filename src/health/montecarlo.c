/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_health_revenue_at_risk(...)        REVENUEATRISK
 *   int cp_health_prune_stability(...)        PRUNESTABILITY
 *
 * DESCRIPTION
 *   Monte Carlo over independent client survival and over the owner's
 *   weights, drawing from GSL's taus2 (see cp_health.h for the order of
 *   the draws, which is part of the result).
 *
 *   REVENUEATRISK: client i is kept with probability p_i, independently;
 *   kept revenue K = sum_i [u_i < p_i] r_i.  The result is the (1 -
 *   confidence) quantile of the simulated K as Calc's PERCENTILE takes it
 *   (Hyndman and Fan 1996, definition 7).  A draw u = k / 2^32 (k the
 *   generator's 32-bit output, as gsl_rng_uniform returns it) is below p
 *   exactly when k < ceil(p 2^32), so the test is done on the integer; the
 *   outcome is the same bit for bit and skips a conversion per draw.
 *
 *   PRUNESTABILITY: the book is normalised once (CLIENTSCORE's minmax,
 *   cp_crit_stats), then each simulation multiplies weight j by
 *   (1 - jitter) + 2 jitter u_j, forms every client's score with
 *   CLIENTSCORE's arithmetic (sum_j w_j v_j over known criteria in column
 *   order, divided by the sum of those w_j, times 100: a blank adds +0 to
 *   both sums, which changes no bit) and counts the clients whose PRUNERANK
 *   would be <= prune_count: score <= the prune_count-th smallest score
 *   (cp_prune_rank_cutoff), found by selection rather than a sort.
 *
 * REFERENCES
 *   Hyndman, R.J., Fan, Y. (1996). Sample quantiles in statistical
 *   packages. The American Statistician 50(4), 361-365.
 *   L'Ecuyer, P. (1996). Maximally equidistributed combined Tausworthe
 *   generators. Mathematics of Computation 65(213), 203-213.
 *   ClientPrune FUNCTIONS.md, "Client health and risk".
 */
#include "cp_health.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "cp_alloc.h"
#include "cp_score_internal.h"
#include "cp_select.h"
#include "health_internal.h"

#define MIN_SIMS 100
#define MAX_SIMS 10000000

/* The revenue (as its bits) when draw < thr, else +0. */
static inline double kept_or_zero(uint64_t rev_bits, uint32_t draw, uint64_t thr)
{
    uint64_t bits = rev_bits & (0 - (uint64_t)(draw < thr));
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

static int sims_ok(size_t sims)
{
    return sims >= MIN_SIMS && sims <= MAX_SIMS;
}

int cp_health_revenue_at_risk(const double revenue[], size_t rstride,
                              const double p_alive[], size_t pstride, size_t n,
                              double confidence, size_t sims,
                              unsigned long seed, double *kept)
{
    if (revenue == NULL || p_alive == NULL || kept == NULL)
        return CP_EINVAL;
    if (!cp_span_ok(n, rstride) || !cp_span_ok(n, pstride))
        return CP_ELIMIT; /* no caller's memory holds so many */
    if (n == 0)
        return CP_EEMPTY;
    if (!(confidence > 0.0 && confidence < 1.0) || !sims_ok(sims))
        return CP_EINVAL;
    for (size_t i = 0; i < n; i++) {
        double p = p_alive[i * pstride];
        if (!isfinite(revenue[i * rstride]) || !(p >= 0.0 && p <= 1.0))
            return CP_EINVAL;
    }
    if ((double)sims * (double)n > CP_HEALTH_MAX_DRAWS)
        return CP_ELIMIT;

    uint64_t *thr = cp_alloc_array(n, sizeof *thr);
    uint64_t *rev_bits = cp_alloc_array(n, sizeof *rev_bits);
    double *total = cp_alloc_array(sims, sizeof *total);
    uint32_t *draw = cp_alloc_array(n, sizeof *draw);
    gsl_rng rng;
    if (thr == NULL || rev_bits == NULL || total == NULL || draw == NULL ||
        cp_health_rng_open(&rng, seed) != CP_OK) {
        cp_free(thr), cp_free(rev_bits), cp_free(total), cp_free(draw);
        return CP_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        thr[i] = (uint64_t)ceil(ldexp(p_alive[i * pstride], 32)); /* 0 .. 2^32 */
        double r = revenue[i * rstride] + 0.0; /* -0 is 0 */
        memcpy(&rev_bits[i], &r, sizeof r);
    }
    /* Per simulation: the draws first (the generator's calls back to back),
     * then the sum, as four running sums over the clients i = 0, 1, 2, 3
     * (mod 4) in client order, added as (S0 + S1) + (S2 + S3): four
     * independent additions per step instead of one long chain.  A lost
     * client adds +0 (its revenue's bits masked away), which changes no
     * sum, so there is no branch to mispredict. */
    unsigned long (*get)(void *) = rng.type->get;
    for (size_t s = 0; s < sims; s++) {
        for (size_t i = 0; i < n; i++)
            draw[i] = (uint32_t)get(rng.state);
        double part[4] = {0.0, 0.0, 0.0, 0.0};
        size_t i = 0;
        for (; i + 4 <= n; i += 4)
            for (size_t r = 0; r < 4; r++)
                part[r] += kept_or_zero(rev_bits[i + r], draw[i + r], thr[i + r]);
        for (size_t r = 0; i < n; i++, r++)
            part[r] += kept_or_zero(rev_bits[i], draw[i], thr[i]);
        total[s] = (part[0] + part[1]) + (part[2] + part[3]);
    }
    /* PERCENTILE.INC at 1 - confidence. */
    double h = (double)(sims - 1) * (1.0 - confidence);
    size_t lo = (size_t)floor(h);
    double frac = h - (double)lo;
    double a = cp_select_kth(total, sims, lo);
    double result = a;
    if (frac > 0.0 && lo + 1 < sims)
        result = a + frac * (cp_select_min(total + lo + 1, sims - lo - 1) - a);
    *kept = result;
    cp_health_rng_close(&rng);
    cp_free(thr), cp_free(rev_bits), cp_free(total), cp_free(draw);
    return isfinite(result) ? CP_OK : CP_ELIMIT;
}

int cp_health_prune_stability(const cp_table *criteria, const double weights[],
                              size_t wstride, const double directions[],
                              size_t dstride, size_t prune_count,
                              double jitter, size_t sims, unsigned long seed,
                              double share[], size_t sstride)
{
    if (criteria == NULL || weights == NULL || share == NULL)
        return CP_EINVAL;
    if (!cp_span_ok(criteria->rows, sstride))
        return CP_ELIMIT; /* no caller's memory holds so many */
    int status = cp_score_table_ok(criteria);
    if (status != CP_OK)
        return status;
    const size_t n = criteria->rows, m = criteria->cols;
    double wscale;
    status = cp_score_weights_ok(weights, wstride, directions, dstride, m, &wscale);
    if (status != CP_OK)
        return status;
    if (!(jitter >= 0.0 && jitter < 1.0) || !sims_ok(sims))
        return CP_EINVAL;
    if ((double)sims * (double)n * (double)m > CP_HEALTH_MAX_DRAWS)
        return CP_ELIMIT;

    /* Criteria of positive weight, normalised once: v (0 where unknown) and
     * known (1 or 0), client-major. */
    size_t q = 0;
    for (size_t j = 0; j < m; j++)
        q += weights[j * wstride] > 0.0;
    double *v = cp_alloc_array(n * q, sizeof *v), *known = cp_alloc_array(n * q, sizeof *known);
    size_t *col = cp_alloc_array(q, sizeof *col), *active = cp_alloc_array(n, sizeof *active);
    double *w = cp_alloc_array(m, sizeof *w), *score = cp_alloc_array(n, sizeof *score);
    double *scratch = cp_alloc_array(n, sizeof *scratch);
    uint64_t *hits = cp_alloc_array(n, sizeof *hits);
    gsl_rng rng;
    int rng_ok = 0;
    if (v == NULL || known == NULL || col == NULL || active == NULL || w == NULL ||
        score == NULL || scratch == NULL || hits == NULL) {
        status = CP_ENOMEM;
        goto done;
    }
    for (size_t j = 0, c = 0; j < m; j++) {
        if (!(weights[j * wstride] > 0.0))
            continue;
        col[c] = j;
        cp_crit_stats st;
        cp_crit_stats_fill(&st, criteria, j, CP_METHOD_MINMAX, NULL);
        int turn = directions != NULL && directions[j * dstride] < 0.0;
        for (size_t i = 0; i < n; i++) {
            double x = cp_table_get(criteria, i, j);
            int k = !isnan(x);
            double y = k ? cp_crit_normalise(&st, CP_METHOD_MINMAX, x) : 0.0;
            v[i * q + c] = k && turn ? 1.0 - y : y;
            known[i * q + c] = k ? 1.0 : 0.0;
        }
        c++;
    }
    size_t na = 0; /* clients with a score: some known criterion of positive weight */
    for (size_t i = 0; i < n; i++) {
        int any = 0;
        for (size_t c = 0; c < q; c++)
            any |= known[i * q + c] > 0.0;
        if (any)
            active[na++] = i;
        hits[i] = 0;
    }
    if (prune_count > na) {
        status = CP_EINVAL;
        goto done;
    }
    if (prune_count > 0 && prune_count < na) {
        if (cp_health_rng_open(&rng, seed) != CP_OK) {
            status = CP_ENOMEM;
            goto done;
        }
        rng_ok = 1;
        const double base = 1.0 - jitter, span = 2.0 * jitter;
        for (size_t s = 0; s < sims; s++) {
            for (size_t j = 0; j < m; j++)
                w[j] = (weights[j * wstride] * wscale) * (base + span * gsl_rng_uniform(&rng));
            for (size_t a = 0; a < na; a++) {
                const double *vi = v + active[a] * q, *ki = known + active[a] * q;
                double acc = 0.0, wsum = 0.0;
                for (size_t c = 0; c < q; c++) {
                    double wc = w[col[c]];
                    acc += wc * vi[c];
                    wsum += wc * ki[c];
                }
                score[a] = cp_score_finish(acc, wsum);
            }
            memcpy(scratch, score, na * sizeof *score);
            double cutoff = cp_prune_rank_cutoff(scratch, na, prune_count);
            for (size_t a = 0; a < na; a++)
                hits[a] += score[a] <= cutoff;
        }
    } else if (prune_count == na) {
        for (size_t a = 0; a < na; a++)
            hits[a] = sims; /* everyone is within the first na ranks */
    }
    for (size_t i = 0; i < n; i++)
        share[i * sstride] = NAN;
    for (size_t a = 0; a < na; a++)
        share[active[a] * sstride] = (double)hits[a] / (double)sims;
done:
    if (rng_ok)
        cp_health_rng_close(&rng);
    cp_free(v), cp_free(known), cp_free(col), cp_free(active);
    cp_free(w), cp_free(score), cp_free(scratch), cp_free(hits);
    return status;
}
