# SPDX-License-Identifier: GPL-3.0-or-later
"""Whole-column references (A:A, A:E) give the numbers of the clients'
range, or an invalid-argument error where blanks are not allowed.

    /usr/bin/python3 tests/e2e/test_whole_column.py build/clientprune.oxt

Every function's valid call of the hostile workbook (test_hostile.VALID)
is entered twice as an array formula over 41 rows by 9 columns: as it is,
and with each per-client range D.X1:Y40 widened to the whole columns D.X:Y
(a million rows, all but 40 blank).  A run of 65,536 or more blank rows at
the end of a whole column is not clients (addin/convert.cxx): the two
blocks must then be the same cell for cell, to the bit.  Functions for
which a blank in those arguments is invalid (the models, RFMSCORE,
SEGMENTS, IDEALFIT's population, REVENUEATRISK's p_alive) show Err:502.
(PRUNESTABILITY here draws 200 simulations; its default 1,000 over a
million rows is beyond its work bound, Err:502 too.)
"""
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import Calc  # noqa: E402
import test_determinism as td  # noqa: E402  (read)
import test_hostile  # noqa: E402

OXT = td.OXT  # (the imports took the .oxt argument: main_oxt)
ERR_ILLEGAL_ARGUMENT = 502

# Whole columns of these are an invalid argument (blank cells where a value
# is required), or more work than the function takes.
INVALID = {"BGNBDFIT", "BGNBDPALIVE", "BGNBDPURCHASES", "PARETONBDFIT", "PARETONBDPALIVE",
           "PARETONBDPURCHASES", "GGFIT", "GGSPEND", "CLV", "RFMSCORE", "SEGMENTS", "IDEALFIT",
           "REVENUEATRISK"}
PER_CLIENT = re.compile(r"^D\.([A-Z]+)1:([A-Z]+)40$")


def whole(args):
    """args with every per-client range widened to whole columns."""
    out = []
    for a in args:
        m = PER_CLIENT.match(a or "")
        out.append("D.%s:%s" % m.groups() if m else a)
    return out


def formula(name, args):
    args = list(args)
    while args and args[-1] is None:
        args.pop()
    return "=%s(%s)" % (name, ";".join("" if a is None else a for a in args))


class WholeColumnTest(unittest.TestCase):
    def test_whole_columns(self):
        with Calc(OXT) as calc:
            doc = calc.new_doc()
            test_hostile.fill_data(calc, doc)
            doc.Sheets.insertNewByName("R", 2)
            r = doc.Sheets.getByName("R")
            same, invalid, differ = [], [], []
            for name, args in sorted(test_hostile.VALID.items()):
                wide = whole(args)
                if wide == list(args):
                    continue  # no per-client range (RFMSEGMENT)
                r.getCellRangeByName("A1:I41").setArrayFormula(formula(name, args))
                r.getCellRangeByName("K1:S41").setArrayFormula(formula(name, wide))
                doc.calculateAll()
                want = td.read(r.getCellRangeByName("A1:I41"))
                got = td.read(r.getCellRangeByName("K1:S41"))
                self.assertIsNotNone(want[0][0][0], name)
                if name in INVALID:
                    error = r.getCellRangeByName("K1").getError()
                    (invalid if error == ERR_ILLEGAL_ARGUMENT else differ).append(name)
                else:
                    (same if got == want else differ).append(name)
                r.getCellRangeByName("A1:S41").clearContents(1023)
            self.assertEqual(differ, [], "whole columns changed the result")
            self.assertEqual(sorted(invalid), sorted(INVALID))
            self.assertTrue(calc.alive())
            print(f"\nwhole columns: {len(same)} functions give the clients' results, "
                  f"{len(invalid)} an invalid argument", file=sys.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
