#include "answers.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include "surveycalc/errors.hpp"
#include "text.hpp"

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

std::string_view without_other_text(std::string_view text) {
    constexpr std::string_view open = "\xE3\x80\x96";  // 〖 U+3016 (NFKC keeps it)
    std::size_t at = text.find(open);
    if (at == std::string_view::npos) return text;
    std::string_view head = text.substr(0, at);
    while (!head.empty() && (head.back() == ' ' || head.back() == '\t')) head.remove_suffix(1);
    return head.empty() ? text : head;
}

std::string answer_key_of_normalized(std::string_view normalized) {
    std::string_view head = without_other_text(normalized);
    if (head.size() != normalized.size()) return answer_key_of_normalized(text::normalize(head));
    if (std::optional<double> n = text::parse_number(normalized)) return answer_key(*n);
    return std::string(normalized);
}

std::string answer_key(const Cell& c) {
    if (c.is_number()) return answer_key(c.number);
    if (c.is_text()) return answer_key_of_normalized(text::normalize(c.text));
    return {};
}

std::vector<Answer> split_answers(const Cell& c, const std::u32string* seps) {
    std::vector<Answer> out;
    if (c.is_number()) {
        out.push_back({answer_key(c.number), text::format_number(c.number)});
        return out;
    }
    if (!c.is_text() || is_empty(c)) return out;  // a platform's no-answer mark has no answers
    for (std::string& label : text::split_labels(c.text, seps)) {
        std::string norm = text::normalize(label);
        if (norm.empty()) continue;
        std::string key = answer_key_of_normalized(norm);
        if (std::optional<double> n = text::parse_number(key))
            out.push_back({std::move(key), text::format_number(*n)});
        else
            out.push_back({std::move(key), std::string(without_other_text(label))});
    }
    return out;
}

namespace {

/// A plain token is its own key unless it reads as a number written otherwise
/// than its key ("05", "5.0", "+5", "-0"): then false.
bool own_key(std::string_view token) {
    const char f = token.front();
    if (!((f >= '0' && f <= '9') || f == '-' || f == '+' || f == '.')) return true;  // not a number
    std::optional<double> n = text::parse_number(token);
    if (!n) return true;
    double v = *n == 0 ? 0.0 : *n;
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() && std::string_view(buf, static_cast<std::size_t>(end - buf)) == token;
}

/// ASCII in one table: text::is_default_separator, an upper-case letter, or neither.
constexpr unsigned char kSeparator = 1, kUpper = 2;  // 0: neither
constexpr std::array<unsigned char, 128> kAscii = [] {
    std::array<unsigned char, 128> t{};
    for (unsigned char c : {';', ',', '|', '/', '\n', '\r'}) t[c] = kSeparator;
    for (unsigned char c = 'A'; c <= 'Z'; ++c) t[c] = kUpper;
    return t;
}();

}  // namespace

bool plain_answer_keys(std::string_view text, const std::u32string* seps,
                       std::vector<std::string_view>& keys) {
    keys.clear();
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t start = 0;
    auto token = [&](std::size_t end) {
        std::string_view t = text::ascii_trim(text.substr(start, end - start));
        if (t.empty()) return true;
        if (!own_key(t)) return false;
        keys.push_back(t);
        return true;
    };
    // One pass: the checks of text::is_plain_cjk (then NFKC and case folding
    // change nothing but ASCII letters, refused here) and the split of
    // text::split_labels (no 〖…〗 in plain text).
    for (std::size_t i = 0; i < n;) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            const unsigned char k = kAscii[b];
            if (k == kUpper) return false;  // its key is folded: a copy
            if (seps ? seps->find(b) != std::u32string::npos : k == kSeparator) {
                if (!token(i)) return false;
                start = i + 1;
            }
            ++i;
            continue;
        }
        if (i + 3 > n) return false;
        const unsigned char b1 = p[i + 1], b2 = p[i + 2];
        if (((b1 & 0xC0) ^ 0x80) | ((b2 & 0xC0) ^ 0x80)) return false;  // not two continuation bytes
        // Most bytes here: an ideograph (U+4E00-9FFF), never a default delimiter.
        const bool ideograph = (b >= 0xE5 && b <= 0xE9) || (b == 0xE4 && b1 >= 0xB8);
        if (ideograph && !seps) {
            i += 3;
            continue;
        }
        const bool comma_stop = b == 0xE3 && b1 == 0x80 && (b2 == 0x81 || b2 == 0x82);
        if (!ideograph && !comma_stop) return false;
        const char32_t cp =
            (static_cast<char32_t>(b & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) | (b2 & 0x3F);
        if (seps ? seps->find(cp) != std::u32string::npos : cp == 0x3001) {  // 、 the one default here
            if (!token(i)) return false;
            start = i + 3;
        }
        i += 3;
    }
    if (!token(n)) return false;
    // A cell that is one no-answer mark has no answers (split_answers: is_empty).
    if (mark_of_normalized(text::ascii_trim(text)) != NoAnswerMark::None) keys.clear();
    return true;
}

std::string cell_text(const Cell& c) {
    if (c.is_number()) return text::format_number(c.number);
    if (c.is_text()) return c.text;
    return {};
}

std::string normalized_text(const Cell& c) {
    if (c.is_number()) return text::format_number(c.number);
    if (c.is_text()) return text::normalize(c.text);
    return {};
}

std::string describe_cell(const Cell& c) {
    if (c.is_number()) return text::format_number(c.number);
    if (c.is_text()) {
        std::string t = c.text;
        if (text::length(t) > 20) {
            // Cut at a code-point boundary.
            std::size_t bytes = 0, cps = 0;
            while (bytes < t.size() && cps < 20) {
                ++bytes;
                while (bytes < t.size() && (static_cast<unsigned char>(t[bytes]) & 0xC0) == 0x80) ++bytes;
                ++cps;
            }
            t = t.substr(0, bytes) + "…";
        }
        return "'" + t + "'";
    }
    return "(blank)";
}

namespace {

std::string shown(const Cell& c) {
    if (c.is_number()) return text::format_number(c.number);
    return c.is_text() ? text::nfkc_trim(c.text) : std::string();
}

}  // namespace

Labels::Labels(const Block& range) {
    if (range.cols != 2)
        throw ArgumentError(
            {"option \"labels\" takes a two-column range (code, label), not " + std::to_string(range.cols) +
                 " column(s)",
             "设置 “labels” 需要两列区域（代码，标签），而不是 " + std::to_string(range.cols) + " 列"});
    auto where = [](std::size_t r) { return std::to_string(r + 1); };
    for (std::size_t r = 0; r < range.rows; ++r) {
        const Cell& code = range.at(r, 0);
        const Cell& label = range.at(r, 1);
        std::string ck = is_empty(code) ? std::string() : answer_key(code);
        std::string lk = is_empty(label) ? std::string() : answer_key(label);
        if (ck.empty() && lk.empty()) continue;
        if (ck.empty() || lk.empty())
            throw ArgumentError({"labels: row " + where(r) + " has " +
                                     (ck.empty() ? "a label but no code" : "a code but no label") +
                                     "; give both, or leave the row blank",
                                 "labels：第 " + where(r) + " 行" +
                                     (ck.empty() ? "有标签但没有代码" : "有代码但没有标签") +
                                     "；请两者都填，或留空整行"});
        for (const std::string* k : {&ck, &lk}) {
            auto it = index_.find(*k);
            if (it == index_.end() || (k == &lk && lk == ck)) continue;
            const Entry& other = entries_[it->second];
            bool as_code = other.code == *k;
            std::string what_en = k == &ck ? "code " : "label ";
            std::string what_zh = k == &ck ? "代码 " : "标签 ";
            throw ArgumentError({"labels: " + what_en + describe_cell(k == &ck ? code : label) + " in row " +
                                     where(r) + " is already the " + (as_code ? "code" : "label") +
                                     " of row " + where(other.row) +
                                     "; each code and each label must appear once",
                                 "labels：第 " + where(r) + " 行的" + what_zh +
                                     describe_cell(k == &ck ? code : label) + " 已是第 " + where(other.row) +
                                     " 行的" + (as_code ? "代码" : "标签") + "；每个代码和标签只能出现一次"});
        }
        std::size_t i = entries_.size();
        entries_.push_back({ck, lk, shown(label), r});
        index_.emplace(ck, i);
        index_.emplace(lk, i);
    }
}

std::string Labels::canonical(const std::string& key) const {
    auto it = index_.find(key);
    return it == index_.end() ? key : entries_[it->second].code;
}

const std::string* Labels::label(const std::string& canonical) const {
    auto it = index_.find(canonical);
    if (it == index_.end() || entries_[it->second].code != canonical) return nullptr;
    return &entries_[it->second].label;
}

bool is_no_answer_code(const Cell& c) {
    std::optional<double> v = numeric_value(c);
    return v && (*v == -2 || *v == -3);
}

bool dichotomy_mentioned(const Cell& c) {
    if (c.is_blank()) return false;
    if (c.is_number()) return std::isfinite(c.number) && c.number > 0.0;
    std::string t = text::normalize(c.text);
    if (t.empty() || mark_of_normalized(t) != NoAnswerMark::None) return false;
    if (auto n = text::parse_number(t)) return *n > 0.0;
    return !(t == "否" || t == "no" || t == "false" || t == "n" || t == "未提及" || t == "未选");
}

}  // namespace surveycalc
