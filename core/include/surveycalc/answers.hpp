// What one cell says, decided the same way by every function: its number, whether
// it holds an answer at all, the answers of a multiple-response cell, and the
// canonical key that makes "05", 5, "5.0" and "５" one answer everywhere
// (MENTIONRATE, CROSSTAB rows, missing codes, DATACHECK's list of answers).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "surveycalc/cell.hpp"

namespace surveycalc {

/// The cell's value as a finite number: a finite number cell, or text that is
/// a plain decimal after normalisation ("７", " 7 ", "-2.5", "1e3"). A number
/// cell that is not finite is no number (it is invalid data, never a value).
std::optional<double> numeric_value(const Cell& c);

/// A survey platform's mark for "no answer": 问卷星 writes (跳过) for a question
/// skipped by the questionnaire's logic and (空) for one left empty (full-width
/// parentheses too).
enum class NoAnswerMark { None, Skipped, Empty };
NoAnswerMark no_answer_mark(const Cell& c);

/// True for a cell that holds no answer: blank, text that is empty after
/// normalisation (spaces, U+3000, format characters only), or a platform's
/// no-answer mark (no_answer_mark). Every function treats these as a blank cell.
bool is_empty(const Cell& c);

/// The canonical key of one answer. A number is keyed by its value (the
/// shortest decimal that reads back as the same double; -0 is 0), so 5,
/// "05", "5.0", "５" and "5e0" are one answer; 1/3 is not 0.333333333333333.
/// Any other text is keyed by its normalised form (text::normalize).
std::string answer_key(double v);
/// The key of a token that is already normalised.
std::string answer_key_of_normalized(std::string_view normalized);
/// The key of a whole cell taken as one answer (not split); empty for an empty cell.
std::string answer_key(const Cell& c);

/// The answers of a multiple-response cell: split at the delimiters of
/// text::split_tokens, each keyed with answer_key. A number cell is one
/// answer. A cell of nothing but delimiters and spaces has no answers and is
/// no answer (like a blank cell), for every function.
struct Answer {
    std::string key;    // canonical key (see answer_key)
    std::string label;  // for display: a number formatted, text as typed (NFKC, trimmed)
};
std::vector<Answer> split_answers(const Cell& c);

/// True for a cell of a yes/no (dichotomy) column that means "chosen":
/// non-empty and not 0 / 否 / no / false / n / 未提及 / 未选.
bool dichotomy_mentioned(const Cell& c);

}  // namespace surveycalc
