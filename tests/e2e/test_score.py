# SPDX-License-Identifier: GPL-3.0-or-later
"""CLIENTSCORE and PRUNERANK through a real headless Calc.

    /usr/bin/python3 tests/e2e/test_score.py build/clientprune.oxt

Values are compared with reference.py (an independent implementation of
FUNCTIONS.md) to 1e-9 and with hand-derived values; every invalid input of
the conventions must show Err:502 with Calc still answering.
"""
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402
from e2e import CalcTestCase, main_oxt  # noqa: E402

OXT = main_oxt()
ERR_ILLEGAL_ARGUMENT = 502


def col(letter_index):
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[letter_index]


class ScoreTest(CalcTestCase):
    oxt = OXT

    # -- helpers ----------------------------------------------------------
    def assertClose(self, got, want, where=""):
        if want is None:
            self.assertEqual(got, (0, ""), where)
            return
        err, v = got
        self.assertEqual(err, 0, f"{where}: cell error {err}")
        self.assertIsInstance(v, float, where)
        self.assertLessEqual(abs(v - want), 1e-9 * max(1.0, abs(want)), f"{where}: {v} != {want}")

    def eval(self, formula, cell="Z1"):
        self.calc.formula(self.sheet, cell, formula)
        self.calc.recalc()
        return self.calc.value(self.sheet, cell)

    def assertInvalid(self, formula):
        got = self.eval(formula)
        self.assertEqual(got[0], ERR_ILLEGAL_ARGUMENT, f"{formula} gave {got}")

    # -- values -------------------------------------------------------------
    BOOK = [[10, 5, 2], [20, None, 4], [30, 5, 8], [40, 1, None]]

    def test_hand_derived_table_mode(self):
        # The book of tests/cu_score.c: weights 2,1,1, directions 1,-1,1.
        self.calc.put(self.sheet, "A1", self.BOOK)
        self.calc.put(self.sheet, "E1", [[2, 1, 1], [1, -1, 1]])
        want = {
            "minmax": [0, 100 / 3, 700 / 12, 100],        # derived in cu_score.c
            "percentile": [100 / 16, 700 / 18, 3100 / 48, 100],
        }
        for k, (method, values) in enumerate(want.items()):
            c = col(8 + k)
            self.calc.array(self.sheet, f"{c}1:{c}4", f'=CLIENTSCORE(A1:C4;E1:G1;E2:G2;;"{method}")')
        self.calc.recalc()
        for k, (method, values) in enumerate(want.items()):
            got = self.calc.column(self.sheet, f"{col(8 + k)}1:{col(8 + k)}4")
            for i, (g, w) in enumerate(zip(got, values)):
                self.assertClose(g, w, f"{method} row {i}")

    def test_random_books_against_reference(self):
        rnd = random.Random(20261125)
        for trial in range(6):
            n, m = rnd.randint(2, 25), rnd.randint(1, 5)
            rows = [[None if rnd.random() < 0.12 else rnd.choice([rnd.randint(0, 6), round(rnd.uniform(-50, 500), 2)])
                     for _ in range(m)] for _ in range(n)]
            weights = [rnd.choice([0, 0.5, 1, 2, 3.5]) for _ in range(m)]
            weights[0] = weights[0] or 1
            directions = [rnd.choice([1, -1]) for _ in range(m)]
            revenue = [None if rnd.random() < 0.1 else rnd.randint(0, 5) * 100 for _ in range(n)]
            sheet = self.sheet
            self.calc.put(sheet, "A1", rows)
            self.calc.put(sheet, "A30", [weights, directions])
            self.calc.put(sheet, "H1", [[r] for r in revenue])
            last = col(m - 1)
            for k, method in enumerate(["minmax", "percentile", "zscore"]):
                c = col(9 + k)
                self.calc.array(sheet, f"{c}1:{c}{n}",
                                f'=CLIENTSCORE(A1:{last}{n};A30:{last}30;A31:{last}31;;"{method}")')
                # row mode, filled down, over the same population
                r = col(12 + k)
                for i in range(n):
                    self.calc.formula(sheet, f"{r}{i + 1}",
                                      f'=CLIENTSCORE(A{i + 1}:{last}{i + 1};A30:{last}30;A31:{last}31;'
                                      f'$A$1:${last}${n};"{method}")')
            self.calc.array(sheet, f"P1:P{n}", f"=PRUNERANK(J1:J{n};;H1:H{n})")
            for i in range(n):
                self.calc.formula(sheet, f"Q{i + 1}", f"=PRUNERANK(J{i + 1};$J$1:$J${n};H{i + 1};$H$1:$H${n})")
            self.calc.array(sheet, f"R1:R{n}", f"=PRUNERANK(K1:K{n})")
            self.calc.recalc()
            for k, method in enumerate(["minmax", "percentile", "zscore"]):
                want = reference.clientscore(rows, weights, directions, method=method)
                table = self.calc.column(sheet, f"{col(9 + k)}1:{col(9 + k)}{n}")
                rowmode = self.calc.column(sheet, f"{col(12 + k)}1:{col(12 + k)}{n}")
                for i in range(n):
                    self.assertClose(table[i], want[i], f"trial {trial} {method} table row {i}")
                    self.assertEqual(rowmode[i], table[i], f"trial {trial} {method} row mode row {i}")
            scores = [v if e == 0 and v != "" else None for e, v in self.calc.column(sheet, f"J1:J{n}")]
            ranks = reference.prunerank(scores, revenue=revenue)
            for i, (t, rm) in enumerate(zip(self.calc.column(sheet, f"P1:P{n}"),
                                            self.calc.column(sheet, f"Q1:Q{n}"))):
                self.assertClose(t, ranks[i], f"trial {trial} rank row {i}")
                self.assertEqual(rm, t, f"trial {trial} rank row mode row {i}")
            pscores = [v if e == 0 and v != "" else None for e, v in self.calc.column(sheet, f"K1:K{n}")]
            for i, (g, w) in enumerate(zip(self.calc.column(sheet, f"R1:R{n}"), reference.prunerank(pscores))):
                self.assertClose(g, w, f"trial {trial} plain rank row {i}")
            self.calc.doc.close(True)
            self.calc.docs.remove(self.calc.doc)
            self.sheet = self.calc.new_sheet()

    def test_row_mode_clamps_and_defaults(self):
        self.calc.put(self.sheet, "A1", self.BOOK)
        self.calc.put(self.sheet, "A6", [[25, 3, 8], [50, 0, 1]])
        self.calc.put(self.sheet, "E1", [[2, 1, 1], [1, -1, 1]])
        # Hand-derived in cu_score.c: 62.5 and 75 (the second clamped).
        self.assertClose(self.eval("=CLIENTSCORE(A6:C6;E1:G1;E2:G2;A1:C4)"), 62.5)
        self.assertClose(self.eval("=CLIENTSCORE(A7:C7;E1:G1;E2:G2;A1:C4)"), 75)
        # Options left empty in the middle or given as "" mean the default.
        self.assertClose(self.eval('=CLIENTSCORE(A6:C6;E1:G1;E2:G2;A1:C4;"")'), 62.5)
        self.assertClose(self.eval('=CLIENTSCORE(A6:C6;E1:G1;E2:G2;A1:C4;"MinMax")'), 62.5)
        # Weights as a column or a row, or an inline array, are the same.
        self.calc.put(self.sheet, "I1", [[2], [1], [1]])
        self.assertClose(self.eval("=CLIENTSCORE(A6:C6;I1:I3;E2:G2;A1:C4)"), 62.5)
        self.assertClose(self.eval("=CLIENTSCORE(A6:C6;{2;1;1};{1;-1;1};A1:C4)"), 62.5)
        # Directions omitted: all +1.  (25,3,8): 0.5, 0.5, 1 -> (1+0.5+1)/4.
        self.assertClose(self.eval("=CLIENTSCORE(A6:C6;E1:G1;;A1:C4)"), 62.5)
        self.assertClose(self.eval('=CLIENTSCORE(A6:C6;E1:G1;"";A1:C4)'), 62.5)

    def test_empty_results(self):
        self.calc.put(self.sheet, "A1", [[1, 2], [None, None], [3, 4]])
        self.calc.array(self.sheet, "D1:D3", "=CLIENTSCORE(A1:B3;{1;1})")
        self.calc.array(self.sheet, "E1:E3", "=PRUNERANK(D1:D3)")
        self.calc.formula(self.sheet, "F2", "=CLIENTSCORE(A2:B2;{1;1};;A1:B3)")
        self.calc.formula(self.sheet, "G2", "=PRUNERANK(D2;D1:D3)")
        self.calc.recalc()
        v = self.calc.value
        self.assertClose(v(self.sheet, "D1"), 0)
        self.assertClose(v(self.sheet, "D2"), None)
        self.assertClose(v(self.sheet, "D3"), 100)
        self.assertClose(v(self.sheet, "E1"), 1)
        self.assertClose(v(self.sheet, "E2"), None)
        self.assertClose(v(self.sheet, "E3"), 2)
        self.assertClose(v(self.sheet, "F2"), None)
        self.assertClose(v(self.sheet, "G2"), None)
        # Calc passes a single blank cell as 0; a one-cell range keeps the
        # blank (the README documents this).
        self.assertClose(self.eval("=PRUNERANK(A2:A2;D1:D3)"), None)
        self.assertClose(self.eval("=CLIENTSCORE(A2:B2;{1;1};;A1:B3)"), None)

    def test_single_cell_results(self):
        # A table-mode formula in one cell shows the first client's score.
        self.calc.put(self.sheet, "A1", [[1], [2], [3]])
        self.assertClose(self.eval("=CLIENTSCORE(A1:A3;1)"), 0)
        self.assertClose(self.eval("=PRUNERANK(A1:A3)"), 1)

    # -- invalid input: every kind of the conventions -----------------------
    def test_invalid_arguments(self):
        s = self.sheet
        self.calc.put(s, "A1", [[1, 2], [3, 4], [5, 6]])
        self.calc.put(s, "A5", [["text", 2]])
        self.calc.put(s, "D1", [[1, 1], [1, "x"], [1, None], [1, -1], [1, 0], [0, 0], [-1, 1], [1, 2]])
        self.calc.put(s, "G1", [[1], ["x"], [3]])
        self.calc.put(s, "H1", [[1, 2]])
        bad = [
            "=CLIENTSCORE(A1:B5;D1:E1)",                  # text in criteria
            "=CLIENTSCORE(A1:B3;D2:E2)",                  # text in weights
            "=CLIENTSCORE(A1:B3;D3:E3)",                  # blank weight
            "=CLIENTSCORE(A1:B3;D6:E6)",                  # weights all 0
            "=CLIENTSCORE(A1:B3;D7:E7)",                  # negative weight
            "=CLIENTSCORE(A1:B3;{1;1;1})",                # weights count differs
            "=CLIENTSCORE(A1:B3;D1:E2)",                  # weights a 2 x 2 block
            "=CLIENTSCORE(A1:B3;D1:E1;D5:E5)",            # direction 0
            "=CLIENTSCORE(A1:B3;D1:E1;D8:E8)",            # direction 2
            "=CLIENTSCORE(A1:B3;D1:E1;D3:E3)",            # blank direction
            "=CLIENTSCORE(A1:B3;D1:E1;D2:E2)",            # text direction
            "=CLIENTSCORE(A1:B3;D1:E1;{1;1;1})",          # directions count differs
            '=CLIENTSCORE(A1:B3;D1:E1;;;"average")',      # unknown method
            "=CLIENTSCORE(A1:B3;D1:E1;;;3)",              # method not text
            "=CLIENTSCORE(A1:B1;D1:E1;;A1:A3)",           # population of another width
            "=CLIENTSCORE(A1:B1;D1:E1;;A1:B5)",           # text in population
            "=PRUNERANK(G1:G3)",                          # text in scores
            "=PRUNERANK(A1:B3)",                          # scores in two columns
            "=PRUNERANK(H1:I1)",                          # scores as a row of cells
            "=PRUNERANK(A1:A3;;A1:A2)",                   # revenue height differs
            "=PRUNERANK(A1:A3;;G1:G3)",                   # text in revenue
            "=PRUNERANK(A1:A3;;A1:B3)",                   # revenue in two columns
            "=PRUNERANK(A1;A1:A3;B1)",                    # row mode revenue without population's
            "=PRUNERANK(A1;A1:A3;;B1:B3)",                # population revenue without revenue
            "=PRUNERANK(A1;A1:A3;B1;B1:B2)",              # population revenue height differs
            "=PRUNERANK(A1;A1:B3)",                       # population in two columns
            "=PRUNERANK(A1:A3;;;B1:B3)",                  # population revenue in table mode
        ]
        for f in bad:
            with self.subTest(formula=f):
                self.assertInvalid(f)
        self.assertTrue(self.calc.alive())

    def test_error_cells_propagate(self):
        self.calc.put(self.sheet, "A1", [[1], [2]])
        self.calc.formula(self.sheet, "A3", "=1/0")
        err, _ = self.eval("=CLIENTSCORE(A1:A3;1)")
        self.assertNotEqual(err, 0)
        self.assertTrue(self.calc.alive())


if __name__ == "__main__":
    unittest.main(verbosity=2)
