// Regressions of issue 8: extreme input, unbounded work and guesses. Each case
// was found by a fuzzer or a hostile formula in a real Calc; the expected
// values are worked out by hand in the comments.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "helpers.hpp"
#include "places.hpp"
#include "responses.hpp"
#include "scores.hpp"
#include "surveycalc/functions.hpp"
#include "surveycalc/limits.hpp"
#include "text.hpp"

using namespace surveycalc;
using namespace surveycalc::testing;

namespace {

double cell_num(const TableCell& c) {
    REQUIRE(std::holds_alternative<double>(c));
    return std::get<double>(c);
}
std::string cell_str(const TableCell& c) {
    REQUIRE(std::holds_alternative<std::string>(c));
    return std::get<std::string>(c);
}
std::string sentence(const Result& r) {
    REQUIRE(std::holds_alternative<std::string>(r));
    return std::get<std::string>(r);
}
Block times(const Block& b, double c) {
    Block out = b;
    for (Cell& cell : out.cells)
        if (cell.is_number()) cell.number *= c;
    return out;
}

}  // namespace

TEST_CASE("weights at the limits of a double give the figure of equal weights", "[limits]") {
    const Block w = col({1e308, 1e308});
    // Equal weights: the plain mean (1 + 0) / 2 = 0.5, never 0 from an overflowed Σw.
    CHECK(num(fn::difficulty(col({1.0, 0.0}), {opt("weights"), range(w)})) == 0.5);
    CHECK(num(fn::mention_rate(col({"1;2", "2"}), V(1.0).cell, {opt("weights"), range(w)})) == 0.5);
    Table g = fn::group_table(col({1.0, 0.0}), col({"a", "a"}), {opt("weights"), range(w)});
    CHECK(cell_num(g[0][2]) == 0.5);
    Table x = fn::crosstab(col({"1;2", "2"}), col({"a", "a"}), {opt("weights"), range(w)});
    // rows: header, then options by frequency: 2 (both rows), 1 (one of two)
    CHECK(cell_str(x[2][0]) == "1");
    CHECK(cell_num(x[2][1]) == 0.5);
    // MENTIONCOUNT is a sum of weights: 1e308 mentions of option 1 (row 1 only).
    CHECK(num(fn::mention_count(col({"1;2", "2"}), V(1.0).cell, {opt("weights"), range(w)})) == 1e308);
    // ... and 2e308 cannot be shown: an error that says so, not inf.
    CHECK_THROWS_AS(fn::mention_count(col({"1;2", "2"}), V(2.0).cell, {opt("weights"), range(w)}),
                    ArgumentError);
    // A single smallest subnormal weight: the mean of one score is that score.
    CHECK(num(fn::difficulty(col({7.3}), {opt("weights"), range(col({5e-324}))})) == 7.3);
}

TEST_CASE("scaling every weight by a constant changes no figure", "[limits]") {
    const Block scores = col({3.0, 7.0, 8.0, 5.0, 9.0, 6.0});
    const Block resp = col({"1;2", "2", "1", "3", "1;3", "2"});
    const Block groups = col({"a", "a", "a", "b", "b", "b"});
    const Block w = col({1.0, 2.0, 0.5, 1.5, 1.0, 3.0});
    for (double c : {1e200, 1e-170, 3.0, 0x1p-1000}) {
        INFO("c = " << c);
        Pairs base{opt("weights"), range(w)}, scaled{opt("weights"), range(times(w, c))};
        auto same = [](const Result& a, const Result& b) {
            REQUIRE(std::holds_alternative<double>(a));
            REQUIRE(std::holds_alternative<double>(b));
            CHECK(std::get<double>(b) == Approx(std::get<double>(a)).epsilon(1e-12));
        };
        same(fn::difficulty(scores, base), fn::difficulty(scores, scaled));
        same(fn::difficulty_ci(scores, V("lower").cell, base),
             fn::difficulty_ci(scores, V("lower").cell, scaled));
        same(fn::mention_ci(resp, V(1.0).cell, V("upper").cell, base),
             fn::mention_ci(resp, V(1.0).cell, V("upper").cell, scaled));
        same(fn::mention_test(resp, V(1.0).cell, groups, V("a").cell, V("b").cell, base),
             fn::mention_test(resp, V(1.0).cell, groups, V("a").cell, V("b").cell, scaled));
        same(fn::difficulty_test(scores, groups, V("a").cell, V("b").cell, base),
             fn::difficulty_test(scores, groups, V("a").cell, V("b").cell, scaled));
        same(fn::rate(scores, col({10.0, 10.0, 10.0, 10.0, 10.0, 10.0}), base),
             fn::rate(scores, col({10.0, 10.0, 10.0, 10.0, 10.0, 10.0}), scaled));
    }
}

TEST_CASE("SUMRATIO of amounts near the largest double", "[limits]") {
    // (1e308 + 1e308) / (1e308 + 1e308) = 1; Σ overflows a double, the ratio does not.
    CHECK(num(fn::rate(col({1e308, 1e308}), col({1e308, 1e308}), {})) == 1.0);
    // 1e308 / 1e-308 is not a number a cell can hold: an error, not inf.
    CHECK_THROWS_AS(fn::rate(col({1e308}), col({1e-308}), {}), ArgumentError);
}

TEST_CASE("a numeric option keeps every bit of its value", "[limits]") {
    const double third = 1.0 / 3;
    // =MENTIONRATE(Y1;Y1) with Y1 =1/3: the one answer is the option, rate 1 (was 0).
    CHECK(num(fn::mention_rate(col({third}), V(third).cell, {})) == 1.0);
    // 0.333333333333333 typed is another number.
    CHECK(num(fn::mention_rate(col({third}), V("0.333333333333333").cell, {})) == 0.0);
    // A missing code given as a number cell is exact too.
    CHECK(is_na(fn::difficulty(col({third}), {opt("missing"), opt(third)})));
}

TEST_CASE("one answer value is one answer everywhere: 05, 5 and 5.0", "[limits]") {
    const Block resp = col({"05", 5.0, "5.0", "５", "6"});
    // MENTIONRATE counts 4 of 5 respondents.
    CHECK(num(fn::mention_rate(resp, V(5.0).cell, {})) == 0.8);
    Table x = fn::crosstab(resp, col({"g", "g", "g", "g", "g"}), {});
    REQUIRE(x.size() == 3);  // header, 5, 6
    CHECK(cell_str(x[1][0]) == "5");
    CHECK(cell_num(x[1][1]) == 0.8);
    CHECK(cell_str(x[2][0]) == "6");
    // DATACHECK lists 2 distinct answers.
    std::string s = sentence(fn::datacheck(resp, V("responses").cell, {}, Lang::En));
    CHECK_THAT(s, Catch::Contains("2 distinct answers"));
    // Groups likewise: 05 and 5 are one group.
    Table g = fn::group_table(col({4.0, 6.0, 8.0}), col({"05", 5.0, "6"}), {opt("sort"), opt("name")});
    REQUIRE(g.size() == 2);
    CHECK(cell_num(g[0][1]) + cell_num(g[1][1]) == 3.0);
}

TEST_CASE("automatic grouping never reads a number as a place code", "[limits]") {
    // 518000 (a postcode), 110105 and 440300 as numbers or digit texts: three text groups.
    const Block groups = col({518000.0, "110105", 440300.0, 518000.0});
    const Block scores = col({1.0, 2.0, 3.0, 5.0});
    Table t = fn::group_table(scores, groups, {opt("sort"), opt("name")});
    REQUIRE(t.size() == 3);
    for (const auto& row : t) {
        std::string label = cell_str(row[0]);
        CHECK((label == "518000" || label == "110105" || label == "440300"));
    }
    // Said to be places, codes are places: 110105 is in 北京市, 440300 is 深圳 → 广东省.
    Table p = fn::group_table(col({2.0, 3.0}), col({"110105", 440300.0}), {opt("by"), opt("province")});
    REQUIRE(p.size() == 2);
    CHECK((cell_str(p[0][0]) == "广东省" || cell_str(p[0][0]) == "北京市"));
    // Codes are read only when they exist: a postcode is no place.
    CHECK(places::locate("518000").status == places::Location::Status::Unknown);
    CHECK(places::province_name(places::locate("110105")) == "北京市");  // a district of a municipality
    CHECK(places::province_name(places::locate("429004")) == "湖北省");  // 仙桃, under the province
    CHECK(places::city_name(places::locate("440305")) == "深圳市");      // 南山区 → its city
    // A place criterion never matches a number either.
    CHECK(is_na(fn::difficulty(scores, {range(groups), opt("四川")})));
}

TEST_CASE("SHARES: non-finite counts are errors, huge counts still sum to exactly 100%", "[limits]") {
    CHECK_THROWS_AS(fn::shares(col({1.0, std::numeric_limits<double>::infinity()}), V(1.0).cell),
                    ArgumentError);
    CHECK_THROWS_AS(fn::shares(col({1.0, std::nan("")}), V(1.0).cell), ArgumentError);
    Table t = fn::shares(col({1e308, 1e308, 1e308}), V(1.0).cell);
    // 100/3 = 33.33...: 33.4 + 33.3 + 33.3 in tenths of a percent, the first (earlier cell) gets the unit.
    long long units = 0;
    for (const auto& row : t) units += std::llround(cell_num(row[0]) * 1000);
    CHECK(units == 1000);
    CHECK(cell_num(t[0][0]) == 0.334);
}

TEST_CASE("non-finite numbers are invalid data or rejected options", "[limits]") {
    const double nan = std::nan(""), inf = std::numeric_limits<double>::infinity();
    CHECK_THROWS_AS(fn::difficulty(col({5.0, nan}), {}), ArgumentError);
    CHECK(num(fn::difficulty(col({5.0, nan}), {opt("invalid"), opt("skip")})) == 5.0);
    CHECK_THROWS_AS(fn::difficulty(col({5.0}), {opt("min_n"), opt(nan)}), ArgumentError);
    CHECK_THROWS_AS(fn::difficulty(col({5.0}), {opt("level"), opt(nan)}), ArgumentError);
    CHECK_THROWS_AS(fn::difficulty(col({5.0, 6.0}), {opt("weights"), range(col({1.0, inf}))}), ArgumentError);
    CHECK_THROWS_AS(fn::difficulty(col({5.0}), {opt("scale"), opt("0-1e300")}), ArgumentError);
    CHECK_THROWS_AS(fn::mention_rate(col({5.0}), V(nan).cell, {}), ArgumentError);
}

TEST_CASE("only ArgumentError leaves a function (no std::invalid_argument as Err:519)", "[limits]") {
    // MENTIONCI and MENTIONTEST with weights of 1e-170: Σw² underflowed and a kernel threw.
    const Block resp = col({"1", "2", "1", "1"});
    const Block w = col({1e-170, 1e-170, 1e-170, 1e-170});
    CHECK_NOTHROW(fn::mention_ci(resp, V(1.0).cell, V("lower").cell, {opt("weights"), range(w)}));
    // 3 of 4 mention 1: Wilson lower bound at n = 4 is the unweighted one.
    CHECK(num(fn::mention_ci(resp, V(1.0).cell, V("lower").cell, {opt("weights"), range(w)})) ==
          Approx(num(fn::mention_ci(resp, V(1.0).cell, V("lower").cell, {}))).epsilon(1e-12));
}

TEST_CASE("text normalisation is idempotent", "[limits]") {
    for (const char* s : {"ß̂", "ǅ", "İ", "ﬃ", "Å", "\u1E9E\u0302", " \u0301a", "ｶﾞ", "\u200B7\uFEFF"}) {
        std::string once = text::normalize(s);
        INFO(s);
        CHECK(text::normalize(once) == once);
    }
    CHECK(text::normalize("\u200B7\uFEFF") == "7");  // format characters are not part of a value
}

TEST_CASE("an option given twice is an error, and DATACHECK says so", "[limits]") {
    CHECK_THROWS_WITH(fn::difficulty(col({5.0, 6.0}), {opt("min_n"), opt(2.0), opt("min_n"), opt(3.0)}),
                      Catch::Contains("twice"));
    std::string s = sentence(fn::datacheck(col({5.0, 6.0}), V("scores").cell,
                                           {opt("min_n"), opt(2.0), opt("min_n"), opt(3.0)}, Lang::En));
    CHECK_THAT(s, Catch::Contains("twice"));
    // Two criteria on the same range are fine: they are criteria, not options.
    const Block g = col({"a", "b"});
    CHECK(num(fn::difficulty(col({5.0, 6.0}), {range(g), opt("a"), range(g), opt("<>b")})) == 5.0);
}

TEST_CASE("a cell of nothing but delimiters is no answer, for every function", "[limits]") {
    const Block resp = col({";;、", "1", "2"});
    // MENTIONRATE of 1: base = the 2 answered rows → 1/2.
    CHECK(num(fn::mention_rate(resp, V(1.0).cell, {})) == 0.5);
    std::string s = sentence(fn::datacheck(resp, V("responses").cell, {}, Lang::En));
    CHECK_THAT(s, Catch::StartsWith("2 answered, 1 blank"));
    Table x = fn::crosstab(resp, col({"g", "g", "g"}), {});
    CHECK(cell_num(x[1][1]) == 0.5);
}

TEST_CASE("no unbounded work: table results have a documented limit, decided before allocating", "[limits]") {
    const Block resp = col({"1", "2", "3"});
    const Block g = col({"a", "b", "c"});
    // =ROWS(CROSSTAB(B1:B3;A1:A3;"rows";1000;"cols";1000000)) allocated 1e9 cells.
    CHECK_THROWS_AS(fn::crosstab(resp, g, {opt("rows"), opt(1000.0), opt("cols"), opt(1000000.0)}),
                    ArgumentError);
    CHECK_THROWS_AS(fn::crosstab(resp, g, {opt("rows"), opt(1000.0), opt("cols"), opt(1000.0)}),
                    ArgumentError);
    // =ROWS(GROUPTABLE(…;"rows";1000000)) blocked Calc for 206 s.
    CHECK_THROWS_AS(fn::group_table(col({1.0, 2.0, 3.0}), g, {opt("rows"), opt(1000000.0)}), ArgumentError);
    // 10000 rows x 3 columns is within the limit.
    CHECK(fn::group_table(col({1.0, 2.0, 3.0}), g, {opt("rows"), opt(10000.0)}).size() == 10000);
    // A table of many distinct answers (an open-text column) is refused before it is built.
    Block many(50000, 1), groups(50000, 1);
    for (std::size_t r = 0; r < many.rows; ++r) {
        many.cells[r] = Cell::of(std::string("answer ") + std::to_string(r));
        groups.cells[r] = Cell::of(std::string("g") + std::to_string(r % 100));
    }
    CHECK_THROWS_WITH(fn::crosstab(many, groups, {}), Catch::Contains(std::to_string(kMaxTableCells)));
    // DATACHECK with the same pairs explains the padding limit.
    std::string s = sentence(fn::datacheck(resp, V("responses").cell,
                                           {opt("rows"), opt(1000.0), opt("cols"), opt(1000.0)}, Lang::En));
    CHECK_THAT(s, Catch::Contains(std::to_string(kMaxTableCells)));
    std::string r = sentence(
        fn::datacheck(col({1.0, 2.0, 3.0}), V("scores").cell, {opt("rows"), opt(1000000.0)}, Lang::En));
    CHECK_THAT(r, Catch::Contains("rows"));
    // SHARES of more cells than a table may hold.
    CHECK_THROWS_AS(fn::shares(Block(kMaxTableCells + 1, 1), V(1.0).cell), ArgumentError);
}

TEST_CASE("a place key is its own key", "[limits][places]") {
    // "i´": NFKC turns U+00B4 into a space + U+0301; once the space is gone the
    // accent composes with the i (found by fuzz_places).
    for (const char* s : {"i\xC2\xB4", "a \xCC\x81", "Xi’an", "广东 深圳"}) {
        std::string k = places::place_key(s);
        INFO(s);
        CHECK(places::place_key(k) == k);
    }
}

TEST_CASE("base all: a cell of only spaces puts no row in the base", "[limits]") {
    // ids: a, "  ", b; answers: 1 in row 1 only. Base all = rows with a non-empty
    // cell among the call's ranges: rows 1 and 3 → 1/2 (row 2 holds only spaces).
    const Block resp = col({"1", "", ""}), ids = col({"a", "  ", "b"});
    Pairs pairs{opt("base"), opt("all"), range(ids), opt("<>")};
    CHECK(num(fn::mention_rate(resp, V(1.0).cell, pairs)) == 0.5);
    // ... and a response cell of only spaces is no answer either: row 2 still not in the base.
    CHECK(num(fn::mention_rate(col({"1", "   ", ""}), V(1.0).cell, pairs)) == 0.5);
}

TEST_CASE("问卷星 exports: ┋ separates answers, (跳过) and (空) are no answer", "[wjx]") {
    // Issue 9's first defects. Two firms answered: one names both obstacles, one only the first.
    const Block resp =
        col({"外地员工返岗需隔离┋上下游产业链难以协同复工", "外地员工返岗需隔离", "(跳过)", "（空）"});
    CHECK(num(fn::mention_rate(resp, V("上下游产业链难以协同复工").cell, {})) == 0.5);
    CHECK(num(fn::mention_rate(resp, V("外地员工返岗需隔离").cell, {})) == 1.0);
    // (跳过) is no answer in SHARE's base: 是, 否, 否 → 否 = 2/3.
    CHECK(num(fn::share(col({"是", "否", "否", "(跳过)"}), V("否").cell, {})) == Approx(2.0 / 3));
    // ... and in DIFFICULTY: (7 + 8) / 2, not Err:502.
    CHECK(num(fn::difficulty(col({7.0, "(跳过)", 8.0, "（空）"}), {})) == 7.5);
    CHECK(sentence(fn::datacheck(col({7.0, "(跳过)", 8.0, "（空）", ""}), V("scores").cell, {}, Lang::En)) ==
          "2 valid, 3 missing (1 blank, 1 skipped (跳过), 1 empty (空), 0 missing code), 0 invalid.");
    CHECK_THAT(sentence(fn::datacheck(resp, V("responses").cell, {}, Lang::En)),
               Catch::StartsWith("2 answered, 0 blank, 1 skipped (跳过), 1 empty (空), 0 missing code"));
}
