// Statistics kernels for the interval and test functions (DIFFICULTYCI,
// MENTIONCI, MENTIONTEST, DIFFICULTYTEST). Pure functions over data that the
// request layer has already filtered and cleaned: a vector of values and a
// vector of case weights of the same length (all 1.0 when the call has no
// "weights"). Quantiles and tail probabilities come from Boost.Math.
//
// Definitions (checked against R in tests/fixtures, see README.md there):
//
//   n      number of values with a positive weight;  W = Σw;  W2 = Σw²
//   n_eff  Kish effective base (Σw)²/Σw²; equals n when all weights are equal
//   mean   x̄ = Σw·x / Σw
//   var    s_w² = Σw(x−x̄)² / (W − W2/W)   ("reliability weights" correction;
//          equals Σw(x−x̄)²/W · n_eff/(n_eff−1), and the ordinary s² with
//          divisor n−1 when all weights are equal)
//   se     √(s_w² / n_eff) = √(Σw(x−x̄)² / (W·(n_eff−1)))
//   df     n_eff − 1 (a real number; n−1 for equal weights)
//
// mean_ci is x̄ ± t_{df,(1+level)/2}·se. Unweighted this is the classic
// t-interval, identical to R's confint(svymean(~x, svydesign(ids=~1,
// data=d)), df=degf(design)) and to t.test(x)$conf.int. Weighted it is the
// interval of an equal-weight sample of size n_eff with the weighted mean and
// weighted variance. It is NOT R's design-based (linearisation) interval:
// svymean with weights uses se² = n/(n−1)·Σw²(x−x̄)²/W² and df = n−1; the
// fixture records both so the difference is visible. We follow the Kish
// definition because the spec asks for it: the weighted sample is treated as
// n_eff equally informative answers, so unequal weights both widen the se
// and lower the df. Both definitions reduce to the same unweighted interval.
//
// wilson_ci is the Wilson score interval for a proportion p̂ on base n:
//   (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n),  z = Φ⁻¹((1+level)/2).
// Unweighted = R's prop.test(x, n, correct=FALSE)$conf.int. Weighted: the
// caller passes the weighted share and n = n_eff of the rows in the base.
//
// two_prop_z_test is the pooled two-proportion z-test, two-sided:
//   p = (x1+x2)/(n1+n2), z = (p̂1−p̂2)/√(p(1−p)(1/n1+1/n2)), P = 2(1−Φ(|z|)).
// Unweighted = R's prop.test(c(x1,x2), c(n1,n2), correct=FALSE)$p.value.
// Weighted: each group enters as its weighted share p̂ᵢ and Kish n_eff,ᵢ, i.e.
// as effective successes p̂ᵢ·n_eff,ᵢ out of n_eff,ᵢ.
//
// welch_t_test is Welch's unequal-variance t-test, two-sided:
//   t = (x̄a−x̄b)/√(se_a²+se_b²),
//   df = (se_a²+se_b²)² / (se_a⁴/df_a + se_b⁴/df_b)   (Welch–Satterthwaite),
// with x̄, se and df of each group as defined above. Unweighted = R's
// t.test(a, b, var.equal=FALSE). Weighted: the same formula on the Kish
// quantities. R's svyttest is a different test (a Wald t-test on the group
// coefficient of a survey-weighted regression, linearisation se, df = n−2);
// the fixture records its p-value as a reference, it is not matched.
//
// Degenerate data → std::nullopt (the caller shows #N/A): fewer than two
// values or n_eff < 2 (a mean CI or a t-test group), Σw = 0, zero standard
// error (all values equal; in a t-test: in both groups), a proportion with
// base n ≤ 0, a pooled proportion of 0 or 1. Results are always finite.
//
// std::invalid_argument (impossible arguments, a programming error in the
// caller, never a data condition): level not in the open interval (0,1) or
// NaN; values and weights of different lengths; a weight that is negative or
// not finite; a value that is not finite; successes < 0 or > n; p̂ outside
// [0,1]; n not finite. The request layer validates "level" itself and reports
// it as an ArgumentError (Err:502) before calling a kernel.
#pragma once

#include <optional>
#include <span>
#include <vector>

namespace surveycalc::inference {

/// Weighted summary of one sample (see the definitions above).
struct Summary {
    double n = 0;         // number of values with a positive weight
    double sum_w = 0;     // Σw (inf when it exceeds a double; the rest is computed from
    double sum_w2 = 0;    // Σw²  weights divided by the largest, and stays finite)
    double n_eff = 0;     // (Σw)²/Σw², 0 when Σw = 0
    double mean = 0;      // Σw·x/Σw, 0 when Σw = 0
    double variance = 0;  // s_w² (reliability-weight correction), 0 when n_eff ≤ 1
};

/// Summary of values with weights (weights.size() == values.size()).
Summary summarize(std::span<const double> values, std::span<const double> weights);

/// Summary of unweighted values (every weight 1).
Summary summarize(std::span<const double> values);

struct Interval {
    double lower = 0;
    double upper = 0;
    double half = 0;  // (upper − lower)/2; for the t-interval the margin t·se
};

/// t-interval of the weighted mean (Kish: se = s_w/√n_eff, df = n_eff − 1).
/// nullopt when n < 2, n_eff < 2 or se = 0.
std::optional<Interval> mean_ci(std::span<const double> values, std::span<const double> weights,
                                double level);
/// The same from a summary.
std::optional<Interval> mean_ci(const Summary& s, double level);

/// A proportion and its (effective) base: unweighted p̂ = x/n and n; weighted
/// the weighted share and the Kish n_eff of the base rows.
struct Proportion {
    double p = 0;
    double n = 0;
};

/// Proportion of the non-zero values among `indicators` (0/1), weighted:
/// {Σw·[x≠0]/Σw, n_eff}. {0, 0} when Σw = 0.
Proportion proportion(std::span<const double> indicators, std::span<const double> weights);

/// Wilson score interval for `successes` out of `n` (both may be non-integer).
/// nullopt when n ≤ 0. Throws when successes < 0 or successes > n.
std::optional<Interval> wilson_ci(double successes, double n, double level);
/// Wilson score interval for a proportion p̂ on base n (weighted: n = n_eff).
std::optional<Interval> wilson_ci(Proportion prop, double level);

struct TestResult {
    double statistic = 0;  // z or t
    double df = 0;         // degrees of freedom (t-test); 0 for the z-test
    double se = 0;         // standard error of the difference
    double p_value = 0;    // two-sided
};

/// Pooled two-proportion z-test of x1/n1 vs x2/n2, two-sided.
/// nullopt when n1 ≤ 0, n2 ≤ 0, or the pooled proportion is 0 or 1.
std::optional<TestResult> two_prop_z_test(double x1, double n1, double x2, double n2);
/// The same on proportions and (effective) bases: x_i = p̂_i·n_i.
std::optional<TestResult> two_prop_z_test(Proportion a, Proportion b);

/// Welch t-test of the (weighted) means of a and b, two-sided, Welch–Satterthwaite df.
/// nullopt when a group has n < 2 or n_eff < 2, or both standard errors are 0.
std::optional<TestResult> welch_t_test(std::span<const double> a_values, std::span<const double> a_weights,
                                       std::span<const double> b_values, std::span<const double> b_weights);
/// The same from two summaries.
std::optional<TestResult> welch_t_test(const Summary& a, const Summary& b);

}  // namespace surveycalc::inference
