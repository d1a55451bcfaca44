# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared set-up of the end-to-end tests: the Calc harness, the .oxt path, a
test case with one Calc for the class and a fresh sheet per test, and the
comparison of a committed sample book with a regenerated one."""
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


class CalcTestCase(unittest.TestCase):
    """One headless Calc for the whole class (set oxt), a new document and
    sheet for every test; fails the class if soffice died on the way."""
    oxt = None

    @classmethod
    def setUpClass(cls):
        cls.calc = Calc(cls.oxt).__enter__()

    @classmethod
    def tearDownClass(cls):
        alive = cls.calc.alive()
        cls.calc.__exit__(None, None, None)
        assert alive, "soffice died during the tests"

    def setUp(self):
        self.sheet = self.calc.new_sheet()

    def tearDown(self):
        self.calc.doc.close(True)
        self.calc.docs.remove(self.calc.doc)


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
