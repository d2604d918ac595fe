#include "surveycalc/request.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "scaling.hpp"
#include "surveycalc/answers.hpp"
#include "surveycalc/places.hpp"
#include "surveycalc/text.hpp"

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

/// The normalised text of a cell (numbers formatted as people type them).
std::string normalized(const Cell& c) {
    if (c.is_number()) return text::format_number(c.number);
    if (c.is_text()) return text::normalize(c.text);
    return {};
}

}  // namespace

// ---- Criterion ---------------------------------------------------------------

struct Criterion::Impl {
    enum class Op { Eq, Ne, Lt, Le, Gt, Ge };
    struct Alt {
        Op op = Op::Eq;
        std::string text;                  // normalised operand
        std::optional<double> number;      // operand as a number
        std::optional<places::Area> area;  // operand as a place or region (plain equality only)
        std::optional<std::string> coded;  // with "labels": the code (key) the operand names
    };
    const Labels* labels = nullptr;
    std::vector<Alt> alts;
    // Normalising and resolving texts is the costly part: once per distinct text.
    mutable TextCache<bool> matched;

    Alt parse_alt(std::string_view s) const {
        Alt a;
        auto take = [&](std::string_view op, Op o) {
            if (s.substr(0, op.size()) == op) {
                a.op = o;
                s.remove_prefix(op.size());
                return true;
            }
            return false;
        };
        take(">=", Op::Ge) || take("<=", Op::Le) || take("<>", Op::Ne) || take(">", Op::Gt) ||
            take("<", Op::Lt) || take("=", Op::Eq);
        a.text = text::normalize(s);
        a.number = text::parse_number(a.text);
        // A place or region named plainly, with "=" or with "<>", matches by place.
        if ((a.op == Op::Eq || a.op == Op::Ne) && !a.number && !a.text.empty()) a.area = places::area(a.text);
        code_of(a);
        return a;
    }

    void code_of(Alt& a) const {
        if (!labels || labels->empty() || (a.op != Op::Eq && a.op != Op::Ne)) return;
        std::string key = a.number ? answer_key(*a.number) : answer_key_of_normalized(a.text);
        if (labels->has(key)) a.coded = labels->canonical(key);
    }

    /// A cell's normalised text and the same without 问卷星's 〖…〗 other text.
    static bool text_equals(const std::string& t, const std::string& operand) {
        return t == operand || without_other_text(t) == operand;
    }

    bool match_alt(const Alt& a, const Cell& c) const {
        if (a.coded) {  // a code or label of the book: cells holding the code or its label
            bool same = !is_empty(c) && labels->canonical(answer_key(c)) == *a.coded;
            return a.op == Op::Eq ? same : !same;
        }
        if (a.number) {
            std::optional<double> v = numeric_value(c);
            if (!v && c.is_text())
                v = text::parse_number(text::normalize(without_other_text(text::normalize(c.text))));
            switch (a.op) {
                case Op::Eq:
                    return v && *v == *a.number;
                case Op::Ne:
                    return !v || *v != *a.number;
                case Op::Lt:
                    return v && *v < *a.number;
                case Op::Le:
                    return v && *v <= *a.number;
                case Op::Gt:
                    return v && *v > *a.number;
                case Op::Ge:
                    return v && *v >= *a.number;
            }
            return false;
        }
        if (a.text.empty()) {  // "=" matches blank cells, "<>" non-blank ones
            if (a.op == Op::Eq) return c.is_blank();
            if (a.op == Op::Ne) return !c.is_blank();
            return false;
        }
        std::string t = normalized(c);
        switch (a.op) {
            case Op::Eq:
                if (!c.is_blank() && text_equals(t, a.text)) return true;
                return a.area && c.is_text() && within(c.text, *a.area);
            case Op::Ne:
                if (!c.is_blank() && text_equals(t, a.text)) return false;
                return !(a.area && c.is_text() && within(c.text, *a.area));
            case Op::Lt:
                return !c.is_blank() && t < a.text;
            case Op::Le:
                return !c.is_blank() && t <= a.text;
            case Op::Gt:
                return !c.is_blank() && t > a.text;
            case Op::Ge:
                return !c.is_blank() && t >= a.text;
        }
        return false;
    }

    // A number (a firm id, a postcode such as 518000) is never read as a place
    // code here: only PROVINCE/CITY/REGION and "by" say a column holds places.
    bool within(const std::string& cell_text, const places::Area& area) const {
        if (text::parse_number(text::normalize(cell_text))) return false;
        places::Location loc = places::locate(cell_text);
        return loc.resolved() && places::within(loc, area);
    }
};

Criterion::Criterion(const Cell& criterion, const Labels* labels) : impl_(std::make_unique<Impl>()) {
    impl_->labels = labels;
    if (criterion.is_number()) {
        if (!std::isfinite(criterion.number))
            throw ArgumentError({"a criterion is not a finite number", "条件不是有限数"});
        Impl::Alt a;
        a.number = criterion.number;
        a.text = text::format_number(criterion.number);
        impl_->code_of(a);
        impl_->alts.push_back(std::move(a));
        return;
    }
    if (criterion.is_blank()) {  // an empty criterion matches blank cells, as COUNTIFS does
        impl_->alts.push_back(Impl::Alt{});
        return;
    }
    std::string s = text::nfkc_trim(criterion.text);
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == '|') {
            std::string_view part = std::string_view(s).substr(start, i - start);
            if (!text::normalize(part).empty() || s.find('|') == std::string::npos)
                impl_->alts.push_back(impl_->parse_alt(part));
            start = i + 1;
        }
    }
}

Criterion::~Criterion() = default;
Criterion::Criterion(Criterion&&) noexcept = default;
Criterion& Criterion::operator=(Criterion&&) noexcept = default;

bool Criterion::matches(const Cell& cell) const {
    auto compute = [&] {
        for (const Impl::Alt& a : impl_->alts)
            if (impl_->match_alt(a, cell)) return true;
        return false;
    };
    if (cell.is_text()) return impl_->matched.get(cell.text, compute);
    return compute();
}

// ---- shapes and messages -----------------------------------------------------

ArgumentError invalid_cell(std::size_t row, const Cell& c, const Message& reason) {
    std::string where = std::to_string(row + 1);
    return ArgumentError({"invalid value in row " + where + " of the range: " + describe_cell(c) + " (" +
                              reason.en +
                              "); fix it, declare it with \"missing\", or use \"invalid\";\"skip\"",
                          "区域第 " + where + " 行的值无效：" + describe_cell(c) + "（" + reason.zh +
                              "）；请更正，或用 \"missing\" 声明为缺失，或使用 \"invalid\";\"skip\""});
}

void require_shape(const Block& b, std::size_t rows, std::string_view what, bool one_column) {
    if (b.rows != rows)
        throw ArgumentError({std::string(what) + " has " + std::to_string(b.rows) +
                                 " rows but the data has " + std::to_string(rows) +
                                 ": every range in one call must have the same height",
                             std::string(what) + " 有 " + std::to_string(b.rows) + " 行，而数据有 " +
                                 std::to_string(rows) + " 行：同一公式中的所有区域必须行数相同"});
    if (one_column && b.cols != 1)
        throw ArgumentError(
            {std::string(what) + " must be a single column (it has " + std::to_string(b.cols) + ")",
             std::string(what) + " 必须是单列（现有 " + std::to_string(b.cols) + " 列）"});
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
                             "选项 " + zh_quote(name) + " 只接受单个值，不接受区域"});
    return v.block.cells.at(0);
}

/// A numeric option, exactly as given (a number cell keeps every bit of its value).
double option_number(const Arg& v, std::string_view name) {
    const Cell& c = option_value_scalar(v, name);
    std::optional<double> n = numeric_value(c);
    if (!n)
        throw ArgumentError({"option " + quote(name) + " needs a finite number, not " + describe_cell(c),
                             "选项 " + zh_quote(name) + " 需要有限的数字，而不是 " + describe_cell(c)});
    return *n;
}

/// A whole-number option of a table function, from 0 to `limit`.
std::size_t option_count(const Arg& v, std::string_view name, std::size_t limit) {
    double n = option_number(v, name);
    if (n < 0 || n != std::floor(n) || n > static_cast<double>(limit))
        throw ArgumentError({"option " + quote(name) + " must be a whole number from 0 to " +
                                 std::to_string(limit) + ", not " + text::format_number(n),
                             "选项 " + zh_quote(name) + " 必须是 0 到 " + std::to_string(limit) +
                                 " 的整数，而不是 " + text::format_number(n)});
    return static_cast<std::size_t>(n);
}

std::string option_word(const Arg& v, std::string_view name) {
    return normalized(option_value_scalar(v, name));
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
                         "选项 " + zh_quote(name) + " 只能是 " + zh + " 之一，而不是 " + zh_quote(w)});
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
         "选项 “scale” 应写成 \"0-10\"（下限-上限，绝对值不超过 1e15），而不是 " + zh_quote(s)});
}

/// Weights, one per row, each a finite non-negative number, scaled by the power
/// of two that brings the largest into [1,2): sums of weights neither overflow
/// nor underflow, the scaling itself is exact (ordinary weights give the very
/// same figures), and scaling every weight by a constant changes no figure.
/// Returns the factor that restores the units.
double parse_weights(const Arg& value, std::size_t rows, std::vector<double>& out) {
    if (!value.is_range && rows != 1)
        throw ArgumentError({"option \"weights\" needs a range of weights, one per row",
                             "选项 “weights” 需要一个权重区域，每行一个权重"});
    require_shape(value.block, rows, "weights", true);
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

Request::Request(std::string_view function, std::size_t rows, const std::vector<Arg>& pairs) : rows_(rows) {
    const catalog::OptionSet allowed = catalog::option_set(catalog::get(function));
    if (pairs.size() % 2 != 0)
        throw ArgumentError(
            {std::string(function) + ": criteria and options come in pairs, but the last one has no value",
             std::string(function) + "：条件和选项必须成对出现，但最后一个缺少值"});
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
            if (!found && rows == 1) {
                option = false;  // a one-row data range: a single-cell criteria range
            } else if (!found) {
                throw ArgumentError({std::string(function) + ": unknown option " + quote(name) +
                                         " (known: " + allowed_list(allowed) + ")",
                                     std::string(function) + "：未知选项 " + zh_quote(name) + "（可用：" +
                                         allowed_list(allowed) + "）"});
            } else if (!(allowed & catalog::bit(found->id))) {
                throw ArgumentError({std::string(function) + " does not take the option " + quote(name) +
                                         " (it takes: " + allowed_list(allowed) + ")",
                                     std::string(function) + " 不接受选项 " + zh_quote(name) + "（可用：" +
                                         allowed_list(allowed) + "）"});
            } else if (seen & catalog::bit(found->id)) {
                throw ArgumentError(
                    {std::string(function) + ": option " + quote(name) +
                         " is given twice; give each option once",
                     std::string(function) + "：选项 " + zh_quote(name) + " 出现了两次；每个选项只能给一次"});
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
        require_shape(key.block, rows, "criteria range " + std::to_string(i / 2 + 1), true);
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
            options_.weight_scale = parse_weights(value, rows_, options_.weights.emplace());
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
                throw ArgumentError({"option \"min_n\" must not be negative", "选项 “min_n” 不能为负数"});
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
                     "选项 “options” 列出的答案超过 " + std::to_string(kMaxTableRows) + " 个"});
            break;
        case OptionId::Sep: {
            const Cell& c = option_value_scalar(value, name);
            // "" (or a blank cell): no delimiter, every cell is one answer.
            options_.sep = c.is_text() ? text::separators(c.text) : std::u32string();
            if (c.is_number())
                throw ArgumentError(
                    {"option \"sep\" takes the delimiter characters as text, e.g. \" \" or \";\"",
                     "选项 “sep” 需要分隔符文本，如 \" \" 或 \";\""});
            break;
        }
        case OptionId::Labels:
            if (!value.is_range)
                throw ArgumentError({"option \"labels\" takes a two-column range (code, label)",
                                     "选项 “labels” 需要两列区域（代码，标签）"});
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
                                     "选项 “level” 必须介于 0 和 1 之间（如 0.95）"});
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

// ---- scores --------------------------------------------------------------------

bool is_missing_code(const Cell& c, const Options& opt) {
    if (opt.missing.empty() || is_empty(c)) return false;
    std::string key = opt.canonical(answer_key(c));
    return std::find(opt.missing.begin(), opt.missing.end(), key) != opt.missing.end();
}

bool no_answer(const Cell& c, const Options& opt) {
    return is_empty(c) || is_no_answer_code(c) || is_missing_code(c, opt);
}

bool chosen(const Cell& c, const Options& opt) { return dichotomy_mentioned(c) && !is_missing_code(c, opt); }

ScoreCell classify_score(const Cell& c, const Options& opt) {
    ScoreCell out;
    if (is_empty(c)) return out;  // blank, or only spaces
    if (is_missing_code(c, opt)) {
        out.status = ScoreCell::Status::Missing;
        return out;
    }
    std::optional<double> n = numeric_value(c);
    if (!n) {
        out.status = ScoreCell::Status::Invalid;
        out.reason = c.is_number() ? Message{"not a finite number", "不是有限数"}
                                   : Message{"not a number", "不是数字"};
        return out;
    }
    if (*n < opt.scale_lo || *n > opt.scale_hi) {
        std::string range = text::format_number(opt.scale_lo) + "-" + text::format_number(opt.scale_hi);
        out.status = ScoreCell::Status::Invalid;
        out.value = *n;
        out.reason = {"outside " + range, "超出 " + range};
        return out;
    }
    out.status = ScoreCell::Status::Valid;
    out.value = *n;
    return out;
}

// ---- multiple responses ---------------------------------------------------------

/// The label of column c of a one-column-per-option block: "options" if it
/// lists one, else the code book's label of the column number, else the text
/// every chosen cell of the column holds (SurveyMonkey writes the option's
/// label), else the column number.
std::string block_option_label(const Block& b, std::size_t c, const Options& opt) {
    if (c < opt.option_list.size()) return opt.option_list[c];
    std::string number = std::to_string(c + 1);
    if (const std::string* l = opt.labels.label(opt.canonical(number))) return *l;
    std::string common, common_key;
    for (std::size_t r = 0; r < b.rows; ++r) {
        const Cell& cell = b.at(r, c);
        if (!cell.is_text() || !chosen(cell, opt) || numeric_value(cell)) continue;
        std::string key = answer_key(cell);
        if (common_key.empty()) {
            common_key = key;
            common = std::string(without_other_text(text::nfkc_trim(cell.text)));
        } else if (key != common_key) {
            return number;
        }
    }
    return common.empty() ? number : common;
}

namespace {

std::string quoted_cell(const Cell& c) { return describe_cell(c); }

/// The block's column whose chosen cells hold the answer `key` (canonical);
/// throws unless exactly one does.
std::size_t column_holding(const Block& b, const std::string& key, const Cell& option, const Options& opt) {
    std::vector<std::size_t> found;
    for (std::size_t c = 0; c < b.cols; ++c)
        for (std::size_t r = 0; r < b.rows; ++r) {
            const Cell& cell = b.at(r, c);
            if (cell.is_text() && chosen(cell, opt) && opt.canonical(answer_key(cell)) == key) {
                found.push_back(c);
                break;
            }
        }
    std::string cols = std::to_string(b.cols);
    if (found.empty())
        throw ArgumentError({"no column of the " + cols + "-column block holds the answer " +
                                 quoted_cell(option) + ": give the option's column number (1 to " + cols +
                                 "), or \"labels\" with the column numbers as codes",
                             cols + " 列的多列回答区域中没有哪一列含有答案 " + quoted_cell(option) +
                                 "：请给出该选项的列号（1 到 " + cols + "），或用 \"labels\" 以列号为代码"});
    if (found.size() > 1)
        throw ArgumentError(
            {"the answer " + quoted_cell(option) + " is in columns " + std::to_string(found[0] + 1) +
                 " and " + std::to_string(found[1] + 1) + " of the block: give the column number",
             "答案 " + quoted_cell(option) + " 同时出现在多列回答区域的第 " + std::to_string(found[0] + 1) +
                 " 列和第 " + std::to_string(found[1] + 1) + " 列：请给出列号"});
    return found[0];
}

}  // namespace

MentionMatcher::MentionMatcher(const Block& responses, const Cell& option, const Options& opt)
    : responses_(responses), opt_(opt) {
    block_ = responses.cols > 1;
    if (option.is_number() && !std::isfinite(option.number))
        throw ArgumentError({"option is not a finite number", "选项不是有限数"});
    // The answer counted, keyed as the cells' answers are: 5, "05" and "5.0" are
    // one answer, a number option keeps every bit of its value (=1/3 is not
    // 0.333333333333333), and a label of the code book is its code.
    key_ = opt.canonical(answer_key(option));
    if (key_.empty())
        throw ArgumentError({"option is empty: name the answer to count (a code or a label)",
                             "选项为空：请给出要统计的答案（代码或标签）"});
    if (!block_) return;
    std::optional<double> n = text::parse_number(key_);
    if (!n) {
        column_ = column_holding(responses, key_, option, opt);
        return;
    }
    if (*n != std::floor(*n) || *n < 1 || *n > static_cast<double>(responses.cols))
        throw ArgumentError({"with a block of " + std::to_string(responses.cols) +
                                 " option columns, option must be a column number from 1 to " +
                                 std::to_string(responses.cols) + " or an answer the block holds, not " +
                                 describe_cell(option),
                             "多列回答区域共 " + std::to_string(responses.cols) + " 列，选项必须是 1 到 " +
                                 std::to_string(responses.cols) + " 的列号或区域中出现的答案，而不是 " +
                                 describe_cell(option)});
    column_ = static_cast<std::size_t>(*n) - 1;
}

MentionCell MentionMatcher::at(std::size_t row) const {
    MentionCell out;
    if (block_) {
        // Answered: at least one option chosen (a row of blanks and 0s skipped the question).
        for (std::size_t c = 0; c < responses_.cols && !out.answered; ++c)
            out.answered = chosen(responses_.at(row, c), opt_);
        out.mentioned = out.answered && chosen(responses_.at(row, column_), opt_);
        return out;
    }
    const Cell& cell = responses_.at(row, 0);
    if (no_answer(cell, opt_)) return out;
    if (cell.is_number()) return parse(cell);
    return cache_.get(cell.text, [&] { return parse(cell); });
}

namespace {
bool occurs_inside(std::string_view in, std::string_view key, bool& before_paren);
}

MentionCell MentionMatcher::parse(const Cell& cell) const {
    MentionCell out;
    for (const Answer& a : split_answers(cell, opt_.seps())) {
        out.answered = true;  // only delimiters or spaces: no answers, no answer
        if (opt_.canonical(a.key) == key_) {
            out.mentioned = true;
        } else if (!seen_inside_ && a.key.size() > key_.size() && a.key.find(' ') != std::string::npos) {
            bool paren = false;
            seen_inside_ = occurs_inside(a.key, key_, paren);
        }
    }
    return out;
}

namespace {

/// True when `key` occurs in the answer `in` as a word: bounded by the text's
/// ends or spaces, or followed by "(" (NFKC made "（" ASCII).
bool occurs_inside(std::string_view in, std::string_view key, bool& before_paren) {
    for (std::size_t at = in.find(key); at != std::string_view::npos; at = in.find(key, at + 1)) {
        std::size_t end = at + key.size();
        bool left = at == 0 || in[at - 1] == ' ';
        bool space_right = end == in.size() || in[end] == ' ';
        bool paren_right = end < in.size() && in[end] == '(';
        if (left && (space_right || paren_right)) {
            before_paren = paren_right || (end + 1 < in.size() && in[end] == ' ' && in[end + 1] == '(');
            return true;
        }
    }
    return false;
}

}  // namespace

std::optional<Message> MentionMatcher::diagnose() const {
    if (block_) return std::nullopt;
    std::size_t inside = 0, answers = 0, codes = 0;
    bool paren = false, whole = false;
    std::vector<std::string> examples;
    std::unordered_map<std::string, bool> seen;
    std::unordered_map<std::string, std::string> keys;            // every whole answer's key -> its label
    std::vector<std::pair<std::string, std::string>> containing;  // answers holding the option as a word
    for (std::size_t r = 0; r < responses_.rows; ++r) {
        const Cell& cell = responses_.at(r, 0);
        if (cell.is_text() && !seen.emplace(cell.text, true).second) continue;
        for (const Answer& a : split_answers(cell, opt_.seps())) {
            std::string k = opt_.canonical(a.key);
            keys.emplace(k, a.label);
            if (k == key_) {
                whole = true;
                continue;
            }
            ++answers;
            if (text::parse_number(a.key)) ++codes;
            bool before_paren = false;
            if (a.key.size() > key_.size() && occurs_inside(a.key, key_, before_paren)) {
                ++inside;
                paren = paren || before_paren;
                containing.emplace_back(a.key, a.label);
                if (examples.size() < 3) examples.push_back(describe_cell(Cell::of(a.label)));
            }
        }
    }
    std::string quoted = "\"" + key_ + "\"";
    if (whole) {
        // Zero or not, the count is wrong when the option also hides inside
        // answers that list several whole answers separated by spaces
        // ("quarantine transport" beside "quarantine" and "transport").
        std::size_t compound = 0;
        std::string example;
        for (const auto& [k, label] : containing) {
            std::size_t known = 0, start = 0;
            for (std::size_t i = 0; i <= k.size(); ++i)
                if (i == k.size() || k[i] == ' ') {
                    if (i > start && keys.count(k.substr(start, i - start))) ++known;
                    start = i + 1;
                }
            if (known >= 2) {
                if (compound++ == 0) example = describe_cell(Cell::of(label));
            }
        }
        if (compound == 0) return std::nullopt;  // a whole answer: the count is right
        std::string n = std::to_string(compound);
        return Message{"the answer " + quoted + " is also inside " + n +
                           " answers that list several answers " + "separated by spaces (e.g. " + example +
                           "), which are not counted: set \"sep\";\" \" (ODK/KoboToolbox select_multiple)",
                       "答案 " + quoted + " 还出现在 " + n + " 个以空格分隔多个答案的单元格中（如 " +
                           example +
                           "），这些未被计入：请设置 \"sep\";\" \"（ODK/KoboToolbox 的 select_multiple）"};
    }
    if (inside > 0) {
        std::string list;
        for (const std::string& e : examples) list += (list.empty() ? "" : ", ") + e;
        if (inside > examples.size()) list += ", …";
        std::string n = std::to_string(inside);
        if (paren)
            return Message{"the answer " + quoted + " matches no whole answer but begins " + n +
                               " of them (" + list +
                               "): write the answer as the cells write it, or map them to it with \"labels\"",
                           "答案 " + quoted + " 与任何完整答案都不相同，却是 " + n + " 个答案的开头（" +
                               list + "）：请按单元格中的写法给出答案，或用 \"labels\" 把它们对应到该答案"};
        return Message{
            "the answer " + quoted + " matches no whole answer but occurs inside " + n + " of them (" + list +
                ") as a word: if a cell lists several answers separated by spaces (ODK/KoboToolbox "
                "select_multiple), set \"sep\";\" \"",
            "答案 " + quoted + " 与任何完整答案都不相同，却作为词出现在 " + n + " 个答案中（" + list +
                "）：如果单元格中多个答案以空格分隔（ODK/KoboToolbox 的 select_multiple），请设置 "
                "\"sep\";\" \""};
    }
    if (answers > 0 && codes == answers && !text::parse_number(key_) && opt_.labels.empty())
        return Message{"the answer " + quoted +
                           " is a text but every answer in the range is a code (a number): give the code, or "
                           "\"labels\" with a two-column range of codes and labels",
                       "答案 " + quoted +
                           " 是文字，而区域中的答案都是代码（数字）：请给出代码，或用 \"labels\" "
                           "指定“代码-标签”两列区域"};
    return std::nullopt;
}

}  // namespace surveycalc
