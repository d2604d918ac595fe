// MENTIONCOUNT, SHARE, RATE and DATACHECK against values worked out by hand.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "surveycalc/functions.hpp"

using namespace surveycalc;
using namespace surveycalc::testing;

namespace {
std::string str(const Result& r) {
    REQUIRE(std::holds_alternative<std::string>(r));
    return std::get<std::string>(r);
}
}  // namespace

TEST_CASE("MENTIONCOUNT counts (or sums weights of) respondents who mentioned", "[statistics]") {
    Block r = col({"1;2", "2", "", "12", "1"});
    CHECK(num(fn::mention_count(r, Cell::of(1.0), {})) == 2.0);
    CHECK(num(fn::mention_count(r, Cell::of(2.0), {})) == 2.0);
    CHECK(num(fn::mention_count(r, Cell::of(7.0), {})) == 0.0);  // nobody: 0, not #N/A
    CHECK(num(fn::mention_count(r, Cell::of(1.0), {opt("weights"), range(col({0.5, 1.0, 9.0, 1.0, 2.0}))})) ==
          2.5);
    CHECK(is_na(fn::mention_count(r, Cell::of(1.0), {opt("min_n"), opt(5.0)})));  // 4 answered
}

TEST_CASE("SHARE: share of answered rows equal to value", "[statistics]") {
    Block v = col({"是", "否", "否 ", "", "不清楚", "ｎｏ", "否"});
    Block size = col({"微型", "微型", "小型", "小型", "小型", "中型", "中型"});
    // answered (not blank): 6 rows, 否 in 3 → 0.5
    CHECK(num(fn::share(v, Cell::of("否"), {})) == 0.5);
    // 不清楚 declared missing: 3 of 5
    CHECK(num(fn::share(v, Cell::of("否"), {opt("missing"), opt("不清楚")})) == Approx(0.6));
    // "a|b": 否 or no → 4 of 6
    CHECK(num(fn::share(v, Cell::of("否|no"), {})) == Approx(4.0 / 6));
    CHECK(num(fn::share(v, Cell::of("否"), {range(size), opt("微型")})) == 0.5);
    CHECK(is_na(fn::share(v, Cell::of("否"), {range(size), opt("大型")})));
}

TEST_CASE("RATE is a ratio of sums, never a mean of ratios", "[statistics]") {
    // 80/100 and 1/10: ratio of sums 81/110 (mean of ratios would be 0.45)
    Block num_ = col({80.0, 1.0, 5.0});
    Block den = col({100.0, 10.0, ""});  // blank denominator: row left out
    CHECK(num(fn::rate(num_, den, {})) == Approx(81.0 / 110).epsilon(1e-15));
    CHECK(is_na(fn::rate(col({0.0}), col({0.0}), {})));  // zero total denominator
    // blank numerator with a denominator: an error, unless skipped
    CHECK_THROWS_AS(fn::rate(col({"", 3.0}), col({4.0, 6.0}), {}), ArgumentError);
    CHECK(num(fn::rate(col({"", 3.0}), col({4.0, 6.0}), {opt("invalid"), opt("skip")})) == 0.5);
    CHECK_THROWS_AS(fn::rate(col({-1.0}), col({4.0}), {}), ArgumentError);
    // weighted: (2*80 + 1*1) / (2*100 + 1*10)
    CHECK(num(fn::rate(col({80.0, 1.0}), col({100.0, 10.0}), {opt("weights"), range(col({2.0, 1.0}))})) ==
          Approx(161.0 / 210));
    CHECK_THROWS_AS(fn::rate(col({1.0, 2.0}), col({1.0}), {}), ArgumentError);
}

TEST_CASE("DATACHECK: counts and the first invalid cells by row", "[datacheck][DATACHECK]") {
    Block s = col({7.0, 11.0, "", 99.0, "九", "８", 3.0});
    std::string en = str(fn::datacheck(s, Cell::of("scores"), {opt("missing"), opt("99")}, Lang::En));
    CHECK(en ==
          "3 valid, 2 missing (1 blank, 1 missing code), 2 invalid: row 2 = 11 (outside 0-10), "
          "row 5 = '九' (not a number)");
    std::string zh = str(fn::datacheck(s, Cell::of("scores"), {opt("missing"), opt("99")}, Lang::Zh));
    CHECK(zh ==
          "有效 3，缺失 2（空白 1，缺失代码 1），无效 2：第 2 行 = 11（超出 0-10），第 5 行 = "
          "'九'（不是数字）");
    // more invalid cells than are named
    Block many = col({11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 5.0});
    CHECK_THAT(str(fn::datacheck(many, Cell::of("scores"), {}, Lang::En)),
               Catch::EndsWith("row 5 = 15 (outside 0-10), and 2 more"));
    // Read from a sheet (F2:F8 of 数据): cells are named by their sheet addresses, in both languages,
    // and so is the error of the figure itself.
    s.origin = {"数据", 5, 1};
    CHECK_THAT(str(fn::datacheck(s, Cell::of("scores"), {opt("missing"), opt("99")}, Lang::En)),
               Catch::EndsWith("2 invalid: 数据.F3 = 11 (outside 0-10), 数据.F6 = '九' (not a number)"));
    CHECK_THAT(str(fn::datacheck(s, Cell::of("scores"), {opt("missing"), opt("99")}, Lang::Zh)),
               Catch::EndsWith("无效 2：数据.F3 = 11（超出 0-10），数据.F6 = '九'（不是数字）"));
    try {
        (void)fn::difficulty(s, {opt("missing"), opt("99")});
        FAIL("an invalid score is an error");
    } catch (const ArgumentError& e) {
        CHECK_THAT(e.message().en, Catch::StartsWith("invalid value at 数据.F3: 11 (outside 0-10)"));
        CHECK_THAT(e.message().zh, Catch::StartsWith("数据.F3 的值无效：11（超出 0-10）"));
    }
    s.origin = {};
    // bad arguments: the sentence says what is wrong
    CHECK_THAT(str(fn::datacheck(s, Cell::of("scores"), {range(col({1.0})), opt("a")}, Lang::En)),
               Catch::Contains("has 1 rows but the data has 7"));
    CHECK_THAT(str(fn::datacheck(s, Cell::of("scores"), {opt("wieghts"), opt(1.0)}, Lang::Zh)),
               Catch::Contains("未知设置"));
    CHECK_THAT(str(fn::datacheck(s, Cell::of("dates"), {}, Lang::En)), Catch::Contains("kind must be"));
}

TEST_CASE("DATACHECK responses: answered, blank, distinct answers", "[datacheck]") {
    Block r = col({"1;2", "2、3", "", "99", "２"});
    CHECK(str(fn::datacheck(r, Cell::of("responses"), {opt("missing"), opt(99.0)}, Lang::En)) ==
          "3 answered, 1 blank, 1 missing code; 3 distinct answers: 2 3, 1 1, 3 1. Recognised: codes "
          "(numbers): "
          "count them by code, or name them with \"labels\".");
}
