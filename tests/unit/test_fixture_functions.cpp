// Every kernel/ and request/ row of the R fixture (tests/fixtures), computed by
// the spreadsheet functions of core from the row's own formula arguments: the
// same text the end-to-end test types into Calc, parsed here into core types.
#include <catch2/catch.hpp>
#include <map>

#include "csv.hpp"
#include "helpers.hpp"
#include "surveycalc/catalog.hpp"
#include "surveycalc/functions.hpp"
#include "text.hpp"

using namespace surveycalc;
using namespace surveycalc::testing;

namespace {

/// The data sheet: column letter -> rows 2..N+1 as cells (numbers where the field is one).
struct Sheet {
    std::map<char, Block> columns;
    explicit Sheet(const std::vector<std::vector<std::string>>& rows) {
        for (std::size_t c = 0; c < rows[0].size(); ++c) {
            std::vector<Cell> cells;
            for (std::size_t r = 1; r < rows.size(); ++r) {
                const std::string& f = rows[r][c];
                if (auto v = text::parse_number(f))
                    cells.push_back(Cell::of(*v));
                else
                    cells.push_back(Cell::of(f));
            }
            columns[static_cast<char>('A' + c)] = Block::column(std::move(cells));
        }
    }
};

/// Splits "D2:D401;\"lower\";\"weights\";C2:C401" into arguments.
std::vector<Arg> parse_args(const std::string& s, const Sheet& sheet) {
    std::vector<std::string> parts;
    std::string cur;
    bool quoted = false;
    for (char c : s) {
        if (c == '"') quoted = !quoted;
        if (c == ';' && !quoted) {
            parts.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    parts.push_back(cur);
    std::vector<Arg> out;
    for (const std::string& p : parts) {
        if (p.size() >= 2 && p.front() == '"') {
            out.push_back(opt(p.substr(1, p.size() - 2).c_str()));
        } else if (auto v = text::parse_number(p)) {
            out.push_back(opt(*v));
        } else {
            REQUIRE(p.find(':') != std::string::npos);
            out.push_back(range(sheet.columns.at(p[0])));
        }
    }
    return out;
}

/// Calls a catalog function with a formula's arguments, as the UNO glue does:
/// the fixed arguments first, the rest as pairs.
Result call(const std::string& name, const std::vector<Arg>& a) {
    const catalog::Function& f = catalog::get(name);
    surveycalc::Call c;
    std::size_t fixed = 0;
    for (const catalog::Argument& arg : f.args) fixed += arg.kind != catalog::ArgKind::Pairs;
    REQUIRE(a.size() >= fixed);
    c.args.assign(a.begin(), a.begin() + static_cast<long>(fixed));
    c.pairs.assign(a.begin() + static_cast<long>(fixed), a.end());
    return std::get<Result>(catalog::call(f, c));
}

}  // namespace

TEST_CASE("every function agrees with R on the fixture",
          "[fixture][DIFFICULTY][MENTIONRATE][MENTIONCOUNT][SHARE][SUMRATIO][DIFFICULTYCI][MENTIONCI]["
          "MENTIONTEST][DIFFICULTYTEST]") {
    const std::string dir = std::string(SURVEYCALC_SOURCE_DIR) + "/tests/fixtures/";
    Sheet sheet(read_csv(dir + "stats_data.csv"));
    auto expected = read_csv(dir + "stats_expected.csv");
    std::size_t checked = 0;
    for (std::size_t i = 1; i < expected.size(); ++i) {
        const auto& row = expected[i];
        if (row[0].rfind("ref/", 0) == 0) continue;
        INFO(row[0] << ": " << row[1] << "(" << row[2] << ")");
        REQUIRE(catalog::find(row[1]) != nullptr);
        Result r = call(row[1], parse_args(row[2], sheet));
        if (row[3] == "NA") {
            CHECK(is_na(r));
        } else {
            double want = std::stod(row[3]);
            CHECK(num(r) == Approx(want).epsilon(1e-9).margin(1e-12));
        }
        ++checked;
    }
    CHECK(checked >= 160);
}
