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

#include "cp_table.h"

namespace clientprune {

using Range = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

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

/* Core output as a Calc block of rows x cols, row-major (a result row, an
 * n x 2 curve): NaN becomes an empty result, -0 shows as 0. */
Range tableResult(const std::vector<double> &values, std::size_t rows, std::size_t cols);

/* One text per client as a Calc column; "" is an empty result. */
Range textColumnResult(const std::vector<const char *> &texts);

/* The number in a single cell (a share, a limit); throws for a block. */
double scalar(const Cells &c, const char *arg);

/* An optional single number: nullopt when omitted, left empty or "". */
std::optional<double> optionalScalar(const css::uno::Any &any, Blank blank, const char *arg);

/* Throws unless a per-client argument has the given number of rows. */
void requireRows(const Cells &c, std::size_t rows, const char *arg);

/* Maps a core status to a Calc error; returns only for CP_OK. */
void check(int status, const char *function);

/* Throws unless a per-criterion vector has n values. */
void requireCount(const Cells &c, std::size_t n, const char *arg);

/* Throws css::uno::RuntimeException (#VALUE!) with function: what. */
[[noreturn]] void runtimeError(const char *function, const char *what);

/* Runs one function body.  UNO exceptions pass to Calc (Err:502, Err:523);
 * anything else becomes a RuntimeException (#VALUE!), so no C++ exception
 * ever unwinds into Calc. */
template <class Body> Range guarded(const char *function, Body body)
{
    try {
        return body();
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
