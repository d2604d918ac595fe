#include "inference.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "scaling.hpp"

namespace surveycalc::inference {
namespace {

void check_level(double level) {
    if (!(level > 0.0 && level < 1.0))  // also rejects NaN
        throw std::invalid_argument("confidence level must lie strictly between 0 and 1");
}

/// z = Φ⁻¹((1+level)/2), taken from the upper tail for accuracy.
double z_quantile(double level) {
    const boost::math::normal_distribution<double> norm(0.0, 1.0);
    return boost::math::quantile(boost::math::complement(norm, (1.0 - level) / 2.0));
}

double t_quantile(double df, double level) {
    const boost::math::students_t_distribution<double> t(df);
    return boost::math::quantile(boost::math::complement(t, (1.0 - level) / 2.0));
}

double two_sided_normal_p(double z) {
    const boost::math::normal_distribution<double> norm(0.0, 1.0);
    return 2.0 * boost::math::cdf(boost::math::complement(norm, std::fabs(z)));
}

double two_sided_t_p(double t, double df) {
    const boost::math::students_t_distribution<double> dist(df);
    return 2.0 * boost::math::cdf(boost::math::complement(dist, std::fabs(t)));
}

bool finite(double x) { return std::isfinite(x); }

/// se² of the mean under the Kish definition, or nullopt when it is not defined.
std::optional<double> mean_se2(const Summary& s) {
    if (s.n < 2 || s.n_eff < 2 || !(s.sum_w > 0)) return std::nullopt;
    return s.variance / s.n_eff;
}

}  // namespace

namespace {

/// The power of two that brings the largest weight into [1,2) (0 when every
/// weight is 0), after checking every weight is finite and non-negative. Sums
/// below run over w / scale: exact scaling, so they neither overflow nor
/// underflow and scaling every weight by a constant changes nothing.
double weight_scale(std::span<const double> weights) {
    double largest = 0;
    for (double w : weights) {
        if (!finite(w) || w < 0) throw std::invalid_argument("weights must be finite and non-negative");
        largest = std::max(largest, w);
    }
    return largest > 0 ? binade(largest) : 0.0;
}

}  // namespace

Summary summarize(std::span<const double> values, std::span<const double> weights) {
    if (values.size() != weights.size()) throw std::invalid_argument("values and weights differ in length");
    for (double x : values)
        if (!finite(x)) throw std::invalid_argument("values must be finite");
    Summary s;
    const double scale = weight_scale(weights);
    if (!(scale > 0)) return s;
    bool first = true;
    double lo = 0, hi = 0;
    double sw = 0, sw2 = 0;  // Σw', Σw'² with w' = w / scale
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double x = values[i], w = weights[i] / scale;
        if (w == 0) continue;
        s.n += 1;
        sw += w;
        sw2 += w * w;
        if (first || x < lo) lo = x;
        if (first || x > hi) hi = x;
        first = false;
    }
    s.sum_w = sw * scale;  // may be inf at the limits of a double; nothing below uses it
    s.sum_w2 = sw2 * scale * scale;
    s.n_eff = sw * sw / sw2;
    if (lo == hi) {  // all values equal: exact mean, no spread (avoids round-off "variance")
        s.mean = lo;
        return s;
    }
    double swx = 0;
    for (std::size_t i = 0; i < values.size(); ++i) swx += weights[i] / scale * values[i];
    s.mean = std::clamp(swx / sw, lo, hi);  // within the values' range despite round-off
    double ss = 0;                          // Σw'(x−x̄)², second pass for accuracy
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double d = values[i] - s.mean;
        ss += weights[i] / scale * d * d;
    }
    const double denom = sw - sw2 / sw;  // = W'·(n_eff−1)/n_eff
    if (denom > 0 && s.n_eff > 1) s.variance = ss / denom;
    return s;
}

Summary summarize(std::span<const double> values) {
    const std::vector<double> ones(values.size(), 1.0);
    return summarize(values, ones);
}

std::optional<Interval> mean_ci(const Summary& s, double level) {
    check_level(level);
    const auto se2 = mean_se2(s);
    if (!se2 || !(*se2 > 0)) return std::nullopt;
    const double half = t_quantile(s.n_eff - 1.0, level) * std::sqrt(*se2);
    if (!finite(half)) return std::nullopt;
    return Interval{s.mean - half, s.mean + half, half};
}

std::optional<Interval> mean_ci(std::span<const double> values, std::span<const double> weights,
                                double level) {
    check_level(level);
    return mean_ci(summarize(values, weights), level);
}

Proportion proportion(std::span<const double> indicators, std::span<const double> weights) {
    if (indicators.size() != weights.size())
        throw std::invalid_argument("indicators and weights differ in length");
    for (double x : indicators)
        if (!finite(x)) throw std::invalid_argument("indicators must be finite");
    const double scale = weight_scale(weights);
    if (!(scale > 0)) return {};
    double sw = 0, sw2 = 0, hits = 0;
    for (std::size_t i = 0; i < indicators.size(); ++i) {
        const double w = weights[i] / scale;
        sw += w;
        sw2 += w * w;
        if (indicators[i] != 0) hits += w;
    }
    return {std::min(1.0, hits / sw), sw * sw / sw2};
}

std::optional<Interval> wilson_ci(Proportion prop, double level) {
    check_level(level);
    if (!finite(prop.p) || prop.p < 0 || prop.p > 1)
        throw std::invalid_argument("a proportion must lie in [0,1]");
    if (!finite(prop.n)) throw std::invalid_argument("the base must be finite");
    if (!(prop.n > 0)) return std::nullopt;
    const double z = z_quantile(level);
    const double n = prop.n, p = prop.p, z2 = z * z;
    const double denom = 1.0 + z2 / n;
    const double centre = (p + z2 / (2.0 * n)) / denom;
    const double half = z * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denom;
    if (!finite(centre) || !finite(half)) return std::nullopt;
    // The exact bounds lie in [0,1] and are exactly 0 at p̂ = 0 and 1 at p̂ = 1: keep round-off out.
    const double lower = p == 0 ? 0.0 : std::max(0.0, centre - half);
    const double upper = p == 1 ? 1.0 : std::min(1.0, centre + half);
    return Interval{lower, upper, (upper - lower) / 2.0};
}

std::optional<Interval> wilson_ci(double successes, double n, double level) {
    check_level(level);
    if (!finite(successes) || !finite(n)) throw std::invalid_argument("counts must be finite");
    if (!(n > 0)) {
        if (successes != 0) throw std::invalid_argument("successes exceed the base");
        return std::nullopt;
    }
    if (successes < 0 || successes > n) throw std::invalid_argument("successes must lie in [0, n]");
    return wilson_ci(Proportion{successes / n, n}, level);
}

std::optional<TestResult> two_prop_z_test(Proportion a, Proportion b) {
    for (const Proportion& q : {a, b}) {
        if (!finite(q.p) || q.p < 0 || q.p > 1) throw std::invalid_argument("a proportion must lie in [0,1]");
        if (!finite(q.n)) throw std::invalid_argument("the base must be finite");
    }
    if (!(a.n > 0) || !(b.n > 0)) return std::nullopt;
    const double pooled = (a.p * a.n + b.p * b.n) / (a.n + b.n);
    const double var = pooled * (1.0 - pooled) * (1.0 / a.n + 1.0 / b.n);
    if (!(pooled > 0 && pooled < 1) || !(var > 0)) return std::nullopt;
    TestResult r;
    r.se = std::sqrt(var);
    r.statistic = (a.p - b.p) / r.se;
    r.p_value = two_sided_normal_p(r.statistic);
    if (!finite(r.statistic) || !finite(r.p_value)) return std::nullopt;
    return r;
}

std::optional<TestResult> two_prop_z_test(double x1, double n1, double x2, double n2) {
    for (double v : {x1, n1, x2, n2})
        if (!finite(v)) throw std::invalid_argument("counts must be finite");
    if (x1 < 0 || x2 < 0 || x1 > std::max(n1, 0.0) || x2 > std::max(n2, 0.0))
        throw std::invalid_argument("successes must lie in [0, n]");
    if (!(n1 > 0) || !(n2 > 0)) return std::nullopt;
    return two_prop_z_test(Proportion{x1 / n1, n1}, Proportion{x2 / n2, n2});
}

std::optional<TestResult> welch_t_test(const Summary& a, const Summary& b) {
    const auto va = mean_se2(a), vb = mean_se2(b);
    if (!va || !vb) return std::nullopt;
    const double v = *va + *vb;
    if (!(v > 0)) return std::nullopt;
    const double dfa = a.n_eff - 1.0, dfb = b.n_eff - 1.0;
    TestResult r;
    r.df = v * v / (*va * *va / dfa + *vb * *vb / dfb);
    r.se = std::sqrt(v);
    r.statistic = (a.mean - b.mean) / r.se;
    if (!finite(r.df) || !(r.df > 0) || !finite(r.statistic)) return std::nullopt;
    r.p_value = two_sided_t_p(r.statistic, r.df);
    if (!finite(r.p_value)) return std::nullopt;
    return r;
}

std::optional<TestResult> welch_t_test(std::span<const double> a_values, std::span<const double> a_weights,
                                       std::span<const double> b_values, std::span<const double> b_weights) {
    return welch_t_test(summarize(a_values, a_weights), summarize(b_values, b_weights));
}

}  // namespace surveycalc::inference
