// Places: resolving what people type for a location (重庆, 重庆市, Chongqing, 渝,
// 广东深圳, Inner Mongolia ...) to province-level divisions, prefecture-level
// cities and regions, from the gazetteer in data/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace surveycalc::places {

/// Built-in region schemes (see README "Regions").
enum class Scheme { Circles, Zones };

/// What a cell's text names.
struct Location {
    enum class Status { Unknown, Resolved, Ambiguous };
    Status status = Status::Unknown;
    int province = 0;  // GB/T 2260 code of the province-level division, e.g. 440000; 0 if unknown
    int city = 0;      // GB/T 2260 code of the prefecture-level city, e.g. 440300; 0 if none
    bool resolved() const { return status == Status::Resolved; }
};

/// Resolves a cell's text (raw UTF-8; normalised inside).
Location locate(std::string_view text);

/// Canonical names ("重庆市", "深圳市"); empty when the location has none.
std::string province_name(const Location& loc);
std::string city_name(const Location& loc);
/// Region of a location under a built-in scheme; empty when outside every region.
std::string region_name(const Location& loc, Scheme scheme);

/// Something a criterion can name: a province, a city or a region.
struct Area {
    enum class Kind { Province, City, Region };
    Kind kind = Kind::Province;
    int code = 0;         // province or city code
    std::string region;   // region name for Kind::Region
    Scheme scheme = Scheme::Circles;
};

/// The area a criterion text names, if the gazetteer knows it.
std::optional<Area> area(std::string_view text);

/// True when the location lies inside the area.
bool within(const Location& loc, const Area& a);

}  // namespace surveycalc::places
