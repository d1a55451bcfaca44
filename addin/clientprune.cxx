/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clientprune.cxx - the UNO component Calc talks to.
 *
 * Calc finds the service org.clientprune.ClientPrune through the
 * com.sun.star.sheet.AddIn service, reads each function's Wizard texts
 * through XAddIn (served from the generated table funcdata.inc) and calls
 * the XClientPrune methods.  Every method does three things and nothing
 * else: convert and validate the arguments (convert.hxx), call the C core,
 * and map the core's status to a result or a Calc error.
 */
#include <cstring>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/weak.hxx>
#include <org/clientprune/XClientPrune.hpp>
#include <rtl/ustring.hxx>

#include <gsl/gsl_errno.h>

#include "convert.hxx"

extern "C" {
#include "cp_score.h"
}

using css::uno::Any;
using css::uno::Sequence;
using rtl::OUString;

namespace clientprune {

namespace funcdata {
struct Arg {
    const char *name;
    const char *help;
    bool optional;
};
struct Function {
    const char *name;
    const char *summary;
    const Arg *args;
    std::size_t nargs;
};
#include "funcdata.inc"
} // namespace funcdata

namespace {

constexpr char SERVICE_NAME[] = "org.clientprune.ClientPrune";
constexpr char IMPLEMENTATION_NAME[] = "org.clientprune.ClientPruneImpl";
constexpr char ADDIN_SERVICE[] = "com.sun.star.sheet.AddIn";
constexpr char CATEGORY[] = "Statistical";

OUString utf8(const char *s)
{
    return OUString(s, std::strlen(s), RTL_TEXTENCODING_UTF8);
}

const funcdata::Function *lookup(const OUString &name)
{
    for (const auto &f : funcdata::functions)
        if (name.equalsIgnoreAsciiCaseAscii(f.name))
            return &f;
    return nullptr;
}

const funcdata::Arg *lookupArg(const OUString &name, sal_Int32 index)
{
    const funcdata::Function *f = lookup(name);
    if (f == nullptr || index < 0 || static_cast<std::size_t>(index) >= f->nargs)
        return nullptr;
    return &f->args[index];
}

/* Runs one function body.  UNO exceptions pass to Calc (Err:502, Err:523);
 * anything else becomes a RuntimeException (#VALUE!) so no C++ exception
 * ever unwinds into Calc. */
template <class Body> Range guarded(const char *function, Body body)
{
    try {
        return body();
    } catch (const css::uno::Exception &) {
        throw;
    } catch (const std::bad_alloc &) {
        throw css::uno::RuntimeException(utf8(function) + ": out of memory");
    } catch (const std::exception &e) {
        throw css::uno::RuntimeException(utf8(function) + ": " + utf8(e.what()));
    } catch (...) {
        throw css::uno::RuntimeException(utf8(function) + ": internal error");
    }
}

/* The count of a per-criterion vector must equal the criteria columns. */
void requireCount(const Cells &c, std::size_t n, const char *arg)
{
    if (c.size() != n)
        invalid(arg, "the number of values differs from the number of criteria");
}

class ClientPrune
    : public cppu::WeakImplHelper4<org::clientprune::XClientPrune, css::sheet::XAddIn,
                                   css::lang::XServiceName, css::lang::XServiceInfo>
{
    css::lang::Locale locale_;

public:
    // XClientPrune ------------------------------------------------------
    Range SAL_CALL CLIENTSCORE(const Range &criteria, const Range &weights, const Any &directions,
                               const Any &population, const Any &method) override
    {
        return guarded("CLIENTSCORE", [&] {
            const Cells c = cells(criteria, Blank::Missing, "criteria");
            const Cells w = vector(cells(weights, Blank::Invalid, "weights"), "weights");
            requireCount(w, c.cols, "weights");
            std::optional<Cells> d = optionalCells(directions, Blank::Invalid, "directions");
            if (d) {
                d = vector(std::move(*d), "directions");
                requireCount(*d, c.cols, "directions");
            }
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
            check(cp_score_clients(&ct, pop ? &pt : nullptr, w.data(), 1,
                                   d ? d->data() : nullptr, 1, m, score.data(), 1),
                  "CLIENTSCORE");
            return columnResult(score);
        });
    }

    Range SAL_CALL PRUNERANK(const Range &scores, const Any &population, const Any &revenue,
                             const Any &populationRevenue) override
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
                                pop ? pop->data() : nullptr, 1,
                                prev ? prev->data() : nullptr, 1, pop ? pop->rows : 0,
                                rank.data(), 1),
                  "PRUNERANK");
            return columnResult(rank);
        });
    }

    // XAddIn --------------------------------------------------------------
    OUString SAL_CALL getProgrammaticFuntionName(const OUString &displayName) override
    {
        const funcdata::Function *f = lookup(displayName);
        return f ? OUString::createFromAscii(f->name) : OUString();
    }
    OUString SAL_CALL getDisplayFunctionName(const OUString &name) override
    {
        const funcdata::Function *f = lookup(name);
        return f ? OUString::createFromAscii(f->name) : OUString();
    }
    OUString SAL_CALL getFunctionDescription(const OUString &name) override
    {
        const funcdata::Function *f = lookup(name);
        return f ? utf8(f->summary) : OUString();
    }
    OUString SAL_CALL getDisplayArgumentName(const OUString &name, sal_Int32 index) override
    {
        const funcdata::Arg *a = lookupArg(name, index);
        return a ? utf8(a->name) : OUString();
    }
    OUString SAL_CALL getArgumentDescription(const OUString &name, sal_Int32 index) override
    {
        const funcdata::Arg *a = lookupArg(name, index);
        return a ? utf8(a->help) : OUString();
    }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString &) override
    {
        return OUString::createFromAscii(CATEGORY);
    }
    OUString SAL_CALL getDisplayCategoryName(const OUString &) override
    {
        return OUString::createFromAscii(CATEGORY);
    }

    // XLocalizable --------------------------------------------------------
    void SAL_CALL setLocale(const css::lang::Locale &locale) override { locale_ = locale; }
    css::lang::Locale SAL_CALL getLocale() override { return locale_; }

    // XServiceName --------------------------------------------------------
    OUString SAL_CALL getServiceName() override { return OUString::createFromAscii(SERVICE_NAME); }

    // XServiceInfo --------------------------------------------------------
    OUString SAL_CALL getImplementationName() override
    {
        return OUString::createFromAscii(IMPLEMENTATION_NAME);
    }
    sal_Bool SAL_CALL supportsService(const OUString &name) override
    {
        return name.equalsAscii(SERVICE_NAME) || name.equalsAscii(ADDIN_SERVICE);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        Sequence<OUString> names(2);
        names.getArray()[0] = OUString::createFromAscii(SERVICE_NAME);
        names.getArray()[1] = OUString::createFromAscii(ADDIN_SERVICE);
        return names;
    }
};

} // namespace
} // namespace clientprune

/* The component's only exported symbol, named in clientprune.components. */
extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface *
org_clientprune_ClientPrune_get_implementation(css::uno::XComponentContext *,
                                               css::uno::Sequence<css::uno::Any> const &)
{
    /* GSL's default handler calls abort(), which would take Calc and every
     * unsaved workbook with it: the core reports through status codes. */
    gsl_set_error_handler_off();
    return cppu::acquire(new clientprune::ClientPrune);
}
