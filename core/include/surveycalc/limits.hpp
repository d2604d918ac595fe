// Documented limits (README "Reliability"). Every function checks them before
// it allocates, so no formula can make Calc allocate or compute without bound.
#pragma once

#include <cstddef>

namespace surveycalc {

/// Cells of one table result (GROUPTABLE, CROSSTAB, SHARES), padding included.
inline constexpr std::size_t kMaxTableCells = 100000;
/// Largest value of the options "rows" and "top", and answers listed in "options".
inline constexpr std::size_t kMaxTableRows = 10000;
/// Largest value of the option "cols" (Calc 7.4 sheets have 1024 columns).
inline constexpr std::size_t kMaxTableCols = 1000;
/// Distinct answers or groups a CROSSTAB may collect while it reads (its
/// working table is at most this many cells, 8 bytes each).
inline constexpr std::size_t kMaxCrosstabWork = 4000000;
/// Largest absolute bound of the option "scale": sums of a million scores stay
/// far from the largest double.
inline constexpr double kMaxScaleBound = 1e15;
/// Rows of a whole column in LibreOffice 7.4 (A:A): a pair's range this high
/// costs Calc about 0.3 s per call to convert; DATACHECK says so.
inline constexpr std::size_t kWholeColumnRows = 1048576;

}  // namespace surveycalc
