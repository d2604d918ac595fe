// The trailing criteria/option pairs every statistic takes, and the
// classification of cells into blank, missing, valid and invalid.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "surveycalc/answers.hpp"
#include "surveycalc/catalog.hpp"
#include "surveycalc/cell.hpp"
#include "surveycalc/errors.hpp"
#include "surveycalc/limits.hpp"
#include "surveycalc/text_cache.hpp"

namespace surveycalc {

/// A criterion as AVERAGEIFS takes it, with the spec's normalisation, "a|b"
/// lists, comparison operators and place awareness.
class Criterion {
   public:
    /// With `labels`, a criterion naming a code or a label of the book matches
    /// cells holding either (plain equality and "<>" only).
    explicit Criterion(const Cell& criterion, const Labels* labels = nullptr);
    ~Criterion();
    Criterion(Criterion&&) noexcept;
    Criterion& operator=(Criterion&&) noexcept;
    bool matches(const Cell& cell) const;

   private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

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

/// The parsed pairs of one call.
class Request {
   public:
    /// `rows` is the height of the call's data ranges; `function` the catalog
    /// name of the function, whose entry says which options it takes.
    Request(std::string_view function, std::size_t rows, const std::vector<Arg>& pairs);
    // The criteria refer to the options' code book: a Request stays where it was built.
    Request(const Request&) = delete;
    Request& operator=(const Request&) = delete;

    std::size_t rows() const { return rows_; }
    const Options& options() const { return options_; }
    /// True when row r satisfies every criterion.
    bool keep(std::size_t r) const;
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

/// Throws ArgumentError unless the block has `rows` rows (and, when
/// `one_column`, a single column). `what` names the argument.
void require_shape(const Block& b, std::size_t rows, std::string_view what, bool one_column);

/// The error for an invalid value in row `row` (0-based) of a data range.
ArgumentError invalid_cell(std::size_t row, const Cell& c, const Message& reason);

// ---- scores -----------------------------------------------------------------

struct ScoreCell {
    enum class Status { Blank, Missing, Valid, Invalid };
    Status status = Status::Blank;
    double value = 0.0;
    Message reason;  // for Invalid: "outside 0-10", "not a number"
};

/// Classifies one cell of a score column under the request's scale and missing codes.
ScoreCell classify_score(const Cell& c, const Options& opt);

/// True when the cell (taken whole) is one of the missing codes (or a label of one).
bool is_missing_code(const Cell& c, const Options& opt);

/// True for a cell of a column of answers (SHARE's values, a multiple-response
/// column, CROSSTAB) that holds no answer: is_empty, a missing code, or 问卷星's
/// -2/-3 (is_no_answer_code).
bool no_answer(const Cell& c, const Options& opt);

/// True for a cell of a one-column-per-option block that says the option was
/// chosen: dichotomy_mentioned, and not a missing code.
bool chosen(const Cell& c, const Options& opt);

// ---- multiple responses -------------------------------------------------------

/// What one respondent's multiple-response answer says about one option.
struct MentionCell {
    bool answered = false;   // the question was answered (non-blank, not a missing code)
    bool mentioned = false;  // the option is among the answers
};

/// The label of column c (0-based) of a one-column-per-option block: "options"
/// if it lists one, else the code book's label of the column number, else the
/// text every chosen cell of the column holds (SurveyMonkey writes the option's
/// label), else the column number.
std::string block_option_label(const Block& b, std::size_t c, const Options& opt);

/// Matcher for `option` against a responses range: one column of delimited
/// text (whole-answer match of codes or labels, under "sep" and "labels") or a
/// block with one column per option (option = 1-based column number, the text
/// the column's chosen cells hold, or a code/label of the book whose code is
/// the column number). In a block a row is answered when it chose at least one option.
class MentionMatcher {
   public:
    MentionMatcher(const Block& responses, const Cell& option, const Options& opt);
    MentionCell at(std::size_t row) const;
    /// Why a count of zero would be wrong, when it would: the option matches no
    /// whole answer anywhere in the range but occurs inside answers (a word
    /// between spaces, or before "("), or it is a text while every answer is a
    /// code and there is no "labels". nullopt when zero is a true zero.
    std::optional<Message> diagnose() const;
    /// True when a row seen so far had an answer holding the option as a word
    /// between spaces ("quarantine transport"): the count may be wrong even if
    /// not zero; diagnose() decides.
    bool seen_inside() const { return seen_inside_; }
    /// The block's column (0-based) in block mode.
    std::size_t column() const { return column_; }

   private:
    const Block& responses_;
    const Options& opt_;
    std::size_t column_ = 0;  // block mode: 0-based column
    bool block_ = false;
    std::string key_;  // answer key (answers.hpp) of the option
    mutable TextCache<MentionCell> cache_;
    mutable bool seen_inside_ = false;
    MentionCell parse(const Cell& cell) const;
};

}  // namespace surveycalc
