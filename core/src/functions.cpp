#include "surveycalc/functions.hpp"

#include "surveycalc/request.hpp"
#include "surveycalc/text.hpp"

namespace surveycalc::fn {
namespace {

ArgumentError invalid_value(std::size_t row, const Cell& c, const Message& reason) {
    std::string where = std::to_string(row + 1);
    return ArgumentError({"invalid value in row " + where + " of the range: " + describe_cell(c) + " (" +
                              reason.en +
                              "); fix it, declare it with \"missing\", or use \"invalid\";\"skip\"",
                          "区域第 " + where + " 行的值无效：" + describe_cell(c) + "（" + reason.zh +
                              "）；请更正，或用 \"missing\" 声明为缺失，或使用 \"invalid\";\"skip\""});
}

/// Weighted count and sum over the valid scores of the kept rows.
struct Accumulator {
    double n = 0;   // valid responses (unweighted)
    double sw = 0;  // Σw
    double swx = 0;
};

bool enough(double n, const Options& opt) { return n >= 1 && n >= opt.min_n; }

}  // namespace

Result difficulty(const Block& scores, const Pairs& pairs) {
    require_shape(scores, scores.rows, "scores", true);
    Request req("DIFFICULTY", scores.rows, pairs,
                Option::Weights | Option::Scale | Option::Missing | Option::Invalid | Option::MinN);
    const Options& opt = req.options();
    Accumulator acc;
    for (std::size_t r = 0; r < scores.rows; ++r) {
        if (!req.keep(r)) continue;
        const Cell& c = scores.at(r, 0);
        ScoreCell s = classify_score(c, opt);
        if (s.status == ScoreCell::Status::Invalid) {
            if (opt.skip_invalid) continue;
            throw invalid_value(r, c, s.reason);
        }
        if (s.status != ScoreCell::Status::Valid) continue;
        double w = req.weight(r);
        acc.n += 1;
        acc.sw += w;
        acc.swx += w * s.value;
    }
    if (!enough(acc.n, opt) || acc.sw <= 0) return NA{};
    return acc.swx / acc.sw;
}

Result mention_rate(const Block& responses, const Cell& option, const Pairs& pairs) {
    Request req("MENTIONRATE", responses.rows, pairs,
                Option::Weights | Option::Missing | Option::MinN | Option::Base);
    const Options& opt = req.options();
    MentionMatcher match(responses, option, opt);
    double n = 0, base = 0, hits = 0;
    for (std::size_t r = 0; r < responses.rows; ++r) {
        if (!req.keep(r)) continue;
        MentionCell m = match.at(r);
        bool in_base = m.answered;
        if (opt.base_all && !in_base) {
            for (std::size_t c = 0; c < responses.cols && !in_base; ++c)
                in_base = !responses.at(r, c).is_blank();
            in_base = in_base || req.any_criteria_cell(r);
        }
        if (!in_base) continue;
        double w = req.weight(r);
        n += 1;
        base += w;
        if (m.mentioned) hits += w;
    }
    if (!enough(n, opt) || base <= 0) return NA{};
    return hits / base;
}

}  // namespace surveycalc::fn

namespace surveycalc::fn {

Result mention_count(const Block& responses, const Cell& option, const Pairs& pairs) {
    Request req("MENTIONCOUNT", responses.rows, pairs, Option::Weights | Option::Missing | Option::MinN);
    const Options& opt = req.options();
    MentionMatcher match(responses, option, opt);
    double n = 0, hits = 0;
    for (std::size_t r = 0; r < responses.rows; ++r) {
        if (!req.keep(r)) continue;
        MentionCell m = match.at(r);
        if (!m.answered) continue;
        n += 1;
        if (m.mentioned) hits += req.weight(r);
    }
    if (n < opt.min_n) return NA{};
    return hits;
}

Result share(const Block& values, const Cell& value, const Pairs& pairs) {
    require_shape(values, values.rows, "values", true);
    Request req("SHARE", values.rows, pairs, Option::Weights | Option::Missing | Option::MinN);
    const Options& opt = req.options();
    Criterion equals(value);
    double n = 0, base = 0, hits = 0;
    for (std::size_t r = 0; r < values.rows; ++r) {
        if (!req.keep(r)) continue;
        const Cell& c = values.at(r, 0);
        if (c.is_blank() || is_missing_code(c, opt.missing)) continue;
        if (c.is_text() && text::normalize(c.text).empty()) continue;
        double w = req.weight(r);
        n += 1;
        base += w;
        if (equals.matches(c)) hits += w;
    }
    if (!enough(n, opt) || base <= 0) return NA{};
    return hits / base;
}

Result rate(const Block& numerators, const Block& denominators, const Pairs& pairs) {
    require_shape(numerators, numerators.rows, "numerators", true);
    require_shape(denominators, numerators.rows, "denominators", true);
    Request req("SUMRATIO", numerators.rows, pairs,
                Option::Weights | Option::Missing | Option::Invalid | Option::MinN);
    const Options& opt = req.options();
    auto amount = [&](const Cell& c) -> std::optional<double> {
        std::optional<double> v = c.is_number() ? std::optional<double>(c.number)
                                                : text::parse_number(text::normalize(c.text));
        if (v && *v < 0) return std::nullopt;
        return v;
    };
    double n = 0, num = 0, den = 0;
    for (std::size_t r = 0; r < numerators.rows; ++r) {
        if (!req.keep(r)) continue;
        const Cell& d = denominators.at(r, 0);
        const Cell& x = numerators.at(r, 0);
        // A row without a denominator is not part of the rate.
        if (d.is_blank() || is_missing_code(d, opt.missing) || (d.is_text() && text::normalize(d.text).empty()))
            continue;
        if (is_missing_code(x, opt.missing)) continue;
        std::optional<double> dv = amount(d);
        std::optional<double> xv = x.is_blank() ? std::nullopt : amount(x);
        if (!dv || !xv) {
            if (opt.skip_invalid) continue;
            const Cell& bad = !dv ? d : x;
            Message why = bad.is_blank() ? Message{"numerator is blank", "分子为空"}
                                         : Message{"not a non-negative number", "不是非负数"};
            throw invalid_value(r, bad, why);
        }
        double w = req.weight(r);
        n += 1;
        num += w * *xv;
        den += w * *dv;
    }
    if (!enough(n, opt) || den <= 0) return NA{};
    return num / den;
}

}  // namespace surveycalc::fn
