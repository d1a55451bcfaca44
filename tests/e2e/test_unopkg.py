# SPDX-License-Identifier: GPL-3.0-or-later
"""Install, update and remove the .oxt with unopkg, as an ordinary user would.

    /usr/bin/python3 tests/e2e/test_unopkg.py build/clientprune.oxt

Needs root: it creates a throw-away system user (removed at the end, with
its home) and, as that user, runs
  unopkg add               shows the licence; declined, nothing is installed
  unopkg add -s            (-s: accept the licence without being asked)
  unopkg list              the identifier and the version of project()
  soffice                  with that user's own profile: CLIENTSCORE computes
  unopkg add -f            a copy of the .oxt with a higher version: updated
                           (without -s: the licence is not asked again on update)
  unopkg remove            gone from the list, CLIENTSCORE is #NAME? again,
                           and after that start nothing of it is left.
Every command is bounded by a timeout.
"""
import json
import os
import pwd
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import ROOT, main_oxt  # noqa: E402

OXT = os.path.abspath(main_oxt())
IDENTIFIER = "org.clientprune.extension"
UNOPKG = shutil.which("unopkg") or "/usr/lib/libreoffice/program/unopkg"
ERR_NAME = 525  # #NAME?

# Runs as the throw-away user, in its home, next to a copy of tools/calc.py:
# a headless Calc with the user's own profile computes a CLIENTSCORE.
CHECK = """
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calc import Calc
with Calc(None, profile=sys.argv[1], timeout=120) as calc:
    sheet = calc.new_sheet()
    calc.put(sheet, "A1", [[1], [2], [3]])
    calc.array(sheet, "B1:B3", "=CLIENTSCORE(A1:A3; 1)")
    calc.recalc()
    print(json.dumps([calc.value(sheet, c) for c in ("B1", "B2", "B3")]))
"""


def project_version():
    with open(os.path.join(ROOT, "CMakeLists.txt")) as f:
        return re.search(r"project\(ClientPrune VERSION ([0-9.]+)", f.read()).group(1)


def higher(version):
    parts = version.split(".")
    parts[-1] = str(int(parts[-1]) + 1)
    return ".".join(parts)


def with_version(oxt, version, out):
    """A copy of the .oxt whose description.xml says version."""
    with zipfile.ZipFile(oxt) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "description.xml":
                text, n = re.subn(r'(<version value=")[^"]*(")', r"\g<1>%s\g<2>" % version,
                                  data.decode("utf-8"))
                assert n == 1, "description.xml has no version"
                data = text.encode("utf-8")
            dst.writestr(item, data)


def descendants(pid):
    """Every process started, directly or not, by pid (from /proc)."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def parse_list(out):
    """{identifier: version} from `unopkg list`."""
    found, current = {}, None
    for line in out.splitlines():
        m = re.match(r"\s*Identifier:\s*(\S+)", line)
        if m:
            current = m.group(1)
            found[current] = None
        m = re.match(r"\s*Version:\s*(\S+)", line)
        if m and current:
            found[current] = m.group(1)
    return found


@unittest.skipUnless(hasattr(os, "geteuid") and os.geteuid() == 0,
                     "needs root to create (and remove) a throw-away user; run as root, e.g. in CI")
@unittest.skipUnless(shutil.which("useradd") and shutil.which("userdel"), "useradd/userdel not found")
class UnopkgTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.user = f"cpunopkg{os.getpid() % 1000000}"
        cls.base = tempfile.mkdtemp(prefix="clientprune-unopkg-")
        cls.addClassCleanup(shutil.rmtree, cls.base, ignore_errors=True)
        os.chmod(cls.base, 0o755)
        cls.home = os.path.join(cls.base, "home")
        subprocess.run(["useradd", "--system", "--create-home", "--home-dir", cls.home,
                        "--shell", "/bin/sh", cls.user], check=True, timeout=60)
        # Class clean-ups run even when the rest of the set-up fails.
        cls.addClassCleanup(cls.remove_user)
        entry = pwd.getpwnam(cls.user)
        cls.uid, cls.gid = entry.pw_uid, entry.pw_gid
        version = project_version()
        cls.version, cls.newer = version, higher(version)
        cls.oxt = os.path.join(cls.home, "clientprune.oxt")
        cls.newer_oxt = os.path.join(cls.home, f"clientprune-{cls.newer}.oxt")
        shutil.copyfile(OXT, cls.oxt)
        with_version(OXT, cls.newer, cls.newer_oxt)
        shutil.copyfile(os.path.join(ROOT, "tools", "calc.py"), os.path.join(cls.home, "calc.py"))
        with open(os.path.join(cls.home, "check.py"), "w") as f:
            f.write(CHECK)
        os.makedirs(os.path.join(cls.home, "tmp"))
        for dirpath, dirs, files in os.walk(cls.home):
            for name in dirs + files + [""]:
                os.chown(os.path.join(dirpath, name), cls.uid, cls.gid)
        cls.profile = os.path.join(cls.home, ".config", "libreoffice", "4")

    @classmethod
    def remove_user(cls):
        run = subprocess.run(["userdel", "--remove", cls.user], capture_output=True,
                             text=True, timeout=60)
        assert run.returncode in (0, 12), run.stderr  # 12: home already gone

    def as_user(self, *cmd, timeout=180, answer=None):
        """Run cmd as the throw-away user, answer on its standard input;
        (exit code, stdout, stderr)."""
        env = {"HOME": self.home, "USER": self.user, "LOGNAME": self.user, "LANG": "C.UTF-8",
               "PATH": "/usr/bin:/bin", "TMPDIR": os.path.join(self.home, "tmp")}
        proc = subprocess.Popen(cmd, user=self.uid, group=self.gid, extra_groups=[], env=env,
                                cwd=self.home, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            out, err = proc.communicate(answer or "", timeout=timeout)
        except subprocess.TimeoutExpired:
            for pid in descendants(proc.pid) + [proc.pid]:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            proc.communicate()
            self.fail(f"{' '.join(cmd)} did not finish in {timeout} s")
        return proc.returncode, out, err

    def unopkg(self, *args):
        code, out, err = self.as_user(UNOPKG, *args)
        self.assertEqual(code, 0, f"unopkg {' '.join(args)}: {out}\n{err}")
        return out

    def installed(self):
        return parse_list(self.unopkg("list")).get(IDENTIFIER)

    def clientscore(self):
        code, out, err = self.as_user("/usr/bin/python3", os.path.join(self.home, "check.py"),
                                      self.profile, timeout=240)
        self.assertEqual(code, 0, err)
        return [tuple(v) for v in json.loads(out.strip().splitlines()[-1])]

    def test_install_update_remove(self):
        self.assertIsNone(self.installed(), "installed before the test installed it")

        # Without -s the licence is shown and must be accepted: say no.
        _, out, err = self.as_user(UNOPKG, "add", self.oxt, answer="no\n")
        self.assertIn("GNU GENERAL PUBLIC LICENSE", out + err)
        self.assertIsNone(self.installed(), "installed although the licence was declined")

        self.unopkg("add", "-s", self.oxt)
        self.assertEqual(self.installed(), self.version)
        # Min-max rescaling of 1, 2, 3: 0, 50 and 100.
        self.assertEqual(self.clientscore(), [(0, 0.0), (0, 50.0), (0, 100.0)])

        self.unopkg("add", "-f", self.newer_oxt)
        listing = self.unopkg("list")
        self.assertEqual(parse_list(listing).get(IDENTIFIER), self.newer)
        self.assertEqual(listing.count(f"Identifier: {IDENTIFIER}"), 1, listing)
        self.assertEqual(self.clientscore(), [(0, 0.0), (0, 50.0), (0, 100.0)])

        self.unopkg("remove", IDENTIFIER)
        self.assertIsNone(self.installed())
        self.assertEqual([err for err, _ in self.clientscore()], [ERR_NAME] * 3)
        # LibreOffice deletes a removed extension's files at its next start
        # (the soffice just above): nothing of it is left in the profile.
        cache = os.path.join(self.profile, "user", "uno_packages", "cache")
        self.assertEqual(os.listdir(os.path.join(cache, "uno_packages")), [])
        for dirpath, _, files in os.walk(cache):
            for name in files:
                with open(os.path.join(dirpath, name), "rb") as f:
                    self.assertNotIn(b"clientprune", f.read().lower(), os.path.join(dirpath, name))


if __name__ == "__main__":
    unittest.main(verbosity=2)
