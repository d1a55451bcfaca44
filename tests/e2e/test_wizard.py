# SPDX-License-Identifier: GPL-3.0-or-later
"""The Function Wizard lists every function of the table, fully described.

    /usr/bin/python3 tests/e2e/test_wizard.py build/clientprune.oxt

Reads com.sun.star.sheet.FunctionDescriptions (what the Wizard shows) from
a real headless Calc and compares it with addin/functions/*.toml: category
Statistical, the description, and every argument's name, description and
optional flag.
"""
import os
import sys
import unittest

import uno

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from e2e import Calc, main_oxt  # noqa: E402
import gen_addin  # noqa: E402  (tools/, on the path through e2e)

OXT = main_oxt()
STATISTICAL = uno.getConstantByName("com.sun.star.sheet.FunctionCategory.STATISTICAL")


def squash(text):
    return " ".join(text.split())


class WizardTest(unittest.TestCase):
    def test_every_function_and_argument_is_described(self):
        table = gen_addin.load()
        with Calc(OXT) as calc:
            descs = calc.smgr.createInstanceWithContext(
                "com.sun.star.sheet.FunctionDescriptions", calc.ctx)
            listed = {}
            for i in range(descs.getCount()):
                props = {p.Name: p.Value for p in descs.getByIndex(i)}
                listed[props["Name"]] = props
        for fn in table:
            with self.subTest(function=fn["name"]):
                self.assertIn(fn["name"], listed, "not in the Function Wizard")
                got = listed[fn["name"]]
                self.assertEqual(got["Category"], STATISTICAL)
                self.assertEqual(squash(got["Description"]), squash(fn["summary"]))
                args = got["Arguments"]
                self.assertEqual(len(args), len(fn["arg"]))
                for a, want in zip(args, fn["arg"]):
                    self.assertEqual(a.Name, want["name"])
                    self.assertEqual(squash(a.Description), squash(want["help"]))
                    self.assertTrue(a.Description.strip(), f"{a.Name} has no description")
                    self.assertEqual(a.IsOptional, want["kind"] == "option", a.Name)


if __name__ == "__main__":
    unittest.main(verbosity=2)
