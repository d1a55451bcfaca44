# SPDX-License-Identifier: GPL-3.0-or-later
"""Straightforward Python implementations of the pruning toolkit's rules.

The independent reference the end-to-end tests compare Calc's results with:
written from the text of FUNCTIONS.md ("Scoring and pruning",
"Profitability and concentration"), brute force (quadratic where the
catalog's definition is), in exact rational arithmetic on the cells' binary
values (fractions.Fraction) wherever a comparison decides a result, and
sharing nothing with the C core.  PRUNESET's order comes from reference.py's
PRUNERANK, as the catalog defines it.

None (or "") is a blank cell; results use None for an empty result.  An
invalid argument raises Invalid (the cell must show Err:502).

Two allowances documented in the Function Wizard are part of the rules:
PRUNESET's limit forgives a relative 1e-12 (catalog), and an ABCCLASS share
within a relative 1e-12 of a bound counts as reaching it (our decision for
a rule the catalog leaves exact; see the ABCCLASS help).
"""
from fractions import Fraction
import math
import statistics

import reference

RELTOL = Fraction(1, 10**12)


class Invalid(ValueError):
    """The catalog says: invalid argument (Err:502)."""


def _blank(x):
    return x is None or x == ""


def _zero(x):
    """A money or driver cell: blank counts 0."""
    return 0.0 if _blank(x) else float(x)


def _share(x, lo_open=False):
    if _blank(x) or not (0 < x <= 1 if lo_open else 0 <= x <= 1):
        raise Invalid(f"share {x!r}")
    return x


# -- Scoring and pruning --------------------------------------------------------

def pruneset(scores, revenue, max_revenue_loss):
    """1 / 0 per client in PRUNERANK order within the revenue budget."""
    _share(max_revenue_loss)
    rev = [_zero(r) for r in revenue]
    known = [i for i, s in enumerate(scores) if not _blank(s)]
    if not known:
        return [None] * len(scores)
    total = sum(Fraction(rev[i]) for i in known)
    if total <= 0:
        raise Invalid("total revenue <= 0")
    ranks = reference.prunerank(scores, revenue=rev)
    limit = Fraction(max_revenue_loss) * total * (1 + RELTOL)
    loss, marked = Fraction(0), 0
    for rank in sorted({ranks[i] for i in known}):
        loss += sum(Fraction(rev[i]) for i in known if ranks[i] == rank)
        if loss > limit:
            break
        marked = rank
    return [None if _blank(s) else (1 if ranks[i] <= marked else 0) for i, s in enumerate(scores)]


def clientquadrant(revenue, scores, population_revenue=None, population_scores=None):
    """"Top", "Grow", "Reprice", "Prune" or None per client."""
    if (population_revenue is None) != (population_scores is None):
        raise Invalid("population given by half")
    if population_revenue is None:
        population_revenue, population_scores = revenue, scores
    pairs = [(_zero(r), s) for r, s in zip(population_revenue, population_scores) if not _blank(s)]
    out = []
    for r, s in zip(revenue, scores):
        if _blank(s) or not pairs:
            out.append(None)
            continue
        high_rev = _zero(r) >= statistics.median(p[0] for p in pairs)
        high_score = s >= statistics.median(p[1] for p in pairs)
        out.append({(True, True): "Top", (False, True): "Grow",
                    (True, False): "Reprice", (False, False): "Prune"}[(high_rev, high_score)])
    return out


def pruneimpact(revenue, cost, prune_flags, redeploy=None):
    """[profit_after, profit_before, revenue_after, revenue_before,
    margin_after, margin_before]."""
    r = 0.0 if redeploy is None else _share(redeploy)
    rev = [_zero(x) for x in revenue]
    cst = [_zero(x) for x in cost]
    flags = [_zero(x) for x in prune_flags]
    if any(f not in (0, 1) for f in flags):
        raise Invalid("flag other than 0 or 1")
    R = math.fsum(x for x, f in zip(rev, flags) if f == 0)
    C = math.fsum(c for c, f in zip(cst, flags) if f == 0)
    Cp = math.fsum(c for c, f in zip(cst, flags) if f == 1)
    if C == 0 and r > 0:
        raise Invalid("kept cost 0 with redeploy > 0")
    revenue_after = R + (r * Cp * R / C if r > 0 else 0.0)
    profit_after = revenue_after - (C + r * Cp)
    revenue_before = math.fsum(rev)
    profit_before = revenue_before - math.fsum(cst)
    zero = 1e-12 * math.fsum(abs(x) for x in rev)

    def margin(p, v):
        return None if abs(v) <= zero else p / v

    return [profit_after, profit_before, revenue_after, revenue_before,
            margin(profit_after, revenue_after), margin(profit_before, revenue_before)]


# -- Profitability and concentration --------------------------------------------

def _drivers(drivers):
    d = [[_zero(x) for x in row] for row in drivers]
    if any(x < 0 for row in d for x in row):
        raise Invalid("negative driver")
    return d


def _per_driver(values, cols):
    if len(values) != cols or any(_blank(v) or v < 0 for v in values):
        raise Invalid("rates or pools")
    return values


def costtoserve(drivers, rates):
    d = _drivers(drivers)
    rates = _per_driver(rates, len(d[0]))
    return [math.fsum(x * r for x, r in zip(row, rates)) for row in d]


def costallocate(drivers, pool_totals):
    d = _drivers(drivers)
    pools = _per_driver(pool_totals, len(d[0]))
    sums = [math.fsum(row[j] for row in d) for j in range(len(pools))]
    if any(s == 0 and p != 0 for s, p in zip(sums, pools)):
        raise Invalid("a pool with nobody to carry it")
    return [math.fsum(p * row[j] / sums[j] for j, p in enumerate(pools) if p != 0) for row in d]


def _curve_exact(profit):
    p = [Fraction(_zero(x)) for x in profit]
    total = sum(p)
    if total <= 0:
        raise Invalid("total profit <= 0")
    cum, points = Fraction(0), []
    for k, x in enumerate(sorted(p, reverse=True)):
        cum += x
        points.append((Fraction(k + 1, len(p)), cum / total))
    return points


def whalecurve(profit):
    """n rows of [client share, profit share]."""
    return [[float(a), float(b)] for a, b in _curve_exact(profit)]


def whalepeak(profit):
    """[peak profit share, smallest client share at the peak]."""
    points = _curve_exact(profit)
    peak = max(b for _, b in points)
    first = next(a for a, b in points if b == peak)
    return [float(peak), float(first)]


def _nonneg(values):
    v = [_zero(x) for x in values]
    if any(x < 0 for x in v):
        raise Invalid("negative value")
    if sum(Fraction(x) for x in v) <= 0:
        raise Invalid("total <= 0")
    return v


def abcclass(value, population=None, a_share=None, b_share=None):
    a = 0.8 if a_share is None else a_share
    b = 0.95 if b_share is None else b_share
    if _blank(a) or _blank(b) or not (0 < a <= b <= 1):
        raise Invalid("shares")
    vals = [_zero(x) for x in value]
    if any(x < 0 for x in vals):
        raise Invalid("negative value")
    pop = _nonneg(population if population is not None else value)
    total = sum(Fraction(x) for x in pop)
    out = []
    for x in vals:
        before = sum(Fraction(p) for p in pop if p > x) / total
        if before < Fraction(a) * (1 - RELTOL):
            out.append("A")
        elif before < Fraction(b) * (1 - RELTOL):
            out.append("B")
        else:
            out.append("C")
    return out


def concentration(revenue, measure=None):
    m = (measure or "hhi").lower()
    x = _nonneg(revenue)
    total = math.fsum(x)
    n = len(x)
    if m == "hhi":
        return 10000 * math.fsum((v / total) ** 2 for v in x)
    if m == "top1":
        return max(x) / total
    if m == "top5":
        return math.fsum(sorted(x, reverse=True)[:5]) / total
    if m == "gini":
        pairs = math.fsum(abs(a - b) for a in x for b in x)
        return pairs / (2 * n * n * (total / n))
    raise Invalid(f"measure {measure!r}")
