/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clientprune.cxx - the component's identity, its Function Wizard metadata
 * (from the generated funcdata.inc) and its one exported entry point.
 */
#include "clientprune.hxx"

#include <cstring>

#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/weak.hxx>

#include <gsl/gsl_errno.h>

using rtl::OUString;

namespace clientprune {

namespace funcdata {
/* A German text, or nullptrs where the table gives the function in English
 * only (gen_addin.py makes sure a function has all its German texts or none). */
struct German {
    const char *name;
    const char *text;
};
struct Arg {
    const char *name;
    const char *help;
    bool optional;
    German de;
};
struct Function {
    const char *name;
    const char *summary;
    const Arg *args;
    std::size_t nargs;
    German de;
};
#include "funcdata.inc"
} // namespace funcdata

namespace {

constexpr char SERVICE_NAME[] = "org.clientprune.ClientPrune";
constexpr char IMPLEMENTATION_NAME[] = "org.clientprune.ClientPruneImpl";
constexpr char ADDIN_SERVICE[] = "com.sun.star.sheet.AddIn";
/* The programmatic category Calc files the functions under, and what the
 * Wizard calls it in German. */
constexpr char CATEGORY[] = "Statistical";
constexpr char CATEGORY_DE[] = "Statistik";

OUString utf8(const char *s)
{
    return OUString(s, std::strlen(s), RTL_TEXTENCODING_UTF8);
}

/* The English text, or the German one when the office speaks German and the
 * table has it. */
OUString localized(const char *english, const char *german, bool inGerman)
{
    return utf8(inGerman && german ? german : english);
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

} // namespace

/* Calc sets the office's UI language (setLocale) before it asks for the
 * Wizard's texts; German for any German-speaking country, else English. */
bool ClientPrune::german() const
{
    return locale_.Language.equalsAscii("de");
}

// XAddIn ------------------------------------------------------------------
OUString ClientPrune::getProgrammaticFuntionName(const OUString &displayName)
{
    for (const auto &f : funcdata::functions)
        if (displayName.equalsIgnoreAsciiCaseAscii(f.name)
            || (f.de.name && displayName.equalsIgnoreAsciiCase(utf8(f.de.name))))
            return OUString::createFromAscii(f.name);
    return OUString();
}

OUString ClientPrune::getDisplayFunctionName(const OUString &name)
{
    const funcdata::Function *f = lookup(name);
    return f ? localized(f->name, f->de.name, german()) : OUString();
}

OUString ClientPrune::getFunctionDescription(const OUString &name)
{
    const funcdata::Function *f = lookup(name);
    return f ? localized(f->summary, f->de.text, german()) : OUString();
}

OUString ClientPrune::getDisplayArgumentName(const OUString &name, sal_Int32 index)
{
    const funcdata::Arg *a = lookupArg(name, index);
    return a ? localized(a->name, a->de.name, german()) : OUString();
}

OUString ClientPrune::getArgumentDescription(const OUString &name, sal_Int32 index)
{
    const funcdata::Arg *a = lookupArg(name, index);
    return a ? localized(a->help, a->de.text, german()) : OUString();
}

OUString ClientPrune::getProgrammaticCategoryName(const OUString &)
{
    return OUString::createFromAscii(CATEGORY);
}

OUString ClientPrune::getDisplayCategoryName(const OUString &)
{
    return OUString::createFromAscii(german() ? CATEGORY_DE : CATEGORY);
}

// XLocalizable --------------------------------------------------------------
void ClientPrune::setLocale(const css::lang::Locale &locale)
{
    locale_ = locale;
}

css::lang::Locale ClientPrune::getLocale()
{
    return locale_;
}

// XServiceName --------------------------------------------------------------
OUString ClientPrune::getServiceName()
{
    return OUString::createFromAscii(SERVICE_NAME);
}

// XServiceInfo --------------------------------------------------------------
OUString ClientPrune::getImplementationName()
{
    return OUString::createFromAscii(IMPLEMENTATION_NAME);
}

sal_Bool ClientPrune::supportsService(const OUString &name)
{
    return name.equalsAscii(SERVICE_NAME) || name.equalsAscii(ADDIN_SERVICE);
}

css::uno::Sequence<OUString> ClientPrune::getSupportedServiceNames()
{
    css::uno::Sequence<OUString> names(2);
    names.getArray()[0] = OUString::createFromAscii(SERVICE_NAME);
    names.getArray()[1] = OUString::createFromAscii(ADDIN_SERVICE);
    return names;
}

} // namespace clientprune

/* The component's only exported symbol, named in clientprune.components. */
extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface *
org_clientprune_ClientPrune_get_implementation(css::uno::XComponentContext *context,
                                               css::uno::Sequence<css::uno::Any> const &)
{
    /* GSL's default handler calls abort(), which would take Calc and every
     * unsaved workbook with it: the core reports through status codes. */
    gsl_set_error_handler_off();
    return cppu::acquire(new clientprune::ClientPrune(context));
}
