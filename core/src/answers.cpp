#include "surveycalc/answers.hpp"

#include <charconv>
#include <cmath>

#include "surveycalc/text.hpp"

namespace surveycalc {

std::optional<double> numeric_value(const Cell& c) {
    if (c.is_number()) return std::isfinite(c.number) ? std::optional<double>(c.number) : std::nullopt;
    if (c.is_text()) return text::parse_number(text::normalize(c.text));
    return std::nullopt;
}

namespace {

NoAnswerMark mark_of_normalized(std::string_view t) {
    if (t == "(跳过)") return NoAnswerMark::Skipped;  // NFKC made （跳过） ASCII-parenthesised
    if (t == "(空)") return NoAnswerMark::Empty;
    return NoAnswerMark::None;
}

}  // namespace

NoAnswerMark no_answer_mark(const Cell& c) {
    return c.is_text() ? mark_of_normalized(text::normalize(c.text)) : NoAnswerMark::None;
}

bool is_empty(const Cell& c) {
    if (!c.is_text()) return c.is_blank();
    std::string t = text::normalize(c.text);
    return t.empty() || mark_of_normalized(t) != NoAnswerMark::None;
}

std::string answer_key(double v) {
    if (v == 0) v = 0.0;  // -0 is 0
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    if (ec != std::errc()) return text::format_number(v);
    return std::string(buf, end);
}

std::string answer_key_of_normalized(std::string_view normalized) {
    if (std::optional<double> n = text::parse_number(normalized)) return answer_key(*n);
    return std::string(normalized);
}

std::string answer_key(const Cell& c) {
    if (c.is_number()) return answer_key(c.number);
    if (c.is_text()) return answer_key_of_normalized(text::normalize(c.text));
    return {};
}

std::vector<Answer> split_answers(const Cell& c) {
    std::vector<Answer> out;
    if (c.is_number()) {
        out.push_back({answer_key(c.number), text::format_number(c.number)});
        return out;
    }
    if (!c.is_text() || is_empty(c)) return out;  // a platform's no-answer mark has no answers
    for (std::string& label : text::split_labels(c.text)) {
        std::string norm = text::normalize(label);
        if (norm.empty()) continue;
        if (std::optional<double> n = text::parse_number(norm))
            out.push_back({answer_key(*n), text::format_number(*n)});
        else
            out.push_back({std::move(norm), std::move(label)});
    }
    return out;
}

bool dichotomy_mentioned(const Cell& c) {
    if (c.is_blank()) return false;
    if (c.is_number()) return std::isfinite(c.number) && c.number != 0.0;
    std::string t = text::normalize(c.text);
    if (t.empty()) return false;
    if (auto n = text::parse_number(t)) return *n != 0.0;
    return !(t == "否" || t == "no" || t == "false" || t == "n" || t == "未提及" || t == "未选");
}

}  // namespace surveycalc
