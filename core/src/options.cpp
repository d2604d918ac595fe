#include "options.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "answers.hpp"
#include "places.hpp"
#include "scaling.hpp"
#include "surveycalc/catalog.hpp"
#include "text.hpp"

namespace surveycalc {
namespace {

// Built by appending: GCC 12 at -O3 reports a false -Wrestrict for
// "literal" + std::string (GCC bug 105329).
std::string enclose(std::string_view open, std::string_view s, std::string_view close) {
    std::string out;
    out.reserve(open.size() + s.size() + close.size());
    out.append(open).append(s).append(close);
    return out;
}
std::string quote(std::string_view s) { return enclose("\"", s, "\""); }
std::string zh_quote(std::string_view s) { return enclose("“", s, "”"); }

}  // namespace

// ---- shapes and messages -----------------------------------------------------

Message argument_name(std::string_view what) {
    std::string en(what);
    for (const catalog::Function& f : catalog::functions())
        for (const catalog::Argument& a : f.args)
            if (a.display.en == what) return {en, "“" + std::string(a.display.zh) + "”"};
    constexpr std::string_view kCriteria = "criteria range ";
    if (what.substr(0, kCriteria.size()) == kCriteria)
        return {en, "条件区域 " + std::string(what.substr(kCriteria.size()))};
    return {en, "“" + en + "”"};
}

Message cell_place(const Block& b, std::size_t row, std::size_t col) {
    if (!b.origin.sheet.empty()) {
        std::string at = cell_address(b.origin.sheet, b.origin.col + col, b.origin.row + row);
        return {at, at};
    }
    std::string n = std::to_string(row + 1);
    return {"row " + n, "第 " + n + " 行"};
}

ArgumentError invalid_cell(const Block& b, std::size_t row, const Message& reason) {
    const Cell& c = b.at(row, 0);
    Message at = cell_place(b, row);
    const char* sp = b.origin.sheet.empty() ? "" : " ";  // "第 2 行的值", "Data.F11 的值"
    return ArgumentError({"invalid value at " + at.en + ": " + describe_cell(c) + " (" + reason.en +
                              "); fix it, declare it with \"missing\", or use \"invalid\";\"skip\"",
                          at.zh + sp + "的值无效：" + describe_cell(c) + "（" + reason.zh +
                              "）；请更正，或用 \"missing\" 声明为缺失，或使用 \"invalid\";\"skip\""});
}

void require_shape(const Block& b, Height data, std::string_view what, bool one_column) {
    const std::size_t rows = data.written;
    if (b.height() != rows || b.rows < data.rows) {
        Message name = argument_name(what);
        throw ArgumentError({name.en + " has " + std::to_string(b.height()) + " rows but the data has " +
                                 std::to_string(rows) + ": every range in one call must have the same height",
                             name.zh + "有 " + std::to_string(b.height()) + " 行，而数据有 " +
                                 std::to_string(rows) + " 行：同一公式中的所有区域必须行数相同"});
    }
    if (one_column && b.cols != 1) {
        Message name = argument_name(what);
        throw ArgumentError({name.en + " must be a single column (it has " + std::to_string(b.cols) + ")",
                             name.zh + "必须是单列（现有 " + std::to_string(b.cols) + " 列）"});
    }
}

// ---- Request -----------------------------------------------------------------

namespace {

using catalog::OptionId;

std::string allowed_list(catalog::OptionSet allowed) {
    std::string out;
    for (const catalog::OptionInfo& o : catalog::options())
        if (allowed & catalog::bit(o.id)) out += (out.empty() ? "" : ", ") + std::string(o.name);
    return out.empty() ? "none" : out;
}

const Cell& option_value_scalar(const Arg& v, std::string_view name) {
    if (v.is_range && v.block.cells.size() != 1)
        throw ArgumentError({"option " + quote(name) + " takes a single value, not a range",
                             "设置 " + zh_quote(name) + " 只接受单个值，不接受区域"});
    return v.block.cells.at(0);
}

/// A numeric option, exactly as given (a number cell keeps every bit of its value).
double option_number(const Arg& v, std::string_view name) {
    const Cell& c = option_value_scalar(v, name);
    std::optional<double> n = numeric_value(c);
    if (!n)
        throw ArgumentError({"option " + quote(name) + " needs a finite number, not " + describe_cell(c),
                             "设置 " + zh_quote(name) + " 需要有限的数字，而不是 " + describe_cell(c)});
    return *n;
}

/// A whole-number option of a table function, from 0 to `limit`.
std::size_t option_count(const Arg& v, std::string_view name, std::size_t limit) {
    double n = option_number(v, name);
    if (n < 0 || n != std::floor(n) || n > static_cast<double>(limit))
        throw ArgumentError({"option " + quote(name) + " must be a whole number from 0 to " +
                                 std::to_string(limit) + ", not " + text::format_number(n),
                             "设置 " + zh_quote(name) + " 必须是 0 到 " + std::to_string(limit) +
                                 " 的整数，而不是 " + text::format_number(n)});
    return static_cast<std::size_t>(n);
}

std::string option_word(const Arg& v, std::string_view name) {
    return normalized_text(option_value_scalar(v, name));
}

/// A word option: the index of one of `words` (the order of its enum), else an error listing them.
std::size_t option_choice(const Arg& v, std::string_view name,
                          std::initializer_list<std::string_view> words) {
    std::string w = option_word(v, name);
    std::string en, zh;
    std::size_t i = 0;
    for (std::string_view c : words) {
        if (w == c) return i;
        ++i;
        en += (en.empty() ? "" : ", ") + quote(c);
        zh += (zh.empty() ? "" : "、") + quote(c);
    }
    throw ArgumentError({"option " + quote(name) + " is one of " + en + ", not " + quote(w),
                         "设置 " + zh_quote(name) + " 只能是 " + zh + " 之一，而不是 " + zh_quote(w)});
}

std::pair<double, double> parse_scale(const Arg& v) {
    std::string s = option_word(v, "scale");
    for (std::string_view dash : {"~", "\xE2\x80\x93", "\xE2\x80\x94", "-"}) {
        // The separator is the first occurrence after the first character (so "-5-5" works).
        std::size_t at = s.find(dash, 1);
        if (at == std::string::npos) continue;
        auto lo = text::parse_number(text::normalize(s.substr(0, at)));
        auto hi = text::parse_number(text::normalize(s.substr(at + dash.size())));
        if (lo && hi && *lo < *hi && std::fabs(*lo) <= kMaxScaleBound && std::fabs(*hi) <= kMaxScaleBound)
            return {*lo, *hi};
    }
    throw ArgumentError(
        {"option \"scale\" must look like \"0-10\" (low-high, within ±1e15), not " + quote(s),
         "设置 “scale” 应写成 \"0-10\"（下限-上限，绝对值不超过 1e15），而不是 " + zh_quote(s)});
}

/// Weights, one per row, each a finite non-negative number, scaled by the power
/// of two that brings the largest into [1,2): sums of weights neither overflow
/// nor underflow, the scaling itself is exact (ordinary weights give the very
/// same figures), and scaling every weight by a constant changes no figure.
/// Returns the factor that restores the units.
double parse_weights(const Arg& value, Height data, std::vector<double>& out) {
    const std::size_t rows = data.rows;
    if (!value.is_range && data.written != 1)
        throw ArgumentError({"option \"weights\" needs a range of weights, one per row",
                             "设置 “weights” 需要一个权重区域，每行一个权重"});
    require_shape(value.block, data, "weights", true);
    out.assign(rows, 0.0);
    double largest = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        const Cell& c = value.block.at(r, 0);
        std::optional<double> n = numeric_value(c);
        if (!n || *n < 0)
            throw ArgumentError(
                {"weights: row " + std::to_string(r + 1) + " = " + describe_cell(c) +
                     " is not a finite non-negative number",
                 "权重：第 " + std::to_string(r + 1) + " 行 = " + describe_cell(c) + " 不是有限的非负数"});
        out[r] = *n;
        largest = std::max(largest, *n);
    }
    if (!(largest > 0)) return 1.0;
    const double scale = binade(largest);
    for (double& w : out) w /= scale;
    return scale;
}

}  // namespace

Request::Request(std::string_view function, Height data, const std::vector<Arg>& pairs)
    : rows_(data.rows), height_(data) {
    const catalog::OptionSet allowed = catalog::option_set(catalog::get(function));
    if (pairs.size() % 2 != 0)
        throw ArgumentError(
            {std::string(function) + ": criteria and options come in pairs, but the last one has no value",
             std::string(function) + "：条件和设置必须成对出现，但最后一个缺少值"});
    unsigned seen = 0;
    std::vector<std::size_t> criteria;  // positions of the criteria pairs
    for (std::size_t i = 0; i < pairs.size(); i += 2) {
        const Arg& key = pairs[i];
        const Arg& value = pairs[i + 1];
        bool option = !key.is_range && key.scalar().is_text();
        if (option) {
            std::string name = text::normalize(key.scalar().text);
            const catalog::OptionInfo* found = nullptr;
            for (const catalog::OptionInfo& o : catalog::options())
                if (o.name == name) found = &o;
            if (!found && data.written == 1) {
                option = false;  // a one-row data range: a single-cell criteria range
            } else if (!found) {
                throw ArgumentError({std::string(function) + ": unknown option " + quote(name) +
                                         " (known: " + allowed_list(allowed) + ")",
                                     std::string(function) + "：未知设置 " + zh_quote(name) + "（可用：" +
                                         allowed_list(allowed) + "）"});
            } else if (!(allowed & catalog::bit(found->id))) {
                throw ArgumentError({std::string(function) + " does not take the option " + quote(name) +
                                         " (it takes: " + allowed_list(allowed) + ")",
                                     std::string(function) + " 不接受设置 " + zh_quote(name) + "（可用：" +
                                         allowed_list(allowed) + "）"});
            } else if (seen & catalog::bit(found->id)) {
                throw ArgumentError(
                    {std::string(function) + ": option " + quote(name) +
                         " is given twice; give each option once",
                     std::string(function) + "：设置 " + zh_quote(name) + " 出现了两次；每个设置只能给一次"});
            } else {
                seen |= catalog::bit(found->id);
                parse_option(found->id, found->name, value);
                continue;
            }
        }
        criteria.push_back(i);
    }
    // Criteria after every option: a criterion may name a code or label of "labels" given after it.
    if (!options_.labels.empty())
        for (std::string& k : options_.missing) k = options_.labels.canonical(k);
    for (std::size_t i : criteria) {
        const Arg& key = pairs[i];
        const Arg& value = pairs[i + 1];
        require_shape(key.block, data, "criteria range " + std::to_string(i / 2 + 1), true);
        if (value.is_range && value.block.cells.size() != 1)
            throw ArgumentError(
                {"criterion " + std::to_string(i / 2 + 1) + " must be a single value, not a range",
                 "条件 " + std::to_string(i / 2 + 1) + " 必须是单个值，而不是区域"});
        filters_.push_back(Filter{&key.block, Criterion(value.block.cells.at(0), &options_.labels)});
    }
    // Padding a table result to "rows" x "cols" must fit the result limit.
    std::size_t pad_cells = std::max<std::size_t>(options_.rows, 1) * std::max<std::size_t>(options_.cols, 1);
    if ((options_.rows || options_.cols) && pad_cells > kMaxTableCells)
        throw ArgumentError(
            {std::string(function) + ": \"rows\" x \"cols\" asks for " + std::to_string(pad_cells) +
                 " cells; a table result has at most " + std::to_string(kMaxTableCells),
             std::string(function) + "：\"rows\" × \"cols\" 要求 " + std::to_string(pad_cells) +
                 " 个单元格；表格结果最多 " + std::to_string(kMaxTableCells) + " 个"});
}

void Request::parse_option(OptionId option, std::string_view name, const Arg& value) {
    switch (option) {
        case OptionId::Weights:
            options_.weight_scale = parse_weights(value, height_, options_.weights.emplace());
            break;
        case OptionId::Scale: {
            auto [lo, hi] = parse_scale(value);
            options_.scale_lo = lo;
            options_.scale_hi = hi;
            break;
        }
        case OptionId::Missing:
            for (const Cell& c : value.block.cells)
                for (Answer& a : split_answers(c)) options_.missing.push_back(std::move(a.key));
            break;
        case OptionId::Invalid:
            options_.skip_invalid = option_choice(value, name, {"error", "skip"}) == 1;
            break;
        case OptionId::MinN: {
            double n = option_number(value, name);
            if (n < 0)
                throw ArgumentError({"option \"min_n\" must not be negative", "设置 “min_n” 不能为负数"});
            options_.min_n = n;
            break;
        }
        case OptionId::Base:
            options_.base_all = option_choice(value, name, {"answered", "all"}) == 1;
            break;
        case OptionId::Sort:
            options_.sort =
                static_cast<SortOrder>(option_choice(value, name, {"desc", "asc", "name", "none"}));
            break;
        case OptionId::By:
            options_.by = static_cast<GroupBy>(
                option_choice(value, name, {"auto", "text", "province", "city", "circles", "zones"}));
            break;
        case OptionId::Top:
            options_.top = option_count(value, name, kMaxTableRows);
            break;
        case OptionId::Header:
            options_.header = option_count(value, name, 1) == 1;
            break;
        case OptionId::Rows:
            options_.rows = option_count(value, name, kMaxTableRows);
            break;
        case OptionId::Cols:
            options_.cols = option_count(value, name, kMaxTableCols);
            break;
        case OptionId::Options:
            for (const Cell& c : value.block.cells) {
                if (c.is_number()) {
                    if (std::isfinite(c.number))
                        options_.option_list.push_back(text::format_number(c.number));
                } else if (c.is_text()) {
                    // One label per cell; a single text cell may list several ("a;b;c").
                    if (value.block.cells.size() == 1) {
                        for (const std::string& t : text::split_labels(c.text))
                            if (!text::normalize(t).empty()) options_.option_list.push_back(t);
                    } else {
                        std::string t = text::nfkc_trim(c.text);
                        if (!text::normalize(t).empty()) options_.option_list.push_back(t);
                    }
                }
            }
            if (options_.option_list.size() > kMaxTableRows)
                throw ArgumentError(
                    {"option \"options\" lists more than " + std::to_string(kMaxTableRows) + " answers",
                     "设置 “options” 列出的答案超过 " + std::to_string(kMaxTableRows) + " 个"});
            break;
        case OptionId::Sep: {
            const Cell& c = option_value_scalar(value, name);
            // "" (or a blank cell): no delimiter, every cell is one answer.
            options_.sep = c.is_text() ? text::separators(c.text) : std::u32string();
            if (c.is_number())
                throw ArgumentError(
                    {"option \"sep\" takes the delimiter characters as text, e.g. \" \" or \";\"",
                     "设置 “sep” 需要分隔符文本，如 \" \" 或 \";\""});
            break;
        }
        case OptionId::Labels:
            if (!value.is_range)
                throw ArgumentError({"option \"labels\" takes a two-column range (code, label)",
                                     "设置 “labels” 需要两列区域（代码，标签）"});
            options_.labels = Labels(value.block);
            break;
        case OptionId::Answer:
            options_.answer = option_value_scalar(value, name);
            break;
        case OptionId::Count_:
            break;
        case OptionId::Level: {
            double l = option_number(value, name);
            if (!(l > 0 && l < 1))
                throw ArgumentError({"option \"level\" must lie between 0 and 1 (e.g. 0.95)",
                                     "设置 “level” 必须介于 0 和 1 之间（如 0.95）"});
            options_.level = l;
            break;
        }
    }
}

bool Request::keep(std::size_t r) const {
    for (const Filter& f : filters_)
        if (!f.criterion.matches(f.range->at(r, 0))) return false;
    return true;
}

bool Request::any_criteria_cell(std::size_t r) const {
    for (const Filter& f : filters_)
        if (!is_empty(f.range->at(r, 0))) return true;
    return false;
}

// ---- cells under the options ----------------------------------------------------

bool is_missing_code(const Cell& c, const Options& opt) {
    if (opt.missing.empty() || is_empty(c)) return false;
    std::string key = opt.canonical(answer_key(c));
    return std::find(opt.missing.begin(), opt.missing.end(), key) != opt.missing.end();
}

bool no_answer(const Cell& c, const Options& opt) {
    return is_empty(c) || is_no_answer_code(c) || is_missing_code(c, opt);
}

bool chosen(const Cell& c, const Options& opt) { return dichotomy_mentioned(c) && !is_missing_code(c, opt); }

}  // namespace surveycalc
