# SPDX-License-Identifier: GPL-3.0-or-later
"""The customer-value sample book.

    /usr/bin/python3 tests/e2e/test_models_sample.py build/clientprune.oxt

- samples/models.ods is what samples/make_models.py makes (same sheets, same
  formulas, same values), so the committed book is reproducible;
- every ClientPrune formula in it computes (no error cell), the fits on its
  Model sheet agree with the published estimates, and the CLV-by-decile
  chart is there with the decile totals.
"""
import os
import sys
import unittest

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import ROOT, assert_same_books, main_oxt, sample_books  # noqa: E402

OXT = os.path.abspath(main_oxt())
SAMPLE = os.path.join(ROOT, "samples", "models.ods")
ERROR_RESULT = uno.getConstantByName("com.sun.star.sheet.FormulaResult.ERROR")


class ModelsSampleTest(unittest.TestCase):
    def test_models_book_is_reproducible_and_computes(self):
        script = os.path.join(ROOT, "samples", "make_models.py")
        with sample_books(script, SAMPLE, OXT) as (calc, committed, regenerated):
            clientprune_cells = 0
            for name, a in assert_same_books(self, committed, regenerated).items():
                clientprune_cells += sum(1 for row in a.getFormulaArray() for f in row
                                         if "CLIENTPRUNE." in f.upper())
                # no formula of the sheet has an error result
                errors = a.queryFormulaCells(ERROR_RESULT)
                self.assertEqual(errors.getCount(), 0,
                                 f"{name}: error cells {errors.getRangeAddressesAsString()}")
            # six per-customer columns of 2,357 customers, and the fits
            self.assertGreater(clientprune_cells, 6 * 2357)

            model = committed.Sheets.getByName("Model")
            value = lambda r, c: model.getCellByPosition(c, r - 1).getValue()
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

            dec = committed.Sheets.getByName("By decile")
            chart = dec.Charts.getByName("CLV by decile").EmbeddedObject
            totals = [v[0] for v in chart.Data.getData()]
            want = [dec.getCellByPosition(2, r).getValue() for r in range(1, 11)]
            self.assertEqual(len(totals), 10)
            for t, w in zip(totals, want):
                self.assertAlmostEqual(t, w, delta=1e-9 * abs(w))
            self.assertEqual(sum(dec.getCellByPosition(1, r).getValue() for r in range(1, 11)), 2357)


if __name__ == "__main__":
    unittest.main(verbosity=2)
