# SPDX-License-Identifier: GPL-3.0-or-later
"""Independent Python implementations of FUNCTIONS.md's "Client health and
risk" rules, the oracle of tests/e2e/test_health.py.

Written from the catalog's text, brute force, no code shared with the C
core: every pair for Mann-Kendall and Theil-Sen, a Jacobi eigenvalue
decomposition (not GSL's SVD) for the pseudo-inverse, exact distributions
or Python's own random numbers for the simulations.  None is a blank cell
or an empty result.
"""
import itertools
import math
import random

import reference


def phi(z):
    return 0.5 * math.erfc(-z / math.sqrt(2.0))


# -- CANARY -------------------------------------------------------------------
def canary(values, times=None, alpha=0.05):
    """(flag, slope, p) as the catalog defines them."""
    if times is None:
        times = list(range(1, len(values) + 1))
    pts = [(t, x) for t, x in zip(times, values) if x is not None]
    n = len(pts)
    s = 0
    slopes = []
    for (ti, xi), (tj, xj) in itertools.permutations(pts, 2):
        if ti < tj:
            s += (xj > xi) - (xj < xi)
            slopes.append((xj - xi) / (tj - ti))
    groups = {}
    for _, x in pts:
        groups[x] = groups.get(x, 0) + 1
    var = (n * (n - 1) * (2 * n + 5) - sum(u * (u - 1) * (2 * u + 5) for u in groups.values())) / 18
    slopes.sort()
    m = len(slopes)
    slope = (slopes[(m - 1) // 2] + slopes[m // 2]) / 2 if m else 0.0
    if n < 4 or var <= 0:
        return 0, slope, 1.0
    sigma = math.sqrt(var)
    z = (s - 1) / sigma if s > 0 else ((s + 1) / sigma if s < 0 else 0.0)
    p = phi(z)
    return (1 if slope < 0 and p < alpha else 0), slope, p


# -- IDEALFIT -------------------------------------------------------------------
def _jacobi_eigen(a, sweeps=100):
    """Eigenvalues and eigenvectors (columns) of a symmetric matrix, by
    cyclic Jacobi rotations (Golub and Van Loan, sec. 8.5)."""
    n = len(a)
    a = [row[:] for row in a]
    v = [[float(i == j) for j in range(n)] for i in range(n)]
    for _ in range(sweeps):
        off = sum(a[i][j] ** 2 for i in range(n) for j in range(n) if i != j)
        if off < 1e-30:
            break
        for p in range(n):
            for q in range(p + 1, n):
                if abs(a[p][q]) < 1e-300:
                    continue
                theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                t = (1 if theta >= 0 else -1) / (abs(theta) + math.sqrt(theta * theta + 1))
                c = 1 / math.sqrt(t * t + 1)
                s = t * c
                for k in range(n):
                    akp, akq = a[k][p], a[k][q]
                    a[k][p], a[k][q] = c * akp - s * akq, s * akp + c * akq
                for k in range(n):
                    apk, aqk = a[p][k], a[q][k]
                    a[p][k], a[q][k] = c * apk - s * aqk, s * apk + c * aqk
                for k in range(n):
                    vkp, vkq = v[k][p], v[k][q]
                    v[k][p], v[k][q] = c * vkp - s * vkq, s * vkp + c * vkq
    return [a[i][i] for i in range(n)], v


def idealfit(clients, ideal, population, weights=None):
    m = len(ideal)
    n = len(population)
    w = weights or [1.0] * m
    wmean = sum(w) / m
    w = [x / wmean for x in w]
    cols = [[r[j] for r in population] for j in range(m)]
    used = [j for j in range(m) if min(cols[j]) != max(cols[j])]
    mean = {j: sum(cols[j]) / n for j in used}
    sd = {j: math.sqrt(sum((x - mean[j]) ** 2 for x in cols[j]) / (n - 1)) for j in used}
    r = [[sum((population[i][j] - mean[j]) * (population[i][k] - mean[k]) for i in range(n))
          / (n - 1) / sd[j] / sd[k] for k in used] for j in used]
    lam, vec = _jacobi_eigen(r) if used else ([], [])
    top = max((abs(x) for x in lam), default=0.0)
    out = []
    for c in clients:
        y = [w[j] * (c[j] - ideal[j]) / sd[j] for j in used]
        d2 = 0.0
        for e, l in enumerate(lam):
            if abs(l) >= 1e-10 * top and abs(l) > 0:
                dot = sum(vec[k][e] * y[k] for k in range(len(used)))
                d2 += dot * dot / abs(l)
        out.append(100 * math.exp(-d2 / 2))
    return out


# -- REVENUEATRISK --------------------------------------------------------------
def kept_distribution(revenue, p_alive):
    """Exact distribution of kept revenue: {total: probability}."""
    dist = {0.0: 1.0}
    for r, p in zip(revenue, p_alive):
        nxt = {}
        for v, q in dist.items():
            nxt[v] = nxt.get(v, 0.0) + q * (1 - p)
            nxt[v + r] = nxt.get(v + r, 0.0) + q * p
        dist = nxt
    return dist


def quantile_band(dist, level, sims, sigmas=4.5):
    """The interval of values a simulated `level` quantile of `sims` draws
    may take: where the exact CDF crosses level +- sampling error."""
    e = sigmas * math.sqrt(level * (1 - level) / sims) + 2.0 / sims
    lo = hi = None
    acc = 0.0
    for v in sorted(dist):
        before = acc
        acc += dist[v]
        if lo is None and acc >= level - e:
            lo = v
        if before <= level + e:
            hi = v
    return lo, hi


# -- PRUNESTABILITY -------------------------------------------------------------
def prunestability(rows, weights, directions, prune_count, jitter=0.2, sims=1000, seed=1):
    """Shares from Python's own random numbers (not the core's stream)."""
    rnd = random.Random(seed)
    base = reference.clientscore(rows, weights, directions)
    hits = [0] * len(rows)
    for _ in range(sims):
        w = [x * (1 - jitter + 2 * jitter * rnd.random()) for x in weights]
        scores = reference.clientscore(rows, w, directions)
        ranks = reference.prunerank(scores)
        for i, r in enumerate(ranks):
            if r is not None and r <= prune_count:
                hits[i] += 1
    return [None if b is None else h / sims for b, h in zip(base, hits)]


# -- SEGMENTS -----------------------------------------------------------------
def segments(rows, k, seed=1, starts=10):
    """k-means++ and Lloyd's passes, best of `starts`, numbered by the
    catalog's rule; Python's random numbers."""
    n, m = len(rows), len(rows[0])
    cols = [[r[j] for r in rows] for j in range(m)]
    used = [j for j in range(m) if min(cols[j]) != max(cols[j])]
    z = []
    stats = {}
    for j in used:
        mu = sum(cols[j]) / n
        stats[j] = (mu, math.sqrt(sum((x - mu) ** 2 for x in cols[j]) / (n - 1)))
    for r in rows:
        z.append([(r[j] - stats[j][0]) / stats[j][1] for j in used])

    def d2(a, b):
        return sum((x - y) ** 2 for x, y in zip(a, b))

    rnd = random.Random(seed)
    best = None
    for _ in range(starts):
        centres = [z[rnd.randrange(n)]]
        while len(centres) < k:
            dd = [min(d2(p, c) for c in centres) for p in z]
            u = rnd.random() * sum(dd)
            acc = 0.0
            pick = max(i for i in range(n) if dd[i] > 0)
            for i, d in enumerate(dd):
                acc += d
                if acc > u:
                    pick = i
                    break
            centres.append(z[pick])
        labels = None
        for _ in range(1000):
            new = [min(range(k), key=lambda c: (d2(p, centres[c]), c)) for p in z]
            if new == labels:
                break
            labels = new
            for c in range(k):
                members = [z[i] for i in range(n) if labels[i] == c]
                if members:
                    centres[c] = [sum(col) / len(members) for col in zip(*members)]
        wcss = sum(d2(z[i], centres[labels[i]]) for i in range(n))
        if best is None or wcss < best[0]:
            best = (wcss, labels[:], [c[:] for c in centres])
    _, labels, centres = best
    first = {c: min(i for i in range(n) if labels[i] == c) for c in set(labels)}
    order = sorted(first, key=lambda c: (-sum(centres[c]), first[c]))
    number = {c: i + 1 for i, c in enumerate(order)}
    return [number[c] for c in labels]
