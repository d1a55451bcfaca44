# SPDX-License-Identifier: GPL-3.0-or-later
"""Straightforward Python implementations of the RFM rules of FUNCTIONS.md.

The independent reference the end-to-end tests compare Calc's results with:
written from the catalog's text, brute force, no code shared with the C
core or the glue.  None (or "") is a blank cell; empty results are None.

Text keys are compared by their upper-case form, and ordered by it; for
keys made of letters, digits, spaces and hyphens that is the order of
Calc's case-insensitive collator too (the tests check Calc's own sort for
other characters separately).
"""
import math


def _blank(v):
    return v is None or v == ""


def _key(v):
    """Sort key: numbers before text, text without regard to case."""
    if isinstance(v, str):
        return (1, 0.0, v.upper())
    return (0, float(v) + 0.0, "")


def rfmtable(customers, dates, amounts=None, as_of=None, period_days=1):
    """Rows [customer, frequency, recency, T, monetary], sorted by customer;
    [[None] * 5] when no customer is left."""
    n = len(customers)
    amounts = amounts if amounts is not None else [None] * n
    used = [i for i in range(n) if not _blank(customers[i]) and not _blank(dates[i])]
    if as_of is None and used:
        as_of = max(dates[i] for i in used)
    used = [i for i in used if dates[i] <= as_of]
    if not used:
        return [[None] * 5]
    period = {i: math.floor(dates[i] / period_days) for i in used}
    by_customer = {}
    for i in used:
        by_customer.setdefault(_key(customers[i]), []).append(i)
    rows = []
    for key in sorted(by_customer):
        lines = by_customer[key]
        shown = customers[lines[0]]  # as written in its first line
        periods = sorted(set(period[i] for i in lines))
        totals = {p: 0.0 for p in periods}
        for i in lines:
            totals[period[i]] += 0.0 if _blank(amounts[i]) else amounts[i]
        x = len(periods) - 1
        monetary = sum(totals[p] for p in periods[1:]) / x if x else 0.0
        rows.append([shown, x, periods[-1] - periods[0],
                     math.floor(as_of / period_days) - periods[0], monetary])
    return rows


def rfmscore(days, frequency, monetary, bins=5, population=None):
    """One code per customer; population = (days, frequency, monetary)."""
    pd, pf, pm = population if population is not None else (days, frequency, monetary)
    n = len(pd)

    def score(below):
        return min(bins, 1 + (bins * below) // n)

    codes = []
    for r, f, m in zip(days, frequency, monetary):
        R = score(sum(1 for p in pd if p > r))    # more days since last is worse
        F = score(sum(1 for p in pf if p < f))    # fewer purchases is worse
        M = score(sum(1 for p in pm if p < m))    # less spend is worse
        codes.append(100 * R + 10 * F + M)
    return codes


SEGMENTS = {  # R -> names for FM = 1..5, as printed in FUNCTIONS.md
    5: ["New", "Promising", "Potential loyalist", "Loyal", "Champions"],
    4: ["Promising", "Promising", "Potential loyalist", "Loyal", "Champions"],
    3: ["About to sleep", "Needs attention", "Needs attention", "Loyal", "Loyal"],
    2: ["Hibernating", "Hibernating", "At risk", "At risk", "Can't lose"],
    1: ["Lost", "Lost", "Hibernating", "At risk", "Can't lose"],
}


def rfmsegment(code):
    r, f, m = code // 100, code // 10 % 10, code % 10
    fm = math.floor((f + m) / 2 + 0.5)  # round half up
    return SEGMENTS[r][fm - 1]
