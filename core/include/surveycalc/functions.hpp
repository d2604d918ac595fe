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
Result mention_count(const Block& responses, const Cell& option, const Pairs& pairs);
Result share(const Block& values, const Cell& value, const Pairs& pairs);
/// The spec's RATE: named SUMRATIO because Calc's built-in financial RATE
/// takes precedence over an add-in function of the same name.
Result rate(const Block& numerators, const Block& denominators, const Pairs& pairs);

/// Confidence intervals: `bound` is "lower", "upper" or "half". DIFFICULTYCI is
/// the t-interval of the (weighted) mean, MENTIONCI the Wilson score interval
/// (weighted: on the Kish effective base). See inference.hpp for definitions.
Result difficulty_ci(const Block& scores, const Cell& bound, const Pairs& pairs);
Result mention_ci(const Block& responses, const Cell& option, const Cell& bound, const Pairs& pairs);

/// Two-sided p-values comparing the rows whose `groups` cell matches group_a
/// with those matching group_b (criteria, so "<>重庆" and places work).
/// MENTIONTEST: pooled two-proportion z-test; DIFFICULTYTEST: Welch t-test.
Result mention_test(const Block& responses, const Cell& option, const Block& groups, const Cell& group_a,
                    const Cell& group_b, const Pairs& pairs);
Result difficulty_test(const Block& scores, const Block& groups, const Cell& group_a, const Cell& group_b,
                       const Pairs& pairs);

/// A sentence on what a range holds and what is wrong with it; `kind` is
/// "scores", "responses" or "places". Never throws for bad data or arguments:
/// it says what is wrong instead.
Result datacheck(const Block& range, const Cell& kind, const Pairs& pairs, Lang lang);

}  // namespace fn
}  // namespace surveycalc
