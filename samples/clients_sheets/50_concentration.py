# SPDX-License-Identifier: GPL-3.0-or-later
"""Concentration: how much the firm depends on a few clients.

CONCENTRATION gives four figures of the revenue column (HHI, the largest
client's share, the five largest clients' share, Gini), each with a reading
in plain words next to it; ABCCLASS sorts the clients into A (the first 80%
of revenue), B (up to 95%) and C (the tail), with a summary per class.

LibreOffice 7.4 does not pool the text an add-in returns, so the class
counts compare C5:C44&"" with "A" rather than the cells themselves.
"""

SHEET = "Concentration"
FIRST = 17  # first client row


def add(doc, book):
    s = book.sheet(SHEET)
    n, last_c = book.n, book.last
    last = FIRST + n - 1
    money, pct, two = book.fmt("#,##0"), book.fmt("0.0%"), book.fmt("0.00")
    revenue = f"$Clients.C2:C{last_c}"

    s.getCellRangeByName("A1").setString("Concentration: how much you depend on a few clients")
    s.getCellRangeByName("A1").CharWeight = 150
    s.getCellRangeByName("A1").CharHeight = 14
    s.getCellRangeByName("A2").setString("Revenue of the 12 months on the Clients sheet.")

    for j, h in enumerate(["Measure", "Value", "What it says"]):
        s.getCellByPosition(j, 3).setString(h)
    book.header(s, "A4:C4")
    figures = [
        ("Herfindahl-Hirschman index (0-10000)", "hhi", None,
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
        s.getCellByPosition(0, r - 1).setString(label)
        cell = s.getCellByPosition(1, r - 1)
        cell.setFormula(f'=CONCENTRATION({revenue};"{measure}")')
        cell.NumberFormat = fmt if fmt is not None else book.fmt("#,##0")
        s.getCellByPosition(2, r - 1).setFormula(reading)

    # ABC classes: a summary, then the clients.
    for j, h in enumerate(["Class", "Clients", "Revenue", "Share of revenue", "What it says"]):
        s.getCellByPosition(j, 9).setString(h)
    book.header(s, "A10:E10")
    meaning = {"A": "the clients who bring the first 80% of revenue: know them well",
               "B": "the next 15%: the ones to grow into A",
               "C": "the last 5% of revenue: serve them cheaply or let them go"}
    for i, c in enumerate("ABC"):
        r = 11 + i
        match = f'($C${FIRST}:$C${last}&"")=A{r}'
        s.getCellByPosition(0, r - 1).setString(c)
        s.getCellByPosition(1, r - 1).setFormula(f"=SUMPRODUCT({match})")
        s.getCellByPosition(2, r - 1).setFormula(f"=SUMPRODUCT({match};$B${FIRST}:$B${last})")
        s.getCellByPosition(3, r - 1).setFormula(f"=C{r}/SUM($B${FIRST}:$B${last})")
        s.getCellByPosition(4, r - 1).setString(meaning[c])
    s.getCellRangeByName("C11:C13").NumberFormat = money
    s.getCellRangeByName("D11:D13").NumberFormat = pct
    s.getCellRangeByName("A14").setFormula(
        '="Reading: "&B11&" of "&SUM(B11:B13)&" clients bring "&TEXT(D11;"0%")'
        '&" of revenue; "&B13&" clients share the last "&TEXT(D13;"0%")&"."')

    for j, h in enumerate(["Client", "Revenue", "Class", "Class (row mode)"]):
        s.getCellByPosition(j, FIRST - 2).setString(h)
    book.header(s, f"A{FIRST - 1}:D{FIRST - 1}")
    s.getCellRangeByName(f"B{FIRST}:B{last}").NumberFormat = money
    for i in range(n):
        r, src = FIRST + i, 2 + i
        s.getCellByPosition(0, r - 1).setFormula(f"=$Clients.A{src}")
        s.getCellByPosition(1, r - 1).setFormula(f"=$Clients.C{src}")
        # Row mode: one client against the whole column, filled down.
        s.getCellByPosition(3, r - 1).setFormula(f"=ABCCLASS(B{r};$B${FIRST}:$B${last})")
    s.getCellRangeByName(f"C{FIRST}:C{last}").setArrayFormula(f"=ABCCLASS(B{FIRST}:B{last})")

    s.getColumns().getByIndex(0).Width = 7500
    for j in range(1, 4):
        s.getColumns().getByIndex(j).Width = 2800
