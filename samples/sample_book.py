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


def page_setup(doc):
    """Landscape pages, each sheet scaled to the width of one page (for
    printing and for the PDF the main job writes)."""
    style = doc.StyleFamilies.getByName("PageStyles").getByName("Default")
    width, height = style.Width, style.Height
    style.IsLandscape = True
    style.Width, style.Height = max(width, height), min(width, height)
    style.ScaleToPagesX = 1
    style.ScaleToPagesY = 0


DATA_HEADING = "The charts' data"


def link(sheet_name, cell="A1"):
    """The target of a HYPERLINK to a cell of this book."""
    return f"#'{sheet_name}'.{cell}"


class StartHere:
    """The "Start here" sheet of a sample book: a title, figures at a glance,
    the workflow step by step with the book's own formulas and links to the
    sheets, and charts on the right.

    Column A holds labels, column B wrapped text; charts go to the right of
    column B.  Every text that states a number is a formula, so it follows
    the book when its data or settings change."""

    LABEL_WIDTH = 4200
    TEXT_WIDTH = 16500
    CHART_X = LABEL_WIDTH + TEXT_WIDTH + 600
    LINK_COLOUR = 0x1F4E79

    def __init__(self, doc, name="Start here"):
        self.doc = doc
        # The first sheet, made there: a sheet moved after its charts are
        # made gets charts that Calc redraws (and marks the book modified)
        # at every recalculation.
        doc.Sheets.insertNewByName(name, 0)
        self.sheet = doc.Sheets.getByName(name)
        self.row = 1  # the next row to write (1-based)
        cols = self.sheet.getColumns()
        cols.getByIndex(0).Width = self.LABEL_WIDTH
        cols.getByIndex(1).Width = self.TEXT_WIDTH
        # Labels level with the first line of their text.
        self.sheet.getCellRangeByName("A1:B200").VertJustify = uno.Enum(
            "com.sun.star.table.CellVertJustify", "TOP")
        self.text_rows = []

    def cell(self, col, row=None):
        return self.sheet.getCellRangeByName(f"{col}{row or self.row}")

    def title(self, text, subtitle):
        a1 = self.cell("A", 1)
        a1.setString(text)
        a1.CharWeight = 150
        a1.CharHeight = 16
        self.row = 2
        self.line(subtitle)
        self.row += 1

    def heading(self, text):
        c = self.cell("A")
        c.setString(text)
        c.CharWeight = 150
        c.CharHeight = 12
        self.row += 1

    def line(self, text, label=None, bold_label=True):
        """One row: an optional label in A and text (or a formula giving
        text, when it starts with '=') in B, wrapped."""
        if label:
            a = self.cell("A")
            a.setString(label)
            a.CharWeight = 150 if bold_label else 100
        b = self.cell("B")
        if text.startswith("=") and not text.startswith("=="):
            b.setFormula(text)
        else:
            b.setString(text)
        b.IsTextWrapped = True
        self.text_rows.append(self.row)
        self.row += 1
        return b

    def formula_of(self, sheet_name, cell, where):
        """The formula of a cell of the book as ClientPrune's user types it,
        with where it is.  Written as text when the page is made (FORMULA()
        would show #N/A in a copy for sharing, whose ClientPrune cells hold
        values), so it is the book's formula as generated."""
        formula = self.doc.Sheets.getByName(sheet_name).getCellRangeByName(cell).getFormula()
        c = self.line(f"{where}:  " + formula.replace("ORG.CLIENTPRUNE.CLIENTPRUNE.", ""))
        c.CharFontName = "Liberation Mono"
        c.CharHeight = 9
        return c

    def links(self, targets):
        """A HYPERLINK per row, in B: (sheet name, cell, text) each."""
        for s, c, t in targets:
            cell = self.cell("B")
            cell.setFormula(f'=HYPERLINK("{link(s, c)}";"{t}")')
            cell.CharColor = self.LINK_COLOUR
            cell.CharUnderline = 1  # single
            self.row += 1

    def step(self, number, name, text, formulas=(), links=()):
        """A workflow step: its name, what it does, the book's formulas for
        it (sheet, cell, where) and links to the sheets (sheet, cell, text)."""
        self.line(text, label=f"{number}. {name}")
        for sheet_name, cell, where in formulas:
            self.formula_of(sheet_name, cell, where)
        self.links(links)
        self.row += 1

    SHARE = ("Your accountant may not have ClientPrune installed and would see name errors where your "
             "ClientPrune formulas are. Tools ▸ ClientPrune ▸ Save a Copy for Sharing… writes a copy (.ods "
             "or .xlsx) in which every ClientPrune formula is replaced by the value it shows now; every "
             "other formula, format and chart stays as it is.")

    def share_step(self, number):
        """The last step of every book: a copy for the accountant."""
        self.step(number, "Share", self.SHARE)

    def data_heading(self):
        """The heading of the block of the charts' data, below the page
        (tools/render_samples.py stops the README's picture above it)."""
        self.heading(DATA_HEADING)

    def finish(self):
        """Row heights that fit the wrapped texts (after a recalculation)."""
        self.doc.calculateAll()
        rows = self.sheet.getRows()
        for r in self.text_rows:
            rows.getByIndex(r - 1).OptimalHeight = True

    def bar_chart(self, name, y, height, cells, title, colour, number_format=None, top_first=True):
        """A horizontal bar chart at (CHART_X, y) of cells on this sheet
        (see bar_chart below)."""
        return bar_chart(self.sheet, name, (self.CHART_X, y, 14000, height), cells, title, colour,
                         number_format, top_first)


def bar_chart(sheet, name, rect, cells, title, colour, number_format=None, top_first=True):
    """A horizontal bar chart on sheet at rect (x, y, width, height in 1/100
    mm) of cells: first column the labels, second the values, first row the
    headings; values shown on the bars, the first row at the top."""
    r = uno.createUnoStruct("com.sun.star.awt.Rectangle")
    r.X, r.Y, r.Width, r.Height = rect
    charts = sheet.Charts
    addr = sheet.getCellRangeByName(cells).RangeAddress
    charts.addNewByName(name, r, (addr,), True, True)
    chart = charts.getByName(name).EmbeddedObject
    diagram = chart.createInstance("com.sun.star.chart.BarDiagram")
    chart.setDiagram(diagram)
    diagram.Vertical = True  # horizontal bars: long labels stay readable
    diagram.DataCaption = uno.getConstantByName("com.sun.star.chart.ChartDataCaption.VALUE")
    chart.HasLegend = False
    chart.HasMainTitle = True
    chart.Title.String = title
    chart.Title.CharHeight = 12
    chart.Diagram.XAxis.ReverseDirection = top_first  # the first row at the top
    if number_format is not None:
        chart.Diagram.YAxis.NumberFormat = number_format
        chart.Diagram.YAxis.LinkNumberFormatToSource = False
    series = chart.getFirstDiagram().getCoordinateSystems()[0].getChartTypes()[0].getDataSeries()
    for s in series:
        if colour is not None:
            s.Color = colour
    return chart
