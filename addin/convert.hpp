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
/// A range argument (Calc passes a rectangular sequence of rows).
Block to_block(const Matrix& m);
/// The trailing pairs: ranges arrive as matrices, literals and single cells as
/// scalars, omitted arguments as void (trailing ones are dropped).
Pairs to_pairs(std::initializer_list<const css::uno::Any*> pairs);

/// An `any` argument that may hold a range (a matrix) or a scalar.
Arg to_arg(const css::uno::Any& a);

/// A table result: empty cells become void (shown empty), numbers and texts as they are.
Matrix to_matrix(const Table& t);

/// NA -> void (Calc shows #N/A), number -> double, text -> string.
css::uno::Any to_any(const Result& r);

}  // namespace surveycalc::uno
