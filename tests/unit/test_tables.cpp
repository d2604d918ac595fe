// GROUPTABLE, CROSSTAB, SHARES and the place functions, by hand.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "surveycalc/functions.hpp"

using namespace surveycalc;
using namespace surveycalc::testing;

namespace {
std::string s(const TableCell& c) {
    REQUIRE(std::holds_alternative<std::string>(c));
    return std::get<std::string>(c);
}
double d(const TableCell& c) {
    REQUIRE(std::holds_alternative<double>(c));
    return std::get<double>(c);
}
bool empty(const TableCell& c) { return std::holds_alternative<Empty>(c); }
std::string str(const Result& r) {
    REQUIRE(std::holds_alternative<std::string>(r));
    return std::get<std::string>(r);
}
}  // namespace

TEST_CASE("GROUPTABLE groups places by province, sorts by mean, leaves out small groups",
          "[tables][GROUPTABLE]") {
    Block score = col({9.0, 8.0, 5.0, 6.0, 7.0, 2.0, ""});
    Block place = col({"重庆", "重庆市", "上海", "Shanghai", "广东深圳", "海南", "西藏"});
    Table t = fn::group_table(score, place, {});
    // 重庆市 (9+8)/2 = 8.5, 广东省 7, 上海市 5.5, 海南省 2; 西藏 has no valid score
    REQUIRE(t.size() == 4);
    CHECK(s(t[0][0]) == "重庆市");
    CHECK(d(t[0][1]) == 2.0);
    CHECK(d(t[0][2]) == 8.5);
    CHECK(s(t[1][0]) == "广东省");
    CHECK(s(t[2][0]) == "上海市");
    CHECK(d(t[2][2]) == 5.5);
    CHECK(s(t[3][0]) == "海南省");
    // min_n 2: only 重庆市 and 上海市
    Table m = fn::group_table(score, place, {opt("min_n"), opt(2.0)});
    REQUIRE(m.size() == 2);
    CHECK(s(m[1][0]) == "上海市");
    // sort asc, top 1, padded to 3 rows
    Table a =
        fn::group_table(score, place, {opt("sort"), opt("asc"), opt("top"), opt(1.0), opt("rows"), opt(3.0)});
    REQUIRE(a.size() == 3);
    CHECK(s(a[0][0]) == "海南省");
    CHECK(empty(a[1][0]));
    CHECK(empty(a[2][2]));
    // sort by name: GB/T 2260 code order: 上海 31, 广东 44, 海南 46, 重庆 50
    Table n = fn::group_table(score, place, {opt("sort"), opt("name")});
    CHECK(s(n[0][0]) == "上海市");
    CHECK(s(n[3][0]) == "重庆市");
}

TEST_CASE("GROUPTABLE on text groups and by region", "[tables]") {
    Block score = col({7.0, 5.0, 8.0, 6.0});
    Block size = col({"小型", " 小型", "微型", "大型"});
    Table t = fn::group_table(score, size, {});
    REQUIRE(t.size() == 3);
    CHECK(s(t[0][0]) == "微型");
    CHECK(s(t[2][0]) == "小型");  // (7+5)/2 = 6 ties with 大型 6: ties by label
    Block place = col({"上海", "江苏南京", "深圳", "北京"});
    Table r = fn::group_table(score, place, {opt("by"), opt("circles")});
    // 长三角 (7+5)/2 = 6, 珠三角 8, 京津冀 6
    REQUIRE(r.size() == 3);
    CHECK(s(r[0][0]) == "珠三角");
    CHECK(d(r[0][2]) == 8.0);
}

TEST_CASE("CROSSTAB: mention rate of each option in each group, one pass", "[tables][CROSSTAB]") {
    Block resp = col({"a;b", "b", "a、c", "c", ""});
    Block grp = col({"东", "东", "西", "西", "西"});
    Table t = fn::crosstab(resp, grp, {});
    // options by frequency: a 2, b 2, c 2 (ties keep first appearance: a, b, c); groups by base: 东 2, 西 2
    REQUIRE(t.size() == 4);
    REQUIRE(t[0].size() == 3);
    CHECK(s(t[0][0]).empty());
    CHECK(s(t[0][1]) == "东");
    CHECK(s(t[0][2]) == "西");
    CHECK(s(t[1][0]) == "a");
    CHECK(d(t[1][1]) == 0.5);  // a in 1 of 2 东 answers
    CHECK(d(t[1][2]) == 0.5);
    CHECK(d(t[2][1]) == 1.0);  // b
    CHECK(d(t[2][2]) == 0.0);
    CHECK(d(t[3][2]) == 1.0);  // c
    // given options: order and labels; base all counts the blank 西 row: a in 西 = 1/3
    Table g =
        fn::crosstab(resp, grp, {opt("options"), opt("c;A"), opt("base"), opt("all"), opt("cols"), opt(4.0)});
    REQUIRE(g.size() == 3);
    CHECK(s(g[1][0]) == "c");
    CHECK(s(g[2][0]) == "A");
    CHECK(s(g[0][1]) == "西");  // columns by base size: 西 3, 东 2
    CHECK(d(g[2][1]) == Approx(1.0 / 3));
    CHECK(g[0].size() == 4);
    CHECK(empty(g[0][3]));
}

TEST_CASE("GROUPTABLE and CROSSTAB \"header\": a first row of labels, titles or generic, in the UI language",
          "[tables][GROUPTABLE][CROSSTAB]") {
    Block score = col({7.0, 5.0, 8.0});
    Block place = col({"上海", "深圳", "深圳"});
    // Generic labels: the groups' by the grouping (places: 省份), in the UI language.
    Table zh = fn::group_table(score, place, {opt("header"), opt(1.0)}, {Lang::Zh, "", ""});
    REQUIRE(zh.size() == 3);
    CHECK(s(zh[0][0]) == "省份");
    CHECK(s(zh[0][1]) == "样本数");
    CHECK(s(zh[0][2]) == "平均分");
    CHECK(s(zh[1][0]) == "上海市");  // 7 before 广东省 6.5
    Table en = fn::group_table(score, place, {opt("header"), opt(1.0), opt("by"), opt("circles")},
                               {Lang::En, "", ""});
    CHECK(s(en[0][0]) == "Region");
    CHECK(s(en[0][1]) == "n");
    CHECK(s(en[0][2]) == "Mean");
    // The ranges' own titles win; "rows" counts the header row.
    Table titled =
        fn::group_table(score, col({"a", "b", "b"}), {opt("header"), opt(1.0), opt("rows"), opt(4.0)},
                        {Lang::Zh, "开复工难度", "规模"});
    REQUIRE(titled.size() == 4);
    CHECK(s(titled[0][0]) == "规模");
    CHECK(s(titled[0][2]) == "开复工难度");
    CHECK(empty(titled[3][0]));
    // Without "header": no label row (the first row is a group).
    CHECK(s(fn::group_table(score, place, {}, {Lang::Zh, "x", "y"})[0][0]) == "上海市");
    CHECK_THROWS_AS(fn::group_table(score, place, {opt("header"), opt(2.0)}), ArgumentError);
    // CROSSTAB: the corner says what the rows are.
    Table x = fn::crosstab(col({"a", "b;a", "a"}), col({"g", "g", "h"}), {opt("header"), opt(1.0)},
                           {Lang::Zh, "", ""});
    CHECK(s(x[0][0]) == "答案");
    Table y = fn::crosstab(col({"a", "b;a", "a"}), col({"g", "g", "h"}), {opt("header"), opt(1.0)},
                           {Lang::En, "困难", ""});
    CHECK(s(y[0][0]) == "困难");
    CHECK(s(fn::crosstab(col({"a"}), col({"g"}), {}, {Lang::En, "困难", ""})[0][0]).empty());
}

TEST_CASE("SHARES: largest remainder, rounded shares sum to exactly 100%", "[tables][SHARES]") {
    // The report's size classes: 82, 286, 238, 101 of 707 firms
    Table t = fn::shares(col({82.0, 286.0, 238.0, 101.0}), Cell::of(2.0));
    // exact 11.598..., 40.452..., 33.663..., 14.285... → floors 11.59 40.45 33.66 14.28 (99.98),
    // the two largest remainders (.0857 of 14.2857, .0834 of 11.5983) get +0.01
    CHECK(d(t[0][0]) == Approx(0.1160).epsilon(1e-12));
    CHECK(d(t[1][0]) == Approx(0.4045).epsilon(1e-12));
    CHECK(d(t[2][0]) == Approx(0.3366).epsilon(1e-12));
    CHECK(d(t[3][0]) == Approx(0.1429).epsilon(1e-12));
    // thirds at 0 decimals: 33.33.. each → 34, 33, 33: the tie goes to the earlier cell
    Table third = fn::shares(col({1.0, 1.0, 1.0}), Cell::of(0.0));
    CHECK(d(third[0][0]) == Approx(0.34));
    CHECK(d(third[1][0]) == Approx(0.33));
    // a tie in remainders goes to the larger count: 1 and 2 of 3 at 0 decimals: 33.3 → 33, 66.7 → 67
    Table two = fn::shares(col({1.0, 2.0, ""}), Cell{});
    CHECK(d(two[0][0]) == Approx(0.333));
    CHECK(empty(two[2][0]));
    CHECK_THROWS_AS(fn::shares(col({1.0, -2.0}), Cell{}), ArgumentError);
}

TEST_CASE("PROVINCE, CITY, REGION", "[places][PROVINCE][CITY][REGION]") {
    CHECK(str(fn::province(Cell::of("重庆"))) == "重庆市");
    CHECK(str(fn::province(Cell::of("广东深圳"))) == "广东省");
    CHECK(str(fn::province(Cell::of("Inner Mongolia"))) == "内蒙古自治区");
    CHECK(str(fn::province(Cell::of("火星"))).empty());
    CHECK(str(fn::city(Cell::of("广东深圳"))) == "深圳市");
    CHECK(str(fn::region(Cell::of("深圳"), Arg{})) == "珠三角");
    CHECK(str(fn::region(Cell::of("广东汕头"), Arg{})).empty());
    CHECK(str(fn::region(Cell::of("安徽"), Arg{false, Block::scalar(Cell::of("circles"))})) == "长三角");
    CHECK(str(fn::region(Cell::of("安徽"), Arg{false, Block::scalar(Cell::of("zones"))})) == "中部");
    Block map(2, 2);
    map.at(0, 0) = Cell::of("重庆");
    map.at(0, 1) = Cell::of("成渝");
    map.at(1, 0) = Cell::of("四川");
    map.at(1, 1) = Cell::of("成渝");
    CHECK(str(fn::region(Cell::of("重庆市"), Arg{true, map})) == "成渝");
    CHECK(str(fn::region(Cell::of("四川成都"), Arg{true, map})) == "成渝");
    CHECK(str(fn::region(Cell::of("北京"), Arg{true, map})).empty());
    CHECK_THROWS_AS(fn::region(Cell::of("北京"), Arg{false, Block::scalar(Cell::of("planets"))}),
                    ArgumentError);
}
