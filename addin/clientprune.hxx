/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clientprune.hxx - the UNO component Calc talks to.
 *
 * Calc finds the service org.clientprune.ClientPrune through the
 * com.sun.star.sheet.AddIn service, reads each function's Wizard texts
 * through XAddIn (clientprune.cxx, served from the generated funcdata.inc,
 * in German when Calc's locale is German and the table has German texts)
 * and calls the XClientPrune methods, which are declared by the generated
 * methods.inc and defined one concern per file (fn_<module>.cxx).
 *
 * Every method body does three things and nothing else: convert and
 * validate the arguments (convert.hxx), call the C core, and map the core's
 * status to a result or a Calc error (check()).  Wrap it in guarded().
 */
#ifndef CLIENTPRUNE_CLIENTPRUNE_HXX
#define CLIENTPRUNE_CLIENTPRUNE_HXX

#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>
#include <org/clientprune/XClientPrune.hpp>
#include <rtl/ustring.hxx>

#include "convert.hxx"

namespace clientprune {

class ClientPrune
    : public cppu::WeakImplHelper4<org::clientprune::XClientPrune, css::sheet::XAddIn,
                                   css::lang::XServiceName, css::lang::XServiceInfo>
{
    css::lang::Locale locale_;
    /* The office's services (collation for RFMTABLE's text keys). */
    css::uno::Reference<css::uno::XComponentContext> context_;

    /* True when the Wizard's texts are to be German (the locale Calc set). */
    bool german() const;

public:
    explicit ClientPrune(const css::uno::Reference<css::uno::XComponentContext> &context)
        : context_(context)
    {
    }

    // XClientPrune: one declaration per function of the table.
#include "methods.inc"

    // XAddIn
    rtl::OUString SAL_CALL getProgrammaticFuntionName(const rtl::OUString &displayName) override;
    rtl::OUString SAL_CALL getDisplayFunctionName(const rtl::OUString &name) override;
    rtl::OUString SAL_CALL getFunctionDescription(const rtl::OUString &name) override;
    rtl::OUString SAL_CALL getDisplayArgumentName(const rtl::OUString &name, sal_Int32 index) override;
    rtl::OUString SAL_CALL getArgumentDescription(const rtl::OUString &name, sal_Int32 index) override;
    rtl::OUString SAL_CALL getProgrammaticCategoryName(const rtl::OUString &name) override;
    rtl::OUString SAL_CALL getDisplayCategoryName(const rtl::OUString &name) override;

    // XLocalizable
    void SAL_CALL setLocale(const css::lang::Locale &locale) override;
    css::lang::Locale SAL_CALL getLocale() override;

    // XServiceName
    rtl::OUString SAL_CALL getServiceName() override;

    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const rtl::OUString &name) override;
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override;
};

} // namespace clientprune

#endif
