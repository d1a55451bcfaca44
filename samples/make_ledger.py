#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate samples/ledger.ods, the sample sales ledger with its RFM analysis.

    /usr/bin/python3 samples/make_ledger.py --oxt build/clientprune.oxt [OUT.ods]

This script is the diffable source of the book: the ledger is drawn from a
fixed seed, the formulas are written here, and the book is built through a
headless Calc with the extension loaded (so the formulas are stored under
their ClientPrune names and their results are cached in the file).  Running
it again gives a book with the same cells; tests/e2e/test_samples.py
checks that the committed .ods is what this script makes.

The firm: a small coffee roaster selling wholesale to cafés, restaurants,
hotels and offices, two years of invoice lines (2024-2025) as an accounting
package exports them: one row per invoice line, credit notes as negative
lines, and now and then a customer name typed in capitals.

Sheets: Start here (the workflow in plain words, with the book's formulas,
revenue by segment as a chart; the book opens on it); Read me; Segments
(customers per segment, a bar chart, and the R x F heat map); RFM (RFMTABLE
-> days since last -> RFMSCORE -> RFMSEGMENT, and each customer's revenue
of the last year); Ledger (the invoice lines).
"""
import datetime
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
import uno  # noqa: E402
from calc import prop  # noqa: E402
from com.sun.star.awt import Rectangle  # noqa: E402
from sample_book import StartHere, bar_chart, header, main, number_format, page_setup, store  # noqa: E402
from sample_book import notes as write_notes  # noqa: E402

SEED = 20261126
EPOCH = datetime.date(1899, 12, 30)  # Calc's serial 0
START = datetime.date(2024, 1, 1)
END = datetime.date(2025, 12, 31)    # the ledger is cut (as_of) here
LAST_YEAR = END.year
FIRST = ["Blue Door", "Copper Kettle", "Little Fern", "North Quay", "Saltmarsh", "Old Mill",
         "Brindle", "Half Moon", "Juniper", "Kestrel", "Lantern", "Marigold", "Nettle",
         "Oak & Ash", "Pebble", "Quince", "Rook", "Sorrel", "Thistle", "Umber", "Vale", "Wren",
         "Yarrow", "Zinc"]
SECOND = ["Café", "Bistro", "Bakery", "Deli", "Kitchen", "Espresso Bar", "Hotel", "Co-working",
          "Canteen", "Tea Room"]
PRODUCTS = [("House blend 1 kg", 24.50), ("Espresso blend 1 kg", 26.00),
            ("Single origin 1 kg", 32.00), ("Decaf 1 kg", 27.00),
            ("Cold brew concentrate 5 l", 45.00), ("Filter papers, box", 12.00),
            ("Grinder service", 85.00)]
CUSTOMERS = 140
SEGMENTS = ["Champions", "Loyal", "Potential loyalist", "New", "Promising", "Needs attention",
            "About to sleep", "At risk", "Can't lose", "Hibernating", "Lost"]
# What to do with each segment, for the Start here page.
ACTIONS = {
    "Champions": "thank and reward them; ask for referrals",
    "Loyal": "keep them close; offer the new roasts first",
    "Potential loyalist": "a standing order or a tasting visit",
    "New": "a welcome call after the first order",
    "Promising": "a second order needs a reason: a sample pack",
    "Needs attention": "ask what changed before they drift",
    "About to sleep": "a reminder with last year's order",
    "At risk": "call them now: they used to buy often",
    "Can't lose": "call them now: big spenders going quiet",
    "Hibernating": "one offer; then let them rest",
    "Lost": "let go: no more chasing",
}
# What each customer is worth (the Worth sheet): RFMTABLE counts in days, so
# every time the models take or give is in days.
DAYS_AHEAD = 365                            # expected purchases in the next year
MONTHS, DISCOUNT, DAYS_PER_MONTH = 24, 0.01, 30
WIN_BACK = ("At risk", "Can't lose")        # the customers to call first
LET_GO = ("Hibernating", "Lost")            # the ones to stop chasing
# Heat map shades, lightest to darkest (RGB), for 0 and for >0, >=20%, ... of the maximum.
HEAT = [0xF4F6F6, 0xFDEBD0, 0xF8C471, 0xEB984E, 0xCA6F1E, 0x873600]


def serial(d):
    return (d - EPOCH).days


def make_ledger():
    """Invoice lines (date serial, invoice number, customer, product,
    quantity, amount), in date order."""
    rnd = random.Random(SEED)
    names = rnd.sample([f"{a} {b}" for a in FIRST for b in SECOND], CUSTOMERS)
    span = (END - START).days
    orders = []  # (day, customer name, [(product, qty, amount)])
    for name in names:
        day = int(span * rnd.random() ** 1.3)                # more customers early on
        per_month = rnd.gammavariate(1.3, 1.4)               # orders a month while active
        leave = rnd.betavariate(1.2, 9)                      # chance to stop after an order
        size = rnd.lognormvariate(0.6, 0.5)                  # bags per product line
        while day <= span:
            lines = []
            for product, price in rnd.sample(PRODUCTS[:5], rnd.choice([1, 1, 2, 2, 3])):
                qty = max(1, round(size * rnd.uniform(0.5, 1.8)))
                lines.append((product, qty, round(qty * price, 2)))
            if rnd.random() < 0.04:
                product, price = PRODUCTS[rnd.choice([5, 6])]
                lines.append((product, 1, price))
            orders.append((day, name, lines))
            if rnd.random() < 0.03:                          # a credit note follows
                product, qty, amount = lines[0]
                orders.append((day + rnd.randint(0, 9), name,
                               [(f"Credit note: {product}", -1, -round(amount / qty, 2))]))
            if rnd.random() < leave:
                break
            day += max(1, round(rnd.expovariate(per_month / 30.4)))
    orders.sort(key=lambda o: (o[0], o[1]))
    ledger = []
    for number, (day, name, lines) in enumerate(orders, start=10001):
        if day > span:
            continue
        shown = name.upper() if rnd.random() < 0.02 else name  # typed in capitals
        for product, qty, amount in lines:
            ledger.append((serial(START) + day, f"INV-{number}", shown, product, qty, amount))
    return ledger


def fill_ledger(doc, sheet, ledger):
    headers = ["Date", "Invoice", "Customer", "Product", "Quantity", "Amount"]
    for j, h in enumerate(headers):
        sheet.getCellByPosition(j, 0).setString(h)
    last = len(ledger) + 1
    sheet.getCellRangeByName(f"A2:F{last}").setDataArray(tuple(
        (float(d), inv, cust, prod, float(q), float(a)) for d, inv, cust, prod, q, a in ledger))
    sheet.getCellRangeByName(f"A2:A{last}").NumberFormat = number_format(doc, "YYYY-MM-DD")
    sheet.getCellRangeByName(f"F2:F{last}").NumberFormat = number_format(doc, "#,##0.00")
    header(sheet, "A1:F1")
    widths = [2400, 2400, 5600, 5600, 2000, 2400]
    for j, w in enumerate(widths):
        sheet.getColumns().getByIndex(j).Width = w
    return last


def fill_rfm(doc, sheet, ledger, last_line):
    customers = len({name.upper() for _, _, name, _, _, _ in ledger})
    last = customers + 1
    led = f"$Ledger.$C$2:$C${last_line};$Ledger.$A$2:$A${last_line};$Ledger.$F$2:$F${last_line}"
    headers = ["Customer", "Repeat purchases (frequency)", "Days first to last purchase (recency)",
               "Days since first purchase (T)", "Average repeat purchase (monetary)",
               "Days since last purchase", "RFM code", "Segment", "R", "F", "M"]
    for j, h in enumerate(headers):
        sheet.getCellByPosition(j, 0).setString(h)
    sheet.getCellRangeByName("N1").setString("Observed until (as_of)")
    # (A format set after a formula is replaced by the one Calc infers when the
    # formula is first calculated, so formats come first.)
    sheet.getCellRangeByName("N2").NumberFormat = number_format(doc, "YYYY-MM-DD")
    sheet.getCellRangeByName("N2").setFormula("=DATE(2025;12;31)")
    sheet.getCellRangeByName("N4").setString("Customers (rows to select for RFMTABLE)")
    sheet.getCellRangeByName("N5").setFormula(f"=ROWS(RFMTABLE({led};$N$2))")
    # One array formula per step: ledger -> summary -> code -> segment.
    sheet.getCellRangeByName(f"A2:E{last}").setArrayFormula(f"=RFMTABLE({led};N2)")
    sheet.getCellRangeByName(f"F2:F{last}").setArrayFormula(f"=D2:D{last}-C2:C{last}")
    sheet.getCellRangeByName(f"G2:G{last}").setArrayFormula(f"=RFMSCORE(F2:F{last};B2:B{last};E2:E{last})")
    sheet.getCellRangeByName(f"H2:H{last}").setArrayFormula(f"=RFMSEGMENT(G2:G{last})")
    for r in range(2, last + 1):
        sheet.getCellRangeByName(f"I{r}").setFormula(f"=INT(G{r}/100)")
        sheet.getCellRangeByName(f"J{r}").setFormula(f"=MOD(INT(G{r}/10);10)")
        sheet.getCellRangeByName(f"K{r}").setFormula(f"=MOD(G{r};10)")
    # Each customer's revenue in the last year of the ledger (2025): SUMIFS
    # ignores case as RFMTABLE does; &"" turns the add-in's text into text
    # Calc compares.
    sheet.getCellRangeByName("L1").setString(f"Revenue {LAST_YEAR}")
    sheet.getCellRangeByName(f"L2:L{last}").NumberFormat = number_format(doc, "#,##0")
    for r in range(2, last + 1):
        sheet.getCellRangeByName(f"L{r}").setFormula(
            f'=SUMIFS($Ledger.$F$2:$F${last_line};$Ledger.$C$2:$C${last_line};A{r}&"";'
            f'$Ledger.$A$2:$A${last_line};">="&DATE({LAST_YEAR};1;1))')
    sheet.getCellRangeByName(f"E2:E{last}").NumberFormat = number_format(doc, "#,##0.00")
    header(sheet, "A1:N1")
    sheet.getCellRangeByName("N4").CharWeight = 150
    sheet.getColumns().getByIndex(0).Width = 5600
    for j in range(1, 8):
        sheet.getColumns().getByIndex(j).Width = 2800
    sheet.getColumns().getByIndex(7).Width = 3800
    for j in range(8, 11):
        sheet.getColumns().getByIndex(j).Width = 900
    sheet.getColumns().getByIndex(11).Width = 2400
    sheet.getColumns().getByIndex(13).Width = 4200
    sheet.getRows().getByIndex(0).Height = 1500
    return last


def fill_worth(doc, sheet, rfm_last):
    """What each customer is worth: the BG/NBD and gamma-gamma fits on the
    RFM sheet's columns (in days), per customer P(alive), purchases in the
    next year, expected spend per purchase and CLV, and CLV by segment with
    a chart.  Returns the last customer row."""
    last = rfm_last
    x, tx, T, m = (f"$RFM.${c}$2:${c}${last}" for c in "BCDE")
    bg, gg = "$I$3:$M$3", "$I$6:$L$6"
    money, cents = number_format(doc, "#,##0"), number_format(doc, "#,##0.00")

    headers = ["Customer", "Segment", "P(alive)", f"Purchases in the next {DAYS_AHEAD} days",
               "Expected spend per purchase", f"CLV, next {MONTHS} months"]
    for j, h in enumerate(headers):
        sheet.getCellByPosition(j, 0).setString(h)
    for r in range(2, last + 1):
        sheet.getCellRangeByName(f"A{r}").setFormula(f"=$RFM.A{r}")
        sheet.getCellRangeByName(f"B{r}").setFormula(f"=$RFM.H{r}")
    sheet.getCellRangeByName(f"C2:C{last}").NumberFormat = number_format(doc, "0%")
    sheet.getCellRangeByName(f"D2:D{last}").NumberFormat = number_format(doc, "0.0")
    sheet.getCellRangeByName(f"E2:E{last}").NumberFormat = cents
    sheet.getCellRangeByName(f"F2:F{last}").NumberFormat = money
    sheet.getCellRangeByName(f"C2:C{last}").setArrayFormula(f"=BGNBDPALIVE({x};{tx};{T};{bg})")
    sheet.getCellRangeByName(f"D2:D{last}").setArrayFormula(f"=BGNBDPURCHASES($I$8;{x};{tx};{T};{bg})")
    sheet.getCellRangeByName(f"E2:E{last}").setArrayFormula(f"=GGSPEND({x};{m};{gg})")
    sheet.getCellRangeByName(f"F2:F{last}").setArrayFormula(
        f"=CLV({x};{tx};{T};{m};{bg};{gg};$I$9;$I$10;$I$11)")

    # The fits and the settings, right of the customers.
    sheet.getCellRangeByName("H1").setString(
        "The models, learnt from the RFM sheet (all times in days, as RFMTABLE counts them)")
    # (Bold labels that do not wrap: a taller row would break the customers' rows.)
    for r, labels in ((2, ["BG/NBD (buying and leaving)", "r", "alpha (days)", "a", "b",
                           "log-likelihood"]),
                      (5, ["Gamma-gamma (spend)", "p", "q", "gamma",
                           "log-likelihood"])):
        for j, t in enumerate(labels):
            sheet.getCellByPosition(7 + j, r - 1).setString(t)
        sheet.getCellRangeByName(f"H{r}:M{r}").CharWeight = 150
    right = uno.Enum("com.sun.star.table.CellHoriJustify", "RIGHT")  # labels over their numbers
    for rng in ("I2:M2", "I5:L5", "I13:L13"):
        sheet.getCellRangeByName(rng).HoriJustify = right
    sheet.getCellRangeByName("H3").setString("fitted")
    sheet.getCellRangeByName("H6").setString("fitted")
    sheet.getCellRangeByName("I3:M6").NumberFormat = number_format(doc, "0.000")
    sheet.getCellRangeByName("I3:M3").setArrayFormula(f"=BGNBDFIT({x};{tx};{T})")
    sheet.getCellRangeByName("I6:L6").setArrayFormula(f"=GGFIT({x};{m})")
    settings = [("Purchases: days ahead (a year)", DAYS_AHEAD),
                ("CLV: months ahead", MONTHS),
                ("CLV: discount per month", DISCOUNT),
                ("CLV: days per month (T is in days)", DAYS_PER_MONTH)]
    for k, (label, value) in enumerate(settings):
        sheet.getCellByPosition(7, 7 + k).setString(label)
        sheet.getCellByPosition(8, 7 + k).setValue(value)
    sheet.getCellRangeByName("H8:H11").CharWeight = 150

    # CLV by segment: the sums of the customers' columns by RFMSEGMENT name.
    top = 13
    first, end = top + 1, top + len(SEGMENTS)
    for j, h in enumerate(["Segment", f"CLV, {MONTHS} months", "Customers", "Average CLV",
                           "Avg. P(alive)"]):
        sheet.getCellByPosition(7 + j, top - 1).setString(h)
    sheet.getCellRangeByName(f"H{top}:L{top}").CharWeight = 150
    seg, clv, alive = f"$B$2:$B${last}", f"$F$2:$F${last}", f"$C$2:$C${last}"
    for i, name in enumerate(SEGMENTS):
        r = first + i
        sheet.getCellRangeByName(f"H{r}").setString(name)
        sheet.getCellRangeByName(f"I{r}").setFormula(f"=SUMIF({seg};H{r};{clv})")
        sheet.getCellRangeByName(f"J{r}").setFormula(f"=COUNTIF({seg};H{r})")
        sheet.getCellRangeByName(f"K{r}").setFormula(f'=IF(J{r}=0;"";I{r}/J{r})')
        sheet.getCellRangeByName(f"L{r}").setFormula(f'=IF(J{r}=0;"";SUMIF({seg};H{r};{alive})/J{r})')
    total = end + 1
    sheet.getCellRangeByName(f"H{total}").setString("All customers")
    sheet.getCellRangeByName(f"I{total}").setFormula(f"=SUM(I{first}:I{end})")
    sheet.getCellRangeByName(f"J{total}").setFormula(f"=SUM(J{first}:J{end})")
    sheet.getCellRangeByName(f"K{total}").setFormula(f"=I{total}/J{total}")
    sheet.getCellRangeByName(f"L{total}").setFormula(f"=AVERAGE({alive})")
    sheet.getCellRangeByName(f"H{total}:L{total}").CharWeight = 150
    for k, text in enumerate(["BG/NBD counts a customer who never came back as still a customer",
                              "(P(alive) 100%): it learns who leaves only from repeat buyers.",
                              "Their expected purchases stay low."]):
        sheet.getCellRangeByName(f"H{total + 1 + k}").setString(text)
    sheet.getCellRangeByName(f"I{first}:I{total}").NumberFormat = money
    sheet.getCellRangeByName(f"K{first}:K{total}").NumberFormat = money
    sheet.getCellRangeByName(f"L{first}:L{total}").NumberFormat = number_format(doc, "0%")

    header(sheet, "A1:F1")
    sheet.getRows().getByIndex(0).Height = 1500
    widths = [5600, 3800, 2000, 2800, 2800, 2800, 600, 7600, 3400, 2600, 2600, 2600, 2800]
    for j, w in enumerate(widths):
        sheet.getColumns().getByIndex(j).Width = w
    doc.calculateAll()  # the row heights the chart is placed by
    y = sheet.getCellRangeByName(f"H{total + 5}").Position.Y
    bar_chart(sheet, "CLV by segment", (sheet.getCellRangeByName("H1").Position.X, y, 17000, 9000),
              f"H{top}:I{end}", f"Expected value of the next {MONTHS} months (CLV) by segment",
              0x1F4E79, money)
    return last


def heat_styles(doc):
    """Cell styles "RFM heat 0".."RFM heat 5" (white text on the dark ones)."""
    styles = doc.StyleFamilies.getByName("CellStyles")
    for k, color in enumerate(HEAT):
        name = f"RFM heat {k}"
        if not styles.hasByName(name):
            style = doc.createInstance("com.sun.star.style.CellStyle")
            styles.insertByName(name, style)
        style = styles.getByName(name)
        style.CellBackColor = color
        style.CharColor = 0xFFFFFF if k >= 4 else 0x000000
        style.HoriJustify = uno.Enum("com.sun.star.table.CellHoriJustify", "CENTER")


def condition(formula, style, base):
    """A formula condition; relative references in it are relative to base."""
    op = uno.Enum("com.sun.star.sheet.ConditionOperator", "FORMULA")
    return (prop("Operator", op), prop("Formula1", formula), prop("StyleName", style),
            prop("SourcePosition", base))


def fill_segments(doc, sheet, rfm_last):
    seg = f"$RFM.$H$2:$H${rfm_last}"
    sheet.getCellRangeByName("A1").setString("Segment")
    sheet.getCellRangeByName("B1").setString("Customers")
    sheet.getCellRangeByName("C1").setString("Share")
    total = len(SEGMENTS) + 2
    sheet.getCellRangeByName(f"C2:C{total}").NumberFormat = number_format(doc, "0%")
    for i, name in enumerate(SEGMENTS):
        r = i + 2
        sheet.getCellRangeByName(f"A{r}").setString(name)
        sheet.getCellRangeByName(f"B{r}").setFormula(f'=COUNTIF({seg};A{r})')
        sheet.getCellRangeByName(f"C{r}").setFormula(f"=B{r}/$B${len(SEGMENTS) + 2}")
    sheet.getCellRangeByName(f"A{total}").setString("All customers")
    sheet.getCellRangeByName(f"B{total}").setFormula(f"=SUM(B2:B{total - 1})")
    sheet.getCellRangeByName(f"C{total}").setFormula(f"=SUM(C2:C{total - 1})")
    header(sheet, "A1:C1")
    sheet.getCellRangeByName(f"A{total}:C{total}").CharWeight = 150
    sheet.getColumns().getByIndex(0).Width = 4200

    # The R x F heat map: customers by recency score (rows, 5 = most recent)
    # and frequency score (columns), coloured by their share of the largest.
    sheet.getCellRangeByName("E1").setString("Customers by recency score R (rows) and frequency score F (columns)")
    sheet.getCellRangeByName("E1").CharWeight = 150
    sheet.getCellRangeByName("E3").setString("R \\ F")
    for f in range(1, 6):
        sheet.getCellByPosition(4 + f, 2).setValue(f)
    for k, r in enumerate(range(5, 0, -1)):
        row = 4 + k
        sheet.getCellByPosition(4, row - 1).setValue(r)
        for f in range(1, 6):
            c = "FGHIJ"[f - 1]
            sheet.getCellRangeByName(f"{c}{row}").setFormula(
                f"=COUNTIFS($RFM.$I$2:$I${rfm_last};$E{row};$RFM.$J$2:$J${rfm_last};{c}$3)")
    header(sheet, "E3:J3")
    sheet.getCellRangeByName("E4:E8").CharWeight = 150
    for j in range(4, 10):
        sheet.getColumns().getByIndex(j).Width = 1500
    heat_styles(doc)
    grid = sheet.getCellRangeByName("F4:J8")
    entries = grid.ConditionalFormat
    entries.clear()
    # First match wins: 0, then >= 80%, 60%, 40%, 20% of the largest count, then the rest.
    base = sheet.getCellRangeByName("F4").CellAddress
    entries.addNew(condition("F4=0", "RFM heat 0", base))
    for k, share in zip((5, 4, 3, 2), (0.8, 0.6, 0.4, 0.2)):
        entries.addNew(condition(f"F4>={share}*MAX($F$4:$J$8)", f"RFM heat {k}", base))
    entries.addNew(condition("F4>0", "RFM heat 1", base))
    grid.ConditionalFormat = entries
    sheet.getCellRangeByName("E10").setString(
        "Darker = more customers. Top right: recent and frequent (Champions); bottom left: Lost.")

    # Bar chart: customers per segment.
    charts = sheet.Charts
    rect = Rectangle(200, 6600, 17000, 8200)
    if charts.hasByName("Segments"):
        charts.removeByName("Segments")
    charts.addNewByName("Segments", rect, (sheet.getCellRangeByName(f"A1:B{total - 1}").RangeAddress,),
                        True, True)
    chart = charts.getByName("Segments").EmbeddedObject
    diagram = chart.createInstance("com.sun.star.chart.BarDiagram")
    chart.setDiagram(diagram)
    diagram.Vertical = True  # horizontal bars, segment names readable
    diagram.DataCaption = uno.getConstantByName("com.sun.star.chart.ChartDataCaption.VALUE")
    chart.HasLegend = False
    chart.HasMainTitle = True
    chart.Title.String = "Customers per segment"
    chart.Diagram.XAxis.ReverseDirection = True  # Champions at the top


def fill_readme(sheet, rfm_last, ledger_last):
    notes = [
        "ClientPrune sample sales ledger: RFM segments",
        "",
        "A small coffee roaster selling wholesale to cafés, restaurants, hotels and offices. The 'Ledger' sheet",
        f"holds two years of invoice lines (2024-2025, {ledger_last - 1} lines) as an accounting package exports them.",
        "Credit notes are negative lines; some lines have the customer's name typed in capitals",
        "(RFMTABLE ignores case).",
        "",
        "RFM sheet, one array formula per step:",
        f"  A2:E{rfm_last}  =RFMTABLE(customer; date; amount; N2): one row per customer, sorted by name:",
        "             repeat purchases, days from the first to the last purchase, days since the first",
        "             purchase, average repeat purchase. Purchases on one day count as one.",
        "             N2 is the date the ledger is cut at.",
        f"  F2:F{rfm_last}  =D2:D{rfm_last}-C2:C{rfm_last}: days since the last purchase (T - recency)",
        f"  G2:G{rfm_last}  =RFMSCORE(F; B; E): R, F and M scored 1-5 by rank among all customers,",
        "             as a code such as 545",
        f"  H2:H{rfm_last}  =RFMSEGMENT(G): the segment name",
        "  I:K         the R, F and M digits of the code",
        "",
        "Worth sheet: what each customer is worth, from the RFM columns B to E. ALL TIMES ARE IN DAYS,",
        "as RFMTABLE counts them, so every time the models take or give is in days too:",
        "  I3:M3       =BGNBDFIT(frequency; recency; T): how often customers buy and how likely they",
        "             are to stop (r, alpha in days, a, b, log-likelihood)",
        "  I6:L6       =GGFIT(frequency; monetary): how much they spend per purchase (p, q, gamma)",
        f"  C2:C{rfm_last}  =BGNBDPALIVE(...): the chance each customer is still a customer",
        f"  D2:D{rfm_last}  =BGNBDPURCHASES(I8; ...): purchases in the next I8 = {DAYS_AHEAD} days (a year)",
        f"  E2:E{rfm_last}  =GGSPEND(...): expected spend per purchase",
        f"  F2:F{rfm_last}  =CLV(...; I9; I10; I11): what the next {MONTHS} months are worth, discounted",
        f"             {DISCOUNT:.0%} a month; I11 = {DAYS_PER_MONTH} days make a month because T is in days",
        "  H13:L25     CLV by segment (SUMIF over the segment names), with its chart.",
        "A fit shows Err:523 when the data have no best fit (too few customers, or hardly anyone bought",
        "twice): a longer ledger or more customers help.",
        "",
        "How many rows to select for RFMTABLE: one per customer; N5 shows =ROWS(RFMTABLE(...)).",
        "Select 5 columns and that many rows, type the formula, press Ctrl+Shift+Enter.",
        "Rows beyond the customers show #N/A. When new customers appear, select the array",
        "(Ctrl+/) and enter it again over a larger range.",
        "",
        "Segments sheet: customers per segment (COUNTIF) with their chart, and the R x F heat map",
        "(COUNTIFS). Segment map (R = recency score, FM = (F + M) / 2 rounded half up):",
        "  R 5: FM 1 New, 2 Promising, 3 Potential loyalist, 4 Loyal, 5 Champions",
        "  R 4: Promising, Promising, Potential loyalist, Loyal, Champions",
        "  R 3: About to sleep, Needs attention, Needs attention, Loyal, Loyal",
        "  R 2: Hibernating, Hibernating, At risk, At risk, Can't lose",
        "  R 1: Lost, Lost, Hibernating, At risk, Can't lose",
        "",
        "Every ClientPrune function is in the Function Wizard (Insert > Function) under 'Statistical'.",
    ]
    write_notes(sheet, notes)


def fill_start_here(doc, rfm_last, ledger_last):
    """The first sheet: the workflow in plain words with the book's formulas,
    revenue by segment (a table and a chart), and what is at stake."""
    money = number_format(doc, "#,##0")
    pct = number_format(doc, "0%")
    seg, revenue = f"$RFM.$H$2:$H${rfm_last}", f"$RFM.$L$2:$L${rfm_last}"
    p = StartHere(doc)
    p.title("Start here: who your customers are, from the sales ledger",
            f"A coffee roaster's invoice lines of 2024-{LAST_YEAR} (Ledger sheet), as an accounting package "
            "exports them. ClientPrune turns them into one row per customer, scores each customer on how "
            "recently, how often and how much they buy (RFM), names their segment and predicts what each "
            "customer is worth. Every number is a "
            "formula: paste in your own ledger and the page follows. The functions are in Insert ▸ "
            "Function, category Statistical.")
    table_top = 40  # the segment table, below the page (see "The charts' data")
    first, last = table_top + 1, table_top + len(SEGMENTS)
    win = "+".join(f"SUMIF($A${first}:$A${last};\"{s}\";$B${first}:$B${last})" for s in WIN_BACK)
    lost = "+".join(f"SUMIF($A${first}:$A${last};\"{s}\";$B${first}:$B${last})" for s in LET_GO)
    win_n = "+".join(f"COUNTIF({seg};\"{s}\")" for s in WIN_BACK)
    lost_n = "+".join(f"COUNTIF({seg};\"{s}\")" for s in LET_GO)
    total = f"SUM({revenue})"

    p.heading("At a glance")
    p.line(f'=$RFM.N5&" customers in "&TEXT(COUNTA($Ledger.B2:B{ledger_last});"#,##0")&" invoice lines; '
           f'{LAST_YEAR} revenue "&TEXT({total};"#,##0")&"."', label="The ledger")
    p.line(f'=COUNTIF({seg};"Champions")&" Champions bring "&TEXT(SUMIF($A${first}:$A${last};"Champions";'
           f'$B${first}:$B${last})/{total};"0%")&" of {LAST_YEAR} revenue."', label="Best customers")
    p.line(f'=({win_n})&" customers At risk or Can\'t lose brought "&TEXT({win};"#,##0")&" ("'
           f'&TEXT(({win})/{total};"0%")&") in {LAST_YEAR}: call them first."', label="At stake")
    p.row += 1

    p.heading("The workflow, step by step")
    p.step(1, "Assess",
           "Turn the ledger (customer, date, amount per invoice line) into one row per customer: repeat "
           "purchases, days from the first to the last purchase, days since the first purchase and the "
           "average repeat purchase. Customer names are matched without regard to capitals; credit notes "
           "count against their day.",
           formulas=[("RFM", "A2", f"RFM A2:E{rfm_last}")],
           links=[("RFM", "A1", "Open the RFM sheet ▸"), ("Ledger", "A1", "Open the Ledger ▸")])
    p.step(2, "Rank",
           "Score each customer 1 to 5 on recency (R: days since the last purchase, fewer is better), "
           "frequency (F) and money (M) by rank among all customers, as a code such as 545.",
           formulas=[("RFM", "F2", f"RFM F2:F{rfm_last}"), ("RFM", "G2", f"RFM G2:G{rfm_last}")],
           links=[("RFM", "G1", "See the codes on the RFM sheet ▸")])
    p.step(3, "Decide",
           "Name each customer's segment from the code and decide what to do with it: reward the "
           "Champions, call the ones At risk, let the Lost go. The table below the page and the chart "
           "on the right say how much of last year's revenue each segment brought.",
           formulas=[("RFM", "H2", f"RFM H2:H{rfm_last}")],
           links=[("Segments", "A1", "Open the Segments sheet (customers per segment, R x F heat map) ▸")])
    clv, segs = f"$Worth.$F$2:$F${rfm_last}", f"$Worth.$B$2:$B${rfm_last}"
    alive = f"$Worth.$C$2:$C${rfm_last}"

    def by_segments(names, column=clv):
        """The sum of a Worth column over the customers of the segments named."""
        return "+".join(f'SUMIF({segs};"{n}";{column})' for n in names)
    p.step(4, "Predict",
           '="BGNBDFIT and GGFIT learn from the RFM columns how often your customers buy, how likely '
           'they are to stop and how much they spend per purchase (times in days, as RFMTABLE counts '
           'them). Per customer: the chance they are still a customer (P(alive)), purchases in the next "'
           '&$Worth.I8&" days and what the next "&$Worth.I9&" months are worth (CLV, discounted "'
           f'&TEXT($Worth.I10;"0%")&" a month): "&TEXT(SUM({clv});"#,##0")&" in all, "'
           f'&TEXT(({by_segments(("Champions", "Loyal"))})/SUM({clv});"0%")&" of it from Champions and Loyal '
           f'customers, "&TEXT({by_segments(WIN_BACK)};"#,##0")&" from the "&({win_n})&" At risk or Can\'t '
           f'lose, whose chance of still being customers averages "&TEXT(({by_segments(WIN_BACK, alive)})/'
           f'({win_n});"0%")&"."',
           formulas=[("Worth", "I3", "Worth I3:M3"), ("Worth", "F2", f"Worth F2:F{rfm_last}")],
           links=[("Worth", "A1", "Open the Worth sheet (P(alive) and CLV per customer, CLV by segment "
                                  "with a chart) ▸")])
    p.step(5, "Simulate",
           f'="If the "&({lost_n})&" Hibernating and Lost customers never order again, you lose "'
           f'&TEXT({lost};"#,##0")&" ("&TEXT(({lost})/{total};"0%")&") of a year like {LAST_YEAR}; '
           f'if the "&({win_n})&" At risk and Can\'t lose customers go too, "&TEXT(({win})+({lost});"#,##0")'
           f'&" ("&TEXT((({win})+({lost}))/{total};"0%")&"). Win-back calls go to the second group. '
           f'Revenue per segment: the table below the page (SUMIF over RFM L2:L{rfm_last})."')
    p.share_step(6)
    p.heading("More in this book")
    p.links([("Read me", "A1", "Read me: the ledger, the columns of the RFM sheet, the segment map ▸")])
    p.row += 1
    if p.row > table_top - 1:
        raise SystemExit("Start here: the page runs into the segment table; move table_top down")

    # The segment table: customers, last year's revenue, share, what to do.
    p.row = table_top - 1
    p.data_heading()
    for j, h in enumerate(["Segment", f"Revenue {LAST_YEAR}", "Share", "Customers", "What to do"]):
        p.sheet.getCellByPosition(j, table_top - 1).setString(h)
    header(p.sheet, f"A{table_top}:E{table_top}")
    p.sheet.getCellRangeByName(f"B{first}:B{last}").NumberFormat = money
    p.sheet.getCellRangeByName(f"C{first}:C{last}").NumberFormat = pct
    for i, name in enumerate(SEGMENTS):
        r = first + i
        p.sheet.getCellRangeByName(f"A{r}").setString(name)
        p.sheet.getCellRangeByName(f"B{r}").setFormula(f"=SUMIF({seg};A{r};{revenue})")
        p.sheet.getCellRangeByName(f"C{r}").setFormula(f"=B{r}/{total}")
        p.sheet.getCellRangeByName(f"D{r}").setFormula(f"=COUNTIF({seg};A{r})")
        p.sheet.getCellRangeByName(f"E{r}").setString(ACTIONS[name])
    p.finish()
    chart = p.bar_chart("RevenueBySegment", p.sheet.getCellRangeByName("A5").Position.Y, 11000,
                        f"A{table_top}:B{last}", f"{LAST_YEAR} revenue by segment", 0x7B3F00, money)
    return chart


def build(calc, out):
    doc = calc.new_doc()
    page_setup(doc)
    sheets = doc.Sheets
    sheets.getByIndex(0).Name = "Read me"
    for i, name in enumerate(["Segments", "Worth", "RFM", "Ledger"], start=1):
        sheets.insertNewByName(name, i)
    ledger = make_ledger()
    ledger_last = fill_ledger(doc, sheets.getByName("Ledger"), ledger)
    rfm_last = fill_rfm(doc, sheets.getByName("RFM"), ledger, ledger_last)
    doc.calculateAll()
    fill_segments(doc, sheets.getByName("Segments"), rfm_last)
    fill_worth(doc, sheets.getByName("Worth"), rfm_last)
    fill_readme(sheets.getByName("Read me"), rfm_last, ledger_last)
    fill_start_here(doc, rfm_last, ledger_last)  # the first sheet: the book opens on it
    doc.calculateAll()
    doc.CurrentController.setActiveSheet(sheets.getByName("Start here"))
    store(doc, out)
    return doc


if __name__ == "__main__":
    main(__doc__, os.path.join(HERE, "ledger.ods"), build)
