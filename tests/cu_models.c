/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cu_models.c - BG/NBD, Pareto/NBD, gamma-gamma and CLV in the core.
 *
 * Provenance of the reference values:
 *
 * - "mpmath": tests/mpmath_models.py, mpmath 1.2.1 at mp.dps = 100, from the
 *   published closed forms with mpmath's arbitrary-precision 2F1 (a
 *   representation the core does not use).  The expression is repeated
 *   above each table.  (At 50 digits mpmath's 2F1 was off by 1.2e-10 in the
 *   last BG/NBD case below; 100 digits and a 40-digit direct sum of the
 *   negative binomial series agree with each other and with the core.)
 * - "published": Fader, Hardie and Lee (2005), Marketing Science 24(2)
 *   (BG/NBD, and the Pareto/NBD comparison); Fader and Hardie (2013), "The
 *   Gamma-Gamma Model of Monetary Value" (gamma-gamma on the 946 repeat
 *   buyers), as quoted in ../shared/data/README.md, to the digits printed.
 * - hand-derived values carry their derivation in a comment.
 *
 * The CDNOW summary is read from CP_CDNOW_DIR (set by CMake).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "cp_models.h"
#include "cu_test.h"
#include "models_internal.h"

#ifndef CP_CDNOW_DIR /* CMake found no CDNOW data: the reading fails and says so */
#define CP_CDNOW_DIR "(CDNOW_DIR not found)"
#endif

#define NCDNOW 2357

/* ---- CDNOW ---------------------------------------------------------------- */

typedef struct {
    double x[NCDNOW], tx[NCDNOW], T[NCDNOW], m[NCDNOW];
    int n;
} cdnow_t;

static cdnow_t cdnow;

/* Reads ID,x,t_x,T,zbar (weeks) once; CU_FAIL when the file is missing. */
static int load_cdnow(void)
{
    if (cdnow.n == NCDNOW)
        return 1;
    const char *path = CP_CDNOW_DIR "/cdnow_customers_summary_with_transactions.csv";
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        fprintf(stderr, "\n  cannot open %s\n", path);
        CU_FAIL("CDNOW data missing (CMake cache variable CDNOW_DIR)");
        return 0;
    }
    char header[128];
    int n = 0, id;
    if (fgets(header, sizeof header, f) != NULL)
        while (n < NCDNOW && fscanf(f, "%d,%lf,%lf,%lf,%lf", &id, &cdnow.x[n], &cdnow.tx[n],
                                    &cdnow.T[n], &cdnow.m[n]) == 5)
            n++;
    fclose(f);
    CU_ASSERT_EQUAL(n, NCDNOW);
    cdnow.n = n;
    return n == NCDNOW;
}

static cp_column col(const double *v)
{
    cp_column c = {v, 1};
    return c;
}

static cp_column one(const double *v)
{
    cp_column c = {v, 0};
    return c;
}

static const cp_column NONE = {NULL, 0};

/* ---- ln Gamma and digamma differences -------------------------------------- */

static void test_special(void)
{
    /* mpmath: loggamma(a+x) - loggamma(a), digamma(a+x) - digamma(a) at the
     * binary values of a and x.  GSL's gsl_sf_lnpoch(1e15, 5) gives 172. */
    static const double cases[][4] = {
        {1e15, 5, 172.6938819745534363, 4.99999999999999e-15},
        {7e10, 3, 74.915283237030167579, 4.2857142856530612245e-11},
        {1e5, 0.5, 5.7564614824851142153, 5.0000124999999998437e-6},
        {0.5, 1e4, 82103.750289185440669, 11.173850398414272881},
        {3.3, 1e7, 151181001.57209136371, 15.083273441898659319},
        {1e-10, 1e4, 82076.691645513415566, 10000000009.787505672},
        {45.5, 17.25, 68.615063350840120532, 0.32448622324975233432},
        {2.5, 40.5, 117.48719852927215238, 3.0463705011015627726},
        {1e-12, 1, -27.631021115928548228, 1000000000000.0000201},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        CP_ASSERT_REL(cp_lnpoch(cases[k][0], cases[k][1]), cases[k][2], 1e-14);
        CP_ASSERT_REL(cp_psi_diff(cases[k][0], cases[k][1]), cases[k][3], 1e-12);
    }
    CU_ASSERT(cp_lnpoch(2.0, 0.0) == 0.0);
    CU_ASSERT(cp_logaddexp(-INFINITY, -INFINITY) == -INFINITY);
    CP_ASSERT_REL(cp_logaddexp(1000.0, 1000.0), 1000.0 + log(2.0), 1e-15);
    CP_ASSERT_REL(cp_one_minus_pow_over(0.0, 0.25), 0.25, 0.0);
    CP_ASSERT_REL(cp_one_minus_pow_over(1e-300, 0.25), 0.25, 1e-15);
}

/* ---- single customers against 50-digit references ---------------------------- */

typedef struct {
    double p[4], x, tx, T, t;
    double lnL, palive, expected;
    double tol;
} model_case;

/* mpmath, BG/NBD:
 *   lnL = log(B(a,b+x)/B(a,b) G(r+x)/G(r) al^r/(al+T)^(r+x)
 *             + [x>0] B(a+1,b+x-1)/B(a,b) G(r+x)/G(r) al^r/(al+tx)^(r+x))
 *   P   = 1/D, D = 1 + [x>0] a/(b+x-1) ((al+T)/(al+tx))^(r+x)
 *   E   = (a+b+x-1)/(a-1) (1 - ((al+T)/(al+T+t))^(r+x)
 *             hyp2f1(r+x, b+x, a+b+x-1, t/(al+T+t))) / D
 *   (a = 1 evaluated at a = 1 + 1e-25, a+b+x-1 = 0 at b + 1e-25), at 100
 *   digits. */
static const model_case bg_cases[] = {
    /* CDNOW published parameters, customer 1 */
    {{0.2426, 4.414, 0.7929, 2.426}, 2, 30.43, 38.86, 39,
     -9.4596659049453488256, 0.72662083932981939827, 1.2259281515029839245, 1e-14},
    /* never came back: P(alive) = 1 */
    {{0.2426, 4.414, 0.7929, 2.426}, 0, 0, 38.86, 39,
     -0.5538001681641861738, 1.0, 0.19478577050116856903, 1e-14},
    /* 10,000 repeat purchases */
    {{0.2426, 4.414, 0.7929, 2.426}, 10000, 364, 365, 52,
     22991.410442227897332, 2.1296531412513890549e-8, 0.000028434013479028402406, 1e-13},
    /* t_x = T */
    {{0.2426, 4.414, 0.7929, 2.426}, 5, 20, 20, 10,
     -14.952826565960826001, 0.89016332128163570627, 1.7127370227816285708, 1e-14},
    /* T near 0 */
    {{0.2426, 4.414, 0.7929, 2.426}, 1, 1e-7, 1e-6, 1,
     -2.9011228094103155738, 0.7536735681735837315, 0.20280984688995994376, 1e-14},
    /* T = 0 (L = 1), and with repeat purchases all at time 0 */
    {{0.2426, 4.414, 0.7929, 2.426}, 0, 0, 0, 39, 0.0, 1.0, 1.1949887875310546528, 1e-14},
    {{0.2426, 4.414, 0.7929, 2.426}, 2, 0, 0, 39,
     -4.4514938152577818411, 0.81206001564388821731, 6.9161015432494047411, 1e-14},
    /* very long history and horizon */
    {{0.2426, 4.414, 0.7929, 2.426}, 3, 5000, 100000, 100000,
     -30.02698694020038598, 0.00033814793330529833946, 0.00088531644639185393709, 1e-13},
    /* a = 1: the removable singularity of eq. 10 */
    {{0.5, 3, 1, 2.5}, 4, 20, 30, 25,
     -13.605260987562790048, 0.5200362741743684752, 1.412939473185549166, 1e-14},
    /* tiny parameters */
    {{1e-4, 1e-3, 1e-3, 1e-2}, 2, 10, 30, 30,
     -16.10116127734516698, 0.99116801703720776438, 1.9813042460652773038, 1e-14},
    /* huge parameters */
    {{1e4, 1e5, 50, 1e4}, 7, 20, 30, 100,
     -19.139050364094500008, 0.98659282358933896389, 9.6285007393177231732, 1e-13},
    /* a + b + x - 1 = 0: 2F1 with c = 0 in the closed form */
    {{0.7, 2, 0.3, 0.7}, 0, 0, 15, 8,
     -1.4980463144473895396, 1.0, 0.29809294528250030185, 1e-14},
    /* horizon 250 (alpha + T): the integral over p */
    {{0.2426, 4.414, 0.7929, 2.426}, 2, 30.43, 38.86, 10000,
     -9.4596659049453488256, 0.72662083932981939827, 24.650752816304557423, 1e-12},
    /* 10,000 purchases and a long horizon */
    {{0.2426, 4.414, 0.7929, 2.426}, 10000, 364, 365, 5000,
     22991.410442227897332, 2.1296531412513890549e-8, 0.000761827386995489534, 1e-12},
    /* tiny a and a horizon of 7,700 (alpha + T): the series part near p = 0 */
    {{0.5, 3, 0.01, 2.5}, 0, 0, 10, 100000,
     -0.73316853439671352233, 1.0, 3576.3747841324092165, 1e-13},
    {{1e-3, 1, 0.005, 0.1}, 2, 5, 10, 10000,
     -11.743098167331898226, 0.98494313393576245329, 1736.5709289200778544, 1e-13},
    /* (r + x) w = 1.6e9 */
    {{6.7, 0.291, 0.00643, 2.41}, 568, 0.0272, 0.0364, 820000,
     3706.9571160723305282, 0.0067661529793289215493, 8915589.4632012471117, 1e-13},
    {{0.0018066213018688132, 15.2669150402583, 237.44699331211586, 535.0884664101965}, 1,
     134.62504439472383, 139.3624251834983, 1591.8988969110649,
     -11.35182570987976875, 0.68596352795409255398, 1.7017649545728923271, 1e-13},
    /* T / alpha = 1e311 overflows a double (see test_overflow) */
    {{1e-4, 1e-11, 1, 1}, 3, 1e299, 1e300, 1e300,
     -2076.4891635806462106, 0.0029903403483655070299, 0.0066143447537486314383, 1e-13},
    /* the edges of the fit's box |ln param| <= 25 */
    {{1e-10, 1e-10, 1e-10, 1e-10}, 3, 10, 20, 30,
     -32.013047752819588141, 0.99999999960000000016, 4.4999999980319110251, 1e-13},
    {{5e10, 5e10, 5e10, 5e10}, 3, 10, 20, 30,
     -12.079396142330508293, 0.000045397868813200165481, 0.000090795709855405075711, 1e-13},
};

/* mpmath, Pareto/NBD (Fader and Hardie's note, eq. 18-20, 22, 27):
 *   m = r+s+x; F(y) = hyp2f1(m, s+1, m+1, (al-be)/(al+y))/(al+y)^m if al >= be
 *                else hyp2f1(m, r+x, m+1, (be-al)/(be+y))/(be+y)^m
 *   A0 = F(tx) - F(T)
 *   lnL = log(G(r+x)/G(r) al^r be^s (1/((al+T)^(r+x)(be+T)^s) + s/m A0))
 *   P   = 1/(1 + s/m (al+T)^(r+x) (be+T)^s A0)
 *   E   = (r+x)(be+T)/((al+T)(s-1)) (1 - ((be+T)/(be+T+t))^(s-1)) P,
 *         at s = 1: (r+x)(be+T)/(al+T) log((be+T+t)/(be+T)) P. */
static const model_case pnbd_cases[] = {
    {{0.553, 10.578, 0.606, 11.669}, 2, 30.43, 38.86, 39,
     -9.5542832451504058334, 0.8691675591530111916, 1.4551231932576024225, 1e-14},
    {{0.553, 10.578, 0.606, 11.669}, 0, 0, 38.86, 39,
     -0.52104629408089030766, 0.2952866046168941497, 0.10708146821530884558, 1e-14},
    /* 10,000 purchases: ln-odds of size 23,000 leave P(alive) 1e-11 */
    {{0.553, 10.578, 0.606, 11.669}, 10000, 364, 365, 52,
     22832.544672972051605, 4.3522714615996530092e-8, 0.00005791225093184838754, 1e-10},
    /* t_x = T: I = 0, P(alive) = 1 exactly */
    {{0.553, 10.578, 0.606, 11.669}, 5, 20, 20, 10,
     -14.724808782679302727, 1.0, 1.6666987577421907305, 1e-14},
    {{0.553, 10.578, 0.606, 11.669}, 1, 1e-7, 1e-6, 1,
     -2.951173802110970004, 0.99999995326077662351, 0.14316760495733863108, 1e-14},
    /* T = 0 */
    {{0.553, 10.578, 0.606, 11.669}, 0, 0, 0, 39, 0.0, 1.0, 1.213002844281015733, 1e-14},
    {{0.553, 10.578, 0.606, 11.669}, 2, 0, 0, 39,
     -4.8697614785808285876, 1.0, 5.5999932395107290528, 1e-14},
    {{0.553, 10.578, 0.606, 11.669}, 3, 5000, 100000, 100000,
     -33.779838042273699017, 0.000026870038896258411373, 0.000076085804144160694407, 1e-13},
    /* s = 1: the removable singularity of eq. 27 */
    {{0.5, 10, 1, 12}, 4, 20, 30, 25,
     -14.315160042656758895, 0.60356816525641313036, 1.3318840201797423096, 1e-14},
    /* beta << alpha: 2F1 argument 0.9998, where the peers' series fail */
    {{0.5, 100, 0.8, 0.01}, 3, 5, 40, 20,
     -18.654140712638270324, 0.095765412179561583595, 0.040448826911633724241, 1e-13},
    /* alpha << beta */
    {{0.5, 0.01, 0.8, 100}, 3, 5, 40, 20,
     -11.550851338235420887, 0.03672653117968899451, 0.060869946361613790063, 1e-13},
    /* tiny parameters, alpha = beta */
    {{1e-3, 1e-3, 1e-3, 1e-3}, 2, 10, 30, 30,
     -13.725837888091779832, 0.99601068711097195615, 1.9921812954899018067, 1e-14},
    /* huge parameters */
    {{1e3, 1e4, 1e3, 1e4}, 7, 20, 30, 100,
     -20.676250421027623129, 0.23862139463821285971, 0.24052033763386077852, 1e-13},
    {{0.5, 10, 0.8, 10}, 3, 5, 40, 20,
     -9.6800106825915866049, 0.029607754949320633335, 0.03606762156196459157, 1e-13},
    /* s large with a large 2F1 argument */
    {{2, 0.5, 30, 5}, 40, 39.5, 40, 10,
     -108.29799974710722108, 0.65344097890849262486, 1.0483920237175629391, 1e-13},
    /* T / alpha and T / beta = 1e311 overflow a double */
    {{1e-4, 1e-11, 1e-4, 1e-11}, 3, 1e299, 1e300, 1e300,
     -2080.9540774109494076, 0.96776085374735564401, 2.9032671841545554577, 1e-13},
    /* the edges of the fit's box */
    {{1e-10, 1e-10, 1e-10, 1e-10}, 3, 10, 20, 30,
     -31.319900574878467818, 0.9999999997666666667, 4.4999999988402819513, 1e-13},
    {{5e10, 5e10, 5e10, 5e10}, 3, 10, 20, 30,
     -20.693147177068791678, 4.1223072587645354638e-9, 4.1223072590939342946e-9, 1e-13},
};

typedef int (*loglik_fn)(cp_column, cp_column, cp_column, cp_column, size_t, const double *,
                         double *);
typedef int (*palive_fn)(cp_column, cp_column, cp_column, size_t, const double *, double *,
                         size_t);
typedef int (*expect_fn)(cp_column, cp_column, cp_column, cp_column, size_t, const double *,
                         double *, size_t);

static void check_cases(const model_case *cases, size_t n, loglik_fn ll, palive_fn pa,
                        expect_fn ex)
{
    for (size_t k = 0; k < n; k++) {
        const model_case *c = &cases[k];
        double v;
        CP_ASSERT_STATUS(ll(one(&c->x), one(&c->tx), one(&c->T), NONE, 1, c->p, &v), CP_OK);
        CP_ASSERT_REL(v, c->lnL, 1e-14);
        CP_ASSERT_STATUS(pa(one(&c->x), one(&c->tx), one(&c->T), 1, c->p, &v, 1), CP_OK);
        CP_ASSERT_REL(v, c->palive, c->tol);
        CP_ASSERT_STATUS(ex(one(&c->t), one(&c->x), one(&c->tx), one(&c->T), 1, c->p, &v, 1),
                         CP_OK);
        CP_ASSERT_REL(v, c->expected, c->tol);
    }
}

static void test_bgnbd_references(void)
{
    check_cases(bg_cases, sizeof bg_cases / sizeof bg_cases[0], cp_bgnbd_loglik, cp_bgnbd_palive,
                cp_bgnbd_purchases);
}

static void test_pnbd_references(void)
{
    check_cases(pnbd_cases, sizeof pnbd_cases / sizeof pnbd_cases[0], cp_pnbd_loglik,
                cp_pnbd_palive, cp_pnbd_purchases);
}

/* The limits at a = 1 (BG/NBD) and s = 1 (Pareto/NBD) join their
 * neighbourhoods continuously, from both sides. */
static void test_removable_singularities(void)
{
    const double x = 4, tx = 20, T = 30, t = 25;
    double at[3];
    for (int k = -1; k <= 1; k++) {
        const double p[4] = {0.5, 3, 1.0 + k * 1e-9, 2.5};
        CP_ASSERT_STATUS(cp_bgnbd_purchases(one(&t), one(&x), one(&tx), one(&T), 1, p, &at[k + 1], 1),
                         CP_OK);
    }
    CP_ASSERT_REL(at[0], at[1], 1e-8);
    CP_ASSERT_REL(at[2], at[1], 1e-8);
    for (int k = -1; k <= 1; k++) {
        const double p[4] = {0.5, 10, 1.0 + k * 1e-9, 12};
        CP_ASSERT_STATUS(cp_pnbd_purchases(one(&t), one(&x), one(&tx), one(&T), 1, p, &at[k + 1], 1),
                         CP_OK);
    }
    CP_ASSERT_REL(at[0], at[1], 1e-8);
    CP_ASSERT_REL(at[2], at[1], 1e-8);
}

/* Expected purchases grow with the horizon, are 0 at t = 0, and the BG/NBD
 * integral path joins the series path smoothly. */
static void test_expectation_shape(void)
{
    const double p[4] = {0.2426, 4.414, 0.7929, 2.426}, pp[4] = {0.553, 10.578, 0.606, 11.669};
    const double x = 2, tx = 30.43, T = 38.86, zero = 0;
    double prev = 0.0, e;
    CP_ASSERT_STATUS(cp_bgnbd_purchases(one(&zero), one(&x), one(&tx), one(&T), 1, p, &e, 1), CP_OK);
    CU_ASSERT(e == 0.0);
    CP_ASSERT_STATUS(cp_pnbd_purchases(one(&zero), one(&x), one(&tx), one(&T), 1, pp, &e, 1), CP_OK);
    CU_ASSERT(e == 0.0);
    for (double t = 1; t < 1e6; t *= 1.7) {
        CP_ASSERT_STATUS(cp_bgnbd_purchases(one(&t), one(&x), one(&tx), one(&T), 1, p, &e, 1), CP_OK);
        CU_ASSERT(e > prev);
        prev = e;
    }
}

/* Overflow of intermediate quantities (the first three found by the
 * fuzz_bgnbd_palive, fuzz_pnbd_palive and fuzz_gg_spend targets, which saw
 * NaN or 0 returned with CP_OK). */
static void test_overflow(void)
{
    double v;
    /* r + x = inf with t_x = T: ((alpha+T)/(alpha+t_x))^(r+x) = 1^inf was
     * inf * 0 = NaN.  By hand: P = 1/(1 + a/(b+x-1)) = 1/(1 + 1e-300) = 1. */
    const double huge_r[4] = {1.7976931348623157e308, 1, 1, 1}, x1 = 1e300, t5 = 5;
    CP_ASSERT_STATUS(cp_bgnbd_palive(one(&x1), one(&t5), one(&t5), 1, huge_r, &v, 1), CP_OK);
    CU_ASSERT(v == 1.0);
    /* b + x - 1 and r + x both infinite, t_x < T: odds of -inf + inf have
     * no value in doubles: CP_ENOCONV, nothing written. */
    const double both[4] = {1e308, 1, 1, 1e308}, xmax = 1.7976931348623157e308, t6 = 6;
    v = -7;
    CP_ASSERT_STATUS(cp_bgnbd_palive(one(&xmax), one(&t5), one(&t6), 1, both, &v, 1), CP_ENOCONV);
    CU_ASSERT(v == -7);
    /* Pareto/NBD, all parameters 4.68e-12, x 3, t_x 0, T 5.49e303: T/alpha
     * overflowed and ln(e^A + e^B) was -inf - -inf.  By hand (alpha = beta,
     * so A0 = (alpha+t_x)^-m - (alpha+T)^-m, m = r+s+x):
     * P = 1/(1 + s/m (alpha+T)^m A0) ~ m/s (alpha/T)^m ~ 6e11 * 1e-945,
     * 0 in doubles. */
    const double tiny[4] = {4.6835885214330556e-12, 4.6835885214330556e-12,
                            4.6835885214330556e-12, 4.6835885214330556e-12};
    const double x3 = 3, zero = 0, Tbig = 5.4861240687936887e303;
    CP_ASSERT_STATUS(cp_pnbd_palive(one(&x3), one(&zero), one(&Tbig), 1, tiny, &v, 1), CP_OK);
    CU_ASSERT(v == 0.0);
    /* x = 0, T = 1e300, alpha = 1e-11: by hand, ln L = -r ln(1 + T/alpha)
     * = -1e-4 ln(1e311) for BG/NBD (the b terms cancel at x = 0); the
     * expected purchases over t = 39 are r t/(alpha+T) (1 + O(t/T)) times
     * P(alive) (1 for BG/NBD; 0.92851176024804812104 for Pareto/NBD from
     * mpmath, as in pnbd_cases, with beta = alpha, s = r).  The 2F1 closed
     * forms cancel all 300 digits here, so mpmath gives 0 for these E. */
    const double bgp[4] = {1e-4, 1e-11, 1, 1}, pnp[4] = {1e-4, 1e-11, 1e-4, 1e-11};
    const double T300 = 1e300, t39 = 39;
    CP_ASSERT_STATUS(cp_bgnbd_loglik(one(&zero), one(&zero), one(&T300), NONE, 1, bgp, &v), CP_OK);
    CP_ASSERT_REL(v, -1e-4 * 311.0 * log(10.0), 1e-12);
    CP_ASSERT_STATUS(cp_bgnbd_palive(one(&zero), one(&zero), one(&T300), 1, bgp, &v, 1), CP_OK);
    CU_ASSERT(v == 1.0);
    CP_ASSERT_STATUS(cp_bgnbd_purchases(one(&t39), one(&zero), one(&zero), one(&T300), 1, bgp, &v, 1),
                     CP_OK);
    CP_ASSERT_REL(v, 1e-4 * 39 / 1e300, 1e-12);
    CP_ASSERT_STATUS(cp_pnbd_loglik(one(&zero), one(&zero), one(&T300), NONE, 1, pnp, &v), CP_OK);
    CP_ASSERT_REL(v, -0.069048560371451825444, 1e-13); /* mpmath */
    CP_ASSERT_STATUS(cp_pnbd_palive(one(&zero), one(&zero), one(&T300), 1, pnp, &v, 1), CP_OK);
    CP_ASSERT_REL(v, 0.92851176024804812104, 1e-13); /* mpmath */
    CP_ASSERT_STATUS(cp_pnbd_purchases(one(&t39), one(&zero), one(&zero), one(&T300), 1, pnp, &v, 1),
                     CP_OK);
    CP_ASSERT_REL(v, 1e-4 * 39 / 1e300 * 0.92851176024804812104, 1e-12);
    /* Gamma-gamma with p = 1e308: p x overflowed and the spend came out 0.
     * By hand: p (gamma + x m)/(p x + q - 1) = (gamma + x m)/(x + (q-1)/p)
     * = gamma / 6 (1 - 2.6e-308) for x = 6, m = 0. */
    const double gg_huge[3] = {1e308, 16.879282064202272, 4.6835885214330556e-12}, x6 = 6;
    CP_ASSERT_STATUS(cp_gg_spend(one(&x6), one(&zero), 1, gg_huge, &v, 1), CP_OK);
    CP_ASSERT_REL(v, 4.6835885214330556e-12 / 6, 1e-15);
    /* ... and q = 1e308 with p < 1: (q - 1)/p overflowed and the spend came
     * out 0.  By hand: p x + q - 1 = 1e308 in doubles, so the spend is
     * p (gamma + x m) / 1e308 = 0.00542145 * 60 / 1e308, subnormal. */
    const double gg_q[3] = {0.0054214536176622891, 1e308, 4.6835885214330556e-12}, x4 = 4, m15 = 15;
    CP_ASSERT_STATUS(cp_gg_spend(one(&x4), one(&m15), 1, gg_q, &v, 1), CP_OK);
    CP_ASSERT_REL(v, 0.0054214536176622891 * (4.6835885214330556e-12 + 60) / 1e308, 1e-12);
}

/* ---- gamma-gamma ------------------------------------------------------------ */

static void test_gg_references(void)
{
    /* mpmath: ln f = loggamma(px+q) - loggamma(px) - loggamma(q) + q log(g)
     *   + (px-1) log(m) + px log(x) - (px+q) log(g+xm);  E = p(g+xm)/(px+q-1). */
    static const double cases[][7] = {
        {6.25, 3.74, 15.44, 2, 22.35, -3.5513167597317047305, 24.663713910761154856},
        {6.25, 3.74, 15.44, 10000, 5.5, -10.009380648883319364, 5.5013028228842447547},
        {1e-3, 2, 1e4, 1, 1e-3, -0.015118795417864781622, 9.990010989010989011},
        {1e3, 1e3, 1e-3, 3, 40, -9447.2376481452232327, 30.007751937984496124},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const double *c = cases[k];
        double v;
        CP_ASSERT_STATUS(cp_gg_loglik(one(&c[3]), one(&c[4]), NONE, 1, c, &v), CP_OK);
        CP_ASSERT_REL(v, c[5], 1e-13);
        CP_ASSERT_STATUS(cp_gg_spend(one(&c[3]), one(&c[4]), 1, c, &v, 1), CP_OK);
        CP_ASSERT_REL(v, c[6], 1e-14);
    }
    /* x = 0: the population mean p gamma / (q - 1) = 6.25 * 15.44 / 2.74. */
    const double g[3] = {6.25, 3.74, 15.44}, x0 = 0, m0 = 0;
    double v;
    CP_ASSERT_STATUS(cp_gg_spend(one(&x0), one(&m0), 1, g, &v, 1), CP_OK);
    CP_ASSERT_REL(v, 6.25 * 15.44 / 2.74, 1e-15);
}

/* ---- CLV -------------------------------------------------------------------- */

static void test_clv_references(void)
{
    /* mpmath: sum_{k=1..months} E[Z] (E(k u) - E((k-1) u)) / (1+d)^k with
     * E[Z] and E(t) as above (BG/NBD closed form at every month). */
    const double bgp[4] = {0.2426, 4.414, 0.7929, 2.426}, ggp[3] = {6.25, 3.74, 15.44};
    static const double cases[][8] = {
        /* x, t_x, T, m, months, d, u, CLV */
        {2, 30.43, 38.86, 22.35, 12, 0.01, 4.345, 36.286560104094488876},
        {0, 0, 38.86, 0, 60, 0.02, 4.345, 20.134969982744590923},
        {7, 35, 38.86, 40, 1200, 0.005, 4.345, 999.73377802421975317},
        /* the extremes of issue 3: 10,000 purchases, t_x = T, T near 0 */
        {10000, 364, 365, 5.5, 24, 0.01, 4.345, 0.00026564964989884773444},
        {5, 20, 20, 30, 24, 0.01, 4.345, 287.13733896054808981},
        {1, 1e-7, 1e-6, 30, 24, 0.01, 4.345, 191.69797480372856778},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const double *c = cases[k];
        double v;
        CP_ASSERT_STATUS(cp_clv(one(&c[0]), one(&c[1]), one(&c[2]), one(&c[3]), 1, bgp, ggp,
                                (int)c[4], c[5], c[6], &v, 1),
                         CP_OK);
        CP_ASSERT_REL(v, c[7], 1e-12);
    }
    /* mpmath, as above: tiny and huge parameters of both models, 24 months. */
    static const double extreme[2][12] = {
        /* BG/NBD r, alpha, a, b; GG p, q, gamma; x, t_x, T, m; CLV */
        {1e-4, 1e-3, 1e-3, 1e-2, 1e-3, 2, 1e4, 2, 10, 30, 1e-3, 60.799284770864331395},
        {1e4, 1e5, 50, 1e4, 1e3, 1e3, 1e-3, 7, 20, 30, 40, 311.0890618053937953},
    };
    for (int k = 0; k < 2; k++) {
        const double *c = extreme[k];
        double v;
        CP_ASSERT_STATUS(cp_clv(one(&c[7]), one(&c[8]), one(&c[9]), one(&c[10]), 1, c, c + 4, 24,
                                0.01, 4.345, &v, 1),
                         CP_OK);
        CP_ASSERT_REL(v, c[11], 1e-12);
    }
    /* One month, no discount: GGSPEND * BGNBDPURCHASES(u), by definition. */
    const double x = 2, tx = 30.43, T = 38.86, m = 22.35, u = 30;
    double clv, spend, e;
    CP_ASSERT_STATUS(cp_clv(one(&x), one(&tx), one(&T), one(&m), 1, bgp, ggp, 1, 0.0, u, &clv, 1),
                     CP_OK);
    cp_gg_spend(one(&x), one(&m), 1, ggp, &spend, 1);
    cp_bgnbd_purchases(one(&u), one(&x), one(&tx), one(&T), 1, bgp, &e, 1);
    CP_ASSERT_REL(clv, spend * e, 1e-15);
}

/* ---- fits on CDNOW ---------------------------------------------------------- */

static void test_bgnbd_cdnow(void)
{
    if (!load_cdnow())
        return;
    double p[4], ll;
    CP_ASSERT_STATUS(cp_bgnbd_fit(col(cdnow.x), col(cdnow.tx), col(cdnow.T), NONE, NCDNOW, p, &ll),
                     CP_OK);
    /* published: r 0.243 (0.2426), alpha 4.414, a 0.793 (0.7929), b 2.426,
     * LL -9582.4 (-9582.43) */
    CP_ASSERT_REL(p[0], 0.2426, 2e-4);
    CP_ASSERT_REL(p[1], 4.414, 2e-4);
    CP_ASSERT_REL(p[2], 0.7929, 2e-4);
    CP_ASSERT_REL(p[3], 2.426, 2e-4);
    CP_ASSERT_REL(ll, -9582.43, 1e-6);
    /* published: customer 1 (x 2, t_x 30.43, T 38.86) expects 1.226
     * purchases in the next 39 weeks under this fit. */
    const double t = 39;
    double e;
    CP_ASSERT_STATUS(cp_bgnbd_purchases(one(&t), col(cdnow.x), col(cdnow.tx), col(cdnow.T), 1, p, &e, 1),
                     CP_OK);
    CP_ASSERT_REL(e, 1.226, 4e-4);
}

static void test_pnbd_cdnow(void)
{
    if (!load_cdnow())
        return;
    double p[4], ll;
    CP_ASSERT_STATUS(cp_pnbd_fit(col(cdnow.x), col(cdnow.tx), col(cdnow.T), NONE, NCDNOW, p, &ll),
                     CP_OK);
    /* published: r 0.553, alpha 10.578, s 0.606, beta 11.669, LL -9595.0 */
    CP_ASSERT_REL(p[0], 0.553, 1e-3);
    CP_ASSERT_REL(p[1], 10.578, 1e-3);
    CP_ASSERT_REL(p[2], 0.606, 1e-3);
    CP_ASSERT_REL(p[3], 11.669, 1e-3);
    CP_ASSERT_REL(ll, -9595.0, 1e-5);
}

static void test_gg_cdnow(void)
{
    if (!load_cdnow())
        return;
    double p[3], ll;
    size_t used = 0;
    CP_ASSERT_STATUS(cp_gg_fit(col(cdnow.x), col(cdnow.m), NONE, NCDNOW, p, &ll, &used), CP_OK);
    /* published (946 repeat buyers): p 6.25, q 3.74, gamma 15.44, LL -4055.9 */
    CU_ASSERT_EQUAL(used, 946);
    CP_ASSERT_REL(p[0], 6.25, 1e-3);
    CP_ASSERT_REL(p[1], 3.74, 2e-3);
    CP_ASSERT_REL(p[2], 15.44, 1e-3);
    CP_ASSERT_REL(ll, -4055.9, 1e-5);
}

/* A summarised table (distinct rows and their counts, in another order)
 * fits exactly as the full table, and so does the full table with counts
 * of 2 (LL doubled). */
static void test_count_column(void)
{
    if (!load_cdnow())
        return;
    static double ux[NCDNOW], utx[NCDNOW], uT[NCDNOW], um[NCDNOW], uc[NCDNOW], two[NCDNOW];
    int nu = 0;
    /* distinct (x, t_x, T, m) rows, newest customers first */
    for (int i = NCDNOW - 1; i >= 0; i--) {
        int j = 0;
        while (j < nu && !(ux[j] == cdnow.x[i] && utx[j] == cdnow.tx[i] && uT[j] == cdnow.T[i] &&
                           um[j] == cdnow.m[i]))
            j++;
        if (j == nu) {
            ux[nu] = cdnow.x[i], utx[nu] = cdnow.tx[i], uT[nu] = cdnow.T[i], um[nu] = cdnow.m[i];
            uc[nu++] = 0;
        }
        uc[j] += 1;
    }
    CU_ASSERT(nu < NCDNOW / 2);
    for (int i = 0; i < NCDNOW; i++)
        two[i] = 2;

    double pf[4], pc[4], p2[4], llf, llc, ll2;
    CP_ASSERT_STATUS(cp_bgnbd_fit(col(cdnow.x), col(cdnow.tx), col(cdnow.T), NONE, NCDNOW, pf, &llf), CP_OK);
    CP_ASSERT_STATUS(cp_bgnbd_fit(col(ux), col(utx), col(uT), col(uc), (size_t)nu, pc, &llc), CP_OK);
    CP_ASSERT_STATUS(cp_bgnbd_fit(col(cdnow.x), col(cdnow.tx), col(cdnow.T), col(two), NCDNOW, p2, &ll2), CP_OK);
    for (int j = 0; j < 4; j++) {
        CP_ASSERT_REL(pc[j], pf[j], 1e-12);
        CP_ASSERT_REL(p2[j], pf[j], 1e-6);
    }
    CP_ASSERT_REL(llc, llf, 1e-13);
    CP_ASSERT_REL(ll2, 2 * llf, 1e-12);

    CP_ASSERT_STATUS(cp_pnbd_fit(col(cdnow.x), col(cdnow.tx), col(cdnow.T), NONE, NCDNOW, pf, &llf), CP_OK);
    CP_ASSERT_STATUS(cp_pnbd_fit(col(ux), col(utx), col(uT), col(uc), (size_t)nu, pc, &llc), CP_OK);
    for (int j = 0; j < 4; j++)
        CP_ASSERT_REL(pc[j], pf[j], 1e-12);
    CP_ASSERT_REL(llc, llf, 1e-13);

    double gf[3], gc[3];
    CP_ASSERT_STATUS(cp_gg_fit(col(cdnow.x), col(cdnow.m), NONE, NCDNOW, gf, &llf, NULL), CP_OK);
    CP_ASSERT_STATUS(cp_gg_fit(col(ux), col(um), col(uc), (size_t)nu, gc, &llc, NULL), CP_OK);
    for (int j = 0; j < 3; j++)
        CP_ASSERT_REL(gc[j], gf[j], 1e-12);
    CP_ASSERT_REL(llc, llf, 1e-13);

    /* Rows with count 0 are left out; fractional counts are weights. */
    double half[3] = {0.5, 0, 2.5}, xs[3] = {1, 3, 2}, txs[3] = {5, 7, 9}, Ts[3] = {20, 20, 30};
    double pa[4] = {0.3, 5, 0.8, 2.5}, l3, l1, l2;
    CP_ASSERT_STATUS(cp_bgnbd_loglik(col(xs), col(txs), col(Ts), col(half), 3, pa, &l3), CP_OK);
    CP_ASSERT_STATUS(cp_bgnbd_loglik(col(xs), col(txs), col(Ts), NONE, 1, pa, &l1), CP_OK);
    CP_ASSERT_STATUS(cp_bgnbd_loglik(col(xs + 2), col(txs + 2), col(Ts + 2), NONE, 1, pa, &l2), CP_OK);
    CP_ASSERT_REL(l3, 0.5 * l1 + 2.5 * l2, 1e-14);
}

/* Measuring time in days instead of weeks scales alpha and beta by 7,
 * leaves r, a, b, s alone and moves the log-likelihood by -sum(x) ln 7 (the
 * lambda^x of the purchase-time density); predictions do not change. */
static void test_time_units(void)
{
    if (!load_cdnow())
        return;
    static double dtx[NCDNOW], dT[NCDNOW];
    double sx = 0;
    for (int i = 0; i < NCDNOW; i++) {
        dtx[i] = 7 * cdnow.tx[i];
        dT[i] = 7 * cdnow.T[i];
        sx += cdnow.x[i];
    }
    double pw[4], pd[4], llw, lld;
    CP_ASSERT_STATUS(cp_bgnbd_fit(col(cdnow.x), col(cdnow.tx), col(cdnow.T), NONE, NCDNOW, pw, &llw), CP_OK);
    CP_ASSERT_STATUS(cp_bgnbd_fit(col(cdnow.x), col(dtx), col(dT), NONE, NCDNOW, pd, &lld), CP_OK);
    CP_ASSERT_REL(pd[0], pw[0], 1e-7);
    CP_ASSERT_REL(pd[1], 7 * pw[1], 1e-7);
    CP_ASSERT_REL(pd[2], pw[2], 1e-7);
    CP_ASSERT_REL(pd[3], pw[3], 1e-7);
    CP_ASSERT_REL(lld, llw - sx * log(7.0), 1e-12);
    double tw = 39, td = 273, ew, ed;
    cp_bgnbd_purchases(one(&tw), col(cdnow.x), col(cdnow.tx), col(cdnow.T), 1, pw, &ew, 1);
    cp_bgnbd_purchases(one(&td), col(cdnow.x), col(dtx), col(dT), 1, pd, &ed, 1);
    CP_ASSERT_REL(ed, ew, 1e-7);

    CP_ASSERT_STATUS(cp_pnbd_fit(col(cdnow.x), col(cdnow.tx), col(cdnow.T), NONE, NCDNOW, pw, &llw), CP_OK);
    CP_ASSERT_STATUS(cp_pnbd_fit(col(cdnow.x), col(dtx), col(dT), NONE, NCDNOW, pd, &lld), CP_OK);
    CP_ASSERT_REL(pd[0], pw[0], 1e-7);
    CP_ASSERT_REL(pd[1], 7 * pw[1], 1e-7);
    CP_ASSERT_REL(pd[2], pw[2], 1e-7);
    CP_ASSERT_REL(pd[3], 7 * pw[3], 1e-7);
    CP_ASSERT_REL(lld, llw - sx * log(7.0), 1e-12);
}

/* A book simulated from known BG/NBD parameters gives them back. */
static void test_bgnbd_recovers_simulation(void)
{
    enum { N = 50000 };
    static double x[N], tx[N], T[N];
    const double r = 0.6, alpha = 8.0, a = 0.9, b = 3.0;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 20261125);
    for (int i = 0; i < N; i++) {
        /* first purchases spread over 12 weeks, observed to week 52 */
        T[i] = 52.0 - 12.0 * gsl_rng_uniform(rng);
        double lambda = gsl_ran_gamma(rng, r, 1.0 / alpha), p = gsl_ran_beta(rng, a, b);
        double t = 0.0;
        x[i] = tx[i] = 0.0;
        for (;;) {
            t += gsl_ran_exponential(rng, 1.0 / lambda);
            if (t > T[i])
                break;
            x[i] += 1.0;
            tx[i] = t;
            if (gsl_rng_uniform(rng) < p)
                break;
        }
    }
    gsl_rng_free(rng);
    double p[4], ll;
    CP_ASSERT_STATUS(cp_bgnbd_fit(col(x), col(tx), col(T), NONE, N, p, &ll), CP_OK);
    /* Over 8 other seeds the estimates scattered around the truth with
     * standard deviations of about 1% (r), 1.4% (alpha), 3.3% (a) and 4.5%
     * (b); the tolerances are about 3 of those. */
    CP_ASSERT_REL(p[0], r, 0.04);
    CP_ASSERT_REL(p[1], alpha, 0.05);
    CP_ASSERT_REL(p[2], a, 0.10);
    CP_ASSERT_REL(p[3], b, 0.15);
}

/* A spend book simulated from known gamma-gamma parameters gives them
 * back: nu ~ Gamma(q, rate gamma) per customer, each of x purchases
 * ~ Gamma(p, rate nu), m their mean. */
static void test_gg_recovers_simulation(void)
{
    enum { N = 20000 };
    static double x[N], m[N];
    const double p = 6.0, q = 4.0, gamma = 15.0;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 20261125);
    for (int i = 0; i < N; i++) {
        x[i] = 1.0 + (double)gsl_ran_poisson(rng, 2.0);
        const double nu = gsl_ran_gamma(rng, q, 1.0 / gamma);
        double sum = 0.0;
        for (int k = 0; k < (int)x[i]; k++)
            sum += gsl_ran_gamma(rng, p, 1.0 / nu);
        m[i] = sum / x[i];
    }
    gsl_rng_free(rng);
    double g[3], ll;
    CP_ASSERT_STATUS(cp_gg_fit(col(x), col(m), NONE, N, g, &ll, NULL), CP_OK);
    /* Over 7 seeds p and gamma trade off (standard deviations 7.5% and
     * 10%) while q (2.3%) and the mean spend p gamma / (q - 1) (0.5%) are
     * tight; the tolerances are about 3 of those. */
    CP_ASSERT_REL(g[0], p, 0.25);
    CP_ASSERT_REL(g[1], q, 0.08);
    CP_ASSERT_REL(g[2], gamma, 0.30);
    CP_ASSERT_REL(g[0] * g[2] / (g[1] - 1.0), p * gamma / (q - 1.0), 0.02);
}

/* ---- no maximum, no number ---------------------------------------------------- */

static void test_no_convergence(void)
{
    /* Nobody ever repurchased: the likelihood rises towards r -> 0, there
     * is no maximum-likelihood estimate. */
    double x[6] = {0, 0, 0, 0, 0, 0}, tx[6] = {0, 0, 0, 0, 0, 0}, T[6] = {5, 10, 20, 30, 40, 50};
    double p[4] = {-1, -1, -1, -1}, ll = -1, g[3];
    CP_ASSERT_STATUS(cp_bgnbd_fit(col(x), col(tx), col(T), NONE, 6, p, &ll), CP_ENOCONV);
    CU_ASSERT(p[0] == -1 && ll == -1); /* nothing written */
    CP_ASSERT_STATUS(cp_pnbd_fit(col(x), col(tx), col(T), NONE, 6, p, &ll), CP_ENOCONV);
    /* Every repeat buyer spends exactly the same: the spread of spend
     * tends to 0 (p -> inf), no estimate. */
    double gx[4] = {1, 2, 3, 4}, gm[4] = {10, 10, 10, 10};
    CP_ASSERT_STATUS(cp_gg_fit(col(gx), col(gm), NONE, 4, g, &ll, NULL), CP_ENOCONV);
}

/* A small book whose BG/NBD likelihood has no maximum: 40 customers
 * simulated from the BG/NBD process (Python's random.Random(3): T = 20 +
 * i % 19, lambda ~ Gamma(0.25, scale 1/4.4), p ~ Beta(0.8, 2.4), purchases
 * at exponential gaps until T, dropping out with probability p after each,
 * t_x rounded to 2 decimals).  Its likelihood keeps rising as a and b grow
 * together (a / (a + b) near 0.27): towards one drop-out probability for
 * everyone, the limit a, b -> inf of the beta distribution, which is not a
 * BG/NBD parameter.  CP_ENOCONV (Err:523) is the right answer, not a
 * failure of the search.
 *
 * Independent computation: along a + b = S = 10 ... 1e6, r, alpha and
 * a / (a + b) maximised by a Nelder-Mead search on eq. 6 in Python (plain
 * floats), then the log-likelihood at those points (rounded to 6 digits)
 * evaluated by mpmath at 40 digits from eq. 6 (ln Beta through loggamma).
 * The limit model (drop-out probability pi for everyone: B(a, b+x)/B(a, b)
 * -> (1-pi)^x, B(a+1, b+x-1)/B(a, b) -> pi (1-pi)^(x-1)) has its maximum
 * -158.067540933 at r 0.27236, alpha 3.1015, pi 0.27043 (same search). */
static void test_bgnbd_boundary(void)
{
    static const double book[40][3] = {
        {1, 12.79, 20}, {0, 0, 21}, {3, 21.94, 22}, {0, 0, 23}, {0, 0, 24}, {1, 4.67, 25},
        {3, 17.08, 26}, {2, 10.04, 27}, {0, 0, 28}, {2, 1.92, 29}, {1, 0.45, 30}, {0, 0, 31},
        {4, 29.58, 32}, {1, 13.86, 33}, {0, 0, 34}, {0, 0, 35}, {0, 0, 36}, {8, 9.1, 37},
        {2, 32.25, 38}, {1, 11.21, 20}, {0, 0, 21}, {1, 12.87, 22}, {0, 0, 23}, {0, 0, 24},
        {0, 0, 25}, {1, 24.35, 26}, {0, 0, 27}, {0, 0, 28}, {3, 24.31, 29}, {1, 3.11, 30},
        {0, 0, 31}, {0, 0, 32}, {3, 8.35, 33}, {0, 0, 34}, {0, 0, 35}, {0, 0, 36},
        {0, 0, 37}, {1, 36.33, 38}, {0, 0, 20}, {1, 0.42, 21},
    };
    /* r, alpha, a, b at S = a + b = 10, 100, ..., 1e6, and mpmath's LL */
    static const double profile[6][5] = {
        {0.270967, 3.04308, 3.02891, 6.97109, -158.23479032884831946},
        {0.272143, 3.09265, 27.4521, 72.5479, -158.08244052835178125},
        {0.272338, 3.10057, 270.851, 729.149, -158.06899776129615102},
        {0.272359, 3.10141, 2704.71, 7295.29, -158.06768626153640351},
        {0.272358, 3.10146, 27043.2, 72956.8, -158.06755546291984942},
        {0.272361, 3.10153, 270420.0, 729580.0, -158.0675423913599829},
    };
    cp_column x = {&book[0][0], 3}, tx = {&book[0][1], 3}, T = {&book[0][2], 3};
    double p[4], ll, prev = -INFINITY;
    CP_ASSERT_STATUS(cp_bgnbd_fit(x, tx, T, NONE, 40, p, &ll), CP_ENOCONV);
    for (int k = 0; k < 6; k++) {
        CP_ASSERT_STATUS(cp_bgnbd_loglik(x, tx, T, NONE, 40, profile[k], &ll), CP_OK);
        CP_ASSERT_REL(ll, profile[k][4], 1e-12);
        CU_ASSERT(ll > prev && ll < -158.0675409);
        prev = ll;
    }
}

/* The same for Pareto/NBD (seed 6 of the same simulation): the likelihood
 * keeps rising as s and beta grow together (s / beta = 0.0404, r and alpha
 * held at 0.716097 and 9.63763), towards one death rate for everyone.
 * The fit used to accept a point out on this ridge (s 1.5e8, beta 3.6e9:
 * its Hessian passed the curvature test); it now probes the flattest
 * direction and reports CP_ENOCONV.  Independent values: mpmath at 40
 * digits, eq. 18 with s/(r+s+x) A0 = s I, I the integral over the time of
 * death in (t_x, T) by mpmath.quad (checked against the 2F1 form of
 * tests/mpmath_models.py at CDNOW's parameters). */
static void test_pnbd_boundary(void)
{
    static const double book[40][3] = {
        {0, 0, 20}, {1, 10.08, 21}, {1, 19.41, 22}, {1, 8.51, 23}, {1, 16.01, 24}, {0, 0, 25},
        {0, 0, 26}, {0, 0, 27}, {1, 0.93, 28}, {3, 13.38, 29}, {2, 16.65, 30}, {2, 7.75, 31},
        {0, 0, 32}, {0, 0, 33}, {0, 0, 34}, {0, 0, 35}, {0, 0, 36}, {0, 0, 37},
        {0, 0, 38}, {0, 0, 20}, {1, 1.98, 21}, {0, 0, 22}, {1, 16.1, 23}, {0, 0, 24},
        {0, 0, 25}, {7, 22.26, 26}, {4, 17.11, 27}, {0, 0, 28}, {0, 0, 29}, {2, 1.69, 30},
        {0, 0, 31}, {0, 0, 32}, {4, 31.98, 33}, {1, 2.61, 34}, {0, 0, 35}, {3, 14.96, 36},
        {0, 0, 37}, {0, 0, 38}, {4, 19.65, 20}, {9, 20.7, 21},
    };
    static const double s_values[5] = {1e2, 1e4, 1e6, 1e8, 1e10};
    static const double mpmath_ll[5] = {
        -175.73422062915916811, -175.73333914528068052, -175.7333309719710757,
        -175.73333089030287835, -175.73333088948620287,
    };
    cp_column x = {&book[0][0], 3}, tx = {&book[0][1], 3}, T = {&book[0][2], 3};
    double p[4], ll, prev = -INFINITY;
    CP_ASSERT_STATUS(cp_pnbd_fit(x, tx, T, NONE, 40, p, &ll), CP_ENOCONV);
    for (int k = 0; k < 5; k++) {
        const double q[4] = {0.716097, 9.63763, s_values[k], s_values[k] * (3.64404e9 / 1.47243e8)};
        CP_ASSERT_STATUS(cp_pnbd_loglik(x, tx, T, NONE, 40, q, &ll), CP_OK);
        CP_ASSERT_REL(ll, mpmath_ll[k], 1e-13);
        CU_ASSERT(ll > prev);
        prev = ll;
    }
}

/* And for gamma-gamma (seed 1 of the same simulation, whose monetary value
 * is 10 + i % 30: one fixed amount per customer, no spread between a
 * customer's purchases).  The likelihood keeps rising as p grows with
 * p gamma fixed, towards purchases without spread around each customer's
 * own mean (p -> inf).  Independent computation: q and p gamma maximised
 * at each p by a Nelder-Mead search in Python (floats, eq. 1a), the
 * log-likelihood there by mpmath at 40 digits (eq. 1a with loggamma). */
static void test_gg_boundary(void)
{
    static const double book[20][2] = {
        {2, 11}, {7, 12}, {2, 13}, {1, 15}, {1, 16}, {1, 18}, {1, 20}, {2, 21}, {3, 24}, {1, 28},
        {3, 30}, {1, 31}, {6, 32}, {1, 33}, {1, 13}, {1, 14}, {1, 15}, {5, 16}, {1, 17}, {1, 19},
    };
    /* p, q, p gamma, mpmath's LL */
    static const double profile[7][4] = {
        {10, 12.8697, 237.828, -66.680389036545573622},
        {1e2, 9.55097, 170.371, -65.316444722788826727},
        {1e3, 9.242, 164.097, -65.183422565017793552},
        {1e4, 9.21146, 163.476, -65.170173009249954643},
        {1e5, 9.2083, 163.413, -65.168848596357894978},
        {1e6, 9.20823, 163.41, -65.168716162136956433},
        {1e7, 9.21003, 163.434, -65.168703402148720181},
    };
    cp_column x = {&book[0][0], 2}, m = {&book[0][1], 2};
    double g[3], ll, prev = -INFINITY;
    CP_ASSERT_STATUS(cp_gg_fit(x, m, NONE, 20, g, &ll, NULL), CP_ENOCONV);
    for (int k = 0; k < 7; k++) {
        const double q[3] = {profile[k][0], profile[k][1], profile[k][2] / profile[k][0]};
        CP_ASSERT_STATUS(cp_gg_loglik(x, m, NONE, 20, q, &ll), CP_OK);
        CP_ASSERT_REL(ll, profile[k][3], 1e-12);
        CU_ASSERT(ll > prev);
        prev = ll;
    }
}

/* ---- strides, broadcasting -------------------------------------------------- */

static void test_strides(void)
{
    /* customers in a row-major table of 5 columns (x, t_x, T, m, pad);
     * results written with stride 3 */
    const double tab[3 * 5] = {
        2, 30.43, 38.86, 22.35, -1,
        0, 0, 38.86, 0, -1,
        5, 20, 20, 30, -1,
    };
    /* horizons in a column of stride 2 */
    const double hz[6] = {39, -1, 39, -1, 10, -1};
    const double p[4] = {0.2426, 4.414, 0.7929, 2.426};
    cp_column x = {tab, 5}, tx = {tab + 1, 5}, T = {tab + 2, 5}, t = {hz, 2};
    double out[9], one_by_one;
    for (int i = 0; i < 9; i++)
        out[i] = -7;
    CP_ASSERT_STATUS(cp_bgnbd_purchases(t, x, tx, T, 3, p, out, 3), CP_OK);
    for (int i = 0; i < 3; i++) {
        CP_ASSERT_STATUS(cp_bgnbd_purchases(one(hz + 2 * i), one(tab + 5 * i), one(tab + 5 * i + 1),
                                            one(tab + 5 * i + 2), 1, p, &one_by_one, 1), CP_OK);
        CU_ASSERT(out[3 * i] == one_by_one);
        CU_ASSERT(out[3 * i + 1] == -7 && out[3 * i + 2] == -7);
    }
    CP_ASSERT_REL(out[0], bg_cases[0].expected, 1e-14);
    CP_ASSERT_REL(out[3], bg_cases[1].expected, 1e-14);
    CP_ASSERT_REL(out[6], bg_cases[3].expected, 1e-14);
    const double pp[4] = {0.553, 10.578, 0.606, 11.669};
    CP_ASSERT_STATUS(cp_pnbd_palive(x, tx, T, 3, pp, out, 3), CP_OK);
    CP_ASSERT_REL(out[0], pnbd_cases[0].palive, 1e-14);
    CP_ASSERT_REL(out[3], pnbd_cases[1].palive, 1e-14);
    CP_ASSERT_REL(out[6], pnbd_cases[3].palive, 1e-14);
    const double g[3] = {6.25, 3.74, 15.44};
    cp_column m = {tab + 3, 5};
    CP_ASSERT_STATUS(cp_gg_spend(x, m, 3, g, out, 3), CP_OK);
    CP_ASSERT_REL(out[0], 24.663713910761154856, 1e-14);
    CP_ASSERT_STATUS(cp_clv(x, tx, T, m, 3, p, g, 12, 0.01, 4.345, out, 3), CP_OK);
    CP_ASSERT_REL(out[0], 36.286560104094488876, 1e-12);
}

/* ---- every error path ---------------------------------------------------------- */

static void test_errors(void)
{
    const double p[4] = {0.2426, 4.414, 0.7929, 2.426}, g[3] = {6.25, 3.74, 15.44};
    const double ok_x = 2, ok_tx = 30, ok_T = 38, t = 10, m = 20;
    double out, ll, pf[4], gf[3];
    /* rows outside the domain: (x, t_x, T) */
    static const double bad[][3] = {
        {-1, 0, 5}, {1.5, 1, 5}, {2, 6, 5}, {0, 1, 5}, {2, -1, 5},
        {NAN, 1, 5}, {2, NAN, 5}, {2, 1, NAN}, {INFINITY, 1, 5}, {2, 1, INFINITY},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        cp_column x = one(&bad[k][0]), tx = one(&bad[k][1]), T = one(&bad[k][2]);
        CP_ASSERT_STATUS(cp_bgnbd_palive(x, tx, T, 1, p, &out, 1), CP_EINVAL);
        CP_ASSERT_STATUS(cp_bgnbd_purchases(one(&t), x, tx, T, 1, p, &out, 1), CP_EINVAL);
        CP_ASSERT_STATUS(cp_pnbd_palive(x, tx, T, 1, p, &out, 1), CP_EINVAL);
        CP_ASSERT_STATUS(cp_pnbd_purchases(one(&t), x, tx, T, 1, p, &out, 1), CP_EINVAL);
        CP_ASSERT_STATUS(cp_bgnbd_fit(x, tx, T, NONE, 1, pf, &ll), CP_EINVAL);
        CP_ASSERT_STATUS(cp_pnbd_fit(x, tx, T, NONE, 1, pf, &ll), CP_EINVAL);
        CP_ASSERT_STATUS(cp_bgnbd_loglik(x, tx, T, NONE, 1, p, &ll), CP_EINVAL);
        CP_ASSERT_STATUS(cp_clv(x, tx, T, one(&m), 1, p, g, 12, 0.01, 30, &out, 1), CP_EINVAL);
    }
    cp_column x = one(&ok_x), tx = one(&ok_tx), T = one(&ok_T);
    /* horizons */
    const double bad_t[3] = {-1, NAN, INFINITY};
    for (int k = 0; k < 3; k++) {
        CP_ASSERT_STATUS(cp_bgnbd_purchases(one(&bad_t[k]), x, tx, T, 1, p, &out, 1), CP_EINVAL);
        CP_ASSERT_STATUS(cp_pnbd_purchases(one(&bad_t[k]), x, tx, T, 1, p, &out, 1), CP_EINVAL);
    }
    /* parameters: 0, negative, NaN, infinite in each place */
    const double bad_v[4] = {0, -1, NAN, INFINITY};
    for (int j = 0; j < 4; j++)
        for (int k = 0; k < 4; k++) {
            double q[4] = {p[0], p[1], p[2], p[3]};
            q[j] = bad_v[k];
            CP_ASSERT_STATUS(cp_bgnbd_palive(x, tx, T, 1, q, &out, 1), CP_EDOM);
            CP_ASSERT_STATUS(cp_bgnbd_purchases(one(&t), x, tx, T, 1, q, &out, 1), CP_EDOM);
            CP_ASSERT_STATUS(cp_pnbd_palive(x, tx, T, 1, q, &out, 1), CP_EDOM);
            CP_ASSERT_STATUS(cp_pnbd_purchases(one(&t), x, tx, T, 1, q, &out, 1), CP_EDOM);
            CP_ASSERT_STATUS(cp_bgnbd_loglik(x, tx, T, NONE, 1, q, &ll), CP_EDOM);
            CP_ASSERT_STATUS(cp_clv(x, tx, T, one(&m), 1, q, g, 12, 0.01, 30, &out, 1), CP_EDOM);
            if (j < 3) {
                double h[3] = {g[0], g[1], g[2]};
                h[j] = bad_v[k];
                CP_ASSERT_STATUS(cp_gg_spend(x, one(&m), 1, h, &out, 1), CP_EDOM);
                CP_ASSERT_STATUS(cp_clv(x, tx, T, one(&m), 1, p, h, 12, 0.01, 30, &out, 1), CP_EDOM);
            }
        }
    /* p x + q - 1 <= 0: no expected spend (x = 0 needs q > 1) */
    const double g_low[3] = {0.1, 0.5, 10}, zero = 0;
    CP_ASSERT_STATUS(cp_gg_spend(one(&zero), one(&m), 1, g_low, &out, 1), CP_EDOM);
    CP_ASSERT_STATUS(cp_clv(one(&zero), one(&zero), T, one(&m), 1, p, g_low, 12, 0.01, 30, &out, 1),
                     CP_EDOM);
    /* spend rows: negative or non-finite monetary, x not whole */
    const double neg = -1, frac = 0.5;
    CP_ASSERT_STATUS(cp_gg_spend(x, one(&neg), 1, g, &out, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_gg_spend(one(&frac), one(&m), 1, g, &out, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_gg_spend(x, one(&bad_t[1]), 1, g, &out, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_clv(x, tx, T, one(&neg), 1, p, g, 12, 0.01, 30, &out, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_gg_fit(one(&frac), one(&m), NONE, 1, gf, &ll, NULL), CP_EINVAL);
    CP_ASSERT_STATUS(cp_gg_fit(x, one(&bad_t[1]), NONE, 1, gf, &ll, NULL), CP_EINVAL);
    /* CLV options */
    CP_ASSERT_STATUS(cp_clv(x, tx, T, one(&m), 1, p, g, 0, 0.01, 30, &out, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_clv(x, tx, T, one(&m), 1, p, g, 1201, 0.01, 30, &out, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_clv(x, tx, T, one(&m), 1, p, g, 12, -1, 30, &out, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_clv(x, tx, T, one(&m), 1, p, g, 12, NAN, 30, &out, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_clv(x, tx, T, one(&m), 1, p, g, 12, 0.01, 0, &out, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_clv(x, tx, T, one(&m), 1, p, g, 12, 0.01, -4, &out, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_clv(x, tx, T, one(&m), 1, p, g, 12, 0.01, INFINITY, &out, 1), CP_EINVAL);
    /* a discount close to -1 over 1200 months overflows: invalid, not inf */
    CP_ASSERT_STATUS(cp_clv(x, tx, T, one(&m), 1, p, g, 1200, -0.9, 30, &out, 1), CP_EINVAL);
    /* counts */
    const double neg_count = -1, nan_count = NAN, zero_count = 0;
    CP_ASSERT_STATUS(cp_bgnbd_fit(x, tx, T, one(&neg_count), 1, pf, &ll), CP_EINVAL);
    CP_ASSERT_STATUS(cp_pnbd_fit(x, tx, T, one(&nan_count), 1, pf, &ll), CP_EINVAL);
    CP_ASSERT_STATUS(cp_gg_fit(x, one(&m), one(&neg_count), 1, gf, &ll, NULL), CP_EINVAL);
    CP_ASSERT_STATUS(cp_bgnbd_fit(x, tx, T, one(&zero_count), 1, pf, &ll), CP_EEMPTY);
    /* nothing to fit */
    CP_ASSERT_STATUS(cp_bgnbd_fit(x, tx, T, NONE, 0, pf, &ll), CP_EEMPTY);
    CP_ASSERT_STATUS(cp_pnbd_fit(x, tx, T, NONE, 0, pf, &ll), CP_EEMPTY);
    CP_ASSERT_STATUS(cp_bgnbd_palive(x, tx, T, 0, p, &out, 1), CP_EEMPTY);
    CP_ASSERT_STATUS(cp_gg_fit(one(&zero), one(&m), NONE, 1, gf, &ll, NULL), CP_EEMPTY);
    CP_ASSERT_STATUS(cp_gg_fit(x, one(&neg), NONE, 1, gf, &ll, NULL), CP_EEMPTY);
    CP_ASSERT_STATUS(cp_clv(x, tx, T, one(&m), 0, p, g, 12, 0.01, 30, &out, 1), CP_EEMPTY);
    /* NULL pointers */
    CP_ASSERT_STATUS(cp_bgnbd_fit(x, tx, T, NONE, 1, NULL, &ll), CP_EINVAL);
    CP_ASSERT_STATUS(cp_bgnbd_fit(x, tx, T, NONE, 1, pf, NULL), CP_EINVAL);
    CP_ASSERT_STATUS(cp_bgnbd_palive(NONE, tx, T, 1, p, &out, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_bgnbd_palive(x, tx, T, 1, NULL, &out, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_pnbd_purchases(NONE, x, tx, T, 1, p, &out, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_pnbd_palive(x, tx, T, 1, p, NULL, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_gg_spend(x, NONE, 1, g, &out, 1), CP_EINVAL);
    CP_ASSERT_STATUS(cp_clv(x, tx, T, one(&m), 1, p, g, 12, 0.01, 30, NULL, 1), CP_EINVAL);
    /* an invalid row anywhere in a column rejects the whole call, and
     * nothing is written */
    double xs[3] = {1, 2, 3}, txs[3] = {1, 2, 9}, Ts[3] = {5, 5, 5}, outs[3] = {-7, -7, -7};
    CP_ASSERT_STATUS(cp_bgnbd_palive(col(xs), col(txs), col(Ts), 3, p, outs, 1), CP_EINVAL);
    CU_ASSERT(outs[0] == -7 && outs[1] == -7 && outs[2] == -7);
}

static CU_TestInfo tests[] = {
    {"special", test_special},
    {"bgnbd_references", test_bgnbd_references},
    {"pnbd_references", test_pnbd_references},
    {"removable_singularities", test_removable_singularities},
    {"expectation_shape", test_expectation_shape},
    {"overflow", test_overflow},
    {"gg_references", test_gg_references},
    {"clv_references", test_clv_references},
    {"bgnbd_cdnow", test_bgnbd_cdnow},
    {"pnbd_cdnow", test_pnbd_cdnow},
    {"gg_cdnow", test_gg_cdnow},
    {"count_column", test_count_column},
    {"time_units", test_time_units},
    {"bgnbd_recovers_simulation", test_bgnbd_recovers_simulation},
    {"gg_recovers_simulation", test_gg_recovers_simulation},
    {"no_convergence", test_no_convergence},
    {"bgnbd_boundary", test_bgnbd_boundary},
    {"pnbd_boundary", test_pnbd_boundary},
    {"gg_boundary", test_gg_boundary},
    {"strides", test_strides},
    {"errors", test_errors},
    CU_TEST_INFO_NULL,
};

cp_suite models_suite = {"models", tests};
