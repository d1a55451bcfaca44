/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fn_health.cxx - CANARY, IDEALFIT, REVENUEATRISK, PRUNESTABILITY and
 * SEGMENTS (core: src/health/).
 */
#include "clientprune.hxx"

#include <optional>
#include <vector>

extern "C" {
#include "cp_health.h"
}

using css::uno::Any;

namespace clientprune {

namespace {

constexpr double MAX_SEED = 4294967295.0;

unsigned long seedArg(const Any &seed)
{
    std::optional<double> s = optionalScalar(seed, "seed");
    return s ? static_cast<unsigned long>(wholeNumber(*s, 0, MAX_SEED, "seed")) : 1UL;
}

std::size_t simsArg(const Any &sims, double fallback)
{
    std::optional<double> s = optionalScalar(sims, "sims");
    return static_cast<std::size_t>(s ? wholeNumber(*s, 100, 1e7, "sims") : fallback);
}

/* An optional share: strictly inside (0, 1), or [0, 1) with zero_ok. */
double shareArg(const Any &any, double fallback, bool zero_ok, const char *arg)
{
    std::optional<double> v = optionalScalar(any, arg);
    if (!v)
        return fallback;
    if (!((zero_ok ? *v >= 0.0 : *v > 0.0) && *v < 1.0))
        invalid(arg, zero_ok ? "not a share from 0 up to 1" : "not strictly between 0 and 1");
    return *v == 0.0 ? 0.0 : *v;
}

} // namespace

Range ClientPrune::CANARY(const Range &values, const Any &times, const Any &alpha)
{
    return guarded("CANARY", [&] {
        const Cells x = vector(cells(values, Blank::Missing, "values"), "values");
        std::optional<Cells> t = optionalCells(times, Blank::Missing, "times");
        if (t) {
            t = vector(std::move(*t), "times");
            if (t->size() != x.size())
                invalid("times", "a different number of cells than values");
        }
        const double a = shareArg(alpha, 0.05, false, "alpha");
        cp_canary_result r;
        check(cp_health_canary(x.data(), 1, t ? t->data() : nullptr, 1, x.size(), a, &r),
              "CANARY");
        return rowResult({r.flag, r.slope, r.p_value});
    });
}

Range ClientPrune::IDEALFIT(const Range &client, const Range &ideal, const Range &population,
                            const Any &weights)
{
    return guarded("IDEALFIT", [&] {
        const Cells c = cells(client, Blank::Invalid, "client");
        const Cells i = cells(ideal, Blank::Invalid, "ideal");
        if (i.rows != 1 || i.cols != c.cols)
            invalid("ideal", "not one row as wide as the client row");
        const Cells p = cells(population, Blank::Invalid, "population");
        if (p.cols != c.cols)
            invalid("population", "a different number of columns than client");
        std::optional<Cells> w = optionalCells(weights, Blank::Invalid, "weights");
        if (w) {
            w = vector(std::move(*w), "weights");
            requireCount(*w, c.cols, "weights");
        }
        const cp_table ct = c.table(), pt = p.table();
        std::vector<double> fit(c.rows);
        check(cp_health_idealfit(&ct, i.data(), 1, &pt, w ? w->data() : nullptr, 1, fit.data(),
                                 1),
              "IDEALFIT");
        return columnResult(fit);
    });
}

Range ClientPrune::REVENUEATRISK(const Range &revenue, const Range &pAlive, const Any &confidence,
                                 const Any &sims, const Any &seed)
{
    return guarded("REVENUEATRISK", [&] {
        const Cells r = column(cells(revenue, Blank::Zero, "revenue"), "revenue");
        const Cells p = column(cells(pAlive, Blank::Invalid, "p_alive"), "p_alive");
        if (p.rows != r.rows)
            invalid("p_alive", "a different height than revenue");
        const double conf = shareArg(confidence, 0.95, false, "confidence");
        const std::size_t n = simsArg(sims, 10000);
        const unsigned long s = seedArg(seed);
        double kept;
        check(cp_health_revenue_at_risk(r.data(), 1, p.data(), 1, r.rows, conf, n, s, &kept),
              "REVENUEATRISK");
        return columnResult({kept});
    });
}

Range ClientPrune::PRUNESTABILITY(const Range &criteria, const Range &weights,
                                  const Any &directions, const Range &pruneCount,
                                  const Any &jitter, const Any &sims, const Any &seed)
{
    return guarded("PRUNESTABILITY", [&] {
        const Cells c = cells(criteria, Blank::Missing, "criteria");
        const Weighting w = weighting(weights, directions, c.cols);
        const double count =
            wholeNumber(scalar(pruneCount, "prune_count"), 0, static_cast<double>(c.rows), "prune_count");
        const double j = shareArg(jitter, 0.2, true, "jitter");
        const std::size_t n = simsArg(sims, 1000);
        const unsigned long s = seedArg(seed);
        const cp_table ct = c.table();
        std::vector<double> share(c.rows);
        check(cp_health_prune_stability(&ct, w.weights.data(), 1, w.directionData(), 1,
                                        static_cast<std::size_t>(count), j, n, s, share.data(), 1),
              "PRUNESTABILITY");
        return columnResult(share);
    });
}

Range ClientPrune::SEGMENTS(const Range &criteria, const Range &k, const Any &seed)
{
    return guarded("SEGMENTS", [&] {
        const Cells c = cells(criteria, Blank::Invalid, "criteria");
        const double segments = wholeNumber(scalar(k, "k"), 1, static_cast<double>(c.rows), "k");
        const unsigned long s = seedArg(seed);
        const cp_table ct = c.table();
        std::vector<double> seg(c.rows);
        check(cp_health_segments(&ct, static_cast<std::size_t>(segments), s, seg.data(), 1),
              "SEGMENTS");
        return columnResult(seg);
    });
}

} // namespace clientprune
