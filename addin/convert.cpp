#include "convert.hpp"

#include <algorithm>
#include <cmath>

#include "surveycalc/errors.hpp"

namespace surveycalc::uno {

// UTF-16 to UTF-8 by hand: Calc texts may hold lone surrogates (=UNICHAR(55296)),
// which rtl's converter turns into '?' and the character after it. Here a lone
// surrogate becomes U+FFFD and its neighbours stay as they are.
std::string to_utf8(const rtl::OUString& s) {
    const sal_Unicode* p = s.getStr();
    const std::size_t n = static_cast<std::size_t>(s.getLength());
    // One pass for the length, one to write: a cell is converted on every
    // uncached read, so no reallocation and no per-byte append.
    std::size_t bytes = 0;
    bool ascii = true;
    for (std::size_t i = 0; i < n; ++i) {
        const char32_t c = p[i];
        if (c < 0x80) {
            bytes += 1;
            continue;
        }
        ascii = false;
        if (c < 0x800) {
            bytes += 2;
        } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && p[i + 1] >= 0xDC00 && p[i + 1] <= 0xDFFF) {
            bytes += 4;
            ++i;
        } else {
            bytes += 3;  // a lone surrogate becomes U+FFFD, also 3 bytes
        }
    }
    std::string out(bytes, '\0');
    char* o = out.data();
    if (ascii) {
        for (std::size_t i = 0; i < n; ++i) o[i] = static_cast<char>(p[i]);
        return out;
    }
    for (std::size_t i = 0; i < n; ++i) {
        char32_t c = p[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && p[i + 1] >= 0xDC00 && p[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (p[i + 1] - 0xDC00);
            ++i;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            c = 0xFFFD;
        }
        if (c < 0x80) {
            *o++ = static_cast<char>(c);
        } else if (c < 0x800) {
            *o++ = static_cast<char>(0xC0 | (c >> 6));
            *o++ = static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *o++ = static_cast<char>(0xE0 | (c >> 12));
            *o++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            *o++ = static_cast<char>(0x80 | (c & 0x3F));
        } else {
            *o++ = static_cast<char>(0xF0 | (c >> 18));
            *o++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            *o++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            *o++ = static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

rtl::OUString to_ou(const std::string& s) {
    return rtl::OStringToOUString(rtl::OString(s.data(), static_cast<sal_Int32>(s.size())),
                                  RTL_TEXTENCODING_UTF8);
}

Cell to_cell(const css::uno::Any& a) {
    // The two types a cell reads as first, without the conversions >>= tries.
    switch (a.getValueTypeClass()) {
        case css::uno::TypeClass_DOUBLE:
            return Cell::of(*static_cast<const double*>(a.getValue()));
        case css::uno::TypeClass_STRING:
            return Cell::of(to_utf8(*static_cast<const rtl::OUString*>(a.getValue())));
        default:
            break;
    }
    double d = 0;
    bool b = false;
    rtl::OUString s;
    if (a >>= d) return Cell::of(d);
    if (a >>= b) return Cell::of(b ? 1.0 : 0.0);
    if (a >>= s) return Cell::of(to_utf8(s));
    return Cell::blank();
}

Block to_block(const Matrix& m, std::size_t max_rows) {
    std::size_t all = static_cast<std::size_t>(m.getLength());
    std::size_t rows = std::min(all, max_rows);
    std::size_t cols = all ? static_cast<std::size_t>(m[0].getLength()) : 0;
    Block b(rows, cols);
    if (rows < all) b.written_rows = all;
    for (std::size_t r = 0; r < rows; ++r) {
        const css::uno::Sequence<css::uno::Any>& row = m[static_cast<sal_Int32>(r)];
        if (static_cast<std::size_t>(row.getLength()) != cols)
            throw ArgumentError({"ragged range", "区域各行长度不一"});
        for (std::size_t c = 0; c < cols; ++c) b.at(r, c) = to_cell(row[static_cast<sal_Int32>(c)]);
    }
    return b;
}

Pairs to_pairs(std::initializer_list<const css::uno::Any*> pairs, std::size_t max_rows) {
    std::size_t used = 0, i = 0;
    for (const css::uno::Any* a : pairs) {
        ++i;
        if (a->hasValue()) used = i;
    }
    Pairs out;
    out.reserve(used);
    for (const css::uno::Any* a : pairs) {
        if (out.size() == used) break;
        out.push_back(to_arg(*a, max_rows));
    }
    return out;
}

Arg to_arg(const css::uno::Any& a, std::size_t max_rows) {
    Matrix m;
    if (a >>= m) return Arg{true, to_block(m, max_rows)};
    return Arg{false, Block::scalar(to_cell(a))};
}

Matrix to_matrix(const Table& t) {
    Matrix m(static_cast<sal_Int32>(t.size()));
    css::uno::Sequence<css::uno::Any>* rows = m.getArray();
    for (std::size_t r = 0; r < t.size(); ++r) {
        rows[r].realloc(static_cast<sal_Int32>(t[r].size()));
        css::uno::Any* cells = rows[r].getArray();
        for (std::size_t c = 0; c < t[r].size(); ++c) {
            if (const double* d = std::get_if<double>(&t[r][c])) {
                if (std::isfinite(*d)) cells[c] <<= *d;
            } else if (const std::string* s = std::get_if<std::string>(&t[r][c])) {
                cells[c] <<= to_ou(*s);
            }
        }
    }
    return m;
}

css::uno::Any to_any(const Result& r) {
    if (const double* d = std::get_if<double>(&r)) {
        if (!std::isfinite(*d)) return css::uno::Any();  // never hand Calc a NaN: #N/A
        return css::uno::Any(*d);
    }
    if (const std::string* s = std::get_if<std::string>(&r)) return css::uno::Any(to_ou(*s));
    return css::uno::Any();
}

}  // namespace surveycalc::uno
