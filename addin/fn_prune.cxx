/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fn_prune.cxx - PRUNESET, CLIENTQUADRANT and PRUNEIMPACT (core: src/prune/).
 */
#include "clientprune.hxx"

#include <optional>
#include <vector>

extern "C" {
#include "cp_prune.h"
}

using css::uno::Any;

namespace clientprune {

Range ClientPrune::PRUNESET(const Range &scores, const Range &revenue, const Range &maxRevenueLoss)
{
    return guarded("PRUNESET", [&] {
        const Cells s = column(cells(scores, Blank::Missing, "scores"), "scores");
        const Cells r = column(cells(revenue, Blank::Zero, "revenue"), "revenue");
        requireRows(r, s.rows, "revenue");
        const double loss = scalar(cells(maxRevenueLoss, Blank::Invalid, "max_revenue_loss"),
                                   "max_revenue_loss");

        std::vector<double> flags(s.rows);
        check(cp_prune_set(s.data(), 1, r.data(), 1, s.rows, loss, flags.data(), 1), "PRUNESET");
        return columnResult(flags);
    });
}

TextRange ClientPrune::CLIENTQUADRANT(const Range &revenue, const Range &score,
                                  const Any &populationRevenue, const Any &populationScores)
{
    return guarded("CLIENTQUADRANT", [&] {
        const Cells r = column(cells(revenue, Blank::Zero, "revenue"), "revenue");
        const Cells s = column(cells(score, Blank::Missing, "score"), "score");
        requireRows(s, r.rows, "score");
        std::optional<Cells> pr = optionalCells(populationRevenue, Blank::Zero, "population_revenue");
        std::optional<Cells> ps = optionalCells(populationScores, Blank::Missing, "population_scores");
        if (pr.has_value() != ps.has_value())
            invalid(pr ? "population_scores" : "population_revenue",
                    "in row mode give both population_revenue and population_scores, or neither");
        if (pr) {
            pr = column(std::move(*pr), "population_revenue");
            ps = column(std::move(*ps), "population_scores");
            requireRows(*ps, pr->rows, "population_scores");
        }

        std::vector<int> q(r.rows);
        check(cp_prune_quadrant(r.data(), 1, s.data(), 1, r.rows, pr ? pr->data() : nullptr, 1,
                                ps ? ps->data() : nullptr, 1, pr ? pr->rows : 0, q.data(), 1),
              "CLIENTQUADRANT");
        std::vector<const char *> names(q.size());
        for (std::size_t i = 0; i < q.size(); i++)
            names[i] = cp_quadrant_name(q[i]);
        return textColumnResult(names);
    });
}

Range ClientPrune::PRUNEIMPACT(const Range &revenue, const Range &cost, const Range &pruneFlags,
                               const Any &redeploy)
{
    return guarded("PRUNEIMPACT", [&] {
        const Cells r = column(cells(revenue, Blank::Zero, "revenue"), "revenue");
        const Cells c = column(cells(cost, Blank::Zero, "cost"), "cost");
        const Cells f = column(cells(pruneFlags, Blank::Zero, "prune_flags"), "prune_flags");
        requireRows(c, r.rows, "cost");
        requireRows(f, r.rows, "prune_flags");
        const double share = optionalScalar(redeploy, Blank::Invalid, "redeploy").value_or(0.0);

        std::vector<double> out(CP_IMPACT_COUNT);
        check(cp_prune_impact(r.data(), 1, c.data(), 1, f.data(), 1, r.rows, share, out.data()),
              "PRUNEIMPACT");
        return tableResult(out, 1, CP_IMPACT_COUNT);
    });
}

} // namespace clientprune
