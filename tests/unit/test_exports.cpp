// Issue 9: survey platforms' exports read as they are downloaded. Expected
// values are counted by hand from the rows written out in each test.
#include <string>

#include "answers.hpp"
#include "helpers.hpp"
#include "places.hpp"
#include "text.hpp"

using namespace surveycalc;
using namespace surveycalc::testing;

namespace {

Block grid(std::size_t rows, std::size_t cols, std::initializer_list<V> values) {
    Block b(rows, cols);
    std::size_t i = 0;
    for (const V& v : values) b.cells.at(i++) = v.cell;
    REQUIRE(i == rows * cols);
    return b;
}

std::string str(const Result& r) {
    REQUIRE(std::holds_alternative<std::string>(r));
    return std::get<std::string>(r);
}

bool is_error(auto&& call) {
    try {
        call();
    } catch (const ArgumentError&) {
        return true;
    }
    return false;
}

std::string text_of(const TableCell& c) {
    if (std::holds_alternative<std::string>(c)) return std::get<std::string>(c);
    return "?";
}
double num_of(const TableCell& c) { return std::holds_alternative<double>(c) ? std::get<double>(c) : -1; }

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("问卷星 other-please-specify: X〖text〗 is the answer X, delimiters inside 〖〗 do not split") {
    using V_ = std::vector<std::string>;
    CHECK(text::split_labels("物流不通┋其他〖缺人，缺料〗") == V_{"物流不通", "其他〖缺人,缺料〗"});
    CHECK(without_other_text("其他〖物流不通〗") == "其他");
    CHECK(without_other_text("〖只有说明〗") == "〖只有说明〗");
    CHECK(answer_key(Cell::of("其他〖物流不通〗")) == "其他");
    CHECK(answer_key(Cell::of("3〖物流〗")) == "3");

    Block r = col({"物流不通┋其他〖缺人，缺料〗", "其他〖物流〗", "物流不通", "(跳过)"});
    // answered: rows 1-3; 其他 in rows 1 and 2 → 2/3
    CHECK(num(fn::mention_rate(r, Cell::of("其他"), {})) == Approx(2.0 / 3).epsilon(1e-15));
    CHECK(num(fn::mention_count(r, Cell::of("缺料"), {})) == 0);  // the other text is no answer of its own
    // SHARE and criteria: 其他〖…〗 is 其他
    Block single = col({"是", "其他〖外包〗", "否", "其他〖自营〗"});
    CHECK(num(fn::share(single, Cell::of("其他"), {})) == 0.5);
    Block scores = col({8, 6, 4, 2});
    CHECK(num(fn::difficulty(scores, {range(single), opt("其他")})) == 4);
    CHECK(num(fn::difficulty(scores, {range(single), opt("<>其他")})) == 6);
    // CROSSTAB shows the row as 其他
    Table t = fn::crosstab(col({"其他〖a〗", "其他〖b〗;x"}), col({"g", "g"}), {});
    REQUIRE(t.size() == 3);
    CHECK(text_of(t[1][0]) == "其他");
    CHECK(num_of(t[1][1]) == 1.0);
    // GROUPTABLE groups 其他〖a〗 and 其他〖b〗 as one group
    // no-answer marks and -2/-3 in a group column are no group
    Table marks =
        fn::group_table(col({5, 7, 9, 4, 3, 2}), col({"是", "否", "(跳过)", "否", "（空）", -3}), {});
    REQUIRE(marks.size() == 2);
    CHECK(text_of(marks[0][0]) == "否");
    CHECK(num_of(marks[0][1]) == 2);
    Table g = fn::group_table(col({4, 8}), col({"其他〖a〗", "其他〖b〗"}), {});
    REQUIRE(g.size() == 1);
    CHECK(text_of(g[0][0]) == "其他");
    CHECK(num_of(g[0][2]) == 6);
}

TEST_CASE("问卷星 places: region question and IP location") {
    auto prov = [](const char* s) { return std::get<std::string>(fn::province(Cell::of(s))); };
    auto city = [](const char* s) { return std::get<std::string>(fn::city(Cell::of(s))); };
    CHECK(prov("广东省-深圳市-南山区") == "广东省");
    CHECK(city("广东省-深圳市-南山区") == "深圳市");
    CHECK(city("广东-广州-天河区") == "广州市");
    CHECK(prov("北京-朝阳区") == "北京市");
    CHECK(prov("重庆-渝中区") == "重庆市");
    CHECK(prov("61.141.23.8(广东-深圳)") == "广东省");
    CHECK(city("61.141.23.8(广东-深圳)") == "深圳市");
    CHECK(prov("113.116.*.*（浙江-杭州）") == "浙江省");
    CHECK(prov("240e:3b0::1(北京)") == "北京市");
    CHECK(prov("61.141.23.8(未知)").empty());
    CHECK(prov("1.2.3.4(美国)").empty());
    CHECK(prov("abc(广东)").empty());  // not an address: the whole text is no place
    // criteria and grouping
    Block where = col({"61.141.23.8(广东-深圳)", "61.141.23.9(未知)", "广东省-广州市-天河区", "北京-朝阳区"});
    Block scores = col({8, 2, 6, 4});
    CHECK(num(fn::difficulty(scores, {range(where), opt("广东")})) == 7);
    CHECK(num(fn::difficulty(scores, {range(where), opt("珠三角")})) == 7);
    Table g = fn::group_table(scores, where, {opt("sort"), opt("name")});
    // 北京 (110000), 广东 (440000), then the unknown 未知 row as typed
    REQUIRE(g.size() == 3);
    CHECK(text_of(g[0][0]) == "北京市");
    CHECK(text_of(g[1][0]) == "广东省");
    CHECK(num_of(g[1][2]) == 7);
}

TEST_CASE("sep: the delimiters of one call (ODK/KoboToolbox select_multiple)") {
    Block odk = col({"quarantine transport", "transport", "masks quarantine", "", "none"});
    // 4 answered; quarantine in rows 1 and 3 → 0.5
    CHECK(num(fn::mention_rate(odk, Cell::of("quarantine"), {opt("sep"), opt(" ")})) == 0.5);
    CHECK(num(fn::mention_count(odk, Cell::of("transport"), {opt("sep"), opt(" ")})) == 2);
    // without "sep": no whole answer "quarantine" but a word inside answers: an error, not 0.25
    CHECK(is_error([&] { fn::mention_rate(odk, Cell::of("quarantine"), {}); }));
    CHECK(is_error([&] { fn::mention_count(odk, Cell::of("masks"), {}); }));
    // some rows hold it alone, others inside unsplit lists: still an error (not 1/4)
    Block partly = col({"quarantine", "quarantine transport", "transport", "masks"});
    CHECK(is_error([&] { fn::mention_rate(partly, Cell::of("quarantine"), {}); }));
    CHECK(num(fn::mention_rate(partly, Cell::of("quarantine"), {opt("sep"), opt(" ")})) == 0.5);
    CHECK(is_error([&] {
        fn::crosstab(partly, col({"g", "g", "g", "g"}), {opt("options"), opt("quarantine")});
    }));
    // a label with a space whose other word is no answer is no list: "public transport" is its own answer
    Block labels = col({"transport", "public transport", "walk"});
    CHECK(num(fn::mention_rate(labels, Cell::of("transport"), {})) == Approx(1.0 / 3).epsilon(1e-15));
    // an answer that is truly absent is a true zero
    CHECK(num(fn::mention_rate(odk, Cell::of("fever"), {opt("sep"), opt(" ")})) == 0);
    CHECK(num(fn::mention_rate(odk, Cell::of("fever"), {})) == 0);
    // "sep" replaces the default delimiters: ";" no longer splits
    Block semi = col({"a;b", "a"});
    CHECK(num(fn::mention_rate(semi, Cell::of("a"), {opt("sep"), opt("|")})) == 0.5);
    CHECK(num(fn::mention_rate(semi, Cell::of("a"), {})) == 1);
    // "" : every cell is one answer
    CHECK(num(fn::mention_rate(col({"a, b", "a"}), Cell::of("a, b"), {opt("sep"), opt("")})) == 0.5);
    // full-width given, full-width in the cells
    CHECK(num(fn::mention_rate(col({"x＋y", "y"}), Cell::of("x"), {opt("sep"), opt("＋")})) == 0.5);
    // CROSSTAB splits with it too
    Table t = fn::crosstab(odk, col({"g", "g", "g", "g", "g"}), {opt("sep"), opt(" ")});
    REQUIRE(t.size() == 5);  // header + quarantine, transport, masks, none
    CHECK(text_of(t[1][0]) == "quarantine");
    CHECK(num_of(t[1][1]) == 0.5);
    CHECK(is_error([&] { fn::mention_rate(odk, Cell::of("x"), {opt("sep"), opt(3.0)}); }));
    CHECK(is_error([&] {
        fn::share(col({"a"}), Cell::of("a"), {opt("sep"), opt(" ")});
    }));  // SHARE takes no "sep"
}

TEST_CASE("labels: an answer named by its code or its label") {
    Block codes = grid(3, 2, {1, "外地员工返岗需隔离", 3, "上下游产业链难以协同复工", 8, "其他"});
    Block r = col({"1┋3┋8", "3", "1", "(跳过)", "8〖缺人〗"});
    Arg labels = range(codes);
    // answered 4; code 1 in rows 1, 3 → 0.5
    CHECK(num(fn::mention_rate(r, Cell::of("外地员工返岗需隔离"), {opt("labels"), labels})) == 0.5);
    CHECK(num(fn::mention_rate(r, Cell::of(1), {opt("labels"), labels})) == 0.5);
    CHECK(num(fn::mention_rate(r, Cell::of("其他"), {opt("labels"), labels})) == 0.5);
    // cells holding labels and codes mixed are one answer
    Block mixed = col({"外地员工返岗需隔离", "1", "3"});
    CHECK(num(fn::mention_count(mixed, Cell::of(1), {opt("labels"), labels})) == 2);
    // without labels a text option on a column of codes is an error, not 0
    CHECK(is_error([&] { fn::mention_rate(r, Cell::of("外地员工返岗需隔离"), {}); }));
    // criteria and SHARE by label
    Block size = col({1, 2, 1, 2});
    Block sizes = grid(2, 2, {1, "小型", 2, "大型"});
    Block scores = col({8, 4, 6, 2});
    CHECK(num(fn::difficulty(scores, {range(size), opt("小型"), opt("labels"), range(sizes)})) == 7);
    CHECK(num(fn::difficulty(scores, {opt("labels"), range(sizes), range(size), opt("<>小型")})) == 3);
    CHECK(num(fn::share(size, Cell::of("大型"), {opt("labels"), range(sizes)})) == 0.5);
    // GROUPTABLE shows labels
    Table g = fn::group_table(scores, size, {opt("labels"), range(sizes)});
    REQUIRE(g.size() == 2);
    CHECK(text_of(g[0][0]) == "小型");
    CHECK(num_of(g[0][2]) == 7);
    CHECK(text_of(g[1][0]) == "大型");
    // CROSSTAB: rows in the code book's order, shown by label, zero rows kept
    Table t = fn::crosstab(r, col({"g", "g", "g", "g", "g"}), {opt("labels"), labels});
    REQUIRE(t.size() == 4);
    CHECK(text_of(t[1][0]) == "外地员工返岗需隔离");
    CHECK(text_of(t[2][0]) == "上下游产业链难以协同复工");
    CHECK(text_of(t[3][0]) == "其他");
    CHECK(num_of(t[2][1]) == 0.5);
    // "options" as codes, shown by label
    Table o =
        fn::crosstab(r, col({"g", "g", "g", "g", "g"}), {opt("labels"), labels, opt("options"), opt("8;1")});
    REQUIRE(o.size() == 3);
    CHECK(text_of(o[1][0]) == "其他");
    // a missing code named by its label
    Block m = col({1, 2, 9});
    Block book = grid(3, 2, {1, "是", 2, "否", 9, "不清楚"});
    CHECK(num(fn::share(m, Cell::of("是"), {opt("labels"), range(book), opt("missing"), opt("不清楚")})) ==
          0.5);
}

TEST_CASE("labels: a code book that contradicts itself is an error DATACHECK explains") {
    Block r = col({"1"});
    auto check = [&](const Block& book) {
        return str(fn::datacheck(r, Cell::of("responses"), {opt("labels"), range(book)}, Lang::En));
    };
    Block dup_code = grid(2, 2, {1, "a", 1, "b"});
    CHECK(is_error([&] { fn::mention_rate(r, Cell::of(1), {opt("labels"), range(dup_code)}); }));
    CHECK(contains(check(dup_code), "code 1 in row 2 is already the code of row 1"));
    Block dup_label = grid(2, 2, {1, "a", 2, "A"});
    CHECK(contains(check(dup_label), "label 'A' in row 2 is already the label of row 1"));
    Block crossed = grid(2, 2, {1, 2, 2, "b"});
    CHECK(contains(check(crossed), "code 2 in row 2 is already the label of row 1"));
    Block half = grid(2, 2, {1, "a", 2, ""});
    CHECK(contains(check(half), "row 2 has a code but no label"));
    Block blank_row = grid(3, 2, {1, "a", "", "", 2, "b"});
    CHECK(num(fn::mention_rate(col({"a", "2"}), Cell::of("b"), {opt("labels"), range(blank_row)})) == 0.5);
    Block same = grid(1, 2, {"是", "是"});  // a code that is its own label is fine
    CHECK(num(fn::share(col({"是", "否"}), Cell::of("是"), {opt("labels"), range(same)})) == 0.5);
    CHECK(is_error([&] { fn::share(r, Cell::of(1), {opt("labels"), range(col({1, 2}))}); }));  // one column
    CHECK(is_error([&] { fn::share(r, Cell::of(1), {opt("labels"), opt("x")}); }));
}

TEST_CASE("one column per option: label or 1 when chosen; base = rows that chose at least one") {
    // SurveyMonkey: the option's text when chosen, blank otherwise; row 4 chose nothing
    Block sm = grid(
        4, 3,
        {"Quarantine", "", "Other: 缺人", "", "Transport", "", "Quarantine", "Transport", "", "", "", ""});
    CHECK(num(fn::mention_rate(sm, Cell::of("Quarantine"), {})) == Approx(2.0 / 3).epsilon(1e-15));
    CHECK(num(fn::mention_rate(sm, Cell::of(1), {})) == Approx(2.0 / 3).epsilon(1e-15));
    CHECK(num(fn::mention_rate(sm, Cell::of("transport"), {})) == Approx(2.0 / 3).epsilon(1e-15));
    CHECK(num(fn::mention_count(sm, Cell::of(3), {})) == 1);
    CHECK(is_error([&] { fn::mention_rate(sm, Cell::of("Masks"), {}); }));  // no column holds it
    CHECK(is_error([&] { fn::mention_rate(sm, Cell::of(4), {}); }));
    // 0/1 (wjx 0/1 download, Kobo split columns); -3 = skipped; a row of 0s chose nothing
    Block bin = grid(4, 3, {1, 0.0, 1, 0.0, 1, 0.0, -3, -3, -3, 0.0, 0.0, 0.0});
    CHECK(num(fn::mention_rate(bin, Cell::of(1), {})) == 0.5);
    CHECK(num(fn::mention_count(bin, Cell::of(2), {})) == 1);
    // with labels whose codes are the column numbers
    Block book = grid(3, 2, {1, "隔离", 2, "物流", 3, "其他"});
    CHECK(num(fn::mention_rate(bin, Cell::of("物流"), {opt("labels"), range(book)})) == 0.5);
    // base "all" keeps every row with any cell
    CHECK(num(fn::mention_rate(bin, Cell::of(1), {opt("base"), opt("all")})) == 0.25);
    // CROSSTAB rows: labels from the cells, from "labels", else the column number
    Table t = fn::crosstab(sm, col({"g", "g", "g", "g"}), {});
    REQUIRE(t.size() == 4);
    CHECK(text_of(t[1][0]) == "Quarantine");
    CHECK(text_of(t[2][0]) == "Transport");
    CHECK(text_of(t[3][0]) == "Other: 缺人");
    CHECK(num_of(t[1][1]) == Approx(2.0 / 3).epsilon(1e-15));
    Table b = fn::crosstab(bin, col({"g", "g", "g", "g"}), {opt("labels"), range(book)});
    CHECK(text_of(b[2][0]) == "物流");
    CHECK(num_of(b[1][1]) == 0.5);
    Table plain = fn::crosstab(bin, col({"g", "g", "g", "g"}), {});
    CHECK(text_of(plain[3][0]) == "3");
}

TEST_CASE("问卷星 code download: -2/-3 are no answer in columns of answer codes") {
    Block v = col({1, 2, -3, -2, 2});
    CHECK(num(fn::share(v, Cell::of(2), {})) == Approx(2.0 / 3).epsilon(1e-15));  // 1, 2, 2 answered
    CHECK(num(fn::mention_rate(col({"1┋2", -3, "2"}), Cell::of(1), {})) == 0.5);
    // scores keep them: outside 0-10 they are invalid, never silently dropped
    CHECK(is_error([&] { fn::difficulty(col({5, -3}), {}); }));
    CHECK(num(fn::difficulty(col({5, -3}), {opt("scale"), opt("-5-5")})) == 1);
    CHECK(contains(str(fn::datacheck(v, Cell::of("responses"), {}, Lang::En)),
                   "3 answered, 0 blank, 2 no answer (-2/-3 of a 问卷星 code download)"));
}

TEST_CASE("no silent zero: an answer found only inside answers is an error; DATACHECK says what to set") {
    Block paren = col({"其他(请注明):物流", "隔离"});
    CHECK(is_error([&] { fn::mention_rate(paren, Cell::of("其他"), {}); }));
    CHECK(is_error([&] { fn::crosstab(paren, col({"g", "g"}), {opt("options"), opt("其他;隔离")}); }));
    // filtered to rows without it, while whole answers exist elsewhere: a true zero
    Block r = col({"quarantine", "transport"});
    CHECK(num(fn::mention_rate(r, Cell::of("quarantine"), {range(col({"a", "b"})), opt("b")})) == 0);
    // MENTIONTEST: neither group mentions it and it occurs only inside answers
    Block odk = col({"quarantine transport", "transport", "quarantine masks", "masks"});
    CHECK(is_error([&] {
        fn::mention_test(odk, Cell::of("quarantine"), col({"a", "a", "b", "b"}), Cell::of("a"), Cell::of("b"),
                         {});
    }));
    std::string en =
        str(fn::datacheck(odk, Cell::of("responses"), {opt("answer"), opt("quarantine")}, Lang::En));
    CHECK(contains(en, "matches no whole answer but occurs inside 2 of them"));
    CHECK(contains(en, "set \"sep\";\" \""));
    std::string zh =
        str(fn::datacheck(odk, Cell::of("responses"), {opt("answer"), opt("quarantine")}, Lang::Zh));
    CHECK(contains(zh, "请设置 \"sep\";\" \""));
    std::string ok = str(fn::datacheck(odk, Cell::of("responses"),
                                       {opt("sep"), opt(" "), opt("answer"), opt("quarantine")}, Lang::En));
    CHECK(contains(ok, "Answer 'quarantine': mentioned in 2 of 4 answered rows"));
    std::string p = str(fn::datacheck(paren, Cell::of("responses"), {opt("answer"), opt("其他")}, Lang::En));
    CHECK(contains(p, "begins 1 of them"));
    std::string codes =
        str(fn::datacheck(col({"1┋3", "2"}), Cell::of("responses"), {opt("answer"), opt("隔离")}, Lang::En));
    CHECK(contains(codes, "every answer in the range is a code"));
}

TEST_CASE("DATACHECK responses names the export convention and flags what still looks wrong") {
    Block wjx = col({"物流不通┋其他〖缺人〗", "(跳过)", "物流不畅", "隔离"});
    std::string s = str(fn::datacheck(wjx, Cell::of("responses"), {}, Lang::En));
    CHECK(contains(s, "3 answered, 0 blank, 1 skipped (跳过)"));
    CHECK(contains(s, "Recognised: a 问卷星 text export"));
    INFO(s);
    CHECK(contains(s, "'物流不畅' and '物流不通' differ by one character"));
    std::string zh = str(fn::datacheck(wjx, Cell::of("responses"), {}, Lang::Zh));
    CHECK(contains(zh, "识别为：问卷星按选项文本导出"));
    CHECK(contains(zh, "只差一个字"));
    Block spaced = col({"物流 不通", "物流不通"});
    CHECK(
        contains(str(fn::datacheck(spaced, Cell::of("responses"), {}, Lang::En)), "differ only by spacing"));
    Block odk = col({"quarantine transport", "transport", "masks"});
    CHECK(contains(str(fn::datacheck(odk, Cell::of("responses"), {}, Lang::En)),
                   "1 answers look like option names separated by spaces"));
    CHECK(
        contains(str(fn::datacheck(col({"a b┋c"}), Cell::of("responses"), {opt("sep"), opt(" ")}, Lang::En)),
                 "1 cells contain a delimiter that \"sep\" does not split at"));
    Block book = grid(2, 2, {1, "a", 2, "b"});
    CHECK(contains(
        str(fn::datacheck(col({"1;2;5"}), Cell::of("responses"), {opt("labels"), range(book)}, Lang::En)),
        "answers with no label in \"labels\": '5'"));
    Block sm = grid(2, 2, {"Quarantine", "", "", ""});
    CHECK(contains(str(fn::datacheck(sm, Cell::of("responses"), {}, Lang::En)),
                   "1 answered, 1 blank, 0 missing code; one column per option (2 columns"));
}
