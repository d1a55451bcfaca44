/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_health_segments(...)               SEGMENTS
 *
 * DESCRIPTION
 *   k-means (Lloyd 1982) on z-scored criteria, z_ij = (x_ij - mean_j) /
 *   sd_j with the sample sd (criteria whose values are all equal are left
 *   out), minimising the within-cluster sum of squares (WCSS).
 *
 *   Starts: k-means++ (Arthur and Vassilvitskii 2007, sec. 2.2): the first
 *   centre is row gsl_rng_uniform_int(n); each further centre is the first
 *   row whose running sum of D^2 (squared distance to the nearest centre
 *   so far, summed in row order) exceeds gsl_rng_uniform() x sum D^2.  Ten
 *   starts draw one after another from one taus2 stream seeded with the
 *   seed (cp_health.h).
 *
 *   Lloyd passes: every row goes to its nearest centre (the lowest centre
 *   number on a tie); a segment left empty takes the row farthest from its
 *   own centre among segments of two or more rows (the lowest row on a
 *   tie); centres become the means of their rows; until no row moves, at
 *   most MAX_PASSES passes.  For speed, Hamerly's bounds (2010) skip the
 *   rows whose centre provably stays the nearest (with a margin for
 *   rounding) and centres follow the moving rows as running sums; a pass
 *   that moves nothing is repeated against centres made afresh as exact
 *   means, so every start ends at a true fixed point of Lloyd's algorithm.  The start with the least WCSS wins (the
 *   earlier on a tie); a start that does not settle is not counted.
 *
 *   Numbering: by the sum of the centre's z-scores, highest first; ties by
 *   the lowest row of their first member.
 *
 *   When k equals the number of distinct rows (compared on the raw values
 *   of the criteria used), the answer is one segment per distinct row: the
 *   only partition with WCSS 0, and the one k-means++ reaches, since a row
 *   equal to a chosen centre has D = 0 and is never drawn again.  It is
 *   given directly, which also keeps large k cheap.
 *
 * REFERENCES
 *   Lloyd, S.P. (1982). Least squares quantization in PCM. IEEE Trans.
 *   Information Theory 28(2), 129-137.
 *   Hamerly, G. (2010). Making k-means even faster. Proc. SIAM SDM 2010,
 *   130-140.
 *   Arthur, D., Vassilvitskii, S. (2007). k-means++: the advantages of
 *   careful seeding. Proc. SODA 2007, 1027-1035.
 *   ClientPrune FUNCTIONS.md, "Client health and risk".
 */
#include "cp_health.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cp_alloc.h"
#include "cp_score_internal.h"
#include "health_internal.h"

#define STARTS 10
#define MAX_PASSES 1000

/* Rows as the sort for distinct rows sees them. */
typedef struct {
    const double *x; /* q raw values */
    size_t q, row;
} row_ref;

static int cmp_row(const void *va, const void *vb)
{
    const row_ref *a = va, *b = vb;
    for (size_t j = 0; j < a->q; j++)
        if (a->x[j] != b->x[j])
            return a->x[j] < b->x[j] ? -1 : 1;
    return (a->row > b->row) - (a->row < b->row);
}

static int same_row(const row_ref *a, const row_ref *b)
{
    for (size_t j = 0; j < a->q; j++)
        if (a->x[j] != b->x[j])
            return 0;
    return 1;
}

static double dist2(const double *a, const double *b, size_t q)
{
    double d = 0.0;
    for (size_t j = 0; j < q; j++) {
        double e = a[j] - b[j];
        d += e * e;
    }
    return d;
}

/* Workspace of one k-means run. */
typedef struct {
    const double *z; /* n x q */
    size_t n, q, k;
    double *centre;  /* k x q */
    size_t *label, *count;
    double *d2;      /* n: D^2 while seeding; exact squared distances when refilling */
    double *upper, *lower; /* n: Hamerly's bounds on the distance to the own centre
                            * and to the second nearest */
    double *half, *shift;  /* k: half the distance to the nearest other centre;
                            * how far each centre moved */
    double *old;           /* k x q: centres before the update */
    double *sum;           /* k x q: running sums of each segment's rows */
} kmeans;

/* Moves row i from segment `from` (k: none) to `to`, keeping counts and
 * running sums. */
static void move_row(kmeans *km, size_t i, size_t from, size_t to)
{
    const double *zi = km->z + i * km->q;
    if (from < km->k) {
        km->count[from]--;
        for (size_t j = 0; j < km->q; j++)
            km->sum[from * km->q + j] -= zi[j];
    }
    km->count[to]++;
    for (size_t j = 0; j < km->q; j++)
        km->sum[to * km->q + j] += zi[j];
    km->label[i] = to;
}

static void seed_centres(kmeans *km, gsl_rng *rng)
{
    const size_t n = km->n, q = km->q;
    size_t first = gsl_rng_uniform_int(rng, n);
    memcpy(km->centre, km->z + first * q, q * sizeof *km->centre);
    for (size_t i = 0; i < n; i++)
        km->d2[i] = dist2(km->z + i * q, km->centre, q);
    for (size_t c = 1; c < km->k; c++) {
        double total = 0.0;
        for (size_t i = 0; i < n; i++)
            total += km->d2[i];
        double u = gsl_rng_uniform(rng) * total, run = 0.0;
        size_t pick = n, last_positive = 0;
        for (size_t i = 0; i < n; i++) {
            if (km->d2[i] > 0.0)
                last_positive = i;
            run += km->d2[i];
            if (run > u) {
                pick = i;
                break;
            }
        }
        if (pick == n) /* rounding left u at the very end */
            pick = last_positive;
        double *cc = km->centre + c * q;
        memcpy(cc, km->z + pick * q, q * sizeof *cc);
        for (size_t i = 0; i < n; i++) {
            double d = dist2(km->z + i * q, cc, q);
            if (d < km->d2[i])
                km->d2[i] = d;
        }
    }
}

/* Row i to its nearest centre (the lowest number on a tie), comparing
 * squared distances as a plain Lloyd pass does; sets its bounds exactly.
 * Returns 1 when the row changed segment. */
static int assign_row(kmeans *km, size_t i)
{
    const double *zi = km->z + i * km->q;
    size_t best = 0;
    double bd = dist2(zi, km->centre, km->q), second = INFINITY;
    for (size_t c = 1; c < km->k; c++) {
        double d = dist2(zi, km->centre + c * km->q, km->q);
        if (d < bd) {
            second = bd;
            bd = d, best = c;
        } else if (d < second) {
            second = d;
        }
    }
    int moved = km->label[i] != best;
    if (moved)
        move_row(km, i, km->label[i], best);
    km->upper[i] = sqrt(bd);
    km->lower[i] = sqrt(second);
    return moved;
}

/* One assignment pass (Hamerly 2010): a row whose bounds prove its centre
 * strictly nearest is skipped, every other row is assigned exactly.  SLACK
 * widens the proof so rounding in the bounds never keeps a row that a full
 * pass against the same centres would move. */
#define SLACK 1e-9
static size_t assign(kmeans *km)
{
    size_t moved = 0;
    for (size_t i = 0; i < km->n; i++) {
        size_t a = km->label[i];
        if (a < km->k) {
            double m = fmax(km->half[a], km->lower[i]) * (1.0 - SLACK);
            if (km->upper[i] * (1.0 + SLACK) < m)
                continue;
            km->upper[i] = sqrt(dist2(km->z + i * km->q, km->centre + a * km->q, km->q));
            if (km->upper[i] * (1.0 + SLACK) < m)
                continue;
        }
        moved += (size_t)assign_row(km, i);
    }
    return moved;
}

/* Gives every empty segment the row farthest from its own centre among
 * segments of two or more rows (the lowest row on a tie); returns the
 * number of rows moved.  Bounds are reset when anything moves. */
static size_t fill_empty(kmeans *km)
{
    size_t moved = 0, empty = 0;
    for (size_t c = 0; c < km->k; c++)
        empty += km->count[c] == 0;
    if (empty == 0)
        return 0;
    for (size_t i = 0; i < km->n; i++)
        km->d2[i] = dist2(km->z + i * km->q, km->centre + km->label[i] * km->q, km->q);
    for (size_t c = 0; c < km->k; c++) {
        if (km->count[c] > 0)
            continue;
        size_t far = km->n;
        for (size_t i = 0; i < km->n; i++)
            if (km->count[km->label[i]] >= 2 && (far == km->n || km->d2[i] > km->d2[far]))
                far = i;
        if (far == km->n)
            break; /* cannot happen with k <= n */
        move_row(km, far, km->label[far], c);
        km->d2[far] = 0.0;
        memcpy(km->centre + c * km->q, km->z + far * km->q, km->q * sizeof *km->centre);
        moved++;
    }
    for (size_t i = 0; i < km->n; i++)
        km->upper[i] = INFINITY, km->lower[i] = 0.0; /* prove nothing next pass */
    return moved;
}

/* Centres from the running sums; with exact, the sums are first made again
 * from the rows in row order, so they carry no rounding from the moves. */
static void update_centres(kmeans *km, int exact)
{
    const size_t q = km->q;
    memcpy(km->old, km->centre, km->k * q * sizeof *km->old);
    if (exact) {
        memset(km->sum, 0, km->k * q * sizeof *km->sum);
        for (size_t i = 0; i < km->n; i++) {
            double *sc = km->sum + km->label[i] * q;
            for (size_t j = 0; j < q; j++)
                sc[j] += km->z[i * q + j];
        }
    }
    for (size_t c = 0; c < km->k; c++)
        for (size_t j = 0; j < q; j++)
            km->centre[c * q + j] = km->sum[c * q + j] / (double)km->count[c];
}

/* After centres moved: the bounds follow (triangle inequality), and each
 * centre's half distance to its nearest other centre is renewed. */
static void update_bounds(kmeans *km)
{
    const size_t k = km->k, q = km->q;
    size_t far = 0;
    double most = 0.0, next = 0.0;
    for (size_t c = 0; c < k; c++) {
        km->shift[c] = sqrt(dist2(km->old + c * q, km->centre + c * q, q));
        if (km->shift[c] > most)
            next = most, most = km->shift[c], far = c;
        else if (km->shift[c] > next)
            next = km->shift[c];
    }
    for (size_t i = 0; i < km->n; i++) {
        size_t a = km->label[i];
        km->upper[i] += km->shift[a];
        km->lower[i] -= a == far ? next : most;
    }
    for (size_t c = 0; c < k; c++) {
        double best = INFINITY;
        for (size_t d = 0; d < k; d++)
            if (d != c)
                best = fmin(best, dist2(km->centre + c * q, km->centre + d * q, q));
        km->half[c] = 0.5 * sqrt(best);
    }
}

/* Runs Lloyd's passes from the current centres; returns 1 when it settled,
 * with the WCSS in *wcss.  Centres follow the rows that move (running
 * sums); a pass that moves nothing is checked once more against centres
 * made afresh as exact means, so the end is a true fixed point of Lloyd's
 * algorithm. */
static int lloyd(kmeans *km, double *wcss)
{
    for (size_t c = 0; c < km->k; c++)
        km->count[c] = 0;
    memset(km->sum, 0, km->k * km->q * sizeof *km->sum);
    for (size_t i = 0; i < km->n; i++)
        km->label[i] = km->k; /* no segment yet: the first pass assigns all */
    int exact = 0;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
        size_t moved = assign(km);
        moved += fill_empty(km);
        if (moved == 0 && exact) {
            double s = 0.0;
            for (size_t i = 0; i < km->n; i++)
                s += dist2(km->z + i * km->q, km->centre + km->label[i] * km->q, km->q);
            *wcss = s;
            return 1;
        }
        exact = moved == 0;
        update_centres(km, exact);
        update_bounds(km);
    }
    return 0;
}

typedef struct {
    double sum;
    size_t first, id;
} seg_key;

static int cmp_seg(const void *va, const void *vb)
{
    const seg_key *a = va, *b = vb;
    if (a->sum != b->sum)
        return a->sum > b->sum ? -1 : 1;
    return (a->first > b->first) - (a->first < b->first);
}

/* Writes 1..k by the numbering rule from labels 0..k-1 and centres. */
static int number_segments(const size_t *label, const double *centre, size_t n, size_t q,
                           size_t k, double segment[], size_t sstride)
{
    seg_key *key = cp_alloc_array(k, sizeof *key);
    size_t *number = cp_alloc_array(k, sizeof *number);
    if (key == NULL || number == NULL) {
        cp_free(key), cp_free(number);
        return CP_ENOMEM;
    }
    for (size_t c = 0; c < k; c++) {
        key[c].sum = 0.0;
        for (size_t j = 0; j < q; j++)
            key[c].sum += centre[c * q + j];
        key[c].first = n;
        key[c].id = c;
    }
    for (size_t i = n; i-- > 0;)
        key[label[i]].first = i;
    qsort(key, k, sizeof *key, cmp_seg);
    for (size_t r = 0; r < k; r++)
        number[key[r].id] = r + 1;
    for (size_t i = 0; i < n; i++)
        segment[i * sstride] = (double)number[label[i]];
    cp_free(key), cp_free(number);
    return CP_OK;
}

int cp_health_segments(const cp_table *criteria, size_t k, unsigned long seed,
                       double segment[], size_t sstride)
{
    if (criteria == NULL || segment == NULL)
        return CP_EINVAL;
    if (!cp_span_ok(criteria->rows, sstride))
        return CP_ELIMIT; /* no caller's memory holds so many */
    int status = cp_health_complete_table(criteria);
    if (status != CP_OK)
        return status;
    const size_t n = criteria->rows, m = criteria->cols;
    if (k == 0)
        return CP_EINVAL;

    cp_crit_stats *st = cp_alloc_array(m, sizeof *st);
    size_t *used = cp_alloc_array(m, sizeof *used);
    if (st == NULL || used == NULL) {
        cp_free(st), cp_free(used);
        return CP_ENOMEM;
    }
    const size_t q = cp_health_spread_columns(criteria, st, used);
    double *raw = cp_alloc_array(n * q, sizeof *raw), *z = cp_alloc_array(n * q, sizeof *z);
    row_ref *ref = cp_alloc_array(n, sizeof *ref);
    size_t *label = cp_alloc_array(n, sizeof *label), *best = cp_alloc_array(n, sizeof *best);
    double *best_centre = NULL;
    kmeans km = {z, n, q, k, NULL, label, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    gsl_rng rng;
    int rng_ok = 0;
    if (raw == NULL || z == NULL || ref == NULL || label == NULL || best == NULL) {
        status = CP_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t c = 0; c < q; c++) {
            const cp_crit_stats *s = &st[used[c]];
            double x = cp_table_get(criteria, i, used[c]);
            raw[i * q + c] = x == 0.0 ? 0.0 : x; /* -0 is 0 */
            z[i * q + c] = (x * s->scale - s->mean) / s->sd;
        }
        ref[i].x = raw + i * q;
        ref[i].q = q;
        ref[i].row = i;
    }
    qsort(ref, n, sizeof *ref, cmp_row);
    size_t distinct = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || !same_row(&ref[i - 1], &ref[i]))
            distinct++;
        best[ref[i].row] = distinct - 1; /* group of each row */
    }
    if (k > distinct) {
        status = CP_EINVAL;
        goto done;
    }
    best_centre = cp_alloc_array(k * q, sizeof *best_centre);
    if (best_centre == NULL) {
        status = CP_ENOMEM;
        goto done;
    }
    if (k == distinct) {
        /* One segment per distinct row; its centre is that row's z. */
        for (size_t i = 0; i < n; i++)
            memcpy(best_centre + best[i] * q, z + i * q, q * sizeof *z);
        status = number_segments(best, best_centre, n, q, k, segment, sstride);
        goto done;
    }
    if ((double)n * (double)k > CP_SEGMENTS_MAX_WORK) {
        status = CP_ELIMIT;
        goto done;
    }
    km.centre = cp_alloc_array(k * q, sizeof *km.centre);
    km.count = cp_alloc_array(k, sizeof *km.count);
    km.d2 = cp_alloc_array(n, sizeof *km.d2);
    km.upper = cp_alloc_array(n, sizeof *km.upper);
    km.lower = cp_alloc_array(n, sizeof *km.lower);
    km.half = cp_alloc_array(k, sizeof *km.half);
    km.shift = cp_alloc_array(k, sizeof *km.shift);
    km.old = cp_alloc_array(k * q, sizeof *km.old);
    km.sum = cp_alloc_array(k * q, sizeof *km.sum);
    if (km.centre == NULL || km.count == NULL || km.d2 == NULL || km.upper == NULL ||
        km.lower == NULL || km.half == NULL || km.shift == NULL || km.old == NULL ||
        km.sum == NULL ||
        cp_health_rng_open(&rng, seed) != CP_OK) {
        status = CP_ENOMEM;
        goto done;
    }
    rng_ok = 1;
    double best_wcss = INFINITY;
    int settled = 0;
    for (int s = 0; s < STARTS; s++) {
        double wcss;
        seed_centres(&km, &rng);
        if (!lloyd(&km, &wcss))
            continue;
        if (!settled || wcss < best_wcss) {
            settled = 1;
            best_wcss = wcss;
            memcpy(best, label, n * sizeof *best);
            memcpy(best_centre, km.centre, k * q * sizeof *best_centre);
        }
    }
    status = settled ? number_segments(best, best_centre, n, q, k, segment, sstride)
                     : CP_ENOCONV;
done:
    if (rng_ok)
        cp_health_rng_close(&rng);
    cp_free(st), cp_free(used), cp_free(raw), cp_free(z), cp_free(ref);
    cp_free(label), cp_free(best), cp_free(best_centre);
    cp_free(km.centre), cp_free(km.count), cp_free(km.d2);
    cp_free(km.upper), cp_free(km.lower), cp_free(km.half), cp_free(km.shift), cp_free(km.old);
    cp_free(km.sum);
    return status;
}
