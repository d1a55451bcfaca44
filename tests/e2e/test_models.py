# SPDX-License-Identifier: GPL-3.0-or-later
"""The customer-base models through a real headless Calc.

    /usr/bin/python3 tests/e2e/test_models.py build/clientprune.oxt

- the CDNOW fits (tests/data/cdnow, weeks) against the published
  estimates, their log-likelihood against ref_models.py at the fitted
  parameters, and that it is a maximum; a summarised table with a count
  column fits as the full table;
- P(alive), expected purchases, spend and CLV of random customers against
  ref_models.py (the papers' closed forms) to 1e-9, as array formulas
  (table mode) and one cell per customer (row mode), with identical numbers;
- parameters as a row, a column, with the log-likelihood cell, inline;
- every invalid input gives Err:502, a fit without a maximum Err:523, and
  Calc keeps answering.
"""
import csv
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ref_models as R  # noqa: E402
from e2e import ROOT, CalcCase, main_oxt  # noqa: E402

OXT = main_oxt()
CDNOW = os.environ.get("CLIENTPRUNE_CDNOW") or os.path.join(ROOT, "tests", "data", "cdnow")
ERR_ILLEGAL_ARGUMENT = 502
ERR_NO_CONVERGENCE = 523
BG_PUBLISHED = (0.2426, 4.414, 0.7929, 2.426)
PNBD_PUBLISHED = (0.553, 10.578, 0.606, 11.669)
GG_PUBLISHED = (6.25, 3.74, 15.44)


def load_cdnow():
    with open(os.path.join(CDNOW, "cdnow_customers_summary_with_transactions.csv")) as f:
        return [(float(r["x"]), float(r["t_x"]), float(r["T"]), float(r["zbar"]))
                for r in csv.DictReader(f)]


def put_block(sheet, top_left, rows):
    """Numbers in one UNO call (setDataArray) rather than cell by cell."""
    start = sheet.getCellRangeByName(top_left).CellAddress
    rng = sheet.getCellRangeByPosition(start.Column, start.Row,
                                       start.Column + len(rows[0]) - 1, start.Row + len(rows) - 1)
    rng.setDataArray(tuple(tuple(float(v) for v in row) for row in rows))


class ModelsTest(CalcCase):
    OXT = OXT

    @classmethod
    def setUpClass(cls):
        cls.cdnow = load_cdnow()
        super().setUpClass()

    # -- helpers ---------------------------------------------------------------
    def assertClose(self, got, want, rel=1e-9, where=""):
        err, v = got
        self.assertEqual(err, 0, f"{where}: cell error {err}")
        self.assertIsInstance(v, float, where)
        self.assertLessEqual(abs(v - want), rel * max(1e-300, abs(want)), f"{where}: {v} != {want}")

    def row(self, rng):
        r = self.sheet.getCellRangeByName(rng).RangeAddress
        return [self.calc.value(self.sheet, self.sheet.getCellByPosition(c, r.StartRow))
                for c in range(r.StartColumn, r.EndColumn + 1)]

    def eval(self, formula, cell="Z1"):
        self.calc.formula(self.sheet, cell, formula)
        self.calc.recalc()
        return self.calc.value(self.sheet, cell)

    def fit(self, formula, width, where):
        """An array fit formula in G1:..1; the values (all must be numbers)."""
        end = "GHIJK"[width - 1]
        self.calc.array(self.sheet, f"G1:{end}1", formula)
        self.calc.recalc()
        got = self.row(f"G1:{end}1")
        for err, _ in got:
            self.assertEqual(err, 0, f"{where}: Err:{err}")
        return [v for _, v in got]

    def put_cdnow(self):
        n = len(self.cdnow)
        put_block(self.sheet, "A1", self.cdnow)
        return n

    # -- the CDNOW fits ---------------------------------------------------------------
    def test_bgnbd_cdnow(self):
        n = self.put_cdnow()
        got = self.fit(f"=BGNBDFIT(A1:A{n};B1:B{n};C1:C{n})", 5, "BGNBDFIT")
        for g, want in zip(got, BG_PUBLISHED):          # published, 4 digits
            self.assertLessEqual(abs(g / want - 1), 2e-4, f"{g} vs published {want}")
        self.assertAlmostEqual(got[4], -9582.43, delta=0.01)
        # The log-likelihood is the reference's at the returned parameters ...
        ll = sum(R.bg_loglik(got[:4], x, tx, T) for x, tx, T, _ in self.cdnow)
        self.assertLessEqual(abs(got[4] - ll), 1e-9 * abs(ll))
        # ... and a maximum: every nudge of a parameter lowers it.
        for k in range(4):
            for f in (0.999, 1.001):
                q = list(got[:4])
                q[k] *= f
                self.assertLess(sum(R.bg_loglik(q, x, tx, T) for x, tx, T, _ in self.cdnow), ll)
        # Customer 1 (x 2, t_x 30.43, T 38.86): 1.226 purchases in 39 weeks.
        e = self.eval("=BGNBDPURCHASES(39;A1;B1;C1;G1:K1)")
        self.assertAlmostEqual(e[1], 1.226, delta=0.0005)
        self.assertClose(e, R.bg_purchases(got[:4], 39, 2, 30.43, 38.86))
        # A single cell shows the headline, r.
        self.assertClose(self.eval(f"=BGNBDFIT(A1:A{n};B1:B{n};C1:C{n})"), got[0], 1e-15)

    def test_pnbd_cdnow(self):
        n = self.put_cdnow()
        got = self.fit(f"=PARETONBDFIT(A1:A{n};B1:B{n};C1:C{n})", 5, "PARETONBDFIT")
        for g, want in zip(got, PNBD_PUBLISHED):
            self.assertLessEqual(abs(g / want - 1), 1e-3, f"{g} vs published {want}")
        self.assertAlmostEqual(got[4], -9595.0, delta=0.05)
        ll = sum(R.pnbd_loglik(got[:4], x, tx, T) for x, tx, T, _ in self.cdnow)
        self.assertLessEqual(abs(got[4] - ll), 1e-9 * abs(ll))

    def test_gg_cdnow(self):
        n = self.put_cdnow()
        got = self.fit(f"=GGFIT(A1:A{n};D1:D{n})", 4, "GGFIT")
        for g, want in zip(got, GG_PUBLISHED):
            self.assertLessEqual(abs(g / want - 1), 2e-3, f"{g} vs published {want}")
        self.assertAlmostEqual(got[3], -4055.9, delta=0.05)
        ll = sum(R.gg_loglik(got[:3], x, m) for x, _, _, m in self.cdnow if x > 0 and m > 0)
        self.assertLessEqual(abs(got[3] - ll), 1e-9 * abs(ll))

    def test_count_column(self):
        # The distinct rows of CDNOW with their counts, in another order.
        counts = {}
        for row in reversed(self.cdnow):
            counts[row] = counts.get(row, 0) + 1
        rows = [list(k) + [c] for k, c in counts.items()]
        self.assertLess(len(rows), len(self.cdnow) // 2)
        n, m = len(self.cdnow), len(rows)
        put_block(self.sheet, "A1", self.cdnow)
        put_block(self.sheet, "M1", rows)
        for name, width, full, summary in [
            ("BGNBDFIT", 5, f"A1:A{n};B1:B{n};C1:C{n}", f"M1:M{m};N1:N{m};O1:O{m};Q1:Q{m}"),
            ("PARETONBDFIT", 5, f"A1:A{n};B1:B{n};C1:C{n}", f"M1:M{m};N1:N{m};O1:O{m};Q1:Q{m}"),
            ("GGFIT", 4, f"A1:A{n};D1:D{n}", f"M1:M{m};P1:P{m};Q1:Q{m}"),
        ]:
            a = self.fit(f"={name}({full})", width, name)
            b = self.fit(f"={name}({summary})", width, name + " with count")
            for u, v in zip(a, b):
                self.assertLessEqual(abs(u - v), 1e-12 * abs(u), f"{name}: {u} != {v}")

    # -- predictions against the reference ----------------------------------------
    def random_customers(self, rnd, n):
        out = []
        for _ in range(n):
            T = round(rnd.uniform(0.5, 60), 2)
            x = rnd.choice([0, 0, 1, 2, 3, 5, 8, 13, 30])
            tx = 0.0 if x == 0 else round(rnd.uniform(0, T), 2)
            m = 0.0 if x == 0 else round(rnd.uniform(5, 120), 2)
            out.append((x, tx, T, m))
        return out

    def test_predictions_against_reference(self):
        rnd = random.Random(20261125)
        bg, pn, gg = (0.45, 6.5, 0.9, 3.2), (0.7, 9.0, 0.8, 14.0), (4.0, 3.0, 20.0)
        for trial, (bg, pn) in enumerate([(bg, pn), ((1.3, 2.0, 2.5, 1.8), (1.2, 3.0, 1.0, 5.0))]):
            custs = self.random_customers(rnd, 25)
            n = len(custs)
            s = self.sheet
            put_block(s, "A1", custs)
            put_block(s, "G1", [list(bg) + [-1234.5], list(pn) + [0], list(gg) + [0, 0]])
            t = 26
            formulas = {
                "L": f"=BGNBDPALIVE(A1:A{n};B1:B{n};C1:C{n};G1:K1)",
                "M": f"=BGNBDPURCHASES({t};A1:A{n};B1:B{n};C1:C{n};G1:K1)",
                "N": f"=PARETONBDPALIVE(A1:A{n};B1:B{n};C1:C{n};G2:J2)",
                "O": f"=PARETONBDPURCHASES({t};A1:A{n};B1:B{n};C1:C{n};G2:J2)",
                "P": f"=GGSPEND(A1:A{n};D1:D{n};G3:I3)",
                "Q": f"=CLV(A1:A{n};B1:B{n};C1:C{n};D1:D{n};G1:K1;G3:J3;6;0.02;4.345)",
            }
            for c, f in formulas.items():
                self.calc.array(s, f"{c}1:{c}{n}", f)
            # row mode: the same functions one customer per cell
            rowf = {
                "R": "=BGNBDPALIVE(A{i};B{i};C{i};$G$1:$K$1)",
                "S": "=BGNBDPURCHASES(%d;A{i};B{i};C{i};$G$1:$K$1)" % t,
                "T": "=PARETONBDPALIVE(A{i};B{i};C{i};$G$2:$J$2)",
                "U": "=PARETONBDPURCHASES(%d;A{i};B{i};C{i};$G$2:$J$2)" % t,
                "V": "=GGSPEND(A{i};D{i};$G$3:$I$3)",
                "W": "=CLV(A{i};B{i};C{i};D{i};$G$1:$K$1;$G$3:$J$3;6;0.02;4.345)",
            }
            for c, f in rowf.items():
                for i in range(1, n + 1):
                    self.calc.formula(s, f"{c}{i}", f.format(i=i))
            self.calc.recalc()
            refs = {
                "L": lambda x, tx, T, m: R.bg_palive(bg, x, tx, T),
                "M": lambda x, tx, T, m: R.bg_purchases(bg, t, x, tx, T),
                "N": lambda x, tx, T, m: R.pnbd_palive(pn, x, tx, T),
                "O": lambda x, tx, T, m: R.pnbd_purchases(pn, t, x, tx, T),
                "P": lambda x, tx, T, m: R.gg_spend(gg, x, m),
                "Q": lambda x, tx, T, m: R.clv(bg, gg, x, tx, T, m, 6, 0.02, 4.345),
            }
            for (c, ref), rc in zip(refs.items(), rowf):
                table = self.calc.column(s, f"{c}1:{c}{n}")
                rowmode = self.calc.column(s, f"{rc}1:{rc}{n}")
                for i, cust in enumerate(custs):
                    self.assertClose(table[i], ref(*cust), 1e-9, f"trial {trial} {c} row {i} {cust}")
                    self.assertEqual(rowmode[i], table[i], f"trial {trial} {rc} row mode row {i}")
            self.calc.doc.close(True)
            self.calc.docs.remove(self.calc.doc)
            self.sheet = self.calc.new_sheet()

    def test_shapes_and_defaults(self):
        s = self.sheet
        bg, gg = (0.2426, 4.414, 0.7929, 2.426), (6.25, 3.74, 15.44)
        put_block(s, "A1", [[2, 30.43, 38.86, 22.35], [0, 0, 38.86, 0], [5, 20, 20, 30]])
        put_block(s, "G1", [list(bg) + [-9582.43]])
        put_block(s, "G5", [[v] for v in bg])
        put_block(s, "I10", [list(gg)])
        want = R.bg_purchases(bg, 39, 2, 30.43, 38.86)
        for f in ["=BGNBDPURCHASES(39;A1;B1;C1;G1:K1)",       # params as the fit's row
                  "=BGNBDPURCHASES(39;A1;B1;C1;G1:J1)",       # without the log-likelihood
                  "=BGNBDPURCHASES(39;A1;B1;C1;G5:G8)",       # as a column
                  "=BGNBDPURCHASES(39;A1;B1;C1;{0.2426;4.414;0.7929;2.426})",
                  "=BGNBDPURCHASES(39;2;30.43;38.86;G1:K1)"]:  # plain numbers
            self.assertClose(self.eval(f), want, 1e-9, f)
        # A single T for every customer (one cohort), a single horizon.
        self.calc.array(s, "M1:M2", "=BGNBDPURCHASES(39;A1:A2;B1:B2;38.86;G1:J1)")
        self.calc.recalc()
        self.assertClose(self.calc.value(s, "M2"), R.bg_purchases(bg, 39, 0, 0, 38.86))
        # Horizon per customer.
        put_block(s, "E1", [[39], [10], [5]])
        self.calc.array(s, "N1:N3", "=BGNBDPURCHASES(E1:E3;A1:A3;B1:B3;C1:C3;G1:J1)")
        self.calc.recalc()
        self.assertClose(self.calc.value(s, "N2"), R.bg_purchases(bg, 10, 0, 0, 38.86))
        # CLV defaults: 12 months, 1% a month, 30 units a month; empty
        # options in the middle and "" mean the default too.
        want = R.clv(bg, gg, 2, 30.43, 38.86, 22.35)
        for f in ["=CLV(A1;B1;C1;D1;G1:K1;I10:K10)", "=CLV(A1;B1;C1;D1;G1:K1;I10:K10;;;)",
                  '=CLV(A1;B1;C1;D1;G1:K1;I10:K10;"";"";"")', "=CLV(A1;B1;C1;D1;G1:K1;I10:K10;12;0.01;30)"]:
            self.assertClose(self.eval(f), want, 1e-9, f)
        # s = 1 (Pareto/NBD) and a = 1 (BG/NBD): the limits, not an error.
        self.assertClose(self.eval("=PARETONBDPURCHASES(25;4;20;30;{0.5;10;1;12})"),
                         1.3318840201797423096, 1e-12)   # mpmath, cu_models.c
        self.assertClose(self.eval("=BGNBDPURCHASES(25;4;20;30;{0.5;3;1;2.5})"),
                         1.412939473185549166, 1e-12)    # mpmath, cu_models.c

    def test_extremes(self):
        # 10,000 purchases, a 2F1 argument of 0.9998 (mpmath references of
        # tests/cu_models.c).
        self.assertClose(self.eval("=BGNBDPURCHASES(52;10000;364;365;{0.2426;4.414;0.7929;2.426})"),
                         0.000028434013479028402406, 1e-12)
        self.assertClose(self.eval("=PARETONBDPALIVE(10000;364;365;{0.553;10.578;0.606;11.669})"),
                         4.3522714615996530092e-8, 1e-9)
        self.assertClose(self.eval("=PARETONBDPALIVE(3;5;40;{0.5;100;0.8;0.01})"),
                         0.095765412179561583595, 1e-12)
        self.assertTrue(self.calc.alive())

    # -- errors -------------------------------------------------------------------
    def test_invalid_arguments(self):
        s = self.sheet
        put_block(s, "A1", [[2, 30, 38, 20], [0, 0, 38, 0], [1, 5, 9, 10]])
        self.calc.put(s, "A5", [["x", 1, 5, 10], [1, None, 5, 10], [1.5, 1, 5, 10], [-1, 0, 5, 10],
                                [2, 6, 5, 10], [0, 1, 5, 10], [2, 1, 5, -3]])
        put_block(s, "G1", [[0.24, 4.4, 0.79, 2.4, -9582], [6.25, 3.74, 15.44, -4000, 0],
                            [0.24, 0, 0.79, 2.4, 0], [6.25, 0.5, 15.44, 0, 0], [1, 1, 1, 1, 1]])
        self.calc.put(s, "G6", [[0.24, "a", 0.79, 2.4]])
        bad = [
            "=BGNBDPALIVE(A5;B5;C5;G1:J1)",               # text in frequency
            "=BGNBDPALIVE(A6:A6;B6:B6;C6:C6;G1:J1)",      # blank recency
            "=BGNBDPALIVE(A7;B7;C7;G1:J1)",               # frequency not whole
            "=BGNBDPALIVE(A8;B8;C8;G1:J1)",               # negative frequency
            "=BGNBDPALIVE(A9;B9;C9;G1:J1)",               # recency > T
            "=PARETONBDPALIVE(A10;B10;C10;G1:J1)",        # recency > 0 with frequency 0
            "=BGNBDPALIVE(A1;B1;C1;G1:I1)",               # 3 parameter cells
            "=BGNBDPALIVE(A1;B1;C1;G3:J3)",               # a parameter 0
            "=BGNBDPALIVE(A1;B1;C1;G6:J6)",               # text parameter
            "=BGNBDPALIVE(A1;B1;C1;G1:H2)",               # parameters in a block
            "=BGNBDPALIVE(A1:B3;B1:B3;C1:C3;G1:J1)",      # frequency in 2 columns
            "=BGNBDPALIVE(A1:C1;B1;C1;G1:J1)",            # frequency as a row of cells
            "=BGNBDPALIVE(A1:A3;B1:B2;C1:C3;G1:J1)",      # heights differ
            "=BGNBDPURCHASES(-1;A1;B1;C1;G1:J1)",         # negative horizon
            '=BGNBDPURCHASES("a";A1;B1;C1;G1:J1)',        # text horizon
            "=PARETONBDPURCHASES(-1;A1;B1;C1;G1:J1)",
            "=PARETONBDPURCHASES(5;A1;B1;C1;G3:J3)",
            "=GGSPEND(A1;D1;G2:H2)",                      # 2 parameter cells
            "=GGSPEND(A2;D2;G4:I4)",                      # q < 1: no mean spend at x = 0
            "=GGSPEND(A1;D11;G2:I2)",                     # negative monetary
            "=GGFIT(A2;D2)",                              # no customer with x > 0
            "=GGFIT(A1:A3;D1:D3;A8:A10)",                 # negative count
            "=BGNBDFIT(A1:A3;B1:B3;C1:C3;B5:B7)",         # blank count
            "=BGNBDFIT(A1:A3;B1:B3;C1:C3;{0;0;0})",       # counts all 0: nothing to fit
            "=BGNBDFIT(A5:A6;B5:B6;C5:C6)",               # text in the data
            "=CLV(A1;B1;C1;D1;G1:J1;G2:I2;0)",            # months 0
            "=CLV(A1;B1;C1;D1;G1:J1;G2:I2;1201)",         # months 1201
            "=CLV(A1;B1;C1;D1;G1:J1;G2:I2;2.5)",          # months not whole
            "=CLV(A1;B1;C1;D1;G1:J1;G2:I2;12;-1)",        # discount -1
            "=CLV(A1;B1;C1;D1;G1:J1;G2:I2;12;0.01;0)",    # units 0
            '=CLV(A1;B1;C1;D1;G1:J1;G2:I2;12;0.01;"weeks")',
            "=CLV(A2;B2;C2;D2;G1:J1;G4:I4)",              # x = 0 and q < 1: no mean spend
        ]
        for f in bad:
            with self.subTest(formula=f):
                got = self.eval(f)
                self.assertEqual(got[0], ERR_ILLEGAL_ARGUMENT, f"{f} gave {got}")
        self.assertTrue(self.calc.alive())

    def test_no_convergence(self):
        s = self.sheet
        put_block(s, "A1", [[0, 0, 5], [0, 0, 10], [0, 0, 20], [0, 0, 30]])
        put_block(s, "E1", [[1, 10], [2, 10], [3, 10], [4, 10]])
        for f in ["=BGNBDFIT(A1:A4;B1:B4;C1:C4)", "=PARETONBDFIT(A1:A4;B1:B4;C1:C4)",
                  "=GGFIT(E1:E4;F1:F4)"]:
            with self.subTest(formula=f):
                got = self.eval(f)
                self.assertEqual(got[0], ERR_NO_CONVERGENCE, f"{f} gave {got}")
        self.assertTrue(self.calc.alive())

    def test_error_cells_propagate(self):
        s = self.sheet
        put_block(s, "A1", [[1, 2, 5], [2, 3, 5]])
        self.calc.formula(s, "A3", "=1/0")
        err, _ = self.eval("=BGNBDFIT(A1:A3;B1:B3;C1:C3)")
        self.assertNotEqual(err, 0)
        self.assertTrue(self.calc.alive())


if __name__ == "__main__":
    unittest.main(verbosity=2)
