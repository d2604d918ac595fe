#include "text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <utility>

namespace surveycalc::text {

bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

std::string_view ascii_trim(std::string_view s) {
    while (!s.empty() && ascii_space(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && ascii_space(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

namespace {

/// True for text that every normal form used here leaves as it is apart from
/// ASCII case: ASCII, CJK Unified Ideographs (U+4E00-U+9FFF: no decomposition,
/// no case, combining class 0, never composed with what follows) and the
/// ideographic comma and full stop (、。). Most Chinese survey text is this; the
/// rest goes through ICU.
bool is_plain_cjk(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;) {
        unsigned char b = p[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        if (i + 3 > n) return false;  // a truncated sequence
        unsigned char b1 = p[i + 1], b2 = p[i + 2];
        if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
        bool ideograph = (b == 0xE4 && b1 >= 0xB8) || (b >= 0xE5 && b <= 0xE9);
        bool comma_stop = b == 0xE3 && b1 == 0x80 && (b2 == 0x81 || b2 == 0x82);
        if (!ideograph && !comma_stop) return false;
        i += 3;
    }
    return true;
}

const icu::Normalizer2& nfkc_normalizer() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU NFKC normaliser unavailable");
    return *n;
}

// NFKC_Casefold: NFKC, full case folding and removal of default-ignorable code
// points in one mapping that is closed under itself, so normalising twice
// changes nothing (NFKC then foldCase is not: "ß̂" folds to "ss" + U+0302,
// which NFKC composes again).
const icu::Normalizer2& nfkc_casefold() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || n == nullptr)
        throw std::runtime_error("ICU NFKC_Casefold normaliser unavailable");
    return *n;
}

icu::UnicodeString normalized_trimmed(std::string_view utf8, const icu::Normalizer2& form) {
    icu::UnicodeString in =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = form.normalize(in, status);
    if (U_FAILURE(status)) out = in;
    int32_t begin = 0;
    int32_t end = out.length();
    while (begin < end) {
        UChar32 c = out.char32At(begin);
        if (!u_isUWhiteSpace(c) && c != 0xFEFF) break;
        begin += U16_LENGTH(c);
    }
    while (end > begin) {
        UChar32 c = out.char32At(end - 1);
        if (!u_isUWhiteSpace(c) && c != 0xFEFF) break;
        end -= U16_LENGTH(c);
    }
    out.retainBetween(begin, end);
    return out;
}

std::string to_utf8(const icu::UnicodeString& u) {
    std::string out;
    u.toUTF8String(out);
    return out;
}

bool trimmed_away(UChar32 c) { return u_isUWhiteSpace(c) || c == 0xFEFF; }

/// normalized_trimmed in UTF-8: text already in the form (most survey text)
/// is only trimmed, without the round trip through UTF-16 and the normaliser.
std::string normalized_trimmed_utf8(std::string_view utf8, const icu::Normalizer2& form) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
    if (!form.isNormalizedUTF8(piece, status) || U_FAILURE(status))
        return to_utf8(normalized_trimmed(utf8, form));
    const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
    int32_t begin = 0, end = static_cast<int32_t>(utf8.size());
    while (begin < end) {
        int32_t next = begin;
        UChar32 c;
        U8_NEXT(p, next, end, c);
        if (c < 0 || !trimmed_away(c)) break;
        begin = next;
    }
    while (end > begin) {
        int32_t prev = end;
        UChar32 c;
        U8_PREV(p, begin, prev, c);
        if (c < 0 || !trimmed_away(c)) break;
        end = prev;
    }
    return std::string(utf8.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin)));
}

}  // namespace

std::string normalize(std::string_view utf8) {
    if (is_plain_cjk(utf8)) {
        std::string out(ascii_trim(utf8));
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    return normalized_trimmed_utf8(utf8, nfkc_casefold());
}

std::string nfkc(std::string_view utf8) {
    if (is_plain_cjk(utf8)) return std::string(utf8);
    icu::UnicodeString in =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = nfkc_normalizer().normalize(in, status);
    return to_utf8(U_FAILURE(status) ? in : out);
}

std::string nfkc_trim(std::string_view utf8) {
    if (is_plain_cjk(utf8)) return std::string(ascii_trim(utf8));
    return normalized_trimmed_utf8(utf8, nfkc_normalizer());
}

std::optional<double> parse_number(std::string_view s) {
    if (s.empty()) return std::nullopt;
    std::string_view body = s;
    if (body.front() == '+') body.remove_prefix(1);
    if (body.empty()) return std::nullopt;
    // Only a plain decimal literal: no hex, no inf/nan, no thousands separators.
    bool digit = false;
    for (std::size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c >= '0' && c <= '9') {
            digit = true;
        } else if (c == '-' && i == 0) {
        } else if (c == '.' || c == 'e' || c == 'E' ||
                   ((c == '-' || c == '+') && i > 0 && (body[i - 1] == 'e' || body[i - 1] == 'E'))) {
        } else {
            return std::nullopt;
        }
    }
    if (!digit) return std::nullopt;
    double v = 0.0;
    auto [ptr, ec] = std::from_chars(body.data(), body.data() + body.size(), v);
    if (ec != std::errc() || ptr != body.data() + body.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::string format_number(double v) {
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return buf;
    }
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    // 15 digits of the largest doubles round above DBL_MAX ("1.79769313486232e+308"
    // reads back as inf): there, the shortest exact form.
    if (std::isfinite(v) && std::fabs(v) > 1e307) {
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf - 1, v);
        if (ec == std::errc()) *end = '\0';
    }
    return buf;
}

std::size_t length(std::string_view utf8) {
    std::size_t n = 0;
    for (unsigned char c : utf8)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

namespace {

/// The code point at s[i] (UTF-8, valid after NFKC) and its length in bytes.
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (i + len > s.size()) return {c, 1};
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    return {cp, len};
}

constexpr char32_t kOpenOther = 0x3016;   // 〖
constexpr char32_t kCloseOther = 0x3017;  // 〗

}  // namespace

bool is_default_separator(char32_t cp) {
    return cp == ';' || cp == ',' || cp == '|' || cp == '/' || cp == '\n' || cp == '\r' ||
           cp == 0x3001     // 、 IDEOGRAPHIC COMMA
           || cp == 0x250B  // ┋ 问卷星's separator of the answers of a multiple-choice question
        ;
}

std::u32string separators(std::string_view utf8) {
    std::string s = nfkc(utf8);
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        auto [cp, len] = decode(s, i);
        if (out.find(cp) == std::u32string::npos) out.push_back(cp);
        i += len;
    }
    return out;
}

std::vector<std::string> split_labels(std::string_view utf8, const std::u32string* seps) {
    // NFKC first so that full-width delimiters become their ASCII forms; then
    // split at the delimiters, never inside 问卷星's other-please-specify text 〖…〗.
    std::string s = nfkc_trim(utf8);
    std::vector<std::string> out;
    std::size_t start = 0;
    auto flush = [&](std::size_t end) {
        std::string tok = nfkc_trim(std::string_view(s).substr(start, end - start));
        if (!tok.empty()) out.push_back(std::move(tok));
    };
    int depth = 0;
    for (std::size_t i = 0; i < s.size();) {
        auto [cp, len] = decode(s, i);
        if (cp == kOpenOther) {
            ++depth;
        } else if (cp == kCloseOther) {
            depth = depth > 0 ? depth - 1 : 0;
        } else if (depth == 0 && (seps ? seps->find(cp) != std::u32string::npos : is_default_separator(cp))) {
            flush(i);
            start = i + len;
        }
        i += len;
    }
    flush(s.size());
    return out;
}

std::vector<std::string> split_tokens(std::string_view utf8, const std::u32string* seps) {
    std::vector<std::string> out;
    for (const std::string& label : split_labels(utf8, seps)) {
        std::string t = normalize(label);  // may be empty: a label of format characters only (U+200B)
        if (!t.empty()) out.push_back(std::move(t));
    }
    return out;
}

}  // namespace surveycalc::text
