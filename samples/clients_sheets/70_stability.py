# SPDX-License-Identifier: GPL-3.0-or-later
"""Prune stability: beside the prune list, how sure it is.

Weights are the owner's judgement and could well be a little off.
PRUNESTABILITY re-scores the book many times with every weight moved at
random by up to the jitter in B4 and counts how often each client still
lands among the B3 weakest: near 1 the client is on the list whatever the
exact weights, near 0.5 the decision hangs on them.
"""

FIRST = 7  # first client row


def add(doc, book):
    sheet = book.sheet("Prune stability")
    last_src = book.last
    n = book.n
    book.title(sheet, "Prune list and how sure it is",
               "Stability = share of 1,000 simulations, each weight moved at random by up to the jitter, "
               "in which the client is among the clients to prune (1 = always, 0 = never).")
    sheet.getCellRangeByName("A3").setString("Clients on the prune list")
    sheet.getCellRangeByName("B3").setValue(6)
    sheet.getCellRangeByName("A4").setString("Weight jitter (share)")
    sheet.getCellRangeByName("B4").setValue(0.2)

    headers = ["Client", "Score (0-100)", "Prune rank", "On the list", "Stability"]
    for j, h in enumerate(headers):
        sheet.getCellByPosition(j, FIRST - 2).setString(h)
    book.header(sheet, f"A{FIRST - 1}:E{FIRST - 1}")
    last = FIRST + n - 1
    for k in range(n):
        r, src = FIRST + k, k + 2
        sheet.getCellByPosition(0, r - 1).setFormula(f"=$Clients.A{src}")
        sheet.getCellByPosition(1, r - 1).setFormula(f"=$Clients.I{src}")
        sheet.getCellByPosition(2, r - 1).setFormula(f"=$Clients.J{src}")
        sheet.getCellByPosition(3, r - 1).setFormula(f'=IF(C{r}<=$B$3;"prune";"")')
    sheet.getCellRangeByName(f"E{FIRST}:E{last}").setArrayFormula(
        f"=PRUNESTABILITY($Clients.C2:H{last_src};$Clients.N3:S3;$Clients.N4:S4;B3;B4)")
    sheet.getCellRangeByName(f"B{FIRST}:B{last}").NumberFormat = book.fmt("0.0")
    sheet.getCellRangeByName(f"E{FIRST}:E{last}").NumberFormat = book.fmt("0%")
    columns = sheet.getColumns()
    columns.getByIndex(0).Width = 6000
    for j in range(1, 5):
        columns.getByIndex(j).Width = 2600
