/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fn_score.cxx - CLIENTSCORE and PRUNERANK (core: src/score/).
 */
#include "clientprune.hxx"

#include <optional>
#include <vector>

extern "C" {
#include "cp_score.h"
}

using css::uno::Any;

namespace clientprune {

Range ClientPrune::CLIENTSCORE(const Range &criteria, const Range &weights, const Any &directions,
                               const Any &population, const Any &method)
{
    return guarded("CLIENTSCORE", [&] {
        const Cells c = cells(criteria, Blank::Missing, "criteria");
        const Weighting w = weighting(weights, directions, c.cols);
        const std::optional<Cells> pop = optionalCells(population, Blank::Missing, "population");
        if (pop && pop->cols != c.cols)
            invalid("population", "a different number of columns than criteria");
        cp_method m = CP_METHOD_MINMAX;
        if (auto name = optionalText(method, "method"))
            if (cp_method_from_name(name->c_str(), &m) != CP_OK)
                invalid("method", "use \"minmax\", \"percentile\" or \"zscore\"");

        const cp_table ct = c.table();
        const cp_table pt = pop ? pop->table() : cp_table{};
        std::vector<double> score(c.rows);
        check(cp_score_clients(&ct, pop ? &pt : nullptr, w.weights.data(), 1, w.directionData(), 1,
                               m, score.data(), 1),
              "CLIENTSCORE");
        return columnResult(score);
    });
}

Range ClientPrune::PRUNERANK(const Range &scores, const Any &population, const Any &revenue,
                             const Any &populationRevenue)
{
    return guarded("PRUNERANK", [&] {
        const Cells s = column(cells(scores, Blank::Missing, "scores"), "scores");
        std::optional<Cells> pop = optionalCells(population, Blank::Missing, "population");
        std::optional<Cells> rev = optionalCells(revenue, Blank::Zero, "revenue");
        std::optional<Cells> prev = optionalCells(populationRevenue, Blank::Zero, "population_revenue");
        if (pop)
            pop = column(std::move(*pop), "population");
        if (rev) {
            rev = column(std::move(*rev), "revenue");
            if (rev->rows != s.rows)
                invalid("revenue", "a different height than scores");
        }
        if (prev) {
            if (!pop)
                invalid("population_revenue", "given without population");
            prev = column(std::move(*prev), "population_revenue");
            if (prev->rows != pop->rows)
                invalid("population_revenue", "a different height than population");
        }
        if (pop && rev.has_value() != prev.has_value())
            invalid(rev ? "population_revenue" : "revenue",
                    "in row mode give both revenue and population_revenue, or neither");

        std::vector<double> rank(s.rows);
        check(cp_prune_rank(s.data(), 1, rev ? rev->data() : nullptr, 1, s.rows,
                            pop ? pop->data() : nullptr, 1, prev ? prev->data() : nullptr, 1,
                            pop ? pop->rows : 0, rank.data(), 1),
              "PRUNERANK");
        return columnResult(rank);
    });
}

} // namespace clientprune
