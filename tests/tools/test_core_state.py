# SPDX-License-Identifier: GPL-3.0-or-later
"""The core keeps no global mutable state (issue 5, "Determinism").

    python3 tests/tools/test_core_state.py build/src/libcpcore.a build/src/libcpcore_faultsim.a

Reads the static core libraries with objdump: no object file of the product
core (libcpcore.a) may have a writable data section (.data, .bss, their
thread-local forms .tdata and .tbss, or common symbols) of non-zero size.
Tables of names such as score.c's method_names live in .data.rel.ro: the
dynamic linker writes their pointers once at load, then RELRO makes them
read-only (test_package checks RELRO on the built add-in), so they are
constants.  The one exception is the fault-simulation build
(libcpcore_faultsim.a, tests only): its allocator counts allocations and
fails the k-th in thread-local counters (src/common/common.c, fault_*).

What the add-in sets process-wide is GSL's error handler (turned off once
when the library is loaded, addin/clientprune.cxx), outside the core.
"""
import re
import subprocess
import sys
import unittest

WRITABLE = re.compile(r"^\.(data|bss|tdata|tbss)(\..*)?$")
RELRO = re.compile(r"^\.data\.rel\.ro(\..*)?$")
# (object file, symbol) allowed to be writable, per library file name.
ALLOWED = {
    "libcpcore.a": set(),
    "libcpcore_faultsim.a": {("common.c.o", s) for s in
                             ("fault_at", "fault_attempts", "fault_live", "fault_persistent")},
}
ARCHIVES = [a for a in sys.argv[1:] if a.endswith(".a")]
sys.argv[1:] = [a for a in sys.argv[1:] if not a.endswith(".a")]


def objdump(flag, archive):
    """(object file, line) for each line objdump flag prints about archive."""
    out = subprocess.run(["objdump", flag, archive], capture_output=True, text=True,
                         check=True).stdout
    obj = None
    for line in out.splitlines():
        m = re.match(r"^(\S+\.o):\s+file format", line)
        if m:
            obj = m.group(1)
        elif obj:
            yield obj, line


def writable(section):
    return WRITABLE.match(section) and not RELRO.match(section)


def writable_sections(archive):
    """{(object, section): size} of the writable data sections of non-zero size."""
    found = {}
    for obj, line in objdump("-h", archive):
        f = line.split()
        if len(f) >= 3 and f[0].isdigit() and writable(f[1]) and int(f[2], 16):
            found[(obj, f[1])] = int(f[2], 16)
    return found


def writable_symbols(archive):
    """{(object, symbol)} of symbols in writable data sections, and commons."""
    found = set()
    for obj, line in objdump("-t", archive):
        m = re.match(r"^[0-9a-f]+\s.{7}\s(\S+)\s+[0-9a-f]+\s+(\S+)$", line)
        if m and (m.group(1) == "*COM*" or writable(m.group(1))) and m.group(2) != m.group(1):
            found.add((obj, m.group(2)))  # (not the section's own symbol)
    return found


class CoreStateTest(unittest.TestCase):
    def test_archives_given(self):
        names = sorted(a.rsplit("/", 1)[-1] for a in ARCHIVES)
        self.assertEqual(names, sorted(ALLOWED), "pass both core libraries")

    def test_no_writable_data(self):
        for archive in ARCHIVES:
            allowed = ALLOWED[archive.rsplit("/", 1)[-1]]
            with self.subTest(archive=archive):
                self.assertEqual(writable_symbols(archive), allowed)
                objects = {obj for obj, _ in allowed}
                stray = {k: v for k, v in writable_sections(archive).items()
                         if k[0] not in objects}
                self.assertEqual(stray, {}, "writable data without an allowed symbol")

    def test_the_check_sees_writable_data(self):
        """The faultsim counters are found: the parsing is not blind."""
        faultsim = [a for a in ARCHIVES if a.endswith("libcpcore_faultsim.a")]
        self.assertTrue(faultsim)
        self.assertTrue(writable_sections(faultsim[0]))
        self.assertTrue(ALLOWED["libcpcore_faultsim.a"] <= writable_symbols(faultsim[0]))


if __name__ == "__main__":
    unittest.main(verbosity=2)
