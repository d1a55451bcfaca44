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

} // namespace

// XAddIn ------------------------------------------------------------------
OUString ClientPrune::getProgrammaticFuntionName(const OUString &displayName)
{
    const funcdata::Function *f = lookup(displayName);
    return f ? OUString::createFromAscii(f->name) : OUString();
}

OUString ClientPrune::getDisplayFunctionName(const OUString &name)
{
    const funcdata::Function *f = lookup(name);
    return f ? OUString::createFromAscii(f->name) : OUString();
}

OUString ClientPrune::getFunctionDescription(const OUString &name)
{
    const funcdata::Function *f = lookup(name);
    return f ? utf8(f->summary) : OUString();
}

OUString ClientPrune::getDisplayArgumentName(const OUString &name, sal_Int32 index)
{
    const funcdata::Arg *a = lookupArg(name, index);
    return a ? utf8(a->name) : OUString();
}

OUString ClientPrune::getArgumentDescription(const OUString &name, sal_Int32 index)
{
    const funcdata::Arg *a = lookupArg(name, index);
    return a ? utf8(a->help) : OUString();
}

OUString ClientPrune::getProgrammaticCategoryName(const OUString &)
{
    return OUString::createFromAscii(CATEGORY);
}

OUString ClientPrune::getDisplayCategoryName(const OUString &)
{
    return OUString::createFromAscii(CATEGORY);
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
