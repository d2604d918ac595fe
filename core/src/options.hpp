// The trailing pairs of one call: options parsed once into typed values
// (the catalog declares which options each function takes), criteria, and the
// rules every function shares: the "enough data" rule, missing codes, shapes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "answers.hpp"
#include "criteria.hpp"
#include "surveycalc/catalog.hpp"
#include "surveycalc/cell.hpp"
#include "surveycalc/errors.hpp"
#include "surveycalc/limits.hpp"

namespace surveycalc {

/// "sort": the order of a table's groups (the words' order).
enum class SortOrder { Desc, Asc, Name, None };
/// "by": how a group column is grouped (the words' order).
enum class GroupBy { Auto, Text, Province, City, Circles, Zones };

/// The options of one call, parsed once into typed values.
struct Options {
    std::optional<std::vector<double>> weights;  // one per row when set, scaled by a power of two into [0,2)
    double weight_scale = 1.0;                   // that power of two: true weight = weights[r] * weight_scale
    double scale_lo = 0.0;
    double scale_hi = 10.0;
    std::vector<std::string> missing;  // answer keys (answers.hpp) of the codes
    bool skip_invalid = false;
    double min_n = 1.0;
    bool base_all = false;
    double level = 0.95;
    SortOrder sort = SortOrder::Desc;
    std::size_t top = 0;                   // 0: all
    std::size_t rows = 0;                  // pad the result to this many rows
    std::size_t cols = 0;                  // ... and columns
    std::vector<std::string> option_list;  // CROSSTAB row order and labels (as typed, NFKC-trimmed)
    GroupBy by = GroupBy::Auto;
    std::optional<std::u32string> sep;  // "sep": the delimiters; nullopt: the default ones
    Labels labels;                      // "labels": the code book (empty without it)
    std::optional<Cell> answer;         // DATACHECK's "answer"
    bool header = false;                // "header": a first row of column labels

    /// The delimiters to split multiple-response cells at (nullptr: the default ones).
    const std::u32string* seps() const { return sep ? &*sep : nullptr; }
    /// The key of an answer under the code book: a code's or a label's key is its code's.
    std::string canonical(const std::string& answer_key) const { return labels.canonical(answer_key); }
    /// The label shown for an answer's canonical key: the code book's label, else `fallback`.
    const std::string& shown(const std::string& canonical, const std::string& fallback) const {
        const std::string* l = labels.label(canonical);
        return l ? *l : fallback;
    }
};

/// The height of a call's data: the rows the data blocks hold and the rows of
/// their references as written (more when the glue trimmed a whole column to
/// the used area; the rows in between are empty in the data). A range in the
/// pairs must have the written height; only its first `rows` rows are read.
struct Height {
    std::size_t rows;
    std::size_t written;
    Height(const Block& data) : rows(data.rows), written(data.height()) {}  // NOLINT: implicit on purpose
    explicit Height(std::size_t n) : rows(n), written(n) {}
};

/// The parsed pairs of one call.
class Request {
   public:
    /// `rows` is the height of the call's data ranges; `function` the catalog
    /// name of the function, whose entry says which options it takes.
    Request(std::string_view function, Height data, const std::vector<Arg>& pairs);
    // The criteria refer to the options' code book: a Request stays where it was built.
    Request(const Request&) = delete;
    Request& operator=(const Request&) = delete;

    std::size_t rows() const { return rows_; }
    const Options& options() const { return options_; }
    /// True when row r satisfies every criterion.
    bool keep(std::size_t r) const;
    /// True when there is a criterion at all (else keep() is always true).
    bool has_criteria() const { return !filters_.empty(); }
    /// Weight of row r scaled exactly by a power of two into [0,2) (1 without
    /// weights), so weighted sums are scale-free; Options::weight_scale restores units.
    double weight(std::size_t r) const { return options_.weights ? (*options_.weights)[r] : 1.0; }
    /// True when any of the criteria ranges has a non-empty cell (not blank, not only spaces) in row r.
    bool any_criteria_cell(std::size_t r) const;

   private:
    void parse_option(catalog::OptionId option, std::string_view name, const Arg& value);
    struct Filter {
        const Block* range;
        Criterion criterion;
    };
    std::size_t rows_;
    Height height_;
    Options options_;
    std::vector<Filter> filters_;
};

/// The one "enough data" rule of every figure, table and DATACHECK: `n` is the
/// number of rows of positive weight (a row of weight 0 is in no estimate,
/// as in R's survey package); a figure needs at least one and at least "min_n".
inline bool enough(double n, const Options& opt) { return n >= 1 && n >= opt.min_n; }

/// The valid values of the rows a figure uses, with their weights, and n for enough().
struct Sample {
    std::vector<double> x;
    std::vector<double> w;
    double n = 0;  // rows of positive weight
    void add(double value, double weight) {
        x.push_back(value);
        w.push_back(weight);
        if (weight > 0) n += 1;
    }
};
inline bool enough(const Sample& s, const Options& opt) { return enough(s.n, opt); }

/// Throws ArgumentError unless the block has the data's height (see Height;
/// and, when `one_column`, a single column). `what` names the argument.
void require_shape(const Block& b, Height data, std::string_view what, bool one_column);

/// The error for an invalid value in row `row` (0-based) of a data range.
/// An argument named in a message, in each language: the wizard's label of a
/// catalog argument ("scores", “分值”), "criteria range 2" (条件区域 2), else
/// the name as typed (an option keyword such as "weights", quoted in Chinese).
Message argument_name(std::string_view what);
/// A cell of a block named in a message: its address when the block came from
/// a sheet ("Data.F11"), else its row in the range ("row 10", "第 10 行").
Message cell_place(const Block& b, std::size_t row, std::size_t col = 0);
/// The error for an invalid value in column 0 of `b` at `row`.
ArgumentError invalid_cell(const Block& b, std::size_t row, const Message& reason);

/// True when the cell (taken whole) is one of the missing codes (or a label of one).
bool is_missing_code(const Cell& c, const Options& opt);

/// True for a cell of a column of answers (SHARE's values, a multiple-response
/// column, CROSSTAB) that holds no answer: is_empty, a missing code, or 问卷星's
/// -2/-3 (is_no_answer_code).
bool no_answer(const Cell& c, const Options& opt);

/// True for a cell of a one-column-per-option block that says the option was
/// chosen: dichotomy_mentioned, and not a missing code.
bool chosen(const Cell& c, const Options& opt);

}  // namespace surveycalc
