#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""High-precision reference values for tests/cu_models.c (run by hand, once).

    apt-get install python3-mpmath        # mpmath 1.2.1 on Debian 12
    /usr/bin/python3 tests/mpmath_models.py

The test suite does not depend on mpmath: the values printed here were
pasted into tests/cu_models.c next to the expression that produced them.

Every value comes from the textbook closed forms, evaluated at 100 digits
with mpmath's arbitrary-precision 2F1 - a representation independent of
the core, which avoids 2F1 altogether (its BG/NBD expectation is a negative
binomial series or an integral over p, its Pareto/NBD likelihood a series
of definite power integrals or an integral over time):

  BG/NBD (Fader, Hardie and Lee 2005):
    L      eq. 6;  P(alive) eq. 13;
    E[Y(t)] eq. 10 = (a+b+x-1)/(a-1) [1 - ((al+T)/(al+T+t))^(r+x)
                     2F1(r+x, b+x; a+b+x-1; t/(al+T+t))] / D,
             D = 1 + [x>0] a/(b+x-1) ((al+T)/(al+tx))^(r+x).
    At a = 1 (and at a+b+x-1 = 0) the closed form is 0/0; there a is
    moved by 1e-25 (resp. b by 1e-25), which changes the value by O(1e-25).
  Pareto/NBD (Fader and Hardie 2005 note):
    L eq. 18-20 (A0 from 2F1 with the argument (|al-be|)/(max+t)),
    P(alive) = 1 / (1 + s/(r+s+x) (al+T)^(r+x) (be+T)^s A0),
    E[Y(t)] = (r+x)(be+T)/((al+T)(s-1)) [1 - ((be+T)/(be+T+t))^(s-1)] P(alive),
    at s = 1 its limit (r+x)(be+T)/(al+T) ln((be+T+t)/(be+T)) P(alive).
  Gamma-gamma (Fader and Hardie 2013): ln f eq. 1a; E[Z] = p(g + x m)/(px+q-1).
  CLV: sum_k E[Z] (E[Y(k u)] - E[Y((k-1) u)]) / (1+d)^k with E[Y] as above.
  lnpoch and digamma differences: loggamma(a+x) - loggamma(a),
  digamma(a+x) - digamma(a).
"""
from mpmath import mp, mpf, hyp2f1, loggamma, log, exp, beta as B, nstr, digamma

mp.dps = 100


def bg(params, x, tx, T, t):
    r, al, a, b = map(mpf, params)
    x, tx, T, t = mpf(x), mpf(tx), mpf(T), mpf(t)
    if a == 1:
        a += mpf("1e-25")
    if a + b + x - 1 == 0:
        b += mpf("1e-25")
    A = B(a, b + x) / B(a, b) * exp(loggamma(r + x) - loggamma(r)) * al ** r / (al + T) ** (r + x)
    if x > 0:
        A += B(a + 1, b + x - 1) / B(a, b) * exp(loggamma(r + x) - loggamma(r)) * al ** r / (al + tx) ** (r + x)
    D = 1 + (a / (b + x - 1) * ((al + T) / (al + tx)) ** (r + x) if x > 0 else 0)
    E = (a + b + x - 1) / (a - 1) * (1 - ((al + T) / (al + T + t)) ** (r + x)
                                     * hyp2f1(r + x, b + x, a + b + x - 1, t / (al + T + t))) / D
    return log(A), 1 / D, E


def pnbd(params, x, tx, T, t):
    r, al, s, be = map(mpf, params)
    x, tx, T, t = mpf(x), mpf(tx), mpf(T), mpf(t)
    m = r + s + x
    if al >= be:
        F = lambda y: hyp2f1(m, s + 1, m + 1, (al - be) / (al + y)) / (al + y) ** m
    else:
        F = lambda y: hyp2f1(m, r + x, m + 1, (be - al) / (be + y)) / (be + y) ** m
    A0 = F(tx) - F(T)
    L = exp(loggamma(r + x) - loggamma(r)) * al ** r * be ** s * (
        1 / ((al + T) ** (r + x) * (be + T) ** s) + s / m * A0)
    P = 1 / (1 + s / m * (al + T) ** (r + x) * (be + T) ** s * A0)
    if s == 1:
        E = (r + x) * (be + T) / (al + T) * log((be + T + t) / (be + T)) * P
    else:
        E = (r + x) * (be + T) / ((al + T) * (s - 1)) * (1 - ((be + T) / (be + T + t)) ** (s - 1)) * P
    return log(L), P, E


def gg(params, x, m):
    p, q, g = map(mpf, params)
    x, m = mpf(x), mpf(m)
    lf = (loggamma(p * x + q) - loggamma(p * x) - loggamma(q) + q * log(g) + (p * x - 1) * log(m)
          + p * x * log(x) - (p * x + q) * log(g + x * m))
    return lf, p * (g + x * m) / (p * x + q - 1)


CDNOW_BG = ("0.2426", "4.414", "0.7929", "2.426")
CDNOW_PNBD = ("0.553", "10.578", "0.606", "11.669")

BG_CASES = [
    (CDNOW_BG, 2, "30.43", "38.86", 39),           # customer 1
    (CDNOW_BG, 0, 0, "38.86", 39),                  # never came back
    (CDNOW_BG, 10000, 364, 365, 52),               # 10,000 repeat purchases
    (CDNOW_BG, 5, 20, 20, 10),                     # t_x = T
    (CDNOW_BG, 1, "1e-7", "1e-6", 1),              # T near 0
    (CDNOW_BG, 0, 0, 0, 39),                       # T = 0
    (CDNOW_BG, 2, 0, 0, 39),                       # T = 0 with repeat purchases
    (CDNOW_BG, 3, 5000, 100000, 100000),           # very long history and horizon
    (("0.5", "3", "1", "2.5"), 4, 20, 30, 25),     # a = 1 (removable singularity)
    (("1e-4", "1e-3", "1e-3", "1e-2"), 2, 10, 30, 30),   # tiny parameters
    (("1e4", "1e5", "50", "1e4"), 7, 20, 30, 100),       # huge parameters
    (("0.7", "2", "0.3", "0.7"), 0, 0, 15, 8),     # a + b + x - 1 = 0
    (CDNOW_BG, 2, "30.43", "38.86", 10000),        # horizon 250 x (alpha + T)
    (CDNOW_BG, 10000, 364, 365, 5000),             # both at once
    (("0.5", "3", "0.01", "2.5"), 0, 0, 10, 100000),          # tiny a, horizon 7,700 (alpha+T)
    (("1e-3", "1", "0.005", "0.1"), 2, 5, 10, 10000),         # tiny r and a
    (("6.7", "0.291", "0.00643", "2.41"), 568, "0.0272", "0.0364", 820000),  # huge k w
    (("0.0018066213018688132", "15.2669150402583", "237.44699331211586", "535.0884664101965"),
     1, "134.62504439472383", "139.3624251834983", "1591.8988969110649"),  # 50 digits were too few
    (("1e-4", "1e-11", "1", "1"), 0, 0, "1e300", 39),                # T / alpha overflows a double
    (("1e-4", "1e-11", "1", "1"), 3, "1e299", "1e300", "1e300"),     # ... with repeat purchases
    (("1e-10", "1e-10", "1e-10", "1e-10"), 3, 10, 20, 30),           # the fit's box: e^-23
    (("5e10", "5e10", "5e10", "5e10"), 3, 10, 20, 30),               # the fit's box: e^24.6
]

PNBD_CASES = [
    (CDNOW_PNBD, 2, "30.43", "38.86", 39),
    (CDNOW_PNBD, 0, 0, "38.86", 39),
    (CDNOW_PNBD, 10000, 364, 365, 52),
    (CDNOW_PNBD, 5, 20, 20, 10),
    (CDNOW_PNBD, 1, "1e-7", "1e-6", 1),
    (CDNOW_PNBD, 0, 0, 0, 39),
    (CDNOW_PNBD, 2, 0, 0, 39),
    (CDNOW_PNBD, 3, 5000, 100000, 100000),
    (("0.5", "10", "1", "12"), 4, 20, 30, 25),            # s = 1
    (("0.5", "100", "0.8", "0.01"), 3, 5, 40, 20),        # beta << alpha: z near 1
    (("0.5", "0.01", "0.8", "100"), 3, 5, 40, 20),        # alpha << beta
    (("1e-3", "1e-3", "1e-3", "1e-3"), 2, 10, 30, 30),    # tiny, alpha = beta
    (("1e3", "1e4", "1e3", "1e4"), 7, 20, 30, 100),       # huge
    (("0.5", "10", "0.8", "10"), 3, 5, 40, 20),           # alpha = beta
    (("2", "0.5", "30", "5"), 40, "39.5", 40, 10),        # s large, z0 large
    (("1e-4", "1e-11", "1e-4", "1e-11"), 0, 0, "1e300", 39),          # T / alpha overflows
    (("1e-4", "1e-11", "1e-4", "1e-11"), 3, "1e299", "1e300", "1e300"),
    (("1e-10", "1e-10", "1e-10", "1e-10"), 3, 10, 20, 30),            # the fit's box: e^-23
    (("5e10", "5e10", "5e10", "5e10"), 3, 10, 20, 30),                # the fit's box: e^24.6
]

GG_CASES = [
    (("6.25", "3.74", "15.44"), 2, "22.35"),
    (("6.25", "3.74", "15.44"), 10000, "5.5"),
    (("1e-3", "2", "1e4"), 1, "1e-3"),
    (("1e3", "1e3", "1e-3"), 3, 40),
]


CLV_CASES = [
    # (BG/NBD params, GG params, x, t_x, T, m, months, monthly discount, units per month)
    (CDNOW_BG, ("6.25", "3.74", "15.44"), 2, "30.43", "38.86", "22.35", 12, "0.01", "4.345"),
    (CDNOW_BG, ("6.25", "3.74", "15.44"), 0, 0, "38.86", 0, 60, "0.02", "4.345"),
    (CDNOW_BG, ("6.25", "3.74", "15.44"), 7, 35, "38.86", "40", 1200, "0.005", "4.345"),
    # the extremes of issue 3: 10,000 purchases, t_x = T, T near 0, tiny and
    # huge parameters (BG/NBD and gamma-gamma)
    (CDNOW_BG, ("6.25", "3.74", "15.44"), 10000, 364, 365, "5.5", 24, "0.01", "4.345"),
    (CDNOW_BG, ("6.25", "3.74", "15.44"), 5, 20, 20, "30", 24, "0.01", "4.345"),
    (CDNOW_BG, ("6.25", "3.74", "15.44"), 1, "1e-7", "1e-6", "30", 24, "0.01", "4.345"),
    (("1e-4", "1e-3", "1e-3", "1e-2"), ("1e-3", "2", "1e4"), 2, 10, 30, "1e-3", 24, "0.01", "4.345"),
    (("1e4", "1e5", "50", "1e4"), ("1e3", "1e3", "1e-3"), 7, 20, 30, "40", 24, "0.01", "4.345"),
]

SPECIAL_CASES = [(1e15, 5), (7e10, 3), (1e5, 0.5), (0.5, 1e4), (3.3, 1e7), (1e-10, 1e4), (45.5, 17.25),
                 (2.5, 40.5), (1e-12, 1)]


def clv(bgp, ggp, x, tx, T, m, months, d, u):
    _, ez = gg(ggp, x, m) if x > 0 else (None, mpf(ggp[0]) * mpf(ggp[2]) / (mpf(ggp[1]) - 1))
    total, prev = mpf(0), mpf(0)
    for k in range(1, months + 1):
        e = bg(bgp, x, tx, T, k * mpf(u))[2]
        total += (e - prev) / (1 + mpf(d)) ** k
        prev = e
    return ez * total


def main():
    import sys
    only = sys.argv[1:]  # e.g. "BG 18": BG_CASES[18:] only
    start = int(only[1]) if len(only) > 1 else 0
    if only:
        table = {"BG": BG_CASES, "PNBD": PNBD_CASES, "CLV": CLV_CASES}[only[0]][start:]
        for case in table:
            v = clv(*case) if only[0] == "CLV" else (bg if only[0] == "BG" else pnbd)(*case)
            print(only[0], case, "\n   ", v if only[0] != "CLV" else nstr(v, 20)) if only[0] == "CLV" else \
                print(only[0], case, "\n   lnL", nstr(v[0], 20), " P", nstr(v[1], 20), " E", nstr(v[2], 20))
        return
    for case in BG_CASES:
        ll, pa, e = bg(*case)
        print("BG", case, "\n   lnL", nstr(ll, 20), " P", nstr(pa, 20), " E", nstr(e, 20))
    for case in PNBD_CASES:
        ll, pa, e = pnbd(*case)
        print("PNBD", case, "\n   lnL", nstr(ll, 20), " P", nstr(pa, 20), " E", nstr(e, 20))
    for case in GG_CASES:
        lf, ez = gg(*case)
        print("GG", case, "\n   lnf", nstr(lf, 20), " E", nstr(ez, 20))
    for case in CLV_CASES:
        print("CLV", case, "\n   ", nstr(clv(*case), 20))
    for a, x in SPECIAL_CASES:
        a, x = mpf(a), mpf(x)
        print("SPECIAL", a, x, nstr(loggamma(a + x) - loggamma(a), 20), nstr(digamma(a + x) - digamma(a), 20))


if __name__ == "__main__":
    main()
