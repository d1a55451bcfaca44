# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for the sheet modules (not a sheet itself: its name has no NN_).

    from helpers import title, header_row, client_refs, group_summary, xy_chart, axis, style
    title(sheet, "Whale curve", "What the sheet shows.")
    header_row(book, sheet, 10, "A", ["Client", "Revenue"])
    client_refs(sheet, book, 11, {"A": "A", "B": "C"})     # A11 = Clients.A2, B11 = Clients.C2 ...
    d, series = xy_chart(sheet, "Name", (x, y, w, h), "G10:I51", "Title", "x axis", "y axis")
    style(series[0], 0x1F4E79, line=True)

xy_chart makes an XY (scatter) chart of a block whose first column is x and
whose other columns are one series each, headed by their names, through the
UNO API (sheet.Charts.addNewByName, then the chart document's diagram), and
returns the chart2 data series in column order.  Cells with #N/A are left
out of a series, so a column can hold one quadrant's clients, or one point.
"""
import uno

NONE = uno.Enum("com.sun.star.drawing.LineStyle", "NONE")
SOLID = uno.Enum("com.sun.star.drawing.LineStyle", "SOLID")


def title(sheet, text, subtitle):
    """A bold title in A1 and one line of explanation in A2."""
    a1 = sheet.getCellRangeByName("A1")
    a1.setString(text)
    a1.CharWeight = 150
    a1.CharHeight = 14
    sheet.getCellRangeByName("A2").setString(subtitle)


def _col(letter, offset=0):
    return chr(ord(letter) + offset)


def header_row(book, sheet, row, first_col, names):
    """Column headings from first_col (a letter) along row (1-based), bold
    and wrapped; an empty name leaves a cell empty."""
    for j, name in enumerate(names):
        if name:
            sheet.getCellRangeByName(f"{_col(first_col, j)}{row}").setString(name)
    book.header(sheet, f"{first_col}{row}:{_col(first_col, len(names) - 1)}{row}")


def client_refs(sheet, book, first_row, columns):
    """One row per client from first_row on: for each pair (this sheet's
    column, Clients column) a plain reference =$Clients.X<row>."""
    for i in range(book.n):
        for here, there in columns.items():
            sheet.getCellRangeByName(f"{here}{first_row + i}").setFormula(f"=$Clients.{there}{2 + i}")


def group_summary(sheet, top_left, groups, labels, values, money, pct):
    """One row per group from top_left (such as "G8") on: the group's name,
    how many cells of `labels` hold it, the sum of their `values`, that
    sum's share of all values, and what the group means.  groups: (name,
    meaning) pairs; labels, values: absolute ranges of one height."""
    col, r0 = top_left[0], int(top_left[1:])
    for i, (name, meaning) in enumerate(groups):
        c = [f"{_col(col, k)}{r0 + i}" for k in range(5)]
        match = f'({labels}={c[0]})'
        sheet.getCellRangeByName(c[0]).setString(name)
        sheet.getCellRangeByName(c[1]).setFormula(f"=COUNTIF({labels};{c[0]})")
        sheet.getCellRangeByName(c[2]).setFormula(f"=SUMPRODUCT({match};{values})")
        sheet.getCellRangeByName(c[3]).setFormula(f"={c[2]}/SUM({values})")
        sheet.getCellRangeByName(c[4]).setString(meaning)
        sheet.getCellRangeByName(c[2]).NumberFormat = money
        sheet.getCellRangeByName(c[3]).NumberFormat = pct


def _rect(x, y, w, h):
    r = uno.createUnoStruct("com.sun.star.awt.Rectangle")
    r.X, r.Y, r.Width, r.Height = x, y, w, h
    return r


def xy_chart(sheet, name, place, cells, title, x_title, y_title):
    """An XY chart of `cells` at place = (x, y, width, height) in 1/100 mm;
    returns (the chart's old-API diagram for axes, its data series)."""
    addr = sheet.getCellRangeByName(cells).RangeAddress
    sheet.Charts.addNewByName(name, _rect(*place), (addr,), True, False)
    chart = sheet.Charts.getByName(name).EmbeddedObject
    chart.setDiagram(chart.createInstance("com.sun.star.chart.XYDiagram"))
    chart.HasMainTitle = True
    chart.Title.String = title
    chart.HasLegend = True
    d = chart.Diagram
    d.HasXAxisTitle = True
    d.XAxisTitle.String = x_title
    d.HasYAxisTitle = True
    d.YAxisTitle.String = y_title
    chart_type = chart.getFirstDiagram().getCoordinateSystems()[0].getChartTypes()[0]
    return d, list(chart_type.getDataSeries())


def axis(a, number_format=None, lo=None, hi=None):
    """Fixes an old-API axis' number format and range where given."""
    if number_format is not None:
        a.NumberFormat = number_format
        a.LinkNumberFormatToSource = False
    if lo is not None:
        a.AutoMin = False
        a.Min = float(lo)
    if hi is not None:
        a.AutoMax = False
        a.Max = float(hi)


def style(series, colour, line=False, marker=True, size=250, width=50):
    """One colour for a series; a line through its points and/or a square
    marker on each."""
    series.Color = colour
    series.LineStyle = SOLID if line else NONE
    series.LineWidth = width
    sym = series.Symbol
    sym.Style = uno.Enum("com.sun.star.chart2.SymbolStyle", "STANDARD" if marker else "NONE")
    sym.StandardSymbol = 0  # square
    s = uno.createUnoStruct("com.sun.star.awt.Size")
    s.Width = s.Height = size
    sym.Size = s
    sym.FillColor = colour
    sym.BorderColor = colour
    series.Symbol = sym
