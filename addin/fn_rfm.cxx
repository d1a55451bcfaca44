/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fn_rfm.cxx - RFMTABLE, RFMSCORE and RFMSEGMENT (core: src/rfm/).
 *
 * How customer keys reach the core.  The core groups and orders customers
 * by a number.  Calc sorts numbers before text, numbers by value and text
 * with the office's collator ignoring case; its `=` takes two texts as
 * equal when their upper-case forms are.  So the glue gives every line an
 * ordinal id among the distinct keys in that order: numbers first
 * (ascending, -0 = 0), then the distinct upper-case forms of the texts,
 * sorted with the same collator Calc's sort uses (i18n Collator,
 * IGNORE_CASE) and, where the collator calls two different forms equal, by
 * their code units so the order is total.  Ascending ids are then Calc's
 * order and equal ids one customer.  The core reports the first ledger
 * line it used for each customer, and the result shows the key as written
 * there (so "acme" on the first line and "ACME" later show as "acme").
 */
#include "clientprune.hxx"

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>
#include <vector>

#include <com/sun/star/i18n/CollatorOptions.hpp>
#include <com/sun/star/i18n/XCharacterClassification.hpp>
#include <com/sun/star/i18n/XCollator.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>

extern "C" {
#include "cp_rfm.h"
}

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using rtl::OUString;

namespace clientprune {

namespace {

/* The SDK leaves std::hash<OUString> to LibreOffice's internal builds. */
struct TextHash {
    std::size_t operator()(const OUString &s) const { return static_cast<std::size_t>(s.hashCode()); }
};

/* A customer cell: a number, a text or blank. */
struct Key {
    enum Kind { Blank, Number, Text } kind = Blank;
    double number = 0.0;
    OUString text;
};

std::vector<Key> keyColumn(const Range &range, const char *arg)
{
    std::vector<Key> keys;
    keys.reserve(static_cast<std::size_t>(range.getLength()));
    for (const auto &row : range) {
        if (row.getLength() != 1)
            invalid(arg, "several columns where one customer per line is required");
        const Any &a = row[0];
        Key k;
        OUString s;
        if (a >>= k.number) {
            if (!std::isfinite(k.number))
                invalid(arg, "a value that is not a finite number");
            k.kind = Key::Number;
        } else if (a >>= s) {
            if (!s.isEmpty()) {
                k.kind = Key::Text;
                k.text = s;
            }
        } else if (a.hasValue()) {
            invalid(arg, "a value that is neither a number nor text");
        }
        keys.push_back(std::move(k));
    }
    if (keys.empty())
        invalid(arg, "an empty range");
    return keys;
}

/* Calc's text comparison for the office locale: upper-case forms for
 * equality, the case-insensitive collator for order. */
class TextOrder
{
    Reference<css::i18n::XCharacterClassification> charClass_;
    Reference<css::i18n::XCollator> collator_;
    css::lang::Locale locale_;

public:
    TextOrder(const Reference<css::uno::XComponentContext> &context, css::lang::Locale locale)
        : locale_(std::move(locale))
    {
        if (locale_.Language.isEmpty()) {
            locale_.Language = OUString("en");
            locale_.Country = OUString("US");
        }
        if (context.is()) {
            Reference<css::lang::XMultiComponentFactory> factory = context->getServiceManager();
            if (factory.is()) {
                charClass_.set(factory->createInstanceWithContext(
                                   "com.sun.star.i18n.CharacterClassification", context),
                               UNO_QUERY);
                collator_.set(factory->createInstanceWithContext("com.sun.star.i18n.Collator", context),
                              UNO_QUERY);
            }
        }
        if (!charClass_.is() || !collator_.is())
            runtimeError("RFMTABLE", "the office's text collation is not available");
        collator_->loadDefaultCollator(locale_, css::i18n::CollatorOptions::CollatorOptions_IGNORE_CASE);
    }

    OUString fold(const OUString &s) const
    {
        return charClass_->toUpper(s, 0, s.getLength(), locale_);
    }

    bool less(const OUString &a, const OUString &b) const
    {
        sal_Int32 c = collator_->compareString(a, b);
        return c != 0 ? c < 0 : a.compareTo(b) < 0;
    }
};

/* The ordinal id of every line's customer (NaN for a blank one). */
std::vector<double> customerIds(const std::vector<Key> &keys,
                                const Reference<css::uno::XComponentContext> &context,
                                const css::lang::Locale &locale)
{
    std::vector<double> numbers;
    std::unordered_map<OUString, std::size_t, TextHash> textIndex; // exact text -> slot in folded
    std::vector<OUString> folded;                        // per distinct exact text
    for (const Key &k : keys) {
        if (k.kind == Key::Number)
            numbers.push_back(k.number == 0.0 ? 0.0 : k.number);
        else if (k.kind == Key::Text && textIndex.find(k.text) == textIndex.end()) {
            textIndex.emplace(k.text, folded.size());
            folded.push_back(OUString());
        }
    }
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());

    // Distinct upper-case forms in Calc's order; textId[slot] their rank.
    std::vector<double> textId(folded.size());
    if (!folded.empty()) {
        const TextOrder order(context, locale);
        for (const auto &[text, slot] : textIndex)
            folded[slot] = order.fold(text);
        std::vector<OUString> forms(folded);
        std::sort(forms.begin(), forms.end());
        forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
        std::sort(forms.begin(), forms.end(),
                  [&](const OUString &a, const OUString &b) { return order.less(a, b); });
        std::unordered_map<OUString, std::size_t, TextHash> rank;
        for (std::size_t r = 0; r < forms.size(); r++)
            rank.emplace(forms[r], r);
        for (std::size_t slot = 0; slot < folded.size(); slot++)
            textId[slot] = static_cast<double>(numbers.size() + rank.at(folded[slot]));
    }

    std::vector<double> ids(keys.size());
    for (std::size_t i = 0; i < keys.size(); i++) {
        const Key &k = keys[i];
        if (k.kind == Key::Number) {
            double x = k.number == 0.0 ? 0.0 : k.number;
            ids[i] = static_cast<double>(std::lower_bound(numbers.begin(), numbers.end(), x) -
                                         numbers.begin());
        } else if (k.kind == Key::Text) {
            ids[i] = textId[textIndex.at(k.text)];
        } else {
            ids[i] = NAN;
        }
    }
    return ids;
}

/* One optional single value: NaN when omitted, empty or a blank cell. */
double optionalValue(const Any &any, const char *arg)
{
    const std::optional<Cells> c = optionalCells(any, Blank::Missing, arg);
    if (!c)
        return NAN;
    if (c->size() != 1)
        invalid(arg, "several cells where one value is required");
    return c->v[0];
}

Any keyAny(const Key &k)
{
    Any a;
    if (k.kind == Key::Number)
        a <<= k.number;
    else
        a <<= k.text;
    return a;
}

/* A column of one per-customer value each; blanks are invalid. */
Cells customerColumn(const Range &range, const char *arg)
{
    return column(cells(range, Blank::Invalid, arg), arg);
}

/* Interleaves three equal-height columns into an n x 3 table. */
std::vector<double> rfmTable(const Cells &days, const Cells &freq, const Cells &mon)
{
    std::vector<double> t(3 * days.rows);
    for (std::size_t i = 0; i < days.rows; i++) {
        t[3 * i + CP_RFM_DAYS_SINCE_LAST] = days.v[i];
        t[3 * i + CP_RFM_SCORE_FREQUENCY] = freq.v[i];
        t[3 * i + CP_RFM_SCORE_MONETARY] = mon.v[i];
    }
    return t;
}

} // namespace

Range ClientPrune::RFMTABLE(const Range &customer, const Range &date, const Range &amount,
                            const Any &asOf, const Any &periodDays)
{
    return guarded("RFMTABLE", [&] {
        const std::vector<Key> keys = keyColumn(customer, "customer");
        const Cells d = column(cells(date, Blank::Missing, "date"), "date");
        const Cells a = column(cells(amount, Blank::Zero, "amount"), "amount");
        if (d.rows != keys.size())
            invalid("date", "a different height than customer");
        if (a.rows != keys.size())
            invalid("amount", "a different height than customer");
        const double cut = optionalValue(asOf, "as_of");
        double days = optionalValue(periodDays, "period_days");
        if (std::isnan(days))
            days = 1.0;
        const std::vector<double> ids = customerIds(keys, context_, locale_);

        const std::size_t n = keys.size();
        std::vector<double> out(n * CP_RFM_COLS);
        std::vector<std::size_t> first(n);
        std::size_t customers = 0;
        check(cp_rfm_table(ids.data(), 1, d.data(), 1, a.data(), 1, n, cut, days, out.data(),
                           CP_RFM_COLS, first.data(), &customers),
              "RFMTABLE");

        Range result(static_cast<sal_Int32>(std::max<std::size_t>(customers, 1)));
        css::uno::Sequence<Any> *rows = result.getArray();
        for (sal_Int32 i = 0; i < result.getLength(); i++) {
            rows[i].realloc(CP_RFM_COLS);
            Any *cell = rows[i].getArray();
            for (int j = 0; j < CP_RFM_COLS; j++) {
                if (customers == 0)
                    cell[j] <<= OUString(); // no customer: one row of empty results
                else if (j == CP_RFM_CUSTOMER)
                    cell[j] = keyAny(keys[first[i]]);
                else
                    cell[j] <<= out[i * CP_RFM_COLS + j];
            }
        }
        return result;
    });
}

Range ClientPrune::RFMSCORE(const Range &daysSinceLast, const Range &frequency, const Range &monetary,
                            const Any &bins, const Any &populationDays,
                            const Any &populationFrequency, const Any &populationMonetary)
{
    return guarded("RFMSCORE", [&] {
        const Cells r = customerColumn(daysSinceLast, "days_since_last");
        const Cells f = customerColumn(frequency, "frequency");
        const Cells m = customerColumn(monetary, "monetary");
        if (f.rows != r.rows)
            invalid("frequency", "a different height than days_since_last");
        if (m.rows != r.rows)
            invalid("monetary", "a different height than days_since_last");
        int levels = 5;
        if (auto b = optionalCells(bins, Blank::Invalid, "bins")) {
            const double x = b->v[0];
            if (b->size() != 1 || x != std::floor(x) || x < 2 || x > 9)
                invalid("bins", "a whole number from 2 to 9 is required");
            levels = static_cast<int>(x);
        }
        std::optional<Cells> pr = optionalCells(populationDays, Blank::Invalid, "population_days");
        std::optional<Cells> pf =
            optionalCells(populationFrequency, Blank::Invalid, "population_frequency");
        std::optional<Cells> pm = optionalCells(populationMonetary, Blank::Invalid, "population_monetary");
        if (pr.has_value() != pf.has_value() || pr.has_value() != pm.has_value())
            invalid("population_days", "give all three population columns or none");
        if (pr) {
            pr = column(std::move(*pr), "population_days");
            pf = column(std::move(*pf), "population_frequency");
            pm = column(std::move(*pm), "population_monetary");
            if (pf->rows != pr->rows || pm->rows != pr->rows)
                invalid("population_frequency", "population columns of different heights");
        }

        const std::vector<double> ct = rfmTable(r, f, m);
        const std::vector<double> pt = pr ? rfmTable(*pr, *pf, *pm) : std::vector<double>();
        const cp_table customers{ct.data(), r.rows, 3, 3};
        const cp_table population{pt.data(), pr ? pr->rows : 0, 3, 3};
        std::vector<double> code(r.rows);
        check(cp_rfm_score(&customers, pr ? &population : nullptr, levels, code.data(), 1),
              "RFMSCORE");
        return columnResult(code);
    });
}

TextRange ClientPrune::RFMSEGMENT(const Range &rfmCode)
{
    return guarded("RFMSEGMENT", [&] {
        const Cells c = column(cells(rfmCode, Blank::Invalid, "rfm_code"), "rfm_code");
        std::vector<const char *> names(c.rows);
        for (std::size_t i = 0; i < c.rows; i++)
            check(cp_rfm_segment(c.v[i], &names[i]), "RFMSEGMENT");
        return textColumnResult(names);
    });
}

} // namespace clientprune
