# SPDX-License-Identifier: GPL-3.0-or-later
"""Straightforward Python implementations of the customer-base models.

The independent reference of tests/e2e/test_models.py: written from the
papers' closed forms as FUNCTIONS.md cites them, in plain floating point,
with the Gauss hypergeometric function summed as its defining series - the
representation the C core avoids - so it is meant for moderate arguments
only (the series must converge: |z| < 0.95, checked).  No shared code with
the core, no mpmath or scipy needed.
"""
import math


def hyp2f1(a, b, c, z):
    """The Gauss series sum (a)_n (b)_n / ((c)_n n!) z^n, for |z| < 0.95."""
    if abs(z) >= 0.95:
        raise ValueError("argument too close to 1 for the plain series")
    term, total = 1.0, 1.0
    for n in range(100000):
        term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
        total += term
        if abs(term) < 1e-17 * abs(total) and n > 5:
            return total
    raise ValueError("2F1 series did not converge")


def lgamma_ratio(a, x):
    return math.lgamma(a + x) - math.lgamma(a)


def lbeta(a, b):
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


# ---- BG/NBD: Fader, Hardie and Lee (2005) ------------------------------------

def bg_loglik(params, x, tx, T):
    """ln L of eq. 6 for one customer."""
    r, al, a, b = params
    A1 = lgamma_ratio(r, x) + r * math.log(al)
    A2 = lbeta(a, b + x) - lbeta(a, b)
    A3 = -(r + x) * math.log(al + T)
    if x == 0:
        return A1 + A2 + A3
    A4 = math.log(a) - math.log(b + x - 1) - (r + x) * math.log(al + tx)
    m = max(A3, A4)
    return A1 + A2 + m + math.log(math.exp(A3 - m) + math.exp(A4 - m))


def bg_palive(params, x, tx, T):
    """eq. 13."""
    r, al, a, b = params
    if x == 0:
        return 1.0
    return 1.0 / (1.0 + a / (b + x - 1) * ((al + T) / (al + tx)) ** (r + x))


def bg_purchases(params, t, x, tx, T):
    """eq. 10 (a != 1)."""
    r, al, a, b = params
    z = t / (al + T + t)
    h = hyp2f1(r + x, b + x, a + b + x - 1, z)
    num = (a + b + x - 1) / (a - 1) * (1 - ((al + T) / (al + T + t)) ** (r + x) * h)
    return num * bg_palive(params, x, tx, T)


# ---- Pareto/NBD: Fader and Hardie's note (2005) ---------------------------

def _pnbd_a0(params, x, tx, T):
    """A0 of eq. 19/20 (the positive 2F1 argument)."""
    r, al, s, be = params
    m = r + s + x
    if al >= be:
        F = lambda y: hyp2f1(m, s + 1, m + 1, (al - be) / (al + y)) / (al + y) ** m
    else:
        F = lambda y: hyp2f1(m, r + x, m + 1, (be - al) / (be + y)) / (be + y) ** m
    return F(tx) - F(T)


def pnbd_loglik(params, x, tx, T):
    """ln L of eq. 18."""
    r, al, s, be = params
    m = r + s + x
    L = (1 / ((al + T) ** (r + x) * (be + T) ** s) + s / m * _pnbd_a0(params, x, tx, T))
    return lgamma_ratio(r, x) + r * math.log(al) + s * math.log(be) + math.log(L)


def pnbd_palive(params, x, tx, T):
    r, al, s, be = params
    m = r + s + x
    return 1 / (1 + s / m * (al + T) ** (r + x) * (be + T) ** s * _pnbd_a0(params, x, tx, T))


def pnbd_purchases(params, t, x, tx, T):
    r, al, s, be = params
    p = pnbd_palive(params, x, tx, T)
    if s == 1:
        return (r + x) * (be + T) / (al + T) * math.log((be + T + t) / (be + T)) * p
    return (r + x) * (be + T) / ((al + T) * (s - 1)) * (1 - ((be + T) / (be + T + t)) ** (s - 1)) * p


# ---- gamma-gamma: Fader and Hardie (2013) -----------------------------------

def gg_loglik(params, x, m):
    """ln f of eq. 1a (x > 0, m > 0)."""
    p, q, g = params
    return (math.lgamma(p * x + q) - math.lgamma(p * x) - math.lgamma(q) + q * math.log(g)
            + (p * x - 1) * math.log(m) + p * x * math.log(x) - (p * x + q) * math.log(g + x * m))


def gg_spend(params, x, m):
    p, q, g = params
    if x == 0:
        return p * g / (q - 1)
    return p * (g + x * m) / (p * x + q - 1)


# ---- CLV: FUNCTIONS.md ---------------------------------------------------------

def clv(bg, gg, x, tx, T, m, months=12, discount=0.01, units=30.0):
    spend = gg_spend(gg, x, m)
    total, prev = 0.0, 0.0
    for k in range(1, months + 1):
        e = bg_purchases(bg, k * units, x, tx, T)
        total += (e - prev) / (1 + discount) ** k
        prev = e
    return spend * total
