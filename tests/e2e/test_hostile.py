# SPDX-License-Identifier: GPL-3.0-or-later
"""The hostile workbook: every kind of bad input, in every argument of every
function, through a real headless Calc.

    /usr/bin/python3 tests/e2e/test_hostile.py build/clientprune.oxt

For each function of the table (the test fails if one has no entry in
VALID below) and each of its arguments, the argument of a valid call is
replaced in turn by each hostile input: text, blanks, error values, a 1x1
range, ranges of other heights and widths, whole columns with a million
mostly blank rows (in the first argument), +-1e308, NaN-producing
numbers, zero, negative and absurd counts.  Every formula must end in a cell error or a finite result:
Calc must stay alive and answering, no recalculation may take longer than
LIMIT seconds, and no cell may show a non-finite number.  Which error a
given input gets is checked by each function's own tests; this one checks
that nothing, whatever it is given, crashes, hangs or shows NaN.
"""
import math
import os
import random
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import Calc, main_oxt  # noqa: E402
import gen_addin  # noqa: E402  (tools/, on the path through e2e)

OXT = main_oxt()
LIMIT = 20.0  # seconds for one recalculation, whole-column cases included

# The data sheet "D": a book of 40 clients laid out for every function.
#   A1:E40  criteria (with a few blanks)    F1:F40  revenue
#   G1:G40  scores 0..100 (a few blank)     H1:H40  cost
#   I1:I40  prune flags 0/1                 J1:J40  p_alive 0..1
#   K1:K40  frequency (whole)  L1:L40 recency  M1:M40 T (weeks)  N1:N40 monetary
#   P1:T1   weights  P2:T2 directions       P3:P6 BG/NBD (or Pareto/NBD)
#   parameters, P7:P9 gamma-gamma parameters
#   V1:V40  dates (serials)  W1:W40 customer ids  X1:X40 amounts
#   Y1:Y40  a monthly series
VALID = {
    "CLIENTSCORE": ["D.A1:E40", "D.P1:T1", "D.P2:T2", None, '"minmax"'],
    "PRUNERANK": ["D.G1:G40", None, "D.F1:F40", None],
    "PRUNESET": ["D.G1:G40", "D.F1:F40", "0.2"],
    "CLIENTQUADRANT": ["D.F1:F40", "D.G1:G40", None, None],
    "PRUNEIMPACT": ["D.F1:F40", "D.H1:H40", "D.I1:I40", "0.5"],
    "COSTTOSERVE": ["D.K1:L40", "{2;3}"],
    "COSTALLOCATE": ["D.K1:L40", "{1000;500}"],
    "WHALECURVE": ["D.F1:F40"],
    "WHALEPEAK": ["D.F1:F40"],
    "ABCCLASS": ["D.F1:F40", None, "0.8", "0.95"],
    "CONCENTRATION": ["D.F1:F40", '"gini"'],
    "RFMTABLE": ["D.W1:W40", "D.V1:V40", "D.X1:X40", None, "1"],
    "RFMSCORE": ["D.M1:M40", "D.K1:K40", "D.N1:N40", "5", None, None, None],
    "RFMSEGMENT": ["545"],
    "CANARY": ["D.Y1:Y40", None, "0.05"],
    "IDEALFIT": ["D.K1:N1", "D.K2:N2", "D.K1:N40", None],
    "REVENUEATRISK": ["D.F1:F40", "D.J1:J40", "0.9", "1000", "1"],
    "PRUNESTABILITY": ["D.A1:E40", "D.P1:T1", "D.P2:T2", "5", "0.2", "200", "1"],
    "SEGMENTS": ["D.K1:N40", "3", "1"],
    "BGNBDFIT": ["D.K1:K40", "D.L1:L40", "D.M1:M40", None],
    "BGNBDPALIVE": ["D.K1:K40", "D.L1:L40", "D.M1:M40", "D.P3:P6"],
    "BGNBDPURCHASES": ["52", "D.K1:K40", "D.L1:L40", "D.M1:M40", "D.P3:P6"],
    "PARETONBDFIT": ["D.K1:K40", "D.L1:L40", "D.M1:M40", None],
    "PARETONBDPALIVE": ["D.K1:K40", "D.L1:L40", "D.M1:M40", "D.P3:P6"],
    "PARETONBDPURCHASES": ["52", "D.K1:K40", "D.L1:L40", "D.M1:M40", "D.P3:P6"],
    "GGFIT": ["D.K1:K40", "D.N1:N40", None],
    "GGSPEND": ["D.K1:K40", "D.N1:N40", "D.P7:P9"],
    "CLV": ["D.K1:K40", "D.L1:L40", "D.M1:M40", "D.N1:N40", "D.P3:P6", "D.P7:P9",
            "24", "0.01", "4.345"],
}

# What replaces an argument.  Names say what kind of bad input it is.
# Whole columns make Calc build a million-row argument (about a second
# each), so they replace only each function's first argument.
HOSTILE = {
    "text": '"abc"',
    "text range": "H.A1:A40",
    "blank range": "H.M1:Q40",      # (nothing in it)
    "blank range with errors": "H.B1:F40",
    "blank cell": "H.B1",
    "error cell": "H.C1",
    "range with an error": "H.D1:D40",
    "1x1 range": "D.A1:A1",
    "short range": "D.A1:E3",
    "tall range": "D.A1:E80",
    "wide row": "D.A1:Z1",
    "whole columns": "D.A:E",       # (expensive: first argument only)
    "whole column": "D.G:G",        # (expensive: first argument only)
    "huge": "1E+308",
    "minus huge": "-1E+308",
    "huge range": "H.E1:E40",
    "zero": "0",
    "negative": "-1",
    "fraction": "0.5",
    "absurd count": "1E+15",
    "empty text": '""',
    "inline array": "{1;2;3}",
    "boolean": "TRUE()",
}

EXPENSIVE = {"whole columns", "whole column"}


def customers(n=40, seed=2):
    """(frequency, recency, T in weeks) of n customers simulated from the
    BG/NBD process (r 0.25, alpha 4.4, a 0.8, b 2.4): a book on which the
    three fits have an interior maximum (with this seed), so that their base
    calls compute. Smaller or flatter books can have none (Err:523)."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        age = 20.0 + i % 19
        rate, drop = rnd.gammavariate(0.25, 1 / 4.4), rnd.betavariate(0.8, 2.4)
        t, x, last = 0.0, 0, 0.0
        while True:
            t += rnd.expovariate(rate) if rate > 0 else 1e9
            if t > age:
                break
            x, last = x + 1, t
            if rnd.random() < drop:
                break
        out.append((float(x), round(last, 2), age))
    return out


def fill_data(calc, doc):
    sheets = doc.Sheets
    d = sheets.getByIndex(0)
    d.Name = "D"
    sheets.insertNewByName("H", 1)
    h = sheets.getByName("H")
    rows = []
    book = customers()
    for i in range(40):
        crit = [float((i * 7 + j * 13) % 23) for j in range(5)]
        if i % 11 == 3:
            crit[i % 5] = ""
        freq, rec, t = book[i]
        rows.append(crit + [
            float(1000 + 250 * (i % 9)),                 # F revenue
            "" if i % 13 == 5 else float((i * 29) % 101),  # G score
            float(300 + 40 * (i % 7)),                   # H cost
            float(i % 4 == 0),                           # I flag
            round(((i * 17) % 100) / 100.0, 2),          # J p_alive
            freq, rec, t,                                # K L M
            0.0 if freq == 0 else float(10 + i % 30),    # N monetary
        ])
    calc.put(d, "A1", rows)
    calc.put(d, "P1", [[3, 1, 1, 2, 2], [1, -1, -1, 1, 1], [0.25], [4.4], [0.8], [2.4],
                      [6.25], [3.74], [15.44]])
    calc.put(d, "V1", [[45000 + 3 * i, 1 + i % 9, 10.0 + i] for i in range(40)])
    calc.put(d, "Y1", [[100 - i + (i % 3)] for i in range(40)])
    calc.put(h, "A1", [["text"] for _ in range(40)])
    calc.formula(h, "C1", "=1/0")
    for i in range(40):
        calc.formula(h, f"D{i + 1}", "=NA()" if i == 7 else str(i))
        h.getCellRangeByName(f"E{i + 1}").setValue(1e308 if i % 2 else -1e308)


class HostileTest(unittest.TestCase):
    def test_every_function_has_a_valid_call(self):
        names = [f["name"] for f in gen_addin.load()]
        self.assertEqual(sorted(set(names) - set(VALID)), [], "functions without a hostile entry")
        for f in gen_addin.load():
            self.assertEqual(len(VALID[f["name"]]), len(f.get("arg", [])), f["name"])

    def test_valid_calls_compute(self):
        """The base calls are valid: each gives a result, not an error."""
        with Calc(OXT) as calc:
            doc = calc.new_doc()
            fill_data(calc, doc)
            cell = doc.Sheets.getByName("H").getCellByPosition(10, 0)
            for name, args in sorted(VALID.items()):
                call = list(args)
                while call and call[-1] is None:
                    call.pop()
                text = "=%s(%s)" % (name, ";".join("" if a is None else a for a in call))
                cell.setFormula(text)
                self.assertEqual(cell.getError(), 0, text)

    def test_hostile_inputs(self):
        funcs = {f["name"]: f for f in gen_addin.load()}
        with Calc(OXT) as calc:
            doc = calc.new_doc()
            fill_data(calc, doc)
            out = doc.Sheets.getByName("H")
            cases = []
            for name, args in sorted(VALID.items()):
                if name not in funcs:
                    continue
                for k in range(len(args)):
                    for kind, bad in HOSTILE.items():
                        if kind in EXPENSIVE and k > 0:
                            continue
                        call = list(args)
                        call[k] = bad
                        while call and call[-1] is None:
                            call.pop()
                        text = "=%s(%s)" % (name, ";".join("" if a is None else a for a in call))
                        cases.append((name, funcs[name]["arg"][k]["name"], kind, text))
            # One case at a time in the same cell (the formula computes when
            # its result is first asked for; a single-cell formula shows the
            # first element of an array result), each under a watchdog that
            # kills Calc if it hangs.
            bad_cells, slow, times = [], [], []
            cell = out.getCellByPosition(10, 0)
            for case in cases:
                watchdog = threading.Timer(LIMIT * 2, calc._kill)
                watchdog.start()
                t0 = time.time()
                cell.setFormula(case[3])
                error = cell.getError()
                elapsed = time.time() - t0
                watchdog.cancel()
                self.assertTrue(calc.alive(), "Calc died or hung on %s" % case[3])
                times.append((elapsed, case[3]))
                if elapsed > LIMIT:
                    slow.append((case[3], round(elapsed, 1)))
                if error == 0 and cell.FormulaResultType2 != 2:  # a number
                    v = cell.getValue()
                    if not math.isfinite(v):
                        bad_cells.append((case, v))
                cell.setString("")
            self.assertEqual(bad_cells, [], "non-finite numbers shown")
            self.assertEqual(slow, [], "recalculations slower than %.0f s" % LIMIT)
            self.assertTrue(calc.alive())
            times.sort(reverse=True)
            print("slowest: " + "; ".join("%s %.1f s" % (t[1], t[0]) for t in times[:8]), file=sys.stderr)
            print(f"\n{len(cases)} hostile formulas over {len(VALID)} functions: Calc alive, "
                  "every result an error or finite", file=sys.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
