// Whatever a cell holds, every function returns a value, #N/A or an argument
// error: never a crash, a hang, an uncaught exception or a non-finite number.
// Run under ASan/UBSan in CI.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>

#include "helpers.hpp"
#include "surveycalc/functions.hpp"
#include "surveycalc/places.hpp"
#include "surveycalc/text.hpp"

using namespace surveycalc;
using namespace surveycalc::testing;

namespace {

std::string random_text(std::mt19937& rng) {
    static const std::vector<std::string> pieces = {"",
                                                    " ",
                                                    "\u3000",
                                                    "7",
                                                    "７",
                                                    "-0",
                                                    "1e308",
                                                    "1e-320",
                                                    "nan",
                                                    "inf",
                                                    "99",
                                                    ";",
                                                    "；",
                                                    "、",
                                                    "|",
                                                    "/",
                                                    "\n",
                                                    "重庆",
                                                    "广东深圳",
                                                    "吉林",
                                                    "Ｓｈａａｎｘｉ",
                                                    "<>",
                                                    ">=",
                                                    "=",
                                                    "\"",
                                                    "否",
                                                    "no",
                                                    "九",
                                                    "\xff\xfe",
                                                    "\xed\xa0\x80",
                                                    "\xc3",
                                                    "\x00x",
                                                    "a|b|",
                                                    "长三角",
                                                    "🙂",
                                                    "\u0301",
                                                    "ǅ",
                                                    "İ",
                                                    "ß",
                                                    std::string(300, 'x')};
    std::string out;
    int n = std::uniform_int_distribution<int>(0, 4)(rng);
    for (int i = 0; i < n; ++i)
        out += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(rng)];
    return out;
}

Cell random_cell(std::mt19937& rng) {
    switch (std::uniform_int_distribution<int>(0, 3)(rng)) {
        case 0:
            return Cell{};
        case 1: {
            static const double special[] = {0.0, -0.0, 1.0, 99.0, -5.0, 1e308, -1e308, 5e-324, 10.5, 11.0};
            return Cell::of(special[std::uniform_int_distribution<int>(0, 9)(rng)]);
        }
        default:
            return Cell::of(random_text(rng));
    }
}

Block random_block(std::mt19937& rng, std::size_t rows, std::size_t cols) {
    Block b(rows, cols);
    for (Cell& c : b.cells) c = random_cell(rng);
    return b;
}

void check(const Result& r) {
    if (const double* d = std::get_if<double>(&r)) CHECK(std::isfinite(*d));
}
void check(const Table& t) {
    for (const auto& row : t)
        for (const TableCell& c : row)
            if (const double* d = std::get_if<double>(&c)) CHECK(std::isfinite(*d));
}

template <class F>
void survive(F&& f) {
    try {
        check(f());
    } catch (const ArgumentError&) {
        // a sentence for the user: fine
    }
}

}  // namespace

TEST_CASE("any cell content: no crash, no non-finite number", "[robustness]") {
    std::mt19937 rng(20260101);
    for (int round = 0; round < 300; ++round) {
        std::size_t rows = std::uniform_int_distribution<std::size_t>(1, 12)(rng);
        Block a = random_block(rng, rows, 1), b = random_block(rng, rows, 1), g = random_block(rng, rows, 1);
        Block blk = random_block(rng, rows, 3);
        Pairs pairs;
        int np = std::uniform_int_distribution<int>(0, 3)(rng);
        static const char* names[] = {"weights", "missing", "scale", "min_n",   "base", "invalid",
                                      "level",   "sort",    "rows",  "options", "by",   "top"};
        for (int i = 0; i < np; ++i) {
            if (std::uniform_int_distribution<int>(0, 1)(rng)) {
                pairs.push_back(opt(names[std::uniform_int_distribution<int>(0, 11)(rng)]));
                pairs.push_back(std::uniform_int_distribution<int>(0, 1)(rng)
                                    ? range(random_block(rng, rows, 1))
                                    : Arg{false, Block::scalar(random_cell(rng))});
            } else {
                pairs.push_back(range(random_block(rng, rows, 1)));
                pairs.push_back(Arg{false, Block::scalar(random_cell(rng))});
            }
        }
        Cell x = random_cell(rng), y = random_cell(rng);
        survive([&] { return fn::difficulty(a, pairs); });
        survive([&] { return fn::mention_rate(a, x, pairs); });
        survive([&] { return fn::mention_rate(blk, x, pairs); });
        survive([&] { return fn::mention_count(a, x, pairs); });
        survive([&] { return fn::share(a, x, pairs); });
        survive([&] { return fn::rate(a, b, pairs); });
        survive([&] { return fn::difficulty_ci(a, Cell::of("half"), pairs); });
        survive([&] { return fn::mention_ci(a, x, Cell::of("lower"), pairs); });
        survive([&] { return fn::mention_test(a, x, g, x, y, pairs); });
        survive([&] { return fn::difficulty_test(a, g, x, y, pairs); });
        survive([&] { return fn::group_table(a, g, pairs); });
        survive([&] { return fn::crosstab(a, g, pairs); });
        survive([&] { return fn::shares(a, x); });
        survive([&] { return fn::province(x); });
        survive([&] { return fn::region(x, Arg{true, random_block(rng, 2, 2)}); });
        for (const char* kind : {"scores", "responses", "places"})
            survive([&] { return fn::datacheck(a, Cell::of(kind), pairs, Lang::Zh); });
    }
}

TEST_CASE("extreme values stay finite", "[robustness]") {
    double big = std::numeric_limits<double>::max();
    Block s = col({big, big, big});
    CHECK(is_na(fn::difficulty(s, {opt("scale"), opt("0-1"), opt("invalid"), opt("skip")})));
    Result r = fn::rate(col({big, big}), col({1.0, 1.0}), {});
    CHECK((is_na(r) || std::isfinite(num(r))));
    Result w = fn::difficulty(col({5.0, 6.0}), {opt("weights"), range(col({big, big}))});
    CHECK((is_na(w) || std::isfinite(num(w))));
}
