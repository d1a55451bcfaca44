/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fn_models.cxx - the customer-base models (core: src/models/): BGNBDFIT,
 * BGNBDPALIVE, BGNBDPURCHASES, PARETONBDFIT, PARETONBDPALIVE,
 * PARETONBDPURCHASES, GGFIT, GGSPEND, CLV.
 *
 * Per-customer arguments are one value or one column each, without blanks;
 * the columns given must have one height, and a single value stands for
 * every customer (the core's stride 0).  Parameter arguments are a row or a
 * column whose first 4 (3) cells are used, so the whole result row of a fit,
 * log-likelihood included, can be passed on.
 */
#include "clientprune.hxx"

#include <cmath>
#include <initializer_list>
#include <optional>
#include <utility>
#include <vector>

extern "C" {
#include "cp_models.h"
}

using css::uno::Any;

namespace clientprune {

namespace {

/* One per-customer argument: a single value or one column, no blanks. */
Cells perCustomer(const Range &range, const char *arg)
{
    return column(cells(range, Blank::Invalid, arg), arg);
}

std::optional<Cells> optionalPerCustomer(const Any &any, const char *arg)
{
    std::optional<Cells> c = optionalCells(any, Blank::Invalid, arg);
    if (c)
        c = column(std::move(*c), arg);
    return c;
}

/* The number of customers: the height shared by every column given (single
 * values aside). */
std::size_t customers(std::initializer_list<std::pair<const Cells *, const char *>> args)
{
    std::size_t n = 1;
    for (const auto &a : args) {
        if (a.first == nullptr || a.first->rows == 1)
            continue;
        if (n != 1 && a.first->rows != n)
            invalid(a.second, "a different height than the other customer columns");
        n = a.first->rows;
    }
    return n;
}

/* The core's view of a per-customer argument: stride 0 repeats one value. */
cp_column coreColumn(const Cells &c)
{
    return cp_column{c.data(), c.rows == 1 ? std::size_t(0) : std::size_t(1)};
}

cp_column coreColumn(const std::optional<Cells> &c)
{
    return c ? coreColumn(*c) : cp_column{nullptr, 0};
}

/* The first `count` cells of a row or a column of model parameters. */
std::vector<double> modelParams(const Range &range, std::size_t count, const char *arg)
{
    const std::size_t rows = static_cast<std::size_t>(range.getLength());
    const std::size_t cols = rows ? static_cast<std::size_t>(range[0].getLength()) : 0;
    if (rows == 0 || cols == 0)
        invalid(arg, "an empty range");
    if (rows != 1 && cols != 1)
        invalid(arg, "a block of cells where one row or one column is required");
    if (rows * cols < count)
        invalid(arg, "fewer cells than the model has parameters");
    Range first(1);
    css::uno::Sequence<Any> &row = first.getArray()[0];
    row.realloc(static_cast<sal_Int32>(count));
    for (std::size_t k = 0; k < count; k++) {
        const sal_Int32 i = static_cast<sal_Int32>(k);
        row.getArray()[i] = rows == 1 ? range[0][i] : range[i][0];
    }
    return cells(first, Blank::Invalid, arg).v;
}

/* An optional single number; nullopt when omitted, empty or "". */
std::optional<double> optionalNumber(const Any &any, const char *arg)
{
    std::optional<Cells> c = optionalCells(any, Blank::Invalid, arg);
    if (!c)
        return std::nullopt;
    if (c->size() != 1)
        invalid(arg, "several cells where one value is required");
    return c->v[0];
}

/* A fit's parameters and log-likelihood as one row. */
Range rowResult(const double *values, std::size_t n)
{
    Range out(1);
    css::uno::Sequence<Any> &row = out.getArray()[0];
    row.realloc(static_cast<sal_Int32>(n));
    for (std::size_t k = 0; k < n; k++)
        row.getArray()[k] <<= values[k];
    return out;
}

/* The three RFM columns of the prediction functions. */
struct Rfm {
    Cells x, tx, T;
    Rfm(const Range &frequency, const Range &recency, const Range &age)
        : x(perCustomer(frequency, "frequency")), tx(perCustomer(recency, "recency")),
          T(perCustomer(age, "T"))
    {
    }
};

using FitFn = int (*)(cp_column, cp_column, cp_column, cp_column, std::size_t, double[4], double *);

Range fitRfm(const char *name, FitFn fit, const Range &frequency, const Range &recency,
             const Range &age, const Any &count)
{
    return guarded(name, [&] {
        const Rfm c(frequency, recency, age);
        const std::optional<Cells> w = optionalPerCustomer(count, "count");
        const std::size_t n = customers({{&c.x, "frequency"}, {&c.tx, "recency"}, {&c.T, "T"},
                                         {w ? &*w : nullptr, "count"}});
        double result[5];
        check(fit(coreColumn(c.x), coreColumn(c.tx), coreColumn(c.T), coreColumn(w), n, result,
                  &result[4]),
              name);
        return rowResult(result, 5);
    });
}

using PaliveFn = int (*)(cp_column, cp_column, cp_column, std::size_t, const double *, double *,
                         std::size_t);

Range palive(const char *name, PaliveFn fn, const Range &frequency, const Range &recency,
             const Range &age, const Range &params)
{
    return guarded(name, [&] {
        const Rfm c(frequency, recency, age);
        const std::vector<double> p = modelParams(params, 4, "params");
        const std::size_t n = customers({{&c.x, "frequency"}, {&c.tx, "recency"}, {&c.T, "T"}});
        std::vector<double> out(n);
        check(fn(coreColumn(c.x), coreColumn(c.tx), coreColumn(c.T), n, p.data(), out.data(), 1),
              name);
        return columnResult(out);
    });
}

using PurchasesFn = int (*)(cp_column, cp_column, cp_column, cp_column, std::size_t,
                            const double *, double *, std::size_t);

Range purchases(const char *name, PurchasesFn fn, const Range &horizon, const Range &frequency,
                const Range &recency, const Range &age, const Range &params)
{
    return guarded(name, [&] {
        const Cells t = perCustomer(horizon, "t");
        const Rfm c(frequency, recency, age);
        const std::vector<double> p = modelParams(params, 4, "params");
        const std::size_t n =
            customers({{&t, "t"}, {&c.x, "frequency"}, {&c.tx, "recency"}, {&c.T, "T"}});
        std::vector<double> out(n);
        check(fn(coreColumn(t), coreColumn(c.x), coreColumn(c.tx), coreColumn(c.T), n, p.data(),
                 out.data(), 1),
              name);
        return columnResult(out);
    });
}

} // namespace

Range ClientPrune::BGNBDFIT(const Range &frequency, const Range &recency, const Range &age,
                            const Any &count)
{
    return fitRfm("BGNBDFIT", cp_bgnbd_fit, frequency, recency, age, count);
}

Range ClientPrune::PARETONBDFIT(const Range &frequency, const Range &recency, const Range &age,
                                const Any &count)
{
    return fitRfm("PARETONBDFIT", cp_pnbd_fit, frequency, recency, age, count);
}

Range ClientPrune::BGNBDPALIVE(const Range &frequency, const Range &recency, const Range &age,
                               const Range &params)
{
    return palive("BGNBDPALIVE", cp_bgnbd_palive, frequency, recency, age, params);
}

Range ClientPrune::PARETONBDPALIVE(const Range &frequency, const Range &recency, const Range &age,
                                   const Range &params)
{
    return palive("PARETONBDPALIVE", cp_pnbd_palive, frequency, recency, age, params);
}

Range ClientPrune::BGNBDPURCHASES(const Range &horizon, const Range &frequency,
                                  const Range &recency, const Range &age, const Range &params)
{
    return purchases("BGNBDPURCHASES", cp_bgnbd_purchases, horizon, frequency, recency, age,
                     params);
}

Range ClientPrune::PARETONBDPURCHASES(const Range &horizon, const Range &frequency,
                                      const Range &recency, const Range &age, const Range &params)
{
    return purchases("PARETONBDPURCHASES", cp_pnbd_purchases, horizon, frequency, recency, age,
                     params);
}

Range ClientPrune::GGFIT(const Range &frequency, const Range &monetary, const Any &count)
{
    return guarded("GGFIT", [&] {
        const Cells x = perCustomer(frequency, "frequency");
        const Cells m = perCustomer(monetary, "monetary");
        const std::optional<Cells> w = optionalPerCustomer(count, "count");
        const std::size_t n =
            customers({{&x, "frequency"}, {&m, "monetary"}, {w ? &*w : nullptr, "count"}});
        double result[4];
        check(cp_gg_fit(coreColumn(x), coreColumn(m), coreColumn(w), n, result, &result[3], nullptr),
              "GGFIT");
        return rowResult(result, 4);
    });
}

Range ClientPrune::GGSPEND(const Range &frequency, const Range &monetary, const Range &params)
{
    return guarded("GGSPEND", [&] {
        const Cells x = perCustomer(frequency, "frequency");
        const Cells m = perCustomer(monetary, "monetary");
        const std::vector<double> p = modelParams(params, 3, "params");
        const std::size_t n = customers({{&x, "frequency"}, {&m, "monetary"}});
        std::vector<double> out(n);
        check(cp_gg_spend(coreColumn(x), coreColumn(m), n, p.data(), out.data(), 1), "GGSPEND");
        return columnResult(out);
    });
}

Range ClientPrune::CLV(const Range &frequency, const Range &recency, const Range &age,
                       const Range &monetary, const Range &bgnbdParams, const Range &ggParams,
                       const Any &months, const Any &monthlyDiscount, const Any &unitsPerMonth)
{
    return guarded("CLV", [&] {
        const Rfm c(frequency, recency, age);
        const Cells m = perCustomer(monetary, "monetary");
        const std::vector<double> bg = modelParams(bgnbdParams, 4, "bgnbd_params");
        const std::vector<double> gg = modelParams(ggParams, 3, "gg_params");
        const double nmonths = optionalNumber(months, "months").value_or(12.0);
        if (!(nmonths >= 1.0 && nmonths <= 1200.0 && nmonths == std::floor(nmonths)))
            invalid("months", "a whole number from 1 to 1200 is required");
        const double discount = optionalNumber(monthlyDiscount, "monthly_discount").value_or(0.01);
        const double units = optionalNumber(unitsPerMonth, "units_per_month").value_or(30.0);
        const std::size_t n = customers(
            {{&c.x, "frequency"}, {&c.tx, "recency"}, {&c.T, "T"}, {&m, "monetary"}});
        std::vector<double> out(n);
        check(cp_clv(coreColumn(c.x), coreColumn(c.tx), coreColumn(c.T), coreColumn(m), n,
                     bg.data(), gg.data(), static_cast<int>(nmonths), discount, units, out.data(),
                     1),
              "CLV");
        return columnResult(out);
    });
}

} // namespace clientprune
