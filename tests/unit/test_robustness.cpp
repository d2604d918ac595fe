// Whatever a cell holds, every function returns a value, #N/A or an argument
// error: never a crash, a hang, an uncaught exception or a non-finite number.
// Run under ASan/UBSan in CI.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>

#include "helpers.hpp"
#include "places.hpp"
#include "surveycalc/catalog.hpp"
#include "surveycalc/functions.hpp"
#include "text.hpp"

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

}  // namespace

TEST_CASE("any cell content: no crash, no non-finite number", "[robustness]") {
    std::mt19937 rng(20260101);
    for (int round = 0; round < 300; ++round) {
        std::size_t rows = std::uniform_int_distribution<std::size_t>(1, 12)(rng);
        Block a = random_block(rng, rows, 1), b = random_block(rng, rows, 1), g = random_block(rng, rows, 1);
        Block blk = random_block(rng, rows, 3);
        Pairs pairs;
        int np = std::uniform_int_distribution<int>(0, 3)(rng);
        const auto& options = catalog::options();
        for (int i = 0; i < np; ++i) {
            if (std::uniform_int_distribution<int>(0, 1)(rng)) {
                auto k = std::uniform_int_distribution<std::size_t>(0, options.size() - 1)(rng);
                pairs.push_back(opt(std::string(options[k].name).c_str()));
                pairs.push_back(std::uniform_int_distribution<int>(0, 1)(rng)
                                    ? range(random_block(rng, rows, 1))
                                    : Arg{false, Block::scalar(random_cell(rng))});
            } else {
                pairs.push_back(range(random_block(rng, rows, 1)));
                pairs.push_back(Arg{false, Block::scalar(random_cell(rng))});
            }
        }
        // Every function of the catalog, called as the glue calls it: ranges
        // where it takes ranges (one column, or a block), any cell where it takes a value.
        for (const catalog::Function& f : catalog::functions()) {
            INFO(f.name);
            surveycalc::Call c{{}, pairs, Lang::Zh};
            bool first_range = true;
            for (const catalog::Argument& arg : f.args) {
                if (arg.kind == catalog::ArgKind::Pairs) continue;
                if (arg.kind == catalog::ArgKind::Range || arg.kind == catalog::ArgKind::Array) {
                    bool wide = first_range && std::uniform_int_distribution<int>(0, 3)(rng) == 0;
                    c.args.push_back(range(first_range ? (wide ? blk : a) : (arg.name == "groups" ? g : b)));
                    first_range = false;
                } else if (std::uniform_int_distribution<int>(0, 5)(rng) == 0) {
                    c.args.push_back(range(random_block(rng, 2, 2)));
                } else {
                    c.args.push_back(Arg{false, Block::scalar(random_cell(rng))});
                }
            }
            try {
                std::visit([](const auto& v) { check(v); }, catalog::call(f, c));
            } catch (const ArgumentError&) {
                // a sentence for the user: fine
            }
        }
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
