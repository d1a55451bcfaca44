# SPDX-License-Identifier: GPL-3.0-or-later
"""Quadrant: which clients to grow, reprice or let go.

CLIENTQUADRANT splits the book at the median revenue and the median score
(of the clients with a score) into Top, Grow, Reprice and Prune, once as an
array formula and once in row mode.  A scatter chart draws revenue against
score with one series per quadrant, so each quadrant has its colour, and the
two medians as lines.

LibreOffice 7.4 does not pool the text an add-in returns, so a plain
comparison such as D5="Top" or COUNTIF(D5:D44;"Top") finds nothing; adding
&"" (D5&""="Top") makes ordinary text of it.  The formulas here do that.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from charts import axis, style, xy_chart  # noqa: E402

SHEET = "Quadrant"
FIRST = 5  # first client row
QUADRANTS = [
    ("Top", "keep them and look after them", 0x2E7D32),
    ("Grow", "good clients who buy little: sell them more", 0x1565C0),
    ("Reprice", "big but costly or difficult: change the price or the terms", 0xEF6C00),
    ("Prune", "small and weak: consider letting them go", 0xC62828),
]


def add(doc, book):
    s = book.sheet(SHEET)
    n, last = book.n, FIRST + book.n - 1
    money, score_fmt, pct = book.fmt("#,##0"), book.fmt("0.0"), book.fmt("0%")

    s.getCellRangeByName("A1").setString("Quadrant: grow, reprice or let go")
    s.getCellRangeByName("A1").CharWeight = 150
    s.getCellRangeByName("A1").CharHeight = 14
    s.getCellRangeByName("A2").setString(
        "High revenue or score means at or above the median of the clients with a score. "
        "Score is the CLIENTSCORE of the Clients sheet.")

    headers = ["Client", "Revenue", "Score", "Quadrant", "Quadrant (row mode)"]
    for j, h in enumerate(headers):
        s.getCellByPosition(j, FIRST - 2).setString(h)
    book.header(s, f"A{FIRST - 1}:E{FIRST - 1}")
    s.getCellRangeByName(f"B{FIRST}:B{last}").NumberFormat = money
    s.getCellRangeByName(f"C{FIRST}:C{last}").NumberFormat = score_fmt
    for i in range(n):
        r, src = FIRST + i, 2 + i
        s.getCellByPosition(0, r - 1).setFormula(f"=$Clients.A{src}")
        s.getCellByPosition(1, r - 1).setFormula(f"=$Clients.C{src}")
        s.getCellByPosition(2, r - 1).setFormula(f"=$Clients.I{src}")
        # Row mode: this client against the whole book, filled down.
        s.getCellByPosition(4, r - 1).setFormula(
            f"=CLIENTQUADRANT(B{r}:B{r};C{r}:C{r};$B${FIRST}:$B${last};$C${FIRST}:$C${last})")
    s.getCellRangeByName(f"D{FIRST}:D{last}").setArrayFormula(
        f"=CLIENTQUADRANT(B{FIRST}:B{last};C{FIRST}:C{last})")

    # The medians the split uses, and what each quadrant holds.
    s.getCellRangeByName("G4").setString("Median revenue")
    s.getCellRangeByName("G5").setString("Median score")
    s.getCellRangeByName("G4:G5").CharWeight = 150
    s.getCellRangeByName("H4").NumberFormat = money
    s.getCellRangeByName("H5").NumberFormat = score_fmt
    s.getCellRangeByName("H4").setArrayFormula(
        f'=MEDIAN(IF(C{FIRST}:C{last}<>"";B{FIRST}:B{last};""))')
    s.getCellRangeByName("H5").setArrayFormula(f"=MEDIAN(C{FIRST}:C{last})")
    for j, h in enumerate(["Quadrant", "Clients", "Revenue", "Share of revenue", "What to do"]):
        s.getCellByPosition(6 + j, 6).setString(h)
    s.getCellRangeByName("G7:K7").CharWeight = 150  # bold; no wrap, the rows stay low
    for i, (q, advice, _) in enumerate(QUADRANTS):
        r = 8 + i
        s.getCellByPosition(6, r - 1).setString(q)
        quad = f'($D${FIRST}:$D${last}&"")=G{r}'
        s.getCellByPosition(7, r - 1).setFormula(f"=SUMPRODUCT({quad})")
        s.getCellByPosition(8, r - 1).setFormula(f"=SUMPRODUCT({quad};$B${FIRST}:$B${last})")
        s.getCellByPosition(9, r - 1).setFormula(f"=I{r}/SUM($B${FIRST}:$B${last})")
        s.getCellByPosition(10, r - 1).setString(advice)
    s.getCellRangeByName("I8:I11").NumberFormat = money
    s.getCellRangeByName("J8:J11").NumberFormat = pct
    s.getCellRangeByName("G13").setFormula(
        f'=COUNTBLANK(D{FIRST}:D{last})&" client(s) without a score are left out."')

    # Chart data: revenue (x) and, per quadrant, the score of its clients
    # only (#N/A elsewhere, which the chart leaves out); then two short
    # series for the median lines.
    c0 = 16  # column Q
    cols = ["Revenue"] + [q for q, _, _ in QUADRANTS] + ["Median revenue", "Median score"]
    s.getCellByPosition(c0, FIRST - 3).setString("Chart data")
    for j, h in enumerate(cols):
        s.getCellByPosition(c0 + j, FIRST - 2).setString(h)
    book.header(s, f"Q{FIRST - 2}:W{FIRST - 1}")

    def letter(j):
        return chr(ord("A") + c0 + j)

    for i in range(n):
        r = FIRST + i
        s.getCellByPosition(c0, r - 1).setFormula(f"=B{r}")
        for k, (q, _, _) in enumerate(QUADRANTS):
            s.getCellByPosition(c0 + 1 + k, r - 1).setFormula(f'=IF($D{r}&""="{q}";$C{r};NA())')
        for k in (5, 6):
            s.getCellByPosition(c0 + k, r - 1).setFormula("=NA()")
    # Median revenue: a vertical line from score 0 to 100; median score: a
    # horizontal line from revenue 0 to the largest revenue.
    extra = [(f"=$H$4", None, 0), (f"=$H$4", None, 100),
             ("=0", "=$H$5", None), (f"=MAX(B{FIRST}:B{last})", "=$H$5", None)]
    for i, (x, ms, mr) in enumerate(extra):
        r = last + 1 + i
        s.getCellByPosition(c0, r - 1).setFormula(x)
        for k in range(1, 5):
            s.getCellByPosition(c0 + k, r - 1).setFormula("=NA()")
        s.getCellByPosition(c0 + 5, r - 1).setFormula("=NA()" if mr is None else f"={mr}")
        s.getCellByPosition(c0 + 6, r - 1).setFormula("=NA()" if ms is None else ms)
    s.getCellRangeByName(f"Q{FIRST}:Q{last + 4}").NumberFormat = money

    s.getColumns().getByIndex(0).Width = 7000
    for j in range(1, 5):
        s.getColumns().getByIndex(j).Width = 2600
    s.getColumns().getByIndex(4).Width = 3400
    s.getColumns().getByIndex(5).Width = 800
    s.getColumns().getByIndex(6).Width = 3400
    s.getColumns().getByIndex(9).Width = 3300

    d, series = xy_chart(s, "Quadrant", (21500, 6600, 19000, 12500),
                         f"{letter(0)}{FIRST - 1}:{letter(6)}{last + 4}",
                         "Revenue against score, by quadrant", "Revenue (12 months)", "Score (0-100)")
    axis(d.XAxis, money, 0)
    axis(d.YAxis, None, 0, 100)
    for k, (_, _, colour) in enumerate(QUADRANTS):
        style(series[k], colour)
    for k in (4, 5):
        style(series[k], 0x808080, line=True, marker=False, width=35)
