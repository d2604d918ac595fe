#include <catch2/catch.hpp>

#include "answers.hpp"
#include "text.hpp"

using surveycalc::Answer;
using surveycalc::Cell;
using surveycalc::plain_answer_keys;
using surveycalc::split_answers;
using surveycalc::text::normalize;
using surveycalc::text::parse_number;
using surveycalc::text::split_tokens;

TEST_CASE("normalize: NFKC, trim (ideographic space too), case fold") {
    CHECK(normalize("  Chongqing ") == "chongqing");
    CHECK(normalize("\u3000重庆市\u3000") == "重庆市");
    CHECK(normalize("ＡＢＣ１２３") == "abc123");  // full-width letters and digits
    CHECK(normalize("７") == "7");
    CHECK(normalize("") == "");
    CHECK(normalize("\t\n") == "");
}

TEST_CASE("format_number reads back as a finite number, even for the largest doubles") {
    using surveycalc::text::format_number;
    for (double v : {1.7976931348623157e308, -1.7976931348623157e308, 1e308, 7.3, 5e-324})
        CHECK(parse_number(format_number(v)).has_value());
    CHECK(format_number(7.0) == "7");
    CHECK(format_number(0.1 + 0.2) == "0.3");  // 15 significant digits, as Calc shows
}

TEST_CASE("parse_number accepts plain decimals only") {
    CHECK(parse_number("7") == 7.0);
    CHECK(parse_number("-2.5") == -2.5);
    CHECK(parse_number("+3") == 3.0);
    CHECK(parse_number("1e2") == 100.0);
    CHECK_FALSE(parse_number("").has_value());
    CHECK_FALSE(parse_number("九").has_value());
    CHECK_FALSE(parse_number("1,000").has_value());
    CHECK_FALSE(parse_number("inf").has_value());
    CHECK_FALSE(parse_number("nan").has_value());
    CHECK_FALSE(parse_number("0x10").has_value());
    CHECK_FALSE(parse_number("7 分").has_value());
    CHECK_FALSE(parse_number("-").has_value());
    CHECK_FALSE(parse_number(".").has_value());
}

TEST_CASE("split_tokens: every listed delimiter, full-width forms, whole tokens") {
    using V = std::vector<std::string>;
    CHECK(split_tokens("1;3;5") == V{"1", "3", "5"});
    CHECK(split_tokens("1,3，5；7、9|11/13\n15\r\n17") == V{"1", "3", "5", "7", "9", "11", "13", "15", "17"});
    CHECK(split_tokens("１；１１") == V{"1", "11"});
    CHECK(split_tokens("物流不畅通、防护物资不足") == V{"物流不畅通", "防护物资不足"});
    CHECK(split_tokens(" ;; a ;") == V{"a"});
    CHECK(split_tokens("｜／") == V{});
    CHECK(split_tokens("a;\u200B;b") == V{"a", "b"});  // a token of format characters only is no token
}

TEST_CASE("plain_answer_keys: the keys of split_answers without a copy, or false") {
    auto slow = [](std::string_view t, const std::u32string* seps = nullptr) {
        std::vector<std::string> out;
        for (const Answer& a : split_answers(Cell::of(std::string(t)), seps)) out.push_back(a.key);
        return out;
    };
    auto fast = [](std::string_view t, const std::u32string* seps = nullptr) {
        std::vector<std::string_view> keys;
        REQUIRE(plain_answer_keys(t, seps, keys));
        return std::vector<std::string>(keys.begin(), keys.end());
    };
    std::vector<std::string_view> keys;
    // Plain cells: ASCII, ideographs, 、 and 。
    for (std::string_view t : {"外地员工返岗需隔离、客户资源受损", " 1;3 ; 12 ", "a/b|c,d", "1;;;2", ";;",
                               "  ", "(跳过)", " (空) ", "(跳过);1", "其他。", "x y;z", "-1;0.5;1e3x"}) {
        CAPTURE(t);
        CHECK(fast(t) == slow(t));
    }
    for (int i = 0; i < 128; ++i) {  // every ASCII character between two answers: the same delimiters
        const char c = static_cast<char>(i);
        if (c >= 'A' && c <= 'Z') continue;
        std::string t = std::string("x") + c + "y";
        CAPTURE(i);
        CHECK(fast(t) == slow(t));
    }
    CHECK(fast(" 1;3 ; 12 ") == std::vector<std::string>{"1", "3", "12"});
    CHECK(fast("(跳过)").empty());
    const std::u32string space = U" ";
    CHECK(fast("1 3  5", &space) == std::vector<std::string>{"1", "3", "5"});
    CHECK(fast("1 3  5", &space) == slow("1 3  5", &space));
    // Anything needing Unicode work or a rewritten key takes split_answers.
    for (std::string_view t :
         {"A;b", "05;1", "5.0", "+5", "-0", "１;２", "１", "其他〖物流〗", "1┋2", "é", "\xE4"}) {
        CAPTURE(t);
        CHECK_FALSE(plain_answer_keys(t, nullptr, keys));
    }
}

TEST_CASE("cell_address: as Calc writes it, sheet names quoted when needed") {
    using surveycalc::cell_address;
    CHECK(cell_address("Sheet1", 0, 0) == "Sheet1.A1");
    CHECK(cell_address("数据", 5, 10) == "数据.F11");
    CHECK(cell_address("Data", 25, 1) == "Data.Z2");
    CHECK(cell_address("Data", 26, 1) == "Data.AA2");
    CHECK(cell_address("Data", 16383, 1048575) == "Data.XFD1048576");
    CHECK(cell_address("My data", 0, 0) == "'My data'.A1");
    CHECK(cell_address("It's", 1, 0) == "'It''s'.B1");
}
