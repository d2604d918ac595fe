// Placeholder until the gazetteer lands: nothing resolves.
#include "surveycalc/places.hpp"

namespace surveycalc::places {
Location locate(std::string_view) { return {}; }
std::string province_name(const Location&) { return {}; }
std::string city_name(const Location&) { return {}; }
std::string region_name(const Location&, Scheme) { return {}; }
std::optional<Area> area(std::string_view) { return std::nullopt; }
bool within(const Location&, const Area&) { return false; }
}  // namespace surveycalc::places
