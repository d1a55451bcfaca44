#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""RFMTABLE over the 6,919 lines of the CDNOW log, recalculated in a real
headless Calc (target: under 0.5 s per recalculation).

    /usr/bin/python3 bench/e2e_rfm.py build/clientprune.oxt

Writes the log into a sheet (customer, date serial, amount), enters
RFMTABLE as an array formula over its 2,357 customers, and prints the median
of 7 full recalculations (doc.calculateAll(), which recomputes the one
formula there), once with the numeric customer ids and once with text ids
("C0001" ...), which go through the office's collator.  The CDNOW folder is
CLIENTPRUNE_CDNOW or tests/data/cdnow.  Figures only: never a test.
"""
import datetime
import os
import statistics
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "tools"))
from calc import Calc  # noqa: E402

RUNS = 7
TARGET = 0.5
EPOCH = datetime.date(1899, 12, 30)


def load(folder):
    rows = []
    with open(os.path.join(folder, "CDNOW_sample.txt")) as f:
        for line in f:
            if line.strip():
                _master, cid, ymd, _cds, dollars = line.split()
                d = datetime.date(int(ymd[:4]), int(ymd[4:6]), int(ymd[6:]))
                rows.append((int(cid), float((d - EPOCH).days), float(dollars)))
    return rows


def report(what, secs):
    med = statistics.median(secs)
    print(f"{what:<44} {'6919 lines':<14} {1e3 * med:10.3f} ms   target {1e3 * TARGET:8.1f} ms"
          f"   {med / TARGET:5.2f}x of target   (min {1e3 * min(secs):.1f}, max {1e3 * max(secs):.1f})")
    sys.stdout.flush()


def main():
    oxt = next((a for a in sys.argv[1:] if a.endswith(".oxt")), "build/clientprune.oxt")
    folder = os.environ.get("CLIENTPRUNE_CDNOW") or os.path.join(ROOT, "tests", "data", "cdnow")
    if not os.path.exists(os.path.join(folder, "CDNOW_sample.txt")):
        print(f"CDNOW data not found in {folder}: set CLIENTPRUNE_CDNOW")
        return 0
    log = load(folder)
    n = len(log)
    with Calc(oxt) as calc:
        for label, key in (("numeric ids", float), ("text ids", lambda c: "C%04d" % c)):
            sheet = calc.new_sheet()
            sheet.getCellRangeByName(f"A1:C{n}").setDataArray(
                tuple((key(c), d, a) for c, d, a in log))
            customers = len({c for c, _, _ in log})
            sheet.getCellRangeByName(f"E1:I{customers}").setArrayFormula(
                f"=RFMTABLE(A1:A{n};B1:B{n};C1:C{n};DATE(1997;9;30))")
            calc.recalc()
            assert sheet.getCellByPosition(4, customers - 1).getError() == 0
            secs = []
            for _ in range(RUNS):
                t0 = time.perf_counter()
                calc.doc.calculateAll()
                secs.append(time.perf_counter() - t0)
            report(f"RFMTABLE recalculated in Calc ({label})", secs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
