# SPDX-License-Identifier: GPL-3.0-or-later
"""Concentration: how much the firm depends on a few clients.

CONCENTRATION gives four figures of the revenue column (HHI, the largest
client's share, the five largest clients' share, Gini), each with a reading
in plain words next to it; ABCCLASS sorts the clients into A (the first 80%
of revenue), B (up to 95%) and C (the tail), with a summary per class.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from helpers import client_refs, group_summary, header_row, title  # noqa: E402

SHEET = "Concentration"
FIRST = 17  # first client row
CLASSES = [("A", "the clients who bring the first 80% of revenue: know them well"),
           ("B", "the next 15%: the ones to grow into A"),
           ("C", "the last 5% of revenue: serve them cheaply or let them go")]


def add(doc, book):
    s = book.sheet(SHEET)
    last = FIRST + book.n - 1
    money, pct, two = book.fmt("#,##0"), book.fmt("0.0%"), book.fmt("0.00")
    revenue = f"$Clients.C2:C{book.last}"

    title(s, "Concentration: how much you depend on a few clients",
          "Revenue of the 12 months on the Clients sheet.")
    header_row(book, s, 4, "A", ["Measure", "Value", "What it says"])
    figures = [
        ("Herfindahl-Hirschman index (0-10000)", "hhi", money,
         f'="As concentrated as "&TEXT(10000/B5;"0.0")&" clients of equal size would be; you have "'
         f'&COUNTIF({revenue};">0")&" paying clients."'),
        ("Largest client's share", "top1", pct,
         '="Your largest client brings "&TEXT(B6;"0%")&" of revenue"&IF(B6>=0.2;'
         '": losing it would hurt badly.";IF(B6>=0.1;": worth a backup plan.";": no single client holds you."))'),
        ("Five largest clients' share", "top5", pct,
         '="Your five largest clients bring "&TEXT(B7;"0%")&" of revenue"&IF(B7>=0.5;'
         '": most of the business rests on them.";": the rest of the book carries weight too.")'),
        ("Gini coefficient (0-1)", "gini", two,
         '=IF(B8>=0.5;"Very uneven";IF(B8>=0.3;"Uneven, as in most client books";"Fairly even"))'
         '&" (0 = every client brings the same, 1 = one client brings everything)."'),
    ]
    for i, (label, measure, fmt, reading) in enumerate(figures):
        r = 5 + i
        s.getCellRangeByName(f"A{r}").setString(label)
        s.getCellRangeByName(f"B{r}").NumberFormat = fmt
        s.getCellRangeByName(f"B{r}").setFormula(f'=CONCENTRATION({revenue};"{measure}")')
        s.getCellRangeByName(f"C{r}").setFormula(reading)

    # ABC classes: a summary, then the clients.
    header_row(book, s, 10, "A", ["Class", "Clients", "Revenue", "Share of revenue", "What it says"])
    group_summary(s, "A11", CLASSES, f"$C${FIRST}:$C${last}", f"$B${FIRST}:$B${last}", money, pct)
    s.getCellRangeByName("A14").setFormula(
        '="Reading: "&B11&" of "&SUM(B11:B13)&" clients bring "&TEXT(D11;"0%")'
        '&" of revenue; "&B13&" clients share the last "&TEXT(D13;"0%")&"."')

    header_row(book, s, FIRST - 1, "A", ["Client", "Revenue", "Class", "Class (row mode)"])
    s.getCellRangeByName(f"B{FIRST}:B{last}").NumberFormat = money
    client_refs(s, book, FIRST, {"A": "A", "B": "C"})
    for r in range(FIRST, last + 1):
        # Row mode: one client against the whole column, filled down.
        s.getCellRangeByName(f"D{r}").setFormula(f"=ABCCLASS(B{r};$B${FIRST}:$B${last})")
    s.getCellRangeByName(f"C{FIRST}:C{last}").setArrayFormula(f"=ABCCLASS(B{FIRST}:B{last})")

    s.getColumns().getByIndex(0).Width = 7500
    for j in range(1, 4):
        s.getColumns().getByIndex(j).Width = 2800
