// Small builders for core types in tests.
#pragma once

#include <catch2/catch.hpp>
#include <initializer_list>
#include <string>
#include <variant>

#include "surveycalc/cell.hpp"
#include "surveycalc/functions.hpp"

namespace surveycalc::testing {

struct V {
    Cell cell;
    V(double d) : cell(Cell::of(d)) {}
    V(const char* s) : cell(Cell::of(std::string(s))) {}
};

inline Block col(std::initializer_list<V> values) {
    std::vector<Cell> cells;
    for (const V& v : values) cells.push_back(v.cell);
    return Block::column(std::move(cells));
}

inline Arg opt(const char* s) { return Arg{false, Block::scalar(Cell::of(std::string(s)))}; }
inline Arg opt(double d) { return Arg{false, Block::scalar(Cell::of(d))}; }
inline Arg range(const Block& b) { return Arg{true, b}; }

/// A value no real result equals: num() of an #N/A result.
inline constexpr double NA_CHECK = -1e300;

inline double num(const Result& r) {
    if (std::holds_alternative<double>(r)) return std::get<double>(r);
    if (std::holds_alternative<NA>(r)) return NA_CHECK;
    FAIL("result is text: " << std::get<std::string>(r));
    return 0;
}
inline bool is_na(const Result& r) { return std::holds_alternative<NA>(r); }

}  // namespace surveycalc::testing
