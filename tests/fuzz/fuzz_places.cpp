// Places: places::locate, area, province_name / city_name / region_name,
// RegionMap and the PROVINCE / CITY / REGION functions on arbitrary text.
//
// Input: the whole input is a location; its lines, in pairs, are also the rows
// (place, region) of a RegionMap.
//
// Invariants: locate is deterministic; a Resolved location has a province and a
// non-empty province_name, and locating that name gives the same province
// (for a city: the same city); an Unknown or Ambiguous one has neither province
// nor city; a city lies in its province; a region name is one of its scheme's
// and, read as an area, contains the location; a text that area() reads as a
// province or city is resolved by locate() into it; place_key is idempotent;
// RegionMap gives one of its regions or nothing; PROVINCE / CITY / REGION agree
// with the names and throw nothing but ArgumentError.
#include <algorithm>

#include "fuzz_common.hpp"
#include "places.hpp"
#include "text.hpp"

using namespace surveycalc;
using fuzz::escaped;
using fuzz::require;

namespace {

std::string show(const places::Location& l) {
    const char* status[] = {"Unknown", "Resolved", "Ambiguous"};
    return std::string("{") + status[static_cast<int>(l.status)] + ", " + std::to_string(l.province) + ", " +
           std::to_string(l.city) + "}";
}

void check_location(std::string_view s) {
    places::Location loc = places::locate(s);
    require(places::locate(s) == loc, "locate(" + escaped(s) + ") is not deterministic");
    std::string where = "locate(" + escaped(s) + ") = " + show(loc);
    if (!loc.resolved()) {
        require(loc.province == 0 && loc.city == 0, where + ": unresolved with a province or city");
        require(places::province_name(loc).empty() && places::city_name(loc).empty(),
                where + ": unresolved with a name");
    } else {
        std::string province = places::province_name(loc);
        require(loc.province != 0 && !province.empty(), where + ": resolved without a province");
        places::Location again = places::locate(province);
        require(again.resolved() && places::province_name(again) == province,
                where + ": its province " + escaped(province) + " locates to " + show(again));
        if (loc.city != 0) {
            const places::Division* city = places::division(loc.city);
            require(city && city->province == loc.province, where + ": the city is not in the province");
            std::string name = places::city_name(loc);
            places::Location c = places::locate(name);
            require(!name.empty() && c.resolved() && c.city == loc.city,
                    where + ": its city " + escaped(name) + " locates to " + show(c));
        }
    }
    for (places::Scheme scheme : {places::Scheme::Circles, places::Scheme::Zones}) {
        std::string region = places::region_name(loc, scheme);
        if (region.empty()) continue;
        std::vector<std::string> names = places::region_names(scheme);
        require(loc.resolved() && std::find(names.begin(), names.end(), region) != names.end(),
                where + ": region " + escaped(region) + " is not one of the scheme's");
        std::optional<places::Area> a = places::area(region);
        require(a && a->kind == places::Area::Kind::Region && places::within(loc, *a),
                where + ": not within its region " + escaped(region));
    }

    if (std::optional<places::Area> a = places::area(s)) {
        if (a->kind == places::Area::Kind::Region) {
            std::vector<std::string> names = places::region_names(a->scheme);
            require(std::find(names.begin(), names.end(), a->region) != names.end(),
                    "area(" + escaped(s) + ") names an unknown region " + escaped(a->region));
        } else {
            require(loc.resolved() && places::within(loc, *a),
                    "area(" + escaped(s) + ") is a province or city that " + where + " is not within");
        }
    }
    std::string key = places::place_key(s);
    require(places::place_key(key) == key, "place_key is not idempotent on " + escaped(s));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> ls = fuzz::lines(in, 16);
    check_location(in);
    for (std::string_view l : ls) check_location(l);

    // PROVINCE / CITY / REGION on the input as a cell.
    Cell cell = Cell::of(std::string(in));
    auto province = fuzz::outcome("PROVINCE", [&] { return fn::province(cell); });
    auto city = fuzz::outcome("CITY", [&] { return fn::city(cell); });
    require(province.value && city.value, "PROVINCE or CITY throws: " + province.error + city.error);
    places::Location loc = places::locate(in);
    require(fuzz::close(*province.value, Result(cell.is_blank() ? "" : places::province_name(loc)), 0),
            "PROVINCE(" + escaped(in) + ") = " + fuzz::show(*province.value));
    require(fuzz::close(*city.value, Result(cell.is_blank() ? "" : places::city_name(loc)), 0),
            "CITY(" + escaped(in) + ") = " + fuzz::show(*city.value));
    for (const char* scheme : {"", "circles", "zones", "四大区域"}) {
        auto r = fuzz::outcome("REGION", [&] { return fn::region(cell, fuzz::text_arg(scheme)); });
        require(r.value.has_value(),
                "REGION(" + escaped(in) + "; " + escaped(scheme) + ") throws " + r.error);
    }

    // The lines as a user's own scheme: (place, region) rows.
    std::vector<std::pair<std::string, std::string>> rows;
    Block map(ls.size() / 2, 2);
    for (std::size_t i = 0; i + 1 < ls.size(); i += 2) {
        rows.emplace_back(ls[i], ls[i + 1]);
        map.at(i / 2, 0) = Cell::of(std::string(ls[i]));
        map.at(i / 2, 1) = Cell::of(std::string(ls[i + 1]));
    }
    places::RegionMap region_map(rows);
    for (std::string_view l : ls) {
        std::string r = region_map.region_of(l);
        require(r == region_map.region_of(l),
                "RegionMap::region_of(" + escaped(l) + ") is not deterministic");
        bool known = r.empty() || std::any_of(rows.begin(), rows.end(), [&](const auto& row) {
                         return row.second == r || text::nfkc_trim(row.second) == r;
                     });
        require(known, "RegionMap::region_of(" + escaped(l) + ") = " + escaped(r) + " is no row's region");
        auto own = fuzz::outcome("REGION",
                                 [&] { return fn::region(Cell::of(std::string(l)), fuzz::range_arg(map)); });
        require(own.value.has_value(), "REGION with a two-column range throws " + own.error);
    }
    return 0;
}
