// Core value types: what one spreadsheet cell holds, independent of UNO.
#pragma once

#include <cstddef>
#include <string>
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

/// A rectangular block of cells, row-major. A data range of a survey sheet is
/// a block with one row per respondent.
struct Block {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<Cell> cells;

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
    const Cell& at(std::size_t r, std::size_t c) const { return cells[r * cols + c]; }
    Cell& at(std::size_t r, std::size_t c) { return cells[r * cols + c]; }
};

/// One element of a function's trailing argument list: either a range (a
/// block) or a scalar that the user typed or referenced as a single cell.
struct Arg {
    bool is_range = false;  // true when Calc passed a matrix
    Block block;            // scalar args are stored as a 1x1 block
    const Cell& scalar() const { return block.cells.at(0); }
};

}  // namespace surveycalc
