# SPDX-License-Identifier: GPL-3.0-or-later
"""The built .oxt: what it holds, that its XML is valid and consistent, and
that the component library is hardened, self-contained and exports only its
constructor.

    /usr/bin/python3 tests/e2e/test_package.py build/clientprune.oxt
"""
import fnmatch
import os
import re
import struct
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from e2e import main_oxt  # noqa: E402

OXT = main_oxt()
ROOT = os.path.join(HERE, "..", "..")
MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
DESC_NS = "http://openoffice.org/extensions/description/2006"
COMP_NS = "http://openoffice.org/2010/uno-components"
OOR_NS = "http://openoffice.org/2001/registry"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
LIB = "Linux_x86_64/libclientprune.so"


def project_version():
    with open(os.path.join(ROOT, "CMakeLists.txt")) as f:
        return re.search(r"project\(ClientPrune VERSION ([0-9.]+)", f.read()).group(1)


class PackageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.zip = zipfile.ZipFile(OXT)
        cls.names = set(cls.zip.namelist())
        cls.tmp = tempfile.TemporaryDirectory()
        cls.zip.extract(LIB, cls.tmp.name)
        cls.lib = os.path.join(cls.tmp.name, LIB)

    @classmethod
    def tearDownClass(cls):
        cls.zip.close()
        cls.tmp.cleanup()

    def xml(self, name):
        return ET.fromstring(self.zip.read(name))

    def referenced(self):
        """Every file the manifest, description.xml and the components file
        point to, with the two files LibreOffice looks for by name."""
        refs = {"META-INF/manifest.xml", "description.xml"}
        for e in self.xml("META-INF/manifest.xml").findall(f"{{{MANIFEST_NS}}}file-entry"):
            refs.add(e.get(f"{{{MANIFEST_NS}}}full-path"))
        for e in self.xml("description.xml").iter():
            href = e.get(XLINK_HREF)
            if href and "://" not in href:
                refs.add(href)
        for comp in self.xml("clientprune.components").findall(f"{{{COMP_NS}}}component"):
            refs.add(comp.get("uri"))
        return refs

    def test_holds_exactly_what_is_referenced(self):
        refs = self.referenced()
        self.assertEqual(refs - self.names, set(), "referenced but missing")
        self.assertEqual(self.names - refs, set(), "in the .oxt but referenced nowhere")

    def test_no_stray_code_or_paths(self):
        """The one native library is the component the manifest's
        components file names; no entry is a symbolic link, a folder, an
        absolute path or one that climbs out of the extension folder."""
        elves = sorted(n for n in self.names if self.zip.read(n)[:4] == b"\x7fELF")
        self.assertEqual(elves, [LIB])
        for info in self.zip.infolist():
            name = info.filename
            self.assertFalse(name.startswith("/") or ".." in name.split("/"), name)
            self.assertFalse(name.endswith("/"), name)
            mode = info.external_attr >> 16
            self.assertFalse(mode and (mode & 0o170000) == 0o120000, f"{name} is a symbolic link")

    def test_manifest_entries_exist(self):
        entries = self.xml("META-INF/manifest.xml").findall(f"{{{MANIFEST_NS}}}file-entry")
        types = {}
        for e in entries:
            path = e.get(f"{{{MANIFEST_NS}}}full-path")
            self.assertIn(path, self.names)
            types[path] = e.get(f"{{{MANIFEST_NS}}}media-type")
        self.assertEqual(types, {
            "clientprune.rdb": "application/vnd.sun.star.uno-typelibrary;type=RDB",
            "clientprune.components": "application/vnd.sun.star.uno-components;platform=Linux_x86_64",
            "Addons.xcu": "application/vnd.sun.star.configuration-data",
            "ProtocolHandler.xcu": "application/vnd.sun.star.configuration-data"})

    def implementations(self):
        """{implementation name: (constructor, {services})}"""
        comp = self.xml("clientprune.components").find(f"{{{COMP_NS}}}component")
        return {impl.get("name"): (impl.get("constructor"),
                                   {s.get("name") for s in impl.findall(f"{{{COMP_NS}}}service")})
                for impl in comp.findall(f"{{{COMP_NS}}}implementation")}

    def test_components_file(self):
        comp = self.xml("clientprune.components").find(f"{{{COMP_NS}}}component")
        self.assertEqual(comp.get("loader"), "com.sun.star.loader.SharedLibrary")
        self.assertEqual(comp.get("environment"), "gcc3")
        self.assertEqual(comp.get("uri"), LIB)
        self.assertEqual(self.implementations(), {
            "org.clientprune.ClientPruneImpl": (
                "org_clientprune_ClientPrune_get_implementation",
                {"com.sun.star.sheet.AddIn", "org.clientprune.ClientPrune"}),
            "org.clientprune.ShareCopyImpl": (
                "org_clientprune_ShareCopy_get_implementation",
                {"com.sun.star.frame.ProtocolHandler", "org.clientprune.ShareCopy"})})

    def test_configuration_files_are_valid(self):
        xcus = [n for n in self.names if n.endswith(".xcu")]
        self.assertEqual(sorted(xcus), ["Addons.xcu", "ProtocolHandler.xcu"])
        for name in xcus:
            raw = self.zip.read(name)
            root = ET.fromstring(raw)  # well-formed, or this raises
            self.assertEqual(root.tag, f"{{{OOR_NS}}}component-data", name)
            self.assertEqual(root.get(f"{{{OOR_NS}}}package"), "org.openoffice.Office", name)
            self.assertEqual(root.get(f"{{{OOR_NS}}}name"), name[:-len(".xcu")], name)
            self.assertIn(f'xmlns:oor="{OOR_NS}"'.encode(), raw, name)
            self.assertIn(b'xmlns:xs="http://www.w3.org/2001/XMLSchema"', raw, name)
            for e in root.iter():
                self.assertIn(e.tag, {f"{{{OOR_NS}}}component-data", "node", "prop", "value"}, name)
                if e.tag == "prop" and e.get(f"{{{OOR_NS}}}type"):
                    self.assertIn(e.get(f"{{{OOR_NS}}}type"), {"xs:string", "oor:string-list"}, name)
                op = e.get(f"{{{OOR_NS}}}op")
                self.assertIn(op, {None, "replace", "fuse"}, name)

    def test_protocol_handler_and_menu_agree_with_the_components(self):
        handlers = ET.fromstring(self.zip.read("ProtocolHandler.xcu")).find("node")
        self.assertEqual(handlers.get(f"{{{OOR_NS}}}name"), "HandlerSet")
        impls = self.implementations()
        patterns = []
        for handler in handlers.findall("node"):
            impl = handler.get(f"{{{OOR_NS}}}name")
            self.assertIn(impl, impls, "ProtocolHandler.xcu names an unknown implementation")
            self.assertIn("com.sun.star.frame.ProtocolHandler", impls[impl][1])
            patterns += handler.find("prop/value").text.split()
        self.assertEqual(patterns, ["org.clientprune.share:*"])
        addons = ET.fromstring(self.zip.read("Addons.xcu"))
        urls = [p.find("value").text for p in addons.iter("prop") if p.get(f"{{{OOR_NS}}}name") == "URL"]
        self.assertTrue(urls)
        for url in urls:
            self.assertTrue(any(fnmatch.fnmatchcase(url, p) for p in patterns), url)
        contexts = {p.find("value").text for p in addons.iter("prop")
                    if p.get(f"{{{OOR_NS}}}name") in ("MergeContext", "Context")}
        self.assertEqual(contexts, {"com.sun.star.sheet.SpreadsheetDocument"})

    def test_description(self):
        d = self.xml("description.xml")
        self.assertEqual(d.find(f"{{{DESC_NS}}}version").get("value"), project_version())
        self.assertEqual(d.find(f"{{{DESC_NS}}}identifier").get("value"), "org.clientprune.extension")
        self.assertEqual(d.find(f"{{{DESC_NS}}}platform").get("value"), "linux_x86_64")
        self.assertTrue(d.find(f"{{{DESC_NS}}}display-name/{{{DESC_NS}}}name").text.strip())
        self.assertTrue(d.find(f"{{{DESC_NS}}}publisher/{{{DESC_NS}}}name").text.strip())
        # The licence is shown at install and must be accepted by the user.
        licence = d.find(f"{{{DESC_NS}}}registration/{{{DESC_NS}}}simple-license")
        self.assertEqual(licence.get("accept-by"), "user")
        lic = licence.find(f"{{{DESC_NS}}}license-text")
        self.assertIn(lic.get(XLINK_HREF), self.names)
        self.assertIn(b"GNU GENERAL PUBLIC LICENSE", self.zip.read(lic.get(XLINK_HREF)))
        minimal = d.find("{http://openoffice.org/extensions/description/2006}dependencies/"
                         "{http://libreoffice.org/extensions/description/2011}LibreOffice-minimal-version")
        self.assertEqual(minimal.get("value"), "7.4")

    def test_icons_are_png(self):
        d = self.xml("description.xml")
        for kind in ("default", "high-contrast"):
            href = d.find(f"{{{DESC_NS}}}icon/{{{DESC_NS}}}{kind}").get(XLINK_HREF)
            data = self.zip.read(href)
            self.assertEqual(data[:8], b"\x89PNG\r\n\x1a\n", href)
            self.assertEqual(data[12:16], b"IHDR", href)
            width, height = struct.unpack(">II", data[16:24])
            self.assertEqual((width, height), (42, 42), href)

    def test_description_has_this_versions_release_notes(self):
        version = project_version()
        with open(os.path.join(ROOT, "RELEASE-NOTES.md"), encoding="utf-8") as f:
            notes = f.read()
        m = re.search(r"^## +%s\s*\n(.*?)(?=^## |\Z)" % re.escape(version), notes, re.M | re.S)
        self.assertIsNotNone(m, f"RELEASE-NOTES.md has no section for {version}")
        d = self.xml("description.xml")
        href = d.find(f"{{{DESC_NS}}}extension-description/{{{DESC_NS}}}src").get(XLINK_HREF)
        text = self.zip.read(href).decode("utf-8")
        self.assertIn(f"What is new in version {version}:", text)
        for line in m.group(1).strip().splitlines():
            self.assertIn(line.rstrip(), text)

    def test_version_is_written_in_one_place(self):
        """Only CMakeLists.txt's project() (and RELEASE-NOTES.md's heading)
        name the version; everything else takes it from there."""
        version = project_version()
        found = []
        for folder in ("packaging", "addin", "idl", "tools", "src", "tests", "samples"):
            for dirpath, _, files in os.walk(os.path.join(ROOT, folder)):
                for name in files:
                    if name.endswith((".ods", ".xlsx", ".png", ".pyc")):
                        continue
                    path = os.path.join(dirpath, name)
                    with open(path, encoding="utf-8", errors="replace") as f:
                        if re.search(r"(?<![\d.])%s(?![\d])" % re.escape(version), f.read()):
                            found.append(os.path.relpath(path, ROOT))
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            if version in f.read():
                found.append("README.md")
        self.assertEqual(found, [])

    def test_only_the_constructors_are_exported(self):
        out = subprocess.run(["nm", "-D", "--defined-only", self.lib], capture_output=True,
                             text=True, check=True).stdout
        exported = {line.split()[-1] for line in out.splitlines() if line.strip()}
        self.assertEqual(exported, {c for c, _ in self.implementations().values()})

    def test_gsl_is_linked_statically(self):
        out = subprocess.run(["readelf", "-d", self.lib], capture_output=True, text=True,
                             check=True).stdout
        needed = re.findall(r"\(NEEDED\).*\[(.*)\]", out)
        self.assertFalse([n for n in needed if "gsl" in n], needed)
        allowed = ("libuno_", "libstdc++", "libm.", "libgcc_s", "libc.", "ld-linux-x86-64.")
        self.assertFalse([n for n in needed if not n.startswith(allowed)], needed)

    def test_hardening(self):
        dyn = subprocess.run(["readelf", "-dW", self.lib], capture_output=True, text=True).stdout
        seg = subprocess.run(["readelf", "-lW", self.lib], capture_output=True, text=True).stdout
        syms = subprocess.run(["nm", "-D", "--undefined-only", self.lib], capture_output=True,
                              text=True).stdout
        self.assertIn("GNU_RELRO", seg)
        self.assertRegex(dyn, r"FLAGS.*BIND_NOW")
        stack = [line for line in seg.splitlines() if "GNU_STACK" in line]
        self.assertTrue(stack and "RWE" not in stack[0], stack)
        self.assertIn("__stack_chk_fail", syms)

    def test_fortify_source(self):
        """_FORTIFY_SOURCE=2 was on for our code: the glue's fprintf (the
        trace file, convert.cxx) and the core's memcpy into arrays of known
        size (src/models/mle.c) call glibc's checking *_chk variants.  Plain
        memcpy/memset remain where the destination's size is not known at
        compile time (nothing to check), and plain printf-family calls may
        come only from GSL, which Debian builds without FORTIFY_SOURCE
        (linked statically; its printing is debugging output we never call)."""
        syms = subprocess.run(["nm", "-D", "--undefined-only", self.lib], capture_output=True,
                              text=True, check=True).stdout
        imported = {line.split()[-1].split("@")[0] for line in syms.splitlines() if line.strip()}
        for chk in ("__fprintf_chk", "__memcpy_chk"):
            self.assertIn(chk, imported)
        unchecked = {"printf", "fprintf", "sprintf", "snprintf", "vprintf", "vfprintf",
                     "vsprintf", "vsnprintf", "strcpy", "strcat", "strncpy", "strncat",
                     "stpcpy", "gets", "fgets", "read"}
        disasm = subprocess.run(["objdump", "-d", "--no-show-raw-insn", self.lib],
                                capture_output=True, text=True, check=True).stdout
        callers, fn = set(), None
        for line in disasm.splitlines():
            m = re.match(r"^[0-9a-f]+ <(.*)>:$", line)
            if m:
                fn = m.group(1)
                continue
            m = re.search(r"\s(?:call|jmp)\s.*<([\w.]+)@plt>", line)
            if m and m.group(1) in unchecked:
                callers.add((fn, m.group(1)))
        ours = sorted(c for c in callers if not c[0].startswith("gsl_"))
        self.assertEqual(ours, [], "unfortified string or printf calls outside GSL")


if __name__ == "__main__":
    unittest.main(verbosity=2)
