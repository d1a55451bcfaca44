/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_score_clients(...)                 CLIENTSCORE
 *
 * DESCRIPTION
 *   A weighted multi-criteria score.  For criterion j with known population
 *   values P_j (n_j of them) and client value x:
 *
 *     minmax      v = (x - min P_j) / (max P_j - min P_j), clamped to 0..1
 *     percentile  v = (#{p < x} + (#{p = x} - 1) / 2) / (n_j - 1) when x
 *                 occurs in P_j (x itself is not counted), else
 *                 #{p < x} / n_j; clamped to 0..1
 *     zscore      v = Phi((x - mean P_j) / sd P_j), sample sd (n_j - 1)
 *
 *   and v = 0.5 whenever n_j < 2 or every known value is equal.  With
 *   direction -1, v becomes 1 - v.  The score is
 *
 *     100 * sum_j w_j v_j / sum_j w_j     over j known for the client, w_j > 0.
 *
 *   Numerics: minmax and zscore work on each criterion multiplied by a power
 *   of two that brings its largest magnitude into [0.5, 1).  That scaling is
 *   exact, so results are the same bits as unscaled arithmetic wherever the
 *   latter does not overflow, and values near +-1e308 cannot overflow
 *   max - min or the variance.  Percentiles compare the raw values.
 *
 * REFERENCES
 *   ClientPrune FUNCTIONS.md, "Scoring and pruning".
 */
#include "cp_score.h"
#include "cp_score_internal.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>

#include "cp_alloc.h"
#include "cp_sort.h"
#include "cp_sum.h"

static const char *const method_names[] = {"minmax", "percentile", "zscore"};

int cp_method_from_name(const char *name, cp_method *method)
{
    int k;
    int status = cp_option_index(name, method_names, 3, &k);
    if (status == CP_OK)
        *method = (cp_method)k;
    return status;
}

static double clamp01(double v)
{
    return v < 0.0 ? 0.0 : (v > 1.0 ? 1.0 : v);
}

/* Index of the first of sorted[0..n) that is >= x (strict == 0) or > x
 * (strict == 1). */
static size_t bound(const double *sorted, size_t n, double x, int strict)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sorted[mid] < x || (strict && sorted[mid] == x))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int cp_crit_stats_fill(cp_crit_stats *st, const cp_table *pop, size_t j,
                       cp_method method, double *buf)
{
    size_t n = 0;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < pop->rows; i++) {
        double x = cp_table_get(pop, i, j);
        if (isnan(x))
            continue;
        if (x < lo)
            lo = x;
        if (x > hi)
            hi = x;
        if (method == CP_METHOD_PERCENTILE)
            buf[n] = x;
        n++;
    }
    st->n = n;
    st->flat = n < 2 || lo == hi;
    st->sorted = NULL;
    if (st->flat)
        return CP_OK;

    st->scale = cp_pow2_scale_of(fmax(fabs(lo), fabs(hi)));
    st->lo = lo * st->scale;
    st->hi = hi * st->scale;

    if (method == CP_METHOD_PERCENTILE) {
        if (cp_sort_doubles(buf, n) != CP_OK)
            return CP_ENOMEM;
        st->sorted = buf;
    } else if (method == CP_METHOD_ZSCORE) {
        /* Two passes with the usual correction term (Chan, Golub and
         * LeVeque 1983): mean = sum / n, then mean += sum(x - mean) / n. */
        double sum = 0.0;
        for (size_t i = 0; i < pop->rows; i++) {
            double x = cp_table_get(pop, i, j);
            if (!isnan(x))
                sum += x * st->scale;
        }
        double mean = sum / (double)n, corr = 0.0, ss = 0.0;
        for (size_t i = 0; i < pop->rows; i++) {
            double x = cp_table_get(pop, i, j);
            if (!isnan(x)) {
                double d = x * st->scale - mean;
                corr += d;
                ss += d * d;
            }
        }
        st->mean = mean + corr / (double)n;
        ss -= corr * corr / (double)n;
        st->sd = sqrt(fmax(ss, 0.0) / (double)(n - 1));
    }
    return CP_OK;
}

/* The percentile value of a value with `below` population values below it
 * and `equal` equal to it (itself included when it occurs). */
static double percentile_value(size_t below, size_t equal, size_t n)
{
    if (equal > 0)
        return clamp01(((double)below + 0.5 * (double)(equal - 1)) / (double)(n - 1));
    return clamp01((double)below / (double)n);
}

double cp_crit_normalise(const cp_crit_stats *st, cp_method method, double x)
{
    if (st->flat)
        return 0.5;
    switch (method) {
    case CP_METHOD_PERCENTILE: {
        size_t below = bound(st->sorted, st->n, x, 0);
        return percentile_value(below, bound(st->sorted, st->n, x, 1) - below, st->n);
    }
    case CP_METHOD_ZSCORE:
        if (!(st->sd > 0.0))
            return 0.5;
        return gsl_cdf_ugaussian_P((x * st->scale - st->mean) / st->sd);
    case CP_METHOD_MINMAX:
    default:
        return clamp01((x * st->scale - st->lo) / (st->hi - st->lo));
    }
}

/* Table-mode percentiles of column j without a search per client: sort the
 * known values once (keeping their rows) and walk the groups of equal
 * values; v[i] receives client i's value (NaN where not known).  The counts
 * and the formula are those of cp_crit_normalise(), so row mode gives the
 * same bits. */
static int percentile_column(const cp_table *t, size_t j, double v[])
{
    double *vals = cp_alloc_array(t->rows, sizeof *vals);
    size_t *rows = cp_alloc_array(t->rows, sizeof *rows);
    size_t *order = cp_alloc_array(t->rows, sizeof *order);
    int status = CP_ENOMEM;
    if (vals != NULL && rows != NULL && order != NULL) {
        size_t n = 0;
        for (size_t i = 0; i < t->rows; i++) {
            v[i] = NAN;
            double x = cp_table_get(t, i, j);
            if (!isnan(x)) {
                vals[n] = x;
                rows[n++] = i;
            }
        }
        status = cp_argsort2(vals, 1, NULL, 0, n, order);
        for (size_t a = 0; status == CP_OK && a < n;) {
            size_t b = a + 1;
            while (b < n && vals[order[b]] == vals[order[a]])
                b++;
            double value = percentile_value(a, b - a, n);
            for (size_t k = a; k < b; k++)
                v[rows[order[k]]] = value;
            a = b;
        }
    }
    cp_free(vals);
    cp_free(rows);
    cp_free(order);
    return status;
}

int cp_score_table_ok(const cp_table *t)
{
    if (t->data == NULL || t->rows == 0 || t->cols == 0)
        return CP_EEMPTY;
    if (t->tda < t->cols)
        return CP_EINVAL;
    if (!cp_table_span_ok(t))
        return CP_ELIMIT; /* no caller's memory holds so many */
    for (size_t i = 0; i < t->rows; i++)
        for (size_t j = 0; j < t->cols; j++)
            if (isinf(cp_table_get(t, i, j)))
                return CP_EINVAL;
    return CP_OK;
}

int cp_score_weights_ok(const double weights[], size_t wstride,
                        const double directions[], size_t dstride, size_t m,
                        double *wscale)
{
    if (!cp_span_ok(m, wstride) || (directions != NULL && !cp_span_ok(m, dstride)))
        return CP_ELIMIT; /* no caller's memory holds so many */
    double wmax = 0.0;
    for (size_t j = 0; j < m; j++) {
        double w = weights[j * wstride];
        if (!isfinite(w) || w < 0.0)
            return CP_EINVAL;
        if (directions != NULL) {
            double d = directions[j * dstride];
            if (d != 1.0 && d != -1.0)
                return CP_EINVAL;
        }
        wmax = fmax(wmax, w);
    }
    if (wmax == 0.0)
        return CP_EINVAL;
    /* The largest weight goes to [2^959, 2^960), not to [0.5, 1): sums of
     * up to 2^60 scaled weights stay finite, and a tiny weight next to a
     * huge one (a ratio up to 2^2000) does not vanish in the scaling. */
    int e;
    frexp(wmax, &e);
    *wscale = ldexp(1.0, 960 - e > 1023 ? 1023 : 960 - e);
    /* Only a weight below 2^-2034 of the largest (about 1e-612) could still
     * vanish: such weights are refused rather than dropped. */
    for (size_t j = 0; j < m; j++)
        if (weights[j * wstride] > 0.0 && weights[j * wstride] * *wscale == 0.0)
            return CP_EINVAL;
    return CP_OK;
}

int cp_score_clients(const cp_table *clients, const cp_table *population,
                     const double weights[], size_t wstride,
                     const double directions[], size_t dstride,
                     cp_method method, double score[], size_t sstride)
{
    if (clients == NULL || weights == NULL || score == NULL)
        return CP_EINVAL;
    if (!cp_span_ok(clients->rows, sstride))
        return CP_ELIMIT; /* no caller's memory holds so many */
    if (method != CP_METHOD_MINMAX && method != CP_METHOD_PERCENTILE &&
        method != CP_METHOD_ZSCORE)
        return CP_EINVAL;
    const cp_table *pop = population ? population : clients;
    int status = cp_score_table_ok(clients);
    if (status == CP_OK && pop != clients)
        status = cp_score_table_ok(pop);
    if (status != CP_OK)
        return status;
    if (pop->cols != clients->cols)
        return CP_EBADLEN;

    const size_t m = clients->cols;
    double wscale; /* exact; keeps sums of weights finite */
    status = cp_score_weights_ok(weights, wstride, directions, dstride, m, &wscale);
    if (status != CP_OK)
        return status;

    /* Table-mode percentiles come from one sort per criterion (colv);
     * otherwise the sorted population (buf) is searched per client. */
    const int by_column = method == CP_METHOD_PERCENTILE && pop == clients;
    double *wsum = cp_alloc_array(clients->rows, sizeof *wsum);
    double *buf = method == CP_METHOD_PERCENTILE && !by_column
                      ? cp_alloc_array(pop->rows, sizeof *buf)
                      : NULL;
    double *colv = by_column ? cp_alloc_array(clients->rows, sizeof *colv) : NULL;
    if (wsum == NULL || (method == CP_METHOD_PERCENTILE && buf == NULL && colv == NULL)) {
        cp_free(wsum);
        cp_free(buf);
        cp_free(colv);
        return CP_ENOMEM;
    }
    for (size_t i = 0; i < clients->rows; i++) {
        wsum[i] = 0.0;
        score[i * sstride] = 0.0;
    }

    /* Criterion by criterion, so only one sorted column is alive at once;
     * the order of summation is j = 0, 1, ... in every mode. */
    status = CP_OK;
    for (size_t j = 0; j < m && status == CP_OK; j++) {
        double w = weights[j * wstride] * wscale;
        if (w == 0.0)
            continue;
        int turn = directions != NULL && directions[j * dstride] < 0.0;
        cp_crit_stats st = {0};
        status = cp_crit_stats_fill(&st, pop, j, by_column ? CP_METHOD_MINMAX : method, buf);
        if (status == CP_OK && by_column && !st.flat)
            status = percentile_column(clients, j, colv);
        if (status != CP_OK)
            break;
        for (size_t i = 0; i < clients->rows; i++) {
            double x = cp_table_get(clients, i, j);
            if (isnan(x))
                continue;
            double v = by_column && !st.flat ? colv[i] : cp_crit_normalise(&st, method, x);
            if (turn)
                v = 1.0 - v;
            score[i * sstride] += w * v;
            wsum[i] += w;
        }
    }
    if (status != CP_OK) {
        cp_free(wsum);
        cp_free(buf);
        cp_free(colv);
        return status;
    }
    for (size_t i = 0; i < clients->rows; i++)
        score[i * sstride] = cp_score_finish(score[i * sstride], wsum[i]);
    cp_free(wsum);
    cp_free(buf);
    cp_free(colv);
    return CP_OK;
}
