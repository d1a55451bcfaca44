# SPDX-License-Identifier: GPL-3.0-or-later
"""The sample books and the main job.

    /usr/bin/python3 tests/e2e/test_samples.py build/clientprune.oxt

- samples/clients.ods is what samples/make_clients.py makes, and
  samples/ledger.ods what samples/make_ledger.py makes (same sheets, same
  formulas, same values), so the committed books are reproducible;
- every ClientPrune formula in them computes (no error cell);
- tools/prune_list.py (the README's main job) prints its prune list.
"""
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import ROOT, Calc, main_oxt  # noqa: E402

OXT = os.path.abspath(main_oxt())
SAMPLE = os.path.join(ROOT, "samples", "clients.ods")
LEDGER = os.path.join(ROOT, "samples", "ledger.ods")


def used(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    a = cursor.getRangeAddress()
    return sheet.getCellRangeByPosition(0, 0, a.EndColumn, a.EndRow)


class SamplesTest(unittest.TestCase):
    def assert_reproducible_and_computes(self, generator, sample, min_cells, check=None):
        """Regenerates sample with samples/<generator>, compares every sheet's
        formulas and values with the committed book, and checks that no
        ClientPrune cell shows an error; check(doc) may look further."""
        with tempfile.TemporaryDirectory() as tmp:
            fresh = os.path.join(tmp, os.path.basename(sample))
            subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "samples", generator),
                            "--oxt", OXT, fresh], check=True, stdout=subprocess.DEVNULL)
            with Calc(OXT) as calc:
                committed, regenerated = calc.open(sample), calc.open(fresh)
                for doc in (committed, regenerated):
                    doc.calculateAll()
                self.assertEqual(committed.Sheets.ElementNames, regenerated.Sheets.ElementNames)
                clientprune_cells = 0
                for name in committed.Sheets.ElementNames:
                    a = used(committed.Sheets.getByName(name))
                    b = used(regenerated.Sheets.getByName(name))
                    self.assertEqual(a.getFormulaArray(), b.getFormulaArray(), name)
                    self.assertEqual(a.getDataArray(), b.getDataArray(), name)
                    rows = a.getFormulaArray()
                    for i, row in enumerate(rows):
                        for j, f in enumerate(row):
                            if "CLIENTPRUNE." in f.upper():
                                clientprune_cells += 1
                                err = a.getCellByPosition(j, i).getError()
                                self.assertEqual(err, 0, f"{name} row {i + 1} col {j + 1}: Err:{err}")
                self.assertGreater(clientprune_cells, min_cells)
                if check:
                    check(committed)

    def test_clients_book_is_reproducible_and_computes(self):
        self.assert_reproducible_and_computes("make_clients.py", SAMPLE, 100)

    def test_ledger_book_is_reproducible_and_computes(self):
        def check(doc):
            rfm = doc.Sheets.getByName("RFM")
            customers = int(rfm.getCellRangeByName("N5").getValue())  # =ROWS(RFMTABLE(...))
            self.assertGreater(customers, 100)
            # The RFMTABLE array is exactly as high as the customers: its last
            # row is a customer, the row after it is empty.
            self.assertEqual(rfm.getCellByPosition(0, customers).getError(), 0)
            self.assertNotEqual(rfm.getCellByPosition(0, customers).getString(), "")
            self.assertEqual(rfm.getCellByPosition(0, customers + 1).getString(), "")
            # Every customer is in exactly one segment and one heat-map cell.
            seg = doc.Sheets.getByName("Segments")
            self.assertEqual(seg.getCellRangeByName("B13").getValue(), customers)
            self.assertEqual(sum(v for row in seg.getCellRangeByName("F4:J8").getDataArray() for v in row),
                             customers)
            self.assertEqual(seg.Charts.ElementNames, ("Segments",))
        self.assert_reproducible_and_computes("make_ledger.py", LEDGER, 500, check)

    def test_main_job_prints_the_prune_list(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tools", "prune_list.py"),
                                  "--oxt", OXT, "--out", tmp, SAMPLE],
                                 check=True, capture_output=True, text=True).stdout
            self.assertIn("Prune list of", out)
            lines = [ln for ln in out.splitlines() if ln.strip()[:1].isdigit()]
            self.assertEqual(len(lines), 40)
            self.assertEqual(lines[0].split()[0], "1")
            self.assertTrue(os.path.exists(os.path.join(tmp, "clients.ods")))


if __name__ == "__main__":
    unittest.main(verbosity=2)
