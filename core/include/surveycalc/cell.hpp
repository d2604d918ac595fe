// Core value types: what one spreadsheet cell holds, independent of UNO.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace surveycalc {

/// One cell as the core sees it. Calc hands blank cells to an add-in as empty
/// text, so the glue maps "" to Blank; core never sees a "blank" text.
struct Cell {
    enum class Kind : unsigned char { Blank, Number, Text };
    Kind kind = Kind::Blank;
    double number = 0.0;
    std::string text;  // UTF-8, as typed (not normalised)

    static Cell blank() { return {}; }
    static Cell of(double v) { return Cell{Kind::Number, v, {}}; }
    static Cell of(std::string s) {
        if (s.empty()) return {};
        return Cell{Kind::Text, 0.0, std::move(s)};
    }
    bool is_blank() const { return kind == Kind::Blank; }
    bool is_number() const { return kind == Kind::Number; }
    bool is_text() const { return kind == Kind::Text; }
};

/// Where a block sits on its sheet, when the glue read it from one (a data
/// range): messages then name cells as Calc does ("Data.F11"), not by their
/// position inside the range.
struct Origin {
    std::string sheet;             // empty: not known (a literal, an array, a range in the pairs)
    std::size_t col = 0, row = 0;  // 0-based, of the block's top-left cell
};

/// A cell's address as Calc writes it: "Data.F11"; a sheet name holding
/// anything but letters, digits and '_' is quoted ('My data'.F11).
std::string cell_address(std::string_view sheet, std::size_t col, std::size_t row);

struct BlockViews;  // core's parsed views of a block (core/src/column_views.hpp)

/// A slot for views computed from a block's cells and kept with it, so that a
/// block kept by the glue's column cache is parsed once for every call. A copy
/// starts empty (the copy's cells may be changed).
struct ViewsSlot {
    mutable std::shared_ptr<BlockViews> views;
    ViewsSlot() = default;
    ViewsSlot(const ViewsSlot&) {}
    ViewsSlot& operator=(const ViewsSlot&) {
        views.reset();
        return *this;
    }
    ViewsSlot(ViewsSlot&&) noexcept = default;
    ViewsSlot& operator=(ViewsSlot&&) noexcept = default;
};

/// A rectangular block of cells, row-major. A data range of a survey sheet is
/// a block with one row per respondent.
struct Block {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<Cell> cells;
    /// Rows of the reference as written, when the glue read fewer (a whole
    /// column trimmed to the sheet's used area: the rows below are empty).
    /// 0: the block holds every row of its reference.
    std::size_t written_rows = 0;
    /// Cells that hold an error value (#DIV/0!, #N/A...), read as blank;
    /// every function but DATACHECK refuses a range holding one.
    std::size_t error_cells = 0;
    std::string first_error;  // where the first is, as the glue names it (e.g. "Sheet1.A5")
    /// A whole-column reference's row-1 text, read as the column's header (the
    /// block holds a blank there); empty when row 1 is data or the range is bounded.
    std::string header;
    Origin origin;
    ViewsSlot memo;  // parsed once on first use (numbers...): cells must not change after it

    Block() = default;
    Block(std::size_t r, std::size_t c) : rows(r), cols(c), cells(r * c) {}
    static Block scalar(Cell c) {
        Block b(1, 1);
        b.cells[0] = std::move(c);
        return b;
    }
    static Block column(std::vector<Cell> v) {
        Block b;
        b.rows = v.size();
        b.cols = 1;
        b.cells = std::move(v);
        return b;
    }
    /// The height of the reference as written (what shapes are compared by).
    std::size_t height() const { return written_rows ? written_rows : rows; }
    const Cell& at(std::size_t r, std::size_t c) const { return cells[r * cols + c]; }
    Cell& at(std::size_t r, std::size_t c) { return cells[r * cols + c]; }
};

/// One element of a function's trailing argument list: either a range (a
/// block) or a scalar that the user typed or referenced as a single cell.
struct Arg {
    bool is_range = false;          // true when Calc passed a matrix
    Block block;                    // scalar args are stored as a 1x1 block
    const Block* shared = nullptr;  // a range argument held elsewhere (the glue's column cache), used
                                    // instead of `block`; it outlives the call
    std::string title = {};         // a sheet range's column title: the text just above it, or its
                                    // whole column's row-1 header ("" if none); read on every call
    const Cell& scalar() const { return block.cells.at(0); }
    /// The range: the shared block when there is one, else `block`.
    const Block& range() const { return shared ? *shared : block; }
};

}  // namespace surveycalc
