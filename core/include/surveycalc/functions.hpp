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

/// A cell of an array (table) result: empty, a number or a text.
struct Empty {
    bool operator==(const Empty&) const = default;
};
using TableCell = std::variant<Empty, double, std::string>;
using Table = std::vector<std::vector<TableCell>>;

/// What a catalog entry point returns: a scalar or a table.
using Value = std::variant<Result, Table>;

/// One call as every catalog entry point takes it (catalog::Function::entry):
/// the fixed arguments in the catalog's order (a range as a block, a single
/// value as a 1x1 block), the trailing pairs, and the UI language.
struct Call {
    std::vector<Arg> args;
    Pairs pairs;
    Lang lang = Lang::En;
    /// Argument i as a range.
    const Block& range(std::size_t i) const { return args.at(i).range(); }
    /// Argument i as one value; a range of more than one cell is an ArgumentError naming `what`.
    const Cell& value(std::size_t i, std::string_view what) const;
    /// Argument i as given (a value or a range).
    const Arg& arg(std::size_t i) const { return args.at(i); }
};

namespace fn {

Result difficulty(const Block& scores, const Pairs& pairs);
/// Top-box share: the (weighted) share of the valid scores that are at least `threshold`.
Result topbox(const Block& scores, const Cell& threshold, const Pairs& pairs);
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

// ---- tables (array formulas) ----------------------------------------------

/// One row per group: label, n (valid answers), mean; groups under min_n left
/// out; options "sort" (desc, asc, name, none), "top", "rows", "by".
/// What a table's "header" row says: the UI language and the titles of its
/// two data ranges (empty: the generic label, 组 / 样本数 / 平均分...).
struct TableTitles {
    Lang lang = Lang::En;
    std::string data, groups;
};
Table group_table(const Block& scores, const Block& groups, const Pairs& pairs,
                  const TableTitles& titles = {});
/// Mention rate of each option (rows) in each group (columns), labels in the
/// first row and column; options "options", "sort", "top", "rows", "cols", "by".
Table crosstab(const Block& responses, const Block& groups, const Pairs& pairs,
               const TableTitles& titles = {});
/// Each count's share, rounded to `decimals` decimals of a percent so that the
/// rounded shares sum to exactly 100% (largest remainder; ties go to the
/// larger count, then to the earlier cell). Same shape as `counts`.
Table shares(const Block& counts, const Cell& decimals);

// ---- places -------------------------------------------------------------------

Result province(const Cell& location);
Result city(const Cell& location);
/// `scheme`: blank for "circles", a scheme name, or a two-column block mapping
/// places to regions.
Result region(const Cell& location, const Arg& scheme);

/// A sentence on what a range holds and what is wrong with it; `kind` is
/// "scores", "responses" or "places". Never throws for bad data or arguments:
/// it says what is wrong instead.
Result datacheck(const Block& range, const Cell& kind, const Pairs& pairs, Lang lang);

}  // namespace fn
}  // namespace surveycalc
