#include "responses.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "answers.hpp"
#include "places.hpp"
#include "scaling.hpp"
#include "text.hpp"

namespace surveycalc {

// ---- multiple responses ---------------------------------------------------------

/// The label of column c of a one-column-per-option block: "options" if it
/// lists one, else the code book's label of the column number, else the text
/// every chosen cell of the column holds (SurveyMonkey writes the option's
/// label), else the column number.
std::string block_option_label(const Block& b, std::size_t c, const Options& opt) {
    if (c < opt.option_list.size()) return opt.option_list[c];
    std::string number = std::to_string(c + 1);
    if (const std::string* l = opt.labels.label(opt.canonical(number))) return *l;
    std::string common, common_key;
    for (std::size_t r = 0; r < b.rows; ++r) {
        const Cell& cell = b.at(r, c);
        if (!cell.is_text() || !chosen(cell, opt) || numeric_value(cell)) continue;
        std::string key = answer_key(cell);
        if (common_key.empty()) {
            common_key = key;
            common = std::string(without_other_text(text::nfkc_trim(cell.text)));
        } else if (key != common_key) {
            return number;
        }
    }
    return common.empty() ? number : common;
}

namespace {

/// The block's column whose chosen cells hold the answer `key` (canonical);
/// throws unless exactly one does.
std::size_t column_holding(const Block& b, const std::string& key, const Cell& option, const Options& opt) {
    std::vector<std::size_t> found;
    for (std::size_t c = 0; c < b.cols; ++c)
        for (std::size_t r = 0; r < b.rows; ++r) {
            const Cell& cell = b.at(r, c);
            if (cell.is_text() && chosen(cell, opt) && opt.canonical(answer_key(cell)) == key) {
                found.push_back(c);
                break;
            }
        }
    std::string cols = std::to_string(b.cols);
    if (found.empty())
        throw ArgumentError({"no column of the " + cols + "-column block holds the answer " +
                                 describe_cell(option) + ": give the option's column number (1 to " + cols +
                                 "), or \"labels\" with the column numbers as codes",
                             cols + " 列的多列回答区域中没有哪一列含有答案 " + describe_cell(option) +
                                 "：请给出该选项的列号（1 到 " + cols + "），或用 \"labels\" 以列号为代码"});
    if (found.size() > 1)
        throw ArgumentError(
            {"the answer " + describe_cell(option) + " is in columns " + std::to_string(found[0] + 1) +
                 " and " + std::to_string(found[1] + 1) + " of the block: give the column number",
             "答案 " + describe_cell(option) + " 同时出现在多列回答区域的第 " + std::to_string(found[0] + 1) +
                 " 列和第 " + std::to_string(found[1] + 1) + " 列：请给出列号"});
    return found[0];
}

}  // namespace

MentionMatcher::MentionMatcher(const Block& responses, const Cell& option, const Options& opt)
    : responses_(responses), opt_(opt) {
    block_ = responses.cols > 1;
    if (option.is_number() && !std::isfinite(option.number))
        throw ArgumentError({"option is not a finite number", "答案不是有限数"});
    // The answer counted, keyed as the cells' answers are: 5, "05" and "5.0" are
    // one answer, a number option keeps every bit of its value (=1/3 is not
    // 0.333333333333333), and a label of the code book is its code.
    key_ = opt.canonical(answer_key(option));
    if (key_.empty())
        throw ArgumentError({"option is empty: name the answer to count (a code or a label)",
                             "答案为空：请给出要统计的答案（代码或标签）"});
    if (!block_) {
        texts_ = &text_ids(responses);
        memo_.assign(texts_->texts.size(), -1);
        return;
    }
    std::optional<double> n = text::parse_number(key_);
    if (!n) {
        column_ = column_holding(responses, key_, option, opt);
        return;
    }
    if (*n != std::floor(*n) || *n < 1 || *n > static_cast<double>(responses.cols))
        throw ArgumentError({"with a block of " + std::to_string(responses.cols) +
                                 " option columns, option must be a column number from 1 to " +
                                 std::to_string(responses.cols) + " or an answer the block holds, not " +
                                 describe_cell(option),
                             "多列回答区域共 " + std::to_string(responses.cols) + " 列，答案必须是 1 到 " +
                                 std::to_string(responses.cols) + " 的列号或区域中出现的答案，而不是 " +
                                 describe_cell(option)});
    column_ = static_cast<std::size_t>(*n) - 1;
}

MentionCell MentionMatcher::at(std::size_t row) const {
    MentionCell out;
    if (block_) {
        // Answered: at least one option chosen (a row of blanks and 0s skipped the question).
        for (std::size_t c = 0; c < responses_.cols && !out.answered; ++c)
            out.answered = chosen(responses_.at(row, c), opt_);
        out.mentioned = out.answered && chosen(responses_.at(row, column_), opt_);
        return out;
    }
    const Cell& cell = responses_.at(row, 0);
    if (!cell.is_text()) return no_answer(cell, opt_) ? out : parse(cell);
    // Once per distinct text of the column: the same cells give the same answer.
    signed char& m = memo_[texts_->id[row] - 1];
    if (m < 0) {
        MentionCell p = no_answer(cell, opt_) ? MentionCell{} : parse(cell);
        m = static_cast<signed char>(p.answered | (p.mentioned << 1));
    }
    return MentionCell{(m & 1) != 0, (m & 2) != 0};
}

namespace {

/// True when `key` occurs in the answer `in` as a word: bounded by the text's
/// ends or spaces, or followed by "(" (NFKC made "（" ASCII).
bool occurs_inside(std::string_view in, std::string_view key, bool& before_paren) {
    for (std::size_t at = in.find(key); at != std::string_view::npos; at = in.find(key, at + 1)) {
        std::size_t end = at + key.size();
        bool left = at == 0 || in[at - 1] == ' ';
        bool space_right = end == in.size() || in[end] == ' ';
        bool paren_right = end < in.size() && in[end] == '(';
        if (left && (space_right || paren_right)) {
            before_paren = paren_right || (end + 1 < in.size() && in[end] == ' ' && in[end + 1] == '(');
            return true;
        }
    }
    return false;
}

}  // namespace

MentionCell MentionMatcher::parse(const Cell& cell) const {
    MentionCell out;
    auto visit = [&](std::string_view key) {
        out.answered = true;  // only delimiters or spaces: no answers, no answer
        if (opt_.labels.empty() ? key == key_ : opt_.canonical(std::string(key)) == key_) {
            out.mentioned = true;
        } else if (!seen_inside_ && key.size() > key_.size() && key.find(' ') != std::string_view::npos) {
            bool paren = false;
            seen_inside_ = occurs_inside(key, key_, paren);
        }
    };
    // Most cells need no Unicode work: their answers are views into the cell.
    if (cell.is_text() && plain_answer_keys(cell.text, opt_.seps(), keys_)) {
        for (std::string_view k : keys_) visit(k);
        return out;
    }
    for (const Answer& a : split_answers(cell, opt_.seps())) visit(a.key);
    return out;
}

std::optional<Message> MentionMatcher::diagnose() const {
    if (block_) return std::nullopt;
    std::size_t inside = 0, answers = 0, codes = 0;
    bool paren = false, whole = false;
    std::vector<std::string> examples;
    std::unordered_map<std::string, bool> seen;
    std::unordered_map<std::string, std::string> keys;            // every whole answer's key -> its label
    std::vector<std::pair<std::string, std::string>> containing;  // answers holding the option as a word
    for (std::size_t r = 0; r < responses_.rows; ++r) {
        const Cell& cell = responses_.at(r, 0);
        if (cell.is_text() && !seen.emplace(cell.text, true).second) continue;
        for (const Answer& a : split_answers(cell, opt_.seps())) {
            std::string k = opt_.canonical(a.key);
            keys.emplace(k, a.label);
            if (k == key_) {
                whole = true;
                continue;
            }
            ++answers;
            if (text::parse_number(a.key)) ++codes;
            bool before_paren = false;
            if (a.key.size() > key_.size() && occurs_inside(a.key, key_, before_paren)) {
                ++inside;
                paren = paren || before_paren;
                containing.emplace_back(a.key, a.label);
                if (examples.size() < 3) examples.push_back(describe_cell(Cell::of(a.label)));
            }
        }
    }
    std::string quoted = "\"" + key_ + "\"";
    if (whole) {
        // Zero or not, the count is wrong when the option also hides inside
        // answers that list several whole answers separated by spaces
        // ("quarantine transport" beside "quarantine" and "transport").
        std::size_t compound = 0;
        std::string example;
        for (const auto& [k, label] : containing) {
            std::size_t known = 0, start = 0;
            for (std::size_t i = 0; i <= k.size(); ++i)
                if (i == k.size() || k[i] == ' ') {
                    if (i > start && keys.count(k.substr(start, i - start))) ++known;
                    start = i + 1;
                }
            if (known >= 2) {
                if (compound++ == 0) example = describe_cell(Cell::of(label));
            }
        }
        if (compound == 0) return std::nullopt;  // a whole answer: the count is right
        std::string n = std::to_string(compound);
        return Message{"the answer " + quoted + " is also inside " + n +
                           " answers that list several answers " + "separated by spaces (e.g. " + example +
                           "), which are not counted: set \"sep\";\" \" (ODK/KoboToolbox select_multiple)",
                       "答案 " + quoted + " 还出现在 " + n + " 个以空格分隔多个答案的单元格中（如 " +
                           example +
                           "），这些未被计入：请设置 \"sep\";\" \"（ODK/KoboToolbox 的 select_multiple）"};
    }
    if (inside > 0) {
        std::string list;
        for (const std::string& e : examples) list += (list.empty() ? "" : ", ") + e;
        if (inside > examples.size()) list += ", …";
        std::string n = std::to_string(inside);
        if (paren)
            return Message{"the answer " + quoted + " matches no whole answer but begins " + n +
                               " of them (" + list +
                               "): write the answer as the cells write it, or map them to it with \"labels\"",
                           "答案 " + quoted + " 与任何完整答案都不相同，却是 " + n + " 个答案的开头（" +
                               list + "）：请按单元格中的写法给出答案，或用 \"labels\" 把它们对应到该答案"};
        return Message{
            "the answer " + quoted + " matches no whole answer but occurs inside " + n + " of them (" + list +
                ") as a word: if a cell lists several answers separated by spaces (ODK/KoboToolbox "
                "select_multiple), set \"sep\";\" \"",
            "答案 " + quoted + " 与任何完整答案都不相同，却作为词出现在 " + n + " 个答案中（" + list +
                "）：如果单元格中多个答案以空格分隔（ODK/KoboToolbox 的 select_multiple），请设置 "
                "\"sep\";\" \""};
    }
    if (answers > 0 && codes == answers && !text::parse_number(key_) && opt_.labels.empty())
        return Message{"the answer " + quoted +
                           " is a text but every answer in the range is a code (a number): give the code, or "
                           "\"labels\" with a two-column range of codes and labels",
                       "答案 " + quoted +
                           " 是文字，而区域中的答案都是代码（数字）：请给出代码，或用 \"labels\" "
                           "指定“代码-标签”两列区域"};
    return std::nullopt;
}

}  // namespace surveycalc
