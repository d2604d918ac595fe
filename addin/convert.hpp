// Conversion between UNO values and core types. Nothing else.
#pragma once

#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <initializer_list>
#include <rtl/ustring.hxx>

#include "surveycalc/cell.hpp"
#include "surveycalc/functions.hpp"

namespace surveycalc::uno {

namespace css = ::com::sun::star;
using Matrix = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

std::string to_utf8(const rtl::OUString& s);
rtl::OUString to_ou(const std::string& s);

/// A cell value: double or boolean -> Number, "" or void -> Blank, text -> Text.
Cell to_cell(const css::uno::Any& a);
/// A range argument (Calc passes a rectangular sequence of rows). Only the
/// first `max_rows` rows are converted; the block records the full height
/// (Block::written_rows) when it holds fewer.
Block to_block(const Matrix& m, std::size_t max_rows = static_cast<std::size_t>(-1));
/// The trailing pairs: ranges arrive as matrices, literals and single cells as
/// scalars, omitted arguments as void (trailing ones are dropped). A range is
/// converted down to `max_rows` rows: the call's data holds nothing below.
Pairs to_pairs(std::initializer_list<const css::uno::Any*> pairs,
               std::size_t max_rows = static_cast<std::size_t>(-1));

/// An `any` argument that may hold a range (a matrix) or a scalar.
Arg to_arg(const css::uno::Any& a, std::size_t max_rows = static_cast<std::size_t>(-1));

/// A table result: empty cells become void (shown empty), numbers and texts as they are.
Matrix to_matrix(const Table& t);

/// NA -> void (Calc shows #N/A), number -> double, text -> string.
css::uno::Any to_any(const Result& r);

}  // namespace surveycalc::uno
