# SPDX-License-Identifier: GPL-3.0-or-later
"""CANARY, IDEALFIT, REVENUEATRISK, PRUNESTABILITY and SEGMENTS through a
real headless Calc.

    /usr/bin/python3 tests/e2e/test_health.py build/clientprune.oxt

Deterministic results are compared with ref_health.py (an independent
implementation of FUNCTIONS.md) to 1e-9; simulated ones with exact
distributions or an independent simulation within sampling error, and with
themselves after recalculation (bit for bit).  Every invalid input of the
conventions must show Err:502 with Calc still answering.
"""
import math
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ref_health  # noqa: E402
import reference  # noqa: E402
from e2e import CalcCase, main_oxt  # noqa: E402

OXT = main_oxt()


def col(i):
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i]


class HealthTest(CalcCase):
    OXT = OXT

    def row(self, rng):
        r = self.sheet.getCellRangeByName(rng).RangeAddress
        return [self.calc.value(self.sheet, self.sheet.getCellByPosition(c, r.StartRow))
                for c in range(r.StartColumn, r.EndColumn + 1)]

    def numbers(self, rng):
        out = []
        for err, v in self.calc.column(self.sheet, rng):
            self.assertEqual(err, 0, rng)
            out.append(None if v == "" else v)
        return out

    # -- CANARY -----------------------------------------------------------
    def test_canary_against_reference(self):
        rnd = random.Random(4)
        s = self.sheet
        cases = []
        for trial in range(8):
            n = rnd.choice([3, 4, 6, 12, 30, 60])
            trend = rnd.choice([-2.0, -0.3, 0.0, 0.5])
            values = [None if rnd.random() < 0.1 else round(100 + trend * i + rnd.gauss(0, 3), rnd.choice([0, 2]))
                      for i in range(n)]
            times = [round(rnd.uniform(0, 3 * n)) for _ in range(n)] if trial % 2 else None
            top = 1 + trial * 3
            self.calc.put(s, f"A{top}", [[v for v in values]])
            if times:
                self.calc.put(s, f"A{top + 1}", [times])
            last = reference_col(n - 1)
            alpha = rnd.choice([0.05, 0.2])
            tpart = f"A{top + 1}:{last}{top + 1}" if times else ""
            self.calc.array(s, f"A{top + 2}:C{top + 2}", f"=CANARY(A{top}:{last}{top};{tpart};{alpha})")
            cases.append((top, values, times, alpha))
        self.calc.recalc()
        for top, values, times, alpha in cases:
            flag, slope, p = ref_health.canary(values, times, alpha)
            got = self.row(f"A{top + 2}:C{top + 2}")
            self.assertClose(got[0], flag, f"flag {values} {times}")
            self.assertClose(got[1], slope, f"slope {values} {times}")
            self.assertClose(got[2], p, f"p {values} {times}")

    def test_canary_column_dates_and_single_cell(self):
        # A column of monthly satisfaction with dates; slope per day.
        s = self.sheet
        values = [4.5, 4.4, None, 4.0, 3.9, 3.7, 3.8, 3.2]
        dates = [45000 + 30 * i for i in range(8)]
        self.calc.put(s, "A1", [[v, d] for v, d in zip(values, dates)])
        self.calc.array(s, "D1:F1", "=CANARY(A1:A8;B1:B8)")
        self.calc.formula(s, "D3", "=CANARY(A1:A8;B1:B8)")
        self.calc.recalc()
        flag, slope, p = ref_health.canary(values, dates)
        got = self.row("D1:F1")
        self.assertClose(got[0], flag)
        self.assertClose(got[1], slope)
        self.assertClose(got[2], p)
        self.assertEqual(flag, 1)
        self.assertClose(self.calc.value(s, "D3"), 1)  # the headline: the flag

    # -- IDEALFIT ---------------------------------------------------------
    def test_idealfit_against_reference(self):
        rnd = random.Random(11)
        s = self.sheet
        books = []
        # regular, a constant criterion, two collinear criteria, fewer rows than criteria
        n, m = 12, 4
        pop = [[round(rnd.uniform(0, 100), 1) for _ in range(m)] for _ in range(n)]
        books.append(pop)
        books.append([r[:2] + [7, r[3]] for r in pop])
        books.append([[r[0], 2 * r[0] + 1, r[2], r[3]] for r in pop])
        books.append(pop[:3])
        for b, book in enumerate(books):
            rows = len(book)
            ideal = [round(rnd.uniform(0, 100), 1) for _ in range(m)]
            weights = [rnd.choice([1, 2, 0.5, 0]) for _ in range(m)]
            weights[0] = weights[0] or 1
            sheet = self.sheet
            self.calc.put(sheet, "A1", book)
            self.calc.put(sheet, "A20", [ideal, weights])
            self.calc.array(sheet, f"F1:F{rows}", f"=IDEALFIT(A1:D{rows};A20:D20;A1:D{rows})")
            self.calc.array(sheet, f"G1:G{rows}", f"=IDEALFIT(A1:D{rows};A20:D20;A1:D{rows};A21:D21)")
            for i in range(rows):
                self.calc.formula(sheet, f"H{i + 1}", f"=IDEALFIT(A{i + 1}:D{i + 1};$A$20:$D$20;$A$1:$D${rows};$A$21:$D$21)")
            self.calc.recalc()
            plain = ref_health.idealfit(book, ideal, book)
            weighted = ref_health.idealfit(book, ideal, book, weights)
            table = self.calc.column(sheet, f"G1:G{rows}")
            for i in range(rows):
                self.assertClose(self.calc.value(sheet, f"F{i + 1}"), plain[i], f"book {b} row {i}")
                self.assertClose(table[i], weighted[i], f"book {b} weighted row {i}")
                self.assertEqual(self.calc.value(sheet, f"H{i + 1}"), table[i], f"book {b} row mode {i}")
            self.calc.doc.close(True)
            self.calc.docs.remove(self.calc.doc)
            self.sheet = self.calc.new_sheet()

    def test_idealfit_no_convergence_is_err523(self):
        """The book fuzz_idealfit found (tests/cu_health.c,
        idealfit_svd_no_convergence): GSL's SVD stops short of its
        tolerance, and the cells show Err:523, not numbers."""
        big, big2 = float.fromhex("-0x1.1d1d1d1d1d1d1p+286"), float.fromhex("-0x1.1d1d13b060707p+286")
        book = [[-2, -3, 1], [-3, 5, big], [big, big, big], [big, big2, 1]]
        self.calc.put(self.sheet, "A1", book)
        self.calc.put(self.sheet, "A10", [[3, 4, 4], [5, 2, 1]])
        self.calc.array(self.sheet, "E1:E4", "=IDEALFIT(A1:C4;A10:C10;A1:C4;A11:C11)")
        self.calc.recalc()
        for err, v in self.calc.column(self.sheet, "E1:E4"):
            self.assertEqual(err, 523, v)

    # -- REVENUEATRISK ----------------------------------------------------
    def test_revenue_at_risk_against_exact_distribution(self):
        rnd = random.Random(5)
        s = self.sheet
        revenue = [rnd.choice([1200, 800, 5000, 300, 2500, None]) for _ in range(12)]
        p = [round(rnd.uniform(0.2, 0.99), 3) for _ in range(12)]
        self.calc.put(s, "A1", [[r, q] for r, q in zip(revenue, p)])
        formulas = {"D1": ("=REVENUEATRISK(A1:A12;B1:B12)", 0.95, 10000),
                    "D2": ("=REVENUEATRISK(A1:A12;B1:B12;0.8;20000;7)", 0.8, 20000),
                    "D3": ("=REVENUEATRISK(A1:A12;B1:B12;0.5;;4294967295)", 0.5, 10000),
                    "D4": ("=REVENUEATRISK(A1:A12;B1:B12;\"\";\"\";0)", 0.95, 10000)}
        for cell, (f, _, _) in formulas.items():
            self.calc.formula(s, cell, f)
        self.calc.recalc()
        first = {cell: self.calc.value(s, cell) for cell in formulas}
        dist = ref_health.kept_distribution([r or 0 for r in revenue], p)
        for cell, (f, conf, sims) in formulas.items():
            err, v = first[cell]
            self.assertEqual(err, 0, f)
            lo, hi = ref_health.quantile_band(dist, 1 - conf, sims)
            self.assertTrue(lo <= v <= hi, f"{f}: {v} outside [{lo}, {hi}]")
        self.calc.recalc()
        for cell in formulas:
            self.assertEqual(self.calc.value(s, cell), first[cell], "recalculation changed it")
        # everyone stays: the total; nobody stays: 0
        self.calc.put(s, "F1", [[1], [1], [1]])
        self.assertClose(self.eval("=REVENUEATRISK(A1:A3;F1:F3)"), sum(r or 0 for r in revenue[:3]))

    # -- PRUNESTABILITY ---------------------------------------------------
    BOOK = [[10, 5, 2], [20, None, 4], [30, 5, 8], [40, 1, None], [10, 5, 2], [25, 3, 3],
            [None, None, None], [15, 2, 9], [35, 4, 1], [5, 6, 7], [22, 2, 2], [18, 3, 6]]

    def test_prune_stability(self):
        s = self.sheet
        n = len(self.BOOK)
        self.calc.put(s, "A1", self.BOOK)
        self.calc.put(s, "A20", [[2, 1, 1], [1, -1, 1]])
        self.calc.array(s, f"E1:E{n}", f"=PRUNESTABILITY(A1:C{n};A20:C20;A21:C21;3;0)")
        self.calc.array(s, f"F1:F{n}", f"=PRUNESTABILITY(A1:C{n};A20:C20;A21:C21;3;0.3;20000;9)")
        self.calc.array(s, f"G1:G{n}", f"=PRUNESTABILITY(A1:C{n};A20:C20;A21:C21;3)")
        self.calc.recalc()
        # jitter 0: exactly PRUNERANK(CLIENTSCORE) <= 3
        scores = reference.clientscore(self.BOOK, [2, 1, 1], [1, -1, 1])
        ranks = reference.prunerank(scores)
        exact = self.numbers(f"E1:E{n}")
        for i in range(n):
            want = None if ranks[i] is None else (1.0 if ranks[i] <= 3 else 0.0)
            self.assertEqual(exact[i], want, f"row {i}")
        # jitter 0.3: an independent simulation, within sampling error of both
        ref = ref_health.prunestability(self.BOOK, [2, 1, 1], [1, -1, 1], 3, 0.3, 4000, seed=3)
        got = self.numbers(f"F1:F{n}")
        for i in range(n):
            if ref[i] is None:
                self.assertIsNone(got[i])
                continue
            q = min(max(ref[i], 0.01), 0.99)
            tol = 4.5 * math.sqrt(q * (1 - q) * (1 / 20000 + 1 / 4000)) + 1e-3
            self.assertLessEqual(abs(got[i] - ref[i]), tol, f"row {i}: {got[i]} vs {ref[i]}")
        first = self.numbers(f"G1:G{n}")
        self.calc.recalc()
        self.assertEqual(self.numbers(f"G1:G{n}"), first, "recalculation changed it")
        self.assertEqual(first[0], first[4], "identical clients must agree")

    # -- SEGMENTS ---------------------------------------------------------
    def test_segments(self):
        rnd = random.Random(8)
        s = self.sheet
        centres = [(10, 200, 3), (60, 20, 1), (30, 120, 5), (80, 150, 2)]
        rows = []
        for i in range(60):
            c = centres[rnd.randrange(4)]
            rows.append([round(c[0] + rnd.gauss(0, 2), 1), round(c[1] + rnd.gauss(0, 8), 1), c[2], 1])
        self.calc.put(s, "A1", rows)
        for k, column in ((4, "F"), (2, "G"), (1, "H")):
            self.calc.array(s, f"{column}1:{column}60", f"=SEGMENTS(A1:D60;{k})")
        self.calc.array(s, "I1:I60", "=SEGMENTS(A1:D60;4;12345)")
        self.calc.recalc()
        four = self.numbers("F1:F60")
        self.assertEqual(four, [float(x) for x in ref_health.segments(rows, 4)])
        self.assertEqual(self.numbers("I1:I60"), four)  # well-separated: any seed
        self.assertEqual(self.numbers("G1:G60"), [float(x) for x in ref_health.segments(rows, 2)])
        self.assertEqual(self.numbers("H1:H60"), [1.0] * 60)
        self.calc.recalc()
        self.assertEqual(self.numbers("F1:F60"), four)
        # k = the number of distinct rows: each distinct row its own segment
        small = [[1, 0], [0, 1], [1, 0], [2, 2], [0, 0]]
        self.calc.put(s, "K1", small)
        self.calc.array(s, "M1:M5", "=SEGMENTS(K1:L5;4)")
        self.calc.recalc()
        self.assertEqual(self.numbers("M1:M5"), [2.0, 3.0, 2.0, 1.0, 4.0])
        self.assertInvalid("=SEGMENTS(K1:L5;5)")

    # -- invalid input ------------------------------------------------------
    def test_invalid_arguments(self):
        s = self.sheet
        self.calc.put(s, "A1", [[1, 2, 0.5], [3, 4, 0.9], [5, 7, 0.1], [2, 1, 1.0]])
        self.calc.put(s, "A6", [["x", 2, 1.5], [None, 1, None]])
        self.calc.put(s, "E1", [[1, 1], [1, -1], [2, 0]])
        bad = [
            "=CANARY(A1:B4)",                      # a block of values
            "=CANARY(A1:A6)",                      # text in values
            "=CANARY(A1:A4;B1:B3)",                # times of another count
            "=CANARY(A1:A4;B4:B7)",                # a blank time beside a value
            "=CANARY(A1:A4;;0)",                   # alpha 0
            "=CANARY(A1:A4;;1)",                   # alpha 1
            '=CANARY(A1:A4;;"high")',              # alpha text
            "=IDEALFIT(A1:B4;A1:B1;A1:B1)",        # population of one row
            "=IDEALFIT(A1:B4;A1:C1;A1:B4)",        # ideal wider than client
            "=IDEALFIT(A1:B4;A1:B2;A1:B4)",        # ideal of two rows
            "=IDEALFIT(A1:B4;A1:B1;A1:C4)",        # population of another width
            "=IDEALFIT(A1:B7;A1:B1;A1:B4)",        # text / blank in client
            "=IDEALFIT(A1:B4;A1:B1;A1:B4;E2:F2)",  # negative weight
            "=IDEALFIT(A1:B4;A1:B1;A1:B4;{1;1;1})",  # weights count
            "=REVENUEATRISK(A1:A4;C1:C3)",         # heights differ
            "=REVENUEATRISK(A1:A4;A1:A4)",         # p_alive above 1
            "=REVENUEATRISK(A1:A7;C1:C7)",         # blank / text p_alive
            "=REVENUEATRISK(A1:B4;C1:C4)",         # revenue in two columns
            "=REVENUEATRISK(A1:A4;C1:C4;1)",       # confidence 1
            "=REVENUEATRISK(A1:A4;C1:C4;0)",       # confidence 0
            "=REVENUEATRISK(A1:A4;C1:C4;;99)",     # too few sims
            "=REVENUEATRISK(A1:A4;C1:C4;;100.5)",  # sims not whole
            "=REVENUEATRISK(A1:A4;C1:C4;;10000001)",  # too many sims
            "=REVENUEATRISK(A1:A4;C1:C4;;;-1)",    # negative seed
            "=REVENUEATRISK(A1:A4;C1:C4;;;4294967296)",  # seed too large
            "=REVENUEATRISK(A1:A4;C1:C4;;;1.5)",   # seed not whole
            "=PRUNESTABILITY(A1:B4;E1:F1;;)",      # prune_count left empty
            "=PRUNESTABILITY(A1:B4;E1:F1;;5)",     # prune_count above n
            "=PRUNESTABILITY(A1:B4;E1:F1;;1.5)",   # prune_count not whole
            "=PRUNESTABILITY(A1:B4;E1:F1;;-1)",    # prune_count negative
            "=PRUNESTABILITY(A1:B4;E1:F1;;2;1)",   # jitter 1
            "=PRUNESTABILITY(A1:B4;E1:F1;;2;-0.1)",  # jitter negative
            "=PRUNESTABILITY(A1:B4;E1:F1;E3:F3;2)",  # direction 0
            "=PRUNESTABILITY(A1:B4;E2:F2;;2)",     # negative weight
            "=PRUNESTABILITY(A1:B4;{0;0};;2)",     # weights all 0
            "=PRUNESTABILITY(A1:B4;E1:F1;;2;;50)",  # too few sims
            "=PRUNESTABILITY(A1:B6;E1:F1;;2)",     # text in criteria
            "=SEGMENTS(A1:B4;0)",                  # k 0
            "=SEGMENTS(A1:B4;5)",                  # k above the rows
            "=SEGMENTS(A1:B4;1.5)",                # k not whole
            "=SEGMENTS(A1:B7;1)",                  # blank / text in criteria
            "=SEGMENTS(A1:B4;2;-3)",               # bad seed
            "=SEGMENTS(A1:B4;A1:A2)",              # k of two cells
        ]
        for f in bad:
            with self.subTest(formula=f):
                self.assertInvalid(f)
        # prune_count is required: leaving it out is too few arguments, which
        # Calc itself reports as Err:504.
        self.assertEqual(self.eval("=PRUNESTABILITY(A1:B4;E1:F1)")[0], 504)
        self.assertTrue(self.calc.alive())


def reference_col(i):
    """Column letters up to ZZ."""
    return col(i) if i < 26 else col(i // 26 - 1) + col(i % 26)


if __name__ == "__main__":
    unittest.main(verbosity=2)
