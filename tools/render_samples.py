#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Render the README's pictures of the sample books with headless LibreOffice.

    /usr/bin/python3 tools/render_samples.py --oxt build/clientprune.oxt [--out docs/images]

Opens each sample book in a headless Calc with the extension loaded,
recalculates it, and for every picture in PICTURES exports one sheet's
content (its cells and its charts, or the block of cells named there) as a
one-page PDF whose page is cut to that content; pdftoppm (poppler-utils)
turns the page into a PNG at DPI.  Nothing is drawn by hand: the pictures
show what Calc computes and prints.  Run by `./clientprune.sh run` and by the
CMake target `docs`; the PNGs are committed so the README shows them.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import uno  # noqa: E402
from calc import Calc, prop  # noqa: E402

DPI = 80
MARGIN = 300  # 3 mm of white around the content, in 1/100 mm

# (book, sheet, picture name, what): what is None for all of the sheet's
# cells, "A1:M30" for those cells, or "above:TEXT" for the cells above the
# row whose column A reads TEXT (the Start here sheets keep their charts'
# data below the page); with the charts whose top is in those rows.
ABOVE_DATA = "above:The charts' data"
PICTURES = [
    ("samples/clients.ods", "Start here", "clients-start-here", ABOVE_DATA),
    ("samples/clients.ods", "Prune list", "clients-prune-list", "A1:M30"),
    ("samples/clients.ods", "Whale curve", "clients-whale-curve", "A1:R27"),
    ("samples/clients.ods", "Quadrant", "clients-quadrant", "A1:O44"),
    ("samples/ledger.ods", "Start here", "ledger-start-here", ABOVE_DATA),
    ("samples/ledger.ods", "Segments", "ledger-segments", None),
    ("samples/ledger.ods", "Worth", "ledger-worth", "A1:M30"),
    ("samples/models.ods", "Start here", "models-start-here", ABOVE_DATA),
]


def union(rects):
    """The smallest (x, y, right, bottom) holding every rectangle given."""
    xs, ys, rs, bs = zip(*rects)
    return min(xs), min(ys), max(rs), max(bs)


def cells_of(sheet, what):
    """The cells a picture starts from (see PICTURES)."""
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    if what is None:
        return sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
    if what.startswith("above:"):
        for row in range(end.EndRow + 1):
            if sheet.getCellByPosition(0, row).getString() == what[len("above:"):]:
                return sheet.getCellRangeByPosition(0, 0, end.EndColumn, max(row - 1, 0))
        raise SystemExit(f"{sheet.Name}: no row reads {what[6:]!r}")
    return sheet.getCellRangeByName(what)


def content_box(sheet, cells):
    """(x, y, right, bottom) in 1/100 mm of cells and of every shape whose
    top edge lies within their rows (charts sit beside the cells too)."""
    box = (cells.Position.X, cells.Position.Y,
           cells.Position.X + cells.Size.Width, cells.Position.Y + cells.Size.Height)
    rects = [box]
    page = sheet.DrawPage
    for i in range(page.getCount()):
        shape = page.getByIndex(i)
        p, s = shape.Position, shape.Size
        if box[1] <= p.Y < box[3]:
            rects.append((p.X, p.Y, p.X + s.Width, p.Y + s.Height))
    return union(rects)


def cells_covering(sheet, box):
    """The cell range from A1 that covers box (x, y, right, bottom)."""
    _, _, right, bottom = box
    col = 0
    while sheet.getCellByPosition(col, 0).Position.X + sheet.Columns.getByIndex(col).Width < right:
        col += 1
    row = 0
    while sheet.getCellByPosition(0, row).Position.Y + sheet.Rows.getByIndex(row).Height < bottom:
        row += 1
    return sheet.getCellRangeByPosition(0, 0, col, row)


def fit_page(doc, sheet, cells):
    """A page style as large as cells plus MARGIN, at 100 %, without header,
    footer or grid, for this sheet only."""
    styles = doc.StyleFamilies.getByName("PageStyles")
    name = "Picture " + sheet.Name
    if not styles.hasByName(name):
        styles.insertByName(name, doc.createInstance("com.sun.star.style.PageStyle"))
    style = styles.getByName(name)
    style.HeaderIsOn = False
    style.FooterIsOn = False
    style.PrintGrid = False
    style.PrintHeaders = False
    style.CenterHorizontally = False
    style.CenterVertically = False
    style.PageScale = 100
    for side in ("LeftMargin", "RightMargin", "TopMargin", "BottomMargin"):
        setattr(style, side, MARGIN)
    size = cells.Size
    # A hair of room so rounding never pushes the last column onto a 2nd page.
    style.Width = size.Width + 2 * MARGIN + 100
    style.Height = size.Height + 2 * MARGIN + 100
    sheet.PageStyle = name


def export_pdf(doc, cells, path):
    data = uno.Any("[]com.sun.star.beans.PropertyValue", (prop("Selection", cells),))
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)),
                   (prop("FilterName", "calc_pdf_Export"), prop("FilterData", data)))


def to_png(pdf, png, dpi):
    """The PDF's first page as png (pdftoppm appends .png to the name)."""
    base = png[:-4] if png.endswith(".png") else png
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", pdf, base],
                   check=True)


def render(calc, pictures, out, dpi, log):
    os.makedirs(out, exist_ok=True)
    by_book = {}
    for book, sheet, name, cells in pictures:
        by_book.setdefault(book, []).append((sheet, name, cells))
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for book, items in by_book.items():
            log(f"Recalculating {book} ...")
            doc = calc.open(os.path.join(ROOT, book) if not os.path.isabs(book) else book, read_only=True)
            doc.calculateAll()
            for sheet_name, name, cells in items:
                sheet = doc.Sheets.getByName(sheet_name)
                rng = cells_covering(sheet, content_box(sheet, cells_of(sheet, cells)))
                fit_page(doc, sheet, rng)
                pdf = os.path.join(tmp, name + ".pdf")
                export_pdf(doc, rng, pdf)
                png = os.path.join(out, name + ".png")
                to_png(pdf, png, dpi)
                written.append(png)
                log(f"  {sheet_name} -> {os.path.relpath(png)} ({os.path.getsize(png) // 1024} KB)")
            doc.close(True)
            calc.docs.remove(doc)
    return written


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--oxt", default="build/clientprune.oxt")
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "images"))
    ap.add_argument("--dpi", type=int, default=DPI)
    opts = ap.parse_args()
    if not os.path.exists(opts.oxt):
        sys.exit(f"{opts.oxt}: not built yet (./clientprune.sh build)")
    t0 = time.time()

    def log(text):
        print(text, file=sys.stderr, flush=True)

    log(f"Rendering the README pictures with {opts.oxt} ...")
    with Calc(opts.oxt) as calc:
        written = render(calc, PICTURES, opts.out, opts.dpi, log)
    log(f"{len(written)} pictures in {os.path.relpath(opts.out)} in {time.time() - t0:.1f} s.")


if __name__ == "__main__":
    main()
