#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Draw the extension's icon, the one the Extension Manager shows.

    python3 tools/make_icon.py OUT.png [--high-contrast] [--size 42]

The build calls this (addin/CMakeLists.txt), so the icon is source code, not
a binary in the repository.  The picture: a tile with four client bars, three
healthy green ones and a short red one cut off by a slanted line: the client
to prune.  The high-contrast variant is the same drawing in black, white and
yellow, for LibreOffice's high-contrast mode.  No dependency beyond the
standard library: shapes are sampled 4 x 4 times per pixel for smooth edges
and written as an 8-bit RGBA PNG with zlib.
"""
import argparse
import struct
import zlib

SUPERSAMPLE = 4
NORMAL = {"tile": (255, 255, 255), "border": (46, 110, 64), "bar": (67, 160, 71),
          "pruned": (211, 72, 54), "cut": (60, 60, 60)}
HIGH_CONTRAST = {"tile": (0, 0, 0), "border": (255, 255, 255), "bar": (255, 255, 255),
                 "pruned": (255, 214, 0), "cut": (255, 255, 255)}


def in_rounded_rect(x, y, x0, y0, x1, y1, r):
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def near_segment(x, y, ax, ay, bx, by, half_width):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return (x - px) ** 2 + (y - py) ** 2 <= half_width * half_width


def shapes(size, colours):
    """(test(x, y) in units of the icon's width 0..1, colour), bottom first."""
    bars = [(0.17, 0.55), (0.36, 0.38), (0.55, 0.24)]  # (left, top) of the healthy bars
    width, base = 0.15, 0.82
    out = [
        (lambda x, y: in_rounded_rect(x, y, 0.02, 0.02, 0.98, 0.98, 0.16), colours["border"]),
        (lambda x, y: in_rounded_rect(x, y, 0.08, 0.08, 0.92, 0.92, 0.11), colours["tile"]),
    ]
    for left, top in bars:
        out.append((lambda x, y, l=left, t=top: l <= x <= l + width and t <= y <= base, colours["bar"]))
    out.append((lambda x, y: 0.74 <= x <= 0.74 + width and 0.66 <= y <= base, colours["pruned"]))
    out.append((lambda x, y: near_segment(x, y, 0.70, 0.66, 0.93, 0.55, 0.025), colours["cut"]))
    return out


def render(size, colours):
    layers = shapes(size, colours)
    rows = []
    n = SUPERSAMPLE
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(n):
                for sx in range(n):
                    x = (px + (sx + 0.5) / n) / size
                    y = (py + (sy + 0.5) / n) / size
                    colour = None
                    for test, c in layers:
                        if test(x, y):
                            colour = c
                    if colour is not None:
                        acc[0] += colour[0]
                        acc[1] += colour[1]
                        acc[2] += colour[2]
                        acc[3] += 255
            covered = acc[3] // 255
            if covered:
                row += bytes((acc[0] // covered, acc[1] // covered, acc[2] // covered,
                              acc[3] // (n * n)))
            else:
                row += b"\0\0\0\0"
        rows.append(bytes(row))
    return rows


def png(rows, size):
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = b"".join(b"\0" + r for r in rows)  # filter type 0 on every row
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--high-contrast", action="store_true")
    ap.add_argument("--size", type=int, default=42)
    opts = ap.parse_args()
    if not 8 <= opts.size <= 512:
        ap.error("--size must be between 8 and 512")
    colours = HIGH_CONTRAST if opts.high_contrast else NORMAL
    with open(opts.out, "wb") as f:
        f.write(png(render(opts.size, colours), opts.size))


if __name__ == "__main__":
    main()
