/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cp_prune.h - deciding whom to let go: PRUNESET, CLIENTQUADRANT and
 * PRUNEIMPACT.
 *
 * Money columns (revenue, cost) and prune flags must be finite: the glue
 * turns blank cells into 0 before calling.  A NaN score is an empty score
 * (a client with nothing known); such clients get an empty result and are
 * left out of totals and medians.
 */
#ifndef CP_PRUNE_H
#define CP_PRUNE_H

#include <stddef.h>

#include "cp_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The relative rounding allowance of PRUNESET's revenue limit. */
#define CP_PRUNE_LIMIT_RELTOL 1e-12

/*
 * cp_prune_set - which clients to prune within a revenue budget (PRUNESET).
 *
 * score, revenue  n clients; a NaN score is empty, revenue finite.
 * max_loss        the share of total revenue that may be lost, 0..1.
 * flag            out: n values, 1 = prune, 0 = keep, NaN (empty result)
 *                 for an empty score.
 *
 * Clients are walked in PRUNERANK's order (cp_prune_rank with revenue:
 * ascending score, then ascending revenue), one rank group at a time (a
 * group is the clients sharing a rank).  A group is marked when the revenue
 * of every marked client, it included, stays at or below
 * max_loss * total * (1 + CP_PRUNE_LIMIT_RELTOL), where total is the revenue
 * of the clients with a known score; the walk stops at the first group that
 * does not fit.  When every score is empty every flag is NaN.
 *
 * Returns CP_OK; CP_EEMPTY for n = 0; CP_EINVAL for max_loss outside 0..1
 * or NaN, an infinite score, a non-finite revenue, or total <= 0 (with some
 * known score); CP_ENOMEM.  O(n log n).  The caller owns every array.
 */
int cp_prune_set(const double score[], size_t score_stride,
                 const double revenue[], size_t revenue_stride, size_t n,
                 double max_loss, double flag[], size_t flag_stride);

/* The four quadrants of CLIENTQUADRANT; CP_QUADRANT_EMPTY for an empty
 * result. */
typedef enum {
    CP_QUADRANT_EMPTY = 0,
    CP_QUADRANT_TOP = 1,     /* high revenue, high score */
    CP_QUADRANT_GROW = 2,    /* low revenue, high score */
    CP_QUADRANT_REPRICE = 3, /* high revenue, low score */
    CP_QUADRANT_PRUNE = 4    /* low revenue, low score */
} cp_quadrant;

/* "Top", "Grow", "Reprice", "Prune", or "" for CP_QUADRANT_EMPTY and any
 * other value.  Static storage. */
const char *cp_quadrant_name(int quadrant);

/*
 * cp_prune_quadrant - each client's quadrant (CLIENTQUADRANT).
 *
 * revenue, score  n clients (revenue finite; a NaN score is empty).
 * pop_revenue, pop_score, n_pop
 *                 the population (row mode), both given, or both NULL for
 *                 table mode (the clients are the population).
 * quadrant        out: n values of cp_quadrant.
 *
 * High revenue means revenue >= the median revenue of the population
 * clients with a known score; high score means score >= the median of the
 * known scores.  The median is Calc's MEDIAN: the middle value, or the mean
 * (lower + upper) / 2 of the two middle values for an even count.  Clients
 * with an empty score, and every client when the population has no known
 * score, get CP_QUADRANT_EMPTY.
 *
 * Returns CP_OK; CP_EEMPTY for n = 0 or, in row mode, n_pop = 0; CP_EINVAL
 * for a population given by half, an infinite score, a non-finite revenue;
 * CP_ENOMEM.  O(n + n_pop) expected (median by selection), O(n_pop log
 * n_pop) at worst.
 */
int cp_prune_quadrant(const double revenue[], size_t revenue_stride,
                      const double score[], size_t score_stride, size_t n,
                      const double pop_revenue[], size_t pop_revenue_stride,
                      const double pop_score[], size_t pop_score_stride,
                      size_t n_pop, int quadrant[], size_t quadrant_stride);

/* The six values of PRUNEIMPACT, in the order of its result row. */
enum {
    CP_IMPACT_PROFIT_AFTER = 0,
    CP_IMPACT_PROFIT_BEFORE = 1,
    CP_IMPACT_REVENUE_AFTER = 2,
    CP_IMPACT_REVENUE_BEFORE = 3,
    CP_IMPACT_MARGIN_AFTER = 4,
    CP_IMPACT_MARGIN_BEFORE = 5,
    CP_IMPACT_COUNT = 6
};

/* The relative size under which a revenue counts as zero for a margin. */
#define CP_IMPACT_MARGIN_RELTOL 1e-12

/*
 * cp_prune_impact - revenue and profit before and after pruning
 * (PRUNEIMPACT).
 *
 * revenue, cost, flags  n clients, finite; a flag is 0 (keep) or 1 (prune).
 * redeploy              r, 0..1: the share of the pruned clients' cost
 *                       (time, staff) put back to work for the kept ones.
 * out                   out: CP_IMPACT_COUNT values, indexed as above.
 *
 * With R, C the revenue and cost of kept clients and Cp the cost of pruned
 * ones: revenue_after = R + r Cp R / C (the redeployed cost earns what the
 * kept clients' cost earns), profit_after = revenue_after - (C + r Cp);
 * before = over all clients; margin = profit / revenue, NaN (empty) when
 * |revenue| <= CP_IMPACT_MARGIN_RELTOL * sum |revenue of every client|.
 *
 * Returns CP_OK; CP_EEMPTY for n = 0; CP_EINVAL for a flag other than 0 or
 * 1, r outside 0..1 or NaN, a non-finite revenue or cost, C = 0 with r > 0;
 * CP_ELIMIT when a result overflows.  O(n); allocates nothing.
 */
int cp_prune_impact(const double revenue[], size_t revenue_stride,
                    const double cost[], size_t cost_stride,
                    const double flags[], size_t flags_stride, size_t n,
                    double redeploy, double out[CP_IMPACT_COUNT]);

#ifdef __cplusplus
}
#endif

#endif /* CP_PRUNE_H */
