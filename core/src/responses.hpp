// Multiple-response answers: which rows mention an answer (one column of
// delimited answers, or a block with one column per option), and the 0/1
// sample of a mention figure.
#pragma once

#include <optional>
#include <string>

#include "column_views.hpp"
#include "options.hpp"

namespace surveycalc {

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
    std::string key_;                        // answer key (answers.hpp) of the option
    const TextIds* texts_ = nullptr;         // one-column mode: the column's interned texts
    mutable std::vector<signed char> memo_;  // per distinct text: -1 not yet, else answered | mentioned << 1
    mutable bool seen_inside_ = false;
    mutable std::vector<std::string_view> keys_;  // parse(): the answers of a plain cell
    MentionCell parse(const Cell& cell) const;
};

/// One 0/1 indicator (mentioned or not) per row in the base. `extra_is_cell`:
/// the rows `extra` accepts have a non-blank cell among the call's ranges (a
/// test's groups column), which puts them in the base "all".
template <class Extra>
Sample mention_sample(const Block& responses, const MentionMatcher& match, const Request& req, Extra&& extra,
                      bool extra_is_cell = false) {
    const Options& opt = req.options();
    Sample s;
    for (std::size_t r = 0; r < responses.rows; ++r) {
        if (!req.keep(r) || !extra(r)) continue;
        MentionCell m = match.at(r);
        bool in_base = m.answered;
        if (opt.base_all && !in_base) {
            for (std::size_t c = 0; c < responses.cols && !in_base; ++c)
                in_base = !is_empty(responses.at(r, c));
            in_base = in_base || extra_is_cell || req.any_criteria_cell(r);
        }
        if (!in_base) continue;
        s.add(m.mentioned ? 1.0 : 0.0, req.weight(r));
    }
    return s;
}

}  // namespace surveycalc
