# SPDX-License-Identifier: GPL-3.0-or-later
"""The pruning toolkit through a real headless Calc: PRUNESET,
CLIENTQUADRANT, PRUNEIMPACT, COSTTOSERVE, COSTALLOCATE, WHALECURVE,
WHALEPEAK, ABCCLASS and CONCENTRATION.

    /usr/bin/python3 tests/e2e/test_toolkit.py build/clientprune.oxt

Values are compared with ref_toolkit.py (an independent implementation of
FUNCTIONS.md) to 1e-9 and with the hand-derived values of tests/cu_prune.c
and tests/cu_profit.c; row mode must give what table mode gives; empty
results where the blank-cell rules ask for them; every invalid input shows
Err:502 with Calc still answering.
"""
import math
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ref_toolkit as ref  # noqa: E402
from e2e import ERR_ILLEGAL_ARGUMENT, CalcCase, main_oxt  # noqa: E402

OXT = main_oxt()
ERR = object()  # an expected Err:502


def expect(fn, *args, width=1):
    """The reference's result, or Err:502 in each of `width` cells."""
    try:
        return fn(*args)
    except ref.Invalid:
        return ERR if width == 1 else [ERR] * width


def col(i):
    """Column letters of a 0-based index (A .. ZZ)."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


class ToolkitTest(CalcCase):
    OXT = OXT

    def fresh_sheet(self):
        self.tearDown()
        self.setUp()

    # -- helpers ----------------------------------------------------------
    def assertCell(self, got, want, where=""):
        """want: a number (1e-9 relative), a text, None for an empty result,
        or ERR for Err:502."""
        if want is ERR:
            self.assertEqual(got[0], ERR_ILLEGAL_ARGUMENT, where)
            return
        self.assertClose(got, want, where)

    def assertColumn(self, rng, want, where=""):
        got = self.calc.column(self.sheet, rng)
        if want is ERR:
            want = [ERR] * len(got)
        self.assertEqual(len(got), len(want))
        for i, (g, w) in enumerate(zip(got, want)):
            self.assertCell(g, w, f"{where} {rng} row {i}")

    def row(self, rng):
        r = self.sheet.getCellRangeByName(rng).RangeAddress
        return [self.calc.value(self.sheet, self.sheet.getCellByPosition(c, r.StartRow))
                for c in range(r.StartColumn, r.EndColumn + 1)]

    def assertRow(self, rng, want, where=""):
        got = self.row(rng)
        if want is ERR:
            want = [ERR] * len(got)
        self.assertEqual(len(got), len(want))
        for j, (g, w) in enumerate(zip(got, want)):
            self.assertCell(g, w, f"{where} {rng} col {j}")

    def put_column(self, top_left, values):
        self.calc.put(self.sheet, top_left, [[v] for v in values])

    # -- hand-derived values (the books of cu_prune.c and cu_profit.c) ------
    def test_pruneset_book(self):
        # scores 50 20 20 N 80 20 35, revenue 10 5 3 100 40 3 0: see cu_prune.c.
        self.put_column("A1", [50, 20, 20, None, 80, 20, 35])
        self.put_column("B1", [10, 5, 3, 100, 40, 3, 0])
        cases = {"D": (0.1, [0, 0, 1, None, 0, 1, 0]),
                 "E": ("11/61", [0, 1, 1, None, 0, 1, 1]),
                 "F": (0.05, [0, 0, 0, None, 0, 0, 0]),
                 "G": (1, [1, 1, 1, None, 1, 1, 1])}
        for c, (share, _) in cases.items():
            self.calc.array(self.sheet, f"{c}1:{c}7", f"=PRUNESET(A1:A7;B1:B7;{share})")
        # 29 of 100 with a budget of 0.29 (0.29 * 100 < 29 in doubles).
        self.put_column("I1", [1, 2])
        self.put_column("J1", [29, 71])
        self.calc.array(self.sheet, "K1:K2", "=PRUNESET(I1:I2;J1:J2;0.29)")
        # Zero-revenue clients at the front are marked with a budget of 0.
        self.put_column("L1", [10, 20, 30])
        self.put_column("M1", [0, None, 5])
        self.calc.array(self.sheet, "N1:N3", "=PRUNESET(L1:L3;M1:M3;0)")
        self.calc.recalc()
        for c, (_, want) in cases.items():
            self.assertColumn(f"{c}1:{c}7", want)
        self.assertColumn("K1:K2", [1, 0])
        self.assertColumn("N1:N3", [1, 1, 0])

    def test_quadrant_book(self):
        # cu_prune.c: medians 300 and 50 over the clients with a score.
        rev = [100, 200, 300, 400, 5000, 999]
        sc = [10, 80, 30, 90, None, 50]
        want = ["Prune", "Grow", "Reprice", "Top", None, "Top"]
        self.put_column("A1", rev)
        self.put_column("B1", sc)
        self.calc.array(self.sheet, "C1:C6", "=CLIENTQUADRANT(A1:A6;B1:B6)")
        for i in range(6):
            self.calc.formula(self.sheet, f"D{i + 1}",
                              f"=CLIENTQUADRANT(A{i + 1}:A{i + 1};B{i + 1}:B{i + 1};$A$1:$A$6;$B$1:$B$6)")
        self.calc.recalc()
        self.assertColumn("C1:C6", want)
        self.assertColumn("D1:D6", want)
        # Even count: medians (2 + 3) / 2 = 2.5.
        self.put_column("F1", [1, 2, 3, 4])
        self.put_column("G1", [4, 3, 2, 1])
        self.calc.array(self.sheet, "H1:H4", "=CLIENTQUADRANT(F1:F4;G1:G4)")
        self.calc.recalc()
        self.assertColumn("H1:H4", ["Grow", "Grow", "Reprice", "Reprice"])

    def test_text_results_in_formulas(self):
        # Quadrants and classes are ordinary text to other formulas: "=",
        # COUNTIF and MATCH find them (they are returned as strings, which
        # Calc 7.4 interns), and so does the older &"" way.
        self.put_column("A1", [100, 200, 300, 400])
        self.put_column("B1", [10, 80, 30, 90])
        self.calc.array(self.sheet, "C1:C4", "=CLIENTQUADRANT(A1:A4;B1:B4)")
        self.calc.array(self.sheet, "D1:D4", "=ABCCLASS(A1:A4)")
        self.calc.formula(self.sheet, "E1", '=C1&""="Prune"')
        self.calc.formula(self.sheet, "E2", '=SUMPRODUCT((C1:C4&"")="Top")')
        self.calc.formula(self.sheet, "E3", '=SUMPRODUCT((D1:D4&"")="A")')
        self.calc.formula(self.sheet, "F1", '=C1="Prune"')
        self.calc.formula(self.sheet, "F2", '=COUNTIF(C1:C4;"Top")')
        self.calc.formula(self.sheet, "F3", '=COUNTIF(D1:D4;"A")')
        self.calc.formula(self.sheet, "F4", '=MATCH("Reprice";C1:C4;0)')
        self.calc.recalc()
        self.assertColumn("C1:C4", ["Prune", "Grow", "Reprice", "Top"])
        self.assertEqual(self.calc.value(self.sheet, "E1"), (0, 1.0))   # TRUE
        self.assertEqual(self.calc.value(self.sheet, "E2"), (0, 1.0))
        # share before: 400 -> 0, 300 -> 0.4, 200 -> 0.7 (all A); 100 -> 0.9 (B)
        self.assertColumn("D1:D4", ["B", "A", "A", "A"])
        self.assertEqual(self.calc.value(self.sheet, "E3"), (0, 3.0))
        self.assertEqual(self.calc.value(self.sheet, "F1"), (0, 1.0))
        self.assertEqual(self.calc.value(self.sheet, "F2"), (0, 1.0))
        self.assertEqual(self.calc.value(self.sheet, "F3"), (0, 3.0))
        self.assertEqual(self.calc.value(self.sheet, "F4"), (0, 3.0))

    def test_pruneimpact_book(self):
        # cu_prune.c: R 150, C 100, Cp 45; before 200 and 145.
        self.put_column("A1", [100, 50, 30, 20])
        self.put_column("B1", [60, 40, 35, 10])
        self.put_column("C1", [None, 0, 1, 1])  # a blank flag keeps the client
        self.calc.array(self.sheet, "E1:J1", "=PRUNEIMPACT(A1:A4;B1:B4;C1:C4)")
        self.calc.array(self.sheet, "E2:J2", "=PRUNEIMPACT(A1:A4;B1:B4;C1:C4;0.5)")
        self.calc.formula(self.sheet, "E3", "=PRUNEIMPACT(A1:A4;B1:B4;C1:C4;0.5)")
        self.calc.recalc()
        self.assertRow("E1:J1", [50, 55, 150, 200, 1 / 3, 0.275])
        self.assertRow("E2:J2", [61.25, 55, 183.75, 200, 1 / 3, 0.275])
        self.assertCell(self.calc.value(self.sheet, "E3"), 61.25, "single cell")

    def test_costs_book(self):
        # cu_profit.c: drivers (10, 2), (0, 5), (3.5, blank).
        self.calc.put(self.sheet, "A1", [[10, 2], [0, 5], [3.5, None]])
        self.calc.array(self.sheet, "D1:D3", "=COSTTOSERVE(A1:B3;{50;20})")
        self.calc.put(self.sheet, "F1", [[50], [20]])
        self.calc.array(self.sheet, "E1:E3", "=COSTTOSERVE(A1:B3;F1:F2)")
        self.calc.array(self.sheet, "G1:G3", "=COSTALLOCATE(A1:B3;{1000;700})")
        self.calc.recalc()
        self.assertColumn("D1:D3", [540, 100, 175])
        self.assertColumn("E1:E3", [540, 100, 175])
        self.assertColumn("G1:G3", [25400 / 27, 500, 7000 / 27])

    def test_whale_book(self):
        # cu_profit.c: profit 30 -10 50 0 20 -40 -> 1, 1.6, 2, 2, 1.8, 1.
        self.put_column("A1", [30, -10, 50, None, 20, -40])
        self.calc.array(self.sheet, "C1:D6", "=WHALECURVE(A1:A6)")
        self.calc.array(self.sheet, "F1:G1", "=WHALEPEAK(A1:A6)")
        self.calc.formula(self.sheet, "F2", "=WHALEPEAK(A1:A6)")
        self.calc.recalc()
        self.assertColumn("C1:C6", [k / 6 for k in range(1, 7)])
        self.assertColumn("D1:D6", [1, 1.6, 2, 2, 1.8, 1])
        self.assertRow("F1:G1", [2, 0.5])
        self.assertCell(self.calc.value(self.sheet, "F2"), 2)

    def test_abc_and_concentration_book(self):
        # cu_profit.c: 50 30 15 5 -> A A B C; hhi 3650, top1 0.5, top5 1, gini 0.375.
        self.put_column("A1", [50, 30, 15, 5])
        self.calc.array(self.sheet, "B1:B4", "=ABCCLASS(A1:A4)")
        for i in range(4):
            self.calc.formula(self.sheet, f"C{i + 1}", f"=ABCCLASS(A{i + 1};$A$1:$A$4)")
        self.calc.array(self.sheet, "D1:D4", "=ABCCLASS(A1:A4;;0.6;0.6)")
        # The decimal bound of cu_profit.c: 0.01 sits exactly on a_share 0.9.
        self.put_column("F1", [0.05, 0.04, 0.01])
        self.calc.array(self.sheet, "G1:G3", "=ABCCLASS(F1:F3;;0.9)")
        self.calc.recalc()
        self.assertColumn("B1:B4", ["A", "A", "B", "C"])
        self.assertColumn("C1:C4", ["A", "A", "B", "C"])
        self.assertColumn("D1:D4", ["A", "A", "C", "C"])
        self.assertColumn("G1:G3", ["A", "A", "B"])
        want = {"": 3650, '"hhi"': 3650, '"HHI"': 3650, '""': 3650, '"top1"': 0.5,
                '"Top5"': 1, '"gini"': 0.375}
        for m, w in want.items():
            f = f"=CONCENTRATION(A1:A4;{m})" if m else "=CONCENTRATION(A1:A4)"
            self.assertCell(self.eval(f), w, f)

    # -- random books against the reference ---------------------------------
    def test_random_books_against_reference(self):
        rnd = random.Random(20261126)
        for trial in range(6):
            n = rnd.randint(1, 30)
            scores = [None if rnd.random() < 0.15 else rnd.choice(
                [rnd.randint(0, 5) * 10, round(rnd.uniform(0, 100), 3)]) for _ in range(n)]
            revenue = [None if rnd.random() < 0.1 else rnd.choice(
                [rnd.randint(0, 6) * 100, round(rnd.uniform(0, 2000), 2)]) for _ in range(n)]
            if all(v is None or v == 0 for v in revenue):
                revenue[0] = 100
            cost = [None if rnd.random() < 0.1 else round(rnd.uniform(0, 1500), 2) for _ in range(n)]
            flags = [rnd.choice([0, 1, None]) for _ in range(n)]
            profit = [None if r is None and c is None else (r or 0) - (c or 0) for r, c in zip(revenue, cost)]
            if math.fsum(p or 0 for p in profit) <= 0:
                profit[0] = (profit[0] or 0) + 10000
            drivers = [[None if rnd.random() < 0.1 else rnd.choice([rnd.randint(0, 40), round(rnd.uniform(0, 9), 1)])
                        for _ in range(3)] for _ in range(n)]
            for j in range(3):
                drivers[rnd.randrange(n)][j] = 5  # every driver column carries something
            rates = [rnd.choice([0, 12.5, 45, 80]) for _ in range(3)]
            pools = [rnd.choice([0, 1000, 30000.5]) for _ in range(3)]
            known_rev = [(r or 0) for r, s in zip(revenue, scores) if s is not None]
            # A budget sitting exactly on a prefix of the order now and then.
            share = rnd.choice([0, 0.05, 0.2, 0.5, 1, rnd.random()])
            if known_rev and sum(known_rev) > 0 and trial % 2:
                share = min(1.0, sum(sorted(known_rev)[:max(1, n // 3)]) / sum(known_rev))
            a_share = rnd.choice([None, 0.5, 0.7, 0.8])
            b_share = rnd.choice([None, 0.9, 0.95, 1]) if a_share is not None else None

            s = self.sheet
            L = n
            self.put_column("A1", scores)
            self.put_column("B1", revenue)
            self.put_column("C1", cost)
            self.put_column("D1", flags)
            self.put_column("E1", profit)
            self.calc.put(s, "F1", drivers)
            self.calc.put(s, "AA1", [rates, pools])
            self.calc.array(s, f"J1:J{L}", f"=PRUNESET(A1:A{L};B1:B{L};{share!r})")
            self.calc.array(s, f"K1:K{L}", f"=CLIENTQUADRANT(B1:B{L};A1:A{L})")
            self.calc.array(s, "AB5:AG5", f"=PRUNEIMPACT(B1:B{L};C1:C{L};J1:J{L})")
            self.calc.array(s, "AB6:AG6", f"=PRUNEIMPACT(B1:B{L};C1:C{L};D1:D{L};0.3)")
            self.calc.array(s, f"M1:M{L}", f"=COSTTOSERVE(F1:H{L};AA1:AC1)")
            self.calc.array(s, f"N1:N{L}", f"=COSTALLOCATE(F1:H{L};AA2:AC2)")
            self.calc.array(s, f"O1:P{L}", f"=WHALECURVE(E1:E{L})")
            self.calc.array(s, "AB7:AC7", f"=WHALEPEAK(E1:E{L})")
            abc_opts = ("" if a_share is None else f";{a_share!r}") + ("" if b_share is None else f";{b_share!r}")
            self.calc.array(s, f"Q1:Q{L}", f"=ABCCLASS(B1:B{L};{abc_opts})")
            for m, c in zip(["hhi", "top1", "top5", "gini"], ["AB", "AC", "AD", "AE"]):
                self.calc.formula(s, f"{c}8", f'=CONCENTRATION(B1:B{L};"{m}")')
            # row mode, filled down
            for i in range(1, L + 1):
                self.calc.formula(s, f"R{i}", f"=CLIENTQUADRANT(B{i}:B{i};A{i}:A{i};$B$1:$B${L};$A$1:$A${L})")
                self.calc.formula(s, f"S{i}", f"=ABCCLASS(B{i}:B{i};$B$1:$B${L}{abc_opts})")
            self.calc.recalc()

            where = f"trial {trial} (n={n})"
            flags_set = expect(ref.pruneset, scores, revenue, share)
            self.assertColumn(f"J1:J{L}", flags_set, where)
            quad = expect(ref.clientquadrant, revenue, scores)
            self.assertColumn(f"K1:K{L}", quad, where)
            self.assertColumn(f"R1:R{L}", quad, where + " row mode")
            if flags_set is not ERR:
                self.assertRow("AB5:AG5", expect(ref.pruneimpact, revenue, cost, flags_set, width=6), where)
            self.assertRow("AB6:AG6", expect(ref.pruneimpact, revenue, cost, flags, 0.3, width=6), where)
            self.assertColumn(f"M1:M{L}", expect(ref.costtoserve, drivers, rates), where)
            self.assertColumn(f"N1:N{L}", expect(ref.costallocate, drivers, pools), where)
            curve = expect(ref.whalecurve, profit)
            self.assertColumn(f"O1:O{L}", curve if curve is ERR else [c[0] for c in curve], where)
            self.assertColumn(f"P1:P{L}", curve if curve is ERR else [c[1] for c in curve], where)
            self.assertRow("AB7:AC7", expect(ref.whalepeak, profit, width=2), where)
            abc = expect(ref.abcclass, revenue, None, a_share, b_share)
            self.assertColumn(f"Q1:Q{L}", abc, where)
            self.assertColumn(f"S1:S{L}", abc, where + " row mode")
            self.assertRow("AB8:AE8", [expect(ref.concentration, revenue, m)
                                       for m in ["hhi", "top1", "top5", "gini"]], where)
            self.fresh_sheet()

    def test_scores_from_clientscore(self):
        # The usual chain: CLIENTSCORE's empty result ("") is an empty score
        # for PRUNESET and CLIENTQUADRANT.
        self.calc.put(self.sheet, "A1", [[100, 3], [None, None], [300, 1], [200, 2]])
        self.calc.array(self.sheet, "C1:C4", "=CLIENTSCORE(A1:B4;{1;1};{1;-1})")
        self.calc.array(self.sheet, "D1:D4", "=PRUNESET(C1:C4;A1:A4;0.2)")
        self.calc.array(self.sheet, "E1:E4", "=CLIENTQUADRANT(A1:A4;C1:C4)")
        self.calc.recalc()
        scores = [v if v != "" else None for _, v in self.calc.column(self.sheet, "C1:C4")]
        self.assertIsNone(scores[1])
        self.assertColumn("D1:D4", ref.pruneset(scores, [100, None, 300, 200], 0.2))
        self.assertColumn("E1:E4", ref.clientquadrant([100, None, 300, 200], scores))

    # -- empty results --------------------------------------------------------
    def test_empty_results(self):
        s = self.sheet
        self.put_column("A1", [None, None, None])
        self.put_column("B1", [5, 0, -3])
        self.calc.array(s, "C1:C3", "=PRUNESET(A1:A3;B1:B3;0.5)")       # every score empty
        self.calc.array(s, "D1:D3", "=CLIENTQUADRANT(B1:B3;A1:A3)")
        self.put_column("E1", [1, None, 3])
        self.calc.formula(s, "F1", "=CLIENTQUADRANT(B2:B2;E2:E2;B1:B3;E1:E3)")  # this client's score empty
        self.calc.formula(s, "F2", "=CLIENTQUADRANT(B1:B1;E1:E1;B1:B3;A1:A3)")  # no score in the population
        # Margins: revenue 10 and -10 sum to 0 -> both margins empty.
        self.put_column("G1", [10, -10])
        self.put_column("H1", [1, 1])
        self.calc.array(s, "I1:N1", "=PRUNEIMPACT(G1:G2;H1:H2;{0|0})")
        # Everyone pruned: revenue after 0, margin after empty.
        self.calc.array(s, "I2:N2", "=PRUNEIMPACT(B1:B2;H1:H2;{1|1})")
        self.calc.recalc()
        self.assertColumn("C1:C3", [None, None, None])
        self.assertColumn("D1:D3", [None, None, None])
        self.assertCell(self.calc.value(s, "F1"), None)
        self.assertCell(self.calc.value(s, "F2"), None)
        self.assertRow("I1:N1", [-2, -2, 0, 0, None, None])
        self.assertRow("I2:N2", [0, 3, 0, 5, None, 0.6])

    def test_omitted_options(self):
        self.put_column("A1", [50, 30, 15, 5])
        self.put_column("B1", [10, 20, 30, 40])
        self.put_column("C1", [0, 1, 0, 1])
        # ABCCLASS: left out, left empty in the middle, "" -> defaults 0.8, 0.95.
        for f in ["=ABCCLASS(A1:A4)", "=ABCCLASS(A1:A4;)", "=ABCCLASS(A1:A4;;;)",
                  '=ABCCLASS(A1:A4;"";"";"")', "=ABCCLASS(A1:A4;;0.8)", "=ABCCLASS(A1:A4;;;0.95)",
                  "=ABCCLASS(A1:A4;A1:A4;0.8;0.95)"]:
            self.calc.array(self.sheet, "E1:E4", f)
            self.calc.recalc()
            self.assertColumn("E1:E4", ["A", "A", "B", "C"], f)
        for f in ["=PRUNEIMPACT(A1:A4;B1:B4;C1:C4)", "=PRUNEIMPACT(A1:A4;B1:B4;C1:C4;)",
                  '=PRUNEIMPACT(A1:A4;B1:B4;C1:C4;"")', "=PRUNEIMPACT(A1:A4;B1:B4;C1:C4;0)"]:
            self.assertCell(self.eval(f), ref.pruneimpact([50, 30, 15, 5], [10, 20, 30, 40], [0, 1, 0, 1])[0], f)
        self.assertCell(self.eval("=CONCENTRATION(A1:A4;)"), 3650)
        # -0 counts as 0: a budget of -0 is the budget 0.
        self.put_column("G1", [1, 2])
        self.put_column("H1", [0, 5])
        self.assertCell(self.eval("=PRUNESET(G1:G2;H1:H2;-0)"), 1)

    def test_single_cell_and_shapes(self):
        # A one-value population and inline arrays.
        self.assertCell(self.eval("=ABCCLASS(7)"), "A")
        self.assertCell(self.eval("=CONCENTRATION(7)"), 10000)
        self.assertCell(self.eval("=WHALECURVE(7)"), 1)
        self.assertCell(self.eval("=PRUNESET({1|2};{3|4};0.5)"), 1)
        self.assertCell(self.eval("=CLIENTQUADRANT({1|2|3};{3|2|1})"), "Grow")
        self.assertCell(self.eval("=COSTTOSERVE({1|2|3};3)"), 3)  # one driver, a client per row
        self.assertCell(self.eval("=COSTTOSERVE({1;2;3};{1|1|1})"), 6)  # one row: one client, three drivers

    # -- invalid input: every kind the conventions and the rules name ---------
    def test_invalid_arguments(self):
        s = self.sheet
        self.put_column("A1", [1, 2, 3])           # scores / values
        self.put_column("B1", [10, 20, 30])        # revenue
        self.put_column("C1", [1, "x", 3])         # text in a number column
        self.put_column("D1", [0, 1, 2])           # a flag 2
        self.put_column("E1", [-1, 2, 3])          # a negative value
        self.put_column("F1", [0, 0, None])        # total 0
        self.put_column("G1", [10, -10, 0])        # total profit 0
        self.put_column("H1", [0, 0.5, 1])         # a flag 0.5
        self.calc.put(s, "I1", [[1, 2], [3, 4], [5, 6]])   # a two-column block
        self.calc.put(s, "K1", [[1, None, 3]])     # a row with a blank
        self.calc.put(s, "K2", [[1, -1, 3]])       # a row with a negative
        self.calc.put(s, "K3", [[1, "x", 3]])      # a row with text
        self.calc.put(s, "K4", [[1, 0, 3]])        # drivers row: column 2 sums to 0 below
        self.calc.put(s, "K5", [[1, 0, 2]])
        self.put_column("O1", [None, None, None])  # every score empty
        bad = [
            # PRUNESET
            "=PRUNESET(C1:C3;B1:B3;0.5)",            # text in scores
            "=PRUNESET(A1:A3;C1:C3;0.5)",            # text in revenue
            "=PRUNESET(A1:A3;B1:B2;0.5)",            # heights differ
            "=PRUNESET(I1:J3;B1:B3;0.5)",            # scores in two columns
            "=PRUNESET(A1:A3;I1:J3;0.5)",            # revenue in two columns
            "=PRUNESET(K4:M4;K5:M5;0.5)",            # scores as a row of cells
            "=PRUNESET({1;2};{3;4};0.5)",            # inline rows, not columns
            "=PRUNESET(A1:A3;B1:B3;1.5)",            # share above 1
            "=PRUNESET(A1:A3;B1:B3;-0.1)",           # share below 0
            '=PRUNESET(A1:A3;B1:B3;"half")',         # share as text
            "=PRUNESET(A1:A3;B1:B3;A1:A2)",          # share as a block
            "=PRUNESET(A1:A3;B1:B3;O1:O1)",          # share blank
            "=PRUNESET(A1:A3;F1:F3;0.5)",            # total revenue 0 (blanks)
            "=PRUNESET(A1:A3;G1:G3;0.1)",            # total revenue 10 - 10 + 0 = 0
            "=PRUNESET(A1:A3;{-1|-2|0};1)",          # total revenue below 0
            # CLIENTQUADRANT
            "=CLIENTQUADRANT(C1:C3;A1:A3)",          # text in revenue
            "=CLIENTQUADRANT(B1:B3;C1:C3)",          # text in score
            "=CLIENTQUADRANT(B1:B3;A1:A2)",          # heights differ
            "=CLIENTQUADRANT(I1:J3;A1:A3)",          # revenue in two columns
            "=CLIENTQUADRANT(B1;A1;B1:B3)",          # population by half
            "=CLIENTQUADRANT(B1;A1;;A1:A3)",         # population by half, the other
            "=CLIENTQUADRANT(B1;A1;B1:B3;A1:A2)",    # population heights differ
            "=CLIENTQUADRANT(B1;A1;B1:B3;C1:C3)",    # text in population scores
            "=CLIENTQUADRANT(B1;A1;I1:J3;A1:A3)",    # population in two columns
            # PRUNEIMPACT
            "=PRUNEIMPACT(B1:B3;A1:A3;D1:D3)",       # a flag 2
            "=PRUNEIMPACT(B1:B3;A1:A3;H1:H3)",       # a flag 0.5
            "=PRUNEIMPACT(B1:B3;A1:A3;C1:C3)",       # a text flag
            "=PRUNEIMPACT(B1:B3;C1:C3;F1:F3)",       # text in cost
            "=PRUNEIMPACT(B1:B3;A1:A2;F1:F3)",       # heights differ
            "=PRUNEIMPACT(B1:B3;A1:A3;F1:F2)",       # flag height differs
            "=PRUNEIMPACT(B1:B3;A1:A3;F1:F3;1.2)",   # redeploy above 1
            "=PRUNEIMPACT(B1:B3;A1:A3;F1:F3;-0.2)",  # redeploy below 0
            '=PRUNEIMPACT(B1:B3;A1:A3;F1:F3;"x")',   # redeploy text
            "=PRUNEIMPACT(B1:B3;A1:A3;F1:F3;A1:A2)", # redeploy a block
            "=PRUNEIMPACT(B1:B3;F1:F3;{1|1|0};0.5)", # kept cost 0 with redeploy > 0
            # COSTTOSERVE / COSTALLOCATE
            "=COSTTOSERVE(K1:M1;{1;2})",             # rates count differs
            "=COSTTOSERVE(K2:M2;{1;1;1})",           # negative driver
            "=COSTTOSERVE(K3:M3;{1;1;1})",           # text driver
            "=COSTTOSERVE(K4:M4;K2:M2)",             # negative rate
            "=COSTTOSERVE(K4:M4;K1:M1)",             # blank rate
            "=COSTTOSERVE(K4:M4;K3:M3)",             # text rate
            "=COSTTOSERVE(I1:J3;I1:J2)",             # rates a 2 x 2 block
            "=COSTALLOCATE(K4:M5;{1;1;1})",          # driver column sums to 0, pool 1
            "=COSTALLOCATE(I1:J3;{1;-1})",           # negative pool
            "=COSTALLOCATE(I1:J3;K1:L1)",            # blank pool
            "=COSTALLOCATE(I1:J3;{1;1;1})",          # pools count differs
            "=COSTALLOCATE(K2:M2;{1;1;1})",          # negative driver
            # WHALECURVE / WHALEPEAK
            "=WHALECURVE(G1:G3)",                    # total profit 0
            "=WHALECURVE(F1:F3)",                    # total profit 0 (blanks)
            "=WHALECURVE(C1:C3)",                    # text
            "=WHALECURVE(I1:J3)",                    # two columns
            "=WHALECURVE(K4:M4)",                    # a row of cells
            "=WHALEPEAK(G1:G3)",
            "=WHALEPEAK(C1:C3)",
            "=WHALEPEAK(I1:J3)",
            "=WHALEPEAK({-1|-2})",
            # ABCCLASS
            "=ABCCLASS(E1:E3)",                      # negative value
            "=ABCCLASS(F1:F3)",                      # total 0
            "=ABCCLASS(C1:C3)",                      # text
            "=ABCCLASS(I1:J3)",                      # two columns
            "=ABCCLASS(A1;E1:E3)",                   # negative in population
            "=ABCCLASS(A1;F1:F3)",                   # population total 0
            "=ABCCLASS(-1;A1:A3)",                   # negative client value
            "=ABCCLASS(A1;I1:J3)",                   # population in two columns
            "=ABCCLASS(A1:A3;;0)",                   # a_share 0
            "=ABCCLASS(A1:A3;;0.96)",                # a_share above the default b_share
            "=ABCCLASS(A1:A3;;0.9;0.8)",             # a > b
            "=ABCCLASS(A1:A3;;0.5;1.1)",             # b above 1
            "=ABCCLASS(A1:A3;;-0.5)",                # a negative
            '=ABCCLASS(A1:A3;;"x")',                 # a text
            "=ABCCLASS(A1:A3;;O1:O1)",               # a_share blank
            "=ABCCLASS(A1:A3;;0.5;O1:O1)",           # b_share blank
            "=ABCCLASS(A1:A3;;{0.5;0.6})",           # a_share several cells
            # CONCENTRATION
            "=CONCENTRATION(E1:E3)",                 # negative
            "=CONCENTRATION(F1:F3)",                 # total 0
            "=CONCENTRATION(C1:C3)",                 # text
            "=CONCENTRATION(I1:J3)",                 # two columns
            "=CONCENTRATION(K4:M4)",                 # a row of cells
            '=CONCENTRATION(A1:A3;"top3")',          # unknown measure
            "=CONCENTRATION(A1:A3;5)",               # measure not text
        ]
        for f in bad:
            with self.subTest(formula=f):
                self.assertInvalid(f)
        self.assertTrue(self.calc.alive())

    def test_error_cells_propagate(self):
        self.put_column("A1", [1, 2])
        self.calc.formula(self.sheet, "A3", "=1/0")
        for f in ["=CONCENTRATION(A1:A3)", "=WHALECURVE(A1:A3)", "=PRUNESET(A1:A3;A1:A3;0.5)"]:
            err, _ = self.eval(f)
            self.assertNotEqual(err, 0, f)
        self.assertTrue(self.calc.alive())

    def test_larger_book(self):
        # 3000 clients through Calc: table mode against the reference for the
        # functions whose reference is not quadratic, and no error cell.
        rnd = random.Random(7)
        n = 3000
        scores = [None if rnd.random() < 0.05 else rnd.randint(0, 100) for _ in range(n)]
        revenue = [rnd.randint(0, 5000) for _ in range(n)]
        self.put_column("A1", scores)
        self.put_column("B1", revenue)
        self.calc.array(self.sheet, f"C1:C{n}", f"=PRUNESET(A1:A{n};B1:B{n};0.15)")
        self.calc.array(self.sheet, f"D1:D{n}", f"=CLIENTQUADRANT(B1:B{n};A1:A{n})")
        self.calc.recalc()
        self.assertColumn(f"C1:C{n}", ref.pruneset(scores, revenue, 0.15))
        self.assertColumn(f"D1:D{n}", ref.clientquadrant(revenue, scores))


if __name__ == "__main__":
    unittest.main(verbosity=2)
