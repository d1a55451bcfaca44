/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "convert.hxx"

#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/NoConvergenceException.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <cppu/unotype.hxx>
#include <osl/interlck.h>
#include <rtl/alloc.h>
#include <typelib/typedescription.h>
#include <uno/any2.h>
#include <rtl/ustring.hxx>

#include "cp_status.h"

using css::uno::Any;
using css::uno::TypeClass_DOUBLE;
using css::uno::TypeClass_STRING;
using css::uno::TypeClass_VOID;

namespace clientprune {

namespace {

rtl::OUString ascii(const std::string &s)
{
    return rtl::OStringToOUString(rtl::OString(s.c_str()), RTL_TEXTENCODING_UTF8);
}

/* One cell's number, or what a blank means under the rule; throws for text. */
double cellValue(const Any &a, Blank blank, const char *arg)
{
    switch (a.getValueTypeClass()) {
    case TypeClass_DOUBLE:
        return *static_cast<const double *>(a.getValue());
    case TypeClass_VOID:
        break;
    case TypeClass_STRING:
        if (static_cast<const rtl::OUString *>(a.getValue())->isEmpty())
            break;
        invalid(arg, "text where a number is required");
    default: {
        double d;
        if (a >>= d) // other numeric types
            return d;
        invalid(arg, "a value that is not a number");
    }
    }
    switch (blank) {
    case Blank::Missing: return NAN;
    case Blank::Zero: return 0.0;
    case Blank::Invalid: break;
    }
    invalid(arg, "a blank cell where a value is required");
}

const Range *asRange(const Any &a)
{
    if (a.getValueType() == cppu::UnoType<Range>::get())
        return static_cast<const Range *>(a.getValue());
    return nullptr;
}

/* A blank cell (an empty string in a range), or an optional argument left
 * out (void), left empty or given as "". */
bool isBlank(const Any &a)
{
    return !a.hasValue() || (a.getValueTypeClass() == TypeClass_STRING &&
                             static_cast<const rtl::OUString *>(a.getValue())->isEmpty());
}

} // namespace

void invalid(const char *arg, const char *why)
{
    throw css::lang::IllegalArgumentException(
        ascii(std::string(arg) + ": " + why), css::uno::Reference<css::uno::XInterface>(), 0);
}

const char *tracePath()
{
    static const char *const path = std::getenv("CLIENTPRUNE_TRACE");
    return path;
}

Trace &trace()
{
    static thread_local Trace t;
    return t;
}

double traceClock()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void traceWrite(const char *function, double total)
{
    /* Opened once, so a filled-down column of calls is not slowed by an
     * open and close per call; each line is flushed, so a reader that
     * empties the file between recalculations sees the next ones (append
     * mode writes at the end, wherever that is now). */
    static std::FILE *const f = std::fopen(tracePath(), "a");
    if (f) {
        const Trace &t = trace();
        std::fprintf(f, "%s cells=%zu convert=%.6f result=%.6f total=%.6f\n", function, t.cells,
                     t.convert, t.result, total);
        std::fflush(f);
    }
}

/* Whole-column references.  A reference such as A:E hands the add-in a
 * million rows, nearly all blank.  Calc 7.4 takes minutes to store a result
 * with that many non-numeric elements (empty or text) in an ordinary
 * (non-array) cell: its time grows with the square of their number.  So a
 * run of at least TRIM_BLANK_ROWS empty result rows at the end is left off
 * (at least one row is kept), and functions whose blank inputs give text
 * (ABCCLASS: a blank counts 0, class C) or 0 (COSTTOSERVE, COSTALLOCATE)
 * give no result for such a run of blank input rows.  Functions that sum up
 * the clients (CONCENTRATION, WHALECURVE, WHALEPEAK) leave it out too: a
 * million clients of revenue 0 would change the Gini and the shares of
 * clients.  In an array formula those cells then show #N/A, as Calc shows
 * beyond any shorter result.  Shorter runs, as in a range sized for growth
 * (A2:E5000), are returned in full: there a blank counts as the function's
 * help says. */
constexpr std::size_t TRIM_BLANK_ROWS = 65536;

std::size_t Cells::clientRows() const
{
    return blankTail >= TRIM_BLANK_ROWS && blankTail < rows ? rows - blankTail : rows;
}

Cells cells(const Range &range, Blank blank, const char *arg)
{
    TraceScope timing(trace().convert);
    Cells c;
    c.rows = static_cast<std::size_t>(range.getLength());
    c.cols = c.rows ? static_cast<std::size_t>(range[0].getLength()) : 0;
    if (c.rows == 0 || c.cols == 0)
        invalid(arg, "an empty range");
    /* One allocation and one pass; a number (nearly every cell) costs one
     * type test. */
    c.v.resize(c.rows * c.cols);
    double *out = c.v.data();
    const double blankValue = blank == Blank::Zero ? 0.0 : NAN;
    for (const auto &row : range) {
        if (static_cast<std::size_t>(row.getLength()) != c.cols)
            invalid(arg, "a range that is not rectangular");
        bool rowBlank = true;
        for (const Any &a : row) {
            double x;
            if (a.getValueTypeClass() == TypeClass_DOUBLE) {
                x = *static_cast<const double *>(a.getValue());
                rowBlank = false;
            } else if (isBlank(a)) {
                if (blank == Blank::Invalid)
                    invalid(arg, "a blank cell where a value is required");
                x = blankValue;
            } else {
                x = cellValue(a, blank, arg); /* text is invalid; other number types */
                rowBlank = false;
            }
            if (std::isinf(x))
                invalid(arg, "a value that is not a finite number");
            *out++ = x;
        }
        c.blankTail = rowBlank ? c.blankTail + 1 : 0;
    }
    trace().cells += c.v.size();
    return c;
}

std::optional<Cells> optionalCells(const Any &any, Blank blank, const char *arg)
{
    if (isBlank(any))
        return std::nullopt;
    if (const Range *r = asRange(any))
        return cells(*r, blank, arg);
    Cells c;
    c.rows = c.cols = 1;
    c.v.push_back(cellValue(any, blank, arg));
    if (std::isinf(c.v[0]))
        invalid(arg, "a value that is not a finite number");
    return c;
}

std::optional<std::string> optionalText(const Any &any, const char *arg)
{
    if (isBlank(any))
        return std::nullopt;
    rtl::OUString s;
    if (!(any >>= s))
        invalid(arg, "a number where an option name is required");
    return std::string(rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8).getStr());
}

Cells vector(Cells c, const char *arg)
{
    if (c.rows != 1 && c.cols != 1)
        invalid(arg, "a block of cells where one row or one column is required");
    return c;
}

Cells column(Cells c, const char *arg)
{
    if (c.cols != 1)
        invalid(arg, "several columns where one value per client is required");
    return c;
}

template <class IsEmpty> std::size_t keptRows(std::size_t rows, IsEmpty isEmpty)
{
    std::size_t last = rows;
    while (last > 0 && isEmpty(last - 1))
        last--;
    if (rows - last < TRIM_BLANK_ROWS)
        return rows;
    return last > 0 ? last : 1;
}

/* One-cell result rows shared by value.  UNO sequences are reference
 * counted and Calc only reads them, so rows holding the same value can be
 * one sequence: a flag, a code or a class repeated over a million clients
 * then costs a reference count per row instead of an allocation (and Calc
 * frees three rows, not a million).  A direct-mapped table of recent
 * values: a new value, or one whose slot another value took, gets a fresh
 * row, which its slot then keeps. */
template <class Key, class Row> class SharedRows
{
    struct Slot {
        Key key{};
        bool used = false;
        Row row{};
    };
    std::array<Slot, 256> slots_;

    std::size_t calls_ = 0, hits_ = 0;
    bool bypass_ = false;

public:
    /* Sets *row to the row of key: the one kept in its slot, or a new one
     * from make(). */
    template <class Make> void set(Row *row, Key key, std::uint64_t hash, Make make)
    {
        /* Values that hardly repeat (scores, ranks) skip the table after a
         * first look, so they cost no more than rows made one by one. */
        if (calls_++ == 4096 && hits_ < 512)
            bypass_ = true;
        if (bypass_) {
            *row = make();
            return;
        }
        Slot &s = slots_[(hash * 0x9E3779B97F4A7C15u) >> 56];
        if (s.used && s.key == key) {
            hits_++;
        } else {
            s.key = key;
            s.used = true;
            s.row = make();
        }
        *row = s.row;
    }
};

/* The rows of a one-column number result, built directly in UNO's C
 * layout (sal_Sequence of uno_Any, the binary UNO ABI of uno/any2.h and
 * sal/types.h), which is what a Sequence< Sequence< Any > > is in memory.
 * Built through the C++ classes every row costs a generic sequence
 * construction, a copied Any and two reference-count round trips, about
 * 80 ns; here a row is one allocation and five stores, about 17 ns
 * (bench/bench_glue), which at a million clients is a tenth of a second
 * per function off Calc's recalculation.  A double Any keeps its value in
 * pReserved, as cppu's own construction does where a pointer can hold a
 * double; Calc reads and frees these rows like any other. */
static_assert(sizeof(void *) >= sizeof(double), "a double Any is stored inline");

class NumberRows
{
    sal_Sequence *outer_ = nullptr;
    std::size_t filled_ = 0;
    typelib_TypeDescriptionReference *double_ = *typelib_static_type_getByTypeClass(typelib_TypeClass_DOUBLE);
    css::uno::Sequence<Any> emptyRow_; /* one cell holding "", shared */

    sal_Sequence **rows() { return reinterpret_cast<sal_Sequence **>(outer_->elements); }

public:
    explicit NumberRows(std::size_t n)
    {
        const Any empty(rtl::OUString{});
        emptyRow_ = css::uno::Sequence<Any>(&empty, 1);
        outer_ = static_cast<sal_Sequence *>(rtl_allocateMemory(SAL_SEQUENCE_HEADER_SIZE + n * sizeof(sal_Sequence *)));
        if (outer_ == nullptr)
            throw std::bad_alloc();
        outer_->nRefCount = 1;
        outer_->nElements = static_cast<sal_Int32>(n);
    }
    NumberRows(const NumberRows &) = delete;
    NumberRows &operator=(const NumberRows &) = delete;
    ~NumberRows()
    {
        if (outer_ == nullptr)
            return;
        /* Unfinished (an allocation failed): complete it, then let the
         * C++ class free what was built. */
        while (filled_ < static_cast<std::size_t>(outer_->nElements))
            append(empty());
        Range discard(outer_, SAL_NO_ACQUIRE);
    }

    /* A new row holding x, not yet appended (reference count 0). */
    sal_Sequence *number(double x)
    {
        auto *row = static_cast<sal_Sequence *>(rtl_allocateMemory(SAL_SEQUENCE_HEADER_SIZE + sizeof(uno_Any)));
        if (row == nullptr)
            throw std::bad_alloc();
        row->nRefCount = 0;
        row->nElements = 1;
        auto *cell = reinterpret_cast<uno_Any *>(row->elements);
        typelib_typedescriptionreference_acquire(double_);
        cell->pType = double_;
        std::memcpy(&cell->pReserved, &x, sizeof x);
        cell->pData = &cell->pReserved;
        return row;
    }
    /* The row of the empty result (shared). */
    sal_Sequence *empty() { return emptyRow_.get(); }
    /* Appends a row (its reference count goes up). */
    void append(sal_Sequence *row)
    {
        osl_atomic_increment(&row->nRefCount);
        rows()[filled_++] = row;
    }
    Range release()
    {
        Range out(outer_, SAL_NO_ACQUIRE);
        outer_ = nullptr;
        return out;
    }
};

Range columnResult(const std::vector<double> &values)
{
    TraceScope timing(trace().result);
    const std::size_t n = keptRows(values.size(), [&](std::size_t i) { return std::isnan(values[i]); });
    NumberRows rows(n);
    SharedRows<std::uint64_t, sal_Sequence *> shared;
    for (std::size_t i = 0; i < n; i++) {
        const double x = values[i] + 0.0; /* -0 shows as 0 */
        if (std::isnan(x)) {
            rows.append(rows.empty());
            continue;
        }
        std::uint64_t bits;
        std::memcpy(&bits, &x, sizeof bits);
        sal_Sequence *row;
        shared.set(&row, bits, bits, [&] { return rows.number(x); });
        rows.append(row);
    }
    return rows.release();
}

Range tableResult(const std::vector<double> &values, std::size_t rows, std::size_t cols)
{
    TraceScope timing(trace().result);
    rows = keptRows(rows, [&](std::size_t i) {
        for (std::size_t j = 0; j < cols; j++)
            if (!std::isnan(values[i * cols + j]))
                return false;
        return true;
    });
    Range out(static_cast<sal_Int32>(rows));
    css::uno::Sequence<Any> *r = out.getArray();
    const Any empty(rtl::OUString{});
    for (std::size_t i = 0; i < rows; i++) {
        r[i].realloc(static_cast<sal_Int32>(cols));
        Any *cell = r[i].getArray();
        for (std::size_t j = 0; j < cols; j++) {
            double x = values[i * cols + j];
            if (std::isnan(x))
                cell[j] = empty;
            else
                cell[j] <<= x + 0.0; /* -0 shows as 0 */
        }
    }
    return out;
}

Range rowResult(const std::vector<double> &values)
{
    return tableResult(values, 1, values.size());
}

TextRange textColumnResult(const std::vector<const char *> &texts)
{
    TraceScope timing(trace().result);
    const std::size_t n =
        keptRows(texts.size(), [&](std::size_t i) { return texts[i] == nullptr || *texts[i] == '\0'; });
    TextRange out(static_cast<sal_Int32>(n));
    css::uno::Sequence<rtl::OUString> *rows = out.getArray();
    /* The core's names are static strings, so equal pointers are equal texts. */
    SharedRows<const char *, css::uno::Sequence<rtl::OUString>> shared;
    for (std::size_t i = 0; i < n; i++) {
        const char *t = texts[i] ? texts[i] : "";
        shared.set(&rows[i], t, reinterpret_cast<std::uintptr_t>(t), [&] {
            const rtl::OUString text = rtl::OUString::createFromAscii(t);
            return css::uno::Sequence<rtl::OUString>(&text, 1);
        });
    }
    return out;
}

double scalar(const Cells &c, const char *arg)
{
    if (c.size() != 1)
        invalid(arg, "several cells where one value is required");
    return c.v[0];
}

double scalar(const Range &range, const char *arg)
{
    return scalar(cells(range, Blank::Invalid, arg), arg);
}

std::optional<double> optionalScalar(const Any &any, Blank blank, const char *arg)
{
    std::optional<Cells> c = optionalCells(any, blank, arg);
    if (!c)
        return std::nullopt;
    return scalar(*c, arg);
}

std::optional<double> optionalScalar(const Any &any, const char *arg)
{
    return optionalScalar(any, Blank::Invalid, arg);
}

double wholeNumber(double x, double lo, double hi, const char *arg)
{
    if (!(x >= lo && x <= hi) || std::floor(x) != x)
        invalid(arg, "not a whole number in its range");
    return x == 0.0 ? 0.0 : x;
}

void requireRows(const Cells &c, std::size_t rows, const char *arg)
{
    if (c.rows != rows)
        invalid(arg, "a different number of rows than the clients");
}

void requireCount(const Cells &c, std::size_t n, const char *arg)
{
    if (c.size() != n)
        invalid(arg, "the number of values differs from the number of criteria");
}

Weighting weighting(const Range &weights, const Any &directions, std::size_t cols)
{
    Weighting w{vector(cells(weights, Blank::Invalid, "weights"), "weights"), std::nullopt};
    requireCount(w.weights, cols, "weights");
    w.directions = optionalCells(directions, Blank::Invalid, "directions");
    if (w.directions) {
        w.directions = vector(std::move(*w.directions), "directions");
        requireCount(*w.directions, cols, "directions");
    }
    return w;
}

void runtimeError(const char *function, const char *what)
{
    throw css::uno::RuntimeException(ascii(std::string(function) + ": " + what));
}

void check(int status, const char *function)
{
    if (status == CP_OK)
        return;
    std::string msg = std::string(function) + ": " + cp_strerror(status);
    if (status == CP_ENOCONV)
        throw css::sheet::NoConvergenceException(ascii(msg), css::uno::Reference<css::uno::XInterface>());
    if (status == CP_ENOMEM)
        throw css::uno::RuntimeException(ascii(msg));
    throw css::lang::IllegalArgumentException(ascii(msg), css::uno::Reference<css::uno::XInterface>(), 0);
}

} // namespace clientprune
