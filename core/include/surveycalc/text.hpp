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

/// Splits a multi-response cell into whole tokens. Delimiters: ; , ， ； 、 | /
/// ┋ (问卷星) and line breaks (after NFKC the full-width forms are ASCII already).
/// Each token is normalised; empty tokens are dropped.
std::vector<std::string> split_tokens(std::string_view utf8);

/// The same split, keeping each part as typed (NFKC and trimmed, not case
/// folded): labels for display.
std::vector<std::string> split_labels(std::string_view utf8);

}  // namespace surveycalc::text
