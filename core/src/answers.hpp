// What one cell says, decided the same way by every function: its number, whether
// it holds an answer at all, the answers of a multiple-response cell, and the
// canonical key that makes "05", 5, "5.0" and "５" one answer everywhere
// (MENTIONRATE, CROSSTAB rows, missing codes, DATACHECK's list of answers).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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
/// The key of a token that is already normalised. 问卷星's other-please-specify
/// answer `X〖text〗` is the answer X: its key is X's.
std::string answer_key_of_normalized(std::string_view normalized);

/// A text with 问卷星's other-please-specify text removed: `其他〖物流不通〗` is
/// `其他` (trimmed); a text that is nothing but `〖…〗`, or has none, is unchanged.
std::string_view without_other_text(std::string_view text);
/// The key of a whole cell taken as one answer (not split); empty for an empty cell.
std::string answer_key(const Cell& c);

/// The answers of a multiple-response cell: split at the delimiters `seps`
/// (nullptr: the default ones, see text::split_labels), each keyed with
/// answer_key. A number cell is one answer. A cell of nothing but delimiters
/// and spaces has no answers and is no answer (like a blank cell), for every function.
struct Answer {
    std::string key;    // canonical key (see answer_key)
    std::string label;  // for display: a number formatted, text as typed (NFKC, trimmed, without 〖…〗)
};
std::vector<Answer> split_answers(const Cell& c, const std::u32string* seps = nullptr);

/// The keys split_answers gives for a text cell, as views into `text`, without
/// a copy, for the common cell that needs no Unicode work: ASCII and CJK
/// ideographs (、 and 。 too), no upper-case letter, every number already in its
/// key form ("5", not "05"). Clears `keys`; false for any other cell (then
/// `keys` is unspecified and the caller takes split_answers). The keys are
/// those of split_answers exactly (tests/fuzz/fuzz_text.cpp checks it).
bool plain_answer_keys(std::string_view text, const std::u32string* seps,
                       std::vector<std::string_view>& keys);

/// A code book: the "labels" option's two-column range of (code, label) rows,
/// such as a questionnaire's 1 = 外地员工返岗需隔离 or an ODK choices sheet's
/// name and label. With it an answer written as a code or as its label is one
/// answer, keyed by its code.
class Labels {
   public:
    Labels() = default;
    /// Reads the rows of a two-column range; wholly blank rows are skipped.
    /// Throws ArgumentError for a repeated code or label, a label that is
    /// another row's code, or a row with only one of the two.
    explicit Labels(const Block& range);
    bool empty() const { return entries_.empty(); }
    /// The key an answer key stands for: its code's key when it is a code or a
    /// label of the book, otherwise the key itself.
    std::string canonical(const std::string& key) const;
    /// True when the key is a code or a label of the book.
    bool has(const std::string& key) const { return index_.count(key) != 0; }
    /// The label to show for a canonical key; nullptr when the book has none.
    const std::string* label(const std::string& canonical) const;
    struct Entry {
        std::string code;       // answer key of the code
        std::string label_key;  // answer key of the label
        std::string label;      // as typed (NFKC, trimmed)
        std::size_t row;        // 0-based row in the range
    };
    const std::vector<Entry>& entries() const { return entries_; }

   private:
    std::vector<Entry> entries_;
    std::unordered_map<std::string, std::size_t> index_;  // code or label key -> entry
};

/// A cell's text as typed (not normalised): a number formatted, blank "".
std::string cell_text(const Cell& c);

/// The normalised text of a cell: a number formatted as people type it
/// (text::format_number), a text normalised (text::normalize), blank "".
std::string normalized_text(const Cell& c);

/// A cell's value as messages show it: 11, '九', (blank); long texts cut at 20 characters.
std::string describe_cell(const Cell& c);

/// True for -2 and -3 (number or text): 问卷星's code downloads ("按序号") write
/// them for a question not answered (-3 skipped by logic, -2 not shown). In a
/// column of answer codes (SHARE, the mention functions, CROSSTAB) they are no
/// answer; a score column keeps them as values (outside a 0-10 scale they are
/// invalid, never silently dropped from a scale that includes them).
bool is_no_answer_code(const Cell& c);

/// True for a cell of a yes/no (dichotomy) column that means "chosen":
/// non-empty and not 0 / 否 / no / false / n / 未提及 / 未选 / a negative number
/// (问卷星's -2/-3) / a no-answer mark.
bool dichotomy_mentioned(const Cell& c);

}  // namespace surveycalc
