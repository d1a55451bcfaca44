/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Allocation-failure cases of src/health/ (see faults.h). */
#include <math.h>
#include <stddef.h>

#include "cp_health.h"
#include "faults.h"

static int canary_short(void)
{
    const double x[9] = {9, 8, NAN, 8, 6, 7, 4, 3, 1}, t[9] = {1, 2, 3, 4, 4, 6, 7, 8, 9};
    cp_canary_result r;
    return cp_health_canary(x, 1, t, 1, 9, 0.05, &r);
}

/* 2,100 points have 2,203,950 pairs, more than the slope buffer holds
 * (2^21): the median slope is found through a random sample. */
#define LONG_SERIES 2100
static int canary_sampled(void)
{
    double x[LONG_SERIES];
    for (size_t i = 0; i < LONG_SERIES; i++)
        x[i] = (double)((i * 7919) % 1009) - 0.25 * (double)i;
    cp_canary_result r;
    return cp_health_canary(x, 1, NULL, 0, LONG_SERIES, 0.05, &r);
}

/* Six clients, four criteria (the fourth moves with the first). */
static const double book[6 * 4] = {
    1, 10, 3, 2,  2, 12, 1, 4,  3, 9, 4, 6,  4, 15, 1, 8,  5, 11, 5, 10,  6, 8, 2, 12,
};

static int idealfit(const double *weights)
{
    cp_table c = {book, 6, 4, 4};
    const double ideal[4] = {6, 15, 5, 12};
    double fit[6];
    return cp_health_idealfit(&c, ideal, 1, &c, weights, 1, fit, 1);
}

static int idealfit_weights(void)
{
    static const double w[4] = {1, 2, 0, 1};
    return idealfit(w);
}

static int idealfit_flat(void)
{
    static const double flat[3 * 2] = {4, 1, 4, 1, 4, 1};
    cp_table c = {flat, 3, 2, 2};
    const double ideal[2] = {5, 0};
    double fit[3];
    return cp_health_idealfit(&c, ideal, 1, &c, NULL, 0, fit, 1);
}

static int revenue_at_risk(void)
{
    const double rev[5] = {100, 250, 0, 40, 900}, p[5] = {0.9, 0.5, 1, 0, 0.75};
    double kept;
    return cp_health_revenue_at_risk(rev, 1, p, 1, 5, 0.9, 200, 7, &kept);
}

static const double crit[5 * 3] = {1, 5, NAN, 2, 4, 3, NAN, NAN, NAN, 4, 1, 2, 3, 3, 3};
static const double weights[3] = {2, 1, 1}, directions[3] = {1, -1, 1};

static int stability(size_t prune_count)
{
    cp_table c = {crit, 5, 3, 3};
    double share[5];
    return cp_health_prune_stability(&c, weights, 1, directions, 1, prune_count, 0.3, 100, 3,
                                     share, 1);
}

static int stability_some(void) { return stability(2); }
static int stability_all(void) { return stability(4); }

static int segments(size_t k)
{
    cp_table c = {book, 6, 4, 4};
    double seg[6];
    return cp_health_segments(&c, k, 11, seg, 1);
}

static int segments_kmeans(void) { return segments(3); }
static int segments_distinct(void) { return segments(6); }

const fault_case health_fault_cases[] = {
    {"cp_health_canary (all slopes)", canary_short},
    {"cp_health_canary (sampled median)", canary_sampled},
    {"cp_health_idealfit (weights)", idealfit_weights},
    {"cp_health_idealfit (no spread)", idealfit_flat},
    {"cp_health_revenue_at_risk", revenue_at_risk},
    {"cp_health_prune_stability", stability_some},
    {"cp_health_prune_stability (everyone)", stability_all},
    {"cp_health_segments (k-means)", segments_kmeans},
    {"cp_health_segments (k = distinct rows)", segments_distinct},
    {0, 0},
};
