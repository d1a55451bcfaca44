# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared set-up of the end-to-end tests: the Calc harness and the .oxt path."""
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools"))

from calc import Calc  # noqa: E402,F401


def main_oxt():
    """The .oxt path from argv or the CLIENTPRUNE_OXT environment variable."""
    for a in sys.argv[1:]:
        if a.endswith(".oxt"):
            sys.argv.remove(a)
            return a
    return os.environ.get("CLIENTPRUNE_OXT", "build/clientprune.oxt")
