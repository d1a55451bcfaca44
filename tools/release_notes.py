#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The extension's description text, with the release notes of this version.

    python3 tools/release_notes.py --version X.Y.Z --notes RELEASE-NOTES.md \\
        --description packaging/description-en.txt OUT.txt

LibreOffice 7.4 reads <release-notes> only from an online update feed (the
Extension Update dialog), never from an installed or installing .oxt, so the
notes of the version being built go into the description text that the
Extension Manager shows.  Fails when RELEASE-NOTES.md has no section for the
version: a version is not released without its notes.
"""
import argparse
import re
import sys


def section(notes, version):
    """The lines under '## VERSION' up to the next '## ' heading, or None."""
    lines, inside = [], False
    for line in notes.splitlines():
        if line.startswith("## "):
            if inside:
                break
            inside = re.match(r"## +%s(\s|$)" % re.escape(version), line) is not None
            continue
        if inside:
            lines.append(line.rstrip())
    if not inside and not lines:
        return None
    text = "\n".join(lines).strip()
    return text or None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", required=True)
    ap.add_argument("--notes", required=True)
    ap.add_argument("--description", required=True)
    ap.add_argument("out")
    opts = ap.parse_args()
    with open(opts.notes, encoding="utf-8") as f:
        notes = section(f.read(), opts.version)
    if notes is None:
        sys.exit(f"{opts.notes} has no section '## {opts.version}': write the release notes "
                 f"of version {opts.version} there")
    with open(opts.description, encoding="utf-8") as f:
        description = f.read().rstrip()
    with open(opts.out, "w", encoding="utf-8") as f:
        f.write(f"{description}\n\nWhat is new in version {opts.version}:\n{notes}\n")


if __name__ == "__main__":
    main()
