// Prints what the statistics cost in core per row, and the ratio of one
// CROSSTAB pass to the same table built from one MENTIONRATE call per cell
// (what an analyst's grid of formulas does). Run by hand:
//   build/tests/bench/bench_functions [rows]
// It prints; it never fails.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "answers.hpp"
#include "surveycalc/functions.hpp"

using namespace surveycalc;
using Clock = std::chrono::steady_clock;

namespace {

template <class F>
double seconds(F&& f, int reps = 3) {
    double best = 1e300;
    for (int i = 0; i < reps; ++i) {
        auto t0 = Clock::now();
        f();
        best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
    }
    return best;
}

Arg range(const Block& b) { return Arg{true, b}; }
Arg lit(const char* s) { return Arg{false, Block::scalar(Cell::of(std::string(s)))}; }

}  // namespace

int main(int argc, char** argv) {
    std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 200000;
    std::mt19937 rng(7);
    const char* places[] = {"重庆",   "重庆市", "上海",     "Shanghai", "广东深圳",
                            "深圳市", "北京",   "江苏南京", "浙江杭州", "湖北"};
    const char* labels[] = {"外地员工返岗需隔离",   "上下游产业链难以协同复工",
                            "防护资源难以充足准备", "当地政府严格限制开复工",
                            "客户资源受损",         "远程办公无法实现"};
    std::vector<Cell> score(n), place(n), resp(n);
    for (std::size_t i = 0; i < n; ++i) {
        score[i] = Cell::of(static_cast<double>(rng() % 11));
        place[i] = Cell::of(std::string(places[rng() % 10]));
        std::string r;
        for (int k = 0; k < 6; ++k)
            if (rng() % 3 == 0) r += (r.empty() ? "" : "、") + std::string(labels[k]);
        resp[i] = Cell::of(r);
    }
    Block s = Block::column(score), p = Block::column(place), r = Block::column(resp);

    // First call on a column: parses it (what a cold figure pays once per
    // column); then the column's parsed views are kept with the block, as the
    // add-in's column cache keeps them across calls.
    double t_mean_first = seconds([&] { (void)fn::difficulty(Block(s), {}); }, 1);
    double t_mention_first =
        seconds([&] { (void)fn::mention_rate(Block(r), Cell::of(std::string(labels[2])), {}); }, 1);
    double t_split = seconds([&] {
        std::size_t answers = 0;
        for (const Cell& c : resp) answers += split_answers(c, nullptr).size();
        if (answers == 0) std::printf("(no answers)\n");
    });
    // What MentionMatcher runs on a cell: the zero-copy keys, split_answers when
    // the cell needs Unicode work (none of these do).
    double t_keys = seconds([&] {
        std::size_t answers = 0;
        std::vector<std::string_view> keys;
        for (const Cell& c : resp) {
            if (c.is_text() && plain_answer_keys(c.text, nullptr, keys))
                answers += keys.size();
            else
                answers += split_answers(c, nullptr).size();
        }
        if (answers == 0) std::printf("(no answers)\n");
    });
    // The floor of any tokeniser: one pass over the cells' bytes doing nothing but a compare.
    std::size_t bytes = 0;
    for (const Cell& c : resp) bytes += c.text.size();
    double t_bytes = seconds([&] {
        std::size_t hits = 0;
        for (const Cell& c : resp)
            for (char ch : c.text) hits += ch == '\x81';
        if (hits == 0) std::printf("(no 、)\n");
    });
    double t_mean = seconds([&] { (void)fn::difficulty(s, {}); });
    double t_crit = seconds([&] { (void)fn::difficulty(s, {range(p), lit("长三角")}); });
    double t_mention = seconds([&] { (void)fn::mention_rate(r, Cell::of(std::string(labels[2])), {}); });
    double t_cross = seconds([&] { (void)fn::crosstab(r, p, {lit("by"), lit("circles")}); });
    double t_grid = seconds(
        [&] {
            for (const char* region : {"长三角", "珠三角", "京津冀"})
                for (const char* label : labels)
                    (void)fn::mention_rate(r, Cell::of(std::string(label)), {range(p), lit(region)});
        },
        1);
    auto ns = [&](double t) { return t * 1e9 / static_cast<double>(n); };
    std::printf("rows: %zu\n", n);
    std::printf("DIFFICULTY, first call (parses)    %8.1f ns/row\n", ns(t_mean_first));
    std::printf("DIFFICULTY over parsed numbers     %8.1f ns/row   (target <= 5)\n", ns(t_mean));
    std::printf("DIFFICULTY with a region criterion %8.1f ns/row\n", ns(t_crit));
    std::printf(
        "tokenising a multi-response cell   %8.1f ns/cell  (target <= 30; plain_answer_keys, zero-copy)\n",
        ns(t_keys));
    std::printf("  one pass over the bytes (floor)  %8.1f ns/cell  (%.0f bytes a cell)\n", ns(t_bytes),
                static_cast<double>(bytes) / static_cast<double>(n));
    std::printf(
        "  the same with split_answers      %8.1f ns/cell  (keys and labels as strings, NFKC per answer)\n",
        ns(t_split));
    std::printf("MENTIONRATE, first call (interns)  %8.1f ns/row\n", ns(t_mention_first));
    std::printf("MENTIONRATE over interned texts    %8.1f ns/row\n", ns(t_mention));
    std::printf("CROSSTAB 6 options x 3 regions     %8.1f ns/row\n", ns(t_cross));
    std::printf("same table as 18 MENTIONRATE calls %8.1f ns/row  (ratio grid/CROSSTAB: %.1f)\n", ns(t_grid),
                t_grid / t_cross);
    return 0;
}
