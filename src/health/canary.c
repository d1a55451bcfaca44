/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_health_canary(...)                 CANARY
 *
 * DESCRIPTION
 *   Mann-Kendall trend test (Mann 1945; Kendall 1975) with the normal
 *   approximation, tie-corrected variance and continuity correction as
 *   Hirsch, Slack and Smith (1982) give it, and the Theil-Sen slope (Theil
 *   1950; Sen 1968, eq. 2.3), on points (t_i, x_i) ordered by time:
 *
 *     S      = sum_{t_i < t_j} sign(x_j - x_i)                  (pairs with
 *              equal times count 0)
 *     Var S  = [n(n-1)(2n+5) - sum_g u_g(u_g-1)(2u_g+5)] / 18    (u_g: sizes
 *              of the groups of equal values)
 *     Z      = (S - 1)/sigma, 0, (S + 1)/sigma  for S > 0, = 0, < 0
 *     p      = Phi(Z)                                  (one-sided, decline)
 *     slope  = median of (x_j - x_i) / (t_j - t_i) over t_i < t_j
 *
 *   S is Kendall's numerator between t and x, counted in O(n log n)
 *   (Knight 1966): with the points sorted by (t, x), the discordant pairs
 *   are the strict inversions of the x sequence (merge sort), and
 *     S = n0 - n_t - n_x + n_tx - 2 n_d
 *   with n0 = n(n-1)/2 and n_t, n_x, n_tx the pairs tied in t, in x, in
 *   both.
 *
 *   The median slope is selected without storing the O(n^2) slopes: when
 *   there are at most SLOPE_BUFFER of them they are collected and selected
 *   (Hoare); otherwise a random sample of pair slopes brackets the median's
 *   rank, one pass over all pairs counts the slopes below, equal to and
 *   above the bracket and collects those inside, and the median is
 *   selected among them.  Counting equal values apart makes every round
 *   shrink the candidates, so a miss (a bracket that does not hold the
 *   median, with probability about 1e-9) costs another round.  The result
 *   is the exact median of the same computed slopes whatever the sample;
 *   the sample only decides how fast it is found.
 *
 *   Values or times beyond 2^1000 in size are scaled by a power of two so
 *   no difference overflows; a slope that is not a finite number in the
 *   end is CP_ELIMIT.
 *
 * REFERENCES
 *   Hirsch, R.M., Slack, J.R., Smith, R.A. (1982). Techniques of trend
 *   analysis for monthly water quality data. Water Resources Research
 *   18(1), 107-121.
 *   Knight, W.R. (1966). A computer method for calculating Kendall's tau
 *   with ungrouped data. JASA 61(314), 436-439.
 *   Sen, P.K. (1968). Estimates of the regression coefficient based on
 *   Kendall's tau. JASA 63(324), 1379-1389.
 *   ClientPrune FUNCTIONS.md, "Client health and risk".
 */
#include "cp_health.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>

#include "cp_alloc.h"
#include "cp_select.h"
#include "health_internal.h"

enum {
    SLOPE_BUFFER = 1 << 21,     /* slopes kept at once: 16 MB */
    SLOPE_SAMPLE_MIN = 1 << 16, /* sample size per round: enough that the */
    SLOPE_SAMPLE_MAX = 1 << 20, /* bracket holds about half a buffer */
    SLOPE_ROUNDS = 32           /* a bound; each round shrinks the candidates */
};

/* The bracket reaches 2.5 standard deviations of the sample rank beyond the
 * target on each side (a miss, about 1 in 10^6, costs one more round). */
#define SLOPE_MARGIN 2.5

typedef struct {
    double t, x;
} point;

static int cmp_point(const void *va, const void *vb)
{
    const point *a = va, *b = vb;
    if (a->t != b->t)
        return (a->t > b->t) - (a->t < b->t);
    return (a->x > b->x) - (a->x < b->x);
}

/* Sorts x[0..n) ascending and returns the number of pairs i < j with
 * x[i] > x[j] (bottom-up merge sort; tmp has room for n values). */
static int64_t inversions(double *x, double *tmp, size_t n)
{
    int64_t inv = 0;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                if (x[i] <= x[j]) {
                    tmp[k++] = x[i++];
                } else {
                    inv += (int64_t)(mid - i);
                    tmp[k++] = x[j++];
                }
            }
            while (i < mid)
                tmp[k++] = x[i++];
            while (j < hi)
                tmp[k++] = x[j++];
        }
        for (size_t i = 0; i < n; i++)
            x[i] = tmp[i];
    }
    return inv;
}

/* Pairs within runs of equal keys of a sorted sequence: sum u(u-1)/2 over
 * run lengths u; with f also sum u(u-1)(2u+5). */
static int64_t tied_pairs(size_t n, int (*same)(const void *, size_t, size_t),
                          const void *data, double *f)
{
    int64_t pairs = 0;
    double acc = 0.0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && same(data, i, j))
            j++;
        double u = (double)(j - i);
        pairs += (int64_t)(j - i) * (int64_t)(j - i - 1) / 2;
        acc += u * (u - 1.0) * (2.0 * u + 5.0);
        i = j;
    }
    if (f)
        *f = acc;
    return pairs;
}

static int same_t(const void *d, size_t i, size_t j)
{
    const point *p = d;
    return p[i].t == p[j].t;
}

static int same_tx(const void *d, size_t i, size_t j)
{
    const point *p = d;
    return p[i].t == p[j].t && p[i].x == p[j].x;
}

static int same_x(const void *d, size_t i, size_t j)
{
    const double *x = d;
    return x[i] == x[j];
}

/* ---- Theil-Sen ------------------------------------------------------ */

typedef struct {
    const double *t, *x; /* sorted by t */
    const size_t *next;  /* next[i]: first j with t[j] > t[i] */
    size_t n;
} pairs;

static inline double slope(const pairs *p, size_t i, size_t j)
{
    return (p->x[j] - p->x[i]) / (p->t[j] - p->t[i]);
}

/* Candidate slopes lie in the region between lo and hi, each bound
 * included or not. */
typedef struct {
    double lo, hi;
    int lo_in, hi_in;
} region;

static inline int in_region(const region *r, double s)
{
    return (s > r->lo || (r->lo_in && s == r->lo)) && (s < r->hi || (r->hi_in && s == r->hi));
}

/* What one pass over all pairs learned about the slopes in a region,
 * split at the bracket [a, b]. */
typedef struct {
    uint64_t below, at_a, inside, at_b, above; /* counts */
    double max_below, min_inside, max_inside, min_above;
    size_t kept; /* slopes of (a, b) stored in buf (all of them when == inside) */
} census;

/* The rare slopes: within [a, b], or outside the region. */
static void count_rare(const region *r, double a, double b, double s, double *buf, size_t cap,
                       census *z)
{
    if (!in_region(r, s))
        return;
    if (s == a) {
        z->at_a++;
    } else if (s < b) {
        z->inside++;
        if (z->kept < cap)
            buf[z->kept++] = s;
        if (s < z->min_inside)
            z->min_inside = s;
        if (s > z->max_inside)
            z->max_inside = s;
    } else if (s == b) {
        z->at_b++;
    }
}

static void count_pass(const pairs *p, const region *r, double a, double b,
                       double *buf, size_t cap, census *c)
{
    census z = {0, 0, 0, 0, 0, -INFINITY, INFINITY, -INFINITY, INFINITY, 0};
    /* In the first round the region is everything; later rounds test it. */
    const int everything = r->lo == -INFINITY && r->lo_in && r->hi == INFINITY && r->hi_in;
    for (size_t i = 0; i < p->n; i++) {
        const double xi = p->x[i], ti = p->t[i];
        uint64_t below = 0, above = 0;
        double max_below = z.max_below, min_above = z.min_above;
        for (size_t j = p->next[i]; j < p->n; j++) {
            double s = (p->x[j] - xi) / (p->t[j] - ti);
            if ((s < a || s > b) && (everything || in_region(r, s))) {
                /* The common case, without branches on the data. */
                below += s < a;
                above += s > b;
                double lo = s < a ? s : -INFINITY, hi = s > b ? s : INFINITY;
                max_below = lo > max_below ? lo : max_below;
                min_above = hi < min_above ? hi : min_above;
            } else {
                count_rare(r, a, b, s, buf, cap, &z);
            }
        }
        z.below += below;
        z.above += above;
        z.max_below = max_below;
        z.min_above = min_above;
    }
    *c = z;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Up to want slopes of random pairs in region r (rejection sampling; r
 * holds `count` of the `total` slopes), sorted. */
static size_t sample_region(const pairs *p, const region *r, uint64_t count,
                            uint64_t total, size_t want, gsl_rng *rng, double *sample)
{
    size_t m = 0;
    double tries = 64.0 * (double)want * ((double)total / (double)count) + 1e4;
    for (double k = 0; k < tries && m < want; k++) {
        size_t i = gsl_rng_uniform_int(rng, p->n), j = gsl_rng_uniform_int(rng, p->n);
        if (p->t[i] == p->t[j])
            continue;
        double s = i < j ? slope(p, i, j) : slope(p, j, i);
        if (in_region(r, s))
            sample[m++] = s;
    }
    qsort(sample, m, sizeof *sample, cmp_double);
    return m;
}

/* The order statistics want[0] <= want[1] (0-based ranks among all N slopes,
 * want[1] <= want[0] + 1) into got[0], got[1]. */
static int select_slopes(const pairs *p, uint64_t total, const uint64_t want[2],
                         double got[2])
{
    int status = CP_OK;
    size_t cap = total < SLOPE_BUFFER ? (size_t)total : SLOPE_BUFFER;
    double *buf = cp_alloc_array(cap, sizeof *buf);
    double *sample = cp_alloc_array(SLOPE_SAMPLE_MAX, sizeof *sample);
    gsl_rng rng;
    if (buf == NULL || sample == NULL || cp_health_rng_open(&rng, 20261125UL) != CP_OK) {
        cp_free(buf);
        cp_free(sample);
        return CP_ENOMEM;
    }
    region r = {-INFINITY, INFINITY, 1, 1};
    uint64_t off = 0, count = total; /* slopes before r; in r */
    int done[2] = {0, 0};
    for (int round = 0; round < SLOPE_ROUNDS && !(done[0] && done[1]); round++) {
        double a = INFINITY, b = INFINITY; /* bracket: everything is below or at a */
        if (count > cap) {
            /* A sample large enough that the bracket, 2 x SLOPE_MARGIN
             * sd of the rank wide, holds about half a buffer of slopes. */
            double need = 2.0 * SLOPE_MARGIN * (double)count / (0.5 * (double)cap);
            size_t size = need * need > SLOPE_SAMPLE_MAX ? SLOPE_SAMPLE_MAX
                           : need * need < SLOPE_SAMPLE_MIN ? SLOPE_SAMPLE_MIN
                                                            : (size_t)(need * need);
            size_t m = sample_region(p, &r, count, total, size, &rng, sample);
            if (m == 0) {
                status = CP_ENOCONV;
                break;
            }
            double q0 = (double)(want[0] - off) / (double)count;
            double q1 = (double)(want[1] - off) / (double)count;
            double delta = SLOPE_MARGIN * sqrt((double)m);
            double i0 = floor(q0 * (double)m - delta), i1 = ceil(q1 * (double)m + delta);
            a = sample[i0 < 0 ? 0 : (size_t)i0];
            b = sample[i1 > (double)(m - 1) ? m - 1 : (size_t)i1];
        } else {
            a = r.lo_in ? -INFINITY : r.lo; /* collect the whole region */
        }
        census c;
        count_pass(p, &r, a, b, buf, cap, &c);
        /* Ranks inside r: [0, below) < a, then = a, (a, b), = b, > b. */
        uint64_t e1 = c.below, e2 = e1 + c.at_a, e3 = e2 + c.inside, e4 = e3 + c.at_b;
        int part = -1;       /* where the unresolved targets are */
        uint64_t picked = 0; /* 1 + the buffer index selected this round */
        for (int w = 0; w < 2; w++) {
            if (done[w])
                continue;
            uint64_t q = want[w] - off;
            if (q < e1) {
                if (q == e1 - 1) {
                    got[w] = c.max_below, done[w] = 1;
                } else {
                    part = 0;
                }
            } else if (q < e2) {
                got[w] = a, done[w] = 1;
            } else if (q < e3) {
                uint64_t idx = q - e2;
                if (c.kept == c.inside) {
                    /* After selecting rank idx - 1, rank idx is the least of
                     * what follows it. */
                    if (picked && idx == picked)
                        got[w] = cp_select_min(buf + idx, (size_t)(c.inside - idx));
                    else
                        got[w] = cp_select_kth(buf, (size_t)c.inside, (size_t)idx);
                    picked = idx + 1;
                    done[w] = 1;
                } else if (idx == 0) {
                    got[w] = c.min_inside, done[w] = 1;
                } else if (idx == c.inside - 1) {
                    got[w] = c.max_inside, done[w] = 1;
                } else {
                    part = 2;
                }
            } else if (q < e4) {
                got[w] = b, done[w] = 1;
            } else if (q == e4) {
                got[w] = c.min_above, done[w] = 1;
            } else {
                part = 4;
            }
        }
        if (part == 0) {
            r.hi = a, r.hi_in = 0, count = c.below;
        } else if (part == 2) {
            r.lo = a, r.lo_in = 0, r.hi = b, r.hi_in = 0;
            off += e2, count = c.inside;
        } else if (part == 4) {
            r.lo = b, r.lo_in = 0;
            off += e4, count = c.above;
        }
    }
    if (status == CP_OK && !(done[0] && done[1]))
        status = CP_ENOCONV;
    cp_free(buf);
    cp_free(sample);
    cp_health_rng_close(&rng);
    return status;
}

/* The Theil-Sen slope of points sorted by time (0 when no two times differ). */
static int theil_sen(const point *pt, size_t n, double *out)
{
    double *t = cp_alloc_array(n, sizeof *t), *x = cp_alloc_array(n, sizeof *x);
    size_t *next = cp_alloc_array(n, sizeof *next);
    if (t == NULL || x == NULL || next == NULL) {
        cp_free(t), cp_free(x), cp_free(next);
        return CP_ENOMEM;
    }
    double tmax = 0.0, xmax = 0.0;
    for (size_t i = 0; i < n; i++) {
        tmax = fmax(tmax, fabs(pt[i].t));
        xmax = fmax(xmax, fabs(pt[i].x));
    }
    /* Exact power-of-two scaling only for values beyond 2^1000, so no
     * difference overflows; ordinary data is used as given. */
    int et = 0, ex = 0;
    if (tmax > 0x1p1000)
        frexp(tmax, &et);
    if (xmax > 0x1p1000)
        frexp(xmax, &ex);
    uint64_t total = 0;
    for (size_t i = 0, j = 0; i < n; i++) {
        t[i] = ldexp(pt[i].t, -et);
        x[i] = ldexp(pt[i].x, -ex);
        if (j <= i)
            j = i + 1;
        while (j < n && pt[j].t == pt[i].t)
            j++;
        next[i] = j;
        total += (uint64_t)(n - j);
    }
    int status = CP_OK;
    *out = 0.0;
    if (total > 0) {
        pairs p = {t, x, next, n};
        uint64_t want[2] = {(total - 1) / 2, total / 2};
        double got[2];
        status = select_slopes(&p, total, want, got);
        if (status == CP_OK) {
            double m = ldexp(0.5 * got[0] + 0.5 * got[1], ex - et);
            if (!isfinite(m))
                status = CP_ELIMIT;
            *out = m;
        }
    }
    cp_free(t), cp_free(x), cp_free(next);
    return status;
}

/* ---- the test --------------------------------------------------------- */

int cp_health_canary(const double x[], size_t xstride, const double t[],
                     size_t tstride, size_t n, double alpha,
                     cp_canary_result *out)
{
    if (x == NULL || out == NULL)
        return CP_EINVAL;
    if (!cp_span_ok(n, xstride) || !cp_span_ok(n, tstride))
        return CP_ELIMIT; /* no caller's memory holds so many */
    if (n == 0)
        return CP_EEMPTY;
    if (!(alpha > 0.0 && alpha < 1.0))
        return CP_EINVAL;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        double xi = x[i * xstride], ti = t ? t[i * tstride] : (double)(i + 1);
        if (isinf(xi) || isinf(ti))
            return CP_EINVAL;
        if (isnan(xi))
            continue;
        if (isnan(ti))
            return CP_EINVAL; /* a blank time beside a known value */
        m++;
    }
    if (m > CP_CANARY_MAX_POINTS)
        return CP_ELIMIT;

    point *pt = cp_alloc_array(m, sizeof *pt);
    double *xs = cp_alloc_array(m, sizeof *xs), *tmp = cp_alloc_array(m, sizeof *tmp);
    if (pt == NULL || xs == NULL || tmp == NULL) {
        cp_free(pt), cp_free(xs), cp_free(tmp);
        return CP_ENOMEM;
    }
    for (size_t i = 0, k = 0; i < n; i++) {
        double xi = x[i * xstride];
        if (isnan(xi))
            continue;
        pt[k].t = t ? t[i * tstride] : (double)(i + 1);
        pt[k].x = xi == 0.0 ? 0.0 : xi; /* -0 is 0 */
        k++;
    }
    qsort(pt, m, sizeof *pt, cmp_point);

    /* S = n0 - n_t - n_x + n_tx - 2 n_d (Knight 1966). */
    for (size_t i = 0; i < m; i++)
        xs[i] = pt[i].x;
    int64_t nd = inversions(xs, tmp, m); /* xs is now sorted */
    int64_t n0 = (int64_t)m * ((int64_t)m - 1) / 2;
    double fx = 0.0;
    int64_t nt = tied_pairs(m, same_t, pt, NULL);
    int64_t ntx = tied_pairs(m, same_tx, pt, NULL);
    int64_t nx = tied_pairs(m, same_x, xs, &fx);
    int64_t s = n0 - nt - nx + ntx - 2 * nd;

    double dm = (double)m;
    double var = (dm * (dm - 1.0) * (2.0 * dm + 5.0) - fx) / 18.0;
    out->n = m;
    out->s = (double)s;
    out->var_s = var;
    out->flag = 0.0;
    out->p_value = 1.0;
    int status = theil_sen(pt, m, &out->slope);
    if (status == CP_OK && m >= 4 && var > 0.0) {
        double sigma = sqrt(var);
        double z = s > 0 ? ((double)s - 1.0) / sigma : (s < 0 ? ((double)s + 1.0) / sigma : 0.0);
        out->p_value = gsl_cdf_ugaussian_P(z);
        out->flag = (out->slope < 0.0 && out->p_value < alpha) ? 1.0 : 0.0;
    }
    cp_free(pt), cp_free(xs), cp_free(tmp);
    return status;
}
