/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * share_copy.cxx - the shared copy: find the cells that call ClientPrune,
 * read what they show, and write those values into a copy of the workbook.
 *
 * A cell calls ClientPrune when its formula holds an add-in call token whose
 * name starts with "org.clientprune.ClientPrune." (so a ClientPrune name
 * inside a text literal does not count), or uses a named expression that
 * does.  An array formula is frozen as a whole.  What a frozen cell holds:
 *   a number          -> that number (the cell keeps its format)
 *   text              -> that text
 *   empty text ("")   -> a blank cell
 *   an error          -> the error's displayed text, e.g. "Err:502"
 * The values are read from the user's document (what the user sees), and
 * written into a copy loaded hidden from a temporary file, at the same sheet
 * and cell positions.
 */
#include "share.hxx"

#include <set>
#include <utility>
#include <vector>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/document/UpdateDocMode.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/io/IOException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FormulaLanguage.hpp>
#include <com/sun/star/sheet/FormulaMapGroup.hpp>
#include <com/sun/star/sheet/FormulaMapGroupSpecialOffset.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/FormulaToken.hpp>
#include <com/sun/star/sheet/NameToken.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XFormulaOpCodeMapper.hpp>
#include <com/sun/star/sheet/XFormulaTokens.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/util/CloseVetoException.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XProtectable.hpp>
#include <osl/file.hxx>

using css::beans::PropertyValue;
using css::beans::XPropertySet;
using css::container::XIndexAccess;
using css::lang::IllegalArgumentException;
using css::sheet::FormulaToken;
using css::sheet::XSpreadsheet;
using css::sheet::XSpreadsheetDocument;
using css::table::CellRangeAddress;
using css::table::XCell;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace clientprune {

const ShareFormat SHARE_FORMATS[2] = {
    {"ODF Spreadsheet (.ods)", "*.ods", ".ods", "calc8"},
    {"Excel 2007-365 (.xlsx)", "*.xlsx", ".xlsx", "Calc MS Excel 2007 XML"},
};

namespace {

/* What the name of a call to a ClientPrune function starts with in a token. */
constexpr char CALL_PREFIX[] = "org.clientprune.ClientPrune.";
/* The temporary copy is always an ODF spreadsheet, whatever the document is. */
const char *const ODS_FILTER = SHARE_FORMATS[0].filter;

PropertyValue property(const char *name, const Any &value)
{
    PropertyValue p;
    p.Name = OUString::createFromAscii(name);
    p.Value = value;
    return p;
}

/* A named expression: (sheet, token index); sheet -1 for a global name, as in
 * css::sheet::NameToken. */
using NameKey = std::pair<sal_Int32, sal_Int32>;

/* Tells which formulas call ClientPrune, directly or through names. */
class Finder
{
    sal_Int32 external_ = -1; /* opcode of an add-in call */
    sal_Int32 name_ = -1;     /* opcode of a named expression */
    std::set<NameKey> callingNames_;

    struct Name {
        NameKey key;
        Sequence<FormulaToken> tokens;
    };

    static void addNames(const Reference<XPropertySet> &holder, sal_Int32 sheet, std::vector<Name> &out)
    {
        Reference<XIndexAccess> names(holder->getPropertyValue("NamedRanges"), UNO_QUERY);
        if (!names.is())
            return;
        for (sal_Int32 i = 0; i < names->getCount(); ++i) {
            Reference<css::sheet::XFormulaTokens> tokens(names->getByIndex(i), UNO_QUERY);
            Reference<XPropertySet> props(tokens, UNO_QUERY);
            sal_Int32 index = -1;
            if (!tokens.is() || !props.is() || !(props->getPropertyValue("TokenIndex") >>= index))
                continue;
            out.push_back(Name{NameKey(sheet, index), tokens->getTokens()});
        }
    }

public:
    explicit Finder(const Reference<XSpreadsheetDocument> &book)
    {
        namespace Offset = css::sheet::FormulaMapGroupSpecialOffset;
        Reference<css::lang::XMultiServiceFactory> factory(book, UNO_QUERY_THROW);
        Reference<css::sheet::XFormulaOpCodeMapper> mapper(
            factory->createInstance("com.sun.star.sheet.FormulaOpCodeMapper"), UNO_QUERY_THROW);
        const auto special = mapper->getAvailableMappings(css::sheet::FormulaLanguage::ODFF,
                                                          css::sheet::FormulaMapGroup::SPECIAL);
        if (special.getLength() <= Offset::NAME)
            throw css::uno::RuntimeException("Calc did not give the opcodes of add-in calls and names");
        external_ = special[Offset::EXTERNAL].Token.OpCode;
        name_ = special[Offset::NAME].Token.OpCode;

        /* Named expressions, global and per sheet; a name calls ClientPrune
         * when its tokens do, possibly through other names: repeat until no
         * name is added (at most once per name, as each pass adds one). */
        std::vector<Name> names;
        addNames(Reference<XPropertySet>(book, UNO_QUERY_THROW), -1, names);
        Reference<XIndexAccess> sheets(book->getSheets(), UNO_QUERY_THROW);
        for (sal_Int32 s = 0; s < sheets->getCount(); ++s)
            addNames(Reference<XPropertySet>(sheets->getByIndex(s), UNO_QUERY_THROW), s, names);
        for (std::size_t pass = 0; pass <= names.size(); ++pass) {
            bool added = false;
            for (const Name &n : names)
                if (!callingNames_.count(n.key) && calls(n.tokens)) {
                    callingNames_.insert(n.key);
                    added = true;
                }
            if (!added)
                break;
        }
    }

    bool calls(const Sequence<FormulaToken> &tokens) const
    {
        for (const FormulaToken &t : tokens) {
            if (t.OpCode == external_) {
                OUString function;
                if ((t.Data >>= function) && function.startsWithIgnoreAsciiCase(CALL_PREFIX))
                    return true;
            } else if (t.OpCode == name_) {
                css::sheet::NameToken name;
                if ((t.Data >>= name) && callingNames_.count(NameKey(name.Sheet, name.Index)))
                    return true;
            }
        }
        return false;
    }
};

/* The cells to freeze: a single cell or a whole array, with their values. */
struct Block {
    sal_Int32 sheet;
    CellRangeAddress range;
    Sequence<Sequence<Any>> values; /* double, or text ("" = blank) */
};

/* What a formula cell shows, as the value its frozen copy holds. */
Any shownValue(const Reference<XCell> &cell)
{
    Reference<css::text::XTextRange> text(cell, UNO_QUERY_THROW);
    if (cell->getError() != 0)
        return Any(text->getString()); /* "Err:502", "#VALUE!", ... */
    sal_Int32 type = 0;
    Reference<XPropertySet>(cell, UNO_QUERY_THROW)->getPropertyValue("FormulaResultType2") >>= type;
    if (type == css::sheet::FormulaResult::STRING)
        return Any(text->getString()); /* an empty text becomes a blank cell */
    return Any(cell->getValue());
}

/* The cell, or the whole array formula whose top-left cell it is. */
CellRangeAddress extent(const Reference<XSpreadsheet> &sheet, const Reference<XCell> &cell)
{
    Reference<css::sheet::XSheetCellCursor> cursor =
        sheet->createCursorByRange(Reference<css::sheet::XSheetCellRange>(cell, UNO_QUERY_THROW));
    try {
        cursor->collapseToCurrentArray();
    } catch (const css::uno::RuntimeException &) {
        /* not part of an array: the cursor stays on the cell */
    }
    return Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
}

Block readBlock(const Reference<XSpreadsheet> &sheet, sal_Int32 index, const CellRangeAddress &range)
{
    Block b{index, range, Sequence<Sequence<Any>>(range.EndRow - range.StartRow + 1)};
    for (sal_Int32 r = range.StartRow; r <= range.EndRow; ++r) {
        Sequence<Any> row(range.EndColumn - range.StartColumn + 1);
        for (sal_Int32 c = range.StartColumn; c <= range.EndColumn; ++c)
            row.getArray()[c - range.StartColumn] = shownValue(sheet->getCellByPosition(c, r));
        b.values.getArray()[r - range.StartRow] = row;
    }
    return b;
}

void refuseProtected(const Reference<XSpreadsheet> &sheet)
{
    Reference<css::util::XProtectable> lock(sheet, UNO_QUERY);
    if (!lock.is() || !lock->isProtected())
        return;
    const OUString name = Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName();
    throw IllegalArgumentException(
        "The sheet '" + name + "' is protected and holds ClientPrune formulas. Unprotect it "
        "(Tools > Protect Sheet), save the shared copy, then protect the sheet again.",
        Reference<css::uno::XInterface>(), 0);
}

/* Every cell of the book whose formula calls ClientPrune, with its value. */
std::vector<Block> collect(const Reference<XSpreadsheetDocument> &book)
{
    const Finder finder(book);
    Reference<XIndexAccess> sheets(book->getSheets(), UNO_QUERY_THROW);
    std::vector<Block> blocks;
    for (sal_Int32 s = 0; s < sheets->getCount(); ++s) {
        Reference<XSpreadsheet> sheet(sheets->getByIndex(s), UNO_QUERY_THROW);
        const std::size_t before = blocks.size();
        Reference<css::sheet::XCellRangesQuery> query(sheet, UNO_QUERY_THROW);
        const Sequence<CellRangeAddress> areas =
            query->queryContentCells(css::sheet::CellFlags::FORMULA)->getRangeAddresses();
        for (const CellRangeAddress &area : areas)
            for (sal_Int32 r = area.StartRow; r <= area.EndRow; ++r)
                for (sal_Int32 c = area.StartColumn; c <= area.EndColumn; ++c) {
                    Reference<XCell> cell = sheet->getCellByPosition(c, r);
                    /* An array's other cells hold a reference to its top-left
                     * cell, not the call: the array is found once, there. */
                    if (finder.calls(Reference<css::sheet::XFormulaTokens>(cell, UNO_QUERY_THROW)->getTokens()))
                        blocks.push_back(readBlock(sheet, s, extent(sheet, cell)));
                }
        if (blocks.size() > before)
            refuseProtected(sheet);
    }
    return blocks;
}

sal_Int32 freeze(const Reference<XSpreadsheetDocument> &book, const std::vector<Block> &blocks)
{
    using namespace css::sheet::CellFlags;
    Reference<XIndexAccess> sheets(book->getSheets(), UNO_QUERY_THROW);
    sal_Int32 cells = 0;
    for (const Block &b : blocks) {
        Reference<XSpreadsheet> sheet(sheets->getByIndex(b.sheet), UNO_QUERY_THROW);
        Reference<css::table::XCellRange> range = sheet->getCellRangeByPosition(
            b.range.StartColumn, b.range.StartRow, b.range.EndColumn, b.range.EndRow);
        /* Contents only: formats, notes and borders stay. */
        Reference<css::sheet::XSheetOperation>(range, UNO_QUERY_THROW)
            ->clearContents(VALUE | DATETIME | STRING | FORMULA);
        Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->setDataArray(b.values);
        cells += (b.range.EndRow - b.range.StartRow + 1) * (b.range.EndColumn - b.range.StartColumn + 1);
    }
    return cells;
}

OUString filterFor(const OUString &url, const OUString &filterName)
{
    if (!filterName.isEmpty())
        return filterName;
    for (const ShareFormat &f : SHARE_FORMATS)
        if (url.endsWithIgnoreAsciiCase(OUString::createFromAscii(f.extension)))
            return OUString::createFromAscii(f.filter);
    throw IllegalArgumentException("The shared copy's name must end in .ods or .xlsx (or name a filter).",
                                   Reference<css::uno::XInterface>(), 2);
}

/* A temporary file, deleted when this goes out of scope. */
class TempFile
{
    OUString url_;

public:
    TempFile()
    {
        oslFileHandle handle = nullptr;
        if (osl::FileBase::createTempFile(nullptr, &handle, &url_) != osl::FileBase::E_None)
            throw css::io::IOException("Could not create a temporary file for the shared copy.",
                                       Reference<css::uno::XInterface>());
        osl_closeFile(handle);
    }
    ~TempFile() { osl::File::remove(url_); }
    TempFile(const TempFile &) = delete;
    TempFile &operator=(const TempFile &) = delete;
    const OUString &url() const { return url_; }
};

/* A spreadsheet loaded without a window, closed when this goes out of scope. */
class HiddenBook
{
    Reference<css::lang::XComponent> doc_;

public:
    HiddenBook(const Reference<css::uno::XComponentContext> &context, const OUString &url)
    {
        Sequence<PropertyValue> args(5);
        PropertyValue *a = args.getArray();
        a[0] = property("Hidden", Any(true));
        a[1] = property("FilterName", Any(OUString::createFromAscii(ODS_FILTER)));
        a[2] = property("MacroExecutionMode", Any(css::document::MacroExecMode::NEVER_EXECUTE));
        a[3] = property("UpdateDocMode", Any(css::document::UpdateDocMode::NO_UPDATE));
        a[4] = property("PickListEntry", Any(false));
        doc_ = css::frame::Desktop::create(context)->loadComponentFromURL(url, "_blank", 0, args);
        if (!Reference<XSpreadsheetDocument>(doc_, UNO_QUERY).is()) {
            close();
            throw css::io::IOException("Could not read back the copy of the workbook.",
                                       Reference<css::uno::XInterface>());
        }
    }
    ~HiddenBook() { close(); }
    HiddenBook(const HiddenBook &) = delete;
    HiddenBook &operator=(const HiddenBook &) = delete;

    Reference<XSpreadsheetDocument> book() const { return Reference<XSpreadsheetDocument>(doc_, UNO_QUERY_THROW); }

    void close() noexcept
    {
        if (!doc_.is())
            return;
        try {
            Reference<css::util::XCloseable> closeable(doc_, UNO_QUERY);
            if (closeable.is())
                closeable->close(true);
            else
                doc_->dispose();
        } catch (const css::uno::Exception &) {
            /* closing a hidden copy that someone else holds: it goes when they let go */
        }
        doc_.clear();
    }
};

} // namespace

sal_Int32 storeSharedCopy(const Reference<css::uno::XComponentContext> &context,
                          const Reference<css::frame::XModel> &document, const OUString &url,
                          const OUString &filterName)
{
    Reference<XSpreadsheetDocument> book(document, UNO_QUERY);
    Reference<css::frame::XStorable> storable(document, UNO_QUERY);
    if (!book.is() || !storable.is())
        throw IllegalArgumentException("Save a Copy for Sharing works on spreadsheets only.",
                                       Reference<css::uno::XInterface>(), 0);
    if (url.isEmpty())
        throw IllegalArgumentException("No file name was given for the shared copy.",
                                       Reference<css::uno::XInterface>(), 1);
    if (url == document->getURL())
        throw IllegalArgumentException("The shared copy would replace the workbook itself: "
                                       "choose another file name.",
                                       Reference<css::uno::XInterface>(), 1);
    const OUString filter = filterFor(url, filterName);

    const std::vector<Block> blocks = collect(book);

    TempFile temp;
    Sequence<PropertyValue> odf(1);
    odf.getArray()[0] = property("FilterName", Any(OUString::createFromAscii(ODS_FILTER)));
    storable->storeToURL(temp.url(), odf); /* a copy: the document keeps its own file and state */

    HiddenBook copy(context, temp.url());
    const sal_Int32 cells = freeze(copy.book(), blocks);
    Sequence<PropertyValue> out(2);
    out.getArray()[0] = property("FilterName", Any(filter));
    out.getArray()[1] = property("Overwrite", Any(true));
    Reference<css::frame::XStorable>(copy.book(), UNO_QUERY_THROW)->storeToURL(url, out);
    return cells;
}

} // namespace clientprune
