#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A whole client book recalculated in a real headless Calc: table-mode
CLIENTSCORE + PRUNERANK + PRUNESET + RFMSCORE side by side with the same
results built from Calc's own functions, in one LibreOffice session.

    /usr/bin/python3 bench/e2e_book.py build/clientprune.oxt
        [--sizes 10000,20000,100000,1000000] [--builtin-max 20000] [--runs 3]
        [--rowmode 1000,2000,5000] [--breakdown]

For each size n a book of n clients is generated (5 criteria in A:E,
revenue in F, days since the last purchase, frequency and monetary value
in K:M; no blank cells, so the plain built-in construction is valid).  The
median of --runs runs of doc.calculateAll() is timed for

  ClientPrune  G = CLIENTSCORE(A:E; weights; directions), H = PRUNERANK(G;;F),
               I = PRUNESET(G; F; 0.1), J = RFMSCORE(K; L; M), array formulas;
  built-in     S = 100*SUMPRODUCT over MIN/MAX helper cells (the minmax
               score), T = RANK + COUNTIFS (ties by lower revenue),
               U = IF(SUMIFS(revenue of ranks <= own rank) <= 10 % of the
               total), V = 100 R + 10 F + M with each score
               MIN(5; 1 + INT(5 * COUNTIF(strictly worse) / COUNT)),
               one formula per client, filled down;

first the pair CLIENTSCORE + PRUNERANK (the issue's 3 s and 20x targets),
then all four.  The built-in side runs up to --builtin-max clients (its
COUNTIFS/SUMIFS/COUNTIF grow faster than n).  Every row of the two
constructions is compared (scores to 1e-9 relative, ranks, flags and codes
exactly) and the ratio is printed.

Where the time goes: the add-in's trace (CLIENTPRUNE_TRACE) gives for each
call the seconds spent converting arguments, converting the result and in
total (the rest of the call is the core); whatever else the recalculation
takes is Calc itself (building the argument arrays, storing the results
in the cells, the recalculation machinery).  At the largest size each of
the four functions is also recalculated alone over value inputs, so Calc's
share is known per function.

--rowmode times a filled-down row-mode CLIENTSCORE (one call per client,
each given the whole population) over those numbers of clients, checks it
against table mode, and splits its time the same way.
"""
import argparse
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from calc import Calc  # noqa: E402
import uno  # noqa: E402

W = [3, 1, 1, 2, 2]
D = [1, -1, -1, -1, 1]
FUNCTIONS = ("CLIENTSCORE", "PRUNERANK", "PRUNESET", "RFMSCORE")
TO_BOTTOM = uno.Enum("com.sun.star.sheet.FillDirection", "TO_BOTTOM")


def addin_formulas(last, scores="G"):
    s = f"{scores}2:{scores}{last}"
    return {
        "G": f"=CLIENTSCORE(A2:E{last};N1:R1;N2:R2)",
        "H": f"=PRUNERANK({s};;F2:F{last})",
        "I": f"=PRUNESET({s};F2:F{last};0.1)",
        "J": f"=RFMSCORE(K2:K{last};L2:L{last};M2:M{last})",
    }


def builtin_formulas(last):
    rng = lambda c: f"${c}$2:${c}${last}"  # noqa: E731
    return {
        "S": "=100*SUMPRODUCT($N$1:$R$1;(1-$N$2:$R$2)/2+$N$2:$R$2*(A2:E2-$Z$1:$AD$1)/($Z$2:$AD$2-$Z$1:$AD$1))"
             "/SUM($N$1:$R$1)",
        "T": f'=RANK(S2;{rng("S")};1)+COUNTIFS({rng("S")};S2;{rng("F")};"<"&F2)',
        "U": f'=IF(SUMIFS({rng("F")};{rng("T")};"<="&T2)<=0.1*$AE$1*(1+1E-12);1;0)',
        "V": "=" + "+".join(f'{w}*MIN(5;1+INT(5*COUNTIF({rng(c)};"{op}"&{c}2)/$AF$1))'
                            for w, c, op in ((100, "K", ">"), (10, "L", "<"), (1, "M", "<"))),
    }


def builtin_helpers(sheet, last):
    for j, c in enumerate("ABCDE"):
        h = ("Z", "AA", "AB", "AC", "AD")[j]
        sheet.getCellRangeByName(f"{h}1").setFormula(f"=MIN({c}2:{c}{last})")
        sheet.getCellRangeByName(f"{h}2").setFormula(f"=MAX({c}2:{c}{last})")
    sheet.getCellRangeByName("AE1").setFormula(f"=SUM(F2:F{last})")
    sheet.getCellRangeByName("AF1").setFormula(f"=COUNT(K2:K{last})")


def make_book(calc, n, seed=7):
    rnd = random.Random(seed)
    doc = calc.new_doc()
    sheet = doc.Sheets.getByIndex(0)
    step = 50000
    for start in range(0, n, step):
        m = min(step, n - start)
        crit = []
        rfm = []
        for _ in range(m):
            crit.append((float(rnd.randint(0, 200000)), float(rnd.randint(0, 5000)), float(rnd.randint(0, 400)),
                         round(rnd.uniform(0, 60), 1), float(rnd.randint(1, 5)), float(rnd.randint(0, 50000))))
            rfm.append((float(rnd.randint(0, 1095)), float(min(30, int(rnd.expovariate(0.3)))),
                        round(rnd.uniform(5, 500), 2)))
        sheet.getCellRangeByPosition(0, 1 + start, 5, start + m).setDataArray(tuple(crit))
        sheet.getCellRangeByPosition(10, 1 + start, 12, start + m).setDataArray(tuple(rfm))
    sheet.getCellRangeByName("N1:R1").setDataArray((tuple(float(w) for w in W),))
    sheet.getCellRangeByName("N2:R2").setDataArray((tuple(float(d) for d in D),))
    return doc, sheet


def timed_recalc(doc, runs, trace=None):
    """Median seconds of `runs` full recalculations, and the trace summed
    over them divided by runs (None without a trace)."""
    if trace:
        open(trace, "w").close()
    secs = []
    for _ in range(runs):
        t0 = time.perf_counter()
        doc.calculateAll()
        secs.append(time.perf_counter() - t0)
    return statistics.median(secs), (read_trace(trace, runs) if trace else None)


def read_trace(path, runs):
    """Per function: convert, result, total seconds and calls per recalculation."""
    per = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            fields = dict(kv.split("=") for kv in parts[1:])
            t = per.setdefault(parts[0], {"convert": 0.0, "result": 0.0, "total": 0.0, "calls": 0})
            for k in ("convert", "result", "total"):
                t[k] += float(fields[k]) / runs
            t["calls"] += 1 / runs
    open(path, "w").close()
    return per


def set_formulas(sheet, last, formulas, array):
    for col, f in formulas.items():
        rng = sheet.getCellRangeByName(f"{col}2:{col}{last}")
        if array:
            rng.setArrayFormula(f)
        else:
            sheet.getCellRangeByName(f"{col}2").setFormula(f)
            rng.fillAuto(TO_BOTTOM, 1)


def clear(sheet, cols, last):
    for c in cols:
        sheet.getCellRangeByName(f"{c}2:{c}{last}").clearContents(0x3ff)


def column(sheet, col, n):
    return [r[0] for r in sheet.getCellRangeByName(f"{col}2:{col}{n + 1}").getDataArray()]


def disagreements(sheet, n):
    """Rows where the add-in and the built-in construction differ, per function."""
    out = {}
    for fn, a, b, exact in (("CLIENTSCORE", "G", "S", False), ("PRUNERANK", "H", "T", True),
                            ("PRUNESET", "I", "U", True), ("RFMSCORE", "J", "V", True)):
        x, y = column(sheet, a, n), column(sheet, b, n)
        if exact:
            bad = sum(1 for p, q in zip(x, y) if p != q)
        else:
            bad = sum(1 for p, q in zip(x, y)
                      if not (isinstance(p, float) and isinstance(q, float)) or abs(p - q) > 1e-9 * max(1.0, abs(q)))
        out[fn] = bad
    return out


def bench_size(calc, n, runs, builtin, trace):
    doc, sheet = make_book(calc, n)
    last = n + 1
    r = {"n": n}
    formulas = addin_formulas(last)
    set_formulas(sheet, last, {k: formulas[k] for k in "GH"}, array=True)
    doc.calculateAll()  # the first recalculation also allocates the result cells
    r["addin_pair"], r["trace_pair"] = timed_recalc(doc, runs, trace)
    set_formulas(sheet, last, {k: formulas[k] for k in "IJ"}, array=True)
    doc.calculateAll()
    r["addin_all"], r["trace_all"] = timed_recalc(doc, runs, trace)
    if builtin:
        clear(sheet, "GHIJ", last)
        builtin_helpers(sheet, last)
        bf = builtin_formulas(last)
        set_formulas(sheet, last, {k: bf[k] for k in "ST"}, array=False)
        r["builtin_pair"] = builtin_time(doc, runs)
        set_formulas(sheet, last, {k: bf[k] for k in "UV"}, array=False)
        r["builtin_all"] = builtin_time(doc, runs)
        set_formulas(sheet, last, formulas, array=True)
        doc.calculateAll()
        r["disagree"] = disagreements(sheet, n)
    return doc, sheet, r


def builtin_time(doc, runs):
    """Like timed_recalc, but a first recalculation of more than 20 s is
    the only one (the built-in side at its largest sizes)."""
    t0 = time.perf_counter()
    doc.calculateAll()
    first = time.perf_counter() - t0
    if first > 20 or runs == 1:
        return first
    return timed_recalc(doc, runs)[0]


def breakdown(calc, doc, sheet, n, runs, trace, all_four):
    """Each function alone over value inputs, then all four together."""
    last = n + 1
    scores = column(sheet, "G", n)
    sheet.getCellRangeByName(f"W2:W{last}").setDataArray(tuple((s,) for s in scores))
    formulas = addin_formulas(last, scores="W")
    rows = []
    for fn, col in zip(FUNCTIONS, "GHIJ"):
        clear(sheet, "GHIJSTUV", last)
        set_formulas(sheet, last, {col: formulas[col]}, array=True)
        doc.calculateAll()
        t, tr = timed_recalc(doc, runs, trace)
        rows.append((fn, t, tr))
    rows.append(("all four (G:J as in the book)", all_four[0], all_four[1]))
    print(f"\nWhere the time goes at {n:,} clients, per recalculation (median of {runs}):")
    print(f"  {'':32} {'recalc':>8} {'calls':>5} {'arguments':>16} {'core':>16} {'result':>16} {'Calc itself':>16}")
    for fn, t, tr in rows:
        conv = sum(v["convert"] for v in tr.values())
        res = sum(v["result"] for v in tr.values())
        tot = sum(v["total"] for v in tr.values())
        calls = sum(v["calls"] for v in tr.values())
        core = tot - conv - res
        other = t - tot
        cell = lambda v: f"{v:7.3f} s {100 * v / t:5.1f} %"  # noqa: E731
        print(f"  {fn:32} {t:7.3f}s {calls:5.0f} {cell(conv):>16} {cell(core):>16} {cell(res):>16} {cell(other):>16}")
    print("  arguments / result: the glue's conversion (addin/convert.cxx); core: src/; Calc itself:\n"
          "  everything else (Calc building the argument arrays and storing the results).")


def rowmode(calc, sizes, runs, trace):
    print(f"\nRow mode: CLIENTSCORE(A2:E2;$N$1:$R$1;$N$2:$R$2;$A$2:$E$<last>) filled down, one call per "
          f"client (median of {runs}):")
    print(f"  {'clients':>8} {'recalc':>9} {'per call':>10} {'glue':>16} {'core':>16} {'Calc itself':>16}  "
          "= table mode")
    prev = None
    for n in sizes:
        doc, sheet = make_book(calc, n)
        last = n + 1
        sheet.getCellRangeByName("G2").setFormula(f"=CLIENTSCORE(A2:E2;$N$1:$R$1;$N$2:$R$2;$A$2:$E${last})")
        sheet.getCellRangeByName(f"G2:G{last}").fillAuto(TO_BOTTOM, 1)
        sheet.getCellRangeByName(f"H2:H{last}").setArrayFormula(f"=CLIENTSCORE(A2:E{last};N1:R1;N2:R2)")
        doc.calculateAll()
        g, h = column(sheet, "G", n), column(sheet, "H", n)
        same = all(abs(a - b) <= 1e-9 * max(1.0, abs(b)) for a, b in zip(g, h))
        clear(sheet, "H", last)
        t, tr = timed_recalc(doc, runs, trace)
        v = tr.get("CLIENTSCORE", {"convert": 0, "result": 0, "total": 0, "calls": 0})
        glue = v["convert"] + v["result"]
        core = v["total"] - glue
        other = t - v["total"]
        cell = lambda x: f"{x:7.3f} s {100 * x / t:5.1f} %"  # noqa: E731
        grow = f"  n^{math.log(t / prev[1]) / math.log(n / prev[0]):.2f}" if prev else ""
        print(f"  {n:8,} {t:8.3f}s {1e3 * t / n:7.3f} ms {cell(glue):>16} {cell(core):>16} {cell(other):>16}  "
              f"{'yes' if same else 'NO'}{grow}", flush=True)
        prev = (n, t)
        doc.close(True)
        calc.docs.remove(doc)


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def machine():
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
                 "unknown")
    mem = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    return (f"{os.cpu_count()} cores, {model}, {mem / 1048576:.1f} GB memory; "
            f"{time.strftime('%Y-%m-%d %H:%M %Z')}; load average {load()}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("oxt")
    ap.add_argument("--sizes", default="10000,20000,100000,1000000")
    ap.add_argument("--builtin-max", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rowmode", default="1000,2000,5000")
    ap.add_argument("--no-breakdown", action="store_true")
    opts = ap.parse_args()
    sizes = [int(s) for s in opts.sizes.split(",") if s]
    print(f"Machine: {machine()}")
    listed = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${Version}\n", "libreoffice-core*"],
                            capture_output=True, text=True).stdout.split("\n")
    version = next((line for line in listed if len(line.split()) == 2), "unknown")
    print(f"LibreOffice: Debian package {version}")
    print(f"Full recalculation (doc.calculateAll), median of {opts.runs}; built-in side up to "
          f"{opts.builtin_max:,} clients.")
    print(f"\n{'':9} {'CLIENTSCORE + PRUNERANK':^36}   {'+ PRUNESET + RFMSCORE (all four)':^36}")
    print(f"{'clients':>9} {'ClientPrune':>11} {'built-in':>11} {'ratio':>9}   {'ClientPrune':>11} {'built-in':>11} "
          f"{'ratio':>9}   rows that differ")
    trace = tempfile.NamedTemporaryFile(prefix="clientprune-trace-", delete=False).name
    try:
        with Calc(opts.oxt, env={"CLIENTPRUNE_TRACE": trace}, timeout=180) as calc:
            for n in sizes:
                doc, sheet, r = bench_size(calc, n, opts.runs, n <= opts.builtin_max, trace)
                if "builtin_pair" in r:
                    bad = ", ".join(f"{k} {v}" for k, v in r["disagree"].items())
                    print(f"{n:9,} {r['addin_pair']:10.3f}s {r['builtin_pair']:10.3f}s "
                          f"{r['builtin_pair'] / r['addin_pair']:8.1f}x   {r['addin_all']:10.3f}s "
                          f"{r['builtin_all']:10.3f}s {r['builtin_all'] / r['addin_all']:8.1f}x   {bad}", flush=True)
                else:
                    print(f"{n:9,} {r['addin_pair']:10.3f}s {'-':>11} {'-':>9}   {r['addin_all']:10.3f}s "
                          f"{'-':>11} {'-':>9}", flush=True)
                if n == max(sizes) and not opts.no_breakdown:
                    breakdown(calc, doc, sheet, n, opts.runs, trace, (r["addin_all"], r["trace_all"]))
                doc.close(True)
                calc.docs.remove(doc)
            rows = [int(s) for s in opts.rowmode.split(",") if s]
            if rows:
                rowmode(calc, rows, opts.runs, trace)
    finally:
        os.unlink(trace)
    print("\nTargets (issue 7): CLIENTSCORE + PRUNERANK over 1,000,000 clients < 3 s; at 20,000 clients\n"
          ">= 20x faster than the built-in construction; row mode over 5,000 clients < 2 s.")
    print(f"Load average at the end: {load()}")


if __name__ == "__main__":
    main()
