/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * share_command.cxx - the service org.clientprune.ShareCopy: XShareCopy for
 * scripts, and the menu command Tools > ClientPrune > Save a Copy for
 * Sharing... (the URL org.clientprune.share:SaveCopyForSharing), which asks
 * for a file name and format and says how many cells it froze.
 */
#include "share.hxx"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XStatusListener.hpp>
#include <com/sun/star/frame/XTitle.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilePicker3.hpp>
#include <com/sun/star/uno/Exception.hpp>
#include <com/sun/star/util/URL.hpp>
#include <cppuhelper/weak.hxx>
#include <osl/file.hxx>

using css::frame::XFrame;
using css::frame::XModel;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace clientprune {

namespace {

constexpr char IMPLEMENTATION_NAME[] = "org.clientprune.ShareCopyImpl";
constexpr char SERVICE_NAME[] = "org.clientprune.ShareCopy";
constexpr char HANDLER_SERVICE[] = "com.sun.star.frame.ProtocolHandler";
/* The menu entry's URL (packaging/Addons.xcu). */
constexpr char COMMAND[] = "org.clientprune.share:SaveCopyForSharing";
constexpr char TITLE[] = "Save a Copy for Sharing";

Reference<XModel> spreadsheetIn(const Reference<XFrame> &frame)
{
    if (!frame.is())
        return Reference<XModel>();
    Reference<css::frame::XController> controller = frame->getController();
    Reference<XModel> model = controller.is() ? controller->getModel() : Reference<XModel>();
    if (!Reference<css::sheet::XSpreadsheetDocument>(model, UNO_QUERY).is())
        return Reference<XModel>();
    return model;
}

/* "clients.ods" -> "clients (for sharing)" */
OUString suggestedName(const Reference<XModel> &model)
{
    Reference<css::frame::XTitle> title(model, UNO_QUERY);
    OUString name = title.is() ? title->getTitle() : OUString();
    const sal_Int32 dot = name.lastIndexOf('.');
    if (dot > 0)
        name = name.copy(0, dot);
    return (name.isEmpty() ? OUString("Workbook") : name) + " (for sharing)";
}

/* Asks where to save the copy and in which format; false when cancelled. */
bool askTarget(const Reference<css::uno::XComponentContext> &context, const Reference<XModel> &model,
               OUString &url, OUString &filter)
{
    using namespace css::ui::dialogs;
    Reference<XFilePicker3> picker = FilePicker::createWithMode(context, TemplateDescription::FILESAVE_AUTOEXTENSION);
    picker->setTitle(rtl::OStringToOUString("Save a Copy for Sharing\xe2\x80\xa6", RTL_TEXTENCODING_UTF8));
    for (const ShareFormat &f : SHARE_FORMATS)
        picker->appendFilter(OUString::createFromAscii(f.title), OUString::createFromAscii(f.pattern));
    picker->setCurrentFilter(OUString::createFromAscii(SHARE_FORMATS[0].title));
    picker->setDefaultName(suggestedName(model));
    const OUString own = model->getURL();
    if (!own.isEmpty() && own.lastIndexOf('/') > 0)
        picker->setDisplayDirectory(own.copy(0, own.lastIndexOf('/')));
    if (picker->execute() != ExecutableDialogResults::OK)
        return false;
    const Sequence<OUString> files = picker->getSelectedFiles();
    if (files.getLength() == 0 || files[0].isEmpty())
        return false;
    const ShareFormat *chosen = &SHARE_FORMATS[0];
    for (const ShareFormat &f : SHARE_FORMATS)
        if (picker->getCurrentFilter() == OUString::createFromAscii(f.title))
            chosen = &f;
    url = files[0];
    const OUString extension = OUString::createFromAscii(chosen->extension);
    if (!url.endsWithIgnoreAsciiCase(extension))
        url += extension;
    filter = OUString::createFromAscii(chosen->filter);
    return true;
}

void tell(const Reference<css::uno::XComponentContext> &context, const Reference<XFrame> &frame,
          css::awt::MessageBoxType type, const OUString &text)
{
    Reference<css::awt::XMessageBoxFactory> factory(css::awt::Toolkit::create(context), UNO_QUERY_THROW);
    Reference<css::awt::XWindowPeer> parent(frame->getContainerWindow(), UNO_QUERY);
    Reference<css::awt::XMessageBox> box = factory->createMessageBox(
        parent, type, css::awt::MessageBoxButtons::BUTTONS_OK, OUString::createFromAscii(TITLE), text);
    box->execute();
    Reference<css::lang::XComponent> component(box, UNO_QUERY);
    if (component.is())
        component->dispose();
}

OUString shownPath(const OUString &url)
{
    OUString path;
    return osl::FileBase::getSystemPathFromFileURL(url, path) == osl::FileBase::E_None ? path : url;
}

OUString savedMessage(const OUString &url, sal_Int32 cells)
{
    OUString text = "Saved " + shownPath(url) + "\n\n";
    if (cells == 0)
        return text + "This workbook has no ClientPrune formulas, so the copy is the same as the workbook.";
    return text + "Cells whose ClientPrune formulas were replaced by their values: " +
           OUString::number(cells) + ". The copy shows the same numbers in a LibreOffice or Excel "
           "without ClientPrune. Every other formula, format and chart is kept. Error results "
           "are kept as their text, empty results as blank cells.\n\n"
           "Your workbook itself is unchanged.";
}

} // namespace

ShareCopy::ShareCopy(const Reference<css::uno::XComponentContext> &context) : context_(context) {}

// XShareCopy ------------------------------------------------------------------
sal_Int32 ShareCopy::storeSharedCopy(const Reference<XModel> &document, const OUString &url,
                                     const OUString &filterName)
{
    return clientprune::storeSharedCopy(context_, document, url, filterName);
}

// XInitialization ---------------------------------------------------------------
void ShareCopy::initialize(const Sequence<Any> &arguments)
{
    for (const Any &a : arguments) {
        Reference<XFrame> frame;
        if (a >>= frame)
            frame_ = frame;
    }
}

// XDispatchProvider -------------------------------------------------------------
Reference<css::frame::XDispatch> ShareCopy::queryDispatch(const css::util::URL &url, const OUString &, sal_Int32)
{
    if (url.Complete.equalsAscii(COMMAND) && spreadsheetIn(Reference<XFrame>(frame_)).is())
        return this;
    return Reference<css::frame::XDispatch>();
}

Sequence<Reference<css::frame::XDispatch>>
ShareCopy::queryDispatches(const Sequence<css::frame::DispatchDescriptor> &requests)
{
    Sequence<Reference<css::frame::XDispatch>> result(requests.getLength());
    for (sal_Int32 i = 0; i < requests.getLength(); ++i)
        result.getArray()[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName, requests[i].SearchFlags);
    return result;
}

// XDispatch ---------------------------------------------------------------------
void ShareCopy::dispatch(const css::util::URL &url, const Sequence<css::beans::PropertyValue> &arguments)
{
    dispatchWithNotification(url, arguments, Reference<css::frame::XDispatchResultListener>());
}

void ShareCopy::dispatchWithNotification(const css::util::URL &url,
                                         const Sequence<css::beans::PropertyValue> &,
                                         const Reference<css::frame::XDispatchResultListener> &listener)
{
    namespace State = css::frame::DispatchResultState;
    const Reference<XFrame> frame(frame_);
    const Reference<XModel> model = spreadsheetIn(frame);
    sal_Int16 state = State::FAILURE;
    Any result;
    if (!url.Complete.equalsAscii(COMMAND) || !model.is()) {
        result <<= OUString("Save a Copy for Sharing works on spreadsheets only.");
    } else {
        try {
            OUString target, filter;
            if (askTarget(context_, model, target, filter)) {
                const sal_Int32 cells = clientprune::storeSharedCopy(context_, model, target, filter);
                state = State::SUCCESS;
                result <<= cells;
                tell(context_, frame, css::awt::MessageBoxType_INFOBOX, savedMessage(target, cells));
            } else {
                state = State::DONTKNOW; /* cancelled */
            }
        } catch (const css::uno::Exception &e) {
            /* Nothing escapes into the menu: say what went wrong. */
            result <<= e.Message;
            try {
                tell(context_, frame, css::awt::MessageBoxType_ERRORBOX,
                     "The shared copy could not be saved.\n\n" + e.Message);
            } catch (const css::uno::Exception &) {
            }
        }
    }
    if (listener.is()) {
        css::frame::DispatchResultEvent event;
        event.Source = static_cast<cppu::OWeakObject *>(this);
        event.State = state;
        event.Result = result;
        listener->dispatchFinished(event);
    }
}

void ShareCopy::addStatusListener(const Reference<css::frame::XStatusListener> &listener,
                                  const css::util::URL &url)
{
    if (!listener.is())
        return;
    css::frame::FeatureStateEvent state;
    state.Source = static_cast<cppu::OWeakObject *>(this);
    state.FeatureURL = url;
    state.IsEnabled = true;
    state.Requery = false;
    listener->statusChanged(state);
}

void ShareCopy::removeStatusListener(const Reference<css::frame::XStatusListener> &, const css::util::URL &)
{
    /* addStatusListener keeps no listener: nothing to remove */
}

// XServiceInfo ------------------------------------------------------------------
OUString ShareCopy::getImplementationName()
{
    return OUString::createFromAscii(IMPLEMENTATION_NAME);
}

sal_Bool ShareCopy::supportsService(const OUString &name)
{
    return name.equalsAscii(SERVICE_NAME) || name.equalsAscii(HANDLER_SERVICE);
}

Sequence<OUString> ShareCopy::getSupportedServiceNames()
{
    Sequence<OUString> names(2);
    names.getArray()[0] = OUString::createFromAscii(SERVICE_NAME);
    names.getArray()[1] = OUString::createFromAscii(HANDLER_SERVICE);
    return names;
}

} // namespace clientprune

/* The service's entry point, named in clientprune.components. */
extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface *
org_clientprune_ShareCopy_get_implementation(css::uno::XComponentContext *context,
                                             css::uno::Sequence<css::uno::Any> const &)
{
    return cppu::acquire(new clientprune::ShareCopy(context));
}
