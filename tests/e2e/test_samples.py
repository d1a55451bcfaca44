# SPDX-License-Identifier: GPL-3.0-or-later
"""The sample books and the main job.

    /usr/bin/python3 tests/e2e/test_samples.py build/clientprune.oxt

- samples/clients.ods is what samples/make_clients.py makes (same sheets,
  same formulas, same values), so the committed book is reproducible;
- every ClientPrune formula in it computes (no error cell);
- tools/prune_list.py (the README's main job) prints its prune list.
"""
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import ROOT, assert_same_books, main_oxt, sample_books  # noqa: E402

OXT = os.path.abspath(main_oxt())
SAMPLE = os.path.join(ROOT, "samples", "clients.ods")


class SamplesTest(unittest.TestCase):
    def test_clients_book_is_reproducible_and_computes(self):
        script = os.path.join(ROOT, "samples", "make_clients.py")
        with sample_books(script, SAMPLE, OXT) as (calc, committed, regenerated):
            clientprune_cells = 0
            for name, a in assert_same_books(self, committed, regenerated).items():
                rows = a.getFormulaArray()
                for i, row in enumerate(rows):
                    for j, f in enumerate(row):
                        if "CLIENTPRUNE." in f.upper():
                            clientprune_cells += 1
                            err = a.getCellByPosition(j, i).getError()
                            self.assertEqual(err, 0, f"{name} row {i + 1} col {j + 1}: Err:{err}")
            self.assertGreater(clientprune_cells, 100)

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
