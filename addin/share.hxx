/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * share.hxx - "Save a Copy for Sharing".
 *
 * A person without ClientPrune who opens a workbook that uses it sees #NAME?
 * wherever a ClientPrune function is called.  storeSharedCopy writes a copy
 * of the workbook in which every such cell holds its current value instead,
 * so the accountant sees the owner's numbers; everything else (other
 * formulas, formats, charts) is the workbook's own.
 *
 * ShareCopy is the UNO service org.clientprune.ShareCopy that offers it: to
 * scripts through XShareCopy (tools/share_copy.py), and to the menu entry
 * Tools > ClientPrune > Save a Copy for Sharing... as the protocol handler
 * of org.clientprune.share: URLs (packaging/Addons.xcu, ProtocolHandler.xcu).
 * It is a separate implementation from the add-in so that Calc does not list
 * storeSharedCopy as a spreadsheet function.
 */
#ifndef CLIENTPRUNE_SHARE_HXX
#define CLIENTPRUNE_SHARE_HXX

#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase5.hxx>
#include <cppuhelper/weakref.hxx>
#include <org/clientprune/XShareCopy.hpp>
#include <rtl/ustring.hxx>

namespace clientprune {

/* The formats a shared copy is offered in; the first is the default. */
struct ShareFormat {
    const char *title;     /* as the file dialog lists it */
    const char *pattern;   /* its file name pattern there */
    const char *extension; /* ".ods" */
    const char *filter;    /* the export filter */
};
extern const ShareFormat SHARE_FORMATS[2];

/* Stores the shared copy of document (a spreadsheet document) to url with
 * the export filter filterName ("" = from url's extension, one of
 * SHARE_FORMATS).
 * The document is not modified: it is stored to a temporary file, which is
 * loaded hidden, frozen, stored to url, closed and deleted.  Returns the
 * number of cells replaced by their values.  Throws IllegalArgumentException
 * (not a spreadsheet, url empty or the document's own file, no filter for
 * url, a protected sheet holding ClientPrune formulas) or IOException (the
 * copy could not be written or read back). */
sal_Int32 storeSharedCopy(const css::uno::Reference<css::uno::XComponentContext> &context,
                          const css::uno::Reference<css::frame::XModel> &document,
                          const rtl::OUString &url, const rtl::OUString &filterName);

class ShareCopy
    : public cppu::WeakImplHelper5<org::clientprune::XShareCopy, css::frame::XDispatchProvider,
                                   css::frame::XNotifyingDispatch, css::lang::XInitialization,
                                   css::lang::XServiceInfo>
{
    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::WeakReference<css::frame::XFrame> frame_; /* the frame the menu entry is in */

public:
    explicit ShareCopy(const css::uno::Reference<css::uno::XComponentContext> &context);

    // XShareCopy
    sal_Int32 SAL_CALL storeSharedCopy(const css::uno::Reference<css::frame::XModel> &document,
                                       const rtl::OUString &url,
                                       const rtl::OUString &filterName) override;

    // XInitialization: the frame, when created as a protocol handler
    void SAL_CALL initialize(const css::uno::Sequence<css::uno::Any> &arguments) override;

    // XDispatchProvider
    css::uno::Reference<css::frame::XDispatch> SAL_CALL
    queryDispatch(const css::util::URL &url, const rtl::OUString &target, sal_Int32 flags) override;
    css::uno::Sequence<css::uno::Reference<css::frame::XDispatch>> SAL_CALL
    queryDispatches(const css::uno::Sequence<css::frame::DispatchDescriptor> &requests) override;

    // XDispatch
    void SAL_CALL dispatch(const css::util::URL &url,
                           const css::uno::Sequence<css::beans::PropertyValue> &arguments) override;
    // XNotifyingDispatch: the listener hears SUCCESS with the number of cells
    // frozen, DONTKNOW when the file dialog was cancelled, or FAILURE with
    // the message the user was shown.
    void SAL_CALL dispatchWithNotification(
        const css::util::URL &url, const css::uno::Sequence<css::beans::PropertyValue> &arguments,
        const css::uno::Reference<css::frame::XDispatchResultListener> &listener) override;
    void SAL_CALL addStatusListener(const css::uno::Reference<css::frame::XStatusListener> &listener,
                                    const css::util::URL &url) override;
    void SAL_CALL removeStatusListener(const css::uno::Reference<css::frame::XStatusListener> &listener,
                                       const css::util::URL &url) override;

    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const rtl::OUString &name) override;
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override;
};

} // namespace clientprune

#endif
