# SPDX-License-Identifier: GPL-3.0-or-later
"""The built .oxt: what it holds, that its XML is valid and consistent, and
that the component library is hardened, self-contained and exports only its
constructor.

    /usr/bin/python3 tests/e2e/test_package.py build/clientprune.oxt
"""
import os
import re
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

    def test_holds_exactly_what_it_should(self):
        self.assertEqual(self.names, {
            "META-INF/manifest.xml", "description.xml", "description-en.txt", "LICENSE.txt",
            "clientprune.components", "clientprune.rdb", LIB})

    def test_manifest_entries_exist(self):
        entries = self.xml("META-INF/manifest.xml").findall(f"{{{MANIFEST_NS}}}file-entry")
        types = {}
        for e in entries:
            path = e.get(f"{{{MANIFEST_NS}}}full-path")
            self.assertIn(path, self.names)
            types[path] = e.get(f"{{{MANIFEST_NS}}}media-type")
        self.assertEqual(types["clientprune.rdb"], "application/vnd.sun.star.uno-typelibrary;type=RDB")
        self.assertEqual(types["clientprune.components"],
                         "application/vnd.sun.star.uno-components;platform=Linux_x86_64")

    def test_components_file(self):
        comp = self.xml("clientprune.components").find(f"{{{COMP_NS}}}component")
        self.assertEqual(comp.get("loader"), "com.sun.star.loader.SharedLibrary")
        self.assertEqual(comp.get("environment"), "gcc3")
        self.assertIn(comp.get("uri"), self.names)
        impl = comp.find(f"{{{COMP_NS}}}implementation")
        self.assertEqual(impl.get("constructor"), "org_clientprune_ClientPrune_get_implementation")
        services = {s.get("name") for s in impl.findall(f"{{{COMP_NS}}}service")}
        self.assertEqual(services, {"com.sun.star.sheet.AddIn", "org.clientprune.ClientPrune"})

    def test_description(self):
        d = self.xml("description.xml")
        self.assertEqual(d.find(f"{{{DESC_NS}}}version").get("value"), project_version())
        self.assertEqual(d.find(f"{{{DESC_NS}}}identifier").get("value"), "org.clientprune.extension")
        self.assertEqual(d.find(f"{{{DESC_NS}}}platform").get("value"), "linux_x86_64")
        self.assertTrue(d.find(f"{{{DESC_NS}}}display-name/{{{DESC_NS}}}name").text.strip())
        self.assertTrue(d.find(f"{{{DESC_NS}}}publisher/{{{DESC_NS}}}name").text.strip())
        lic = d.find(f"{{{DESC_NS}}}registration/{{{DESC_NS}}}simple-license/{{{DESC_NS}}}license-text")
        self.assertIn(lic.get("{http://www.w3.org/1999/xlink}href"), self.names)
        self.assertIn(b"GNU GENERAL PUBLIC LICENSE", self.zip.read("LICENSE.txt"))
        minimal = d.find("{http://openoffice.org/extensions/description/2006}dependencies/"
                         "{http://libreoffice.org/extensions/description/2011}LibreOffice-minimal-version")
        self.assertEqual(minimal.get("value"), "7.4")

    def test_only_the_constructor_is_exported(self):
        out = subprocess.run(["nm", "-D", "--defined-only", self.lib], capture_output=True,
                             text=True, check=True).stdout
        exported = {line.split()[-1] for line in out.splitlines() if line.strip()}
        self.assertEqual(exported, {"org_clientprune_ClientPrune_get_implementation"})

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


if __name__ == "__main__":
    unittest.main(verbosity=2)
