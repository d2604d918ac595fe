// Shared pieces of the libFuzzer targets: reporting a broken invariant,
// building cells and blocks from fuzz input, and comparing results.
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "surveycalc/cell.hpp"
#include "surveycalc/errors.hpp"
#include "surveycalc/functions.hpp"

namespace surveycalc::fuzz {

/// Printable form of arbitrary bytes for messages: C escapes for anything not printable ASCII.
inline std::string escaped(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        }
    }
    return out + "\"";
}

/// Reports a broken invariant and aborts, so libFuzzer saves the input as a crash.
[[noreturn]] inline void fail(const std::string& what) {
    std::fprintf(stderr, "\n==== surveycalc invariant violated: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

inline void require(bool ok, const std::string& what) {
    if (!ok) fail(what);
}

/// The shortest decimal that reads back as v (std::to_chars), e.g. "0.3333333333333333", "1e+308".
inline std::string shortest(double v) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

// ---- cells from plain-text inputs -------------------------------------------

/// A cell written as one line of a seed file: an empty line is a blank cell,
/// "#<number>" a number cell (strtod: "#1e308", "#-0", "#nan", "#inf"), anything
/// else a text cell.
inline Cell cell_from_line(std::string_view line) {
    if (line.empty()) return Cell::blank();
    if (line.front() == '#' && line.size() > 1) {
        std::string body(line.substr(1));
        char* end = nullptr;
        double v = std::strtod(body.c_str(), &end);
        if (end != body.c_str()) return Cell::of(v);
    }
    return Cell::of(std::string(line));
}

/// The lines of an input (split at '\n'), at most `max` of them.
inline std::vector<std::string_view> lines(std::string_view data, std::size_t max) {
    std::vector<std::string_view> out;
    while (out.size() < max) {
        std::size_t nl = data.find('\n');
        out.push_back(data.substr(0, nl));
        if (nl == std::string_view::npos) break;
        data.remove_prefix(nl + 1);
    }
    return out;
}

inline std::string describe(const Cell& c) {
    if (c.is_number()) return "number " + shortest(c.number);
    if (c.is_text()) return "text " + escaped(c.text);
    return "blank";
}

// ---- cells from a FuzzedDataProvider ------------------------------------------

/// Survey-ish pieces that texts are built from: codes, labels, delimiters,
/// places, operators, numbers in many spellings, and awkward Unicode.
inline const std::vector<std::string>& dictionary() {
    static const std::vector<std::string> pieces = {"",
                                                    " ",
                                                    "\u3000",
                                                    "\t",
                                                    "\n",
                                                    "\r\n",
                                                    ";",
                                                    "；",
                                                    ",",
                                                    "，",
                                                    "、",
                                                    "|",
                                                    "/",
                                                    "┋",
                                                    "1",
                                                    "2",
                                                    "3",
                                                    "5",
                                                    "05",
                                                    "5.0",
                                                    "5e0",
                                                    "７",
                                                    "１０",
                                                    "-0",
                                                    "0",
                                                    "99",
                                                    "1e308",
                                                    "1e-320",
                                                    "0.1",
                                                    "1/3",
                                                    "0.3333333333333333",
                                                    "-5",
                                                    "11",
                                                    "10.5",
                                                    "nan",
                                                    "inf",
                                                    "-inf",
                                                    "1e+308",
                                                    "+7",
                                                    ".5",
                                                    "5.",
                                                    "1,000",
                                                    "重庆",
                                                    "重庆市",
                                                    "Chongqing",
                                                    "渝",
                                                    "广东深圳",
                                                    "广东省-深圳市-南山区",
                                                    "61.141.23.8(广东-深圳)",
                                                    "吉林",
                                                    "吉林市",
                                                    "海南",
                                                    "Suzhou",
                                                    "Anhui Suzhou",
                                                    "长三角",
                                                    "珠三角",
                                                    "京津冀",
                                                    "东部",
                                                    "西部",
                                                    "北京朝阳区",
                                                    "内蒙",
                                                    "Inner Mongolia",
                                                    "Xi’an",
                                                    "518000",
                                                    "440300",
                                                    "中国",
                                                    "Ｓｈａａｎｘｉ",
                                                    "外地员工返岗需隔离",
                                                    "上下游产业链难以协同复工",
                                                    "(跳过)",
                                                    "不清楚",
                                                    "其他",
                                                    "否",
                                                    "是",
                                                    "no",
                                                    "yes",
                                                    "false",
                                                    "未提及",
                                                    "九",
                                                    "<>",
                                                    ">=",
                                                    "<=",
                                                    "<",
                                                    ">",
                                                    "=",
                                                    "\"",
                                                    "a|b|",
                                                    "ß",
                                                    "ß̂",
                                                    "\u0301",
                                                    "\u0338",
                                                    "ǅ",
                                                    "İ",
                                                    "ﬃ",
                                                    "\u200b",
                                                    "\ufeff",
                                                    "🙂",
                                                    "\xed\xa0\x80",
                                                    "\xff\xfe",
                                                    "\xc3",
                                                    std::string("\0x", 2),
                                                    "desc",
                                                    "asc",
                                                    "name",
                                                    "none",
                                                    "auto",
                                                    "text",
                                                    "province",
                                                    "city",
                                                    "circles",
                                                    "zones",
                                                    "answered",
                                                    "all",
                                                    "error",
                                                    "skip",
                                                    "lower",
                                                    "upper",
                                                    "half",
                                                    "0-10",
                                                    "1-5",
                                                    "-5-5",
                                                    "0~100",
                                                    "1–7"};
    return pieces;
}

/// A text of up to four dictionary pieces, or raw bytes.
inline std::string fuzz_text(FuzzedDataProvider& in) {
    if (in.ConsumeIntegralInRange(0, 5) == 0) return in.ConsumeRandomLengthString(24);
    const auto& pieces = dictionary();
    std::string out;
    int n = in.ConsumeIntegralInRange(1, 4);
    for (int i = 0; i < n; ++i) out += pieces[in.ConsumeIntegralInRange<std::size_t>(0, pieces.size() - 1)];
    return out;
}

/// A number, mostly from the awkward ones: ±0, the extremes of a double, NaN, ±inf, 1/3.
inline double fuzz_number(FuzzedDataProvider& in) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    static const double special[] = {0.0,
                                     -0.0,
                                     1.0,
                                     2.0,
                                     3.0,
                                     5.0,
                                     7.0,
                                     10.0,
                                     11.0,
                                     99.0,
                                     -1.0,
                                     -5.0,
                                     0.5,
                                     1.0 / 3,
                                     10.5,
                                     1e308,
                                     -1e308,
                                     5e-324,
                                     1e-300,
                                     1e15,
                                     518000,
                                     440300,
                                     1.7976931348623157e308,
                                     2.2250738585072014e-308,
                                     std::numeric_limits<double>::quiet_NaN(),
                                     inf,
                                     -inf};
    switch (in.ConsumeIntegralInRange(0, 3)) {
        case 0:
            return in.ConsumeFloatingPoint<double>();
        case 1:
            return static_cast<double>(in.ConsumeIntegralInRange(-3, 12));
        default:
            return special[in.ConsumeIntegralInRange<std::size_t>(0, std::size(special) - 1)];
    }
}

inline Cell fuzz_cell(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegralInRange(0, 4)) {
        case 0:
            return Cell::blank();
        case 1:
        case 2:
            return Cell::of(fuzz_number(in));
        default:
            return Cell::of(fuzz_text(in));
    }
}

inline Block fuzz_block(FuzzedDataProvider& in, std::size_t rows, std::size_t cols) {
    Block b(rows, cols);
    for (Cell& c : b.cells) c = fuzz_cell(in);
    return b;
}

inline Arg scalar_arg(Cell c) { return Arg{false, Block::scalar(std::move(c))}; }
inline Arg range_arg(Block b) { return Arg{true, std::move(b)}; }
inline Arg text_arg(std::string s) { return scalar_arg(Cell::of(std::move(s))); }

// ---- outcomes of a call -------------------------------------------------------

/// What a call gave: a value, or the English sentence of the ArgumentError it threw.
template <class T>
struct Outcome {
    std::optional<T> value;
    std::string error;
};

/// Runs a call; an ArgumentError is an outcome, any other exception a bug.
template <class F>
auto outcome(const char* function, F&& f) -> Outcome<decltype(f())> {
    try {
        return {f(), {}};
    } catch (const ArgumentError& e) {
        return {std::nullopt, e.what()};
    } catch (const std::exception& e) {
        fail(std::string(function) + " let an exception other than ArgumentError escape: " + e.what());
    } catch (...) {
        fail(std::string(function) + " threw something that is not an exception");
    }
}

/// Numbers equal to a relative tolerance (0: bit for bit, NaN equal to NaN).
inline bool close(double a, double b, double rel) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    if (rel == 0) return a == b && std::signbit(a) == std::signbit(b);
    return a == b || std::fabs(a - b) <= rel * std::max(std::fabs(a), std::fabs(b));
}

template <class V>  // Result or TableCell: a variant of an empty state, double and std::string
bool close(const V& a, const V& b, double rel) {
    if (a.index() != b.index()) return false;
    if (const double* x = std::get_if<double>(&a)) return close(*x, std::get<double>(b), rel);
    if (const std::string* s = std::get_if<std::string>(&a)) return *s == std::get<std::string>(b);
    return true;
}

inline bool close(const Table& a, const Table& b, double rel) {
    if (a.size() != b.size()) return false;
    for (std::size_t r = 0; r < a.size(); ++r) {
        if (a[r].size() != b[r].size()) return false;
        for (std::size_t c = 0; c < a[r].size(); ++c)
            if (!close(a[r][c], b[r][c], rel)) return false;
    }
    return true;
}

/// Same outcome: both the same error, or values equal to the tolerance.
template <class T>
bool close(const Outcome<T>& a, const Outcome<T>& b, double rel) {
    if (a.value.has_value() != b.value.has_value()) return false;
    if (!a.value) return a.error == b.error;
    return close(*a.value, *b.value, rel);
}

template <class V>
std::string show(const V& v) {
    if (const double* x = std::get_if<double>(&v)) return shortest(*x);
    if (const std::string* s = std::get_if<std::string>(&v)) return escaped(*s);
    return v.index() == 0 ? "NA/empty" : "?";
}

inline std::string show(const Table& t) {
    std::string out = "[";
    for (const auto& row : t) {
        out += row.empty() ? "[" : "[" + show(row.front());
        for (std::size_t c = 1; c < row.size(); ++c) out += ", " + show(row[c]);
        out += "]";
        if (out.size() > 2000) return out + "...]";
    }
    return out + "]";
}

template <class T>
std::string show(const Outcome<T>& o) {
    return o.value ? show(*o.value) : "ArgumentError(" + o.error + ")";
}

}  // namespace surveycalc::fuzz
