# SPDX-License-Identifier: GPL-3.0-or-later
"""Determinism (issue 5): the same inputs give bit-identical results on
every recalculation, in a saved and reloaded book and in another Calc.

    /usr/bin/python3 tests/e2e/test_determinism.py build/clientprune.oxt

Every function's valid call from the hostile workbook (test_hostile.VALID,
on its data sheet) is entered as an array formula over a block of 41 rows
by 9 columns, so the whole result is compared (cells beyond a shorter
result show #N/A, the same way every time).  The book is recalculated
(calculateAll) three times, saved, loaded into a second soffice and
recalculated there, and built afresh in that second soffice: every cell
must keep its text or the exact bits of its number, and the errors must
stay in the same cells.  The
simulations (REVENUEATRISK, PRUNESTABILITY) and SEGMENTS' random starts
are among them, with their default or given seeds.
"""
import os
import struct
import sys
import tempfile
import unittest

import uno
from com.sun.star.sheet.FormulaResult import ERROR

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import Calc  # noqa: E402
import test_hostile  # noqa: E402  (VALID, fill_data)

OXT = test_hostile.OXT  # (its import took the .oxt argument: main_oxt)
ROWS, COLS = 41, 9


def call(name):
    args = list(test_hostile.VALID[name])
    while args and args[-1] is None:
        args.pop()
    return "=%s(%s)" % (name, ";".join("" if a is None else a for a in args))


def block(i):
    """The i-th function's result block on sheet R: A1:I41, A42:I82, ..."""
    top = i * ROWS + 1
    return "A%d:I%d" % (top, top + ROWS - 1)


def build(calc, doc):
    test_hostile.fill_data(calc, doc)
    doc.Sheets.insertNewByName("R", 2)
    r = doc.Sheets.getByName("R")
    for i, name in enumerate(sorted(test_hostile.VALID)):
        r.getCellRangeByName(block(i)).setArrayFormula(call(name))


def exact(v):
    """A cell of getDataArray(): a number as its exact bits, text as it is,
    None (an error) as None."""
    return struct.pack("<d", v).hex() if isinstance(v, float) else v


def read(rng):
    """(every cell of a range, its blocks of error cells relative to its
    top left): numbers to the bit, text, and where the errors are."""
    cells = tuple(tuple(exact(v) for v in row) for row in rng.getDataArray())
    top = rng.getRangeAddress()
    errors = tuple((e.StartRow - top.StartRow, e.StartColumn - top.StartColumn,
                    e.EndRow - top.StartRow, e.EndColumn - top.StartColumn)
                   for e in rng.queryFormulaCells(ERROR).getRangeAddresses())
    return cells, errors


def snapshot(doc):
    """{function: read() of its block}."""
    r = doc.Sheets.getByName("R")
    return {name: read(r.getCellRangeByName(block(i)))
            for i, name in enumerate(sorted(test_hostile.VALID))}


class DeterminismTest(unittest.TestCase):
    def assertSame(self, want, got, when):
        changed = sorted(n for n in want if want[n] != got.get(n))
        self.assertEqual(changed, [], "results changed " + when)

    def test_bit_identical(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        path = os.path.join(tmp.name, "determinism.ods")
        with Calc(OXT) as calc:
            doc = calc.new_doc()
            build(calc, doc)
            doc.calculateAll()
            first = snapshot(doc)
            for name, (cells, errors) in first.items():
                # Each valid call computes: its first cell is a result.
                self.assertIsNotNone(cells[0][0], name)
            for k in range(2):
                doc.calculateAll()
                self.assertSame(first, snapshot(doc), "on recalculation %d" % (k + 2))
            prop = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
            prop.Name, prop.Value = "FilterName", "calc8"
            doc.storeToURL(uno.systemPathToFileUrl(path), (prop,))
            self.assertTrue(calc.alive())
        with Calc(OXT) as calc:
            loaded = calc.open(path)
            self.assertSame(first, snapshot(loaded), "in the saved book")
            loaded.calculateAll()
            self.assertSame(first, snapshot(loaded), "on recalculation of the saved book in another Calc")
            fresh = calc.new_doc()
            build(calc, fresh)
            fresh.calculateAll()
            self.assertSame(first, snapshot(fresh), "in a book built afresh in another Calc")
            self.assertTrue(calc.alive())
        simulated = [n for n in ("REVENUEATRISK", "PRUNESTABILITY", "SEGMENTS") if n in first]
        self.assertEqual(len(simulated), 3)
        print(f"\n{len(first)} functions x {ROWS * COLS} cells: bit-identical over 3 "
              "recalculations, a reload and a second Calc", file=sys.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
