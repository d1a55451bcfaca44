# SPDX-License-Identifier: GPL-3.0-or-later
"""The sample books and the main job.

    /usr/bin/python3 tests/e2e/test_samples.py build/clientprune.oxt

- samples/clients.ods is what samples/make_clients.py makes, samples/ledger.ods
  what samples/make_ledger.py makes and samples/models.ods what
  samples/make_models.py makes (same sheets, same formulas, same values), so
  the committed books are reproducible;
- every formula in them computes (no error cell but the #N/A of NA(), the
  gaps in the charts' series);
- each opens on a "Start here" sheet (the first) whose cells show no error,
  whose links lead to sheets of the book, and which has its charts;
- the ledger's Worth sheet fits the models on its RFM table and its CLV by
  segment adds up; the models book's fits agree with the published
  estimates on the CDNOW data;
- tools/prune_list.py (the README's main job) prints its prune list and
  writes the recalculated book and a PDF of it.
"""
import re
import os
import subprocess
import sys
import tempfile
import unittest

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import ROOT, Calc, assert_same_books, main_oxt, sample_books, used  # noqa: E402

OXT = os.path.abspath(main_oxt())
SAMPLE = os.path.join(ROOT, "samples", "clients.ods")
LEDGER = os.path.join(ROOT, "samples", "ledger.ods")
MODELS = os.path.join(ROOT, "samples", "models.ods")
ERROR_RESULT = uno.getConstantByName("com.sun.star.sheet.FormulaResult.ERROR")


def cells(sheet, address):
    """Every cell of a range address."""
    for row in range(address.StartRow, address.EndRow + 1):
        for col in range(address.StartColumn, address.EndColumn + 1):
            yield sheet.getCellByPosition(col, row)


class SamplesTest(unittest.TestCase):
    def assert_reproducible_and_computes(self, generator, sample, min_cells, check=None):
        """Regenerates sample with samples/<generator>, compares every sheet's
        formulas and values with the committed book, and checks that no
        formula shows an error but #N/A from NA(); check(doc) may look further."""
        script = os.path.join(ROOT, "samples", generator)
        with sample_books(script, sample, OXT) as (calc, committed, regenerated):
            clientprune_cells = 0
            for name, a in assert_same_books(self, committed, regenerated).items():
                clientprune_cells += sum(1 for row in a.getFormulaArray() for f in row
                                         if "CLIENTPRUNE." in f.upper())
                # (#N/A from NA() is a gap the charts skip on purpose)
                errors = [f"{name}.{c.AbsoluteName}: {c.getFormula()}"
                          for r in a.queryFormulaCells(ERROR_RESULT).getRangeAddresses()
                          for c in cells(a.Spreadsheet, r) if "NA()" not in c.getFormula()]
                self.assertEqual(errors, [])
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
            # Worth: the fits on the RFM table (in days), and CLV by segment
            # adds up to the customers' CLV, in the chart too.
            worth = doc.Sheets.getByName("Worth")
            fit = worth.getCellRangeByName("I3:M3").getDataArray()[0]
            self.assertTrue(all(v > 0 for v in fit[:4]), fit)
            self.assertLess(fit[4], 0)  # a log-likelihood
            self.assertTrue(all(v > 0 for v in worth.getCellRangeByName("I6:K6").getDataArray()[0]))
            clv = [v for (v,) in worth.getCellRangeByName(f"F2:F{customers + 1}").getDataArray()]
            alive = [v for (v,) in worth.getCellRangeByName(f"C2:C{customers + 1}").getDataArray()]
            self.assertTrue(all(0 <= p <= 1 for p in alive))
            self.assertTrue(all(v >= 0 for v in clv))
            by_segment = [v for (v,) in worth.getCellRangeByName("I14:I24").getDataArray()]
            self.assertAlmostEqual(sum(by_segment), sum(clv), delta=1e-9 * sum(clv))
            self.assertEqual(worth.getCellRangeByName("J25").getValue(), customers)
            chart = worth.Charts.getByName("CLV by segment").EmbeddedObject
            self.assertEqual([v[0] for v in chart.Data.getData()], by_segment)
        self.assert_reproducible_and_computes("make_ledger.py", LEDGER, 500, check)

    def test_models_book_is_reproducible_and_computes(self):
        def check(doc):
            model = doc.Sheets.getByName("Model")

            def value(r, c):
                return model.getCellByPosition(c, r - 1).getValue()
            # published: BG/NBD r 0.243 alpha 4.414 a 0.793 b 2.426 LL -9582.4;
            # Pareto/NBD 0.553 10.578 0.606 11.669 -9595.0;
            # gamma-gamma 6.25 3.74 15.44 -4055.9
            for row, want, tol in [(3, [0.2426, 4.414, 0.7929, 2.426], 2e-4),
                                   (6, [0.553, 10.578, 0.606, 11.669], 1e-3),
                                   (9, [6.25, 3.74, 15.44], 2e-3)]:
                for k, w in enumerate(want):
                    self.assertLessEqual(abs(value(row, 1 + k) / w - 1), tol, (row, k))
            self.assertAlmostEqual(value(3, 5), -9582.43, delta=0.01)
            self.assertAlmostEqual(value(6, 5), -9595.0, delta=0.05)
            self.assertAlmostEqual(value(9, 4), -4055.9, delta=0.05)

            dec = doc.Sheets.getByName("By decile")
            want = [dec.getCellByPosition(2, r).getValue() for r in range(1, 11)]
            self.assertEqual(sum(dec.getCellByPosition(1, r).getValue() for r in range(1, 11)), 2357)
            # The decile totals, in the By decile chart and in Start here's.
            for sheet, name in (("By decile", "CLV by decile"), ("Start here", "CLVByDecile")):
                chart = doc.Sheets.getByName(sheet).Charts.getByName(name).EmbeddedObject
                totals = [v[0] for v in chart.Data.getData()]
                self.assertEqual(len(totals), 10)
                for t, w in zip(totals, want):
                    self.assertAlmostEqual(t, w, delta=1e-9 * abs(w))
        # six per-customer columns of 2,357 customers, and the fits
        self.assert_reproducible_and_computes("make_models.py", MODELS, 6 * 2357, check)

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
