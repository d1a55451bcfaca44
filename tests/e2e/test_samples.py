# SPDX-License-Identifier: GPL-3.0-or-later
"""The sample books and the main job.

    /usr/bin/python3 tests/e2e/test_samples.py build/clientprune.oxt

- samples/clients.ods is what samples/make_clients.py makes, and
  samples/ledger.ods what samples/make_ledger.py makes (same sheets, same
  formulas, same values), so the committed books are reproducible;
- every ClientPrune formula in them computes (no error cell);
- each opens on a "Start here" sheet (the first) whose cells show no error,
  whose links lead to sheets of the book, and which has its charts;
- tools/prune_list.py (the README's main job) prints its prune list and
  writes the recalculated book and a PDF of it.
"""
import re
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
                self.assert_starts_here(committed)
                if check:
                    check(committed)

    def assert_starts_here(self, doc, charts=1):
        """The book opens on "Start here", its first sheet: no cell shows an
        error, every link leads to a sheet of the book, and it has charts."""
        names = doc.Sheets.ElementNames
        self.assertEqual(names[0], "Start here")
        self.assertEqual(doc.CurrentController.ActiveSheet.Name, "Start here")
        sheet = doc.Sheets.getByName("Start here")
        area = used(sheet)
        links = 0
        for i, row in enumerate(area.getFormulaArray()):
            for j, f in enumerate(row):
                self.assertEqual(area.getCellByPosition(j, i).getError(), 0, f"Start here row {i + 1}: {f}")
                for target in re.findall(r'HYPERLINK\("#\'([^\']+)\'\.', f):
                    links += 1
                    self.assertIn(target, names, f"Start here row {i + 1} links to a missing sheet")
                if "FORMULA(" in f:
                    self.assertIn("=", area.getCellByPosition(j, i).getString(), f)
        self.assertGreater(links, 2)
        self.assertGreaterEqual(len(sheet.Charts.ElementNames), charts)

    def test_clients_book_is_reproducible_and_computes(self):
        def check(doc):
            # Two charts: the ten clients to look at first, profit before and after.
            self.assertEqual(len(doc.Sheets.getByName("Start here").Charts.ElementNames), 2)
        self.assert_reproducible_and_computes("make_clients.py", SAMPLE, 100, check)

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
            # The revenue per segment on Start here adds up to the RFM sheet's.
            start, rfm_revenue = doc.Sheets.getByName("Start here"), rfm.getCellRangeByName("L2:L141")
            total = sum(v for (v,) in rfm_revenue.getDataArray())
            per_segment = sum(v for (v,) in start.getCellRangeByName("B41:B51").getDataArray())
            self.assertAlmostEqual(per_segment, total, places=6)
            self.assertGreater(total, 0)
        self.assert_reproducible_and_computes("make_ledger.py", LEDGER, 500, check)

    def test_main_job_prints_the_prune_list(self):
        with tempfile.TemporaryDirectory() as tmp:
            done = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tools", "prune_list.py"),
                                   "--oxt", OXT, "--out", tmp, SAMPLE],
                                  check=True, capture_output=True, text=True)
            out = done.stdout
            self.assertIn("Prune list of", out)
            lines = [ln for ln in out.splitlines() if ln.strip()[:1].isdigit()]
            self.assertEqual(len(lines), 40)
            self.assertEqual(lines[0].split()[0], "1")
            self.assertTrue(os.path.exists(os.path.join(tmp, "clients.ods")))
            # The PDF of the recalculated book: a PDF, with a page per sheet at least.
            pdf = os.path.join(tmp, "clients.pdf")
            with open(pdf, "rb") as f:
                data = f.read()
            self.assertTrue(data.startswith(b"%PDF-"), "clients.pdf is not a PDF")
            self.assertIn(b"%%EOF", data[-1024:])
            pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
            with Calc(OXT) as calc:
                sheets = len(calc.open(SAMPLE, read_only=True).Sheets.ElementNames)
            self.assertGreaterEqual(pages, sheets)
            # A status line per step on stderr, the list alone on stdout.
            for step in ("Starting", "Recalculating", "Writing", "PDF", "Done"):
                self.assertIn(step, done.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
