# SPDX-License-Identifier: GPL-3.0-or-later
"""Straightforward Python implementations of the FUNCTIONS.md rules.

These are the independent reference the end-to-end tests compare Calc's
results with: written from the catalog's text, brute force, no shared code
with the C core.  None (or "") is a blank cell; the results use None for an
empty result.
"""
import math
from statistics import NormalDist


def _known(col):
    return [x for x in col if x is not None and x != ""]


def _norm(method, x, pop):
    n = len(pop)
    if n < 2 or min(pop) == max(pop):
        return 0.5
    if method == "minmax":
        return min(1.0, max(0.0, (x - min(pop)) / (max(pop) - min(pop))))
    if method == "percentile":
        below = sum(1 for p in pop if p < x)
        equal = sum(1 for p in pop if p == x)
        if equal:
            v = (below + (equal - 1) / 2) / (n - 1)
        else:
            v = below / n
        return min(1.0, max(0.0, v))
    if method == "zscore":
        mean = sum(pop) / n
        sd = math.sqrt(sum((p - mean) ** 2 for p in pop) / (n - 1))
        return 0.5 if sd == 0 else NormalDist().cdf((x - mean) / sd)
    raise ValueError(method)


def clientscore(rows, weights, directions=None, population=None, method="minmax"):
    """One score (0..100) or None per row of rows."""
    pop = population if population is not None else rows
    m = len(weights)
    directions = directions or [1] * m
    cols = [_known([r[j] for r in pop]) for j in range(m)]
    out = []
    for r in rows:
        acc = wsum = 0.0
        for j in range(m):
            x = r[j]
            if x is None or x == "" or weights[j] == 0:
                continue
            v = _norm(method, x, cols[j])
            if directions[j] == -1:
                v = 1 - v
            acc += weights[j] * v
            wsum += weights[j]
        out.append(None if wsum == 0 else 100 * acc / wsum)
    return out


def prunerank(scores, population=None, revenue=None, population_revenue=None):
    """One rank or None per score."""
    if population is None:
        population, population_revenue = scores, revenue
    out = []
    for i, s in enumerate(scores):
        if s is None or s == "":
            out.append(None)
            continue
        r = (revenue[i] or 0) if revenue else 0
        before = 0
        for k, p in enumerate(population):
            if p is None or p == "":
                continue
            pr = (population_revenue[k] or 0) if population_revenue else 0
            if p < s or (revenue and p == s and pr < r):
                before += 1
        out.append(1 + before)
    return out
