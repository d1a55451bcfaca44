/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Allocation-failure cases of src/prune/ (see faults.h). */
#include <math.h>

#include "cp_prune.h"
#include "faults.h"

/* Seven clients: an empty score, a tied pair, a zero revenue. */
static const double score[7] = {50, 20, 20, NAN, 80, 20, 35};
static const double revenue[7] = {10, 5, 3, 100, 40, 3, 0};
static const double cost[7] = {4, 6, 1, 30, 10, 2, 1};
static const double flags[7] = {0, 1, 1, 0, 0, 1, 0};

static int set(void)
{
    double f[7];
    return cp_prune_set(score, 1, revenue, 1, 7, 0.2, f, 1);
}

static int quadrant_table(void)
{
    int q[7];
    return cp_prune_quadrant(revenue, 1, score, 1, 7, NULL, 0, NULL, 0, 0, q, 1);
}

static int quadrant_row(void)
{
    int q[2];
    return cp_prune_quadrant(revenue + 2, 1, score + 2, 1, 2, revenue, 1, score, 1, 7, q, 1);
}

static int impact(void)
{
    double out[CP_IMPACT_COUNT];
    return cp_prune_impact(revenue, 1, cost, 1, flags, 1, 7, 0.5, out);
}

const fault_case prune_fault_cases[] = {
    {"cp_prune_set", set},
    {"cp_prune_quadrant (table mode)", quadrant_table},
    {"cp_prune_quadrant (row mode)", quadrant_row},
    {"cp_prune_impact", impact},
    {0, 0},
};
