// DIFFICULTY and MENTIONRATE against values worked out by hand from the definitions.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "surveycalc/functions.hpp"

using namespace surveycalc;
using namespace surveycalc::testing;

TEST_CASE("DIFFICULTY: sums kept with the column are keyed by every setting that changes them",
          "[difficulty][DIFFICULTY]") {
    // One block for every call, as the add-in's column cache passes it: 2, 4, 12, blank.
    Block s = col({2.0, 4.0, 12.0, ""});
    CHECK_THROWS_AS(fn::difficulty(s, {}), ArgumentError);  // 12 outside 0-10: nothing kept
    CHECK(num(fn::difficulty(s, {opt("invalid"), opt("skip")})) == 3.0);
    CHECK(num(fn::difficulty(s, {opt("scale"), opt("0-20")})) == 6.0);
    CHECK(num(fn::difficulty(s, {opt("scale"), opt("3-20"), opt("invalid"), opt("skip")})) == 8.0);
    CHECK(
        std::holds_alternative<NA>(fn::difficulty(s, {opt("invalid"), opt("skip"), opt("min_n"), opt(3.0)})));
    CHECK(num(fn::difficulty(s, {opt("invalid"), opt("skip"), opt("min_n"), opt(2.0)})) == 3.0);
    CHECK_THROWS_AS(fn::difficulty(s, {}), ArgumentError);  // still strict
}

TEST_CASE("DIFFICULTY: blank vs missing code vs invalid", "[difficulty][DIFFICULTY]") {
    // 7, 3, blank, 99 (missing), "７" (full-width seven), " 5 "
    Block s = col({7.0, 3.0, "", 99.0, "７", " 5 "});
    // Without "missing", 99 is outside 0-10: an error by default.
    CHECK_THROWS_AS(fn::difficulty(s, {}), ArgumentError);
    // Skipped: (7+3+7+5)/4 = 5.5
    CHECK(num(fn::difficulty(s, {opt("invalid"), opt("skip")})) == Approx(5.5).epsilon(1e-15));
    // Declared missing: same rows are valid.
    CHECK(num(fn::difficulty(s, {opt("missing"), opt("99")})) == Approx(5.5).epsilon(1e-15));
    // A text that is no number and no declared code is invalid...
    Block t = col({8.0, "九", 2.0});
    CHECK_THROWS_AS(fn::difficulty(t, {}), ArgumentError);
    CHECK(num(fn::difficulty(t, {opt("invalid"), opt("skip")})) == 5.0);
    // ...unless declared as a missing label.
    CHECK(num(fn::difficulty(t, {opt("missing"), opt("不清楚;九")})) == 5.0);
    // 11 is outside the default 0-10 scale; "scale" widens it: (8+11)/2 = 9.5.
    Block u = col({8.0, 11.0});
    CHECK_THROWS_AS(fn::difficulty(u, {}), ArgumentError);
    CHECK(num(fn::difficulty(u, {opt("scale"), opt("0-20")})) == 9.5);
    CHECK(num(fn::difficulty(u, {opt("scale"), opt("1~5"), opt("invalid"), opt("skip")})) == NA_CHECK);
}

TEST_CASE("DIFFICULTY: no data is #N/A; min_n", "[difficulty]") {
    CHECK(is_na(fn::difficulty(col({"", ""}), {})));
    Block s = col({4.0, 6.0, 8.0});
    CHECK(num(fn::difficulty(s, {opt("min_n"), opt(3.0)})) == 6.0);
    CHECK(is_na(fn::difficulty(s, {opt("min_n"), opt(4.0)})));
}

TEST_CASE("DIFFICULTY: criteria (text normalisation, numbers, operators, lists)", "[difficulty]") {
    Block score = col({9.0, 8.0, 5.0, 2.0, 6.0});
    Block prov = col({"重庆", "  重庆 ", "ＡＢ", "ab", ""});
    Block size = col({1.0, 2.0, "3", "３", 5.0});
    CHECK(num(fn::difficulty(score, {range(prov), opt("重庆")})) == 8.5);
    // Full-width, case-folded: "ＡＢ" and "ab" both match "Ab"
    CHECK(num(fn::difficulty(score, {range(prov), opt("Ab")})) == 3.5);
    // A number criterion matches numeric text and full-width digits
    CHECK(num(fn::difficulty(score, {range(size), opt(3.0)})) == 3.5);
    CHECK(num(fn::difficulty(score, {range(size), opt(">=3")})) == Approx(13.0 / 3));
    CHECK(num(fn::difficulty(score, {range(size), opt("<2")})) == 9.0);
    CHECK(num(fn::difficulty(score, {range(size), opt("1|5")})) == 7.5);
    CHECK(num(fn::difficulty(score, {range(prov), opt("<>重庆")})) == Approx(13.0 / 3));
    // AND of two pairs: 重庆 and size 2 → 8
    CHECK(num(fn::difficulty(score, {range(prov), opt("重庆"), range(size), opt(2.0)})) == 8.0);
    // Nothing matches: #N/A
    CHECK(is_na(fn::difficulty(score, {range(prov), opt("北京")})));
}

TEST_CASE("DIFFICULTY: weights", "[difficulty]") {
    Block s = col({2.0, 8.0, ""});
    Block w = col({3.0, 1.0, 5.0});
    // (3*2 + 1*8) / 4 = 3.5 — the blank score's weight does not count
    CHECK(num(fn::difficulty(s, {opt("weights"), range(w)})) == 3.5);
    CHECK_THROWS_AS(fn::difficulty(s, {opt("weights"), range(col({3.0, -1.0, 1.0}))}), ArgumentError);
    CHECK_THROWS_AS(fn::difficulty(s, {opt("weights"), range(col({3.0, 1.0}))}), ArgumentError);
}

TEST_CASE("bad arguments are errors, with a sentence", "[difficulty]") {
    Block s = col({1.0, 2.0});
    CHECK_THROWS_AS(fn::difficulty(s, {range(col({"a", "b", "c"})), opt("a")}), ArgumentError);
    CHECK_THROWS_WITH(fn::difficulty(s, {opt("wieghts"), range(col({1.0, 1.0}))}),
                      Catch::Contains("unknown option \"wieghts\""));
    CHECK_THROWS_WITH(fn::difficulty(s, {opt("base"), opt("all")}), Catch::Contains("does not take"));
    CHECK_THROWS_WITH(fn::difficulty(s, {range(col({"a", "b"}))}), Catch::Contains("pairs"));
    CHECK_THROWS_WITH(fn::difficulty(col({1.0, 11.0}), {}),
                      Catch::Contains("row 2") && Catch::Contains("11"));
}

TEST_CASE("MENTIONRATE: whole tokens, every delimiter, codes and labels", "[mention][MENTIONRATE]") {
    // Row by row: mentions of code 1?
    Block r = col({"1;3;5", "11;13", "3，1", "2、4", "", "1|2", "１/6", "7\n1"});
    // Answered: 7 rows (the blank is not). Mentioned 1: rows 1,3,6,7,8 = 5 → 5/7
    CHECK(num(fn::mention_rate(r, Cell::of(1.0), {})) == Approx(5.0 / 7).epsilon(1e-15));
    CHECK(num(fn::mention_rate(r, Cell::of("1"), {})) == Approx(5.0 / 7).epsilon(1e-15));
    // 11 appears once, and "1" never matches "11"
    CHECK(num(fn::mention_rate(r, Cell::of(11.0), {})) == Approx(1.0 / 7).epsilon(1e-15));
    Block labels = col({"物流不畅通、防护物资不足", "防护物资不足；客户流失", "物流不畅通", "其他"});
    CHECK(num(fn::mention_rate(labels, Cell::of("防护物资不足"), {})) == 0.5);
    CHECK(num(fn::mention_rate(labels, Cell::of("物流"), {})) == 0.0);  // whole token only
}

TEST_CASE("MENTIONRATE: base answered vs all, missing codes, weights, min_n", "[mention]") {
    Block r = col({"1;2", "2", "", "99", "1"});
    Block id = col({"a", "b", "c", "d", "e"});
    // answered base: rows 1,2,4?,5 — row 4 is 99: answered unless declared missing
    CHECK(num(fn::mention_rate(r, Cell::of(1.0), {})) == 0.5);  // 2 of 4
    CHECK(num(fn::mention_rate(r, Cell::of(1.0), {opt("missing"), opt(99.0)})) == Approx(2.0 / 3));
    // base all over the call's ranges: with the id column as a criterion every row counts: 2/5
    CHECK(num(fn::mention_rate(r, Cell::of(1.0), {opt("base"), opt("all"), range(id), opt("<>")})) == 0.4);
    Block w = col({1.0, 2.0, 1.0, 1.0, 3.0});
    // weighted, missing 99: mentioned w = 1+3, base w = 1+2+3 → 4/6
    CHECK(num(fn::mention_rate(r, Cell::of(1.0), {opt("weights"), range(w), opt("missing"), opt("99")})) ==
          Approx(4.0 / 6));
    CHECK(is_na(fn::mention_rate(r, Cell::of(1.0), {opt("min_n"), opt(5.0)})));
    CHECK(is_na(fn::mention_rate(col({"", ""}), Cell::of(1.0), {})));
}

TEST_CASE("MENTIONRATE: dichotomy blocks", "[mention]") {
    Block b(4, 3);
    // columns: option 1, 2, 3
    auto set = [&](std::size_t row, Cell a, Cell c2, Cell c3) {
        b.at(row, 0) = a;
        b.at(row, 1) = c2;
        b.at(row, 2) = c3;
    };
    set(0, Cell::of(1.0), Cell::of(0.0), Cell::of("是"));
    set(1, Cell::of("否"), Cell::of("x"), Cell{});
    set(2, Cell{}, Cell{}, Cell{});  // not answered
    set(3, Cell::of("no"), Cell::of("FALSE"), Cell::of(2.0));
    CHECK(num(fn::mention_rate(b, Cell::of(1.0), {})) == Approx(1.0 / 3));
    CHECK(num(fn::mention_rate(b, Cell::of(2.0), {})) == Approx(1.0 / 3));
    CHECK(num(fn::mention_rate(b, Cell::of(3.0), {})) == Approx(2.0 / 3));
    CHECK_THROWS_AS(fn::mention_rate(b, Cell::of(4.0), {}), ArgumentError);
}

TEST_CASE("criteria naming a place match by place, also with <>", "[difficulty][places]") {
    Block score = col({9.0, 8.0, 5.0, 6.0, 7.0});
    Block prov = col({"重庆", " 重庆市 ", "Chongqing", "上海", "广东深圳"});
    CHECK(num(fn::difficulty(score, {range(prov), opt("重庆")})) == Approx(22.0 / 3));
    CHECK(num(fn::difficulty(score, {range(prov), opt("<>重庆")})) == 6.5);
    CHECK(num(fn::difficulty(score, {range(prov), opt("=渝")})) == Approx(22.0 / 3));
    CHECK(num(fn::difficulty(score, {range(prov), opt("珠三角")})) == 7.0);
    CHECK(num(fn::difficulty(score, {range(prov), opt("广东省")})) == 7.0);
    // the two groups of a test split the rows without overlap
    CHECK_NOTHROW(fn::difficulty_test(score, prov, Cell::of("重庆"), Cell::of("<>重庆"), {}));
}

TEST_CASE("one enough() rule: rows of weight 0 are no sample, in every figure, table and DATACHECK",
          "[difficulty]") {
    Block s = col({4, 8, 6});
    Arg w = range(col({1, 1, 0.0}));
    // two rows of positive weight: min_n 3 is not met (the weight-0 row does not count)
    CHECK(is_na(fn::difficulty(s, {opt("weights"), w, opt("min_n"), opt(3)})));
    CHECK(num(fn::difficulty(s, {opt("weights"), w, opt("min_n"), opt(2)})) == 6);
    CHECK(is_na(
        fn::mention_count(col({"a", "a", "a"}), Cell::of("a"), {opt("weights"), w, opt("min_n"), opt(3)})));
    CHECK(is_na(fn::rate(s, col({8, 8, 8}), {opt("weights"), w, opt("min_n"), opt(3)})));
    Table g = fn::group_table(s, col({"x", "x", "x"}), {opt("weights"), w});
    REQUIRE(g.size() == 1);
    CHECK(std::get<double>(g[0][1]) == 2);  // n: the rows that carry weight
    Table none = fn::group_table(s, col({"x", "x", "x"}), {opt("weights"), w, opt("min_n"), opt(3)});
    CHECK(std::holds_alternative<Empty>(none.at(0).at(0)));  // the group is left out
    auto text = std::get<std::string>(
        fn::datacheck(s, Cell::of("scores"), {opt("weights"), w, opt("min_n"), opt(3)}, Lang::En));
    CHECK(text.find("Fewer valid answers than min_n") != std::string::npos);
}

TEST_CASE("TOPBOX: share of valid scores at or above the threshold", "[TOPBOX]") {
    // valid: 9, 8, 6, 10, 7 (blank skipped): 9, 8, 10 are >= 8 → 3/5
    Block s = col({9, 8, 6, 10, "", 7});
    CHECK(num(fn::topbox(s, Cell::of(8), {})) == Approx(0.6).epsilon(1e-15));
    // weights 1, 2, 1, 1, (1), 3: (1 + 2 + 1) / (1 + 2 + 1 + 1 + 3) = 0.5
    CHECK(num(fn::topbox(s, Cell::of(8), {opt("weights"), range(col({1, 2, 1, 1, 1, 3}))})) == 0.5);
    CHECK(num(fn::topbox(s, Cell::of("９"), {})) == Approx(0.4).epsilon(1e-15));  // 9 and 10
    // criteria, missing codes, invalid values and min_n as DIFFICULTY
    Block g = col({"a", "a", "b", "b", "a", "a"});
    CHECK(num(fn::topbox(s, Cell::of(8), {range(g), opt("a")})) == Approx(2.0 / 3).epsilon(1e-15));
    CHECK_THROWS_AS(fn::topbox(col({5, 11}), Cell::of(8), {}), ArgumentError);
    CHECK(num(fn::topbox(col({5, 99, 9}), Cell::of(8), {opt("missing"), opt(99)})) == 0.5);
    CHECK(is_na(fn::topbox(col({"", ""}), Cell::of(8), {})));
    CHECK(is_na(fn::topbox(s, Cell::of(8), {opt("min_n"), opt(6)})));
    CHECK_THROWS_AS(fn::topbox(s, Cell::of("high"), {}), ArgumentError);
    CHECK_THROWS_AS(fn::topbox(s, Cell::of(8), {opt("base"), opt("all")}), ArgumentError);
}
