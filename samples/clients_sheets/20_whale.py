# SPDX-License-Identifier: GPL-3.0-or-later
"""Whale curve: which clients earn the profit and which give it back.

Cost to serve comes from hours and tickets at the owner's rates
(COSTTOSERVE); fixed overhead is shared out by the same drivers
(COSTALLOCATE); profit is revenue minus both.  WHALECURVE sorts clients
from the most to the least profitable, WHALEPEAK finds the top of the hump,
and an XY chart draws the curve with the peak marked.  The rates live here
and the Prune list sheet uses them too.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from helpers import axis, client_refs, header_row, style, title, xy_chart  # noqa: E402

SHEET = "Whale curve"
RATES = [("Cost per hour worked", 55), ("Cost per support ticket", 12)]  # B5:B6
POOLS = [("Office and tools, shared by hours", 24000),                    # B8:B9
         ("Help-desk software, by tickets", 6000)]
FIRST = 11  # first client row


def add(doc, book):
    s = book.sheet(SHEET)
    last_c, last = book.last, FIRST + book.n - 1
    # Formats go on before the array formulas: set afterwards, they reach
    # only an array's first cell (LibreOffice 7.4).
    money, pct = book.fmt("#,##0"), book.fmt("0.0%")

    title(s, "Whale curve: where the profit comes from",
          "Clients sorted from the most to the least profitable. The curve climbs while clients make "
          "money and falls back to 100% as the loss-makers are added: the hump is the profit they give away.")

    # The owner's cost assumptions (also used by the Prune list sheet).
    for top, heading, rows in ((4, "Cost rates (per unit)", RATES), (7, "Overhead pools (per year)", POOLS)):
        s.getCellRangeByName(f"A{top}").setString(heading)
        book.header(s, f"A{top}:A{top}")
        for i, (label, value) in enumerate(rows):
            s.getCellRangeByName(f"A{top + 1 + i}").setString(label)
            s.getCellRangeByName(f"B{top + 1 + i}").setValue(value)
    s.getCellRangeByName("B8:B9").NumberFormat = money

    s.getCellRangeByName(f"G{FIRST - 2}").setString(
        "The curve, most profitable client first:")
    header_row(book, s, FIRST - 1, "A", ["Client", "Revenue", "Cost to serve", "Overhead share", "Profit",
                                         "", "Share of clients", "Share of profit", "Peak"])
    client_refs(s, book, FIRST, {"A": "A", "B": "C"})
    for r in range(FIRST, last + 1):
        s.getCellRangeByName(f"E{r}").setFormula(f"=B{r}-C{r}-D{r}")
    s.getCellRangeByName(f"B{FIRST}:E{last}").NumberFormat = money
    s.getCellRangeByName(f"G{FIRST}:I{last + 1}").NumberFormat = pct
    s.getCellRangeByName(f"C{FIRST}:C{last}").setArrayFormula(
        f"=COSTTOSERVE($Clients.D2:E{last_c};B5:B6)")
    s.getCellRangeByName(f"D{FIRST}:D{last}").setArrayFormula(
        f"=COSTALLOCATE($Clients.D2:E{last_c};B8:B9)")

    # The curve starts at the origin, then one point per client.
    s.getCellRangeByName(f"G{FIRST}").setValue(0)
    s.getCellRangeByName(f"H{FIRST}").setValue(0)
    s.getCellRangeByName(f"G{FIRST + 1}:H{last + 1}").setArrayFormula(f"=WHALECURVE(E{FIRST}:E{last})")
    for r in range(FIRST + 1, last + 2):
        # Only the peak's point has a value here; #N/A leaves the rest out of the chart.
        s.getCellRangeByName(f"I{r}").setFormula(f"=IF(ABS(G{r}-$M$5)<1E-9;H{r};NA())")

    # The peak and what it says, above the chart.
    header_row(book, s, 4, "L", ["Peak share of profit", "Share of clients at the peak"])
    s.getRows().getByIndex(3).OptimalHeight = True
    s.getCellRangeByName("K5").setString("Peak")
    s.getCellRangeByName("L5:M5").NumberFormat = pct
    s.getCellRangeByName("L5:M5").setArrayFormula(f"=WHALEPEAK(E{FIRST}:E{last})")
    s.getCellRangeByName("K7").setString("Reading")
    book.header(s, "K5:K7")
    clients = f"COUNT(E{FIRST}:E{last})"
    s.getCellRangeByName("L7").setFormula(
        f'="The most profitable "&ROUND(M5*{clients};0)&" clients ("&TEXT(M5;"0%")'
        f'&") earn "&TEXT(L5;"0%")&" of the total profit;"')
    s.getCellRangeByName("L8").setFormula(
        f'="the other "&ROUND((1-M5)*{clients};0)&" give "&TEXT(L5-1;"0%")'
        f'&" of it back. Loss-making clients: "&COUNTIF(E{FIRST}:E{last};"<0")&", losing "'
        f'&TEXT(-SUMIF(E{FIRST}:E{last};"<0");"#,##0")&" a year between them."')

    s.getColumns().getByIndex(0).Width = 7000
    for j in range(1, 9):
        s.getColumns().getByIndex(j).Width = 2600
    s.getColumns().getByIndex(5).Width = 600

    # XY chart: the curve as a line, the peak as one large marker.
    d, series = xy_chart(s, "WhaleCurve", (26500, 4800, 17000, 11000), f"G{FIRST - 1}:I{last + 1}",
                         "Whale curve of client profit", "Share of clients, most profitable first",
                         "Share of total profit")
    axis(d.XAxis, book.fmt("0%"), 0, 1)
    axis(d.YAxis, book.fmt("0%"), 0)
    style(series[0], 0x1F4E79, line=True, marker=False, width=60)
    style(series[1], 0xC00000, size=350)
