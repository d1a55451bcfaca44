# SPDX-License-Identifier: GPL-3.0-or-later
"""ClientPrune in a German LibreOffice: the Function Wizard in German, German
names that compute, and files that keep the programmatic names.

    /usr/bin/python3 tests/e2e/test_german.py build/clientprune.oxt

Starts a headless Calc whose user profile sets the UI language to German
(/org.openoffice.Office.Linguistic/General/UILocale = de-DE, and the German
locale for numbers and separators).  LibreOffice falls back to English when
the German UI is not installed, so this needs Debian's libreoffice-l10n-de
(clientprune.sh installs it); the test says so instead of passing on English.

- com.sun.star.sheet.FunctionDescriptions (what the Wizard shows) lists every
  function that has German texts in addin/functions/*.toml under its German
  name, with the German description and German argument names and help; a
  function without German texts is listed in English;
- no German name is also the name of another function of the office (Calc's
  own German names included);
- the glue answers in German only for German (de-DE, de-AT, de-CH), in English
  for any other language, and the category is "Statistik" in German;
- a formula typed with the German name (FormulaLocal, German separators and
  decimal comma) computes the same as the English formula, is shown with
  the German name, and is saved as ORG.CLIENTPRUNE.CLIENTPRUNE.<NAME>(...):
  an English office opens the file and computes the same numbers.
"""
import os
import re
import sys
import tempfile
import unittest
import zipfile

import uno

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from e2e import Calc, main_oxt  # noqa: E402
import gen_addin  # noqa: E402  (tools/, on the path through e2e)

OXT = main_oxt()
STATISTICAL = uno.getConstantByName("com.sun.star.sheet.FunctionCategory.STATISTICAL")

GERMAN_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse"><value>de-DE</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>de-DE</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>de-DE</value></prop></item>
</oor:items>
"""

CRITERIA = [[120, 3], [80, 5], [200, 1], [50, 4]]
BGNBD = [0.243, 4.414, 0.793, 2.426]  # r, alpha, a, b: the CDNOW fit, in weeks


def squash(text):
    return " ".join(text.split())


def german_profile(folder):
    user = os.path.join(folder, "user")
    os.makedirs(user)
    with open(os.path.join(user, "registrymodifications.xcu"), "w", encoding="utf-8") as f:
        f.write(GERMAN_PROFILE)
    return folder


def locale(language, country):
    loc = uno.createUnoStruct("com.sun.star.lang.Locale")
    loc.Language, loc.Country = language, country
    return loc


class GermanTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.calc = Calc(OXT, profile=german_profile(os.path.join(cls.tmp.name, "profile"))).__enter__()
        descs = cls.calc.smgr.createInstanceWithContext(
            "com.sun.star.sheet.FunctionDescriptions", cls.calc.ctx)
        cls.listed = [{p.Name: p.Value for p in descs.getByIndex(i)} for i in range(descs.getCount())]
        cls.by_name = {d["Name"]: d for d in cls.listed}
        cls.table = gen_addin.load()

    @classmethod
    def tearDownClass(cls):
        alive = cls.calc.alive()
        cls.calc.__exit__(None, None, None)
        cls.tmp.cleanup()
        assert alive, "soffice died during the tests"

    def setUp(self):
        if "SUMME" not in self.by_name:
            self.fail("LibreOffice did not start in German (SUM is not SUMME): the German UI "
                      "needs Debian's libreoffice-l10n-de (./clientprune.sh installs it)")

    def test_the_wizard_shows_german_texts(self):
        german = [fn for fn in self.table if gen_addin.has_german(fn)]
        self.assertTrue(german, "no function of the table has German texts")
        for fn in self.table:
            with self.subTest(function=fn["name"]):
                de = gen_addin.has_german(fn)
                name = fn["name_de"] if de else fn["name"]
                self.assertIn(name, self.by_name, "not in the Function Wizard")
                got = self.by_name[name]
                self.assertEqual(got["Category"], STATISTICAL)
                self.assertEqual(squash(got["Description"]), squash(fn["summary_de" if de else "summary"]))
                self.assertEqual(len(got["Arguments"]), len(fn["arg"]))
                for a, want in zip(got["Arguments"], fn["arg"]):
                    self.assertEqual(a.Name, want["name_de" if de else "name"])
                    self.assertEqual(squash(a.Description), squash(want["help_de" if de else "help"]))
                    self.assertEqual(a.IsOptional, want["kind"] == "option", a.Name)

    def test_german_names_clash_with_no_other_function(self):
        names = [d["Name"] for d in self.listed]
        for fn in self.table:
            if gen_addin.has_german(fn):
                with self.subTest(function=fn["name"]):
                    self.assertEqual(names.count(fn["name_de"]), 1, f"{fn['name_de']} is listed twice")
                    if fn["name_de"] != fn["name"]:
                        self.assertNotIn(fn["name"], names, "the English name is listed too")

    def test_the_glue_follows_the_locale(self):
        addin = self.calc.smgr.createInstanceWithContext("org.clientprune.ClientPrune", self.calc.ctx)
        fn = next(f for f in self.table if f["name"] == "CLIENTSCORE")
        for lang, country in (("de", "DE"), ("de", "AT"), ("de", "CH")):
            addin.setLocale(locale(lang, country))
            self.assertEqual(addin.getDisplayFunctionName("CLIENTSCORE"), fn["name_de"])
            self.assertEqual(addin.getFunctionDescription("CLIENTSCORE"), squash(fn["summary_de"]))
            self.assertEqual(addin.getDisplayArgumentName("CLIENTSCORE", 1), fn["arg"][1]["name_de"])
            self.assertEqual(addin.getArgumentDescription("CLIENTSCORE", 1), squash(fn["arg"][1]["help_de"]))
            self.assertEqual(addin.getDisplayCategoryName("CLIENTSCORE"), "Statistik")
        for lang, country in (("en", "US"), ("fr", "FR"), ("", "")):
            addin.setLocale(locale(lang, country))
            self.assertEqual(addin.getDisplayFunctionName("CLIENTSCORE"), "CLIENTSCORE")
            self.assertEqual(addin.getFunctionDescription("CLIENTSCORE"), squash(fn["summary"]))
            self.assertEqual(addin.getDisplayArgumentName("CLIENTSCORE", 1), "weights")
            self.assertEqual(addin.getDisplayCategoryName("CLIENTSCORE"), "Statistical")
        self.assertEqual(addin.getProgrammaticCategoryName("CLIENTSCORE"), "Statistical")
        # Either display name leads back to the programmatic name.
        for shown in ("CLIENTSCORE", fn["name_de"], fn["name_de"].lower()):
            self.assertEqual(addin.getProgrammaticFuntionName(shown), "CLIENTSCORE")
        self.assertEqual(addin.getProgrammaticFuntionName("SUMME"), "")

    def test_a_formula_typed_in_german_computes_and_is_saved_by_its_programmatic_name(self):
        doc = self.calc.new_doc()
        sheet = doc.Sheets.getByIndex(0)
        self.calc.put(sheet, "A1", CRITERIA)
        self.calc.put(sheet, "D1", [[2, 1], [1, -1]])  # weights, directions
        # Typed as a German user types: German names, ';' and a decimal comma.
        sheet.getCellRangeByName("F1").FormulaLocal = "=KUNDENBEWERTUNG(A1:B1; D1:E1; D2:E2; A1:B4)"
        sheet.getCellRangeByName("F2").FormulaLocal = "=KONZENTRATION(A1:A4; \"top1\")*0,5"
        sheet.getCellRangeByName("F3").FormulaLocal = "=RFMSEGMENT(545)"
        # A model function: German name with umlaut, decimal commas in the times.
        self.calc.put(sheet, "A6", [BGNBD])
        sheet.getCellRangeByName("F4").FormulaLocal = "=BGNBDKÄUFE(52; 2; 30,5; 38,5; A6:D6)"
        # The same through the API's English formulas, in the same German office.
        sheet.getCellRangeByName("G1").setFormula("=CLIENTSCORE(A1:B1; D1:E1; D2:E2; A1:B4)")
        sheet.getCellRangeByName("G2").setFormula("=CONCENTRATION(A1:A4; \"top1\")*0.5")
        sheet.getCellRangeByName("G4").setFormula("=BGNBDPURCHASES(52; 2; 30.5; 38.5; A6:D6)")
        doc.calculateAll()
        for row in ("1", "2", "4"):
            err, german = self.calc.value(sheet, "F" + row)
            self.assertEqual(err, 0, f"F{row}: Err:{err}")
            self.assertEqual((err, german), self.calc.value(sheet, "G" + row))
        self.assertAlmostEqual(self.calc.value(sheet, "F2")[1], 0.5 * 200 / 450, places=12)
        self.assertEqual(self.calc.value(sheet, "F3"), (0, "Champions"))
        self.assertEqual(sheet.getCellRangeByName("G1").FormulaLocal.replace(" ", ""),
                         "=KUNDENBEWERTUNG(A1:B1;D1:E1;D2:E2;A1:B4)")
        self.assertIn("CLIENTSCORE(", sheet.getCellRangeByName("F1").getFormula())
        score = self.calc.value(sheet, "F1")[1]
        purchases = self.calc.value(sheet, "F4")[1]
        self.assertGreater(purchases, 0)

        path = os.path.join(self.tmp.name, "german.ods")
        doc.storeToURL(uno.systemPathToFileUrl(path), (uno.createUnoStruct(
            "com.sun.star.beans.PropertyValue", "FilterName", 0, "calc8", 0),))
        with zipfile.ZipFile(path) as z:
            content = z.read("content.xml").decode("utf-8")
        formulas = [f.replace(" ", "") for f in re.findall(r'table:formula="([^"]*)"', content)]
        # F1 (typed in German) and G1 (English) are stored alike.
        self.assertEqual(formulas.count(
            "of:=ORG.CLIENTPRUNE.CLIENTPRUNE.CLIENTSCORE([.A1:.B1];[.D1:.E1];[.D2:.E2];[.A1:.B4])"), 2)
        self.assertIn("of:=ORG.CLIENTPRUNE.CLIENTPRUNE.CONCENTRATION([.A1:.A4];&quot;top1&quot;)*0.5", formulas)
        self.assertEqual(formulas.count(
            "of:=ORG.CLIENTPRUNE.CLIENTPRUNE.BGNBDPURCHASES(52;2;30.5;38.5;[.A6:.D6])"), 2)
        for fn in self.table:
            if gen_addin.has_german(fn) and fn["name_de"] != fn["name"]:
                self.assertNotIn(fn["name_de"], content)

        # An English office reads the programmatic names and computes the same.
        with Calc(OXT) as english:
            reopened = english.open(path)
            reopened.calculateAll()
            s = reopened.Sheets.getByIndex(0)
            self.assertEqual(s.getCellRangeByName("F1").FormulaLocal.replace(" ", ""),
                             "=CLIENTSCORE(A1:B1,D1:E1,D2:E2,A1:B4)")
            self.assertEqual(english.value(s, "F1"), (0, score))
            self.assertEqual(english.value(s, "F3"), (0, "Champions"))
            self.assertEqual(english.value(s, "F4"), (0, purchases))


if __name__ == "__main__":
    unittest.main(verbosity=2)
