#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Recalculate a workbook with ClientPrune and print its prune list.

    /usr/bin/python3 tools/prune_list.py --oxt build/clientprune.oxt [--out DIR] BOOK.ods

Opens BOOK in a headless Calc with the extension, recalculates everything,
and prints, for every PRUNERANK formula it finds, the clients in pruning
order (rank 1 = the first client to consider letting go) with the score
that PRUNERANK ranked (its first argument, read on the same row).  The
client's name is the first text cell of its row.  With --out the
recalculated book is saved there as .ods and as a PDF (every sheet, as its
page style prints it).  A status line per step goes to stderr, the lists to
stdout.
"""
import argparse
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import uno  # noqa: E402
from calc import Calc, prop  # noqa: E402

FORMULA = uno.getConstantByName("com.sun.star.sheet.CellFlags.FORMULA")


def formula_cells(sheet, name):
    """(row, column, cell) of every formula cell calling ClientPrune's NAME."""
    ranges = sheet.queryContentCells(FORMULA)
    found = []
    cells = ranges.getCells().createEnumeration()
    while cells.hasMoreElements():
        cell = cells.nextElement()
        if f"CLIENTPRUNE.{name}(" in cell.getFormula().upper():
            a = cell.CellAddress
            found.append((a.Row, a.Column, cell))
    return found


def row_name(sheet, row, before_col):
    for c in range(before_col):
        cell = sheet.getCellByPosition(c, row)
        if cell.getType().value == "TEXT" and cell.getString().strip():
            return cell.getString().strip()
    return f"row {row + 1}"


def number(cell):
    if cell.getError():
        return None
    if cell.getType().value == "FORMULA" and cell.getString() == "":
        return None
    return cell.getValue()


def score_column(formula):
    """Column index of PRUNERANK's first argument (the scores), if a reference."""
    m = re.search(r"PRUNERANK\(\s*\$?([A-Z]{1,3})\$?\d", formula.upper())
    if not m:
        return None
    index = 0
    for ch in m.group(1):
        index = index * 26 + ord(ch) - 64
    return index - 1


def prune_lists(doc):
    sheets = doc.Sheets
    lists = []
    for i in range(sheets.getCount()):
        sheet = sheets.getByIndex(i)
        ranks = formula_cells(sheet, "PRUNERANK")
        if not ranks:
            continue
        by_column = {}
        for row, col, cell in ranks:
            by_column.setdefault(col, []).append((row, cell))
        for col, cells in sorted(by_column.items()):
            header = sheet.getCellByPosition(col, 0).getString() or "Prune rank"
            entries, errors = [], 0
            score_col = score_column(cells[0][1].getFormula())
            for row, cell in cells:
                if cell.getError():
                    errors += 1
                    continue
                rank = number(cell)
                if rank is None:
                    continue
                score = None
                if score_col is not None:
                    score = number(sheet.getCellByPosition(score_col, row))
                entries.append((rank, row_name(sheet, row, col), score, row + 1))
            entries.sort()
            lists.append((sheet.Name, header, entries, errors))
    return lists


def save(doc, folder, stem, log):
    """The recalculated book as folder/stem.ods and folder/stem.pdf."""
    os.makedirs(folder, exist_ok=True)
    for ext, filter_name, what in ((".ods", "calc8", "recalculated book"),
                                   (".pdf", "calc_pdf_Export", "PDF of it")):
        target = os.path.abspath(os.path.join(folder, stem + ext))
        log(f"Writing the {what} to {target} ...")
        doc.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", filter_name),))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("book")
    ap.add_argument("--oxt", default="build/clientprune.oxt")
    ap.add_argument("--out", help="folder for the recalculated copy of the book")
    opts = ap.parse_args()
    if not os.path.exists(opts.book):
        sys.exit(f"{opts.book}: no such file")
    if not os.path.exists(opts.oxt):
        sys.exit(f"{opts.oxt}: not built yet (./clientprune.sh build)")

    t0 = time.time()

    def log(text):
        print(f"[{time.time() - t0:5.1f} s] {text}", file=sys.stderr, flush=True)

    log(f"Starting a headless LibreOffice with {opts.oxt} ...")
    with Calc(opts.oxt) as calc:
        log(f"Recalculating {opts.book} ...")
        doc = calc.open(opts.book, read_only=True)
        doc.calculateAll()
        lists = prune_lists(doc)
        if opts.out:
            save(doc, opts.out, os.path.splitext(os.path.basename(opts.book))[0], log)
    log("Done.")

    if not lists:
        print(f"No PRUNERANK formula in {opts.book}: nothing to list.")
        return 1
    for sheet, header, entries, errors in lists:
        print(f"\nPrune list of {opts.book}, sheet '{sheet}', column '{header}'")
        print("(rank 1 = the first client to consider letting go)\n")
        width = max([len(e[1]) for e in entries] + [6])
        print(f"{'Rank':>5}  {'Client':<{width}}  {'Score':>6}  Row")
        for rank, name, score, row in entries:
            s = f"{score:6.1f}" if score is not None else f"{'':>6}"
            print(f"{rank:5.0f}  {name:<{width}}  {s}  {row}")
        if errors:
            print(f"\n{errors} cell(s) of this column show an error; check their inputs.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
