#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Save a copy of a workbook for someone who does not have ClientPrune.

    /usr/bin/python3 tools/share_copy.py BOOK OUT.ods|OUT.xlsx [--oxt build/clientprune.oxt]

The command-line twin of Tools > ClientPrune > Save a Copy for Sharing...:
opens BOOK in a headless Calc with the extension, recalculates it, and has
the extension's service org.clientprune.ShareCopy write OUT, in which every
cell whose formula calls a ClientPrune function (array formulas as a whole)
holds its current value instead.  Every other formula, format and chart is
kept, so an accountant without the extension sees the same numbers.  Error
results are kept as their text (e.g. "Err:502"), empty results as blank
cells.  The format follows OUT's extension (.ods or .xlsx).  BOOK itself is
not changed.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import uno  # noqa: E402
from calc import Calc  # noqa: E402

SERVICE = "org.clientprune.ShareCopy"


def store_shared_copy(calc, doc, out, filter_name=""):
    """Write the shared copy of the open doc to out; returns the cells frozen."""
    share = calc.smgr.createInstanceWithContext(SERVICE, calc.ctx)
    if share is None:
        raise RuntimeError(f"{SERVICE} is not available: is the extension loaded?")
    return share.storeSharedCopy(doc, uno.systemPathToFileUrl(os.path.abspath(out)), filter_name)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("book")
    ap.add_argument("out", help="the shared copy: a name ending in .ods or .xlsx")
    ap.add_argument("--oxt", default="build/clientprune.oxt")
    opts = ap.parse_args()
    if not os.path.exists(opts.book):
        sys.exit(f"{opts.book}: no such file")
    if not os.path.exists(opts.oxt):
        sys.exit(f"{opts.oxt}: not built yet (./clientprune.sh build)")
    if not opts.out.lower().endswith((".ods", ".xlsx")):
        sys.exit(f"{opts.out}: the shared copy's name must end in .ods or .xlsx")
    if os.path.abspath(opts.out) == os.path.abspath(opts.book):
        sys.exit("the shared copy would replace the workbook itself: choose another name")

    t0 = time.time()
    with Calc(opts.oxt) as calc:
        doc = calc.open(opts.book, read_only=True)
        if doc is None:
            sys.exit(f"{opts.book}: LibreOffice could not open it")
        doc.calculateAll()
        cells = store_shared_copy(calc, doc, opts.out)
    print(f"Wrote {opts.out}: {cells} ClientPrune cell(s) replaced by their values "
          f"({time.time() - t0:.1f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
