/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cu_robust.c - inputs that once gave a wrong number or status (each from
 * fuzzing or the robustness review of issue 5, with the input that showed
 * it), the limits on work and size, and determinism of every simulating
 * function.
 *
 * Expected values are derived by hand next to each case from the rules of
 * FUNCTIONS.md.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cp_health.h"
#include "cp_models.h"
#include "cp_profit.h"
#include "cp_prune.h"
#include "cp_rfm.h"
#include "cp_score.h"
#include "cu_test.h"

/* The smallest subnormal, 2^-1074.  The power-of-two scaling that keeps
 * sums finite (cp_pow2_scale_of) used to be 2^1073 for it, which is
 * infinite: a column whose largest magnitude was below 2^-1022 turned into
 * infinities and NaNs (empty scores, CP_EINVAL for valid input). */
#define TINY 4.9406564584124654e-324

static void test_subnormal_scores(void)
{
    /* Column {0, TINY}: minmax 0 and 1; zscore: mean TINY/2, sd TINY/sqrt 2,
     * z = -+1/sqrt 2, so 100 Phi(-+0.70710678) = 23.975006 / 76.024994. */
    const double c[2] = {0, TINY}, w = 1;
    cp_table t = {c, 2, 1, 1};
    double s[2];
    CP_ASSERT_STATUS(cp_score_clients(&t, NULL, &w, 1, NULL, 0, CP_METHOD_MINMAX, s, 1), CP_OK);
    CP_ASSERT_REL(s[0], 0.0, 0.0);
    CP_ASSERT_REL(s[1], 100.0, 0.0);
    CP_ASSERT_STATUS(cp_score_clients(&t, NULL, &w, 1, NULL, 0, CP_METHOD_ZSCORE, s, 1), CP_OK);
    CP_ASSERT_REL(s[0], 23.975006109347669, 1e-12);
    CP_ASSERT_REL(s[1], 76.024993890652331, 1e-12);
    /* Weights {TINY, 0} weigh like {1, 0}: the score is criterion 0 alone. */
    const double c2[4] = {0, 7, 10, 3}, w2[2] = {TINY, 0};
    cp_table t2 = {c2, 2, 2, 2};
    CP_ASSERT_STATUS(cp_score_clients(&t2, NULL, w2, 1, NULL, 0, CP_METHOD_MINMAX, s, 1), CP_OK);
    CP_ASSERT_REL(s[0], 0.0, 0.0);
    CP_ASSERT_REL(s[1], 100.0, 0.0);
}

static void test_subnormal_money(void)
{
    /* Revenue {TINY, TINY}: two equal clients, HHI 5000, top1 0.5, Gini 0. */
    const double v[2] = {TINY, TINY};
    double r;
    CP_ASSERT_STATUS(cp_profit_concentration(v, 1, 2, CP_CONCENTRATION_HHI, &r), CP_OK);
    CP_ASSERT_REL(r, 5000.0, 1e-15);
    CP_ASSERT_STATUS(cp_profit_concentration(v, 1, 2, CP_CONCENTRATION_TOP1, &r), CP_OK);
    CP_ASSERT_REL(r, 0.5, 0.0);
    CP_ASSERT_STATUS(cp_profit_concentration(v, 1, 2, CP_CONCENTRATION_GINI, &r), CP_OK);
    CP_ASSERT_REL(r, 0.0, 0.0);

    /* Profit {TINY, 0}: one client earns it all; peak 1 at half the clients. */
    const double p[2] = {TINY, 0};
    double peak, share, cs[2], ps[2];
    CP_ASSERT_STATUS(cp_profit_whale_peak(p, 1, 2, &peak, &share), CP_OK);
    CP_ASSERT_REL(peak, 1.0, 0.0);
    CP_ASSERT_REL(share, 0.5, 0.0);
    CP_ASSERT_STATUS(cp_profit_whale_curve(p, 1, 2, cs, 1, ps, 1), CP_OK);
    CP_ASSERT_REL(ps[0], 1.0, 0.0);
    CP_ASSERT_REL(ps[1], 1.0, 0.0);

    /* ABC of {TINY, 0}: the largest is A; before 0 lies the whole total
     * (share 1 >= 0.95), so C. */
    int abc[2];
    CP_ASSERT_STATUS(cp_profit_abc(p, 1, 2, NULL, 0, 0, 0.8, 0.95, abc, 1), CP_OK);
    CU_ASSERT_EQUAL(abc[0], CP_ABC_A);
    CU_ASSERT_EQUAL(abc[1], CP_ABC_C);

    /* Drivers [[TINY, 1], [0, 3]], pools {10, 10}: pool 0 all to client 0,
     * pool 1 shared 1:3, so 10 + 2.5 and 7.5. */
    const double d[4] = {TINY, 1, 0, 3}, pools[2] = {10, 10};
    cp_table dt = {d, 2, 2, 2};
    double cost[2];
    CP_ASSERT_STATUS(cp_profit_allocate(&dt, pools, 1, cost, 1), CP_OK);
    CP_ASSERT_REL(cost[0], 12.5, 1e-15);
    CP_ASSERT_REL(cost[1], 7.5, 1e-15);

    /* PRUNESET, scores {1, 2}, revenue {0, TINY}, limit 0.5: client 0 (no
     * revenue) goes, client 1 (all of it) stays. */
    const double sc[2] = {1, 2}, rev[2] = {0, TINY};
    double f[2];
    CP_ASSERT_STATUS(cp_prune_set(sc, 1, rev, 1, 2, 0.5, f, 1), CP_OK);
    CP_ASSERT_REL(f[0], 1.0, 0.0);
    CP_ASSERT_REL(f[1], 0.0, 0.0);
}

/* Found by fuzz_score: weights {8.94e-310, 3.93e24}.  Scaling the largest
 * weight into [0.5, 1) turned the small one into 0, so a client whose only
 * known criterion it weighs got an empty score.  Client 1 knows criterion 0
 * only: its score is that criterion's minmax value, (-3 - -3) / 1 = 0.
 * Client 0: 100 (w0 * 1 + w1 * 0.5) / (w0 + w1) = 50 (w0 is nothing next
 * to w1; criterion 1 has one known value, so 0.5). */
static void test_weights_far_apart(void)
{
    const double c[4] = {-2, 5, -3, NAN};
    const double w[2] = {8.9439238033536971e-310, 3.9296913807245779e+24};
    cp_table t = {c, 2, 2, 2};
    double s[2];
    CP_ASSERT_STATUS(cp_score_clients(&t, NULL, w, 1, NULL, 0, CP_METHOD_MINMAX, s, 1), CP_OK);
    CP_ASSERT_REL(s[0], 50.0, 1e-15);
    CP_ASSERT_REL(s[1], 0.0, 0.0);
    /* Weights 1e308 and TINY are 2^2097 apart, beyond what the exact
     * scaling keeps: refused, not dropped. */
    const double w2[2] = {TINY, 1e308};
    CP_ASSERT_STATUS(cp_score_clients(&t, NULL, w2, 1, NULL, 0, CP_METHOD_MINMAX, s, 1), CP_EINVAL);
    const double w3[2] = {1e-300, 1e300}; /* 2^1993 apart: still fine */
    CP_ASSERT_STATUS(cp_score_clients(&t, NULL, w3, 1, NULL, 0, CP_METHOD_MINMAX, s, 1), CP_OK);
    CP_ASSERT_REL(s[1], 0.0, 0.0);
}

/* Found by fuzz_rfm_table: repeat amounts near 1e308 summed to infinity,
 * so monetary was shown as an infinite number.  Customer 7 buys on days 0
 * (first purchase), 1, 2 and 3 for 5, 1e308, 1e308, -1e308: frequency 3,
 * recency 3, T 3, monetary (1e308 + 1e308 - 1e308) / 3 = 1e308 / 3. */
static void test_rfm_huge_amounts(void)
{
    const double cust[4] = {7, 7, 7, 7}, date[4] = {0, 1, 2, 3};
    const double amount[4] = {5, 1e308, 1e308, -1e308};
    double out[4 * CP_RFM_COLS];
    size_t nc;
    CP_ASSERT_STATUS(cp_rfm_table(cust, 1, date, 1, amount, 1, 4, NAN, 1, out, CP_RFM_COLS,
                                  NULL, &nc), CP_OK);
    CU_ASSERT_EQUAL(nc, 1);
    CP_ASSERT_REL(out[CP_RFM_FREQUENCY], 3.0, 0.0);
    CP_ASSERT_REL(out[CP_RFM_RECENCY], 3.0, 0.0);
    CP_ASSERT_REL(out[CP_RFM_T], 3.0, 0.0);
    CP_ASSERT_REL(out[CP_RFM_MONETARY], 1e308 / 3.0, 1e-15);
    /* Two lines of 1e308 on day 3 are one purchase of 2e308, beyond the
     * doubles: the input is larger than RFMTABLE takes. */
    const double date2[4] = {0, 3, 3, 3}, amount2[4] = {5, 1e308, 1e308, 1};
    CP_ASSERT_STATUS(cp_rfm_table(cust, 1, date2, 1, amount2, 1, 4, NAN, 1, out, CP_RFM_COLS,
                                  NULL, &nc), CP_ELIMIT);
    CU_ASSERT_EQUAL(nc, 0);
}

/* Found by fuzz_idealfit: a difference from the ideal near 1e308 along a
 * direction in which the population does not vary gave d^2 = inf x 0 =
 * NaN.  The population rows (6, 6, 6) and (-3, -3, -3) have R = all ones
 * (rank 1, kept direction (1, 1, 1) / sqrt 3).  The client (0, 1e308,
 * -1e308) differs from the ideal (0, 0, 0) by z = (0, h, -h), h huge,
 * orthogonal to (1, 1, 1): d^2 = 0 and the fit is 100. */
static void test_idealfit_huge_orthogonal(void)
{
    const double pop[6] = {6, 6, 6, -3, -3, -3};
    const double client[3] = {0, 1e308, -1e308}, ideal[3] = {0, 0, 0};
    cp_table pt = {pop, 2, 3, 3}, ct = {client, 1, 3, 3};
    double fit;
    CP_ASSERT_STATUS(cp_health_idealfit(&ct, ideal, 1, &pt, NULL, 0, &fit, 1), CP_OK);
    CP_ASSERT_REL(fit, 100.0, 0.0);
    /* The same huge difference along (1, 1, 1): d^2 overflows, fit 0. */
    const double along[3] = {1e308, 1e308, 1e308};
    cp_table at = {along, 1, 3, 3};
    CP_ASSERT_STATUS(cp_health_idealfit(&at, ideal, 1, &pt, NULL, 0, &fit, 1), CP_OK);
    CP_ASSERT_REL(fit, 0.0, 0.0);
}

/* PRUNEIMPACT's redeployed revenue r Cp R / C used to be computed as
 * (r Cp) (R / C), which is 0 x inf = NaN when nothing is pruned and R / C
 * overflows, and inf when only R / C does.  Found in review while writing
 * fuzz_impact. */
static void test_impact_ratio_overflow(void)
{
    double o[CP_IMPACT_COUNT];
    /* One kept client, revenue 1e308, cost 1e-300, nothing pruned: after =
     * before = 1e308 (profit 1e308 - 1e-300 = 1e308). */
    const double r1[1] = {1e308}, c1[1] = {1e-300}, f1[1] = {0};
    CP_ASSERT_STATUS(cp_prune_impact(r1, 1, c1, 1, f1, 1, 1, 0.5, o), CP_OK);
    CP_ASSERT_REL(o[CP_IMPACT_REVENUE_AFTER], 1e308, 0.0);
    CP_ASSERT_REL(o[CP_IMPACT_PROFIT_AFTER], 1e308, 0.0);
    /* Kept: revenue 1e-10, cost 2^-1074; pruned: cost 1e-10; r = 1:
     * r Cp R / C = 1e-20 / 2^-1074 = 2.0240225330731064e303 (exact rational
     * arithmetic in Python, rounded once), which is also revenue and
     * profit after to double precision. */
    const double r2[2] = {1e-10, 1}, c2[2] = {TINY, 1e-10}, f2[2] = {0, 1};
    CP_ASSERT_STATUS(cp_prune_impact(r2, 1, c2, 1, f2, 1, 2, 1.0, o), CP_OK);
    CP_ASSERT_REL(o[CP_IMPACT_REVENUE_AFTER], 2.0240225330731064e303, 1e-15);
    CP_ASSERT_REL(o[CP_IMPACT_PROFIT_AFTER], 2.0240225330731064e303, 1e-15);
}

/* ---- Limits: sizes are checked before anything is read or allocated ---- */

/* A size whose stride would overflow the index: 2^62 values 8 apart reach
 * 2^65 doubles.  No such array exists, so the entry points must refuse it
 * (CP_ELIMIT) before reading: the one double behind each pointer here is
 * all the memory there is (ASan and valgrind would see a read past it). */
#define HUGE_N ((size_t)1 << 62)

static void test_span_helpers(void)
{
    /* The largest addressable index is CP_MAX_INDEX = PTRDIFF_MAX / 8. */
    CU_ASSERT_TRUE(cp_span_ok(0, SIZE_MAX));
    CU_ASSERT_TRUE(cp_span_ok(1, SIZE_MAX));
    CU_ASSERT_TRUE(cp_span_ok(CP_MAX_INDEX + 1, 1));  /* indices 0 .. CP_MAX_INDEX */
    CU_ASSERT_FALSE(cp_span_ok(CP_MAX_INDEX + 2, 1));
    CU_ASSERT_TRUE(cp_span_ok(2, CP_MAX_INDEX));      /* index CP_MAX_INDEX */
    CU_ASSERT_FALSE(cp_span_ok(3, CP_MAX_INDEX));     /* index 2 CP_MAX_INDEX */
    /* Stride 0 (one value repeated) counts as 1: n itself is a size. */
    CU_ASSERT_TRUE(cp_span_ok(CP_MAX_INDEX + 1, 0));
    CU_ASSERT_FALSE(cp_span_ok(SIZE_MAX, 0));
    CU_ASSERT_FALSE(cp_span_ok(HUGE_N, 8));
    /* Tables: the last element is (rows - 1) tda + cols - 1. */
    const double x = 1;
    cp_table t = {&x, 2, 1, CP_MAX_INDEX};
    CU_ASSERT_TRUE(cp_table_span_ok(&t));
    t.cols = 2; /* (CP_MAX_INDEX) + 1: one past */
    CU_ASSERT_FALSE(cp_table_span_ok(&t));
    cp_table wide = {&x, (size_t)1 << 40, (size_t)1 << 30, (size_t)1 << 30}; /* n m = 2^70 */
    CU_ASSERT_FALSE(cp_table_span_ok(&wide));
    cp_table bad_tda = {&x, HUGE_N, 4, 1}; /* tda < cols is refused as invalid */
    CU_ASSERT_TRUE(cp_table_span_ok(&bad_tda));
}

static void test_huge_sizes_refused(void)
{
    const double x[1] = {1}, w[1] = {1};
    double out[CP_IMPACT_COUNT + CP_RFM_COLS];
    int iout[1];
    size_t order[1], nc, first[1], m;
    /* A client table of 2^40 rows by 2^30 criteria (n x m overflows). */
    cp_table wide = {x, (size_t)1 << 40, (size_t)1 << 30, (size_t)1 << 30};
    cp_table tall = {x, HUGE_N, 1, 8}, small = {x, 1, 1, 1};
    CP_ASSERT_STATUS(cp_score_clients(&wide, NULL, w, 1, NULL, 0, CP_METHOD_MINMAX, out, 1),
                     CP_ELIMIT);
    CP_ASSERT_STATUS(cp_score_clients(&tall, NULL, w, 1, NULL, 0, CP_METHOD_MINMAX, out, 1),
                     CP_ELIMIT);
    CP_ASSERT_STATUS(cp_score_clients(&small, &tall, w, 1, NULL, 0, CP_METHOD_MINMAX, out, 1),
                     CP_ELIMIT);
    /* Output stride: HUGE_N rows of one criterion written 8 apart. */
    cp_table tall1 = {x, HUGE_N, 1, 1};
    CP_ASSERT_STATUS(cp_score_clients(&tall1, NULL, w, 1, NULL, 0, CP_METHOD_MINMAX, out, 8),
                     CP_ELIMIT);
    CP_ASSERT_STATUS(cp_prune_rank(x, 8, NULL, 0, HUGE_N, NULL, 0, NULL, 0, 0, out, 1), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_prune_rank(x, 1, NULL, 0, 1, x, 8, NULL, 0, HUGE_N, out, 1), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_prune_order(x, 1, x, 8, HUGE_N, order, &m, out, 1), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_prune_set(x, 8, x, 1, HUGE_N, 0.5, out, 1), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_prune_quadrant(x, 1, x, 8, HUGE_N, NULL, 0, NULL, 0, 0, iout, 1), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_prune_quadrant(x, 1, x, 1, 1, x, 8, x, 1, HUGE_N, iout, 1), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_prune_impact(x, 1, x, 1, x, 8, HUGE_N, 0.5, out), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_profit_cost_to_serve(&tall, w, 1, out, 1), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_profit_allocate(&wide, w, 1, out, 1), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_profit_whale_curve(x, 8, HUGE_N, out, 2, out + 1, 2), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_profit_whale_peak(x, 8, HUGE_N, out, out + 1), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_profit_abc(x, 8, HUGE_N, NULL, 0, 0, 0.8, 0.95, iout, 1), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_profit_abc(x, 1, 1, x, 8, HUGE_N, 0.8, 0.95, iout, 1), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_profit_concentration(x, 8, HUGE_N, CP_CONCENTRATION_GINI, out), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_rfm_table(x, 8, x, 1, x, 1, HUGE_N, NAN, 1, out, CP_RFM_COLS, first, &nc),
                     CP_ELIMIT);
    cp_table rfm_tall = {x, HUGE_N, CP_RFM_SCORE_COLS, 8};
    CP_ASSERT_STATUS(cp_rfm_score(&rfm_tall, NULL, 5, out, 1), CP_ELIMIT);
    cp_canary_result cr;
    CP_ASSERT_STATUS(cp_health_canary(x, 8, NULL, 0, HUGE_N, 0.05, &cr), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_health_idealfit(&small, x, 1, &tall, NULL, 0, out, 1), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_health_revenue_at_risk(x, 8, x, 1, HUGE_N, 0.9, 1000, 1, out), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_health_prune_stability(&tall, w, 1, NULL, 0, 1, 0.2, 100, 1, out, 1),
                     CP_ELIMIT);
    CP_ASSERT_STATUS(cp_health_segments(&tall, 2, 1, out, 1), CP_ELIMIT);
    /* Weights or directions beyond the address space: refused likewise. */
    cp_table many = {x, 1, HUGE_N, HUGE_N};
    CP_ASSERT_STATUS(cp_score_clients(&many, NULL, w, 8, NULL, 0, CP_METHOD_MINMAX, out, 1),
                     CP_ELIMIT);
    /* The customer-base models: a column (or the output) 8 apart over
     * HUGE_N customers; the other columns one value repeated (stride 0). */
    const double one[1] = {1}, bg[4] = {0.24, 4.4, 0.79, 2.4}, gg[3] = {6, 4, 15};
    const cp_column c1 = {one, 0}, c8 = {one, 8}, none = {NULL, 0};
    double ll;
    CP_ASSERT_STATUS(cp_bgnbd_fit(c8, c1, c1, none, HUGE_N, out, &ll), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_bgnbd_fit(c1, c1, c1, c8, HUGE_N, out, &ll), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_bgnbd_loglik(c1, c1, c8, none, HUGE_N, bg, &ll), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_pnbd_fit(c1, c8, c1, none, HUGE_N, out, &ll), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_gg_fit(c1, c8, none, HUGE_N, out, &ll, NULL), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_bgnbd_palive(c1, c1, c8, HUGE_N, bg, out, 0), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_bgnbd_palive(c1, c1, c1, HUGE_N, bg, out, 8), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_bgnbd_purchases(c8, c1, c1, c1, HUGE_N, bg, out, 0), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_pnbd_palive(c8, c1, c1, HUGE_N, bg, out, 0), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_pnbd_purchases(c8, c1, c1, c1, HUGE_N, bg, out, 0), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_pnbd_purchases(c1, c1, c1, c1, HUGE_N, bg, out, 8), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_gg_spend(c1, c8, HUGE_N, gg, out, 0), CP_ELIMIT);
    CP_ASSERT_STATUS(cp_clv(c1, c1, c1, c8, HUGE_N, bg, gg, 12, 0.01, 30, out, 0), CP_ELIMIT);
}

/* The work bounds of the simulations, SEGMENTS and IDEALFIT, reached with
 * inputs that fit in memory: refused before the work (and the memory it
 * would take) starts. */
static void test_work_bounds(void)
{
    double out[4];
    /* PRUNESTABILITY: 10^6 simulations of 1,000 clients x 3 criteria =
     * 3 x 10^9 draws > CP_HEALTH_MAX_DRAWS (2 x 10^9); 666 clients fit. */
    double *c = calloc(3000, sizeof *c), *share = malloc(1000 * sizeof *share);
    const double w[3] = {1, 1, 1};
    for (size_t i = 0; i < 3000; i++)
        c[i] = (double)(i % 97);
    cp_table t = {c, 1000, 3, 3};
    CP_ASSERT_STATUS(cp_health_prune_stability(&t, w, 1, NULL, 0, 10, 0.2, 1000000, 1, share, 1),
                     CP_ELIMIT);
    /* Absurd counts are invalid, never allocated: sims and k of 2^64 - 1. */
    CP_ASSERT_STATUS(cp_health_prune_stability(&t, w, 1, NULL, 0, 10, 0.2, SIZE_MAX, 1, share, 1),
                     CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_revenue_at_risk(c, 1, c, 1, 1000, 0.9, SIZE_MAX, 1, out), CP_EINVAL);
    CP_ASSERT_STATUS(cp_health_segments(&t, SIZE_MAX, 1, share, 1), CP_EINVAL);
    free(share);
    free(c);

    /* SEGMENTS: 10,001 distinct clients in 5,000 segments is 5.0005 x 10^7
     * distance evaluations a pass > CP_SEGMENTS_MAX_WORK (5 x 10^7). */
    const size_t n = 10001;
    double *v = malloc(n * sizeof *v), *seg = malloc(n * sizeof *seg);
    for (size_t i = 0; i < n; i++)
        v[i] = (double)i;
    cp_table vt = {v, n, 1, 1};
    CP_ASSERT_STATUS(cp_health_segments(&vt, 5000, 1, seg, 1), CP_ELIMIT);
    /* k = n: each client its own segment, no k-means, no bound. */
    CP_ASSERT_STATUS(cp_health_segments(&vt, n, 1, seg, 1), CP_OK);
    CP_ASSERT_REL(seg[0], (double)n, 0.0); /* the lowest value, numbered last */
    free(seg);
    free(v);

    /* IDEALFIT: 1,588 criteria (1588^3 = 4.0045 x 10^9 > 4 x 10^9 for the
     * SVD), and 4,001 clients x 1,000^2 = 4.001 x 10^9 for R. */
    const size_t m = 1588;
    double *p = malloc(2 * m * sizeof *p), *ideal = calloc(m, sizeof *ideal);
    for (size_t j = 0; j < 2 * m; j++)
        p[j] = (double)(j % 7);
    cp_table client = {p, 1, m, m}, pop = {p, 2, m, m};
    CP_ASSERT_STATUS(cp_health_idealfit(&client, ideal, 1, &pop, NULL, 0, out, 1), CP_ELIMIT);
    free(p);
    const size_t rows = 4001, cols = 1000;
    double *big = calloc(rows * cols, sizeof *big);
    cp_table bclient = {big, 1, cols, cols}, bpop = {big, rows, cols, cols};
    CP_ASSERT_STATUS(cp_health_idealfit(&bclient, ideal, 1, &bpop, NULL, 0, out, 1), CP_ELIMIT);
    bpop.rows = 4000; /* 4 x 10^9 exactly: allowed (all equal: fit 100) */
    CP_ASSERT_STATUS(cp_health_idealfit(&bclient, ideal, 1, &bpop, NULL, 0, out, 1), CP_OK);
    free(big);
    free(ideal);
}

static CU_TestInfo tests[] = {
    {"subnormal_scores", test_subnormal_scores},
    {"subnormal_money", test_subnormal_money},
    {"weights_far_apart", test_weights_far_apart},
    {"rfm_huge_amounts", test_rfm_huge_amounts},
    {"idealfit_huge_orthogonal", test_idealfit_huge_orthogonal},
    {"impact_ratio_overflow", test_impact_ratio_overflow},
    {"span_helpers", test_span_helpers},
    {"huge_sizes_refused", test_huge_sizes_refused},
    {"work_bounds", test_work_bounds},
    CU_TEST_INFO_NULL,
};

cp_suite robust_suite = {"robust", tests};
