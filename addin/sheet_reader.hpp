// Reading a range argument of the sheet (a com.sun.star.table.XCellRange
// parameter) into a core Block: where it is, trimmed to the used area of its
// sheet, one getDataArray call. Conversion only: no statistics here.
#pragma once

#include <com/sun/star/table/XCellRange.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "surveycalc/cell.hpp"
#include "surveycalc/functions.hpp"

namespace surveycalc::uno {

namespace css = ::com::sun::star;

/// Where a range argument is and how much of it holds data.
struct Located {
    css::uno::Reference<css::table::XCellRange> range;  // as Calc passed it
    std::int32_t sheet = 0;
    std::int32_t first_col = 0, first_row = 0;  // absolute, 0-based
    std::size_t cols = 0;
    std::size_t written_rows = 0;  // rows of the reference as written
    std::size_t used_rows = 0;     // rows from first_row down to the sheet's last used row (≤ written_rows)
    bool whole_column = false;     // A:A: every row of the sheet (row 1 may be a header)
    std::string sheet_name;
};

/// Locates a range argument. A 3-D reference (several sheets) is refused with
/// an ArgumentError naming `what`: Calc hands it over as its first sheet only.
Located locate(const css::uno::Reference<css::table::XCellRange>& range, std::string_view what);

/// The first `rows` rows of the located range (rows ≤ written_rows) as a
/// block: numbers, texts, blanks; an error cell reads as blank and is counted
/// in Block::error_cells, the first one named in Block::first_error. The
/// block's written_rows is the reference's height when rows < it. In a
/// whole-column reference a text in row 1 is the column's header and reads as
/// blank (as AVERAGE(A:A) skips it), so A:A means the answers under the header.
Block read(const Located& at, std::size_t rows);

/// A whole column's header (row 1, see read()) is no row of data in the
/// call's other whole columns either: blanks row 1's texts in the pairs'
/// ranges of the data's height (else "base";"all" counts the header's row).
void drop_header_row(const Block& data, Pairs& pairs);

/// The cell just above a located range's first column (its title in a sheet
/// with a header row); nullopt for a range starting in row 1.
std::optional<Located> above(const Located& at);

/// The sub-range object of the first `rows` rows (the object a cache listens to).
css::uno::Reference<css::table::XCellRange> head(const Located& at, std::size_t rows);

/// True when any cell of the first `rows` rows holds a formula (such a range
/// is never cached: a volatile formula changes without a modify event).
bool has_formulas(const Located& at, std::size_t rows);

}  // namespace surveycalc::uno
