// Views of a block parsed once and kept with it (Block::memo). A block that
// the glue's column cache keeps across calls is then parsed once for fifty
// figures over the same column instead of once per figure.
#pragma once

#include <cstdint>
#include <memory>
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

/// A value derived from the whole block under settings named by `key` (the
/// mean of a column's valid scores on a scale, say), made once and kept with
/// the block: fifty figures over a cached column that differ only in settings
/// that do not change it (min_n, the confidence level) compute it once.
/// `make()` returns a T; when it throws, nothing is kept.
template <class T, class Make>
const T& derived(const Block& b, const std::string& key, Make&& make);

namespace detail {
std::shared_ptr<void>& derived_slot(const Block& b, const std::string& key);
}

template <class T, class Make>
const T& derived(const Block& b, const std::string& key, Make&& make) {
    std::shared_ptr<void>& slot = detail::derived_slot(b, key);
    if (!slot) slot = std::make_shared<T>(make());
    return *static_cast<const T*>(slot.get());
}

}  // namespace surveycalc
