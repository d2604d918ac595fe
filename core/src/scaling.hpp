// Exact rescaling of sums: dividing by a power of two changes no bit of a
// double's significand (unless the result leaves the normal range), so sums of
// weights or amounts taken relative to their largest term's power of two
// neither overflow nor underflow, and give the very figures of the unscaled
// sums whenever those are representable.
#pragma once

#include <cmath>

namespace surveycalc {

/// The power of two 2^floor(log2 x) that brings a finite x > 0 into [1,2).
inline double binade(double x) { return std::ldexp(1.0, std::ilogb(x)); }

}  // namespace surveycalc
