// Text handling shared by criteria, multi-response parsing and places.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace surveycalc::text {

/// Unicode NFKC_Casefold (full-width forms become half-width, U+3000 becomes a
/// space, case folded, format characters such as U+200B and U+FEFF removed),
/// then trimmed of white space (ASCII and Unicode). Idempotent:
/// normalize(normalize(x)) == normalize(x). Input and output are UTF-8.
/// Invalid UTF-8 sequences become U+FFFD.
std::string normalize(std::string_view utf8);

/// NFKC and trim only, without case folding (for display of labels).
std::string nfkc_trim(std::string_view utf8);

/// Parses a normalised text as a number the way a person types one:
/// optional sign, digits, optional decimal point, optional exponent.
/// Thousands separators and percent signs are not accepted.
std::optional<double> parse_number(std::string_view normalized);

/// Formats a number for messages: integers without decimals, otherwise up to
/// 15 significant digits.
std::string format_number(double v);

/// Number of Unicode code points in a UTF-8 string (for truncating messages).
std::size_t length(std::string_view utf8);

/// NFKC only (no trimming, no case folding): the "sep" option's characters.
std::string nfkc(std::string_view utf8);

/// The default delimiters of a multi-response cell, after NFKC: ; , | / line
/// breaks, 、 (U+3001) and ┋ (U+250B, 问卷星). Full-width ； ， ｜ ／ are ASCII after NFKC.
bool is_default_separator(char32_t cp);

/// ASCII white space (space, \t to \r) and the same trimmed off a text.
bool ascii_space(unsigned char c);
std::string_view ascii_trim(std::string_view s);

/// The code points of a "sep" option's text after NFKC, each a delimiter
/// (a full-width ； given is the ; that NFKC makes of the cells' ；).
std::u32string separators(std::string_view utf8);

/// Splits a multi-response cell into its answers at the delimiters `seps`
/// (nullptr: the default ones), never inside 问卷星's other-please-specify text
/// 〖…〗 (`其他〖物流不通，缺人〗` is one part). Each part is NFKC'd and trimmed
/// (not case folded: labels for display); empty parts are dropped.
std::vector<std::string> split_labels(std::string_view utf8, const std::u32string* seps = nullptr);

/// The same split, each part normalised (normalize); parts empty after it are dropped.
std::vector<std::string> split_tokens(std::string_view utf8, const std::u32string* seps = nullptr);

}  // namespace surveycalc::text
