# SPDX-License-Identifier: GPL-3.0-or-later
"""Start here: the workflow of the book in plain words, on its first sheet.

Assess, rank, decide, simulate, share: each step says what it does, shows
the formula this book uses for it and links to
the sheet that does it.  The figures at the top and the two charts (the ten
clients to look at first; profit before and after letting go) are formulas
too, so the page follows the book when the data, weights, rates or budget
change.  Runs last (NN = 90) because it refers to every other sheet, and
makes its sheet the first, which the book opens on.
"""
from sample_book import StartHere

FIRST_TEN = 10  # rows of the "look at first" chart


def add(doc, book):
    last = book.last
    money, score_fmt = book.fmt("#,##0"), book.fmt("0.0")
    p = StartHere(doc)
    p.title("Start here: which clients to grow, which to reprice, which to let go",
            "A small IT services firm with 40 clients and one year of records. Every number in this book "
            "comes from an ordinary formula: change a weight, a cost rate or the budget, and every sheet, "
            "this page and its charts follow. The ClientPrune functions are in Insert ▸ Function, "
            "category Statistical.")

    p.heading("At a glance")
    p.line(f'=COUNTA($Clients.A2:A{last})&" clients, "&TEXT(SUM($Clients.C2:C{last});"#,##0")'
           f'&" of revenue and "&TEXT(SUM($\'Whale curve\'.E11:E50);"#,##0")'
           '&" of profit after the cost to serve them and the overhead."', label="The book")
    p.line("=$'Whale curve'.L7&\" \"&$'Whale curve'.L8", label="Profit")
    p.line("=$'Prune list'.A13&\" \"&$'Prune list'.A14", label="Letting go")
    p.line("=$Concentration.C7", label="Dependence")
    p.row += 1

    p.heading("The workflow, step by step")
    p.step(1, "Assess",
           "Score every client from 0 (weakest) to 100 (strongest) on what matters to you: revenue, hours "
           "worked, support tickets, days paid late, satisfaction and your own A-F grade. The weights "
           "(Clients N3:S3) say how much each counts, the directions (N4:S4) whether more is better. "
           "A blank cell means 'not known' and is left out for that client.",
           formulas=[("Clients", "I2", "Clients I2:I41 (one array formula)"),
                     ("Clients", "K2", "Clients K2, filled down (row mode)")],
           links=[("Clients", "I1", "Open the Clients sheet ▸")])
    p.step(2, "Rank",
           "Put the clients in the order to look at them: rank 1 is the weakest score, the first client to "
           "think about; equal scores put the smaller client first. The chart on the right shows the "
           "first ten.",
           formulas=[("Clients", "J2", "Clients J2:J41")],
           links=[("Clients", "J1", "See the ranks on the Clients sheet ▸")])
    p.step(3, "Decide",
           '="Sort clients into four groups by revenue and score: Top ("&$Quadrant.H8&", look after them), '
           'Grow ("&$Quadrant.H9&", sell them more), Reprice ("&$Quadrant.H10&", change the terms) and '
           'Prune ("&$Quadrant.H11&", consider letting go). Then pick whom to let go within a revenue '
           'budget: now "&TEXT($\'Prune list\'.B4;"0%")&" of revenue (Prune list B4)."',
           formulas=[("Quadrant", "D5", "Quadrant D5:D44"),
                     ("Prune list", "I16", "Prune list I16:I55")],
           links=[("Quadrant", "A1", "Open the Quadrant sheet ▸"),
                  ("Prune list", "A1", "Open the Prune list sheet ▸")])
    p.step(4, "Simulate",
           "See what letting them go does to revenue, profit and margin, with the freed staff time left "
           "idle or partly put to work for the clients who stay (chart on the right), and how sure the "
           "list is if your weights are a little off.",
           formulas=[("Prune list", "B10", "Prune list B10:G10"),
                     ("Prune stability", "E7", "Prune stability E7:E46")],
           links=[("Prune list", "A8", "Open the Prune list sheet ▸"),
                  ("Prune stability", "A1", "Open the Prune stability sheet ▸")])
    p.share_step(5)

    p.heading("More in this book")
    for sheet, what in (("Whale curve", "where the profit comes from, and which clients give it back"),
                        ("Concentration", "how much revenue rests on a few clients; ABC classes"),
                        ("Canary watch", "is the monthly revenue of the largest clients sliding?"),
                        ("Read me", "where the data come from")):
        p.links([(sheet, "A1", f"{sheet}: {what} ▸")])
    p.row += 1

    # The charts' data: the first ten in prune order, and profit before/after.
    p.data_heading()
    top = p.row
    p.cell("A").setString("Client")
    p.cell("B").setString("Score (0-100)")
    book.header(p.sheet, f"A{top}:B{top}")
    ranks = f"$Clients.$J$2:$J${last}"
    key = f"IF(ISNUMBER({ranks});{ranks}*1000+ROW({ranks});\"\")"
    for k in range(1, FIRST_TEN + 1):
        r = top + k
        pick = f"MATCH(SMALL({key};{k});{key};0)"
        p.sheet.getCellRangeByName(f"B{r}").NumberFormat = score_fmt
        p.sheet.getCellRangeByName(f"A{r}").setArrayFormula(f"=INDEX($Clients.$A$2:$A${last};{pick})")
        p.sheet.getCellRangeByName(f"B{r}").setArrayFormula(f"=INDEX($Clients.$I$2:$I${last};{pick})")
    weakest = f"A{top}:B{top + FIRST_TEN}"
    p.row = top + FIRST_TEN + 2
    profit_top = p.row
    p.cell("A").setString("Profit")
    p.cell("B").setString("Profit a year")
    book.header(p.sheet, f"A{profit_top}:B{profit_top}")
    for k, (label, ref) in enumerate((("Today", "$'Prune list'.C9"),
                                      ("After, freed time idle", "$'Prune list'.B9"),
                                      ("After, freed time at work", "$'Prune list'.B10")), start=1):
        p.sheet.getCellRangeByName(f"A{profit_top + k}").setString(label)
        p.sheet.getCellRangeByName(f"B{profit_top + k}").NumberFormat = money
        p.sheet.getCellRangeByName(f"B{profit_top + k}").setFormula(f"={ref}")
    profit = f"A{profit_top}:B{profit_top + 3}"

    p.finish()
    y = p.sheet.getCellRangeByName("A5").Position.Y
    p.bar_chart("FirstTen", y, 9500, weakest, "The ten clients to look at first (score 0-100)", 0xC62828,
                score_fmt)
    p.bar_chart("Profit", y + 10300, 6000, profit, "Profit a year before and after letting go", 0x2E7D32,
                money)
