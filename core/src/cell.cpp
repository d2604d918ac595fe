#include "surveycalc/cell.hpp"

namespace surveycalc {

std::string cell_address(std::string_view sheet, std::size_t col, std::size_t row) {
    std::string out;
    bool quote = false;
    for (char ch : sheet) {
        const auto u = static_cast<unsigned char>(ch);
        if (u < 0x80 &&
            !((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_'))
            quote = true;
    }
    if (quote) {
        out += '\'';
        for (char ch : sheet) {
            if (ch == '\'') out += '\'';  // Calc doubles a quote inside a quoted sheet name
            out += ch;
        }
        out += '\'';
    } else {
        out += sheet;
    }
    out += '.';
    std::string letters;
    for (std::size_t c = col + 1; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    out += letters;
    out += std::to_string(row + 1);
    return out;
}

}  // namespace surveycalc
