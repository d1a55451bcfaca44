# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared set-up of the end-to-end tests: the Calc harness, the .oxt path and
CalcCase, a test case with one soffice per class and a new sheet per test,
and the comparison of a committed sample book with a regenerated one."""
import contextlib
import os
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools"))

from calc import Calc  # noqa: E402,F401


def main_oxt():
    """The .oxt path from argv or the CLIENTPRUNE_OXT environment variable."""
    for a in sys.argv[1:]:
        if a.endswith(".oxt"):
            sys.argv.remove(a)
            return a
    return os.environ.get("CLIENTPRUNE_OXT", "build/clientprune.oxt")


ERR_ILLEGAL_ARGUMENT = 502


class CalcCase(unittest.TestCase):
    """One soffice for the class (it must still be alive at the end), a new
    document with an empty self.sheet for every test, and cell assertions.
    Set OXT on the subclass."""
    OXT = None

    @classmethod
    def setUpClass(cls):
        cls.calc = Calc(cls.OXT).__enter__()

    @classmethod
    def tearDownClass(cls):
        alive = cls.calc.alive()
        cls.calc.__exit__(None, None, None)
        assert alive, "soffice died during the tests"

    def setUp(self):
        self.sheet = self.calc.new_sheet()

    def tearDown(self):
        self.new_sheet(keep=False)

    def new_sheet(self, keep=True):
        """Closes the current document; with keep, opens a fresh one."""
        self.calc.doc.close(True)
        self.calc.docs.remove(self.calc.doc)
        if keep:
            self.sheet = self.calc.new_sheet()

    def assertClose(self, got, want, where="", tol=1e-9):
        """got is Calc.value(); want a number (to tol, relative), text, or
        None for an empty result."""
        if want is None:
            self.assertEqual(got, (0, ""), where)
            return
        err, v = got
        self.assertEqual(err, 0, f"{where}: cell error {err}")
        if isinstance(want, str):
            self.assertEqual(v, want, where)
            return
        self.assertIsInstance(v, float, where)
        self.assertLessEqual(abs(v - want), tol * max(1.0, abs(want)), f"{where}: {v} != {want}")

    def eval(self, formula, cell="Z1"):
        self.calc.formula(self.sheet, cell, formula)
        self.calc.recalc()
        return self.calc.value(self.sheet, cell)

    def assertInvalid(self, formula):
        got = self.eval(formula)
        self.assertEqual(got[0], ERR_ILLEGAL_ARGUMENT, f"{formula} gave {got}")


def used(sheet):
    """The used area of a sheet, from A1."""
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    a = cursor.getRangeAddress()
    return sheet.getCellRangeByPosition(0, 0, a.EndColumn, a.EndRow)


def assert_same_books(test, committed, regenerated):
    """The same sheets with the same formulas and values; returns the used
    ranges of the committed book by sheet name."""
    test.assertEqual(committed.Sheets.ElementNames, regenerated.Sheets.ElementNames)
    ranges = {}
    for name in committed.Sheets.ElementNames:
        a = used(committed.Sheets.getByName(name))
        b = used(regenerated.Sheets.getByName(name))
        test.assertEqual(a.getFormulaArray(), b.getFormulaArray(), name)
        test.assertEqual(a.getDataArray(), b.getDataArray(), name)
        ranges[name] = a
    return ranges


@contextlib.contextmanager
def sample_books(script, sample, oxt):
    """Regenerates a sample book with its generator script into a temporary
    folder and opens it beside the committed one in a headless Calc, both
    recalculated; yields (calc, committed, regenerated)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = os.path.join(tmp, os.path.basename(sample))
        subprocess.run(["/usr/bin/python3", script, "--oxt", oxt, fresh], check=True,
                       stdout=subprocess.DEVNULL)
        with Calc(oxt) as calc:
            committed, regenerated = calc.open(sample), calc.open(fresh)
            for doc in (committed, regenerated):
                doc.calculateAll()
            yield calc, committed, regenerated
