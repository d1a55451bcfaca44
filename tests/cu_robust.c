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
#include <string.h>

#include "cp_health.h"
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

static CU_TestInfo tests[] = {
    {"subnormal_scores", test_subnormal_scores},
    {"subnormal_money", test_subnormal_money},
    {"weights_far_apart", test_weights_far_apart},
    {"rfm_huge_amounts", test_rfm_huge_amounts},
    {"idealfit_huge_orthogonal", test_idealfit_huge_orthogonal},
    {"impact_ratio_overflow", test_impact_ratio_overflow},
    CU_TEST_INFO_NULL,
};

cp_suite robust_suite = {"robust", tests};
