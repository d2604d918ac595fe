// Every spreadsheet function (functions.hpp) with every option, on blocks of
// 1-20 rows of random cells: blanks, numbers including the extremes (±0, 1e308,
// 5e-324, NaN, ±inf, 1/3), survey-ish texts and raw bytes, with random
// criteria and option pairs.
//
// Invariants (the contract of functions.hpp and the README):
//   (a) only ArgumentError escapes a call (DATACHECK throws nothing at all);
//   (b) a number result is finite; rates (MENTIONRATE, SHARE, MENTIONCI,
//       CROSSTAB cells, SHARES cells) and p-values lie in [0,1]; DIFFICULTY and
//       GROUPTABLE means lie within the scale;
//   (c) SHARES: the rounded units sum to exactly 100 x 10^decimals;
//   (d) scaling every weight by a power of two changes no figure (1e-12);
//   (e) MENTIONRATE's option as a number and as its shortest decimal text agree;
//   (f) a second call with the same arguments gives the same result;
//   (g) a table result has at most 100000 cells.
// Build with -DSURVEYCALC_FUZZ_LIMITS=ON to also ask for tables of up to
// 1e6 x 1e6 cells through "rows" and "cols", which must be refused before
// anything is allocated.
#include <functional>

#include "answers.hpp"
#include "fuzz_common.hpp"
#include "responses.hpp"
#include "scores.hpp"
#include "surveycalc/limits.hpp"
#include "text.hpp"

using namespace surveycalc;
using fuzz::require;

namespace {

constexpr double kTolerance = 1e-12;

// ---- options ------------------------------------------------------------------

// The catalog's options and the options each function takes (catalog.hpp): no copy here.
using catalog::OptionId;
constexpr unsigned Weights = catalog::bit(OptionId::Weights), Scale = catalog::bit(OptionId::Scale),
                   Missing = catalog::bit(OptionId::Missing), Invalid = catalog::bit(OptionId::Invalid),
                   MinN = catalog::bit(OptionId::MinN), Base = catalog::bit(OptionId::Base),
                   Level = catalog::bit(OptionId::Level), Sort = catalog::bit(OptionId::Sort),
                   Top = catalog::bit(OptionId::Top), Rows = catalog::bit(OptionId::Rows),
                   Cols = catalog::bit(OptionId::Cols), OptionList = catalog::bit(OptionId::Options),
                   By = catalog::bit(OptionId::By), Sep = catalog::bit(OptionId::Sep),
                   LabelBook = catalog::bit(OptionId::Labels), AnswerOpt = catalog::bit(OptionId::Answer);
constexpr unsigned kAll = (1u << static_cast<unsigned>(OptionId::Count_)) - 1;
/// The options the catalog says `function` takes.
unsigned takes(const char* function) { return catalog::option_set(catalog::get(function)); }

/// One criteria or option pair; `option` is 0 for a criteria pair.
struct Pair {
    Arg key;
    Arg value;
    unsigned option = 0;
};

/// A whole number for "top", "rows" or "cols": small, so that tables stay small,
/// unless SURVEYCALC_FUZZ_LIMITS asks for ones that must be refused.
Cell count_value(FuzzedDataProvider& in) {
#ifdef SURVEYCALC_FUZZ_LIMITS
    if (in.ConsumeBool()) {
        static const double huge[] = {1e4, 1e5, 100001, 999999, 1e6};
        return Cell::of(huge[in.ConsumeIntegralInRange<std::size_t>(0, std::size(huge) - 1)]);
    }
#endif
    double n = in.ConsumeIntegralInRange(0, 40);
    switch (in.ConsumeIntegralInRange(0, 3)) {
        case 0:
            return Cell::of(fuzz::shortest(n));
        case 1:
            return Cell::of(n + 0.5);
        default:
            return Cell::of(n);
    }
}

/// A column of weights: mostly non-negative numbers, some awkward cells.
Block weights_column(FuzzedDataProvider& in, std::size_t rows) {
    Block b(rows, 1);
    for (Cell& c : b.cells) {
        switch (in.ConsumeIntegralInRange(0, 5)) {
            case 0:
                c = fuzz::fuzz_cell(in);
                break;
            case 1:
                c = Cell::of(std::fabs(fuzz::fuzz_number(in)));
                break;
            case 2:
                c = Cell::of(std::ldexp(in.ConsumeIntegralInRange(0, 1000) / 7.0,
                                        in.ConsumeIntegralInRange(-1070, 1020)));
                break;
            default:
                c = Cell::of(static_cast<double>(in.ConsumeIntegralInRange(0, 5)));
        }
    }
    return b;
}

struct Word {
    const char* text;
    double lo, hi;  // for "scale": the range it names
};

Cell pick(FuzzedDataProvider& in, std::initializer_list<const char*> words) {
    if (in.ConsumeIntegralInRange(0, 7) == 0) return fuzz::fuzz_cell(in);
    return Cell::of(std::string(words.begin()[in.ConsumeIntegralInRange<std::size_t>(0, words.size() - 1)]));
}

/// The generated arguments of one round of calls.
struct FuzzCall {
    std::size_t rows = 1;
    Block a, b, g, block, map;
    Cell x, y, group_a, group_b, bound, decimals, kind, scheme;
    bool scheme_range = false;
    std::vector<Pair> pairs;
    std::optional<std::pair<double, double>> scale{{0.0, 10.0}};  // nullopt: unknown

    /// The pairs a function with `allowed` options takes (criteria pairs always).
    Pairs for_options(unsigned allowed) const {
        Pairs out;
        for (const Pair& p : pairs)
            if (!p.option || (p.option & allowed)) {
                out.push_back(p.key);
                out.push_back(p.value);
            }
        return out;
    }
};

Arg option_value(FuzzedDataProvider& in, unsigned option, FuzzCall& call) {
    const std::size_t rows = call.rows;
    switch (option) {
        case Weights:
            return in.ConsumeIntegralInRange(0, 9) ? fuzz::range_arg(weights_column(in, rows))
                                                   : fuzz::scalar_arg(fuzz::fuzz_cell(in));
        case Scale: {
            static const Word scales[] = {{"0-10", 0, 10},
                                          {"1-5", 1, 5},
                                          {"-5-5", -5, 5},
                                          {"0~100", 0, 100},
                                          {"1–7", 1, 7},
                                          {"0-1", 0, 1},
                                          {"1e300-1e301", 1e300, 1e301},
                                          {"-1e15-1e15", -1e15, 1e15},
                                          {"0.1-0.3", 0.1, 0.3},
                                          {"１-５", 1, 5}};
            if (in.ConsumeIntegralInRange(0, 7) == 0) {
                call.scale.reset();
                return fuzz::scalar_arg(fuzz::fuzz_cell(in));
            }
            const Word& w = scales[in.ConsumeIntegralInRange<std::size_t>(0, std::size(scales) - 1)];
            call.scale = {w.lo, w.hi};
            return fuzz::text_arg(w.text);
        }
        case Missing:
            if (in.ConsumeBool())
                return fuzz::range_arg(fuzz::fuzz_block(in, in.ConsumeIntegralInRange(1, 3), 1));
            return fuzz::scalar_arg(pick(in, {"99", "99;不清楚", "(跳过)", "0", "05", "其他"}));
        case Invalid:
            return fuzz::scalar_arg(pick(in, {"skip", "error", "SKIP"}));
        case MinN:
        case Level:
            return fuzz::scalar_arg(in.ConsumeIntegralInRange(0, 3) ? Cell::of(fuzz::fuzz_number(in))
                                                                    : pick(in, {"0.95", "0.5", "2", "1/3"}));
        case Base:
            return fuzz::scalar_arg(pick(in, {"answered", "all"}));
        case Sort:
            return fuzz::scalar_arg(pick(in, {"desc", "asc", "name", "none"}));
        case By:
            return fuzz::scalar_arg(pick(in, {"auto", "text", "province", "city", "circles", "zones"}));
        case Top:
        case Rows:
        case Cols:
            return fuzz::scalar_arg(count_value(in));
        case Sep:
            return fuzz::scalar_arg(pick(in, {" ", ";", "", "┋", "＋", "\n", " ,"}));
        case LabelBook:
            if (in.ConsumeIntegralInRange(0, 7) == 0) return fuzz::scalar_arg(fuzz::fuzz_cell(in));
            return fuzz::range_arg(fuzz::fuzz_block(in, in.ConsumeIntegralInRange(1, 6), 2));
        case AnswerOpt:
            return fuzz::scalar_arg(fuzz::fuzz_cell(in));
        case OptionList:
            if (in.ConsumeBool())
                return fuzz::range_arg(fuzz::fuzz_block(in, in.ConsumeIntegralInRange(1, 5), 1));
            return fuzz::scalar_arg(pick(in, {"1;3;5", "外地员工返岗需隔离;上下游产业链难以协同复工", "5"}));
    }
    return fuzz::scalar_arg(fuzz::fuzz_cell(in));
}

FuzzCall generate(FuzzedDataProvider& in) {
    FuzzCall c;
    c.rows = in.ConsumeIntegralInRange<std::size_t>(1, 20);
    c.a = fuzz::fuzz_block(in, c.rows, 1);
    c.b = fuzz::fuzz_block(in, c.rows, 1);
    c.g = fuzz::fuzz_block(in, c.rows, 1);
    c.block = fuzz::fuzz_block(in, c.rows, in.ConsumeIntegralInRange<std::size_t>(2, 4));
    c.x = fuzz::fuzz_cell(in);
    c.y = fuzz::fuzz_cell(in);
    if (in.ConsumeBool()) {  // two groups that do not overlap: a value of the column and "<>" it
        const Cell& v = c.g.cells[in.ConsumeIntegralInRange<std::size_t>(0, c.rows - 1)];
        c.group_a = v;
        std::string t = v.is_number() ? fuzz::shortest(v.number) : v.text;
        c.group_b = Cell::of("<>" + t);
    } else {
        c.group_a = fuzz::fuzz_cell(in);
        c.group_b = fuzz::fuzz_cell(in);
    }
    c.bound = pick(in, {"lower", "upper", "half", "LOWER"});
    c.decimals = in.ConsumeIntegralInRange(0, 3)
                     ? Cell::of(static_cast<double>(in.ConsumeIntegralInRange(-1, 7)))
                     : fuzz::fuzz_cell(in);
    c.kind = pick(in, {"scores", "responses", "places"});
    c.scheme_range = in.ConsumeIntegralInRange(0, 3) == 0;
    if (c.scheme_range)
        c.map = fuzz::fuzz_block(in, in.ConsumeIntegralInRange<std::size_t>(1, 4), 2);
    else
        c.scheme = pick(in, {"circles", "zones", "", "区域"});

    int n = in.ConsumeIntegralInRange(0, 8);
    for (int i = 0; i < n && in.remaining_bytes() > 0; ++i) {
        Pair p;
        int what = in.ConsumeIntegralInRange(0, 3);
        if (what == 0) {  // criteria: a column and a criterion
            p.key = fuzz::range_arg(in.ConsumeBool() ? c.g : fuzz::fuzz_block(in, c.rows, 1));
            p.value = fuzz::scalar_arg(fuzz::fuzz_cell(in));
        } else if (what == 1 && in.ConsumeIntegralInRange(0, 7) == 0) {  // an odd name or a malformed pair
            p.key = fuzz::scalar_arg(pick(in, {"Weights", " LEVEL ", "unknown", "ｓｏｒｔ", "weight"}));
            p.value = in.ConsumeBool()
                          ? fuzz::scalar_arg(fuzz::fuzz_cell(in))
                          : fuzz::range_arg(fuzz::fuzz_block(in, c.rows, in.ConsumeIntegralInRange(1, 2)));
        } else {
            std::size_t k = in.ConsumeIntegralInRange<std::size_t>(0, catalog::options().size() - 1);
            p.option = 1u << k;
            p.key = fuzz::text_arg(std::string(catalog::options()[k].name).c_str());
            p.value = option_value(in, p.option, c);
        }
        c.pairs.push_back(std::move(p));
    }
    return c;
}

// ---- checks -------------------------------------------------------------------------

/// Calls f twice (f): the same outcome both times. Returns it.
template <class F>
auto twice(const char* function, F&& f) {
    auto first = fuzz::outcome(function, f);
    auto second = fuzz::outcome(function, f);
    require(fuzz::close(first, second, 0),
            std::string(function) + " gives " + fuzz::show(first) + " and then " + fuzz::show(second));
    return first;
}

/// Agreement of two calls that must give the same figures: both errors (of any
/// wording), or values equal to `rel`.
template <class T>
bool agree(const fuzz::Outcome<T>& a, const fuzz::Outcome<T>& b, double rel) {
    if (!a.value || !b.value) return !a.value && !b.value;
    return fuzz::close(*a.value, *b.value, rel);
}

struct Bounds {
    double lo = -std::numeric_limits<double>::infinity();
    double hi = std::numeric_limits<double>::infinity();
};
constexpr Bounds kUnit{0, 1};
constexpr Bounds kNonNegative{0, std::numeric_limits<double>::infinity()};

void check_number(const char* function, double v, Bounds b, const std::string& what = "the result") {
    require(std::isfinite(v),
            std::string(function) + ": " + what + " " + fuzz::shortest(v) + " is not finite");
    require(v >= b.lo && v <= b.hi, std::string(function) + ": " + what + " " + fuzz::shortest(v) +
                                        " is outside [" + fuzz::shortest(b.lo) + ", " + fuzz::shortest(b.hi) +
                                        "]");
}

void check_result(const char* function, const Result& r, Bounds b) {
    if (const double* v = std::get_if<double>(&r)) check_number(function, *v, b);
}

void check_table(const char* function, const Table& t, Bounds b, std::size_t from_col = 0) {
    std::size_t cells = 0;
    for (const auto& row : t) {
        cells += row.size();
        for (std::size_t col = 0; col < row.size(); ++col)
            if (const double* v = std::get_if<double>(&row[col]))
                check_number(function, *v, col >= from_col ? b : Bounds{}, "a cell");
    }
    require(cells <= kMaxTableCells, std::string(function) + " returns " + std::to_string(cells) + " cells");
}

/// The pairs with every weight multiplied by `factor`; nullopt when some
/// weight would not survive the scaling exactly (or is a text number).
std::optional<Pairs> scaled_weights(const Pairs& pairs, double factor) {
    Pairs out = pairs;
    bool any = false;
    for (std::size_t i = 0; i + 1 < out.size(); i += 2) {
        const Arg& key = out[i];
        if (key.is_range || !key.scalar().is_text() || text::normalize(key.scalar().text) != "weights")
            continue;
        for (Cell& c : out[i + 1].block.cells) {
            if (c.is_text() && numeric_value(c)) return std::nullopt;
            if (!c.is_number()) continue;
            double w = c.number * factor;
            if (!(w == 0 || std::isnormal(w)) || w / factor != c.number) return std::nullopt;
            c.number = w;
            any = true;
        }
    }
    if (!any) return std::nullopt;
    return out;
}

/// (d): the same figures with every weight scaled by `factor`.
template <class F>
void check_weight_scaling(const char* function, const Pairs& pairs, double factor, F&& f) {
    std::optional<Pairs> scaled = scaled_weights(pairs, factor);
    if (!scaled) return;
    auto plain = fuzz::outcome(function, [&] { return f(pairs); });
    auto times = fuzz::outcome(function, [&] { return f(*scaled); });
    require(agree(plain, times, kTolerance),
            std::string(function) + " changes when every weight is multiplied by " + fuzz::shortest(factor) +
                ": " + fuzz::show(plain) + " then " + fuzz::show(times));
}

/// (c): the rounded shares add up to exactly 100%.
void check_shares(const Table& t, const Cell& decimals) {
    std::optional<double> d = decimals.is_blank() ? std::optional<double>(1.0) : numeric_value(decimals);
    long long units = 0;
    bool numbers = false;
    for (const auto& row : t)
        for (const TableCell& c : row)
            if (const double* v = std::get_if<double>(&c)) {
                numbers = true;
                if (d) units += std::llround(*v * 100 * std::pow(10.0, *d));
            }
    if (!numbers || !d) return;
    long long total = std::llround(100 * std::pow(10.0, *d));
    require(units == total, "SHARES: the rounded shares add up to " + std::to_string(units) + " units, not " +
                                std::to_string(total));
}

#ifdef SURVEYCALC_FUZZ_LIMITS
/// Tables of up to 1e6 x 1e6 cells asked for by "rows" and "cols" are refused
/// before anything is allocated (an allocation that size would abort the fuzzer).
void check_limits(const FuzzCall& c, FuzzedDataProvider& in) {
    double rows = in.ConsumeIntegralInRange(0, 1000000), cols = in.ConsumeIntegralInRange(0, 1000000);
    Pairs pairs{fuzz::text_arg("rows"), fuzz::scalar_arg(Cell::of(rows)), fuzz::text_arg("cols"),
                fuzz::scalar_arg(Cell::of(cols))};
    auto cross = fuzz::outcome("CROSSTAB", [&] { return fn::crosstab(c.a, c.g, pairs); });
    if (cross.value) check_table("CROSSTAB", *cross.value, kUnit, 1);
    pairs.resize(2);
    auto group = fuzz::outcome("GROUPTABLE", [&] { return fn::group_table(c.a, c.g, pairs); });
    if (group.value) check_table("GROUPTABLE", *group.value, Bounds{});
}
#endif

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    FuzzedDataProvider in(data, size);
    FuzzCall c = generate(in);
    const double factor = std::ldexp(1.0, in.ConsumeIntegralInRange(-60, 60));
    const bool all_options = in.ConsumeBool();  // also pass options a function does not take
    auto pairs = [&](unsigned allowed) { return c.for_options(all_options ? kAll : allowed); };
    Bounds scale = c.scale ? Bounds{c.scale->first, c.scale->second} : Bounds{};

    // Scalar statistics: (a), (b), (d), (f).
    struct Scalar {
        const char* name;
        unsigned allowed;
        Bounds bounds;
        std::function<Result(const Pairs&)> call;
    };
    const Scalar scalars[] = {
        {"DIFFICULTY", takes("DIFFICULTY"), scale, [&](const Pairs& p) { return fn::difficulty(c.a, p); }},
        {"MENTIONRATE", takes("MENTIONRATE"), kUnit,
         [&](const Pairs& p) { return fn::mention_rate(c.a, c.x, p); }},
        {"MENTIONRATE", takes("MENTIONRATE"), kUnit,
         [&](const Pairs& p) { return fn::mention_rate(c.block, c.x, p); }},
        {"SHARE", takes("SHARE"), kUnit, [&](const Pairs& p) { return fn::share(c.a, c.x, p); }},
        {"SUMRATIO", takes("SUMRATIO"), kNonNegative, [&](const Pairs& p) { return fn::rate(c.a, c.b, p); }},
        {"DIFFICULTYCI", takes("DIFFICULTYCI"), Bounds{},
         [&](const Pairs& p) { return fn::difficulty_ci(c.a, c.bound, p); }},
        {"MENTIONCI", takes("MENTIONCI"), kUnit,
         [&](const Pairs& p) { return fn::mention_ci(c.a, c.x, c.bound, p); }},
        {"MENTIONTEST", takes("MENTIONTEST"), kUnit,
         [&](const Pairs& p) { return fn::mention_test(c.a, c.x, c.g, c.group_a, c.group_b, p); }},
        {"DIFFICULTYTEST", takes("DIFFICULTYTEST"), kUnit,
         [&](const Pairs& p) { return fn::difficulty_test(c.a, c.g, c.group_a, c.group_b, p); }},
    };
    for (const Scalar& s : scalars) {
        Pairs p = pairs(s.allowed);
        auto r = twice(s.name, [&] { return s.call(p); });
        if (r.value) check_result(s.name, *r.value, s.bounds);
        check_weight_scaling(s.name, p, factor, s.call);
    }
    {
        Pairs p = pairs(takes("MENTIONCOUNT"));
        auto r = twice("MENTIONCOUNT", [&] { return fn::mention_count(c.a, c.x, p); });
        if (r.value) check_result("MENTIONCOUNT", *r.value, kNonNegative);
    }

    // (e) An option given as a number and as its shortest decimal text.
    {
        double v = c.x.is_number() ? c.x.number : fuzz::fuzz_number(in);
        if (std::isfinite(v)) {
            Pairs p = pairs(takes("MENTIONRATE"));
            for (const Block* responses : {&c.a, &c.block}) {
                auto number = fuzz::outcome("MENTIONRATE",
                                            [&] { return fn::mention_rate(*responses, Cell::of(v), p); });
                auto text = fuzz::outcome("MENTIONRATE", [&] {
                    return fn::mention_rate(*responses, Cell::of(fuzz::shortest(v)), p);
                });
                require(agree(number, text, 0), "MENTIONRATE with the option " + fuzz::shortest(v) +
                                                    " as a number gives " + fuzz::show(number) +
                                                    ", as text " + fuzz::show(text));
            }
        }
    }

    // Tables: (a), (b), (c), (d), (f), (g).
    {
        Pairs p = pairs(takes("GROUPTABLE"));
        auto group = [&](const Pairs& q) { return fn::group_table(c.a, c.g, q); };
        auto t = twice("GROUPTABLE", [&] { return group(p); });
        if (t.value) {
            check_table("GROUPTABLE", *t.value, Bounds{});
            for (const auto& row : *t.value)
                if (row.size() >= 3)
                    if (const double* mean = std::get_if<double>(&row[2]))
                        check_number("GROUPTABLE", *mean, scale, "a mean");
        }
        check_weight_scaling("GROUPTABLE", p, factor, group);
    }
    {
        Pairs p = pairs(takes("CROSSTAB"));
        for (const Block* responses : {&c.a, &c.block}) {
            auto cross = [&](const Pairs& q) { return fn::crosstab(*responses, c.g, q); };
            auto t = twice("CROSSTAB", [&] { return cross(p); });
            if (t.value) check_table("CROSSTAB", *t.value, kUnit);
            check_weight_scaling("CROSSTAB", p, factor, cross);
        }
    }
    for (const Block* counts : {&c.a, &c.block}) {
        auto t = twice("SHARES", [&] { return fn::shares(*counts, c.decimals); });
        if (t.value) {
            check_table("SHARES", *t.value, kUnit);
            check_shares(*t.value, c.decimals);
        }
    }

    // Places and DATACHECK.
    twice("PROVINCE", [&] { return fn::province(c.x); });
    twice("CITY", [&] { return fn::city(c.x); });
    Arg scheme = c.scheme_range ? fuzz::range_arg(c.map) : fuzz::scalar_arg(c.scheme);
    twice("REGION", [&] { return fn::region(c.x, scheme); });
    {
        Pairs p = c.for_options(kAll);
        auto r = twice("DATACHECK", [&] { return fn::datacheck(c.a, c.kind, p, Lang::En); });
        require(r.value.has_value(), "DATACHECK throws: " + r.error);
        twice("DATACHECK", [&] { return fn::datacheck(c.block, c.kind, p, Lang::Zh); });
    }
#ifdef SURVEYCALC_FUZZ_LIMITS
    check_limits(c, in);
#endif
    return 0;
}
