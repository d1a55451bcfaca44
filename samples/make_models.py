#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate samples/models.ods, the customer-value sample book, reproducibly.

    /usr/bin/python3 samples/make_models.py --oxt build/clientprune.oxt [OUT.ods]
        [--data tests/data/cdnow]

This script is the diffable source of the book: the data are the CDNOW
customer summary (2,357 customers of an online music shop, first purchases in
early 1997, followed for 39 weeks; times in WEEKS), the formulas are written
here, and the book is built through a headless Calc with the extension loaded
(so the formulas are stored under their ClientPrune names with their results
cached).  tests/e2e/test_samples.py checks that the committed .ods is
what this script makes.

The book starts from the customer summary an RFM table gives - repeat
purchases, recency, age T, average repeat spend - and goes on to the three
model fits, each customer's chance of still being a customer, expected
purchases, expected spend and two-year value, and CLV by decile with a chart.

Sheets: Start here (the workflow in plain words with the book's formulas and
CLV by decile as a chart; the book opens on it); Read me; Customers; Model
(the fits and the CLV settings); By decile.
"""
import argparse
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, HERE)
import uno  # noqa: E402
from calc import Calc  # noqa: E402
from sample_book import StartHere, bar_chart, header, number_format, page_setup, store  # noqa: E402
from sample_book import notes as write_notes  # noqa: E402

DEFAULT_DATA = os.path.join(ROOT, "tests", "data", "cdnow")
MONTHS, DISCOUNT, WEEKS_PER_MONTH = 24, 0.01, 4.345
HORIZON = 52  # weeks


def load(folder):
    with open(os.path.join(folder, "cdnow_customers_summary_with_transactions.csv")) as f:
        return [(int(r["ID"]), float(r["x"]), float(r["t_x"]), float(r["T"]), float(r["zbar"]))
                for r in csv.DictReader(f)]


def build(calc, out, data):
    doc = calc.new_doc()
    page_setup(doc)
    sheets = doc.Sheets
    sheets.getByIndex(0).Name = "Read me"
    for i, name in enumerate(["Customers", "Model", "By decile"], start=1):
        sheets.insertNewByName(name, i)
    cust, model, dec, readme = (sheets.getByName(n) for n in
                                ("Customers", "Model", "By decile", "Read me"))

    def fmt(code):
        return number_format(doc, code)

    def bold(sheet, rng):
        header(sheet, rng)
    n = len(data)
    last = n + 1  # last data row

    # -- Customers: the RFM summary (weeks) -------------------------------------
    headers = ["Customer", "Repeat purchases (frequency)", "Recency (weeks)", "Age T (weeks)",
               "Average repeat spend ($)", "P(alive), BG/NBD",
               f"Purchases in the next {HORIZON} weeks, BG/NBD", "P(alive), Pareto/NBD",
               f"Purchases in the next {HORIZON} weeks, Pareto/NBD",
               "Expected spend per purchase ($)", f"CLV, next {MONTHS} months ($)",
               "CLV decile (1 = top 10%)"]
    for j, h in enumerate(headers):
        cust.getCellByPosition(j, 0).setString(h)
    block = cust.getCellRangeByPosition(0, 1, 4, n)
    block.setDataArray(tuple(tuple(float(v) for v in row) for row in data))
    B, C, D, E = (f"{c}2:{c}{last}" for c in "BCDE")
    bg, pn, gg = "$Model.$B$3:$F$3", "$Model.$B$6:$F$6", "$Model.$B$9:$E$9"
    settings = "$Model.$B$12;$Model.$B$13;$Model.$B$14"
    arrays = {
        "F": f"=BGNBDPALIVE({B};{C};{D};{bg})",
        "G": f"=BGNBDPURCHASES({HORIZON};{B};{C};{D};{bg})",
        "H": f"=PARETONBDPALIVE({B};{C};{D};{pn})",
        "I": f"=PARETONBDPURCHASES({HORIZON};{B};{C};{D};{pn})",
        "J": f"=GGSPEND({B};{E};{gg})",
        "K": f"=CLV({B};{C};{D};{E};{bg};{gg};{settings})",
    }
    for c, f in arrays.items():
        cust.getCellRangeByName(f"{c}2:{c}{last}").setArrayFormula(f)
    for i in range(2, last + 1):
        cust.getCellByPosition(11, i - 1).setFormula(
            f"=MIN(10;1+INT(10*(RANK(K{i};$K$2:$K${last})-1)/COUNT($K$2:$K${last})))")
    cust.getCellRangeByName(f"C2:D{last}").NumberFormat = fmt("0.00")
    cust.getCellRangeByName(f"E2:E{last}").NumberFormat = fmt("#,##0.00")
    for c in "FH":
        cust.getCellRangeByName(f"{c}2:{c}{last}").NumberFormat = fmt("0.000")
    for c in "GI":
        cust.getCellRangeByName(f"{c}2:{c}{last}").NumberFormat = fmt("0.00")
    cust.getCellRangeByName(f"J2:K{last}").NumberFormat = fmt("#,##0.00")
    bold(cust, "A1:L1")
    for j in range(12):
        cust.getColumns().getByIndex(j).Width = 2700

    # -- Model: the three fits and the CLV settings ---------------------------------
    def label_row(r, labels):
        for j, t in enumerate(labels):
            model.getCellByPosition(j, r - 1).setString(t)
        bold(model, f"A{r}:F{r}")

    label_row(2, ["BG/NBD", "r", "alpha (weeks)", "a", "b", "log-likelihood"])
    model.getCellRangeByName("B3:F3").setArrayFormula(
        f"=BGNBDFIT($Customers.{B};$Customers.{C};$Customers.{D})")
    label_row(5, ["Pareto/NBD", "r", "alpha (weeks)", "s", "beta (weeks)", "log-likelihood"])
    model.getCellRangeByName("B6:F6").setArrayFormula(
        f"=PARETONBDFIT($Customers.{B};$Customers.{C};$Customers.{D})")
    label_row(8, ["Gamma-gamma (spend)", "p", "q", "gamma ($)", "log-likelihood"])
    model.getCellRangeByName("B9:E9").setArrayFormula(
        f"=GGFIT($Customers.{B};$Customers.{E})")
    model.getCellRangeByName("A3").setString("fitted")
    model.getCellRangeByName("A6").setString("fitted")
    model.getCellRangeByName("A9").setString("fitted")
    model.getCellRangeByName("B3:F9").NumberFormat = fmt("0.0000")
    settings_rows = [("CLV: months ahead", MONTHS), ("CLV: discount per month", DISCOUNT),
                     ("CLV: weeks per month (T is in weeks)", WEEKS_PER_MONTH)]
    for k, (label, value) in enumerate(settings_rows):
        model.getCellByPosition(0, 11 + k).setString(label)
        model.getCellByPosition(1, 11 + k).setValue(value)
    bold(model, "A12:A14")
    published = [
        ("Published (Fader, Hardie and Lee 2005): BG/NBD", [0.243, 4.414, 0.793, 2.426, -9582.4]),
        ("Published: Pareto/NBD", [0.553, 10.578, 0.606, 11.669, -9595.0]),
        ("Published (Fader and Hardie 2013): gamma-gamma", [6.25, 3.74, 15.44, -4055.9]),
    ]
    for k, (label, values) in enumerate(published):
        model.getCellByPosition(0, 16 + k).setString(label)
        for j, v in enumerate(values):
            model.getCellByPosition(1 + j, 16 + k).setValue(v)
    model.getColumns().getByIndex(0).Width = 9500
    for j in range(1, 6):
        model.getColumns().getByIndex(j).Width = 2600

    # -- By decile: CLV and what drives it, with a chart -----------------------------
    dh = ["CLV decile", "Customers", f"Total CLV, {MONTHS} months ($)", "Average CLV ($)",
          "Share of total CLV", "Average P(alive), BG/NBD",
          f"Average purchases, next {HORIZON} weeks", "Average repeat purchases so far"]
    for j, h in enumerate(dh):
        dec.getCellByPosition(j, 0).setString(h)
    L, K = f"$Customers.$L$2:$L${last}", f"$Customers.$K$2:$K${last}"
    for d in range(1, 11):
        r = d + 1
        dec.getCellByPosition(0, r - 1).setValue(d)
        dec.getCellByPosition(1, r - 1).setFormula(f"=COUNTIF({L};A{r})")
        dec.getCellByPosition(2, r - 1).setFormula(f"=SUMIF({L};A{r};{K})")
        dec.getCellByPosition(3, r - 1).setFormula(f"=C{r}/B{r}")
        dec.getCellByPosition(4, r - 1).setFormula(f"=C{r}/SUM($C$2:$C$11)")
        dec.getCellByPosition(5, r - 1).setFormula(f"=AVERAGEIF({L};A{r};$Customers.$F$2:$F${last})")
        dec.getCellByPosition(6, r - 1).setFormula(f"=AVERAGEIF({L};A{r};$Customers.$G$2:$G${last})")
        dec.getCellByPosition(7, r - 1).setFormula(f"=AVERAGEIF({L};A{r};$Customers.$B$2:$B${last})")
    dec.getCellByPosition(0, 11).setString("All")
    dec.getCellByPosition(1, 11).setFormula("=SUM(B2:B11)")
    dec.getCellByPosition(2, 11).setFormula("=SUM(C2:C11)")
    dec.getCellByPosition(3, 11).setFormula("=C12/B12")
    dec.getCellRangeByName("C2:D12").NumberFormat = fmt("#,##0")
    dec.getCellRangeByName("E2:E11").NumberFormat = fmt("0.0%")
    dec.getCellRangeByName("F2:H11").NumberFormat = fmt("0.00")
    bold(dec, "A1:H1")
    bold(dec, "A12:D12")
    for j in range(8):
        dec.getColumns().getByIndex(j).Width = 2900
    rect = uno.createUnoStruct("com.sun.star.awt.Rectangle")
    rect.X, rect.Y, rect.Width, rect.Height = 1000, 6500, 16000, 9000
    src = dec.getCellRangeByName("C1:C11").RangeAddress
    dec.Charts.addNewByName("CLV by decile", rect, (src,), True, False)
    chart = dec.Charts.getByName("CLV by decile").EmbeddedObject
    chart.setDiagram(chart.createInstance("com.sun.star.chart.BarDiagram"))
    chart.HasMainTitle = True
    chart.Title.String = f"Total {MONTHS}-month CLV by decile (1 = most valuable 10% of customers)"
    chart.HasLegend = False

    # -- Read me ------------------------------------------------------------------
    notes = [
        "ClientPrune sample: what each customer is worth",
        "",
        "The data: the CDNOW customer summary, the standard test bed of customer-base analysis -",
        f"{n:,} customers of an online music shop who first bought in early 1997, followed for 39 weeks.",
        "Customers: one row per customer, as RFMTABLE gives it: repeat purchases (frequency), recency and",
        "age T, and the average amount of the repeat purchases. ALL TIMES ARE IN WEEKS here, so every",
        "time the models take or give is in weeks too (alpha and beta, the 52-week horizon).",
        "",
        "Model: one array formula per model learns from the whole list -",
        "  BGNBDFIT and PARETONBDFIT: how often customers buy and how likely they are to stop;",
        "  GGFIT: how much they spend per purchase (only customers who came back are used).",
        "  Below them, the published estimates on this data, to compare.",
        "",
        "Customers, columns F to K, per customer:",
        "  P(alive): the chance the customer is still a customer (has not quietly left);",
        f"  purchases in the next {HORIZON} weeks; expected spend per purchase (GGSPEND);",
        f"  CLV: the discounted value of the next {MONTHS} months, =CLV(...; months; discount; weeks per month)",
        "  with the settings on Model: 1% a month, 4.345 weeks a month because T is in weeks.",
        "Column L ranks customers into deciles of CLV; By decile adds them up, with a chart.",
        "",
        "Change a setting on Model (months, discount) and everything follows, Start here too.",
        "Every ClientPrune function is in the Function Wizard (Insert > Function) under 'Statistical'.",
    ]
    write_notes(readme, notes)

    fill_start_here(doc, n)  # the first sheet: the book opens on it
    doc.calculateAll()
    doc.CurrentController.setActiveSheet(sheets.getByName("Start here"))
    store(doc, out)
    return doc


def fill_start_here(doc, n):
    """The first sheet: the workflow in plain words with the book's formulas,
    and CLV by decile as a chart (its data below the page)."""
    last = n + 1
    col = {c: f"$Customers.${c}$2:${c}${last}" for c in "BFGK"}
    money = number_format(doc, "#,##0")
    p = StartHere(doc)
    p.title("Start here: what each customer is worth",
            f"The CDNOW customer summary: {n:,} customers of an online music shop who first bought in early "
            "1997, followed for 39 weeks (the standard test bed of customer-base analysis), one row per "
            "customer as RFMTABLE gives it. ClientPrune learns from it how often customers buy, how likely "
            "they are to stop and how much they spend, and predicts for each customer the chance they are "
            "still a customer, their purchases in the next year and what the next two years are worth. "
            "ALL TIMES ARE IN WEEKS here. The functions are in Insert ▸ Function, category Statistical.")
    p.heading("At a glance")
    p.line(f'=TEXT(COUNT({col["B"]});"#,##0")&" customers; "&TEXT(COUNTIF({col["B"]};">0");"#,##0")'
           f'&" came back after their first purchase, with "&TEXT(SUM({col["B"]});"#,##0")&" repeat '
           'purchases in all."', label="The customers")
    p.line(f'="The average chance of still being a customer is "&TEXT(AVERAGE({col["F"]});"0%")&" '
           f'(BG/NBD); "&TEXT(SUM({col["G"]});"#,##0")&" purchases are expected in the next {HORIZON} weeks."',
           label="Still customers")
    p.line(f'="The next "&$Model.$B$12&" months are worth $"&TEXT(SUM({col["K"]});"#,##0")&" (CLV, '
           f'discounted "&TEXT($Model.$B$13;"0%")&" a month); the most valuable 10% of customers hold "'
           f'&TEXT($\'By decile\'.$E$2;"0%")&" of it."', label="What they are worth")
    p.row += 1

    p.heading("The workflow, step by step")
    p.step(1, "Assess",
           "One row per customer: repeat purchases (frequency), weeks from the first to the last purchase "
           "(recency), weeks since the first purchase (T) and the average repeat spend (monetary). From "
           "your own ledger RFMTABLE gives these columns: in days by default (see the ledger book), in "
           "weeks with period_days 7, as here. Recency and T must be in the same unit.",
           links=[("Customers", "A1", "Open the Customers sheet ▸")])
    p.step(2, "Fit",
           "One array formula per model learns from the whole list: BG/NBD and Pareto/NBD how often "
           "customers buy and how likely they are to stop (alpha and beta come out in weeks, the unit "
           "of T), gamma-gamma how much they spend per purchase. The published estimates on this data "
           "are below them, to compare.",
           formulas=[("Model", "B3", "Model B3:F3"), ("Model", "B9", "Model B9:E9")],
           links=[("Model", "A1", "Open the Model sheet (the fits and the settings) ▸")])
    p.step(3, "Predict",
           f"Per customer: the chance they are still a customer (P(alive)), purchases in the next "
           f"{HORIZON} weeks ({HORIZON} because T is in weeks; 365 if it were in days), the expected "
           f"spend per purchase, and CLV: what the next {MONTHS} months are worth, discounted "
           f"{DISCOUNT:.0%} a month, with {WEEKS_PER_MONTH} weeks to a month (Model B14).",
           formulas=[("Customers", "F2", f"Customers F2:F{last}"),
                     ("Customers", "G2", f"Customers G2:G{last}"),
                     ("Customers", "K2", f"Customers K2:K{last}")],
           links=[("Customers", "F1", "See P(alive), purchases and CLV on the Customers sheet ▸")])
    p.step(4, "Decide",
           '="Rank the customers by CLV into tenths (deciles): the top tenth holds "&TEXT($\'By decile\'.$E$2;"0%")'
           '&" of the value, the bottom half "&TEXT(SUM($\'By decile\'.$E$7:$E$11);"0%")&". Look after '
           'the top; spend little on winning back the bottom. The chart on the right shows each tenth."',
           links=[("By decile", "A1", "Open the By decile sheet ▸")])
    p.share_step(5)
    p.heading("More in this book")
    p.links([("Read me", "A1", "Read me: the data, the sheets and the time units ▸")])
    p.row += 1

    # The chart's data, below the page: CLV per decile.
    top = p.row + 2
    p.row = top - 1
    p.data_heading()
    p.sheet.getCellRangeByName(f"A{top}").setString("CLV decile")
    p.sheet.getCellRangeByName(f"B{top}").setString(f"CLV, next {MONTHS} months ($)")
    header(p.sheet, f"A{top}:B{top}")
    for d in range(1, 11):
        r = top + d
        p.sheet.getCellRangeByName(f"A{r}").setString("1 (top 10%)" if d == 1 else str(d))
        p.sheet.getCellRangeByName(f"B{r}").setFormula(f"=$'By decile'.$C${d + 1}")
    p.sheet.getCellRangeByName(f"B{top + 1}:B{top + 10}").NumberFormat = money
    p.finish()
    p.bar_chart("CLVByDecile", p.sheet.getCellRangeByName("A4").Position.Y, 11000, f"A{top}:B{top + 10}",
                f"What the next {MONTHS} months are worth, by decile of customers ($)", 0x1F4E79, money)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", default=os.path.join(HERE, "models.ods"))
    ap.add_argument("--oxt", default="build/clientprune.oxt")
    ap.add_argument("--data", default=os.environ.get("CLIENTPRUNE_CDNOW") or DEFAULT_DATA)
    opts = ap.parse_args()
    data = load(opts.data)
    with Calc(opts.oxt) as calc:
        build(calc, opts.out, data)
    print(f"wrote {opts.out}")


if __name__ == "__main__":
    main()
