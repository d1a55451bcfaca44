#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the seed inputs of the fuzz targets (fuzz/corpus/<name>/seedN).

    python3 fuzz/make_seeds.py

Each seed is a small, readable case in the byte language of fuzz.h: the
encoder below mirrors its readers (fz_size, fz_byte, fz_value, fz_share),
so a seed says in Python what the target will decode.  The targets of
CLIENTSCORE and PRUNERANK keep their hand-made seeds.
"""
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


def S():
    return Seed()


def flat(rows):
    return [v for r in rows for v in r]


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
