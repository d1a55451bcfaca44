# SPDX-License-Identifier: GPL-3.0-or-later
"""Quadrant: which clients to grow, reprice or let go.

CLIENTQUADRANT splits the book at the median revenue and the median score
(of the clients with a score) into Top, Grow, Reprice and Prune, once as an
array formula and once in row mode.  A scatter chart draws revenue against
score with one series per quadrant, so each quadrant has its colour, and the
two medians as lines.  The quadrant names are ordinary text, so plain
comparisons such as D5="Top" and COUNTIF(D5:D44;"Top") work on them.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from helpers import axis, client_refs, group_summary, header_row, style, title, xy_chart  # noqa: E402

SHEET = "Quadrant"
FIRST = 5  # first client row
QUADRANTS = [
    ("Top", "keep them and look after them", 0x2E7D32),
    ("Grow", "good clients who buy little: sell them more", 0x1565C0),
    ("Reprice", "big but costly or difficult: change the price or the terms", 0xEF6C00),
    ("Prune", "small and weak: consider letting them go", 0xC62828),
]
CHART = "QRSTUVW"  # chart data: revenue, one column per quadrant, two median lines


def add(doc, book):
    s = book.sheet(SHEET)
    last = FIRST + book.n - 1
    money, score_fmt, pct = book.fmt("#,##0"), book.fmt("0.0"), book.fmt("0%")
    rev, score = f"$B${FIRST}:$B${last}", f"$C${FIRST}:$C${last}"

    title(s, "Quadrant: grow, reprice or let go",
          "High revenue or score means at or above the median of the clients with a score. "
          "Score is the CLIENTSCORE of the Clients sheet.")
    header_row(book, s, FIRST - 1, "A", ["Client", "Revenue", "Score", "Quadrant", "Quadrant (row mode)"])
    s.getCellRangeByName(f"B{FIRST}:B{last}").NumberFormat = money
    s.getCellRangeByName(f"C{FIRST}:C{last}").NumberFormat = score_fmt
    client_refs(s, book, FIRST, {"A": "A", "B": "C", "C": "I"})
    for r in range(FIRST, last + 1):
        # Row mode: this client against the whole book, filled down.
        s.getCellRangeByName(f"E{r}").setFormula(f"=CLIENTQUADRANT(B{r}:B{r};C{r}:C{r};{rev};{score})")
    s.getCellRangeByName(f"D{FIRST}:D{last}").setArrayFormula(
        f"=CLIENTQUADRANT(B{FIRST}:B{last};C{FIRST}:C{last})")

    # The medians the split uses, and what each quadrant holds.
    s.getCellRangeByName("G4").setString("Median revenue")
    s.getCellRangeByName("G5").setString("Median score")
    s.getCellRangeByName("G4:G5").CharWeight = 150
    s.getCellRangeByName("H4").NumberFormat = money
    s.getCellRangeByName("H5").NumberFormat = score_fmt
    s.getCellRangeByName("H4").setArrayFormula(f'=MEDIAN(IF({score}<>"";{rev};""))')
    s.getCellRangeByName("H5").setArrayFormula(f"=MEDIAN({score})")
    for j, h in enumerate(["Quadrant", "Clients", "Revenue", "Share of revenue", "What to do"]):
        s.getCellByPosition(6 + j, 6).setString(h)
    s.getCellRangeByName("G7:K7").CharWeight = 150  # bold; no wrap, the rows stay low
    group_summary(s, "G8", [(q, advice) for q, advice, _ in QUADRANTS], f"$D${FIRST}:$D${last}", rev,
                  money, pct)
    s.getCellRangeByName("G13").setFormula(
        f'=COUNTBLANK(D{FIRST}:D{last})&" client(s) without a score are left out."')

    # Chart data: revenue (x) and, per quadrant, the score of its clients
    # only (#N/A elsewhere, which the chart leaves out); then two short
    # series for the median lines.
    s.getCellRangeByName(f"{CHART[0]}{FIRST - 2}").setString("Chart data")
    header_row(book, s, FIRST - 1, CHART[0],
               ["Revenue"] + [q for q, _, _ in QUADRANTS] + ["Median revenue", "Median score"])
    for r in range(FIRST, last + 1):
        s.getCellRangeByName(f"{CHART[0]}{r}").setFormula(f"=B{r}")
        for k, (q, _, _) in enumerate(QUADRANTS):
            s.getCellRangeByName(f"{CHART[1 + k]}{r}").setFormula(f'=IF($D{r}="{q}";$C{r};NA())')
        for c in CHART[5:]:
            s.getCellRangeByName(f"{c}{r}").setFormula("=NA()")
    # Median revenue: a vertical line from score 0 to 100; median score: a
    # horizontal line from revenue 0 to the largest revenue.
    lines = [("=$H$4", "=0", "=NA()"), ("=$H$4", "=100", "=NA()"),
             ("=0", "=NA()", "=$H$5"), (f"=MAX({rev})", "=NA()", "=$H$5")]
    for i, (x, median_rev, median_score) in enumerate(lines):
        r = last + 1 + i
        s.getCellRangeByName(f"{CHART[0]}{r}").setFormula(x)
        for c in CHART[1:5]:
            s.getCellRangeByName(f"{c}{r}").setFormula("=NA()")
        s.getCellRangeByName(f"{CHART[5]}{r}").setFormula(median_rev)
        s.getCellRangeByName(f"{CHART[6]}{r}").setFormula(median_score)
    s.getCellRangeByName(f"{CHART[0]}{FIRST}:{CHART[0]}{last + 4}").NumberFormat = money

    s.getColumns().getByIndex(0).Width = 7000
    for j in range(1, 4):
        s.getColumns().getByIndex(j).Width = 2600
    s.getColumns().getByIndex(4).Width = 3400
    s.getColumns().getByIndex(5).Width = 800
    s.getColumns().getByIndex(6).Width = 3400
    s.getColumns().getByIndex(9).Width = 3300

    d, series = xy_chart(s, "Quadrant", (21500, 6600, 19000, 12500),
                         f"{CHART[0]}{FIRST - 1}:{CHART[-1]}{last + 4}",
                         "Revenue against score, by quadrant", "Revenue (12 months)", "Score (0-100)")
    axis(d.XAxis, money, 0)
    axis(d.YAxis, None, 0, 100)
    for k, (_, _, colour) in enumerate(QUADRANTS):
        style(series[k], colour)
    for k in (4, 5):
        style(series[k], 0x808080, line=True, marker=False, width=35)
