/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench_glue.cxx - the glue's conversions (addin/convert.cxx) timed outside
 * Calc, on what Calc hands over and takes back for 1,000,000 clients.
 * Figures only; built with the add-in (it needs the LibreOffice SDK).
 *
 * Arguments are built the way Calc's ScRangeToSequence::FillMixedArray
 * builds them (a sequence of rows of anys, numbers as double, blanks as
 * empty strings); results are read back and destroyed the way Calc's
 * ScUnoAddInCall::SetResult reads a sequence< sequence< any > >.  Times are
 * the thread's CPU time (so other programs on the machine matter little),
 * the minimum over 5 runs, in nanoseconds per cell or row.  Calc's own
 * share of a row (building, reading, destroying) is printed beside ours
 * for scale.
 */
#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

#include "convert.hxx"

using css::uno::Any;
using css::uno::Sequence;
using clientprune::Range;
using clientprune::TextRange;

namespace {

double cpu()
{
    timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

/* What Calc does with a result: read every cell, then destroy it. */
template <class R> double calcRead(const R &r)
{
    double sum = 0;
    for (const auto &row : r)
        for (const auto &cell : row) {
            double d;
            if constexpr (std::is_same_v<R, Range>)
                sum += (cell >>= d) ? d : 0.0;
            else
                sum += cell.getLength();
        }
    return sum;
}

/* Minimum CPU seconds of fn over 5 runs. */
double best(const std::function<void()> &fn)
{
    double b = 1e300;
    for (int r = 0; r < 5; r++) {
        const double t0 = cpu();
        fn();
        b = std::min(b, cpu() - t0);
    }
    return b;
}

volatile double sink;

/* Minimum CPU seconds over 5 runs of making a result (ours) and of reading
 * and destroying it (Calc's side). */
template <class Make> std::pair<double, double> resultTimes(Make make)
{
    double ours = 1e300, theirs = 1e300;
    for (int r = 0; r < 5; r++) {
        double t0 = cpu();
        auto result = make();
        double t1 = cpu();
        sink = calcRead(result);
        result = decltype(result)();
        double t2 = cpu();
        ours = std::min(ours, t1 - t0);
        theirs = std::min(theirs, t2 - t1);
    }
    return {ours, theirs};
}

/* A block as Calc passes it: n rows of m cells, 1 cell in 1000 blank. */
Range calcArgument(std::size_t n, std::size_t m)
{
    Range out(static_cast<sal_Int32>(n));
    Sequence<Any> *rows = out.getArray();
    const Any blank(rtl::OUString{});
    for (std::size_t i = 0; i < n; i++) {
        Sequence<Any> row(static_cast<sal_Int32>(m));
        Any *cell = row.getArray();
        for (std::size_t j = 0; j < m; j++)
            if ((i * m + j) % 1000 == 999)
                cell[j] = blank;
            else
                cell[j] <<= static_cast<double>((i * 7 + j * 13) % 100003) / 7.0;
        rows[i] = row;
    }
    return out;
}

void line(const char *what, double secs, std::size_t count, const char *unit, double calc = -1)
{
    std::printf("  %-46s %7.1f ns/%s  %7.1f ms per 10^6", what, 1e9 * secs / count, unit,
                1e3 * secs / count * 1e6);
    if (calc >= 0)
        std::printf("   (Calc's side: %5.1f ns/%s)", 1e9 * calc / count, unit);
    std::printf("\n");
}

} // namespace

int main()
{
    const std::size_t n = 1000000;
    std::printf("The glue's conversions (addin/convert.cxx) at %zu clients, thread CPU time, best of 5:\n", n);

    /* Arguments: Calc's building of them is given for scale. */
    double build5 = best([&] { Range r = calcArgument(n, 5); });
    Range table = calcArgument(n, 5), col = calcArgument(n, 1);
    line("cells(): criteria, 5 columns", best([&] {
             clientprune::cells(table, clientprune::Blank::Missing, "criteria");
         }),
         5 * n, "cell", build5);
    line("cells(): one column (scores, revenue)", best([&] {
             clientprune::cells(col, clientprune::Blank::Zero, "revenue");
         }),
         n, "cell");

    /* Results: distinct numbers (scores, ranks), 0/1 flags, codes, texts. */
    std::vector<double> distinct(n), flags(n), codes(n);
    std::vector<const char *> names(n);
    static const char *const abc[3] = {"A", "B", "C"};
    for (std::size_t i = 0; i < n; i++) {
        distinct[i] = (i % 1000 == 999) ? NAN : static_cast<double>(i) * 0.37;
        flags[i] = static_cast<double>((i * 2654435761u >> 7) % 2);
        codes[i] = static_cast<double>(100 * (1 + i % 5) + 10 * (1 + i / 5 % 5) + 1 + i / 25 % 5);
        names[i] = abc[(i * 2654435761u >> 9) % 3];
    }
    for (const auto &[what, values] : {std::pair{"columnResult(): distinct numbers (scores)", &distinct},
                                       std::pair{"columnResult(): 0/1 flags (PRUNESET)", &flags},
                                       std::pair{"columnResult(): RFM codes (RFMSCORE)", &codes}}) {
        auto [ours, theirs] = resultTimes([&] { return clientprune::columnResult(*values); });
        line(what, ours, n, "row", theirs);
    }
    auto [ours, theirs] = resultTimes([&] { return clientprune::textColumnResult(names); });
    line("textColumnResult(): 3 names (ABCCLASS)", ours, n, "row", theirs);
    return 0;
}
