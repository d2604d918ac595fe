// Every place spelling of the example workbook's data (examples/data/spellings.csv,
// written by the data generator from its own table, not by this code) resolves
// to the province and city the generator meant.
#include <catch2/catch.hpp>

#include "csv.hpp"
#include "places.hpp"

using namespace surveycalc;

TEST_CASE("example data spellings resolve to their places", "[places]") {
    auto rows = testing::read_csv(std::string(SURVEYCALC_SOURCE_DIR) + "/examples/data/spellings.csv");
    REQUIRE(rows.size() > 300);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& r = rows[i];
        INFO("typed '" << r[0] << "'");
        places::Location loc = places::locate(r[0]);
        CHECK(places::province_name(loc) == r[1]);
        if (r[3] == "city") CHECK(places::city_name(loc) == r[2]);
    }
}
