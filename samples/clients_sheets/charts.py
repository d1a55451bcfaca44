# SPDX-License-Identifier: GPL-3.0-or-later
"""Charts for the sheet modules (not a sheet itself: its name has no NN_).

    from charts import xy_chart, style
    series = xy_chart(sheet, "Name", (x, y, w, h), "G10:I51", "Title", "x axis", "y axis")
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
