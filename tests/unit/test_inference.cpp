// The inference kernels (core/include/surveycalc/inference.hpp): small cases
// worked by hand or in R, degenerate inputs, and the R fixture of
// tests/fixtures (gen_expected.R) for every "kernel/" row.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "csv.hpp"
#include "inference.hpp"

using namespace surveycalc::inference;

namespace {

/// s with every `from` replaced by `to`. Built by appending: std::string::replace
/// here trips GCC 12's false -Wrestrict at -O3 (GCC bug 105329).
std::string replaced(std::string_view s, std::string_view from, char to) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s.substr(i, from.size()) == from) {
            out += to;
            i += from.size();
        } else {
            out += s[i++];
        }
    }
    return out;
}

// Relative tolerance against R. Both sides use double-precision quantile and
// distribution functions accurate to a few ulp (Boost.Math and R's nmath);
// 1e-9 leaves room for differences in summation order and in the tails of
// p-values, and is far below anything a report shows.
constexpr double kRel = 1e-9;

Approx rel(double expected, double eps = kRel) { return Approx(expected).epsilon(eps).margin(0); }

std::vector<double> ones(std::size_t n) { return std::vector<double>(n, 1.0); }

}  // namespace

// ---- (a) hand-worked cases -----------------------------------------------------

TEST_CASE("Wilson interval of 3/10 from the formula", "[inference]") {
    // z = Φ⁻¹(0.975); centre = (p + z²/2n)/(1 + z²/n), half = z·√(p(1−p)/n + z²/4n²)/(1 + z²/n)
    const double z = 1.959963984540054, n = 10, p = 0.3, z2 = z * z;
    const double denom = 1 + z2 / n;
    const double centre = (p + z2 / (2 * n)) / denom;
    const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
    auto ci = wilson_ci(3, 10, 0.95);
    REQUIRE(ci);
    CHECK(ci->lower == rel(centre - half, 1e-14));
    CHECK(ci->upper == rel(centre + half, 1e-14));
    CHECK(ci->half == rel(half, 1e-14));
    // R: prop.test(3, 10, correct=FALSE)$conf.int
    CHECK(ci->lower == rel(0.10779126740630104, 1e-14));
    CHECK(ci->upper == rel(0.60322185253885452, 1e-14));
    // R: prop.test(3, 10, correct=FALSE, conf.level=0.9)$conf.int
    auto ci90 = wilson_ci(Proportion{0.3, 10}, 0.90);
    REQUIRE(ci90);
    CHECK(ci90->lower == rel(0.12687658390319789, 1e-14));
    CHECK(ci90->upper == rel(0.55830020413016479, 1e-14));
    // 0/10: lower bound exactly 0; R: prop.test(0, 10, correct=FALSE)$conf.int = [0, 0.27753...]
    auto zero = wilson_ci(0, 10, 0.95);
    REQUIRE(zero);
    CHECK(zero->lower == 0.0);
    CHECK(zero->upper == rel(0.27753279986288915, 1e-14));
    CHECK(zero->upper == rel(z2 / (n + z2), 1e-14));
    auto all = wilson_ci(10, 10, 0.95);
    REQUIRE(all);
    CHECK(all->upper == 1.0);
    CHECK(all->lower == rel(1 - z2 / (n + z2), 1e-14));
}

TEST_CASE("t-interval of {1,2,3,4,5}", "[inference]") {
    // mean 3, s² = 2.5, se = √(2.5/5) = √0.5, t_{4,0.975} = 2.7764451051977934 (R: qt(0.975, 4))
    const std::vector<double> x{1, 2, 3, 4, 5};
    auto ci = mean_ci(x, ones(5), 0.95);
    REQUIRE(ci);
    const double half = 2.7764451051977934 * std::sqrt(0.5);
    CHECK(ci->half == rel(half, 1e-13));
    CHECK(ci->lower == rel(3 - half, 1e-13));
    CHECK(ci->upper == rel(3 + half, 1e-13));
    // R: t.test(1:5)$conf.int
    CHECK(ci->lower == rel(1.0367568385224428, 1e-13));
    CHECK(ci->upper == rel(4.9632431614775570, 1e-13));
    Summary s = summarize(x);
    CHECK(s.n == 5);
    CHECK(s.n_eff == 5);
    CHECK(s.mean == 3);
    CHECK(s.variance == rel(2.5, 1e-15));
}

TEST_CASE("weighted t-interval on the Kish base, worked by hand", "[inference]") {
    // x = {1,2,3,4}, w = {1,1,2,2}: W = 6, W2 = 10, n_eff = 3.6, mean = 17/6,
    // Σw(x−x̄)² = 41/6, s_w² = (41/6)/(6 − 10/6) = 41/26, se = √(s_w²/n_eff),
    // df = 2.6. R: qt(0.975, 2.6) * se = 2.3020055084041737.
    const std::vector<double> x{1, 2, 3, 4}, w{1, 1, 2, 2};
    Summary s = summarize(x, w);
    CHECK(s.n == 4);
    CHECK(s.sum_w == 6);
    CHECK(s.sum_w2 == 10);
    CHECK(s.n_eff == rel(3.6, 1e-15));
    CHECK(s.mean == rel(17.0 / 6, 1e-15));
    CHECK(s.variance == rel(41.0 / 26, 1e-14));
    auto ci = mean_ci(x, w, 0.95);
    REQUIRE(ci);
    CHECK(ci->half == rel(2.3020055084041737, 1e-13));
    CHECK(ci->lower == rel(0.53132782492915975, 1e-13));
    CHECK(ci->upper == rel(5.1353388417375072, 1e-13));
    // Equal weights of any size give the unweighted interval.
    auto same = mean_ci(x, std::vector<double>(4, 2.5), 0.95);
    auto plain = mean_ci(x, ones(4), 0.95);
    REQUIRE(same);
    REQUIRE(plain);
    CHECK(same->half == rel(plain->half, 1e-14));
}

TEST_CASE("Welch t-test of two tiny samples", "[inference]") {
    // R: t.test(c(1,2,3,4), c(2,4,6,8,10)): t = -2.251436323159369,
    // df = 5.5207877461706785, p = 0.069133593192392359
    const std::vector<double> a{1, 2, 3, 4}, b{2, 4, 6, 8, 10};
    auto r = welch_t_test(a, ones(4), b, ones(5));
    REQUIRE(r);
    CHECK(r->statistic == rel(-2.251436323159369, 1e-13));
    CHECK(r->df == rel(5.5207877461706785, 1e-13));
    CHECK(r->p_value == rel(0.069133593192392359, 1e-12));
    // One group without spread still has a test: R t.test(c(3,3,3), c(1,2,3,4)): df = 3, p =
    // 0.49502534605971099
    const std::vector<double> c{3, 3, 3}, d{1, 2, 3, 4};
    auto r2 = welch_t_test(c, ones(3), d, ones(4));
    REQUIRE(r2);
    CHECK(r2->df == rel(3, 1e-14));
    CHECK(r2->p_value == rel(0.49502534605971099, 1e-12));
    // Equal means: p = 1
    auto r3 = welch_t_test(a, ones(4), std::vector<double>{4, 3, 2, 1}, ones(4));
    REQUIRE(r3);
    CHECK(r3->p_value == rel(1.0, 1e-14));
}

TEST_CASE("pooled two-proportion z-test", "[inference]") {
    // 15/50 vs 25/50: pooled 0.4, se = √(0.4·0.6·(2/50)), z = (0.3 − 0.5)/se.
    // R: prop.test(c(15,25), c(50,50), correct=FALSE)$p.value = 0.041226833337163572
    auto r = two_prop_z_test(15, 50, 25, 50);
    REQUIRE(r);
    CHECK(r->se == rel(std::sqrt(0.4 * 0.6 * 0.04), 1e-14));
    CHECK(r->statistic == rel(-0.2 / std::sqrt(0.4 * 0.6 * 0.04), 1e-14));
    CHECK(r->p_value == rel(0.041226833337163572, 1e-12));
    // R: prop.test(c(3,9), c(20,25), correct=FALSE)$p.value = 0.11343638083618279
    auto r2 = two_prop_z_test(Proportion{3.0 / 20, 20}, Proportion{9.0 / 25, 25});
    REQUIRE(r2);
    CHECK(r2->p_value == rel(0.11343638083618279, 1e-12));
    // The weighted form is the same formula on effective counts.
    const std::vector<double> ind{1, 0, 1, 0, 0}, w{2, 1, 1, 3, 1};
    Proportion p = proportion(ind, w);
    CHECK(p.p == rel(3.0 / 8, 1e-15));
    CHECK(p.n == rel(64.0 / 16, 1e-15));
}

// ---- (b) degenerate inputs and impossible arguments -------------------------------

TEST_CASE("degenerate data gives nullopt, never NaN", "[inference]") {
    const std::vector<double> none;
    CHECK_FALSE(mean_ci(none, none, 0.95));
    CHECK_FALSE(mean_ci(std::vector<double>{5}, ones(1), 0.95));
    CHECK_FALSE(mean_ci(std::vector<double>{3, 3, 3}, ones(3), 0.95));  // zero variance
    // Weighted constant values with awkward weights: exactly zero spread, not round-off.
    CHECK_FALSE(mean_ci(std::vector<double>{0.7, 0.7, 0.7}, std::vector<double>{0.1, 0.2, 0.3}, 0.95));
    CHECK_FALSE(mean_ci(std::vector<double>{1, 2, 3}, std::vector<double>{1, 0, 0}, 0.95));  // n = 1
    CHECK_FALSE(mean_ci(std::vector<double>{1, 2, 3}, std::vector<double>{0, 0, 0}, 0.95));  // Σw = 0
    // n = 3 but n_eff = 102²/10002 ≈ 1.04 < 2
    CHECK_FALSE(mean_ci(std::vector<double>{1, 2, 3}, std::vector<double>{100, 1, 1}, 0.95));
    Summary empty = summarize(none);
    CHECK(empty.n == 0);
    CHECK(empty.n_eff == 0);
    CHECK(empty.mean == 0);
    CHECK(proportion(none, none).n == 0);

    CHECK_FALSE(wilson_ci(0, 0, 0.95));
    CHECK_FALSE(wilson_ci(Proportion{0.5, 0}, 0.95));

    CHECK_FALSE(two_prop_z_test(0, 0, 1, 5));
    CHECK_FALSE(two_prop_z_test(0, 10, 0, 20));    // pooled 0
    CHECK_FALSE(two_prop_z_test(10, 10, 20, 20));  // pooled 1
    CHECK_FALSE(two_prop_z_test(Proportion{1, 4}, Proportion{1, 7}));

    const std::vector<double> two{1, 2};
    CHECK_FALSE(welch_t_test(std::vector<double>{1}, ones(1), two, ones(2)));  // n < 2
    CHECK_FALSE(welch_t_test(std::vector<double>{4, 4}, ones(2), std::vector<double>{5, 5, 5}, ones(3)));
    CHECK_FALSE(welch_t_test(two, std::vector<double>{10, 1}, two, ones(2)));  // n_eff = 121/101 < 2
    CHECK_FALSE(welch_t_test(none, none, none, none));

    // Whatever is returned is finite: extreme but legal inputs.
    auto big =
        welch_t_test(std::vector<double>{0, 1e-300}, ones(2), std::vector<double>{1e300, -1e300}, ones(2));
    if (big) {
        CHECK(std::isfinite(big->p_value));
        CHECK(std::isfinite(big->df));
    }
    auto tiny = wilson_ci(Proportion{0.5, 1e-300}, 0.95);
    if (tiny) {
        CHECK(std::isfinite(tiny->lower));
        CHECK(std::isfinite(tiny->upper));
    }
}

TEST_CASE("impossible arguments throw std::invalid_argument", "[inference]") {
    const std::vector<double> x{1, 2, 3};
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (double level : {0.0, 1.0, -0.5, 1.5, 95.0, nan}) {
        CHECK_THROWS_AS(mean_ci(x, ones(3), level), std::invalid_argument);
        CHECK_THROWS_AS(wilson_ci(3, 10, level), std::invalid_argument);
        CHECK_THROWS_AS(wilson_ci(Proportion{0.3, 10}, level), std::invalid_argument);
    }
    CHECK_THROWS_AS(summarize(x, ones(2)), std::invalid_argument);
    CHECK_THROWS_AS(summarize(x, std::vector<double>{1, -1, 1}), std::invalid_argument);
    CHECK_THROWS_AS(summarize(x, std::vector<double>{1, nan, 1}), std::invalid_argument);
    CHECK_THROWS_AS(summarize(std::vector<double>{1, nan}, ones(2)), std::invalid_argument);
    CHECK_THROWS_AS(proportion(x, ones(2)), std::invalid_argument);
    CHECK_THROWS_AS(wilson_ci(11, 10, 0.95), std::invalid_argument);
    CHECK_THROWS_AS(wilson_ci(-1, 10, 0.95), std::invalid_argument);
    CHECK_THROWS_AS(wilson_ci(Proportion{1.5, 10}, 0.95), std::invalid_argument);
    CHECK_THROWS_AS(two_prop_z_test(6, 5, 1, 5), std::invalid_argument);
    CHECK_THROWS_AS(two_prop_z_test(1, 0, 1, 5), std::invalid_argument);
    CHECK_THROWS_AS(wilson_ci(1, 0, 0.95), std::invalid_argument);
    CHECK_THROWS_AS(two_prop_z_test(Proportion{-0.1, 5}, Proportion{0.5, 5}), std::invalid_argument);
    CHECK_THROWS_AS(welch_t_test(x, ones(2), x, ones(3)), std::invalid_argument);
}

// ---- (c) the R fixture ------------------------------------------------------------

namespace {

std::string trim(const std::string& s) {
    std::size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::optional<double> parse_number(const std::string& s) {
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size()) return std::nullopt;
    return v;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t p = s.find(sep, start);
        out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
        if (p == std::string::npos) return out;
        start = p + 1;
    }
}

/// One respondent of stats_data.csv after the fixture's cleaning rules.
struct Respondent {
    std::string group;
    double weight = 1;
    std::optional<double> score;  // valid scores only: blank and 99 are missing, 11 and 九 invalid (skipped)
    bool answered = false;        // mentions non-blank
    bool mentions[7] = {};        // [k] for option k = 1..6
};

std::vector<Respondent> load_data() {
    auto rows =
        surveycalc::testing::read_csv(std::string(SURVEYCALC_SOURCE_DIR) + "/tests/fixtures/stats_data.csv");
    REQUIRE(rows.size() == 401);
    REQUIRE(rows[0] == std::vector<std::string>{"id", "group", "weight", "score", "mentions", "resumed",
                                                "num", "den", "note"});
    std::vector<Respondent> out;
    int missing = 0, invalid = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& r = rows[i];
        REQUIRE(r.size() == 9);
        Respondent p;
        p.group = r[1];
        p.weight = std::stod(r[2]);
        const std::string s = trim(r[3]);
        if (s.empty() || s == "99") {
            ++missing;
        } else if (auto v = parse_number(s); v && *v >= 0 && *v <= 10) {
            p.score = *v;
        } else {
            ++invalid;
        }
        std::string m = trim(r[4]);
        p.answered = !m.empty();
        for (std::string_view sep : {"、", "，"}) m = replaced(m, sep, ';');
        if (p.answered)
            for (const std::string& t : split(m, ';')) {
                auto k = parse_number(trim(t));
                if (k && *k >= 1 && *k <= 6) p.mentions[static_cast<int>(*k)] = true;
            }
        out.push_back(p);
    }
    CHECK(missing == 24);
    CHECK(invalid == 5);
    return out;
}

const std::map<std::string, std::string> kGroups{{"huadong", "华东"}, {"huabei", "华北"}, {"xinan", "西南"}};

bool in_scope(const Respondent& p, const std::string& scope) {
    return scope == "all" || p.group == kGroups.at(scope);
}

struct Columns {
    std::vector<double> values, weights;
};

Columns scores(const std::vector<Respondent>& data, const std::string& scope, bool weighted) {
    Columns c;
    for (const auto& p : data)
        if (in_scope(p, scope) && p.score) {
            c.values.push_back(*p.score);
            c.weights.push_back(weighted ? p.weight : 1.0);
        }
    return c;
}

Columns mentions(const std::vector<Respondent>& data, const std::string& scope, bool weighted, int k) {
    Columns c;
    for (const auto& p : data)
        if (in_scope(p, scope) && p.answered) {
            c.values.push_back(p.mentions[k] ? 1.0 : 0.0);
            c.weights.push_back(weighted ? p.weight : 1.0);
        }
    return c;
}

double successes(const Columns& c) {
    double x = 0;
    for (double v : c.values) x += v;
    return x;
}

double pick(const std::optional<Interval>& ci, const std::string& bound) {
    REQUIRE(ci);
    if (bound == "lower") return ci->lower;
    if (bound == "upper") return ci->upper;
    REQUIRE(bound == "half");
    return ci->half;
}

/// The kernel computation a fixture case names (see tests/fixtures/README.md):
/// FUNCTION.scope.weighting[.optK][.l90].stat
std::optional<double> compute(const std::vector<Respondent>& data, const std::string& name) {
    const auto parts = split(name, '.');
    REQUIRE(parts.size() >= 4);
    const std::string& fn = parts[0];
    const std::string& scope = parts[1];
    const bool weighted = parts[2] == "w";
    REQUIRE((parts[2] == "u" || parts[2] == "w"));
    const std::string& stat = parts.back();
    int option = 0;
    double level = 0.95;
    for (std::size_t i = 3; i + 1 < parts.size(); ++i) {
        if (parts[i].rfind("opt", 0) == 0)
            option = std::stoi(parts[i].substr(3));
        else if (parts[i] == "l90")
            level = 0.90;
        else
            FAIL("unknown case part " << parts[i] << " in " << name);
    }
    if (fn == "DIFFICULTY") {
        Columns c = scores(data, scope, weighted);
        return summarize(c.values, c.weights).mean;
    }
    if (fn == "DIFFICULTYCI") {
        Columns c = scores(data, scope, weighted);
        return pick(mean_ci(c.values, c.weights, level), stat);
    }
    if (fn == "MENTIONCI") {
        Columns c = mentions(data, scope, weighted, option);
        auto ci = weighted ? wilson_ci(proportion(c.values, c.weights), level)
                           : wilson_ci(successes(c), static_cast<double>(c.values.size()), level);
        return pick(ci, stat);
    }
    const auto dash = scope.find('-');
    REQUIRE(dash != std::string::npos);
    const std::string ga = scope.substr(0, dash), gb = scope.substr(dash + 1);
    if (fn == "DIFFICULTYTEST") {
        Columns a = scores(data, ga, weighted), b = scores(data, gb, weighted);
        auto r = welch_t_test(a.values, a.weights, b.values, b.weights);
        REQUIRE(r);
        return r->p_value;
    }
    if (fn == "MENTIONTEST") {
        Columns a = mentions(data, ga, weighted, option), b = mentions(data, gb, weighted, option);
        auto r = weighted ? two_prop_z_test(proportion(a.values, a.weights), proportion(b.values, b.weights))
                          : two_prop_z_test(successes(a), static_cast<double>(a.values.size()), successes(b),
                                            static_cast<double>(b.values.size()));
        REQUIRE(r);
        return r->p_value;
    }
    FAIL("unknown kernel function " << fn);
    return std::nullopt;
}

}  // namespace

TEST_CASE("kernels agree with the R fixture", "[inference][fixture]") {
    const auto data = load_data();
    const auto expected = surveycalc::testing::read_csv(std::string(SURVEYCALC_SOURCE_DIR) +
                                                        "/tests/fixtures/stats_expected.csv");
    REQUIRE(expected.size() > 1);
    REQUIRE(expected[0] == std::vector<std::string>{"case", "function", "args_description", "value"});
    int checked = 0, kernel_rows = 0;
    for (std::size_t i = 1; i < expected.size(); ++i) {
        const auto& row = expected[i];
        REQUIRE(row.size() == 4);
        const std::string& c = row[0];
        if (c.rfind("kernel/", 0) == 0) {
            ++kernel_rows;
            const std::string name = c.substr(7);
            REQUIRE(row[1] == split(name, '.')[0]);
            INFO("case " << c << "  =" << row[1] << "(" << row[2] << ")");
            auto got = compute(data, name);
            REQUIRE(got);
            CHECK(std::isfinite(*got));
            CHECK(*got == rel(std::stod(row[3])));
            ++checked;
        } else if (c == "ref/DIFFICULTYCI.all.w.kish.se" || c == "ref/DIFFICULTYCI.huadong.w.kish.se") {
            // The Kish se the interval is built from: √(s_w²/n_eff).
            INFO("case " << c);
            Summary s = summarize(scores(data, split(c, '.')[1], true).values,
                                  scores(data, split(c, '.')[1], true).weights);
            CHECK(std::sqrt(s.variance / s.n_eff) == rel(std::stod(row[3])));
        } else if (c.find(".w.kish.n_eff") != std::string::npos) {
            INFO("case " << c);
            Columns w = scores(data, split(c, '.')[1], true);
            CHECK(summarize(w.values, w.weights).n_eff == rel(std::stod(row[3])));
        }
    }
    CHECK(kernel_rows == checked);
    CHECK(checked >= 70);
}
