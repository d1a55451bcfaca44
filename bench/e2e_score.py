#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""CLIENTSCORE + PRUNERANK through a real headless Calc, side by side with
the same results built from Calc's own functions, in one LibreOffice session.

    /usr/bin/python3 bench/e2e_score.py build/clientprune.oxt [--sizes 10000,100000,1000000]
                                        [--builtin-max 20000] [--runs 3] [--rowmode 5000]

For each size n a book of n clients x 5 criteria (plus revenue) is generated;
the time of doc.calculateAll() is measured (median of --runs runs) for
  - ClientPrune: table-mode CLIENTSCORE and PRUNERANK as two array formulas;
  - built-in: per-row SUMPRODUCT over MIN/MAX helper rows for the minmax
    score and RANK + COUNTIFS for the rank with the revenue tie-break
    (up to --builtin-max clients: it grows as n^2 through COUNTIFS);
both must agree to 1e-9 (checked on every row), and the ratio is printed.
--rowmode N also times a filled-down row-mode CLIENTSCORE over N clients.

For the largest size, the add-in's own trace (CLIENTPRUNE_TRACE) splits the
recalculation into argument conversion in the glue, the core, result
conversion in the glue, and everything else (Calc itself: building the
arguments, storing the results, the recalculation machinery).
"""
import argparse
import os
import random
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from calc import Calc  # noqa: E402

W = [3, 1, 1, 2, 2]
D = [1, -1, -1, -1, 1]


def make_book(calc, n, seed=7):
    rnd = random.Random(seed)
    doc = calc.new_doc()
    sheet = doc.Sheets.getByIndex(0)
    rows = tuple((float(rnd.randint(0, 200000)), float(rnd.randint(0, 5000)), float(rnd.randint(0, 400)),
                  round(rnd.uniform(0, 60), 1), float(rnd.randint(1, 5)), float(rnd.randint(0, 5)))
                 for _ in range(n))
    # A..E criteria, F revenue (= a copy of A for the tie-break), from row 2
    step = 50000
    for start in range(0, n, step):
        chunk = rows[start:start + step]
        sheet.getCellRangeByPosition(0, 1 + start, 5, start + len(chunk)).setDataArray(chunk)
    sheet.getCellRangeByName("N1:R1").setDataArray((tuple(float(w) for w in W),))
    sheet.getCellRangeByName("N2:R2").setDataArray((tuple(float(d) for d in D),))
    return doc, sheet


def timed_recalc(doc, runs):
    secs = []
    for _ in range(runs):
        t0 = time.perf_counter()
        doc.calculateAll()
        secs.append(time.perf_counter() - t0)
    return statistics.median(secs)


def read_trace(path):
    """Sum the trace lines written since the file was last emptied."""
    tot = {"convert": 0.0, "result": 0.0, "total": 0.0, "calls": 0}
    with open(path) as f:
        for line in f:
            fields = dict(kv.split("=") for kv in line.split()[1:])
            for k in ("convert", "result", "total"):
                tot[k] += float(fields[k])
            tot["calls"] += 1
    open(path, "w").close()
    return tot


def column(sheet, col, n):
    return [r[0] for r in sheet.getCellRangeByPosition(col, 1, col, n).getDataArray()]


def bench_size(calc, n, runs, builtin, trace=None):
    doc, sheet = make_book(calc, n)
    last = n + 1
    # ClientPrune: G = score, H = rank
    sheet.getCellRangeByName(f"G2:G{last}").setArrayFormula(f"=CLIENTSCORE(A2:E{last};N1:R1;N2:R2)")
    sheet.getCellRangeByName(f"H2:H{last}").setArrayFormula(f"=PRUNERANK(G2:G{last};;F2:F{last})")
    doc.calculateAll()  # warm-up: the first recalculation also allocates the result cells
    if trace:
        open(trace, "w").close()
    t_addin = timed_recalc(doc, runs)
    result = {"n": n, "addin": t_addin}
    if trace:
        t = read_trace(trace)
        result["trace"] = {k: (v / runs if k != "calls" else v) for k, v in t.items()}
    if builtin:
        # helper rows 1..: min in T1:X1, max in T2:X2
        for j, c in enumerate("ABCDE"):
            t = "TUVWX"[j]
            sheet.getCellRangeByName(f"{t}1").setFormula(f"=MIN({c}$2:{c}${last})")
            sheet.getCellRangeByName(f"{t}2").setFormula(f"=MAX({c}$2:{c}${last})")
        # I = score: sum_j w_j ((1-d_j)/2 + d_j (x - min)/(max - min)) / sum w * 100
        sheet.getCellRangeByName("I2").setFormula(
            "=100*SUMPRODUCT($N$1:$R$1;(1-$N$2:$R$2)/2+$N$2:$R$2*(A2:E2-$T$1:$X$1)/($T$2:$X$2-$T$1:$X$1))"
            "/SUM($N$1:$R$1)")
        # J = rank with the revenue tie-break
        sheet.getCellRangeByName("J2").setFormula(
            f"=RANK(I2;$I$2:$I${last};1)+COUNTIFS($I$2:$I${last};I2;$F$2:$F${last};\"<\"&F2)")
        sheet.getCellRangeByName(f"I2:J{last}").fillAuto(
            __import__("uno").Enum("com.sun.star.sheet.FillDirection", "TO_BOTTOM"), 1)
        # time the built-in construction alone: blank the add-in formulas
        sheet.getCellRangeByName(f"G2:H{last}").clearContents(0x3ff)
        t_builtin = timed_recalc(doc, runs)
        sheet.getCellRangeByName(f"G2:G{last}").setArrayFormula(f"=CLIENTSCORE(A2:E{last};N1:R1;N2:R2)")
        sheet.getCellRangeByName(f"H2:H{last}").setArrayFormula(f"=PRUNERANK(G2:G{last};;F2:F{last})")
        doc.calculateAll()
        g, h, i, j = (column(sheet, c, n) for c in (6, 7, 8, 9))
        bad = sum(1 for a, b in zip(g, i) if abs(a - b) > 1e-9 * max(1, abs(b)))
        bad += sum(1 for a, b in zip(h, j) if a != b)
        result.update(builtin=t_builtin, disagree=bad)
    doc.close(True)
    calc.docs.remove(doc)
    return result


def bench_rowmode(calc, n, runs):
    doc, sheet = make_book(calc, n)
    last = n + 1
    sheet.getCellRangeByName("G2").setFormula(f"=CLIENTSCORE(A2:E2;$N$1:$R$1;$N$2:$R$2;$A$2:$E${last})")
    sheet.getCellRangeByName(f"G2:G{last}").fillAuto(
        __import__("uno").Enum("com.sun.star.sheet.FillDirection", "TO_BOTTOM"), 1)
    t = timed_recalc(doc, runs)
    doc.close(True)
    calc.docs.remove(doc)
    return t


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("oxt")
    ap.add_argument("--sizes", default="10000,20000,100000,1000000")
    ap.add_argument("--builtin-max", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rowmode", type=int, default=5000)
    opts = ap.parse_args()
    print("Table-mode CLIENTSCORE + PRUNERANK, n clients x 5 criteria, full recalculation "
          f"(median of {opts.runs})")
    print(f"{'clients':>9} {'ClientPrune':>12} {'built-in':>12} {'ratio':>8}  agree")
    trace = tempfile.NamedTemporaryFile(prefix="clientprune-trace-", delete=False).name
    sizes = [int(s) for s in opts.sizes.split(",")]
    breakdown = None
    with Calc(opts.oxt, env={"CLIENTPRUNE_TRACE": trace}) as calc:
        for n in sizes:
            r = bench_size(calc, n, opts.runs, n <= opts.builtin_max, trace if n == max(sizes) else None)
            if "trace" in r:
                breakdown = r
            if "builtin" in r:
                print(f"{n:9d} {r['addin']:11.3f}s {r['builtin']:11.3f}s {r['builtin'] / r['addin']:7.1f}x  "
                      f"{'yes' if r['disagree'] == 0 else 'NO: %d rows differ' % r['disagree']}", flush=True)
            else:
                print(f"{n:9d} {r['addin']:11.3f}s {'-':>12} {'-':>8}", flush=True)
        if breakdown:
            t, total = breakdown["trace"], breakdown["addin"]
            core = t["total"] - t["convert"] - t["result"]
            other = total - t["total"]
            print(f"\nWhere the time goes at {breakdown['n']} clients (per recalculation, both functions):")
            for name, v in (("argument conversion (glue)", t["convert"]), ("core", core),
                            ("result conversion (glue)", t["result"]), ("Calc itself", other)):
                print(f"  {name:28s} {v:7.3f} s  {100 * v / total:5.1f} %")
        if opts.rowmode:
            t = bench_rowmode(calc, opts.rowmode, opts.runs)
            print(f"\nRow mode: CLIENTSCORE filled down over {opts.rowmode} clients: {t:.3f} s "
                  "(target < 2 s)")
    print("Targets: 1,000,000 clients < 3 s; at 20,000 clients >= 20x faster than built-in.")
    os.unlink(trace)


if __name__ == "__main__":
    main()
