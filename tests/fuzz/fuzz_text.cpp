// Text normalisation and numbers: text::normalize, nfkc_trim, parse_number,
// format_number, split_tokens, split_labels on arbitrary bytes.
//
// Invariants: normalize and nfkc_trim are idempotent; parse_number never
// returns a non-finite value; a finite double formatted by format_number
// parses back as a finite number; split_tokens is split_labels normalised
// (empty tokens dropped), and no token or label is empty; plain_answer_keys,
// where it applies, gives split_answers' keys.
#include <cstring>

#include "answers.hpp"
#include "fuzz_common.hpp"
#include "text.hpp"

using namespace surveycalc;
using surveycalc::fuzz::escaped;
using surveycalc::fuzz::require;

namespace {

void check_number(std::string_view s) {
    if (std::optional<double> v = text::parse_number(s))
        require(std::isfinite(*v), "parse_number(" + escaped(s) + ") is not finite");
}

void check_format(double v) {
    if (!std::isfinite(v)) return;
    std::string f = text::format_number(v);
    std::optional<double> back = text::parse_number(f);
    require(back && std::isfinite(*back), "parse_number(format_number(" + fuzz::shortest(v) +
                                              ") = " + escaped(f) + ") is not a finite number");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);

    std::string n = text::normalize(in);
    require(text::normalize(n) == n, "normalize is not idempotent on " + escaped(in) + ": " + escaped(n) +
                                         " -> " + escaped(text::normalize(n)));
    std::string k = text::nfkc_trim(in);
    require(text::nfkc_trim(k) == k, "nfkc_trim is not idempotent on " + escaped(in) + ": " + escaped(k) +
                                         " -> " + escaped(text::nfkc_trim(k)));
    require(text::length(in) <= in.size(), "length exceeds the byte count");

    check_number(in);
    check_number(n);
    if (std::optional<double> v = text::parse_number(n)) check_format(*v);
    if (size >= sizeof(double)) {  // the first eight bytes as a double
        double v;
        std::memcpy(&v, data, sizeof v);
        check_format(v);
    }

    std::vector<std::string> labels = text::split_labels(in);
    std::vector<std::string> tokens = text::split_tokens(in);
    std::vector<std::string> expected;
    for (const std::string& l : labels) {
        require(!l.empty(), "split_labels(" + escaped(in) + ") gives an empty label");
        std::string t = text::normalize(l);
        if (!t.empty()) expected.push_back(t);
    }
    for (const std::string& t : tokens) {
        require(!t.empty(), "split_tokens(" + escaped(in) + ") gives an empty token");
        require(text::normalize(t) == t,
                "split_tokens(" + escaped(in) + ") gives the unnormalised " + escaped(t));
    }
    require(tokens == expected, "split_tokens(" + escaped(in) + ") is not split_labels normalised");

    // The zero-copy path gives split_answers' keys exactly, with the default
    // delimiters and with delimiters taken from the input's first bytes.
    const Cell cell = Cell::of(std::string(in));
    const std::u32string custom = text::separators(in.substr(0, std::min<std::size_t>(in.size(), 3)));
    for (const std::u32string* seps : {static_cast<const std::u32string*>(nullptr), &custom}) {
        std::vector<std::string_view> fast;
        if (!cell.is_text() || !plain_answer_keys(cell.text, seps, fast)) continue;
        std::vector<std::string> slow;
        for (const Answer& a : split_answers(cell, seps)) slow.push_back(a.key);
        require(std::vector<std::string>(fast.begin(), fast.end()) == slow,
                "plain_answer_keys(" + escaped(in) + ") differs from split_answers");
    }
    return 0;
}
