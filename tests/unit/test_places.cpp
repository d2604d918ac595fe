// Places: every province in every spelling, 100+ city strings, the ambiguity
// rules, regions of both schemes and within(). Expected codes and names are
// written by hand from data/gazetteer.tsv (GB/T 2260), not taken from the code.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "places.hpp"

using namespace surveycalc::places;

namespace {

struct ProvinceForms {
    int code;
    const char* full;
    std::vector<const char*> shorts;
    std::vector<const char*> abbrs;
    std::vector<const char*> latin;
    const char* zone;  // NBS zone, "" for Hong Kong, Macau, Taiwan
};

const std::vector<ProvinceForms>& province_table() {
    static const std::vector<ProvinceForms> t = {
        {110000, "北京市", {"北京"}, {"京"}, {"Beijing", "Peking"}, "东部"},
        {120000, "天津市", {"天津"}, {"津"}, {"Tianjin"}, "东部"},
        {130000, "河北省", {"河北", "河北省"}, {"冀"}, {"Hebei"}, "东部"},
        {140000, "山西省", {"山西"}, {"晋"}, {"Shanxi"}, "中部"},
        {150000,
         "内蒙古自治区",
         {"内蒙古", "内蒙", "内蒙古省"},
         {"蒙"},
         {"Inner Mongolia", "Nei Mongol", "Neimenggu", "Nei Menggu"},
         "西部"},
        {210000, "辽宁省", {"辽宁"}, {"辽"}, {"Liaoning"}, "东北"},
        {220000, "吉林省", {"吉林"}, {"吉"}, {"Jilin"}, "东北"},
        {230000, "黑龙江省", {"黑龙江"}, {"黑"}, {"Heilongjiang"}, "东北"},
        {310000, "上海市", {"上海"}, {"沪"}, {"Shanghai"}, "东部"},
        {320000, "江苏省", {"江苏"}, {"苏"}, {"Jiangsu"}, "东部"},
        {330000, "浙江省", {"浙江"}, {"浙"}, {"Zhejiang"}, "东部"},
        {340000, "安徽省", {"安徽"}, {"皖"}, {"Anhui"}, "中部"},
        {350000, "福建省", {"福建"}, {"闽"}, {"Fujian"}, "东部"},
        {360000, "江西省", {"江西"}, {"赣"}, {"Jiangxi"}, "中部"},
        {370000, "山东省", {"山东"}, {"鲁"}, {"Shandong"}, "东部"},
        {410000, "河南省", {"河南"}, {"豫"}, {"Henan"}, "中部"},
        {420000, "湖北省", {"湖北"}, {"鄂"}, {"Hubei"}, "中部"},
        {430000, "湖南省", {"湖南"}, {"湘"}, {"Hunan"}, "中部"},
        {440000, "广东省", {"广东"}, {"粤"}, {"Guangdong"}, "东部"},
        {450000, "广西壮族自治区", {"广西", "广西省", "广西自治区"}, {"桂"}, {"Guangxi"}, "西部"},
        {460000, "海南省", {"海南"}, {"琼"}, {"Hainan"}, "东部"},
        {500000, "重庆市", {"重庆"}, {"渝"}, {"Chongqing"}, "西部"},
        {510000, "四川省", {"四川"}, {"川", "蜀"}, {"Sichuan"}, "西部"},
        {520000, "贵州省", {"贵州"}, {"黔", "贵"}, {"Guizhou"}, "西部"},
        {530000, "云南省", {"云南"}, {"滇", "云"}, {"Yunnan"}, "西部"},
        {540000, "西藏自治区", {"西藏"}, {"藏"}, {"Xizang", "Tibet"}, "西部"},
        {610000, "陕西省", {"陕西"}, {"陕", "秦"}, {"Shaanxi"}, "西部"},
        {620000, "甘肃省", {"甘肃"}, {"甘", "陇"}, {"Gansu"}, "西部"},
        {630000, "青海省", {"青海"}, {"青"}, {"Qinghai"}, "西部"},
        {640000, "宁夏回族自治区", {"宁夏", "宁夏自治区"}, {"宁"}, {"Ningxia"}, "西部"},
        {650000, "新疆维吾尔自治区", {"新疆", "新疆自治区"}, {"新"}, {"Xinjiang"}, "西部"},
        {710000, "台湾省", {"台湾", "臺灣"}, {"台"}, {"Taiwan"}, ""},
        {810000, "香港特别行政区", {"香港"}, {"港"}, {"Hong Kong", "Hongkong", "Xianggang", "HK"}, ""},
        {820000, "澳门特别行政区", {"澳门", "澳門"}, {"澳"}, {"Macau", "Macao", "Aomen"}, ""},
    };
    return t;
}

// ASCII letters and digits to their full-width forms (U+FF01..U+FF5E); a space to U+3000.
std::string full_width(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == ' ') {
            out += "\u3000";
        } else if (c > ' ' && c < 0x7F) {
            unsigned cp = 0xFF01u + static_cast<unsigned>(c - '!');
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += c;
        }
    }
    return out;
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    return s;
}

void check_province(const std::string& text, int code, const char* full) {
    INFO("text: " << text);
    Location loc = locate(text);
    CHECK(loc.status == Location::Status::Resolved);
    CHECK(loc.province == code);
    CHECK(loc.city == 0);
    CHECK(province_name(loc) == full);
    CHECK(city_name(loc).empty());
}

struct CityCase {
    const char* text;
    int province;
    int city;
    const char* city_name;
};

// 120 strings; codes and canonical names from data/gazetteer.tsv.
const std::vector<CityCase>& city_cases() {
    static const std::vector<CityCase> t = {
        // Guangdong
        {"广州", 440000, 440100, "广州市"},
        {"广东深圳", 440000, 440300, "深圳市"},
        {"深圳市", 440000, 440300, "深圳市"},
        {"广东省深圳市", 440000, 440300, "深圳市"},
        {"  深圳 ", 440000, 440300, "深圳市"},
        {"广东 珠海", 440000, 440400, "珠海市"},
        {"汕头市", 440000, 440500, "汕头市"},
        {"广东省佛山市南海区", 440000, 440600, "佛山市"},
        {"江门", 440000, 440700, "江门市"},
        {"湛江市", 440000, 440800, "湛江市"},
        {"肇庆", 440000, 441200, "肇庆市"},
        {"\u3000惠州市\u3000", 440000, 441300, "惠州市"},
        {"东莞", 440000, 441900, "东莞市"},
        {"广东中山", 440000, 442000, "中山市"},
        {"潮州市", 440000, 445100, "潮州市"},
        {"深圳南山区", 440000, 440300, "深圳市"},
        {"深圳市福田区", 440000, 440300, "深圳市"},
        // Jiangsu
        {"江苏南京", 320000, 320100, "南京市"},
        {"南京市", 320000, 320100, "南京市"},
        {"无锡", 320000, 320200, "无锡市"},
        {"江苏省徐州市", 320000, 320300, "徐州市"},
        {"常州", 320000, 320400, "常州市"},
        {"江苏·苏州", 320000, 320500, "苏州市"},
        {"苏州市工业园区", 320000, 320500, "苏州市"},
        {"南通市", 320000, 320600, "南通市"},
        {"连云港", 320000, 320700, "连云港市"},
        {"盐城", 320000, 320900, "盐城市"},
        {"扬州市", 320000, 321000, "扬州市"},
        {"江苏泰州", 320000, 321200, "泰州市"},
        {"宿迁", 320000, 321300, "宿迁市"},
        // Zhejiang
        {"杭州", 330000, 330100, "杭州市"},
        {"浙江 杭州", 330000, 330100, "杭州市"},
        {"浙江省宁波市", 330000, 330200, "宁波市"},
        {"温州市", 330000, 330300, "温州市"},
        {"嘉兴", 330000, 330400, "嘉兴市"},
        {"湖州", 330000, 330500, "湖州市"},
        {"绍兴市", 330000, 330600, "绍兴市"},
        {"金华", 330000, 330700, "金华市"},
        {"舟山", 330000, 330900, "舟山市"},
        {"浙江台州", 330000, 331000, "台州市"},
        {"丽水市", 330000, 331100, "丽水市"},
        // Anhui
        {"合肥", 340000, 340100, "合肥市"},
        {"安徽芜湖", 340000, 340200, "芜湖市"},
        {"马鞍山市", 340000, 340500, "马鞍山市"},
        {"阜阳", 340000, 341200, "阜阳市"},
        {"亳州市", 340000, 341600, "亳州市"},
        // Hebei, Shanxi, Shaanxi, Inner Mongolia
        {"石家庄", 130000, 130100, "石家庄市"},
        {"河北唐山", 130000, 130200, "唐山市"},
        {"保定市", 130000, 130600, "保定市"},
        {"廊坊", 130000, 131000, "廊坊市"},
        {"张家口市", 130000, 130700, "张家口市"},
        {"太原", 140000, 140100, "太原市"},
        {"山西大同", 140000, 140200, "大同市"},
        {"晋中市", 140000, 140700, "晋中市"},
        {"运城", 140000, 140800, "运城市"},
        {"西安", 610000, 610100, "西安市"},
        {"陕西省西安市", 610000, 610100, "西安市"},
        {"宝鸡市", 610000, 610300, "宝鸡市"},
        {"咸阳", 610000, 610400, "咸阳市"},
        {"陕西延安", 610000, 610600, "延安市"},
        {"榆林", 610000, 610800, "榆林市"},
        {"呼和浩特", 150000, 150100, "呼和浩特市"},
        {"内蒙古包头", 150000, 150200, "包头市"},
        {"鄂尔多斯市", 150000, 150600, "鄂尔多斯市"},
        {"兴安盟", 150000, 152200, "兴安盟"},
        {"锡林郭勒", 150000, 152500, "锡林郭勒盟"},
        {"内蒙古自治区阿拉善盟", 150000, 152900, "阿拉善盟"},
        // North-east
        {"沈阳", 210000, 210100, "沈阳市"},
        {"辽宁大连", 210000, 210200, "大连市"},
        {"鞍山市", 210000, 210300, "鞍山市"},
        {"朝阳市", 210000, 211300, "朝阳市"},
        {"长春", 220000, 220100, "长春市"},
        {"吉林市", 220000, 220200, "吉林市"},
        {"吉林省吉林市", 220000, 220200, "吉林市"},
        {"延边朝鲜族自治州", 220000, 222400, "延边朝鲜族自治州"},
        {"延边", 220000, 222400, "延边朝鲜族自治州"},
        {"延边州", 220000, 222400, "延边朝鲜族自治州"},
        {"哈尔滨", 230000, 230100, "哈尔滨市"},
        {"黑龙江齐齐哈尔", 230000, 230200, "齐齐哈尔市"},
        {"大庆市", 230000, 230600, "大庆市"},
        {"大兴安岭地区", 230000, 232700, "大兴安岭地区"},
        // South-east and centre
        {"福州", 350000, 350100, "福州市"},
        {"福建厦门", 350000, 350200, "厦门市"},
        {"泉州市", 350000, 350500, "泉州市"},
        {"南昌", 360000, 360100, "南昌市"},
        {"江西赣州", 360000, 360700, "赣州市"},
        {"济南", 370000, 370100, "济南市"},
        {"山东省青岛市", 370000, 370200, "青岛市"},
        {"烟台", 370000, 370600, "烟台市"},
        {"郑州", 410000, 410100, "郑州市"},
        {"河南洛阳", 410000, 410300, "洛阳市"},
        {"武汉", 420000, 420100, "武汉市"},
        {"湖北武汉", 420000, 420100, "武汉市"},
        {"湖北省宜昌市", 420000, 420500, "宜昌市"},
        {"襄阳", 420000, 420600, "襄阳市"},
        {"恩施州", 420000, 422800, "恩施土家族苗族自治州"},
        {"长沙", 430000, 430100, "长沙市"},
        {"湖南株洲", 430000, 430200, "株洲市"},
        {"湘西土家族苗族自治州", 430000, 433100, "湘西土家族苗族自治州"},
        // South-west and west
        {"南宁", 450000, 450100, "南宁市"},
        {"广西桂林市", 450000, 450300, "桂林市"},
        {"广西壮族自治区柳州市", 450000, 450200, "柳州市"},
        {"海口", 460000, 460100, "海口市"},
        {"海南三亚", 460000, 460200, "三亚市"},
        {"儋州市", 460000, 460400, "儋州市"},
        {"成都", 510000, 510100, "成都市"},
        {"四川省成都市武侯区", 510000, 510100, "成都市"},
        {"绵阳", 510000, 510700, "绵阳市"},
        {"凉山州", 510000, 513400, "凉山彝族自治州"},
        {"阿坝", 510000, 513200, "阿坝藏族羌族自治州"},
        {"贵阳", 520000, 520100, "贵阳市"},
        {"贵州遵义", 520000, 520300, "遵义市"},
        {"黔东南", 520000, 522600, "黔东南苗族侗族自治州"},
        {"昆明", 530000, 530100, "昆明市"},
        {"云南大理", 530000, 532900, "大理白族自治州"},
        {"西双版纳", 530000, 532800, "西双版纳傣族自治州"},
        {"丽江市", 530000, 530700, "丽江市"},
        {"拉萨", 540000, 540100, "拉萨市"},
        {"西藏日喀则", 540000, 540200, "日喀则市"},
        {"阿里地区", 540000, 542500, "阿里地区"},
        {"兰州", 620000, 620100, "兰州市"},
        {"甘肃天水", 620000, 620500, "天水市"},
        {"临夏州", 620000, 622900, "临夏回族自治州"},
        {"西宁", 630000, 630100, "西宁市"},
        {"青海海东", 630000, 630200, "海东市"},
        {"海南州", 630000, 632500, "海南藏族自治州"},
        {"青海海南藏族自治州", 630000, 632500, "海南藏族自治州"},
        {"海西", 630000, 632800, "海西蒙古族藏族自治州"},
        {"银川", 640000, 640100, "银川市"},
        {"宁夏中卫", 640000, 640500, "中卫市"},
        {"乌鲁木齐", 650000, 650100, "乌鲁木齐市"},
        {"新疆乌鲁木齐市", 650000, 650100, "乌鲁木齐市"},
        {"克拉玛依", 650000, 650200, "克拉玛依市"},
        {"喀什地区", 650000, 653100, "喀什地区"},
        {"伊犁", 650000, 654000, "伊犁哈萨克自治州"},
        {"和田", 650000, 653200, "和田地区"},
        {"巴音郭楞蒙古自治州", 650000, 652800, "巴音郭楞蒙古自治州"},
        // Codes
        {"440300", 440000, 440300, "深圳市"},
        {"440305", 440000, 440300, "深圳市"},
        {"３２０１００", 320000, 320100, "南京市"},
    };
    return t;
}

Location L(const char* s) { return locate(s); }

}  // namespace

TEST_CASE("places: the gazetteer has 34 province-level and 333 prefecture-level divisions") {
    REQUIRE(provinces().size() == 34);
    CHECK(cities().size() == 333);
    CHECK(provinces().front().code == 110000);
    CHECK(provinces().back().code == 820000);
    REQUIRE(division(440300) != nullptr);
    CHECK(division(440300)->name == "深圳市");
    CHECK(division(440300)->province == 440000);
    CHECK(division(440300)->short_name == "深圳");
    CHECK(division(150000)->abbreviation == "蒙");
    CHECK(division(222400)->short_name == "延边");
    CHECK(division(999999) == nullptr);
    for (const ProvinceForms& p : province_table()) {
        INFO(p.full);
        REQUIRE(division(p.code) != nullptr);
        CHECK(division(p.code)->name == p.full);
    }
}

TEST_CASE("places: every province in every spelling") {
    for (const ProvinceForms& p : province_table()) {
        check_province(p.full, p.code, p.full);
        check_province(std::string(" ") + p.full + "\u3000", p.code, p.full);
        for (const char* s : p.shorts) check_province(s, p.code, p.full);
        for (const char* s : p.abbrs) check_province(s, p.code, p.full);
        for (const char* s : p.latin) {
            std::string l = s;
            check_province(l, p.code, p.full);
            check_province(upper(l), p.code, p.full);
            check_province(full_width(l), p.code, p.full);
            check_province("  " + l + " ", p.code, p.full);
        }
    }
}

TEST_CASE("places: Latin spellings with separators and suffixes") {
    check_province("inner-mongolia", 150000, "内蒙古自治区");
    check_province("INNER  MONGOLIA", 150000, "内蒙古自治区");
    check_province("Guangdong Province", 440000, "广东省");
    check_province("Guangdong Sheng", 440000, "广东省");
    check_province("Chongqing Shi", 500000, "重庆市");
    check_province("Beijing City", 110000, "北京市");
    check_province("Hong Kong SAR", 810000, "香港特别行政区");
    check_province("中国广东", 440000, "广东省");
    check_province("China - Shanghai", 310000, "上海市");
}

TEST_CASE("places: Shanxi and Shaanxi are different provinces") {
    CHECK(L("Shanxi").province == 140000);
    CHECK(L("Shaanxi").province == 610000);
    CHECK(L("山西").province == 140000);
    CHECK(L("陕西").province == 610000);
    CHECK(L("晋").province == 140000);
    CHECK(L("陕").province == 610000);
    CHECK(province_name(L("SHAANXI")) == "陕西省");
    CHECK(province_name(L("shanxi")) == "山西省");
    CHECK(region_name(L("Shanxi"), Scheme::Zones) == "中部");
    CHECK(region_name(L("Shaanxi"), Scheme::Zones) == "西部");
}

TEST_CASE("places: at least 100 city strings in mixed forms") {
    REQUIRE(city_cases().size() >= 100);
    for (const CityCase& c : city_cases()) {
        for (const std::string& text : {std::string(c.text), full_width(c.text)}) {
            INFO("text: " << text);
            Location loc = locate(text);
            CHECK(loc.status == Location::Status::Resolved);
            CHECK(loc.province == c.province);
            CHECK(loc.city == c.city);
            CHECK(city_name(loc) == c.city_name);
        }
    }
}

TEST_CASE("places: every gazetteer city resolves by its full and short name") {
    for (const Division& d : cities()) {
        INFO(d.name);
        Location full = locate(d.name);
        CHECK(full.resolved());
        CHECK(full.city == d.code);
        CHECK(full.province == d.province);
        if (d.short_name != d.name) CHECK(locate(d.short_name).city == d.code);
    }
}

TEST_CASE("places: one-character abbreviations only as the whole cell") {
    CHECK(L("渝").province == 500000);
    CHECK(L("粤").province == 440000);
    CHECK(L("蒙").province == 150000);
    CHECK(L("渝北").status == Location::Status::Unknown);
    CHECK(L("粤深圳").status == Location::Status::Unknown);
}

TEST_CASE("places: 吉林 and 海南 ambiguity as documented") {
    Location jilin = L("吉林");
    CHECK(jilin.status == Location::Status::Resolved);
    CHECK(jilin.province == 220000);
    CHECK(jilin.city == 0);
    CHECK(province_name(jilin) == "吉林省");
    CHECK(city_name(jilin).empty());
    CHECK(L("吉林市").city == 220200);
    CHECK(L("吉林吉林").city == 220200);
    CHECK(L("吉林省吉林市").city == 220200);
    CHECK(L("吉林市船营区").city == 220200);
    CHECK(L("吉林长春").city == 220100);

    Location hainan = L("海南");
    CHECK(hainan.status == Location::Status::Resolved);
    CHECK(hainan.province == 460000);
    CHECK(hainan.city == 0);
    CHECK(L("海南州").province == 630000);
    CHECK(L("海南海口").city == 460100);

    REQUIRE(area("吉林"));
    CHECK(area("吉林")->kind == Area::Kind::Province);
    CHECK(area("吉林")->code == 220000);
    CHECK(area("吉林市")->kind == Area::Kind::City);
    CHECK(area("吉林市")->code == 220200);
    CHECK(within(L("吉林市"), *area("吉林")));
    CHECK(within(L("延边"), *area("吉林")));
    CHECK_FALSE(within(L("吉林"), *area("吉林市")));
}

TEST_CASE("places: contradictory texts are ambiguous and join nothing") {
    for (const char* s : {"广东南京", "广东江苏", "广东省南京市玄武区", "浙江苏州"}) {
        INFO(s);
        Location loc = locate(s);
        CHECK(loc.status == Location::Status::Ambiguous);
        CHECK(loc.province == 0);
        CHECK(loc.city == 0);
        CHECK(province_name(loc).empty());
        CHECK(city_name(loc).empty());
        CHECK(region_name(loc, Scheme::Circles).empty());
        CHECK(region_name(loc, Scheme::Zones).empty());
        CHECK_FALSE(within(loc, *area("广东")));
        CHECK_FALSE(within(loc, *area("江苏")));
        CHECK_FALSE(within(loc, *area("长三角")));
        CHECK_FALSE(within(loc, *area("东部")));
        CHECK_FALSE(area(s).has_value());
    }
}

TEST_CASE("places: unknown texts") {
    for (const char* s : {"", "   ", "火星", "n/a", "不清楚", "99", "昆山", "Kunshan", "Yiwu", "广", "渝北",
                          "Shenzen", "Fujian Nanshan", "Hebrew", "Tibetan"}) {
        INFO(s);
        Location loc = locate(s);
        CHECK(loc.status == Location::Status::Unknown);
        CHECK(loc.province == 0);
        CHECK(province_name(loc).empty());
        CHECK_FALSE(area(s).has_value());
    }
}

namespace {

// City pinyin and English names; codes written by hand from GB/T 2260 (data/gazetteer.tsv).
const std::vector<CityCase>& latin_city_cases() {
    static const std::vector<CityCase> t = {
        {"Shenzhen", 440000, 440300, "深圳市"},
        {"SHENZHEN", 440000, 440300, "深圳市"},
        {"Kunming", 530000, 530100, "昆明市"},
        {"Chengdu", 510000, 510100, "成都市"},
        {"nanjing", 320000, 320100, "南京市"},
        {"Ｗｕｈａｎ", 420000, 420100, "武汉市"},
        {"\u3000Ｘｉａｍｅｎ ", 350000, 350200, "厦门市"},
        {"Changsha", 430000, 430100, "长沙市"},
        {"Changzhi", 140000, 140400, "长治市"},
        {"Bengbu", 340000, 340300, "蚌埠市"},
        {"Lu'an", 340000, 341500, "六安市"},
        {"Luan", 340000, 341500, "六安市"},
        {"Leshan", 510000, 511100, "乐山市"},
        {"Dongguan", 440000, 441900, "东莞市"},
        {"Qingdao", 370000, 370200, "青岛市"},
        {"Xi'an", 610000, 610100, "西安市"},
        {"Xian", 610000, 610100, "西安市"},
        {"Xi’an", 610000, 610100, "西安市"},
        {"Xi-an", 610000, 610100, "西安市"},
        {"Harbin", 230000, 230100, "哈尔滨市"},
        {"Haerbin", 230000, 230100, "哈尔滨市"},
        {"Urumqi", 650000, 650100, "乌鲁木齐市"},
        {"Wulumuqi", 650000, 650100, "乌鲁木齐市"},
        {"Hohhot", 150000, 150100, "呼和浩特市"},
        {"Lhasa", 540000, 540100, "拉萨市"},
        {"Kashgar", 650000, 653100, "喀什地区"},
        {"Kashi", 650000, 653100, "喀什地区"},
        {"Changdu", 540000, 540300, "昌都市"},
        {"Lüliang", 140000, 141100, "吕梁市"},
        {"Lvliang", 140000, 141100, "吕梁市"},
        {"Yanbian", 220000, 222400, "延边朝鲜族自治州"},
        {"Ma'anshan", 340000, 340500, "马鞍山市"},
        {"Shenzhen City", 440000, 440300, "深圳市"},
        {"Kunming Shi", 530000, 530100, "昆明市"},
        {"Jilin City", 220000, 220200, "吉林市"},
        {"Jilin Jilin", 220000, 220200, "吉林市"},
        {"Jilin Changchun", 220000, 220100, "长春市"},
        {"Qinghai Hainan", 630000, 632500, "海南藏族自治州"},
        {"Guangdong Shenzhen", 440000, 440300, "深圳市"},
        {"Shenzhen, Guangdong", 440000, 440300, "深圳市"},
        {"广东 Shenzhen", 440000, 440300, "深圳市"},
        // Shared Latin names, told apart by a province before or after them.
        {"Fujian Fuzhou", 350000, 350100, "福州市"},
        {"Fuzhou, Fujian Province", 350000, 350100, "福州市"},
        {"Jiangxi Fuzhou", 360000, 361000, "抚州市"},
        {"Jiangsu Suzhou", 320000, 320500, "苏州市"},
        {"Anhui Suzhou", 340000, 341300, "宿州市"},
        {"Suzhou, Anhui", 340000, 341300, "宿州市"},
        {"Zhejiang Taizhou", 330000, 331000, "台州市"},
        {"Jiangsu Taizhou City", 320000, 321200, "泰州市"},
        {"Heilongjiang Yichun", 230000, 230700, "伊春市"},
        {"Jiangxi Yichun", 360000, 360900, "宜春市"},
        {"Guangxi Yulin", 450000, 450900, "玉林市"},
        {"Shaanxi Yulin", 610000, 610800, "榆林市"},
        {"福建Fuzhou", 350000, 350100, "福州市"},
    };
    return t;
}

}  // namespace

TEST_CASE("places: city pinyin and English names") {
    for (const CityCase& c : latin_city_cases()) {
        for (const std::string& text : {std::string(c.text), full_width(c.text), upper(c.text)}) {
            INFO("text: " << text);
            Location loc = locate(text);
            CHECK(loc.status == Location::Status::Resolved);
            CHECK(loc.province == c.province);
            CHECK(loc.city == c.city);
            CHECK(city_name(loc) == c.city_name);
        }
    }
    CHECK(std::string(division(350200)->latin) == "Xiamen");
    CHECK(std::string(division(610100)->latin) == "Xi'an");
    REQUIRE(area("Shenzhen"));
    CHECK(area("Shenzhen")->kind == Area::Kind::City);
    CHECK(area("Shenzhen")->code == 440300);
    CHECK(within(L("深圳市南山区"), *area("Shenzhen")));
    CHECK(region_name(L("Dongguan"), Scheme::Circles) == "珠三角");
    CHECK(region_name(L("Qingdao"), Scheme::Circles).empty());
}

TEST_CASE("places: Latin names shared by two cities are ambiguous without a province") {
    for (const char* s :
         {"Suzhou", "SUZHOU", "Ｆｕｚｈｏｕ", "fuzhou", "Taizhou", "Yichun", "Yulin", "Suzhou City",
          "Guangdong Suzhou", "Fujian Nanjing", "Nanjing, Guangdong", "Guangdong Jiangsu"}) {
        INFO(s);
        Location loc = locate(s);
        CHECK(loc.status == Location::Status::Ambiguous);
        CHECK(loc.province == 0);
        CHECK(loc.city == 0);
        CHECK_FALSE(area(s).has_value());
    }
}

TEST_CASE("places: a city Latin name equal to a province's is the province") {
    for (const char* s : {"Jilin", "JILIN", "Jilin Province"}) {
        INFO(s);
        Location loc = locate(s);
        CHECK(loc.status == Location::Status::Resolved);
        CHECK(loc.province == 220000);
        CHECK(loc.city == 0);
    }
    Location hainan = L("Hainan");
    CHECK(hainan.province == 460000);
    CHECK(hainan.city == 0);
    CHECK(L("Hainan Hainan").province == 460000);
    CHECK(L("Hainan Hainan").city == 0);
    CHECK(L("Hainan City").city == 0);  // 海南州 is no 市
    CHECK(L("Hainan Haikou").city == 460100);
    REQUIRE(area("Jilin"));
    CHECK(area("Jilin")->kind == Area::Kind::Province);
}

TEST_CASE("places: a province followed by text that is no city of it") {
    Location loc = L("北京朝阳区");  // a district of Beijing, not Liaoning's 朝阳市
    CHECK(loc.status == Location::Status::Resolved);
    CHECK(loc.province == 110000);
    CHECK(loc.city == 0);
    CHECK(L("天津河北区").province == 120000);  // a district of Tianjin, not Hebei
    CHECK(L("广东省南山区").province == 440000);
    CHECK(L("广东省南山区").city == 0);
    CHECK(L("大连中山区").city == 210200);  // not Guangdong's 中山市
    CHECK(L("朝阳区").status == Location::Status::Unknown);
    CHECK_FALSE(area("北京朝阳区").has_value());  // a criterion must name the place exactly
}

TEST_CASE("places: circles scheme") {
    for (const char* s : {"上海", "江苏", "浙江", "安徽", "苏州", "浙江杭州", "合肥市", "沪", "Anhui"}) {
        INFO(s);
        CHECK(region_name(locate(s), Scheme::Circles) == "长三角");
    }
    for (const char* s : {"广州", "深圳", "珠海", "佛山", "惠州", "东莞", "中山", "江门", "肇庆"}) {
        INFO(s);
        CHECK(region_name(locate(s), Scheme::Circles) == "珠三角");
        CHECK(region_name(locate(std::string("广东省") + s + "市"), Scheme::Circles) == "珠三角");
    }
    for (const char* s : {"北京", "天津", "河北", "保定", "石家庄市", "冀", "Tianjin"}) {
        INFO(s);
        CHECK(region_name(locate(s), Scheme::Circles) == "京津冀");
    }
    for (const char* s :
         {"广东", "粤", "Guangdong", "汕头", "湛江", "山东", "香港", "重庆", "江西", "火星"}) {
        INFO(s);
        CHECK(region_name(locate(s), Scheme::Circles).empty());
    }
    CHECK(region_names(Scheme::Circles) == std::vector<std::string>{"长三角", "珠三角", "京津冀"});
}

TEST_CASE("places: NBS zones scheme") {
    int east = 0, central = 0, west = 0, northeast = 0, none = 0;
    for (const ProvinceForms& p : province_table()) {
        INFO(p.full);
        std::string z = region_name(locate(p.full), Scheme::Zones);
        CHECK(z == p.zone);
        east += z == "东部";
        central += z == "中部";
        west += z == "西部";
        northeast += z == "东北";
        none += z.empty();
    }
    CHECK(east == 10);
    CHECK(central == 6);
    CHECK(west == 12);
    CHECK(northeast == 3);
    CHECK(none == 3);
    CHECK(region_name(L("深圳"), Scheme::Zones) == "东部");
    CHECK(region_name(L("延边"), Scheme::Zones) == "东北");
    CHECK(region_name(L("Inner Mongolia"), Scheme::Zones) == "西部");
    CHECK(region_names(Scheme::Zones) == std::vector<std::string>{"东部", "中部", "西部", "东北"});
}

TEST_CASE("places: area() names provinces, cities and regions") {
    auto a = area("广东省");
    REQUIRE(a);
    CHECK(a->kind == Area::Kind::Province);
    CHECK(a->code == 440000);
    CHECK(area("粤")->code == 440000);
    CHECK(area("Guangdong")->code == 440000);
    CHECK(area("深圳")->kind == Area::Kind::City);
    CHECK(area("深圳")->code == 440300);
    CHECK(area("广东深圳")->code == 440300);
    for (const char* s :
         {"长三角", "长江三角洲", "Yangtze River Delta", "ＹＡＮＧＴＺＥ ＲＩＶＥＲ ＤＥＬＴＡ"}) {
        INFO(s);
        REQUIRE(area(s));
        CHECK(area(s)->kind == Area::Kind::Region);
        CHECK(area(s)->region == "长三角");
        CHECK(area(s)->scheme == Scheme::Circles);
    }
    CHECK(area("珠江三角洲")->region == "珠三角");
    CHECK(area("Pearl River Delta")->region == "珠三角");
    CHECK(area("京津冀")->region == "京津冀");
    for (const char* s : {"东部", "中部", "西部", "东北"}) {
        INFO(s);
        REQUIRE(area(s));
        CHECK(area(s)->kind == Area::Kind::Region);
        CHECK(area(s)->region == s);
        CHECK(area(s)->scheme == Scheme::Zones);
    }
    CHECK(area("东部地区")->region == "东部");
    CHECK_FALSE(area("是").has_value());
    CHECK_FALSE(area("5").has_value());
}

TEST_CASE("places: within() for province, city and region areas") {
    Area guangdong = *area("广东省");
    for (const char* s : {"广东深圳", "深圳市", "Guangdong", "粤", "广东", "汕头", "ＧＵＡＮＧＤＯＮＧ"}) {
        INFO(s);
        CHECK(within(locate(s), guangdong));
    }
    for (const char* s : {"广西", "桂林", "江苏南京", "火星", "广东南京"}) {
        INFO(s);
        CHECK_FALSE(within(locate(s), guangdong));
    }
    Area shenzhen = *area("深圳");
    CHECK(within(L("广东省深圳市南山区"), shenzhen));
    CHECK(within(L("440305"), shenzhen));
    CHECK_FALSE(within(L("广东"), shenzhen));
    CHECK_FALSE(within(L("广州"), shenzhen));

    Area prd = *area("珠三角");
    CHECK(within(L("东莞"), prd));
    CHECK(within(L("广东省肇庆市"), prd));
    CHECK_FALSE(within(L("广东"), prd));  // a province alone is not in the nine cities
    CHECK_FALSE(within(L("汕头"), prd));
    CHECK_FALSE(within(L("香港"), prd));

    Area yrd = *area("长三角");
    CHECK(within(L("安徽"), yrd));
    CHECK(within(L("合肥"), yrd));
    CHECK(within(L("上海"), yrd));
    CHECK_FALSE(within(L("山东"), yrd));

    Area jjj = *area("京津冀");
    CHECK(within(L("保定"), jjj));
    CHECK_FALSE(within(L("山西"), jjj));

    Area northeast = *area("东北");
    CHECK(within(L("吉林"), northeast));
    CHECK(within(L("大兴安岭地区"), northeast));
    CHECK_FALSE(within(L("内蒙古"), northeast));
    Area central = *area("中部");
    CHECK(within(L("Shanxi"), central));
    CHECK_FALSE(within(L("Shaanxi"), central));
    Area west = *area("西部");
    CHECK(within(L("重庆"), west));
    CHECK_FALSE(within(L("台湾"), west));
}

TEST_CASE("places: scheme names") {
    CHECK(scheme_named("circles") == Scheme::Circles);
    CHECK(scheme_named(" Circles ") == Scheme::Circles);
    CHECK(scheme_named("ZONES") == Scheme::Zones);
    CHECK_FALSE(scheme_named("provinces").has_value());
}

TEST_CASE("places: a user's own mapping of places to regions") {
    RegionMap m({{"广东", "华南"}, {"深圳", "特区"}, {"长三角", "华东"}, {"其他", "其他"}, {"广西", "华南"}});
    CHECK(m.region_of(std::string_view("广州")) == "华南");  // by province
    CHECK(m.region_of(std::string_view("广东省深圳市")) ==
          "特区");                                           // the city row wins over the province row
    CHECK(m.region_of(std::string_view("苏州")) == "华东");  // by built-in region
    CHECK(m.region_of(std::string_view("Anhui")) == "华东");
    CHECK(m.region_of(std::string_view(" 其他 ")) == "其他");  // a plain label
    CHECK(m.region_of(std::string_view("桂")) == "华南");
    CHECK(m.region_of(std::string_view("火星")).empty());
    CHECK(m.region_of(std::string_view("山东")).empty());
    CHECK(m.region_of(std::string_view("广东南京")).empty());  // ambiguous: no region
    CHECK(m.region_of(L("东莞")) == "华南");
}
