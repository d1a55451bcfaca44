# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared set-up of the end-to-end tests: the Calc harness and the .oxt path."""
import os
import sys
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


ERR_ILLEGAL_ARGUMENT = 502  # what Calc shows for IllegalArgumentException


class CalcTestCase(unittest.TestCase):
    """One headless Calc for the whole class, a new document per test.

    Set `oxt` in the subclass (main_oxt() at import time); self.sheet is the
    first sheet of the test's document.  tearDownClass fails when soffice
    died during the tests."""

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

    def eval(self, formula, cell="Z1"):
        """(error, value) of one formula, recalculated."""
        self.calc.formula(self.sheet, cell, formula)
        self.calc.recalc()
        return self.calc.value(self.sheet, cell)

    def assertInvalid(self, formula):
        got = self.eval(formula)
        self.assertEqual(got[0], ERR_ILLEGAL_ARGUMENT, f"{formula} gave {got}")
