# SPDX-License-Identifier: GPL-3.0-or-later
"""RFMTABLE, RFMSCORE and RFMSEGMENT through a real headless Calc.

    /usr/bin/python3 tests/e2e/test_rfm.py build/clientprune.oxt

Values are compared with ref_rfm.py (an independent implementation of
FUNCTIONS.md) to 1e-9 and with hand-derived values; text keys are checked
against Calc's own sort and `=`; the CDNOW log (folder from the
CLIENTPRUNE_CDNOW environment variable, which ctest sets, or
tests/data/cdnow) must reproduce the published summary of all 2,357
customers; every invalid input shows Err:502 with Calc still answering.
"""
import csv
import datetime
import os
import random
import sys
import unittest

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ref_rfm  # noqa: E402
from e2e import ROOT, CalcCase, main_oxt  # noqa: E402

OXT = main_oxt()
ERR_NOT_AVAILABLE = 32767  # #N/A
CDNOW = os.environ.get("CLIENTPRUNE_CDNOW") or os.path.join(ROOT, "tests", "data", "cdnow")
EPOCH = datetime.date(1899, 12, 30)  # Calc's serial 0


def serial(yyyymmdd):
    d = datetime.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:]))
    return (d - EPOCH).days


def round2(x):
    """Half-up to two decimals, as the published CDNOW summary."""
    return int(x * 100 + 0.5 + 1e-9) / 100


class RfmTest(CalcCase):
    OXT = OXT

    # -- helpers ----------------------------------------------------------
    def block(self, top, left, rows, cols):
        return [[self.calc.value(self.sheet, self.sheet.getCellByPosition(left + j, top + i))
                 for j in range(cols)] for i in range(rows)]

    def put_ledger(self, customers, dates, amounts, top=1):
        self.calc.put(self.sheet, f"A{top}", [[c, d, a] for c, d, a in zip(customers, dates, amounts)])
        return f"A{top}:A{top + len(customers) - 1}", f"B{top}:B{top + len(customers) - 1}", \
            f"C{top}:C{top + len(customers) - 1}"

    # -- RFMTABLE -----------------------------------------------------------
    # The reference ledger of tests/cu_rfm.c (derivations there).
    CUST = [7, 3, 7, 3, None, 7, 5, 7, 3, 9]
    DATE = [100, 101.5, 100.9, 105, 103, 104, None, 110, 101, 120]
    AMT = [10, 20, 5, -4, 99, 30, 50, None, 6, 40]

    def test_hand_derived_ledger(self):
        c, d, a = self.put_ledger(self.CUST, self.DATE, self.AMT)
        self.calc.array(self.sheet, "E1:I3", f"=RFMTABLE({c};{d};{a})")
        self.calc.array(self.sheet, "E5:I6", f"=RFMTABLE({c};{d};{a};112)")
        self.calc.array(self.sheet, "E8:I10", f"=RFMTABLE({c};{d};{a};;7)")
        self.calc.recalc()
        want = {
            0: [[3, 1, 4, 19, -4], [7, 2, 10, 20, 15], [9, 0, 0, 0, 0]],
            4: [[3, 1, 4, 11, -4], [7, 2, 10, 12, 15]],
            7: [[3, 1, 1, 3, -4], [7, 1, 1, 3, 0], [9, 0, 0, 0, 0]],
        }
        for top, rows in want.items():
            got = self.block(top, 4, len(rows), 5)
            for i, row in enumerate(rows):
                for j, w in enumerate(row):
                    self.assertClose(got[i][j], w, f"block {top} row {i} col {j}")

    def test_random_ledgers_against_reference(self):
        rnd = random.Random(20261126)
        names = ["Acme", "ACME", "acme", "Baker Ltd", "baker ltd", "C-10", "C10", "C2", "delta 9",
                 "Zeta", "zeta", "b", "B", "A1", "a 1"]
        for trial in range(8):
            n = rnd.randint(1, 60)
            customers, dates, amounts = [], [], []
            for _ in range(n):
                r = rnd.random()
                customers.append(None if r < 0.06 else
                                 rnd.choice(names) if r < 0.6 else rnd.choice([1, 2, 2.5, -3, 17, 0, 1e6]))
                dates.append(None if rnd.random() < 0.05 else
                             rnd.choice([rnd.randint(45000, 45060), round(rnd.uniform(45000, 45060), 3)]))
                amounts.append(None if rnd.random() < 0.08 else round(rnd.uniform(-50, 400), 2))
            as_of = [None, None, 45030, 45030.5, 44000][trial % 5]
            period = [1, 7, 1, 0.5, 1, 2.5, 1, 7][trial]
            c, d, a = self.put_ledger(customers, dates, amounts)
            args = f"{c};{d};{a}"
            if as_of is not None or period != 1:
                args += f";{'' if as_of is None else as_of}"
            if period != 1:
                args += f";{period}"
            want = ref_rfm.rfmtable(customers, dates, amounts, as_of, period)
            # One row more than needed: the extra row shows #N/A, except that
            # Calc repeats a one-row result in every row of the selection.
            self.calc.array(self.sheet, f"E1:I{len(want) + 1}", f"=RFMTABLE({args})")
            self.calc.formula(self.sheet, "K1", f"=ROWS(RFMTABLE({args}))")
            self.calc.recalc()
            got = self.block(0, 4, len(want) + 1, 5)
            for i, row in enumerate(want):
                for j, w in enumerate(row):
                    self.assertClose(got[i][j], w, f"trial {trial} ({args}) row {i} col {j}")
            if len(want) > 1:
                self.assertEqual([e for e, _ in got[-1]], [ERR_NOT_AVAILABLE] * 5, f"trial {trial}")
            else:
                self.assertEqual(got[-1], got[0], f"trial {trial}")
            self.assertClose(self.calc.value(self.sheet, "K1"), len(want), f"trial {trial} ROWS")
            self.new_sheet()

    def test_text_keys_follow_calc_sort_and_equals(self):
        # Keys whose order under a collator differs from code points
        # (punctuation, accents, digits inside text) and case variants.
        keys = ["émile", "Emile", "EMILE", "Éric", "eric", "_under", "-dash", "~tilde", "Zoë",
                "zoe", "straße", "STRASSE", "Ab", "a b", "a-b", "ab", "AB", "10", "9", "Ω", "ω",
                "b2", "B10"]
        rnd = random.Random(7)
        lines = keys + [rnd.choice(keys) for _ in range(20)]
        rnd.shuffle(lines)
        n = len(lines)
        c, d, a = self.put_ledger(lines, [45000 + i for i in range(n)], [1] * n)
        self.calc.array(self.sheet, f"E1:I{n}", f"=RFMTABLE({c};{d};{a})")
        # Calc's = on every pair of keys (with the document set to ignore
        # case: LibreOffice's default "case sensitive" option would make
        # "Acme" = "ACME" false, while the catalog asks for case-insensitive
        # keys), and Calc's own case-insensitive sort of the lines.
        self.calc.doc.IgnoreCase = True
        for i, k in enumerate(keys):
            self.calc.put(self.sheet, f"M{i + 1}", [[k]])
        m = len(keys)
        for i in range(m):
            for j in range(m):
                self.sheet.getCellByPosition(14 + j, i).setFormula(
                    f"=IF($M{i + 1}=INDEX($M$1:$M${m};{j + 1});1;0)")
        self.calc.recalc()
        out = [e for e in self.calc.column(self.sheet, f"E1:E{n}")]
        shown = [v for err, v in out if err == 0 and v != ""]
        customers = len(shown)
        # Every line's key is equal (by Calc's =) to exactly one listed customer.
        same = [[self.calc.value(self.sheet, self.sheet.getCellByPosition(14 + j, i))[1] == 1
                 for j in range(m)] for i in range(m)]
        index = {k: i for i, k in enumerate(keys)}
        for k in keys:
            matches = [s for s in shown if same[index[k]][index[s]]]
            self.assertEqual(len(matches), 1, f"{k!r} matches {matches}")
        # Customers are listed as Calc sorts them: sort the lines' keys with
        # Calc's case-insensitive sort and keep the first of each group of
        # equal keys.
        sheet = self.sheet
        rng = sheet.getCellRangeByName(f"A1:A{n}")
        field = uno.createUnoStruct("com.sun.star.table.TableSortField")
        field.Field, field.IsAscending, field.IsCaseSensitive = 0, True, False
        desc = rng.createSortDescriptor()
        for p in desc:
            if p.Name == "SortFields":
                p.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
        uno.invoke(rng, "sort", (tuple(desc),))
        sorted_keys = [v for _, v in self.calc.column(sheet, f"A1:A{n}")]
        self.assertEqual(sorted(sorted_keys), sorted(lines))
        self.assertNotEqual(sorted_keys, lines, "Calc's sort did nothing")
        order = []
        for k in sorted_keys:
            if not order or not same[index[order[-1]]][index[k]]:
                order.append(k)
        self.assertEqual(len(order), customers)
        for s, o in zip(shown, order):
            self.assertTrue(same[index[s]][index[o]], f"RFMTABLE order {shown} != Calc's {order}")
        # Each key is shown as written in the customer's first ledger line.
        for s in shown:
            self.assertEqual(s, next(k for k in lines if same[index[k]][index[s]]))

    def test_numbers_before_text_and_first_spelling(self):
        c, d, a = self.put_ledger(["bob", 12, "Bob", 3, "BOB", "alice"], [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6])
        self.calc.array(self.sheet, "E1:I4", f"=RFMTABLE({c};{d};{a})")
        self.calc.recalc()
        got = self.block(0, 4, 4, 5)
        # 3 and 12 (numbers, ascending), then alice, then bob (lines 1, 3, 5:
        # days 1, 3, 5: x 2, t_x 4, T 6 - 1 = 5, m (3 + 5) / 2 = 4).
        self.assertEqual([v for _, v in (r[0] for r in got)], [3.0, 12.0, "alice", "bob"])
        for j, w in enumerate(["bob", 2, 4, 5, 4]):
            self.assertClose(got[3][j], w)

    def test_no_customer_left_and_single_cell(self):
        c, d, a = self.put_ledger(self.CUST, self.DATE, self.AMT)
        self.calc.array(self.sheet, "E1:I2", f"=RFMTABLE({c};{d};{a};50)")
        self.calc.formula(self.sheet, "K1", f"=RFMTABLE({c};{d};{a})")
        self.calc.formula(self.sheet, "K2", f"=ROWS(RFMTABLE({c};{d};{a};50))")
        self.calc.formula(self.sheet, "K3", f'=RFMTABLE({c};{d};{a};"")')      # "" = default
        self.calc.formula(self.sheet, "K4", f"=INDEX(RFMTABLE({c};{d};{a});2;5)")
        self.calc.recalc()
        got = self.block(0, 4, 2, 5)
        for j in range(5):
            self.assertClose(got[0][j], None, f"col {j}")
            self.assertClose(got[1][j], None, f"col {j}")  # Calc repeats a one-row result
        self.assertClose(self.calc.value(self.sheet, "K1"), 3)   # the first customer's key
        self.assertClose(self.calc.value(self.sheet, "K2"), 1)
        self.assertClose(self.calc.value(self.sheet, "K3"), 3)
        self.assertClose(self.calc.value(self.sheet, "K4"), 15)  # customer 7's monetary
        # A ledger of blank rows, and a blank amount column (counting only).
        self.calc.put(self.sheet, "M1", [[None, None, None]] * 3)
        self.calc.array(self.sheet, "E20:I20", "=RFMTABLE(M1:M3;N1:N3;O1:O3)")
        self.calc.array(self.sheet, "E22:I24", f"=RFMTABLE({c};{d};O1:O10)")
        self.calc.recalc()
        for j, g in enumerate(self.block(19, 4, 1, 5)[0]):
            self.assertClose(g, None, f"blank ledger col {j}")
        for i, row in enumerate([[3, 1, 4, 19, 0], [7, 2, 10, 20, 0], [9, 0, 0, 0, 0]]):
            for j, w in enumerate(row):
                self.assertClose(self.block(21, 4, 3, 5)[i][j], w, f"counting row {i} col {j}")

    @unittest.skipUnless(os.path.exists(os.path.join(CDNOW, "CDNOW_sample.txt")),
                         f"CDNOW data not found in {CDNOW}")
    def test_cdnow_reproduces_published_summary(self):
        with open(os.path.join(CDNOW, "CDNOW_sample.txt")) as f:
            log = [line.split() for line in f if line.strip()]
        self.assertEqual(len(log), 6919)
        data = tuple((float(int(cid)), float(serial(ymd)), float(dollars))
                     for _master, cid, ymd, _cds, dollars in log)
        n = len(data)
        self.sheet.getCellRangeByName(f"A1:C{n}").setDataArray(data)
        with open(os.path.join(CDNOW, "cdnow_customers_summary_with_transactions.csv")) as f:
            want = list(csv.DictReader(f))
        with open(os.path.join(CDNOW, "cdnow_customers_summary.csv")) as f:
            want2 = list(csv.DictReader(f))
        self.assertEqual(len(want), 2357)
        m = len(want)
        self.calc.array(self.sheet, f"E1:I{m}", f"=RFMTABLE(A1:A{n};B1:B{n};C1:C{n};DATE(1997;9;30))")
        self.calc.recalc()
        got = self.sheet.getCellRangeByName(f"E1:I{m}").getDataArray()
        errors = sum(1 for i in range(m) for j in range(5)
                     if self.sheet.getCellByPosition(4 + j, i).getError())
        self.assertEqual(errors, 0)
        bad = []
        for (cid, x, tx, T, mon), w, w2 in zip(got, want, want2):
            ok = (cid == float(w["ID"]) == float(w2["ID"]) and x == float(w["x"]) == float(w2["frequency"])
                  and round2(tx / 7) == float(w["t_x"]) == float(w2["recency"])
                  and round2(T / 7) == float(w["T"]) == float(w2["T"])
                  and abs(round2(mon) - float(w["zbar"])) < 1e-9)
            if not ok:
                bad.append((w["ID"], (cid, x, tx / 7, T / 7, mon)))
        self.assertEqual(bad, [], f"{len(bad)} customers differ")
        # And the reference implementation agrees to 1e-9 before rounding.
        ref = ref_rfm.rfmtable([r[0] for r in data], [r[1] for r in data], [r[2] for r in data],
                               serial("19970930"))
        for g, r in zip(got, ref):
            for gv, rv in zip(g, r):
                self.assertLessEqual(abs(gv - rv), 1e-9 * max(1.0, abs(rv)))

    # -- RFMSCORE -----------------------------------------------------------
    POP = [[10, 3, 50], [40, 0, 0], [10, 1, 20], [5, 6, 80], [90, 1, 20]]

    def test_score_hand_derived(self):
        self.calc.put(self.sheet, "A1", self.POP)
        want = {5: [344, 211, 322, 555, 122], 3: [222, 111, 211, 333, 111],    # cu_rfm.c
                9: [466, 211, 422, 888, 122], 2: [122, 111, 111, 222, 111]}
        for k, bins in enumerate(want):
            col = "EFGH"[k]
            self.calc.array(self.sheet, f"{col}1:{col}5", f"=RFMSCORE(A1:A5;B1:B5;C1:C5;{bins})")
        self.calc.array(self.sheet, "I1:I5", "=RFMSCORE(A1:A5;B1:B5;C1:C5)")       # default 5
        self.calc.array(self.sheet, "J1:J5", '=RFMSCORE(A1:A5;B1:B5;C1:C5;"")')
        # row mode: better than everyone is capped at 555; worse gets 111
        self.calc.put(self.sheet, "A7", [[1, 10, 100], [100, -1, -5]])
        self.calc.formula(self.sheet, "K7", "=RFMSCORE(A7;B7;C7;;$A$1:$A$5;$B$1:$B$5;$C$1:$C$5)")
        self.calc.formula(self.sheet, "K8", "=RFMSCORE(A8;B8;C8;5;$A$1:$A$5;$B$1:$B$5;$C$1:$C$5)")
        self.calc.recalc()
        for k, (bins, values) in enumerate(want.items()):
            for i, w in enumerate(values):
                self.assertClose(self.calc.value(self.sheet, f"{'EFGH'[k]}{i + 1}"), w, f"bins {bins} row {i}")
        for i, w in enumerate(want[5]):
            self.assertClose(self.calc.value(self.sheet, f"I{i + 1}"), w)
            self.assertClose(self.calc.value(self.sheet, f"J{i + 1}"), w)
        self.assertClose(self.calc.value(self.sheet, "K7"), 555)
        self.assertClose(self.calc.value(self.sheet, "K8"), 111)

    def test_score_random_table_equals_row_mode_and_reference(self):
        rnd = random.Random(99)
        for trial in range(5):
            n = rnd.randint(1, 40)
            rows = [[rnd.choice([rnd.randint(0, 30), round(rnd.uniform(0, 400), 1)]),
                     rnd.randint(0, 6), rnd.choice([0, round(rnd.uniform(-20, 300), 2)])] for _ in range(n)]
            bins = rnd.randint(2, 9)
            self.calc.put(self.sheet, "A1", rows)
            self.calc.array(self.sheet, f"E1:E{n}", f"=RFMSCORE(A1:A{n};B1:B{n};C1:C{n};{bins})")
            for i in range(n):
                self.calc.formula(self.sheet, f"F{i + 1}",
                                  f"=RFMSCORE(A{i + 1};B{i + 1};C{i + 1};{bins};$A$1:$A${n};$B$1:$B${n};$C$1:$C${n})")
            self.calc.recalc()
            want = ref_rfm.rfmscore([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], bins)
            table = self.calc.column(self.sheet, f"E1:E{n}")
            rowmode = self.calc.column(self.sheet, f"F1:F{n}")
            for i in range(n):
                self.assertClose(table[i], want[i], f"trial {trial} row {i}")
                self.assertEqual(rowmode[i], table[i], f"trial {trial} row mode {i}")
            self.new_sheet()

    def test_table_score_segment_chain(self):
        # RFMTABLE -> days since last = T - recency -> RFMSCORE -> RFMSEGMENT
        c, d, a = self.put_ledger(self.CUST, self.DATE, self.AMT)
        self.calc.array(self.sheet, "E1:I3", f"=RFMTABLE({c};{d};{a})")
        self.calc.array(self.sheet, "J1:J3", "=RFMSCORE(H1:H3-G1:G3;F1:F3;I1:I3)")
        self.calc.array(self.sheet, "K1:K3", "=RFMSEGMENT(J1:J3)")
        self.calc.recalc()
        # Days since last = T - recency: customer 3: 19 - 4 = 15; 7: 20 - 10 =
        # 10; 9: 0.  F 1, 2, 0; M -4, 15, 0; n = 3, so score = 1 + floor(5 b / 3)
        # for b = 0, 1, 2 strictly worse: 1, 2, 4.
        #   3: R b 0 -> 1, F b 1 (0) -> 2, M b 0 -> 1: 121, FM 2: Lost
        #   7: R b 1 (15) -> 2, F b 2 -> 4, M b 2 -> 4: 244, FM 4: At risk
        #   9: R b 2 -> 4, F b 0 -> 1, M b 1 (-4) -> 2: 412, FM 2: Promising
        want = [(121, "Lost"), (244, "At risk"), (412, "Promising")]
        self.assertEqual([c for c, _ in want], ref_rfm.rfmscore([15, 10, 0], [1, 2, 0], [-4, 15, 0]))
        for i, (code, name) in enumerate(want):
            self.assertClose(self.calc.value(self.sheet, f"J{i + 1}"), code)
            self.assertClose(self.calc.value(self.sheet, f"K{i + 1}"), name)

    # -- RFMSEGMENT ---------------------------------------------------------
    def test_segment_every_code(self):
        codes = [100 * r + 10 * f + m for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)]
        self.calc.put(self.sheet, "A1", [[c] for c in codes])
        self.calc.array(self.sheet, f"B1:B{len(codes)}", f"=RFMSEGMENT(A1:A{len(codes)})")
        self.calc.formula(self.sheet, "C1", "=RFMSEGMENT(545)")
        self.calc.formula(self.sheet, "C2", "=RFMSEGMENT(512)")
        self.calc.recalc()
        for i, (c, g) in enumerate(zip(codes, self.calc.column(self.sheet, f"B1:B{len(codes)}"))):
            self.assertClose(g, ref_rfm.rfmsegment(c), f"code {c}")
        self.assertClose(self.calc.value(self.sheet, "C1"), "Champions")
        self.assertClose(self.calc.value(self.sheet, "C2"), "Promising")  # FM = round(1.5) = 2

    def test_text_results_compare_and_look_up(self):
        # RFMSEGMENT returns text only (sequence< sequence< string > >), which
        # Calc interns: =, EXACT, COUNTIF and MATCH find it like typed text.
        # RFMTABLE's mixed result is not interned by Calc 7.4, so looking up
        # its text keys goes through &"" (the README says so).
        self.calc.array(self.sheet, "A1:A3", "=RFMSEGMENT({553|553|111})")
        c, d, a = self.put_ledger(["ab", "cd"], [1, 2], [3, 4], top=10)
        self.calc.array(self.sheet, "E10:I11", f"=RFMTABLE({c};{d};{a})")
        checks = {
            '=COUNTIF(A1:A3;"Loyal")': 2,
            '=MATCH("Lost";A1:A3;0)': 3,
            '=A1="Loyal"': 1,
            '=EXACT(A2;"Loyal")': 1,
            '=SUMPRODUCT(A1:A3="Loyal")': 2,
            '=SUMPRODUCT((E10:E11&"")="cd")': 1,
            '=SUMPRODUCT((E10:E11&"")="cd";F10:F11+1)': 1,
        }
        for k, (formula, want) in enumerate(checks.items()):
            self.calc.formula(self.sheet, f"K{k + 1}", formula)
        self.calc.recalc()
        for k, (formula, want) in enumerate(checks.items()):
            self.assertClose(self.calc.value(self.sheet, f"K{k + 1}"), want, formula)

    # -- invalid input ------------------------------------------------------
    def test_invalid_arguments(self):
        s = self.sheet
        self.calc.put(s, "A1", [["acme", 45000, 10], ["bob", 45001, 20], ["acme", 45002, 5]])
        self.calc.put(s, "A5", [["acme", "soon", 10], ["bob", 45001, "ten"]])
        self.calc.put(s, "E1", [[10, 3, 50], [40, None, 0], [10, 1, "x"]])
        self.calc.put(s, "I1", [[545, 545.5, 556, 505, 1111, "x", None, 0]])
        bad = [
            "=RFMTABLE(A1:A5;B1:B5;C1:C5)",          # text date
            "=RFMTABLE(A1:A6;B1:B6;C1:C6)",          # text amount
            "=RFMTABLE(A1:A3;B1:B2;C1:C3)",          # date height differs
            "=RFMTABLE(A1:A3;B1:B3;C1:C4)",          # amount height differs
            "=RFMTABLE(A1:B3;B1:B3;C1:C3)",          # customer in two columns
            "=RFMTABLE(A1:A3;B1:C3;C1:C3)",          # date in two columns
            "=RFMTABLE(A1:A3;B1:B3;B1:C3)",          # amount in two columns
            "=RFMTABLE(A1:A3;B1:B3;C1:C3;;0)",       # period_days 0
            "=RFMTABLE(A1:A3;B1:B3;C1:C3;;-7)",      # period_days negative
            '=RFMTABLE(A1:A3;B1:B3;C1:C3;;"week")',  # period_days text
            "=RFMTABLE(A1:A3;B1:B3;C1:C3;;1E-300)",  # periods too fine to count
            '=RFMTABLE(A1:A3;B1:B3;C1:C3;"today")',  # as_of text
            "=RFMTABLE(A1:A3;B1:B3;C1:C3;B1:B2)",    # as_of two cells
            "=RFMTABLE(A1:A3;B1:B3;C1:C3;;C1:C2)",   # period_days two cells
            "=RFMTABLE(A1:A3;B1:B3;;)",              # amount left out
            "=RFMSCORE(E1:E3;F1:F3;G1:G3)",          # blank and text
            "=RFMSCORE(E1:E2;F1:F2;G1:G2)",          # a blank frequency
            "=RFMSCORE(E1;F1;G1;;E1:E2;F1:F2;G1:G2)",  # blank in the population
            "=RFMSCORE(E1:E2;F1:F1;G1:G2)",          # heights differ
            "=RFMSCORE(E1:E1;F1:F1;G1:G2)",          # heights differ
            "=RFMSCORE(E1:F1;F1:G1;G1:H1)",          # rows of several cells
            "=RFMSCORE(E1;F1;G1;1)",                 # bins 1
            "=RFMSCORE(E1;F1;G1;10)",                # bins 10
            "=RFMSCORE(E1;F1;G1;2.5)",               # bins not whole
            '=RFMSCORE(E1;F1;G1;"five")',            # bins text
            "=RFMSCORE(E1;F1;G1;5;E1:E1)",           # one population column only
            "=RFMSCORE(E1;F1;G1;5;E1:E1;F1:F1)",     # two population columns
            "=RFMSCORE(E1;F1;G1;5;;F1:F1;G1:G1)",    # population_days left out
            "=RFMSCORE(E1;F1;G1;5;E1:E1;F1:F1;G1:G2)",  # population heights differ
            "=RFMSCORE(E1;F1;G1;5;E1:F1;F1:G1;G1:H1)",  # population rows
            "=RFMSEGMENT(J1)",                       # 545.5
            "=RFMSEGMENT(K1)",                       # 556
            "=RFMSEGMENT(L1)",                       # 505
            "=RFMSEGMENT(M1)",                       # 1111
            "=RFMSEGMENT(N1)",                       # text
            "=RFMSEGMENT(O1:O1)",                    # blank
            "=RFMSEGMENT(P1)",                       # 0
            "=RFMSEGMENT(I1:J1)",                    # a row of codes
            "=RFMSEGMENT(-545)",
        ]
        for f in bad:
            with self.subTest(formula=f):
                self.assertInvalid(f)
        self.assertTrue(self.calc.alive())

    def test_error_cells_propagate(self):
        self.calc.put(self.sheet, "A1", [["a", 45000, 1]])
        self.calc.formula(self.sheet, "C2", "=1/0")
        self.calc.put(self.sheet, "A2", [["b", 45001]])
        err, _ = self.eval("=RFMTABLE(A1:A2;B1:B2;C1:C2)")
        self.assertNotEqual(err, 0)
        self.assertTrue(self.calc.alive())


if __name__ == "__main__":
    unittest.main(verbosity=2)
