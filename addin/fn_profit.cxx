/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fn_profit.cxx - COSTTOSERVE, COSTALLOCATE, WHALECURVE, WHALEPEAK, ABCCLASS
 * and CONCENTRATION (core: src/profit/).
 */
#include "clientprune.hxx"

#include <optional>
#include <vector>

extern "C" {
#include "cp_profit.h"
}

using css::uno::Any;

namespace clientprune {

namespace {

/* COSTTOSERVE and COSTALLOCATE: a driver table, one value per driver
 * column (rates or pools), one cost per client. */
using DriverCore = int (*)(const cp_table *, const double[], std::size_t, double[], std::size_t);

Range driverCosts(const char *function, DriverCore core, const Range &drivers,
                  const Range &perDriver, const char *arg)
{
    return guarded(function, [&] {
        const Cells d = cells(drivers, Blank::Zero, "drivers");
        const Cells v = vector(cells(perDriver, Blank::Invalid, arg), arg);
        requireCount(v, d.cols, arg);

        /* Blank rows count 0, so a whole-column reference would give a
         * million costs of 0: they are not clients (Cells::clientRows). */
        const cp_table t{d.data(), d.clientRows(), d.cols, d.cols};
        std::vector<double> cost(t.rows);
        check(core(&t, v.data(), 1, cost.data(), 1), function);
        return columnResult(cost);
    });
}

} // namespace

Range ClientPrune::COSTTOSERVE(const Range &drivers, const Range &rates)
{
    return driverCosts("COSTTOSERVE", cp_profit_cost_to_serve, drivers, rates, "rates");
}

Range ClientPrune::COSTALLOCATE(const Range &drivers, const Range &poolTotals)
{
    return driverCosts("COSTALLOCATE", cp_profit_allocate, drivers, poolTotals, "pool_totals");
}

Range ClientPrune::WHALECURVE(const Range &profit)
{
    return guarded("WHALECURVE", [&] {
        const Cells p = column(cells(profit, Blank::Zero, "profit"), "profit");

        /* Blank rows of a whole-column reference are not clients with a
         * profit of 0: they would stretch the client-share axis. */
        const std::size_t n = p.clientRows();
        std::vector<double> curve(2 * n); /* rows of (client share, profit share) */
        check(cp_profit_whale_curve(p.data(), 1, n, curve.data(), 2, curve.data() + 1, 2),
              "WHALECURVE");
        return tableResult(curve, n, 2);
    });
}

Range ClientPrune::WHALEPEAK(const Range &profit)
{
    return guarded("WHALEPEAK", [&] {
        const Cells p = column(cells(profit, Blank::Zero, "profit"), "profit");

        std::vector<double> peak(2);
        check(cp_profit_whale_peak(p.data(), 1, p.clientRows(), &peak[0], &peak[1]), "WHALEPEAK");
        return tableResult(peak, 1, 2);
    });
}

TextRange ClientPrune::ABCCLASS(const Range &value, const Any &population, const Any &aShare,
                            const Any &bShare)
{
    return guarded("ABCCLASS", [&] {
        const Cells v = column(cells(value, Blank::Zero, "value"), "value");
        std::optional<Cells> pop = optionalCells(population, Blank::Zero, "population");
        if (pop)
            pop = column(std::move(*pop), "population");
        const double a = optionalScalar(aShare, Blank::Invalid, "a_share").value_or(0.8);
        const double b = optionalScalar(bShare, Blank::Invalid, "b_share").value_or(0.95);

        std::vector<int> abc(v.rows);
        check(cp_profit_abc(v.data(), 1, v.rows, pop ? pop->data() : nullptr, 1,
                            pop ? pop->rows : 0, a, b, abc.data(), 1),
              "ABCCLASS");
        std::vector<const char *> names(v.clientRows()); /* see Cells::clientRows */
        for (std::size_t i = 0; i < names.size(); i++)
            names[i] = cp_abc_name(abc[i]);
        return textColumnResult(names);
    });
}

Range ClientPrune::CONCENTRATION(const Range &revenue, const Any &measure)
{
    return guarded("CONCENTRATION", [&] {
        const Cells r = column(cells(revenue, Blank::Zero, "revenue"), "revenue");
        cp_concentration m = CP_CONCENTRATION_HHI;
        if (auto name = optionalText(measure, "measure"))
            if (cp_concentration_from_name(name->c_str(), &m) != CP_OK)
                invalid("measure", "use \"hhi\", \"top1\", \"top5\" or \"gini\"");

        std::vector<double> result(1);
        /* (the blank rows of a whole column are not clients: see Gini) */
        check(cp_profit_concentration(r.data(), 1, r.clientRows(), m, &result[0]), "CONCENTRATION");
        return tableResult(result, 1, 1);
    });
}

} // namespace clientprune
