# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers shared by the sample-book generators (make_*.py).

A generator defines build(calc, out), which makes the book in a headless
Calc with the extension loaded and stores it at out; main() gives it the
common command line  [OUT.ods] --oxt build/clientprune.oxt.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import uno  # noqa: E402
from calc import Calc, prop  # noqa: E402


def number_format(doc, code):
    """The number format key for a format code such as '#,##0'."""
    formats = doc.NumberFormats
    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    key = formats.queryKey(code, locale, False)
    return key if key != -1 else formats.addNew(code, locale)


def header(sheet, rng):
    """Bold, wrapped header cells."""
    cells = sheet.getCellRangeByName(rng)
    cells.CharWeight = 150  # bold
    cells.IsTextWrapped = True


def notes(sheet, lines):
    """A 'Read me' text: one line per row of column A, the first as a title."""
    for i, line in enumerate(lines):
        sheet.getCellByPosition(0, i).setString(line)
    sheet.getCellByPosition(0, 0).CharWeight = 150
    sheet.getCellByPosition(0, 0).CharHeight = 14
    sheet.getColumns().getByIndex(0).Width = 25000


def store(doc, out):
    """Saves doc as .ods at out."""
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "calc8"),))


def main(description, default_out, build):
    """Runs build(calc, out) for the command line of a generator."""
    ap = argparse.ArgumentParser(description=description,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", default=default_out)
    ap.add_argument("--oxt", default="build/clientprune.oxt")
    opts = ap.parse_args()
    with Calc(opts.oxt) as calc:
        build(calc, opts.out)
    print(f"wrote {opts.out}")
