#include "sheet_reader.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <string_view>

#include "convert.hpp"
#include "surveycalc/errors.hpp"

namespace surveycalc::uno {

namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

/// True when Calc's absolute name of the range spans several sheets
/// ("$Sheet1.$A$1:$Sheet3.$A$9"): a second sheet part after the colon,
/// outside quoted sheet names.
bool spans_sheets(const std::string& name) {
    bool quoted = false;
    int sheet_parts = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        if (c == '\'') quoted = !quoted;  // '' inside a quoted name toggles twice: harmless
        if (!quoted && c == '.') ++sheet_parts;
        if (!quoted && c == ';') return true;  // a list of ranges: never one sheet column
    }
    return sheet_parts > 1;
}

}  // namespace

Located locate(const Reference<css::table::XCellRange>& range, std::string_view what) {
    if (!range.is())
        throw ArgumentError({std::string(what) + " must be a range of the sheet",
                             std::string(what) + " 必须是工作表中的区域"});
    Located at;
    at.range = range;
    Reference<css::beans::XPropertySet> props(range, UNO_QUERY_THROW);
    rtl::OUString absolute;
    props->getPropertyValue("AbsoluteName") >>= absolute;
    if (spans_sheets(to_utf8(absolute)))
        throw ArgumentError(
            {std::string(what) + " spans several sheets (" + to_utf8(absolute) +
                 "): Calc hands an add-in only the first sheet of a 3-D reference; give one sheet's range",
             std::string(what) + " 跨越多个工作表（" + to_utf8(absolute) +
                 "）：Calc 只把三维引用的第一个工作表交给扩展；请给出单个工作表中的区域"});
    css::table::CellRangeAddress a =
        Reference<css::sheet::XCellRangeAddressable>(range, UNO_QUERY_THROW)->getRangeAddress();
    at.sheet = a.Sheet;
    at.first_col = a.StartColumn;
    at.first_row = a.StartRow;
    at.cols = static_cast<std::size_t>(a.EndColumn - a.StartColumn + 1);
    at.written_rows = static_cast<std::size_t>(a.EndRow - a.StartRow + 1);

    // The used area: the last row and column that hold anything (data, a
    // formula, a note, a visible format). Every cell below or right of it is empty.
    Reference<css::sheet::XSpreadsheet> sheet =
        Reference<css::sheet::XSheetCellRange>(range, UNO_QUERY_THROW)->getSpreadsheet();
    at.sheet_name = to_utf8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
    if (at.first_row == 0) {
        sal_Int32 sheet_rows =
            Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)->getRows()->getCount();
        at.whole_column = static_cast<std::size_t>(sheet_rows) == at.written_rows;
    }
    Reference<css::sheet::XSheetCellCursor> cursor = sheet->createCursor();
    Reference<css::sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
    css::table::CellRangeAddress end =
        Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
    std::int64_t used = static_cast<std::int64_t>(end.EndRow) - a.StartRow + 1;
    at.used_rows = used <= 0 ? 0 : std::min<std::size_t>(static_cast<std::size_t>(used), at.written_rows);
    return at;
}

std::optional<Located> above(const Located& at) {
    if (at.first_row == 0) return std::nullopt;
    Reference<css::sheet::XSpreadsheet> sheet =
        Reference<css::sheet::XSheetCellRange>(at.range, UNO_QUERY_THROW)->getSpreadsheet();
    return locate(
        sheet->getCellRangeByPosition(at.first_col, at.first_row - 1, at.first_col, at.first_row - 1),
        "title");
}

Reference<css::table::XCellRange> head(const Located& at, std::size_t rows) {
    return at.range->getCellRangeByPosition(0, 0, static_cast<sal_Int32>(at.cols) - 1,
                                            static_cast<sal_Int32>(rows) - 1);
}

bool has_formulas(const Located& at, std::size_t rows) {
    if (rows == 0) return false;
    Reference<css::sheet::XCellRangesQuery> q(head(at, rows), UNO_QUERY_THROW);
    Reference<css::sheet::XSheetCellRanges> found = q->queryContentCells(css::sheet::CellFlags::FORMULA);
    return found.is() && found->getCount() > 0;
}

Block read(const Located& at, std::size_t rows) {
    Block b(rows, at.cols);
    if (rows < at.written_rows) b.written_rows = at.written_rows;
    b.origin = {at.sheet_name, static_cast<std::size_t>(at.first_col),
                static_cast<std::size_t>(at.first_row)};
    if (rows == 0 || at.cols == 0) return b;
    // One call for the whole block: Calc fills a sequence of rows of any, blank
    // cells as "", error cells as void (ScRangeToSequence::FillMixedArray).
    // const: a non-const Sequence's operator[] checks for copy-on-write on every row.
    const Matrix m = Reference<css::sheet::XCellRangeData>(head(at, rows), UNO_QUERY_THROW)->getDataArray();
    for (std::size_t r = 0; r < rows && r < static_cast<std::size_t>(m.getLength()); ++r) {
        const css::uno::Sequence<css::uno::Any>& row = m[static_cast<sal_Int32>(r)];
        for (std::size_t c = 0; c < at.cols && c < static_cast<std::size_t>(row.getLength()); ++c) {
            const css::uno::Any& v = row[static_cast<sal_Int32>(c)];
            if (!v.hasValue()) {
                if (b.error_cells++ == 0)
                    b.first_error = cell_address(at.sheet_name, static_cast<std::size_t>(at.first_col) + c,
                                                 static_cast<std::size_t>(at.first_row) + r);
                continue;
            }
            b.at(r, c) = to_cell(v);
            if (r == 0 && at.whole_column && b.at(r, c).is_text()) {
                if (b.header.empty()) b.header = b.at(r, c).text;
                b.at(r, c) = Cell::blank();
            }
        }
    }
    return b;
}

void drop_header_row(const Block& data, Pairs& pairs) {
    if (data.header.empty()) return;
    for (Arg& p : pairs) {
        if (!p.is_range || p.block.rows == 0 || p.block.height() != data.height()) continue;
        for (std::size_t c = 0; c < p.block.cols; ++c)
            if (p.block.at(0, c).is_text()) p.block.at(0, c) = Cell::blank();
    }
}

}  // namespace surveycalc::uno
