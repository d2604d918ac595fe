#include "surveycalc/functions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "answers.hpp"
#include "column_views.hpp"
#include "inference.hpp"
#include "responses.hpp"
#include "scaling.hpp"
#include "scores.hpp"
#include "text.hpp"

namespace surveycalc::fn {
namespace {

constexpr auto all_rows = [](std::size_t) { return true; };

/// No silent zero: when none of the samples mentions the option, or the
/// option was seen as a word inside a spaced answer, an error if the option
/// looks misnamed or the answers unsplit (MentionMatcher::diagnose).
void require_plausible_zero(std::string_view function, const MentionMatcher& match,
                            std::initializer_list<const Sample*> samples) {
    bool any = false;
    for (const Sample* s : samples)
        for (double x : s->x) any = any || x > 0;
    if (any && !match.seen_inside()) return;
    if (std::optional<Message> why = match.diagnose())
        throw ArgumentError({std::string(function) + ": " + why->en, std::string(function) + "：" + why->zh});
}

/// A figure too large for a double: an error that says so, never inf or a wrong number.
double finite_or_throw(double v, std::string_view function) {
    if (std::isfinite(v)) return v;
    throw ArgumentError(
        {std::string(function) + ": the result is larger than the largest number a cell can hold",
         std::string(function) + "：结果超出单元格能容纳的最大数值"});
}

Result number_or_na(double v) {
    if (!std::isfinite(v)) return NA{};
    return v;
}

enum class Bound { Lower, Upper, Half };

Bound parse_bound(const Cell& c) {
    std::string b = c.is_text() ? text::normalize(c.text) : std::string();
    if (b == "lower") return Bound::Lower;
    if (b == "upper") return Bound::Upper;
    if (b == "half") return Bound::Half;
    throw ArgumentError({"bound is \"lower\", \"upper\" or \"half\", not " + describe_cell(c),
                         "“界限”只能是 \"lower\"、\"upper\" 或 \"half\"，而不是 " + describe_cell(c)});
}

Result pick(const std::optional<inference::Interval>& ci, Bound b) {
    if (!ci) return NA{};
    switch (b) {
        case Bound::Lower:
            return ci->lower;
        case Bound::Upper:
            return ci->upper;
        case Bound::Half:
            return ci->half;
    }
    return NA{};
}

/// Membership of each row in group a or b of a two-group test.
struct Groups {
    Criterion a;
    Criterion b;
    const Block& groups;
    bool in_a(std::size_t r) const { return a.matches(groups.at(r, 0)); }
    bool in_b(std::size_t r) const { return b.matches(groups.at(r, 0)); }
};

Groups make_groups(const Block& groups, Height data, const Cell& a, const Cell& b, const Options& opt) {
    require_shape(groups, data, "groups", true);
    const std::size_t rows = data.rows;
    Groups g{Criterion(a, &opt.labels), Criterion(b, &opt.labels), groups};
    for (std::size_t r = 0; r < rows; ++r)
        if (g.in_a(r) && g.in_b(r))
            throw ArgumentError({"group_a and group_b overlap: " + cell_place(groups, r).en + " = " +
                                     describe_cell(groups.at(r, 0)) + " is in both",
                                 "甲组与乙组重叠：" + cell_place(groups, r).zh + " = " +
                                     describe_cell(groups.at(r, 0)) + " 同属两组"});
    return g;
}

inference::Proportion as_proportion(const Sample& s) { return inference::proportion(s.x, s.w); }

}  // namespace
}  // namespace surveycalc::fn

namespace surveycalc {

const Cell& Call::value(std::size_t i, std::string_view what) const {
    const Arg& a = args.at(i);
    if (a.block.cells.size() != 1)
        throw ArgumentError({std::string(what) + " must be a single value, not a range",
                             argument_name(what).zh + "必须是单个值，而不是区域"});
    return a.block.cells[0];
}

}  // namespace surveycalc

namespace surveycalc::fn {

Result difficulty(const Block& scores, const Pairs& pairs) {
    require_shape(scores, scores, "scores", true);
    Request req("DIFFICULTY", scores, pairs);
    const Options& opt = req.options();
    if (!opt.weights) {
        // Unweighted: the mean without building the sample (the same sums, so the same bits).
        struct Sums {
            WeightedMean m;
            double n = 0;
        };
        auto sums = [&] {
            Sums s;
            for_valid_scores(scores, req, all_rows, [&](double v, std::size_t) {
                s.m.add(v, 1.0);
                s.n += 1;
            });
            return s;
        };
        auto figure = [&](const Sums& s) -> Result {
            if (!enough(s.n, opt)) return NA{};
            return number_or_na(s.m.value());
        };
        if (req.has_criteria() || !opt.missing.empty()) return figure(sums());
        // Over every row and without missing codes, the sums depend on the scale and
        // skip_invalid only: kept with the column for every figure that shares them.
        std::string key = "DIFFICULTY:";
        key += answer_key(opt.scale_lo);
        key += ':';
        key += answer_key(opt.scale_hi);
        key += opt.skip_invalid ? ":skip" : ":strict";
        return figure(derived<Sums>(scores, key, sums));
    }
    Sample s = score_sample(scores, req, all_rows);
    if (!enough(s, req.options())) return NA{};
    return number_or_na(weighted_mean(s));
}

Result mention_rate(const Block& responses, const Cell& option, const Pairs& pairs) {
    Request req("MENTIONRATE", responses, pairs);
    MentionMatcher match(responses, option, req.options());
    Sample s = mention_sample(responses, match, req, all_rows);
    require_plausible_zero("MENTIONRATE", match, {&s});
    if (!enough(s, req.options())) return NA{};
    return number_or_na(weighted_mean(s));
}

Result mention_count(const Block& responses, const Cell& option, const Pairs& pairs) {
    Request req("MENTIONCOUNT", responses, pairs);
    MentionMatcher match(responses, option, req.options());
    Sample s = mention_sample(responses, match, req, all_rows);
    require_plausible_zero("MENTIONCOUNT", match, {&s});
    if (!enough(s, req.options())) return NA{};
    double hits = 0;  // in units of the largest weight
    for (std::size_t i = 0; i < s.x.size(); ++i) hits += s.w[i] * s.x[i];
    return finite_or_throw(hits * req.options().weight_scale, "MENTIONCOUNT");
}

Result share(const Block& values, const Cell& value, const Pairs& pairs) {
    require_shape(values, values, "values", true);
    Request req("SHARE", values, pairs);
    const Options& opt = req.options();
    Criterion equals(value, &opt.labels);
    Sample s;
    // A text's verdict (no answer; equal to the value) once per distinct text of the column.
    const TextIds& ids = text_ids(values);
    std::vector<signed char> verdict(ids.texts.size(), -1);  // -1 not yet, else no_answer | equal << 1
    const bool every_row = !req.has_criteria();
    for (std::size_t r = 0; r < values.rows; ++r) {
        if (!every_row && !req.keep(r)) continue;
        const Cell& c = values.at(r, 0);
        int v;
        if (const std::uint32_t id = ids.id[r]) {
            signed char& m = verdict[id - 1];
            if (m < 0) m = static_cast<signed char>(no_answer(c, opt) | (equals.matches(c) << 1));
            v = m;
        } else {
            v = no_answer(c, opt) | (equals.matches(c) << 1);
        }
        if (v & 1) continue;
        s.add((v & 2) ? 1.0 : 0.0, req.weight(r));
    }
    if (!enough(s, opt)) return NA{};
    return number_or_na(weighted_mean(s));
}

Result rate(const Block& numerators, const Block& denominators, const Pairs& pairs) {
    require_shape(numerators, numerators, "numerators", true);
    require_shape(denominators, numerators, "denominators", true);
    Request req("SUMRATIO", numerators, pairs);
    const Options& opt = req.options();
    auto amount = [](const Cell& c) -> std::optional<double> {
        std::optional<double> v = numeric_value(c);
        if (v && *v < 0) return std::nullopt;
        return v;
    };
    // Amounts of the rows in the rate; summed below relative to the power of two
    // of the largest of each (exact), so neither sum overflows (staff counts,
    // revenue: any size) and ordinary amounts give the plain Σx/Σd.
    std::vector<double> xs, ds, ws;
    const std::vector<double>& px = plain_numbers(numerators);
    const std::vector<double>& pd = plain_numbers(denominators);
    const bool no_codes = opt.missing.empty(), every_row = !req.has_criteria();
    for (std::size_t r = 0; r < numerators.rows; ++r) {
        if (!every_row && !req.keep(r)) continue;
        if (no_codes && px[r] >= 0 && pd[r] >= 0) {  // two number cells (false for NaN: the cells below)
            xs.push_back(px[r]);
            ds.push_back(pd[r]);
            ws.push_back(req.weight(r));
            continue;
        }
        const Cell& d = denominators.at(r, 0);
        const Cell& x = numerators.at(r, 0);
        // A row without a denominator is not part of the rate.
        if (is_empty(d) || is_missing_code(d, opt)) continue;
        if (is_missing_code(x, opt)) continue;
        std::optional<double> dv = amount(d);
        std::optional<double> xv = is_empty(x) ? std::nullopt : amount(x);
        if (!dv || !xv) {
            if (opt.skip_invalid) continue;
            const Cell& bad = !dv ? d : x;
            Message why = is_empty(bad) ? Message{"numerator is blank", "分子为空"}
                                        : Message{"not a non-negative number", "不是非负数"};
            throw invalid_cell(!dv ? denominators : numerators, r, why);
        }
        xs.push_back(*xv);
        ds.push_back(*dv);
        ws.push_back(req.weight(r));
    }
    double n = 0;  // rows of positive weight
    for (double w : ws) n += w > 0 ? 1 : 0;
    if (!enough(n, opt)) return NA{};
    const double dmax = *std::max_element(ds.begin(), ds.end());
    if (!(dmax > 0)) return NA{};
    const double xmax = *std::max_element(xs.begin(), xs.end());
    if (xmax == 0) return 0.0;
    const double xs_scale = binade(xmax), ds_scale = binade(dmax);
    double num = 0, den = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        num += ws[i] * (xs[i] / xs_scale);
        den += ws[i] * (ds[i] / ds_scale);
    }
    if (!(den > 0)) return NA{};
    return finite_or_throw(num / den * (xs_scale / ds_scale), "SUMRATIO");
}

Result difficulty_ci(const Block& scores, const Cell& bound, const Pairs& pairs) {
    require_shape(scores, scores, "scores", true);
    Bound b = parse_bound(bound);
    Request req("DIFFICULTYCI", scores, pairs);
    Sample s = score_sample(scores, req, all_rows);
    if (!enough(s, req.options())) return NA{};
    return pick(inference::mean_ci(s.x, s.w, req.options().level), b);
}

Result mention_ci(const Block& responses, const Cell& option, const Cell& bound, const Pairs& pairs) {
    Bound b = parse_bound(bound);
    Request req("MENTIONCI", responses, pairs);
    MentionMatcher match(responses, option, req.options());
    Sample s = mention_sample(responses, match, req, all_rows);
    require_plausible_zero("MENTIONCI", match, {&s});
    if (!enough(s, req.options())) return NA{};
    return pick(inference::wilson_ci(as_proportion(s), req.options().level), b);
}

Result mention_test(const Block& responses, const Cell& option, const Block& groups, const Cell& group_a,
                    const Cell& group_b, const Pairs& pairs) {
    Request req("MENTIONTEST", responses, pairs);
    Groups g = make_groups(groups, responses, group_a, group_b, req.options());
    MentionMatcher match(responses, option, req.options());
    Sample a = mention_sample(
        responses, match, req, [&](std::size_t r) { return g.in_a(r); }, true);
    Sample b = mention_sample(
        responses, match, req, [&](std::size_t r) { return g.in_b(r); }, true);
    require_plausible_zero("MENTIONTEST", match, {&a, &b});
    if (!enough(a, req.options()) || !enough(b, req.options())) return NA{};
    auto t = inference::two_prop_z_test(as_proportion(a), as_proportion(b));
    if (!t) return NA{};
    return t->p_value;
}

Result difficulty_test(const Block& scores, const Block& groups, const Cell& group_a, const Cell& group_b,
                       const Pairs& pairs) {
    require_shape(scores, scores, "scores", true);
    Request req("DIFFICULTYTEST", scores, pairs);
    Groups g = make_groups(groups, scores, group_a, group_b, req.options());
    Sample a = score_sample(scores, req, [&](std::size_t r) { return g.in_a(r); });
    Sample b = score_sample(scores, req, [&](std::size_t r) { return g.in_b(r); });
    if (!enough(a, req.options()) || !enough(b, req.options())) return NA{};
    auto t = inference::welch_t_test(a.x, a.w, b.x, b.w);
    if (!t) return NA{};
    return t->p_value;
}

}  // namespace surveycalc::fn
