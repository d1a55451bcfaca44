#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the seed inputs of the fuzz targets (fuzz/corpus/<name>/seedN).

    python3 fuzz/make_seeds.py

Each seed is a small, readable case in the byte language of fuzz.h: the
encoder below mirrors its readers (fz_size, fz_byte, fz_value, fz_share),
so a seed says in Python what the target will decode.  The targets of
CLIENTSCORE and PRUNERANK keep their hand-made seeds.
"""
import math
import os
import struct

SPECIAL = {0.0: 0, "-0": 1, 1.0: 2, -1.0: 3, 2.0: 4, 0.5: 5, 1e308: 6, -1e308: 7,
           "max": 8, "tiny": 9, "-tiny": 10, "min": 11, 1e-300: 12, 1e15: 13, 3.0: 14,
           7.0: 15, "nan": 16, "inf": 17, "-inf": 18, 100.0: 19}


class Seed:
    def __init__(self):
        self.b = bytearray()

    def byte(self, v):
        self.b.append(v & 0xFF)
        return self

    def size(self, v):
        self.b += struct.pack(">H", v)
        return self

    def value(self, v):
        """fz_value: small whole numbers -3..9 in one byte, else a double."""
        if isinstance(v, int) and -3 <= v <= 9:
            return self.byte(v + 3)
        self.byte(200)
        return self.double(v)

    def double(self, v):
        """fz_double: a special value in one byte, else the raw bits."""
        key = v if isinstance(v, str) else float(v)
        if key in SPECIAL:
            return self.byte(SPECIAL[key])
        self.byte(200)
        self.b += struct.pack(">d", float(v))
        return self

    def values(self, vs):
        for v in vs:
            self.value(v)
        return self

    def share(self, x):
        """fz_share: x in 0..1 by hundredths, or any double."""
        if isinstance(x, (int, float)) and 0 <= x <= 1 and round(x * 100) == x * 100:
            return self.byte(round(x * 100))
        self.byte(250)
        return self.double(x)

    # models_fz.h
    def param(self, v):
        """fz_param: e^((k - 120) / 4.6) for the byte k nearest to v."""
        return self.byte(max(0, min(239, round(4.6 * math.log(v) + 120))))

    def params(self, vs):
        for v in vs:
            self.param(v)
        return self

    def customer(self, x, share, T):
        """fz_customer: x 0..11 or 250 k (k < 40), whole T 0..52, t_x = share * T."""
        self.byte(x if x < 12 else 200 + x // 250)
        self.byte(T)
        if x:
            self.share(share)
        return self


def S():
    return Seed()


def flat(rows):
    return [v for r in rows for v in r]


def CDNOW_LIKE(seed, counted):
    """Eight CDNOW-like customers (x, share, T), with counts when counted."""
    for x, share, T in [(2, 0.78, 39), (1, 0.5, 38), (0, 0, 38), (0, 0, 37), (5, 0.9, 36),
                        (3, 0.3, 35), (0, 0, 34), (1, 0.05, 33)]:
        seed.customer(x, share, T)
        if counted:
            seed.byte(3)
    return seed



BOOK = [[5, 2, 9], [1, 7, 3], [4, 4, "nan"], [8, 0, 6], [2, 9, 1]]  # clients x criteria

SEEDS = {
    "prune_set": [
        S().size(6).share(0.2).values([5, 2, 2, "nan", 8, 3]).values([1, 4, 0, 9, 7, 2]),
        S().size(4).share(0).values([1, 1, 1, 1]).values([0, 0, 5, 5]),
        S().size(3).share(1).values(["nan", "nan", "nan"]).values([1, 2, 3]),
        S().size(3).share(0.5).values([1, 2, 3]).values([1e308, 1e308, "tiny"]),
    ],
    "quadrant": [
        S().size(5).size(0).byte(0).values([9, 1, 4, 6, 2]).values([5, 8, "nan", 1, 3]),
        S().size(2).size(4).byte(1).values([3, 7]).values([2, 6]).values([1, 9, 4, 5])
           .values([8, 2, "nan", 6]),
        S().size(4).size(0).byte(0).values([1e308, 1e308, -1e308, 0]).values([1, 1, 1, 1]),
    ],
    "impact": [
        S().size(4).share(0.5).values([9, 5, 7, 1]).values([3, 6, 2, 4]).values([0, 0, 0, 0])
           .byte(0).byte(0).byte(1).byte(0).byte(1),
        S().size(3).share(0).values([2, 2, 2]).values([1, 1, 1]).values([0, 0, 0]).byte(1),
        S().size(2).share(1).values([1e308, 1]).values([1e-300, 5]).values([0, 0])
           .byte(0).byte(0).byte(1),
    ],
    "cost_to_serve": [
        S().size(3).size(2).values([1, 0, 3, 2, 0, 0]).values([5, 7]).values([0, 0, 0]),
        S().size(2).size(3).values([1, 2, 3, 4, 5, 6]).values([1e308, 0, 2]).values([0, 0]),
        S().size(1).size(1).values(["nan"]).values([2]).values([0]),
    ],
    "allocate": [
        S().size(3).size(2).values([1, 0, 3, 2, 0, 4]).values([9, 6]).values([0, 0, 0]),
        S().size(2).size(2).values([0, 1, 0, 3]).values([0, 8]).values([0, 0]),
        S().size(2).size(1).values(["tiny", 1]).values([1e308]).values([0, 0]),
    ],
    "whale_curve": [
        S().size(6).values([9, -2, 4, 4, 0, -1]).values([0] * 6).values([0] * 6),
        S().size(1).values([5]).values([0]).values([0]),
        S().size(3).values([1e308, -1e308, 1]).values([0] * 3).values([0] * 3),
    ],
    "whale_peak": [
        S().size(5).values([9, -2, 4, 0, -1]),
        S().size(2).values(["tiny", 0]),
        S().size(3).values([-1, -2, -3]),
    ],
    "abc": [
        S().size(6).size(0).byte(0).share(0.8).share(0.95).values([500, 120, 120, 30, 0, 3000]),
        S().size(2).size(5).byte(1).share(0.5).share(0.9).values([4, 0]).values([9, 4, 4, 1, 0]),
        S().size(3).size(0).byte(0).share(1).share(1).values([1e308, 1e308, "tiny"]),
    ],
    "concentration": [
        S().size(5).byte(0).values([9, 3, 3, 1, 0]),
        S().size(7).byte(2).values([1, 2, 3, 4, 5, 6, 7]),
        S().size(4).byte(3).values([0, 0, 0, 8]),
        S().size(2).byte(1).values(["tiny", "tiny"]),
    ],
    "rfm_table": [
        # n, amounts?, first lines?, as_of (NaN), period_days byte, amounts,
        # then (customer, date) bytes per line (< 200: customer k % 7,
        # date 45000 + k % 50)
        S().size(6).byte(1).byte(1).byte(1).byte(0).values([10, 5, 7, 2, 9, 4])
           .byte(1).byte(0).byte(2).byte(3).byte(1).byte(10).byte(3).byte(12)
           .byte(2).byte(20).byte(1).byte(30),
        S().size(4).byte(0).byte(0).byte(0).value(9).byte(6).values([1, 1, 1, 1])
           .byte(5).byte(49).byte(5).byte(1).byte(6).byte(2).byte(5).byte(14),
        S().size(3).byte(1).byte(1).byte(1).byte(0).values([1e308, 1e308, 5])
           .byte(4).byte(0).byte(4).byte(1).byte(4).byte(1),
    ],
    "rfm_score": [
        S().size(5).size(0).byte(0).byte(3).byte(0).values(flat([[10, 3, 5], [200, 0, 0],
                                                                  [9, 5, 2], [45, 1, 8],
                                                                  [7, 3, 5]])),
        S().size(1).size(4).byte(1).byte(2).byte(0).values([4, 2, 6])
           .values(flat([[1, 0, 0], [9, 9, 9], [4, 2, 6], [5, 5, 5]])),
        S().size(3).size(0).byte(0).byte(7).byte(0).values([1, 1, 1, 1, 1, 1, 1, 1, 1]),
    ],
    "rfm_segment": [
        S().byte(0).size(445),   # 545
        S().byte(0).size(11),    # 111
        S().byte(130).double(555.0),
        S().byte(140).double(545.0),  # 545.5
    ],
    "canary": [
        S().byte(0).byte(0).size(12).share(0.05)
           .values([9, 9, 8, 8, 7, 8, 6, 5, 5, 4, 3, 2]),
        S().byte(1).byte(0).size(6).share(0.5).values([1, "nan", 3, 3, 2, 5])
           .values([1, 2, 2, 4, 7, 9]),
        S().byte(0).byte(0).size(3).share(0.05).values([1, 2, 3]),
        S().byte(0).byte(255).size(20).share(0.05).values([3, 1, 4, 1, 5, 9, 2, 6]),
    ],
    "idealfit": [
        S().size(4).size(0).size(3).byte(0).byte(1).byte(0)
           .values(flat([[1, 5, 2], [3, 4, 4], [5, 2, 1], [7, 9, 3]])).values([7, 9, 4]),
        S().size(2).size(3).size(2).byte(1).byte(0).byte(0).values([1, 2, 3, 4])
           .values([1, 1, 2, 2, 3, 3]).values([0, 0]).values([1, 3]),
        S().size(2).size(2).size(2).byte(0).byte(0).byte(0).values([0, 1e308, 0, -1e308])
           .values([6, 6, -3, -3]).values([0, 0]),
    ],
    "revenue_at_risk": [
        S().size(5).share(0.9).byte(100).byte(7).byte(0).values([100, 250, 0, 40, 900])
           .share(0.9).share(0.5).share(1).share(0).share(0.75),
        S().size(3).share(0.5).byte(0).byte(1).byte(1).values([9, -3, 5])
           .byte(1).byte(0).byte(1),
        S().size(2).share(0.05).byte(0).byte(2).byte(0).values([1e308, 1e308])
           .share(1).share(1),
    ],
    "prune_stability": [
        S().size(5).size(3).size(2).share(0.3).size(0).byte(3).byte(1)
           .values(flat(BOOK)).values([2, 1, 1]).values([1, -1, 1]).byte(0).byte(0).byte(0),
        S().size(4).size(2).size(4).share(0).size(0).byte(0).byte(0)
           .values([1, 2, 3, 4, 5, 6, 7, 8]).values([1, 1]),
        S().size(3).size(1).size(1).share(0.9).size(0).byte(9).byte(0)
           .values(["nan", 4, 4]).values([1]),
    ],
    "segments": [
        S().size(6).size(2).size(2).byte(1).values([1, 1, 1, 2, 9, 9, 8, 9, 5, 5, 1, 1]),
        S().size(5).size(3).size(3).byte(4).values([5, 2, 9, 1, 7, 3, 4, 4, 4, 8, 0, 6, 1, 2, 3]),
        S().size(4).size(1).size(4).byte(0).values([1, 2, 3, 4]),
    ],
    # Customer-base models.  Customers are (x, share of T at the last
    # purchase, T); parameters are rounded to the grid of fz_param.
    "bgnbd_fit": [
        CDNOW_LIKE(S().size(8).byte(0), False).params([0.24, 4.4, 0.79, 2.4]),
        CDNOW_LIKE(S().size(8).byte(1), True).params([1, 1, 1, 1]),
        S().size(3).byte(0).customer(0, 0, 10).customer(0, 0, 20).customer(0, 0, 30)
           .params([0.5, 5, 1, 3]),
    ],
    "pnbd_fit": [
        CDNOW_LIKE(S().size(8).byte(0), False).params([0.55, 10.6, 0.61, 11.7]),
        CDNOW_LIKE(S().size(8).byte(1), True).params([1, 1, 1, 1]),
        S().size(2).byte(0).customer(3, 1, 20).customer(3, 1, 20).params([0.5, 5, 1, 3]),
    ],
    "gg_fit": [
        S().size(6).byte(0).byte(2).byte(14).byte(1).byte(4).byte(5).byte(30).byte(0).byte(0)
           .byte(3).byte(9).byte(7).byte(22).params([6.25, 3.74, 15.44]),
        S().size(4).byte(1).byte(1).byte(4).byte(2).byte(2).byte(8).byte(1).byte(3).byte(4)
           .byte(3).byte(4).byte(12).byte(4).params([1, 2, 10]),
        S().size(3).byte(0).byte(1).byte(4).byte(2).byte(4).byte(3).byte(4).params([1, 1, 1]),
    ],
    "bgnbd_palive": [
        S().size(4).byte(0).customer(2, 0.78, 39).byte(3).customer(0, 0, 39).byte(3)
           .customer(5, 1, 20).byte(3).customer(1, 0.5, 0).byte(3).params([0.24, 4.4, 0.79, 2.4]),
        S().size(2).byte(1).customer(9750, 0.99, 52).byte(4).customer(3, 0.1, 52).byte(4)
           .params([1e-4, 1e-3, 1e-3, 1e-2]),
    ],
    "bgnbd_purchases": [
        S().size(3).byte(0).customer(2, 0.78, 39).byte(3).customer(0, 0, 39).byte(0)
           .customer(9750, 0.99, 52).byte(19).params([0.24, 4.4, 0.79, 2.4]),
        S().size(2).byte(1).customer(4, 0.6, 30).byte(2).customer(2, 0.1, 30).byte(7)
           .params([0.5, 3, 1, 2.5]),
        S().size(1).byte(0).customer(1, 0.5, 10).byte(250).double(1e6)
           .params([1e-3, 1, 0.005, 0.1]),
    ],
    "pnbd_palive": [
        S().size(4).byte(0).customer(2, 0.78, 39).byte(3).customer(0, 0, 39).byte(3)
           .customer(5, 1, 20).byte(3).customer(0, 0, 0).byte(3).params([0.55, 10.6, 0.61, 11.7]),
        S().size(2).byte(1).customer(3, 0.12, 40).byte(4).customer(9750, 0.99, 52).byte(4)
           .params([0.5, 100, 0.8, 0.01]),
    ],
    "pnbd_purchases": [
        S().size(3).byte(0).customer(2, 0.78, 39).byte(3).customer(0, 0, 39).byte(0)
           .customer(3, 0.5, 50).byte(19).params([0.55, 10.6, 0.61, 11.7]),
        S().size(1).byte(1).customer(4, 0.67, 30).byte(2).params([0.5, 10, 1, 12]),
    ],
    "gg_spend": [
        S().size(3).byte(2).value(3).byte(0).byte(229).value(1)
           .params([6.25, 3.74, 15.44]),
        S().size(2).byte(1).value(9).byte(5).value(2).params([1e-3, 2, 1e4]),
        S().size(1).byte(0).params([0.1, 0.5, 10]),
    ],
    "clv": [
        # book as in bgnbd_purchases, then spend values, GG params, months,
        # discount, month length
        S().size(2).byte(0).customer(2, 0.78, 39).byte(3).customer(0, 0, 39).byte(3)
           .params([0.24, 4.4, 0.79, 2.4]).value(3).params([6.25, 3.74, 15.44])
           .byte(0).size(11).byte(1).byte(3),
        S().size(1).byte(0).customer(7, 0.9, 39).byte(3).params([0.24, 4.4, 0.79, 2.4])
           .value(5).params([6.25, 3.74, 15.44]).byte(0).size(1199).byte(0).byte(3),
        S().size(1).byte(0).customer(1, 0.5, 10).byte(3).params([0.5, 3, 1, 2.5])
           .value(2).params([2, 3, 10]).byte(0).size(63).byte(2).byte(29),
    ],
}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for name, seeds in SEEDS.items():
        folder = os.path.join(here, "corpus", name)
        os.makedirs(folder, exist_ok=True)
        for i, seed in enumerate(seeds):
            with open(os.path.join(folder, "seed%d" % i), "wb") as f:
                f.write(bytes(seed.b))
    missing = [f[5:-2] for f in os.listdir(here) if f.startswith("fuzz_") and f.endswith(".c")
               and not os.path.isdir(os.path.join(here, "corpus", f[5:-2]))]
    if missing:
        raise SystemExit("targets without seeds: %s" % ", ".join(sorted(missing)))


if __name__ == "__main__":
    main()
