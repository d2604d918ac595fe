// The spreadsheet functions, one core routine each. The UNO glue converts
// arguments to core types, calls one of these and converts the result back.
// Every routine throws ArgumentError for bad arguments and returns NA when
// there is no (or too little) valid data.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "surveycalc/cell.hpp"
#include "surveycalc/errors.hpp"

namespace surveycalc {

/// A scalar result: NA (#N/A in the cell), a number or a text.
struct NA {
    bool operator==(const NA&) const = default;
};
using Result = std::variant<NA, double, std::string>;
using Pairs = std::vector<Arg>;

namespace fn {

Result difficulty(const Block& scores, const Pairs& pairs);
Result mention_rate(const Block& responses, const Cell& option, const Pairs& pairs);

}  // namespace fn
}  // namespace surveycalc
