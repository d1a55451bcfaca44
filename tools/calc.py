# SPDX-License-Identifier: GPL-3.0-or-later
"""A real headless LibreOffice Calc with the built ClientPrune extension.

Run under /usr/bin/python3 (the interpreter that has the uno module).

    with Calc(oxt) as calc:
        sheet = calc.new_sheet()
        calc.put(sheet, "A1", [[1, 2], [3, ""]])
        calc.formula(sheet, "C1", "=CLIENTSCORE(A1:B2; {1;1})")
        calc.array(sheet, "D1:D2", "=CLIENTSCORE(A1:B2; {1;1})")
        calc.recalc()
        calc.value(sheet, "D1"), calc.error(sheet, "C1")

The extension is unzipped as a bundled extension next to a fresh user
profile, so nothing is installed anywhere and every run starts clean.
soffice is stopped (and killed if it will not stop) when the block ends.
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.table.CellContentType import FORMULA, TEXT

STRING_RESULT = uno.getConstantByName("com.sun.star.sheet.FormulaResult.STRING")

SOFFICE = os.environ.get("SOFFICE", "/usr/lib/libreoffice/program/soffice")


def write_notes(sheet, lines):
    """A "Read me" sheet: one line of text per row in column A, the first as
    a bold title."""
    for i, line in enumerate(lines):
        sheet.getCellByPosition(0, i).setString(line)
    sheet.getCellByPosition(0, 0).CharWeight = 150
    sheet.getCellByPosition(0, 0).CharHeight = 14
    sheet.getColumns().getByIndex(0).Width = 25000


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


class Calc:
    def __init__(self, oxt=None, timeout=90, keep=False):
        self.oxt = oxt
        self.timeout = timeout
        self.keep = keep
        self.proc = None
        self.docs = []

    # -- lifetime ---------------------------------------------------------
    def __enter__(self):
        self.dir = tempfile.mkdtemp(prefix="clientprune-e2e-")
        env_args = []
        if self.oxt:
            ext = os.path.join(self.dir, "ext", "clientprune")
            os.makedirs(ext)
            with zipfile.ZipFile(self.oxt) as z:
                z.extractall(ext)
            env_args.append("-env:BUNDLED_EXTENSIONS=" + uno.systemPathToFileUrl(os.path.join(self.dir, "ext")))
        profile = uno.systemPathToFileUrl(os.path.join(self.dir, "profile"))
        pipe = "clientprune_%d_%d" % (os.getpid(), int(time.time() * 1000) % 100000000)
        self.log = open(os.path.join(self.dir, "soffice.log"), "w")
        self.proc = subprocess.Popen(
            [SOFFICE, "--headless", "--invisible", "--norestore", "--nodefault",
             "--nolockcheck", "--nologo", "-env:UserInstallation=" + profile, *env_args,
             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + self.timeout
        while True:
            try:
                self.ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except NoConnectException:
                if self.proc.poll() is not None or time.time() > deadline:
                    self._kill()
                    raise RuntimeError("soffice did not start; see " + self.log.name)
                time.sleep(0.1)
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        return self

    def __exit__(self, *exc):
        for doc in self.docs:
            try:
                doc.close(True)
            except Exception:
                pass
        try:
            self.desktop.terminate()
        except Exception:
            pass  # the bridge drops while soffice quits
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self._kill()
        self.log.close()
        if not self.keep:
            shutil.rmtree(self.dir, ignore_errors=True)
        return False

    def _kill(self):
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()

    def alive(self):
        """True when soffice is running and answers over the bridge."""
        if self.proc.poll() is not None:
            return False
        try:
            return self.desktop.getComponents() is not None
        except Exception:
            return False

    # -- documents ------------------------------------------------------
    def new_doc(self):
        doc = self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                                (prop("Hidden", True),))
        self.docs.append(doc)
        return doc

    def open(self, path):
        doc = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)),
                                                "_blank", 0, (prop("Hidden", True),))
        self.docs.append(doc)
        return doc

    def new_sheet(self):
        self.doc = self.new_doc()
        return self.doc.Sheets.getByIndex(0)

    def recalc(self, doc=None):
        (doc or self.doc).calculateAll()

    # -- cells ------------------------------------------------------------
    @staticmethod
    def put(sheet, top_left, rows):
        """Write a block of values: numbers, text, "" or None for a blank."""
        start = sheet.getCellRangeByName(top_left).CellAddress
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                cell = sheet.getCellByPosition(start.Column + j, start.Row + i)
                if v is None or v == "":
                    cell.setString("")  # an empty string leaves the cell blank
                elif isinstance(v, str):
                    cell.setString(v)
                else:
                    cell.setValue(float(v))

    @staticmethod
    def formula(sheet, cell, text):
        sheet.getCellRangeByName(cell).setFormula(text)

    @staticmethod
    def array(sheet, rng, text):
        sheet.getCellRangeByName(rng).setArrayFormula(text)

    @staticmethod
    def error(sheet, cell):
        return sheet.getCellRangeByName(cell).getError()

    @staticmethod
    def value(sheet, cell):
        """(error code, None) for an error, else (0, number or text)."""
        c = sheet.getCellRangeByName(cell) if isinstance(cell, str) else cell
        err = c.getError()
        if err:
            return err, None
        if c.getType() == FORMULA:
            if c.FormulaResultType2 == STRING_RESULT:
                return 0, c.getString()
            return 0, c.getValue()
        if c.getType() == TEXT:
            return 0, c.getString()
        return 0, c.getValue()

    def column(self, sheet, rng):
        """value() of each cell of a one-column range, top to bottom."""
        r = sheet.getCellRangeByName(rng).RangeAddress
        return [self.value(sheet, sheet.getCellByPosition(r.StartColumn, row))
                for row in range(r.StartRow, r.EndRow + 1)]
