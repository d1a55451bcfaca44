# SPDX-License-Identifier: GPL-3.0-or-later
"""Canary watch: the monthly revenue of the ten largest clients with a
CANARY trend flag and a small line chart per client.

The owner's best clients are the canaries in the mine: a steady slide in
their monthly revenue is the early sign that something in the service is
broken.  CANARY runs a Mann-Kendall trend test over each client's twelve
months (from the 'Monthly revenue' sheet) and flags a decline that is
unlikely to be chance (p below the alpha in cell B3).
"""
import uno

TOP = 10
FIRST = 6  # first client row on the sheet


def add(doc, book):
    sheet = book.sheet("Canary watch")
    totals = sorted(range(book.n), key=lambda i: -sum(book.data[i][1]))[:TOP]
    book.title(sheet, "Canary watch: is revenue of the largest clients sliding?",
               "Flag 1 = a decline unlikely to be chance (Mann-Kendall test, one-sided p below alpha); "
               "slope = Theil-Sen change in revenue per month.")
    sheet.getCellRangeByName("A3").setString("Alpha")
    sheet.getCellRangeByName("B3").setValue(0.1)

    headers = ["Client", "12-month revenue"] + list(book.months) + [
        "Flag", "Slope per month", "p-value", "Watch", "Last 12 months"]
    for j, h in enumerate(headers):
        sheet.getCellByPosition(j, FIRST - 2).setString(h)
    book.header(sheet, f"A{FIRST - 1}:S{FIRST - 1}")

    for k, i in enumerate(totals):
        r = FIRST + k          # row on this sheet
        src = i + 2            # the client's row on 'Monthly revenue'
        sheet.getCellByPosition(0, r - 1).setFormula(f"=$'Monthly revenue'.A{src}")
        sheet.getCellByPosition(1, r - 1).setFormula(f"=SUM(C{r}:N{r})")
        for m in range(12):
            c = chr(ord("B") + m)
            sheet.getCellByPosition(2 + m, r - 1).setFormula(f"=$'Monthly revenue'.{c}{src}")
        sheet.getCellRangeByName(f"O{r}:Q{r}").setArrayFormula(f"=CANARY(C{r}:N{r};;$B$3)")
        sheet.getCellByPosition(17, r - 1).setFormula(f'=IF(O{r}=1;"declining";"")')

    last = FIRST + TOP - 1
    sheet.getCellRangeByName(f"B{FIRST}:N{last}").NumberFormat = book.fmt("#,##0")
    sheet.getCellRangeByName(f"P{FIRST}:P{last}").NumberFormat = book.fmt("#,##0.0")
    sheet.getCellRangeByName(f"Q{FIRST}:Q{last}").NumberFormat = book.fmt("0.000")
    sheet.getCellRangeByName(f"R{FIRST}:R{last}").CharColor = 0xC00000
    sheet.getCellRangeByName(f"R{FIRST}:R{last}").CharWeight = 150
    columns = sheet.getColumns()
    columns.getByIndex(0).Width = 5200
    for j in range(1, 17):
        columns.getByIndex(j).Width = 1700
    columns.getByIndex(1).Width = 2200
    columns.getByIndex(18).Width = 5000
    rows = sheet.getRows()
    rows.getByIndex(FIRST - 2).Height = 1300  # the wrapped header, fixed before placing charts
    for k in range(TOP):
        rows.getByIndex(FIRST - 1 + k).Height = 900

    # Printed on one landscape page of its own page style.
    styles = doc.StyleFamilies.getByName("PageStyles")
    if not styles.hasByName("Canary watch"):
        style = doc.createInstance("com.sun.star.style.PageStyle")
        styles.insertByName("Canary watch", style)
        style.IsLandscape = True
        style.Width, style.Height = 29700, 21000
        style.ScaleToPagesX, style.ScaleToPagesY = 1, 1
    sheet.PageStyle = "Canary watch"

    # A sparkline-like line chart per client in column S.
    for k in range(TOP):
        r = FIRST + k
        cell = sheet.getCellRangeByName(f"S{r}")
        rect = uno.createUnoStruct("com.sun.star.awt.Rectangle")
        rect.X, rect.Y = cell.Position.X + 50, cell.Position.Y + 40
        rect.Width, rect.Height = cell.Size.Width - 100, cell.Size.Height - 80
        rng = sheet.getCellRangeByName(f"C{r}:N{r}").RangeAddress
        name = f"canary{k + 1}"
        sheet.Charts.addNewByName(name, rect, (rng,), False, False)
        chart = sheet.Charts.getByName(name).EmbeddedObject
        chart.Diagram.DataRowSource = uno.Enum("com.sun.star.chart.ChartDataRowSource", "ROWS")
        chart.setDiagram(chart.createInstance("com.sun.star.chart.LineDiagram"))
        chart.HasLegend = False
        chart.HasMainTitle = False
        d = chart.Diagram
        d.DataRowSource = uno.Enum("com.sun.star.chart.ChartDataRowSource", "ROWS")
        for prop in ("HasXAxis", "HasYAxis", "HasXAxisGrid", "HasYAxisGrid", "HasXAxisDescription",
                     "HasYAxisDescription"):
            setattr(d, prop, False)
        d.Wall.FillStyle = uno.Enum("com.sun.star.drawing.FillStyle", "NONE")
        d.Wall.LineStyle = uno.Enum("com.sun.star.drawing.LineStyle", "NONE")
        chart.Area.LineStyle = uno.Enum("com.sun.star.drawing.LineStyle", "NONE")
        series = d.getDataRowProperties(0)
        series.LineWidth = 60
        series.LineColor = 0x2A6099
