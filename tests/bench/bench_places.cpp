// Prints the cost of places::locate per cell over 1M mixed place strings
// (full and short names, abbreviations, pinyin, province+city, full-width,
// stray spaces, unknown text), then Latin city names and unknown Latin text.
// Run: build/tests/bench/bench_places [cells]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "places.hpp"

int main(int argc, char** argv) {
    using namespace surveycalc;
    std::size_t n = argc > 1 ? static_cast<std::size_t>(std::strtoull(argv[1], nullptr, 10)) : 1000000;
    const std::vector<std::string> forms = {
        "重庆",
        "重庆市",
        "Chongqing",
        "渝",
        "广东深圳",
        "深圳市",
        "江苏南京",
        "Inner Mongolia",
        "Nei Mongol",
        "内蒙古",
        "广西壮族自治区",
        "广东省深圳市",
        " 上海 ",
        "ＳＨＡＮＧＨＡＩ",
        "Shaanxi",
        "山西",
        "吉林",
        "延边朝鲜族自治州",
        "浙江 杭州",
        "苏州",
        "广东省深圳市南山区",
        "火星",
        "n/a",
        "Hong Kong",
        "北京朝阳区",
        "湖北武汉",
        "成都",
        "四川省成都市",
        "粤",
        "杭州市",
    };
    std::vector<std::string> cells;
    cells.reserve(n);
    // Add the cities' own names too, so the mix is not only a few hot keys.
    std::vector<std::string> pool = forms;
    for (const auto& c : places::cities()) {
        pool.emplace_back(c.name);
        pool.emplace_back(c.short_name);
    }
    for (std::size_t i = 0; i < n; ++i) cells.push_back(pool[(i * 7919) % pool.size()]);

    long long sum = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (const std::string& s : cells) {
        places::Location loc = places::locate(s);
        sum += loc.province + loc.city + static_cast<int>(loc.status);
    }
    auto t1 = std::chrono::steady_clock::now();
    double ns = std::chrono::duration<double, std::nano>(t1 - t0).count();
    std::printf("bench_places: %zu cells, %.1f ns/cell (checksum %lld)\n", n, ns / static_cast<double>(n),
                sum);

    // The forms alone (no city names), for the worst mix of prefix parsing.
    t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < n; ++i) {
        places::Location loc = places::locate(forms[i % forms.size()]);
        sum += loc.province;
    }
    t1 = std::chrono::steady_clock::now();
    ns = std::chrono::duration<double, std::nano>(t1 - t0).count();
    std::printf("bench_places: %zu cells of typed forms only, %.1f ns/cell (checksum %lld)\n", n,
                ns / static_cast<double>(n), sum);

    // Latin city names: every city's pinyin, shared names, province + city in
    // either order, and ASCII text that names nothing (the slowest path: every
    // Latin prefix length is tried).
    std::vector<std::string> latin = {"Fujian Fuzhou",
                                      "Fuzhou, Fujian",
                                      "Suzhou",
                                      "Shenzhen City",
                                      "Ｗｕｈａｎ",
                                      "Xi'an",
                                      "Harbin",
                                      "n/a",
                                      "Kunshan",
                                      "not known",
                                      "Guangdong Nanshan District"};
    for (const auto& c : places::cities()) latin.emplace_back(c.latin);
    t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < n; ++i) {
        places::Location loc = places::locate(latin[(i * 7919) % latin.size()]);
        sum += loc.province;
    }
    t1 = std::chrono::steady_clock::now();
    ns = std::chrono::duration<double, std::nano>(t1 - t0).count();
    std::printf("bench_places: %zu cells of Latin city names, %.1f ns/cell (checksum %lld)\n", n,
                ns / static_cast<double>(n), sum);
    std::vector<std::string> misses = {"not known",       "Guangdong Nanshan District",
                                       "Kunshan",         "Shenzhen Nanshan",
                                       "Beijing Haidian", "unknownplacename"};
    t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < n; ++i) {
        places::Location loc = places::locate(misses[i % misses.size()]);
        sum += static_cast<int>(loc.status);
    }
    t1 = std::chrono::steady_clock::now();
    ns = std::chrono::duration<double, std::nano>(t1 - t0).count();
    std::printf("bench_places: %zu cells of unknown Latin text, %.1f ns/cell (checksum %lld)\n", n,
                ns / static_cast<double>(n), sum);
    return 0;
}
