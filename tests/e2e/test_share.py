# SPDX-License-Identifier: GPL-3.0-or-later
"""Save a Copy for Sharing: the copy opens in a LibreOffice WITHOUT ClientPrune
and shows the same thing as the workbook does with it.

    /usr/bin/python3 tests/e2e/test_share.py build/clientprune.oxt

Two workbooks are shared, each as .ods and as .xlsx:
- samples/clients.ods, through the command line (tools/share_copy.py);
- the same book with more in it, through the service org.clientprune.ShareCopy:
  two charts (one over ClientPrune results), a sheet of edge cases (an
  error result, an empty result inside an array, a call inside a larger
  formula, a formula that uses ClientPrune results, ClientPrune's name
  inside a text literal, a named expression that calls ClientPrune).
Each copy is opened in a Calc started without the extension, recalculated
in full, and every used cell of every sheet is compared with the original
recalculated with the extension (numbers to 1e-9).  Which cells were frozen
is decided here independently of the extension, from the formula texts.
The menu entry is checked in the merged configuration and through the
frame's dispatch, and the original document must come out untouched.
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import ROOT, Calc, main_oxt  # noqa: E402

import uno  # noqa: E402
import unohelper  # noqa: E402
from com.sun.star.awt import Rectangle  # noqa: E402
from com.sun.star.frame import XDispatchResultListener, XStatusListener  # noqa: E402
from com.sun.star.lang import IllegalArgumentException  # noqa: E402
from com.sun.star.table.CellContentType import EMPTY, FORMULA, TEXT  # noqa: E402
from calc import STRING_RESULT, prop  # noqa: E402

OXT = os.path.abspath(main_oxt())
SAMPLE = os.path.join(ROOT, "samples", "clients.ods")
SHARE_TOOL = os.path.join(ROOT, "tools", "share_copy.py")
COMMAND = "org.clientprune.share:SaveCopyForSharing"
CLIENTPRUNE_CALL = "ORG.CLIENTPRUNE.CLIENTPRUNE."
ERR_NAME = 525  # #NAME?
DONTKNOW = uno.getConstantByName("com.sun.star.frame.DispatchResultState.DONTKNOW")
FILTERS = {".ods": "calc8", ".xlsx": "Calc MS Excel 2007 XML"}


def used_area(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    a = cursor.getRangeAddress()
    return a.EndRow, a.EndColumn


def strip_literals(formula):
    return re.sub(r'"(?:[^"]|"")*"', '""', formula)


def calling_names(doc):
    """Named expressions whose content calls ClientPrune (directly)."""
    names = doc.NamedRanges
    return {n for n in names.ElementNames
            if CLIENTPRUNE_CALL in strip_literals(names.getByName(n).getContent()).upper()}


def calls_clientprune(formula, names):
    """The catalog's rule, read off the formula text: a call of a ClientPrune
    function outside text literals, or a named expression that makes one.
    Every cell of an array formula shows the array's formula."""
    text = strip_literals(formula).upper()
    if CLIENTPRUNE_CALL in text:
        return True
    return any(re.search(r"\b%s\b" % re.escape(n.upper()), text) for n in names)


def snapshot(doc, at_least=None):
    """{sheet: {(row, col): cell state}}, with cell state
    (kind, shown, formula, number format code); kind is num, text, error or
    blank.  Each sheet's used area, grown to cover at_least's cells."""
    formats = doc.NumberFormats
    book = {}
    for name in doc.Sheets.ElementNames:
        sheet = doc.Sheets.getByName(name)
        rows, cols = used_area(sheet)
        for r, c in (at_least or {}).get(name, ()):
            rows, cols = max(rows, r), max(cols, c)
        cells = {}
        for r in range(rows + 1):
            for c in range(cols + 1):
                cell = sheet.getCellByPosition(c, r)
                kind_of = cell.getType()
                formula = cell.getFormula() if kind_of == FORMULA else None
                if cell.getError():
                    state = ("error", (cell.getError(), cell.getString()))
                elif kind_of == EMPTY:
                    state = ("blank", "")
                elif kind_of == TEXT or (kind_of == FORMULA and cell.FormulaResultType2 == STRING_RESULT):
                    state = ("text", cell.getString()) if cell.getString() else ("blank", "")
                else:
                    state = ("num", cell.getValue())
                fmt = formats.getByKey(cell.NumberFormat).FormatString
                cells[(r, c)] = (state[0], state[1], formula, fmt)
        book[name] = cells
    return book


def chart_counts(doc):
    return {name: doc.Sheets.getByName(name).Charts.Count for name in doc.Sheets.ElementNames}


def file_digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def enrich(calc, sample, path):
    """The sample book plus charts and a sheet of edge cases, saved at path."""
    doc = calc.open(sample)
    sheets = doc.Sheets
    clients = sheets.getByName("Clients")
    scores = [clients.getCellRangeByName(r).RangeAddress for r in ("A1:A41", "I1:I41")]
    clients.Charts.addNewByName("Scores", Rectangle(1000, 1000, 12000, 8000), scores, True, True)
    monthly = sheets.getByName("Monthly revenue")
    monthly.Charts.addNewByName("Revenue", Rectangle(1000, 9000, 12000, 8000),
                                (monthly.getCellRangeByName("A1:M6").RangeAddress,), True, True)

    sheets.insertNewByName("Edge cases", sheets.Count)
    edge = sheets.getByName("Edge cases")
    calc.put(edge, "A1", [[10, 1], [20, 3], [30, 2], ["", ""]])
    # An array whose last row has nothing known: an empty result inside the array.
    calc.array(edge, "D1:D4", "=CLIENTSCORE(A1:B4; {1;1})")
    # Direction 5 is invalid: the cell shows Err:502.
    calc.formula(edge, "E1", "=CLIENTSCORE(A1:B4; {1;1}; {1;5})")
    # A call inside a larger formula: the whole cell is frozen.
    calc.formula(edge, "E2", "=1+CLIENTSCORE(A2:B2; {1;1}; ; A1:B3)")
    # Ordinary formulas, one using ClientPrune results and one mentioning it in
    # text: both stay formulas.
    calc.formula(edge, "F1", "=D1*2+SUM(D2:D4)")
    calc.formula(edge, "F2", '="ORG.CLIENTPRUNE.CLIENTPRUNE.CLIENTSCORE(" & A1 & ")"')
    # A named expression that calls ClientPrune, and a cell that uses it.
    doc.NamedRanges.addNewByName(
        "BestScore", "MAX(ORG.CLIENTPRUNE.CLIENTPRUNE.CLIENTSCORE($'Edge cases'.$A$1:$B$3;{1;1}))",
        edge.getCellRangeByName("A1").CellAddress, 0)
    calc.formula(edge, "F3", "=BestScore/2")
    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    two_places = doc.NumberFormats.queryKey("0.00", locale, False)
    if two_places == -1:
        two_places = doc.NumberFormats.addNew("0.00", locale)
    edge.getCellRangeByName("D1:E2").NumberFormat = two_places
    doc.calculateAll()
    doc.storeToURL(uno.systemPathToFileUrl(path), (prop("FilterName", "calc8"),))
    doc.close(True)
    calc.docs.remove(doc)


class Listener(unohelper.Base, XStatusListener, XDispatchResultListener):
    def __init__(self):
        self.events = []

    def statusChanged(self, event):
        self.events.append(event)

    def dispatchFinished(self, event):
        self.events.append(event)

    def disposing(self, source):
        pass


class ShareTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="clientprune-share-")
        cls.addClassCleanup(shutil.rmtree, cls.tmp, ignore_errors=True)  # even if set-up fails
        cls.soffice_tmp = os.path.join(cls.tmp, "soffice-tmp")
        os.makedirs(cls.soffice_tmp)
        cls.book = os.path.join(cls.tmp, "book.ods")
        # A copy of the sample: other tests open samples/clients.ods at the same time.
        sample = os.path.join(cls.tmp, "clients.ods")
        shutil.copyfile(SAMPLE, sample)
        cls.copies = {}     # (book name, extension) -> path of the shared copy
        cls.expected = {}   # book name -> snapshot with ClientPrune
        cls.frozen = {}     # (book name, extension) -> cells frozen, as reported
        cls.charts = {}
        cls.names = {}

        # The sample, through the command line.
        for ext in FILTERS:
            out = os.path.join(cls.tmp, "sample-shared" + ext)
            run = subprocess.run(["/usr/bin/python3", SHARE_TOOL, sample, out, "--oxt", OXT],
                                 capture_output=True, text=True, timeout=300)
            assert run.returncode == 0, run.stderr
            cls.frozen[("sample", ext)] = int(re.search(r": (\d+) ClientPrune cell", run.stdout).group(1))
            cls.copies[("sample", ext)] = out

        # The enriched book, through the service, in a Calc whose temporary
        # files go to a folder of our own (to see that none is left behind).
        with Calc(OXT, env={"TMPDIR": cls.soffice_tmp}) as calc:
            enrich(calc, sample, cls.book)
            for name, path in (("sample", sample), ("book", cls.book)):
                doc = calc.open(path)
                doc.calculateAll()
                cls.expected[name] = snapshot(doc)
                cls.charts[name] = chart_counts(doc)
                cls.names[name] = calling_names(doc)
                doc.close(True)
                calc.docs.remove(doc)

            doc = calc.open(cls.book)
            doc.calculateAll()
            # A hard recalculation (calculateAll) marks the charts of the
            # visible first sheet modified, as on the samples' Start here,
            # and with them the book (Calc 7.4): start from unmodified, to
            # see that sharing changes nothing.
            for sheet in doc.Sheets:
                for name in sheet.Charts.ElementNames:
                    sheet.Charts.getByName(name).EmbeddedObject.setModified(False)
            doc.setModified(False)
            cls.before = {"modified": doc.isModified(), "url": doc.getURL(),
                          "formulas": snapshot(doc), "file": file_digest(cls.book)}
            share = calc.smgr.createInstanceWithContext("org.clientprune.ShareCopy", calc.ctx)
            for ext, filter_name in FILTERS.items():
                out = os.path.join(cls.tmp, "book-shared" + ext)
                # The .ods through its filter name, the .xlsx by its extension.
                given = filter_name if ext == ".ods" else ""
                cls.frozen[("book", ext)] = share.storeSharedCopy(doc, uno.systemPathToFileUrl(out), given)
                cls.copies[("book", ext)] = out
            cls.refusals = {}
            for label, url in (("own file", doc.getURL()),
                               ("unknown format", uno.systemPathToFileUrl(os.path.join(cls.tmp, "x.txt")))):
                try:
                    share.storeSharedCopy(doc, url, "")
                    cls.refusals[label] = None
                except IllegalArgumentException as e:
                    cls.refusals[label] = e.Message
            cls.after = {"modified": doc.isModified(), "url": doc.getURL(),
                         "formulas": snapshot(doc), "file": file_digest(cls.book)}
            cls.tmp_entries = os.listdir(cls.soffice_tmp)
            cls.left_in_tmp = [f for f in cls.tmp_entries
                               if os.path.isfile(os.path.join(cls.soffice_tmp, f))]

            # The menu entry: merged configuration, and the frame's dispatch.
            provider = calc.smgr.createInstanceWithContext(
                "com.sun.star.configuration.ConfigurationProvider", calc.ctx)
            node = "/org.openoffice.Office.Addons/AddonUI/OfficeMenuBarMerging"
            merging = provider.createInstanceWithArguments(
                "com.sun.star.configuration.ConfigurationAccess", (prop("nodepath", node),))
            cls.menu = cls.read_menu(merging)
            cls.dispatch = cls.query_dispatch(calc, doc)

        # Opened where ClientPrune is not installed.
        cls.shown = {}
        cls.shown_charts = {}
        with Calc(None) as calc:
            cls.dispatch_without = cls.query_dispatch(calc, calc.new_doc())
            for key, path in cls.copies.items():
                doc = calc.open(path)
                assert doc is not None, path
                doc.calculateAll()
                cls.shown[key] = snapshot(doc, cls.expected[key[0]])
                cls.shown_charts[key] = chart_counts(doc)

    @staticmethod
    def read_menu(merging):
        """(MergeContext, MergePoint, popup title, [(item title, URL, Context)])"""
        if not merging.hasByName("org.clientprune.extension"):
            return None
        ours = merging.getByName("org.clientprune.extension")
        found = []
        for instruction in ours.ElementNames:
            node = ours.getByName(instruction)
            for item_name in node.MenuItems.ElementNames:
                item = node.MenuItems.getByName(item_name)
                entries = [(sub.Title, sub.URL, sub.Context)
                           for sub in (item.Submenu.getByName(n) for n in item.Submenu.ElementNames)]
                found.append((node.MergeContext, node.MergePoint, item.Title, entries))
        return found

    @staticmethod
    def query_dispatch(calc, doc):
        """The dispatcher the document's frame finds for the menu's URL, the
        status it reports to a listener, and how running the command ends:
        a headless soffice cancels every dialog, so the file dialog it opens
        is cancelled and the command must end quietly (DONTKNOW), having
        written nothing."""
        url = uno.createUnoStruct("com.sun.star.util.URL")
        url.Complete = COMMAND
        transformer = calc.smgr.createInstanceWithContext("com.sun.star.util.URLTransformer", calc.ctx)
        _, url = transformer.parseStrict(url)
        dispatcher = doc.CurrentController.Frame.queryDispatch(url, "_self", 0)
        if dispatcher is None:
            return None
        listener = Listener()
        dispatcher.addStatusListener(listener, url)
        dispatcher.removeStatusListener(listener, url)
        enabled = [e.IsEnabled for e in listener.events]
        listener.events = []
        dispatcher.dispatchWithNotification(url, (), listener)
        ends = [(e.State, e.Result) for e in listener.events]
        return (dispatcher.ImplementationName, enabled, ends, calc.alive())

    # -- the copies -------------------------------------------------------
    def frozen_cells(self, name):
        """Cells that must be frozen, by the rule read off the formula texts."""
        return {(sheet, pos) for sheet, cells in self.expected[name].items()
                for pos, (_, _, formula, _) in cells.items()
                if formula and calls_clientprune(formula, self.names[name])}

    def test_every_cell_shows_the_same_without_clientprune(self):
        for (name, ext), shown in self.shown.items():
            expected = self.expected[name]
            frozen = self.frozen_cells(name)
            self.assertEqual(sorted(shown), sorted(expected), f"{name}{ext}: sheets")
            for sheet, cells in expected.items():
                got_cells = shown[sheet]
                for pos in set(cells) | set(got_cells):
                    where = f"{name}{ext} {sheet}!R{pos[0] + 1}C{pos[1] + 1}"
                    want = cells.get(pos, ("blank", "", None, None))
                    got = got_cells.get(pos, ("blank", "", None, None))
                    kind, value = want[0], want[1]
                    if kind == "error" and (sheet, pos) in frozen:
                        # A frozen error result is its displayed text.
                        kind, value = "text", value[1]
                    self.assertEqual(got[0], kind, f"{where}: {got} for {want}")
                    if kind == "num":
                        self.assertLessEqual(abs(got[1] - value), 1e-9 * max(1.0, abs(value)),
                                             f"{where}: {got[1]} != {value}")
                    else:
                        self.assertEqual(got[1], value, where)

    def test_no_cell_shows_name_error(self):
        for key, shown in self.shown.items():
            for sheet, cells in shown.items():
                for pos, (kind, value, _, _) in cells.items():
                    self.assertFalse(kind == "error" and value[0] == ERR_NAME, f"{key} {sheet} {pos}")
                    self.assertNotIn("#NAME?", str(value), f"{key} {sheet} {pos}")

    def test_exactly_the_clientprune_cells_are_frozen(self):
        for (name, ext), shown in self.shown.items():
            frozen = self.frozen_cells(name)
            self.assertEqual(self.frozen[(name, ext)], len(frozen), f"{name}{ext}: cells reported")
            self.assertGreater(len(frozen), 100 if name == "sample" else 110)
            for sheet, cells in self.expected[name].items():
                for pos, (_, _, formula, fmt) in cells.items():
                    got = shown[sheet].get(pos)
                    where = f"{name}{ext} {sheet}!R{pos[0] + 1}C{pos[1] + 1}"
                    if (sheet, pos) in frozen:
                        self.assertIsNone(got and got[2], f"{where} is still a formula")
                    elif formula:
                        self.assertIsNotNone(got and got[2], f"{where} lost its formula {formula}")
                        if ext == ".ods":
                            self.assertEqual(got[2], formula, where)

    def test_frozen_cells_keep_their_number_format(self):
        for (name, ext), shown in self.shown.items():
            for sheet, pos in self.frozen_cells(name):
                want = self.expected[name][sheet][pos][3]
                self.assertEqual(shown[sheet][pos][3], want, f"{name}{ext} {sheet} {pos}")

    def test_edge_cases(self):
        for ext in FILTERS:
            edge = self.shown[("book", ext)]["Edge cases"]
            self.assertEqual(edge[(0, 4)][:2], ("text", "Err:502"), ext)   # E1: error -> its text
            self.assertEqual(edge[(3, 3)][:3], ("blank", "", None), ext)   # D4: empty -> blank
            self.assertEqual(edge[(0, 3)][0], "num", ext)                  # D1: array part frozen
            self.assertIsNotNone(edge[(0, 5)][2], ext)                     # F1 stays a formula
            self.assertIsNotNone(edge[(1, 5)][2], ext)                     # F2 (text literal) too
            self.assertIsNone(edge[(2, 5)][2], ext)                        # F3 uses BestScore: frozen

    def test_charts_survive(self):
        self.assertEqual(self.charts["book"]["Clients"], 1)
        self.assertEqual(self.charts["book"]["Monthly revenue"], 1)
        for (name, ext), counts in self.shown_charts.items():
            self.assertEqual(counts, self.charts[name], f"{name}{ext}")

    # -- the original -----------------------------------------------------
    def test_original_document_is_untouched(self):
        self.assertFalse(self.before["modified"])
        self.assertEqual(self.after["modified"], self.before["modified"])
        self.assertEqual(self.after["url"], self.before["url"])
        self.assertEqual(self.after["file"], self.before["file"])
        self.assertEqual(self.after["formulas"], self.before["formulas"])

    def test_refuses_to_replace_the_workbook_or_guess_a_format(self):
        self.assertIn("replace the workbook", self.refusals["own file"] or "")
        self.assertIn(".ods or .xlsx", self.refusals["unknown format"] or "")
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "x.txt")))

    def test_temporary_copy_is_deleted(self):
        # soffice did use the folder (its own lu*.tmp folder is there) ...
        self.assertTrue([e for e in self.tmp_entries if e.startswith("lu")], self.tmp_entries)
        # ... and no temporary copy of the workbook is left in it.
        self.assertEqual(self.left_in_tmp, [])

    # -- the menu ---------------------------------------------------------
    def test_menu_entry_in_tools_for_calc_only(self):
        self.assertIsNotNone(self.menu, "no OfficeMenuBarMerging entry for the extension")
        context, point, title, entries = self.menu[0]
        self.assertEqual(context, "com.sun.star.sheet.SpreadsheetDocument")
        self.assertTrue(point.startswith(".uno:ToolsMenu\\"), point)
        self.assertEqual(title, "ClientPrune")
        self.assertEqual(len(entries), 1)
        item_title, url, item_context = entries[0]
        self.assertEqual(item_title.replace("~", ""), "Save a Copy for Sharing\u2026")
        self.assertEqual(url, COMMAND)
        self.assertEqual(item_context, "com.sun.star.sheet.SpreadsheetDocument")

    def test_menu_url_reaches_the_extension(self):
        self.assertIsNotNone(self.dispatch, "the frame found no dispatcher for " + COMMAND)
        implementation, enabled, ends, alive = self.dispatch
        self.assertEqual(implementation, "org.clientprune.ShareCopyImpl")
        self.assertEqual(enabled, [True])
        self.assertEqual(ends, [(DONTKNOW, None)], "the command did not end as cancelled")
        self.assertTrue(alive)
        self.assertIsNone(self.dispatch_without)


if __name__ == "__main__":
    unittest.main(verbosity=2)
