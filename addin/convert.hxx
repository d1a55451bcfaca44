/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * convert.hxx - Calc arguments in, Calc results out.
 *
 * Ranges arrive as sequence< sequence< any > >: numbers as double, text as
 * string, blank cells as an empty string.  Cells flattens one into a
 * row-major vector of doubles the glue owns, with blanks turned into what
 * the argument's rule says (NaN = not known, 0, or an invalid argument) and
 * any text rejected.  Every rejection throws IllegalArgumentException, which
 * Calc shows as Err:502.
 */
#ifndef CLIENTPRUNE_CONVERT_HXX
#define CLIENTPRUNE_CONVERT_HXX

#include <cstddef>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Exception.hpp>
#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

#include "cp_table.h"

namespace clientprune {

using Range = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;
/* The result type of text-only functions (returns = "text" in the table):
 * Calc interns this text, so it compares and looks up like typed text. */
using TextRange = css::uno::Sequence<css::uno::Sequence<rtl::OUString>>;

/* What a blank cell means for an argument. */
enum class Blank {
    Missing, /* not known: NaN for the core */
    Zero,    /* counts as 0 (money, drivers, flags) */
    Invalid  /* not allowed: weights, directions, parameters */
};

/* A converted block of cells, row-major. */
struct Cells {
    std::vector<double> v;
    std::size_t rows = 0, cols = 0;
    std::size_t blankTail = 0; /* rows at the end that were entirely blank */

    /* Rows worth a result: all of them, unless a whole-column reference
     * left a run of TRIM_BLANK_ROWS or more blank rows at the end (see
     * convert.cxx); then those are not clients. */
    std::size_t clientRows() const;

    cp_table table() const { return cp_table{v.data(), rows, cols, cols}; }
    const double *data() const { return v.data(); }
    std::size_t size() const { return v.size(); }
};

/* Throws IllegalArgumentException naming the argument and the reason. */
[[noreturn]] void invalid(const char *arg, const char *why);

/* A required range (a single value is a 1 x 1 range). */
Cells cells(const Range &range, Blank blank, const char *arg);

/* An optional argument: nullopt when omitted, left empty or given as "". */
std::optional<Cells> optionalCells(const css::uno::Any &any, Blank blank, const char *arg);

/* An option name (text): nullopt when omitted, empty or "". Numbers are invalid. */
std::optional<std::string> optionalText(const css::uno::Any &any, const char *arg);

/* Shape rules, passing the cells through.  vector: one row or one column
 * (weights, directions, parameters); column: one value per client. */
Cells vector(Cells c, const char *arg);
Cells column(Cells c, const char *arg);

/* Core output as a Calc column: NaN becomes an empty result (""). */
Range columnResult(const std::vector<double> &values);
/* (These per-client results leave off a run of 65,536 or more empty rows at
 * the end, which only a whole-column reference produces: see convert.cxx.) */

/* Core output as a Calc block of rows x cols, row-major (a result row, an
 * n x 2 curve): NaN becomes an empty result, -0 shows as 0. */
Range tableResult(const std::vector<double> &values, std::size_t rows, std::size_t cols);

/* Core output as one Calc row (a multi-value result, headline first). */
Range rowResult(const std::vector<double> &values);

/* One text per client as a Calc column; NULL or "" is an empty result.  A
 * sequence of strings, not of anys: Calc 7.4 interns only those, so "=",
 * COUNTIF, MATCH and VLOOKUP find the text (see addin/functions/README.md). */
TextRange textColumnResult(const std::vector<const char *> &texts);

/* The number in a single cell (a share, a limit); throws for a block.  The
 * Range form takes a required argument, where a blank or text is invalid. */
double scalar(const Cells &c, const char *arg);
double scalar(const Range &range, const char *arg);

/* An optional single number: nullopt when omitted, left empty or "".  The
 * form without a Blank rule treats a blank as invalid. */
std::optional<double> optionalScalar(const css::uno::Any &any, Blank blank, const char *arg);
std::optional<double> optionalScalar(const css::uno::Any &any, const char *arg);

/* x when it is a whole number from lo to hi (negative zero counts as 0);
 * otherwise invalid. */
double wholeNumber(double x, double lo, double hi, const char *arg);

/* Throws unless a per-client argument has the given number of rows. */
void requireRows(const Cells &c, std::size_t rows, const char *arg);

/* Maps a core status to a Calc error; returns only for CP_OK. */
void check(int status, const char *function);

/* Throws unless a per-criterion vector has n values. */
void requireCount(const Cells &c, std::size_t n, const char *arg);

/* Where a call's time goes, for the benchmarks.  When the environment
 * variable CLIENTPRUNE_TRACE names a file, guarded() appends one line per
 * call: the function, the cells converted, and the seconds spent converting
 * arguments, converting the result and in total (the rest is the core).
 * Without the variable this costs one branch per conversion. */
struct Trace {
    double convert = 0.0, result = 0.0;
    std::size_t cells = 0;
};
const char *tracePath();
Trace &trace();
double traceClock();
class TraceScope
{
    double *acc_;
    double t0_;

public:
    explicit TraceScope(double &acc) : acc_(tracePath() ? &acc : nullptr), t0_(acc_ ? traceClock() : 0.0) {}
    ~TraceScope()
    {
        if (acc_)
            *acc_ += traceClock() - t0_;
    }
    TraceScope(const TraceScope &) = delete;
    TraceScope &operator=(const TraceScope &) = delete;
};
void traceWrite(const char *function, double total);

/* CLIENTSCORE's weights and optional directions for cols criteria: each a
 * row or column of cols values, no blank. */
struct Weighting {
    Cells weights;
    std::optional<Cells> directions;
    const double *directionData() const { return directions ? directions->data() : nullptr; }
};
Weighting weighting(const Range &weights, const css::uno::Any &directions, std::size_t cols);

/* Throws css::uno::RuntimeException (#VALUE!) with function: what. */
[[noreturn]] void runtimeError(const char *function, const char *what);

/* Runs one function body.  UNO exceptions pass to Calc (Err:502, Err:523);
 * anything else becomes a RuntimeException (#VALUE!), so no C++ exception
 * ever unwinds into Calc. */
template <class Body> auto guarded(const char *function, Body body) -> decltype(body())
{
    try {
        if (!tracePath())
            return body();
        trace() = Trace();
        const double t0 = traceClock();
        auto result = body();
        traceWrite(function, traceClock() - t0);
        return result;
    } catch (const css::uno::Exception &) {
        throw;
    } catch (const std::bad_alloc &) {
        runtimeError(function, "out of memory");
    } catch (const std::exception &e) {
        runtimeError(function, e.what());
    } catch (...) {
        runtimeError(function, "internal error");
    }
}

} // namespace clientprune

#endif
