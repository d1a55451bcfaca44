#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate samples/clients.ods, the sample client book, reproducibly.

    /usr/bin/python3 samples/make_clients.py --oxt build/clientprune.oxt [OUT.ods]

This script is the diffable source of the book: the data are drawn from a
fixed seed, the formulas are written here, and the book is built through a
headless Calc with the extension loaded (so the formulas are stored under
their ClientPrune names and their results are cached in the file).  Running
it again gives a book with the same cells; tests/e2e/test_samples.py checks
that the committed .ods is what this script makes.

The firm: a small IT services company (managed services, help desk and
projects) with 40 clients and one year of records.

The base sheets (Read me, Clients, Monthly revenue) are built here; every
further sheet comes from a module samples/clients_sheets/NN_<topic>.py with
a function add(doc, book), called in file-name order with the Book below.
"""
import argparse
import importlib.util
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
import uno  # noqa: E402
from calc import Calc, prop, write_notes  # noqa: E402

SEED = 20261125
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
CLIENTS = [
    "Harbor Dental Group", "Kessler & Sons Plumbing", "Northside Veterinary", "Bluebird Bakery",
    "Alder Street Law", "Meridian Physiotherapy", "Cobalt Architects", "Fenwick Accounting",
    "Riverside Montessori", "Oakline Logistics", "Pinecrest Realty", "Summit Roofing",
    "Larkspur Florists", "Granite Peak Outfitters", "Hollis Family Practice", "Quayside Marina",
    "Ember Coffee Roasters", "Tidewater Insurance", "Copperleaf Salon", "Brightwater Opticians",
    "Marlowe Print Shop", "Westgate Auto Repair", "Saffron Indian Kitchen", "Ironbridge Fitness",
    "Juniper Yoga Studio", "Calder Engineering", "Maple Row Pharmacy", "Sterling Wealth Advisors",
    "Foxglove Garden Centre", "Beacon Hill Chiropractic", "Rowan Music School", "Atlas Freight Brokers",
    "Willow Creek Winery", "Nimbus Drone Survey", "Hartley Funeral Home", "Lumen Photography",
    "Crescent Moon Hostel", "Orchard Lane Daycare", "Vantage Point Surveyors", "Zephyr Cycles",
]
GRADES = "ABCDEF"
CRITERIA = ["Revenue", "Hours", "Tickets", "Days late", "Satisfaction", "Grade points"]
WEIGHTS = [3, 1, 1, 2, 2, 2]
DIRECTIONS = [1, -1, -1, -1, 1, 1]
N = len(CLIENTS)
LAST = N + 1  # last data row (rows 2..41)


def make_data():
    """One row per client: 12 monthly revenues, hours, tickets, days late,
    satisfaction (1-5 or None), grade (A-F or None)."""
    rnd = random.Random(SEED)
    rows = []
    for name in CLIENTS:
        retainer = round(rnd.lognormvariate(7.0, 0.7), -1)          # monthly fee
        trend = rnd.choice([0.0] * 6 + [0.03, 0.05, -0.04, -0.08])   # a few grow or fade
        project_odds = rnd.uniform(0.05, 0.35)
        months = []
        for m in range(12):
            v = retainer * (1 + trend) ** m * rnd.uniform(0.9, 1.1)
            if rnd.random() < project_odds:
                v += round(rnd.lognormvariate(7.3, 0.6), -1)           # project work
            months.append(round(v))
        revenue = sum(months)
        needy = rnd.random() < 0.2
        rate = rnd.uniform(35, 60) if needy else rnd.uniform(75, 150)  # revenue per hour
        hours = round(revenue / rate)
        tickets = max(1, round(hours / rnd.uniform(2.0, 4.5)))
        days_late = round(rnd.choice([rnd.uniform(0, 6)] * 4 + [rnd.uniform(10, 25), rnd.uniform(30, 65)]), 1)
        satisfaction = None if rnd.random() < 0.1 else rnd.choice([2, 3, 3, 4, 4, 4, 5, 5])
        if needy and satisfaction:
            satisfaction = max(1, satisfaction - 1)
        if rnd.random() < 0.08:
            grade = None
        else:
            quality = (0 if needy else 1.5) + (0 if days_late > 20 else 1) + rnd.uniform(0, 2.5)
            grade = GRADES[max(0, min(5, 5 - round(quality)))]
        rows.append((name, months, hours, tickets, days_late, satisfaction, grade))
    return rows


def col(i):
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i]


class Book:
    """What the sheet modules get: the generated data and small helpers."""

    def __init__(self, doc, data):
        self.doc = doc
        self.data = data
        self.clients = CLIENTS
        self.months = MONTHS
        self.n = N
        self.last = LAST  # last data row on Clients and Monthly revenue
        self._locale = uno.createUnoStruct("com.sun.star.lang.Locale")

    def fmt(self, code):
        """The number format key for a format code such as '#,##0'."""
        formats = self.doc.NumberFormats
        key = formats.queryKey(code, self._locale, False)
        return key if key != -1 else formats.addNew(code, self._locale)

    def sheet(self, name):
        """A new sheet at the end of the book."""
        sheets = self.doc.Sheets
        sheets.insertNewByName(name, sheets.getCount())
        return sheets.getByName(name)

    @staticmethod
    def header(sheet, rng):
        cells = sheet.getCellRangeByName(rng)
        cells.CharWeight = 150  # bold
        cells.IsTextWrapped = True


def sheet_modules():
    folder = os.path.join(HERE, "clients_sheets")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py") and name[:1].isdigit():
            spec = importlib.util.spec_from_file_location(name[:-3], os.path.join(folder, name))
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            yield module


def build(calc, out):
    doc = calc.new_doc()
    sheets = doc.Sheets
    sheets.getByIndex(0).Name = "Clients"
    sheets.insertNewByName("Monthly revenue", 1)
    sheets.insertNewByName("Read me", 2)
    clients = sheets.getByName("Clients")
    monthly = sheets.getByName("Monthly revenue")
    readme = sheets.getByName("Read me")
    formats = doc.NumberFormats
    locale = uno.createUnoStruct("com.sun.star.lang.Locale")

    def fmt(code):
        key = formats.queryKey(code, locale, False)
        return key if key != -1 else formats.addNew(code, locale)

    money, one_dec, score_fmt = fmt("#,##0"), fmt("0.0"), fmt("0.0")
    data = make_data()

    # Monthly revenue: a client per row, a month per column.
    monthly.getCellByPosition(0, 0).setString("Client")
    for m, name in enumerate(MONTHS):
        monthly.getCellByPosition(m + 1, 0).setString(name + " revenue")
    for i, (name, months, *_rest) in enumerate(data):
        monthly.getCellByPosition(0, i + 1).setString(name)
        for m, v in enumerate(months):
            monthly.getCellByPosition(m + 1, i + 1).setValue(v)
    monthly.getCellRangeByName(f"B2:M{LAST}").NumberFormat = money

    # Clients: the assessment table.
    headers = ["Client", "Owner's grade (A-F)", "Revenue (12 months)", "Hours worked",
               "Support tickets", "Days paid late (avg)", "Satisfaction (1-5)", "Grade points",
               "Score (0-100)", "Prune rank", "Score, percentile (row mode)"]
    for j, h in enumerate(headers):
        clients.getCellByPosition(j, 0).setString(h)
    for i, (name, _months, hours, tickets, late, sat, grade) in enumerate(data):
        r = i + 2
        clients.getCellByPosition(0, r - 1).setString(name)
        if grade:
            clients.getCellByPosition(1, r - 1).setString(grade)
        clients.getCellByPosition(2, r - 1).setFormula(f"=SUM($'Monthly revenue'.B{r}:M{r})")
        clients.getCellByPosition(3, r - 1).setValue(hours)
        clients.getCellByPosition(4, r - 1).setValue(tickets)
        clients.getCellByPosition(5, r - 1).setValue(late)
        if sat is not None:
            clients.getCellByPosition(6, r - 1).setValue(sat)
        # A = 5 points ... F = 0; a blank grade stays blank (not known).
        clients.getCellByPosition(7, r - 1).setFormula(
            f'=IF(B{r}="";"";6-MATCH(B{r};{{"A";"B";"C";"D";"E";"F"}};0))')
        # Row mode: one client against the whole table, filled down.
        clients.getCellByPosition(10, r - 1).setFormula(
            f'=CLIENTSCORE(C{r}:H{r};$N$3:$S$3;$N$4:$S$4;$C$2:$H${LAST};"percentile")')

    # Weights and directions: the owner's judgement, in cells they can change.
    clients.getCellRangeByName("M2").setString("Criterion")
    clients.getCellRangeByName("M3").setString("Weight")
    clients.getCellRangeByName("M4").setString("Direction")
    clients.getCellRangeByName("M5").setString("(1 = more is better, -1 = less is better)")
    for j, (c, w, d) in enumerate(zip(CRITERIA, WEIGHTS, DIRECTIONS)):
        clients.getCellByPosition(13 + j, 1).setString(c)
        clients.getCellByPosition(13 + j, 2).setValue(w)
        clients.getCellByPosition(13 + j, 3).setValue(d)

    # Table mode: one array formula scores and ranks the whole book.
    clients.getCellRangeByName(f"I2:I{LAST}").setArrayFormula(
        f"=CLIENTSCORE(C2:H{LAST};N3:S3;N4:S4)")
    clients.getCellRangeByName(f"J2:J{LAST}").setArrayFormula(
        f"=PRUNERANK(I2:I{LAST};;C2:C{LAST})")

    clients.getCellRangeByName(f"C2:C{LAST}").NumberFormat = money
    clients.getCellRangeByName(f"F2:F{LAST}").NumberFormat = one_dec
    clients.getCellRangeByName(f"I2:I{LAST}").NumberFormat = score_fmt
    clients.getCellRangeByName(f"K2:K{LAST}").NumberFormat = score_fmt
    for sheet in (clients, monthly):
        sheet.getCellRangeByName("A1:S1").CharWeight = 150  # bold
        sheet.getColumns().getByIndex(0).Width = 5600
        sheet.getCellRangeByName("A1:S1").IsTextWrapped = True
    clients.getCellRangeByName("M2:M4").CharWeight = 150
    for j in range(1, 11):
        clients.getColumns().getByIndex(j).Width = 2600

    notes = [
        "ClientPrune sample client book",
        "",
        "A small IT services firm (managed services, help desk, projects) with 40 clients and one year of records.",
        "",
        "Clients: one row per client. Revenue adds up the 12 months on the 'Monthly revenue' sheet.",
        "Grade points turns the owner's A-F grade into a number (A = 5 ... F = 0) so it can be scored.",
        "Blank cells (a missing satisfaction survey or grade) mean 'not known': that criterion is left out for",
        "that client and the other weights are rescaled.",
        "",
        "Weights (N3:S3) say how much each criterion counts; directions (N4:S4) say whether more is better (1)",
        "or less is better (-1). Change them and the scores and ranks follow.",
        "",
        f"Score (I2:I{LAST}) is one array formula: =CLIENTSCORE(C2:H{LAST}; N3:S3; N4:S4), 0 = weakest, 100 = strongest.",
        f"Prune rank (J2:J{LAST}) is =PRUNERANK(I2:I{LAST}; ; C2:C{LAST}): 1 is the first client to consider",
        "letting go; equal scores put the smaller client first.",
        "Column K shows row mode: each cell scores its own row against the whole table and can be filled down;",
        "it uses the \"percentile\" method, which is less swayed by one very large client.",
        "",
        "Every ClientPrune function is in the Function Wizard (Insert > Function) under 'Statistical'.",
    ]
    write_notes(readme, notes)

    book = Book(doc, data)
    for module in sheet_modules():
        module.add(doc, book)

    sheets.moveByName("Read me", 0)
    doc.CurrentController.setActiveSheet(clients) if doc.CurrentController else None
    doc.calculateAll()
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "calc8"),))
    return doc


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", default=os.path.join(HERE, "clients.ods"))
    ap.add_argument("--oxt", default="build/clientprune.oxt")
    opts = ap.parse_args()
    with Calc(opts.oxt) as calc:
        build(calc, opts.out)
    print(f"wrote {opts.out}")


if __name__ == "__main__":
    main()
