// Views of a block parsed once and kept with it (Block::memo). A block that
// the glue's column cache keeps across calls is then parsed once for fifty
// figures over the same column instead of once per figure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "surveycalc/cell.hpp"

namespace surveycalc {

/// Column 0's cells as plain numbers: a finite number cell's value, NaN for
/// every other cell (blank, text, an infinite number), which then takes the
/// cell-by-cell path. Computed on first use; the block's cells must not change after.
const std::vector<double>& plain_numbers(const Block& b);

/// Column 0's empty rows: 1 where is_empty(cell) (blank, only spaces, a
/// platform's no-answer mark), else 0. One byte a row, so that a routine
/// skips the blanks of a cached column without touching their cells (a cell
/// is 48 bytes: reading one in twenty of a million is a cache miss each).
const std::vector<unsigned char>& empty_rows(const Block& b);

/// Column 0's text cells interned: id[r] is 0 for a cell that is not text,
/// else 1 + the index of its text in `texts` (each distinct text once, in
/// order of first appearance). A routine works a text out once per distinct
/// text instead of once per row.
struct TextIds {
    std::vector<std::uint32_t> id;
    std::vector<const std::string*> texts;  // into the block's cells
};
const TextIds& text_ids(const Block& b);

}  // namespace surveycalc
