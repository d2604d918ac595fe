// PROVINCE, CITY and REGION: the spreadsheet face of the gazetteer (places.hpp).
#include "answers.hpp"
#include "places.hpp"
#include "surveycalc/functions.hpp"
#include "text.hpp"

namespace surveycalc::fn {

Result province(const Cell& location) {
    if (location.is_blank()) return std::string();
    return places::province_name(places::locate(cell_text(location)));
}

Result city(const Cell& location) {
    if (location.is_blank()) return std::string();
    return places::city_name(places::locate(cell_text(location)));
}

Result region(const Cell& location, const Arg& scheme) {
    if (scheme.is_range && scheme.block.cols == 2) {
        places::RegionMap map;
        for (std::size_t r = 0; r < scheme.block.rows; ++r) {
            std::string place = cell_text(scheme.block.at(r, 0));
            std::string name = text::nfkc_trim(cell_text(scheme.block.at(r, 1)));
            if (!text::normalize(place).empty() && !name.empty()) map.add(place, name);
        }
        if (location.is_blank()) return std::string();
        return map.region_of(cell_text(location));
    }
    if (scheme.is_range && scheme.block.cells.size() != 1)
        throw ArgumentError({"scheme is \"circles\", \"zones\" or a two-column range of place and region",
                             "“方案”应为 \"circles\"、\"zones\" 或“地名-区域”两列区域"});
    const Cell& s = scheme.block.cells.empty() ? Cell{} : scheme.block.cells[0];
    places::Scheme sch = places::Scheme::Circles;
    if (!s.is_blank()) {
        std::optional<places::Scheme> named = places::scheme_named(cell_text(s));
        if (!named)
            throw ArgumentError(
                {"scheme is \"circles\", \"zones\" or a two-column range, not " + describe_cell(s),
                 "“方案”应为 \"circles\"、\"zones\" 或两列区域，而不是 " + describe_cell(s)});
        sch = *named;
    }
    if (location.is_blank()) return std::string();
    return places::region_name(places::locate(cell_text(location)), sch);
}

}  // namespace surveycalc::fn
