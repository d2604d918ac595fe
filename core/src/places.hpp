// Places: resolving what people type for a location (重庆, 重庆市, Chongqing, 渝,
// 广东深圳, Inner Mongolia ...) to province-level divisions, prefecture-level
// cities and regions, from the gazetteer in data/ (compiled in: see
// scripts/gen_gazetteer.py and docs/places.md).
//
// What locate() accepts, after NFKC, trimming, Latin case folding and removing
// spaces, the separators - _ . , / · 、 and apostrophes ' ’ ‘ ʼ (so "广东 深圳",
// "ＧＵＡＮＧＤＯＮＧ", "Inner-Mongolia", "Xi’an" work):
//   - a province-level name: full (广西壮族自治区), short (广西, 内蒙古, 内蒙), the
//     common slips short+省 / short+自治区 (广西省, 新疆自治区), pinyin or English
//     (Guangxi, Inner Mongolia, Nei Mongol, Hong Kong, Macau, Shanxi ≠ Shaanxi),
//     Latin names also with a trailing province / sheng / shi / city / sar;
//   - a one-character abbreviation (渝 粤 蒙 沪 ...), only as the whole cell;
//   - a prefecture-level name, full (深圳市, 延边朝鲜族自治州, 和田地区, 兴安盟) or
//     short (深圳, 延边, 延边州, 和田, 兴安), or Latin: the pinyin of the short
//     form (Shenzhen, Xiamen, Xi'an / Xian, Lu'an, Lüliang / Luliang / Lvliang)
//     or a common English name (Harbin, Urumqi, Hohhot, Lhasa, Kashgar),
//     optionally followed by City / Shi;
//   - a province and a city in Latin, either order (Fujian Fuzhou, Fuzhou Fujian,
//     "Suzhou, Anhui Province"), and a Chinese province before a Latin city
//     (广东 Shenzhen);
//   - a province followed by a city (广东深圳, 广东省深圳市, 吉林省吉林市), with
//     anything after the city ignored (广东省深圳市南山区); a province followed by
//     text that names no city of it (广东省南山区, 北京朝阳区) is that province;
//   - a full city name followed by more (深圳市南山区), or a short city name
//     followed by a county-level name ending in 区/县/市/旗 (深圳南山区);
//   - a six-digit GB/T 2260 code (440300; a county code 440305 gives its city; a
//     county directly under a province, 110105 or 429004, gives the province; a
//     code whose city does not exist, such as the postcode 518000, is Unknown);
//   - an optional leading 中国 / China.
// Cities of the four municipalities, of Hong Kong, Macau and Taiwan are not in
// the gazetteer: 北京 has province 110000 and no city. County-level cities
// (昆山, Kunshan) are not known: they are Unknown.
//
// Ambiguity rules:
//   - A name that is both a province and one of its own cities is the province:
//     a bare 吉林 is province 220000 with no city, status Resolved (吉林市 or
//     吉林吉林 is the city 220200). A city's short form that equals any province's
//     name is not used: 海南 is Hainan province, Qinghai's prefecture is 海南州 or
//     海南藏族自治州.
//   - A name shared by cities of different provinces is Ambiguous (province 0)
//     unless a province is given with it. No Chinese short forms are shared;
//     the Latin names Suzhou (苏州/宿州), Fuzhou (福州/抚州), Taizhou (泰州/台州),
//     Yichun (伊春/宜春) and Yulin (玉林/榆林) are: "Anhui Suzhou" is 宿州.
//   - A city's Latin name equal to a province's is the province: Jilin is
//     吉林省, Hainan 海南省; Jilin City, Jilin Shi and Jilin Jilin are 吉林市,
//     Qinghai Hainan is 海南州.
//   - A text naming two provinces, or a province and a city of another province
//     (广东江苏, 广东南京), is Ambiguous.
//   - An Ambiguous or Unknown location has province 0 and city 0: it is in no
//     province, city or region, and so never joins a group or matches a criterion.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace surveycalc::places {

/// Built-in region schemes (see docs/places.md).
/// Circles: 长三角 (上海 江苏 浙江 安徽), 珠三角 (nine cities of Guangdong), 京津冀.
/// Zones: NBS 东部 (10 provinces), 中部 (6), 西部 (12), 东北 (3).
enum class Scheme { Circles, Zones };

/// "circles" / "zones" (also 圈, 经济圈, 地带, 四大区域, 区域); nullopt otherwise.
std::optional<Scheme> scheme_named(std::string_view text);

/// The canonical region names of a scheme, in the order of docs/places.md.
std::vector<std::string> region_names(Scheme scheme);

/// What a cell's text names.
struct Location {
    enum class Status { Unknown, Resolved, Ambiguous };
    Status status = Status::Unknown;
    int province = 0;  // GB/T 2260 code of the province-level division, e.g. 440000; 0 if unknown
    int city = 0;      // GB/T 2260 code of the prefecture-level city, e.g. 440300; 0 if none
    bool resolved() const { return status == Status::Resolved; }
    friend bool operator==(const Location&, const Location&) = default;
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
    int code = 0;        // province or city code
    std::string region;  // region name for Kind::Region
    Scheme scheme = Scheme::Circles;
};

/// The area a criterion text names, if the gazetteer knows it: a region name
/// (长三角, 长江三角洲, Yangtze River Delta, 珠三角, 京津冀, 东部, 中部, 西部, 东北 ...),
/// or a text that locate() resolves exactly (nothing ignored) to a province or
/// a city. Unknown and ambiguous texts give nullopt.
std::optional<Area> area(std::string_view text);

/// True when the location lies inside the area (never for an unresolved one).
bool within(const Location& loc, const Area& a);

/// One division of the gazetteer.
struct Division {
    int code = 0;                   // GB/T 2260, six digits
    int province = 0;               // its province-level division (itself for a province)
    std::string_view name;          // full name: 内蒙古自治区, 延边朝鲜族自治州
    std::string_view short_name;    // 内蒙古, 延边 (the name itself when it has none)
    std::string_view abbreviation;  // one character, provinces only: 蒙
    std::string_view latin;         // pinyin (first of the Latin names): Nei Menggu, Xi'an
};

/// The 34 province-level divisions in code order.
const std::vector<Division>& provinces();
/// The prefecture-level divisions (地级市, 地区, 自治州, 盟) in code order.
const std::vector<Division>& cities();
/// A province or city by code; nullptr if none.
const Division* division(int code);

/// A user's own scheme: REGION(location; range) with a two-column range of
/// (place, region) rows. A row's place may be any text locate() or area()
/// knows (a province, a city, or a built-in region such as 长三角) or any other
/// label, matched as normalised text. A cell gets the region of, in this order:
/// the row whose place text equals the cell's text; the row naming the cell's
/// city; the row naming its province; the first row whose built-in region
/// contains it. Among rows naming the same thing the first wins.
class RegionMap {
   public:
    RegionMap() = default;
    explicit RegionMap(const std::vector<std::pair<std::string, std::string>>& rows);
    void add(std::string_view place, std::string_view region);
    /// Region for a cell's raw text; empty when no row applies.
    std::string region_of(std::string_view cell_text) const;
    /// Region for a located place (no text match); empty when no row applies.
    std::string region_of(const Location& loc) const;

   private:
    struct Row {
        std::string key;  // place-normalised text
        std::optional<Area> area;
        std::string region;
    };
    std::vector<Row> rows_;
};

/// The key locate() looks up: NFKC, trimmed, case folded, without spaces and
/// the separators listed above. Exposed for RegionMap and tests.
std::string place_key(std::string_view text);

}  // namespace surveycalc::places
