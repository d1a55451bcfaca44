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
cached).  tests/e2e/test_models_sample.py checks that the committed .ods is
what this script makes.

The book starts from the customer summary an RFM table gives - repeat
purchases, recency, age T, average repeat spend - and goes on to the three
model fits, each customer's chance of still being a customer, expected
purchases, expected spend and two-year value, and CLV by decile with a chart.
"""
import argparse
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tools"))
import uno  # noqa: E402
from calc import Calc, prop  # noqa: E402
from sample_book import notes as write_notes  # noqa: E402
from com.sun.star.awt import Rectangle  # noqa: E402

DEFAULT_DATA = os.path.join(ROOT, "tests", "data", "cdnow")
MONTHS, DISCOUNT, WEEKS_PER_MONTH = 24, 0.01, 4.345
HORIZON = 52  # weeks


def load(folder):
    with open(os.path.join(folder, "cdnow_customers_summary_with_transactions.csv")) as f:
        return [(int(r["ID"]), float(r["x"]), float(r["t_x"]), float(r["T"]), float(r["zbar"]))
                for r in csv.DictReader(f)]


class Formats:
    def __init__(self, doc):
        self.formats = doc.NumberFormats
        self.locale = uno.createUnoStruct("com.sun.star.lang.Locale")

    def __call__(self, code):
        key = self.formats.queryKey(code, self.locale, False)
        return key if key != -1 else self.formats.addNew(code, self.locale)


def bold(sheet, rng):
    cells = sheet.getCellRangeByName(rng)
    cells.CharWeight = 150
    cells.IsTextWrapped = True


def build(calc, out, data):
    doc = calc.new_doc()
    sheets = doc.Sheets
    sheets.getByIndex(0).Name = "Customers"
    for i, name in enumerate(["Model", "By decile", "Read me"], start=1):
        sheets.insertNewByName(name, i)
    cust, model, dec, readme = (sheets.getByName(n) for n in
                                ("Customers", "Model", "By decile", "Read me"))
    fmt = Formats(doc)
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
    rect = Rectangle()
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
        "Change a setting on Model (months, discount) and everything follows.",
        "Every ClientPrune function is in the Function Wizard (Insert > Function) under 'Statistical'.",
    ]
    write_notes(readme, notes)

    sheets.moveByName("Read me", 0)
    doc.calculateAll()
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "calc8"),))
    return doc


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
