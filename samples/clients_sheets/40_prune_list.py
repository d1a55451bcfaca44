# SPDX-License-Identifier: GPL-3.0-or-later
"""Prune list: whom to let go within a revenue budget, and what it does.

Cost to serve comes from hours and tickets at the rates of the Whale curve
sheet (COSTTOSERVE).  PRUNESET walks the clients in prune-rank order and
marks them while the revenue they take with them stays within the budget;
PRUNEIMPACT says what happens to revenue, profit and margin, with the freed
time left idle and with part of it put to work for the clients who stay.
"""
import os
import sys

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from helpers import client_refs, header_row, title  # noqa: E402

SHEET = "Prune list"
FIRST = 16  # first client row
RATES = "$'Whale curve'.$B$5:$B$6"  # cost per hour, cost per ticket
IMPACT = ["Profit after", "Profit before", "Revenue after", "Revenue before",
          "Margin after", "Margin before"]


def prop(name, value):
    p = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    p.Name, p.Value = name, value
    return p


def add(doc, book):
    s = book.sheet(SHEET)
    last = FIRST + book.n - 1
    money, pct, score_fmt = book.fmt("#,##0"), book.fmt("0.0%"), book.fmt("0.0")

    title(s, "Prune list: whom to let go, and what it does",
          "Clients are taken in prune-rank order (weakest score first) while the revenue they take with "
          "them stays within the budget below. Change the budget and the list follows.")
    s.getCellRangeByName("A4").setString("Revenue you accept to lose")
    s.getCellRangeByName("B4").setValue(0.15)
    s.getCellRangeByName("A5").setString("Freed staff cost put back to work")
    s.getCellRangeByName("B5").setValue(0.5)
    s.getCellRangeByName("B4:B5").NumberFormat = pct
    s.getCellRangeByName("B4:B5").CharWeight = 150
    s.getCellRangeByName("A6").setString("Cost rates per hour and per ticket: see the Whale curve sheet.")

    # PRUNEIMPACT: one row of six per scenario.
    header_row(book, s, 8, "B", IMPACT)
    s.getCellRangeByName("A9").setString("Freed time left idle")
    s.getCellRangeByName("A10").setFormula('="Freed time "&TEXT(B5;"0%")&" put back to work"')
    cols = f"D{FIRST}:D{last};G{FIRST}:G{last};I{FIRST}:I{last}"
    for row, extra in ((9, ""), (10, ";B5")):
        s.getCellRangeByName(f"B{row}:E{row}").NumberFormat = money
        s.getCellRangeByName(f"F{row}:G{row}").NumberFormat = pct
        s.getCellRangeByName(f"B{row}:G{row}").setArrayFormula(f"=PRUNEIMPACT({cols}{extra})")
    s.getCellRangeByName("A12").setString("Reading")
    s.getCellRangeByName("A12").CharWeight = 150
    s.getCellRangeByName("A13").setFormula(
        f'="Letting go of "&COUNTIF(I{FIRST}:I{last};1)&" clients loses "&TEXT(E9-D9;"#,##0")'
        f'&" of revenue ("&TEXT(1-D9/E9;"0.0%")&") and takes profit from "&TEXT(C9;"#,##0")'
        f'&" to "&TEXT(B9;"#,##0")&" if the freed time stays idle,"')
    s.getCellRangeByName("A14").setFormula(
        '="or to "&TEXT(B10;"#,##0")&" if "&TEXT(B5;"0%")&" of the freed staff cost serves the '
        'clients who stay, at what they pay per unit of cost today."')

    header_row(book, s, FIRST - 1, "A",
               ["Client", "Score", "Prune rank", "Revenue", "Hours", "Tickets", "Cost to serve", "Profit",
                "Prune (1 = let go)", "Decision", "", "Let go, in prune order", "Revenue"])
    s.getCellRangeByName(f"B{FIRST}:B{last}").NumberFormat = score_fmt
    for rng in (f"D{FIRST}:D{last}", f"G{FIRST}:H{last}", f"M{FIRST}:M{last}"):
        s.getCellRangeByName(rng).NumberFormat = money
    # name, score, rank (PRUNERANK's value, not a second PRUNERANK), revenue, hours, tickets
    client_refs(s, book, FIRST, {"A": "A", "B": "I", "C": "J", "D": "C", "E": "D", "F": "E"})
    key = f"$C${FIRST}:$C${last}*1000+ROW($C${FIRST}:$C${last})"
    for i, r in enumerate(range(FIRST, last + 1)):
        s.getCellRangeByName(f"H{r}").setFormula(f"=D{r}-G{r}")
        s.getCellRangeByName(f"J{r}").setFormula(
            f'=IF(ISNUMBER(I{r});IF(I{r}=1;"Let go";"Keep");"no score")')
        # The k-th client to let go: the smallest rank among the flagged
        # ones (the row number breaks ties), or nothing.
        pick = f"MATCH(SMALL(IF($I${FIRST}:$I${last}=1;{key});{i + 1});{key};0)"
        s.getCellRangeByName(f"L{r}").setArrayFormula(f'=IFERROR(INDEX($A${FIRST}:$A${last};{pick});"")')
        s.getCellRangeByName(f"M{r}").setArrayFormula(f'=IFERROR(INDEX($D${FIRST}:$D${last};{pick});"")')
    s.getCellRangeByName(f"G{FIRST}:G{last}").setArrayFormula(f"=COSTTOSERVE(E{FIRST}:F{last};{RATES})")
    s.getCellRangeByName(f"I{FIRST}:I{last}").setArrayFormula(
        f"=PRUNESET(B{FIRST}:B{last};D{FIRST}:D{last};B4)")

    # "Let go" stands out.
    decisions = s.getCellRangeByName(f"J{FIRST}:J{last}")
    cond = decisions.ConditionalFormat
    cond.addNew((prop("Operator", uno.Enum("com.sun.star.sheet.ConditionOperator", "EQUAL")),
                 prop("Formula1", '"Let go"'), prop("StyleName", "Bad")))
    decisions.ConditionalFormat = cond

    s.getColumns().getByIndex(0).Width = 7000
    for j in range(1, 11):
        s.getColumns().getByIndex(j).Width = 2500
    s.getColumns().getByIndex(10).Width = 800
    s.getColumns().getByIndex(11).Width = 6000
