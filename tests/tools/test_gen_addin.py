# SPDX-License-Identifier: GPL-3.0-or-later
"""The function-table generator refuses tables it cannot serve properly.

    python3 tests/tools/test_gen_addin.py

German texts are all or nothing per function: a function with some German
texts but not all is refused, a function without any is served in English;
German display names must be names Calc can parse and may not repeat another
function's name in any language.  Registered as the ctest gen_addin.
"""
import os
import pathlib
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
import gen_addin  # noqa: E402

ENGLISH = '''
[[function]]
name = "{name}"
summary = "What it does."
result = "A number."
{fn_de}
[[function.arg]]
name = "values"
kind = "range"
help = "The numbers."
{arg1_de}
[[function.arg]]
name = "method"
kind = "option"
help = "Optional. How."
{arg2_de}
'''
GERMAN = {
    "fn_de": 'name_de = "KUNDENTEST"\nsummary_de = "Was sie tut."',
    "arg1_de": 'name_de = "werte"\nhelp_de = "Die Zahlen."',
    "arg2_de": 'name_de = "methode"\nhelp_de = "Optional. Wie."',
}


def table(name="TESTFN", **german):
    keys = {k: german.get(k, "") for k in GERMAN}
    return ENGLISH.format(name=name, **keys)


class GermanTextsTest(unittest.TestCase):
    def load(self, *tables):
        with tempfile.TemporaryDirectory() as tmp:
            for i, text in enumerate(tables):
                pathlib.Path(tmp, f"t{i}.toml").write_text(text, encoding="utf-8")
            return gen_addin.load(tmp)

    def assertRefused(self, *tables, says):
        with self.assertRaises(SystemExit) as e:
            self.load(*tables)
        self.assertIn(says, str(e.exception))

    def test_english_only_is_served_in_english(self):
        (fn,) = self.load(table())
        text = gen_addin.funcdata_text([fn])
        self.assertIn('{"values", "The numbers.", false,\n     {nullptr, nullptr}}', text)
        self.assertIn('{"TESTFN", "What it does.", TESTFN_args, 2,\n     {nullptr, nullptr}}', text)

    def test_complete_german_is_generated(self):
        (fn,) = self.load(table(**GERMAN))
        text = gen_addin.funcdata_text([fn])
        self.assertIn('{"werte", "Die Zahlen."}', text)
        self.assertIn('{"methode", "Optional. Wie."}', text)
        self.assertIn('{"KUNDENTEST", "Was sie tut."}', text)

    def test_some_german_but_not_all_is_refused(self):
        for missing in GERMAN:
            with self.subTest(missing=missing):
                partial = dict(GERMAN, **{missing: ""})
                self.assertRefused(table(**partial), says="lacks")
        # One key of a pair is missing, or present but empty.
        self.assertRefused(table(**dict(GERMAN, arg2_de='name_de = "methode"')),
                           says="method.help_de")
        self.assertRefused(table(**dict(GERMAN, fn_de='name_de = "KUNDENTEST"\nsummary_de = " "')),
                           says="summary_de")

    def test_german_name_must_be_a_calc_name(self):
        for bad in ("kundentest", "KUNDEN TEST", "GROSSEMAß", "1KUNDE", "KUNDE;TEST"):
            with self.subTest(name=bad):
                fn_de = f'name_de = "{bad}"\nsummary_de = "Was sie tut."'
                self.assertRefused(table(**dict(GERMAN, fn_de=fn_de)), says="name_de")
        # Umlauts are fine.
        fn_de = 'name_de = "FRÜHWARNUNGTEST"\nsummary_de = "Was sie tut."'
        self.assertEqual(self.load(table(**dict(GERMAN, fn_de=fn_de)))[0]["name_de"], "FRÜHWARNUNGTEST")

    def test_german_argument_name_is_one_word(self):
        arg1 = 'name_de = "die werte"\nhelp_de = "Die Zahlen."'
        self.assertRefused(table(**dict(GERMAN, arg1_de=arg1)), says="one word")

    def test_display_names_are_unique_in_every_language(self):
        # A German name that is another function's English name ...
        fn_de = 'name_de = "OTHERFN"\nsummary_de = "Was sie tut."'
        self.assertRefused(table(**dict(GERMAN, fn_de=fn_de)), table("OTHERFN"),
                           says="already the name of")
        # ... or two functions with one German name.
        self.assertRefused(table(**GERMAN), table("OTHERFN", **GERMAN), says="already the name of")
        # Keeping the English name in German is fine.
        fn_de = 'name_de = "TESTFN"\nsummary_de = "Was sie tut."'
        self.assertEqual(len(self.load(table(**dict(GERMAN, fn_de=fn_de)))), 1)

    def test_the_shipped_tables_load(self):
        self.assertTrue(gen_addin.load())


if __name__ == "__main__":
    unittest.main(verbosity=2)
