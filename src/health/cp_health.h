/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cp_health.h - client health and risk: CANARY, IDEALFIT, REVENUEATRISK,
 * PRUNESTABILITY and SEGMENTS.
 *
 * The simulating functions draw from GSL's gsl_rng_taus2 (L'Ecuyer's
 * maximally equidistributed Tausworthe generator) seeded with
 * gsl_rng_set(seed + 1), in an order each header comment states, so a seed
 * gives the same numbers on every recalculation and machine.  u means
 * gsl_rng_uniform(), a 32-bit output k as k / 2^32.
 */
#ifndef CP_HEALTH_H
#define CP_HEALTH_H

#include <stddef.h>

#include "cp_status.h"
#include "cp_table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest series CANARY takes: its Theil-Sen slope visits every pair. */
#define CP_CANARY_MAX_POINTS 20000

/* Most simulated client draws (sims x clients, and for PRUNESTABILITY
 * sims x clients x criteria) one call may do: a few seconds of work. */
#define CP_HEALTH_MAX_DRAWS 2000000000.0

/* Most clients x segments SEGMENTS takes when k is below the number of
 * distinct clients (each k-means pass costs that many distances). */
#define CP_SEGMENTS_MAX_WORK 50000000.0

typedef struct {
    double flag;    /* 1 for a significant decline, else 0 */
    double slope;   /* Theil-Sen slope, value units per time unit */
    double p_value; /* one-sided p-value of a decline */
    double s;       /* Mann-Kendall S */
    double var_s;   /* its tie-corrected variance */
    size_t n;       /* points used */
} cp_canary_result;

/*
 * cp_health_canary - Mann-Kendall trend test with the Theil-Sen slope.
 *
 * x      n values (stride xstride); NaN = blank, skipped with its time.
 * t      n times (stride tstride), or NULL for 1..n.  A NaN time is allowed
 *        only where the value is NaN too.
 * alpha  significance level, 0 < alpha < 1.
 *
 * S = sum over pairs with t_i < t_j of sign(x_j - x_i) (pairs with equal
 * times count 0), Var S = [n(n-1)(2n+5) - sum_g t_g(t_g-1)(2t_g+5)] / 18 over
 * groups of equal values, Z = (S - sign S) / sqrt(Var S), p = Phi(Z).  The
 * slope is the median of (x_j - x_i) / (t_j - t_i) over pairs with
 * different times (0 when there is none); flag = slope < 0 and p < alpha.
 * Fewer than 4 points or Var S = 0 give flag 0 and p 1.
 *
 * Returns CP_OK; CP_EINVAL (a NaN time beside a known value, an infinite
 * value or time, alpha outside (0, 1)); CP_EEMPTY (n = 0); CP_ELIMIT (more
 * than CP_CANARY_MAX_POINTS known values); CP_ENOCONV (the slope search
 * did not settle within its bound, which no input is known to reach);
 * CP_ENOMEM.  S in O(n log n); the slope in O(n^2) time, O(n) memory.
 */
int cp_health_canary(const double x[], size_t xstride, const double t[],
                     size_t tstride, size_t n, double alpha,
                     cp_canary_result *out);

/*
 * cp_health_idealfit - 100 exp(-d^2 / 2), how close each client is to the
 * ideal client through the population's correlation structure.
 *
 * clients     rows to score (no NaN), cols criteria.
 * ideal       cols values (stride istride), no NaN.
 * population  at least 2 rows, cols columns, no NaN.
 * weights     cols values >= 0, not all 0 (stride wstride), or NULL (all 1);
 *             checked as for cp_score_clients.
 * fit         out: clients->rows values in 0..100 (stride fstride).
 *
 * With s_j the sample sd of criterion j, z_j = (client_j - ideal_j) / s_j,
 * W = diag(weights scaled to mean 1 over all cols), R the correlation
 * matrix, d^2 = (Wz)' R+ (Wz) over criteria with s_j > 0 (criteria whose
 * values are all equal are left out; none left: d^2 = 0).  R+ is the
 * Moore-Penrose pseudo-inverse from the SVD of R: R = V S V' (R is
 * symmetric positive semi-definite), singular values below 1e-10 times the
 * largest count as 0.
 *
 * Returns CP_OK; CP_EINVAL (NaN or infinite values, bad weights);
 * CP_EBADLEN (population of another width); CP_EEMPTY (no client, no
 * criterion, fewer than 2 population rows); CP_ENOCONV (the SVD failed);
 * CP_ENOMEM.
 */
int cp_health_idealfit(const cp_table *clients, const double ideal[],
                       size_t istride, const cp_table *population,
                       const double weights[], size_t wstride, double fit[],
                       size_t fstride);

/*
 * cp_health_revenue_at_risk - the revenue kept with a given confidence.
 *
 * revenue, p_alive  n clients; p_alive in 0..1; both finite.
 * confidence        0 < confidence < 1.
 * sims              100 .. 10,000,000 simulations.
 * kept              out: the (1 - confidence) quantile of kept revenue.
 *
 * Simulation s = 1..sims draws, for clients i = 1..n in order, one
 * u and keeps client i when u < p_alive_i; the simulation's kept revenue
 * is (S1 + S2) + (S3 + S4), S_r the sum in client order of the kept
 * revenues of clients i = r (mod 4).  The quantile is taken as Calc's PERCENTILE (PERCENTILE.INC):
 * with the totals sorted ascending K_1 <= ... <= K_S, h = (S - 1)(1 -
 * confidence), kept = K_{floor h + 1} + (h - floor h)(K_{floor h + 2} -
 * K_{floor h + 1}).
 *
 * Returns CP_OK; CP_EINVAL (a value out of range); CP_EEMPTY (n = 0);
 * CP_ELIMIT (sims x n above CP_HEALTH_MAX_DRAWS); CP_ENOMEM.
 */
int cp_health_revenue_at_risk(const double revenue[], size_t rstride,
                              const double p_alive[], size_t pstride, size_t n,
                              double confidence, size_t sims,
                              unsigned long seed, double *kept);

/*
 * cp_health_prune_stability - the share of simulations in which each client
 * is among the prune_count lowest CLIENTSCORE (minmax) scores when every
 * weight is multiplied by an independent uniform factor in
 * [1 - jitter, 1 + jitter].
 *
 * criteria     one row per client, NaN = not known (as CLIENTSCORE).
 * weights, directions   as cp_score_clients (directions may be NULL).
 * prune_count  0 .. the number of clients with a non-empty score.
 * jitter       0 <= jitter < 1.
 * sims         100 .. 10,000,000.
 * share        out: rows values in 0..1 (stride sstride); NaN for a client
 *              with an empty score.
 *
 * Simulation s = 1..sims draws one u per criterion
 * j = 1..cols in order and uses weight_j x ((1 - jitter) + 2 jitter u).
 * Each score is what cp_score_clients gives for those weights (same
 * normalisation and arithmetic), and a client counts when its PRUNERANK
 * without revenue is <= prune_count, i.e. its score is at most the
 * prune_count-th smallest: clients tied at that boundary all count.
 *
 * Returns CP_OK; CP_EINVAL (bad weights, directions, counts or jitter, an
 * infinite value); CP_EEMPTY; CP_ELIMIT (sims x rows x cols above
 * CP_HEALTH_MAX_DRAWS); CP_ENOMEM.  Normalises once; each simulation is the
 * weighted sums and a selection, O(rows x cols) expected.
 */
int cp_health_prune_stability(const cp_table *criteria, const double weights[],
                              size_t wstride, const double directions[],
                              size_t dstride, size_t prune_count,
                              double jitter, size_t sims, unsigned long seed,
                              double share[], size_t sstride);

/*
 * cp_health_segments - k-means segments of the clients, numbered 1..k.
 *
 * criteria  one row per client, no NaN.
 * k         1 .. the number of distinct rows.
 * segment   out: rows values 1..k (stride sstride).
 *
 * Criteria are z-scored with the sample sd; those whose values are all
 * equal are left out.  Ten k-means++ starts (Arthur and Vassilvitskii
 * 2007) are each run by Lloyd's algorithm to a fixed point; the start with
 * the least within-cluster sum of squares wins (the earlier start on a
 * tie).  Segments are numbered by the sum of their centroid's z-scores,
 * highest first, ties by the lowest row of their first member.  When k
 * equals the number of distinct rows, each distinct row is its own segment
 * (the unique partition with sum of squares 0, which k-means++ reaches).
 *
 * Returns CP_OK; CP_EINVAL (NaN or infinite values, k = 0 or k above the
 * number of distinct rows); CP_EEMPTY; CP_ELIMIT (rows x k above
 * CP_SEGMENTS_MAX_WORK when k is below the number of distinct rows);
 * CP_ENOCONV (no start reached a fixed point within 1000 passes);
 * CP_ENOMEM.
 */
int cp_health_segments(const cp_table *criteria, size_t k, unsigned long seed,
                       double segment[], size_t sstride);

#ifdef __cplusplus
}
#endif

#endif /* CP_HEALTH_H */
