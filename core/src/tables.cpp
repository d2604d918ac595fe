// GROUPTABLE, CROSSTAB and SHARES.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <type_traits>
#include <unordered_map>

#include "answers.hpp"
#include "places.hpp"
#include "responses.hpp"
#include "scores.hpp"
#include "surveycalc/functions.hpp"
#include "text.hpp"
#include "text_cache.hpp"

namespace surveycalc::fn {
namespace {

/// Assigns each cell of a group column to a group. Places are grouped by what
/// they name (重庆 and 重庆市 are one group); a place that cannot be resolved
/// is its own group, labelled as typed, so it never silently joins another.
class Grouper {
   public:
    /// The grouping "by" asks for; "auto" is decided here from the column (places or text).
    Grouper(const Block& groups, const Request& req) : groups_(groups), opt_(req.options()) {
        mode_ = opt_.by;
        auto_ = mode_ == GroupBy::Auto;
        if (auto_) mode_ = detect(req);
    }

    struct Key {
        std::string id;     // equality key; empty: the row belongs to no group
        std::string label;  // as shown
        int order = 0;      // for sort "name": a place code, else 0
    };

    const Key& key(std::size_t row) {
        std::string t = cell_text(groups_.at(row, 0));
        auto it = cache_.find(t);
        if (it != cache_.end()) return it->second;
        return cache_.emplace(t, compute(t)).first->second;
    }

    bool places() const { return mode_ != GroupBy::Text; }

    /// The groups' column label when the range has no title of its own.
    Message label() const {
        switch (mode_) {
            case GroupBy::Province:
                return {"Province", "省份"};
            case GroupBy::City:
                return {"City", "城市"};
            case GroupBy::Circles:
            case GroupBy::Zones:
                return {"Region", "区域"};
            default:
                return {"Group", "组"};
        }
    }

   private:
    /// A number (a firm id, a postcode such as 518000) is a place code only when
    /// the caller says the column holds places ("by"): automatic grouping never
    /// guesses that a number names a place.
    bool number_is_text(const std::string& folded) const {
        return auto_ && text::parse_number(folded).has_value();
    }

    GroupBy detect(const Request& req) {
        // Places when most distinct non-blank, non-numeric texts resolve to a place.
        std::unordered_map<std::string, bool> seen;
        std::size_t resolved = 0;
        for (std::size_t r = 0; r < groups_.rows && seen.size() < 2000; ++r) {
            if (!req.keep(r)) continue;
            std::string t = cell_text(groups_.at(r, 0));
            std::string folded = text::normalize(t);
            if (folded.empty() || seen.count(t)) continue;
            bool ok = !number_is_text(folded) && places::locate(t).resolved();
            seen.emplace(t, ok);
            resolved += ok;
        }
        return !seen.empty() && resolved * 2 > seen.size() ? GroupBy::Province : GroupBy::Text;
    }

    Key compute(const std::string& t) const {
        std::string folded = text::normalize(t);
        // No group: blank, a platform's no-answer mark ((跳过), (空)), 问卷星's -2/-3.
        if (folded.empty() || no_answer_mark(Cell::of(t)) != NoAnswerMark::None ||
            is_no_answer_code(Cell::of(t)))
            return {};
        // One group per answer: 5, "05" and "5.0" are one row, as MENTIONRATE
        // counts them; 其他〖text〗 is 其他; a code and its label are one group, shown by the label.
        std::optional<double> number = text::parse_number(folded);
        std::string key = opt_.canonical(answer_key_of_normalized(folded));
        std::string shown =
            number ? text::format_number(*number) : std::string(without_other_text(text::nfkc_trim(t)));
        Key text_key{"t:" + key, opt_.shown(key, shown), 0};
        if (mode_ == GroupBy::Text || number_is_text(folded)) return text_key;
        places::Location loc = places::locate(t);
        if (!loc.resolved()) return Key{"u:" + folded, text::nfkc_trim(t), 1 << 30};  // its own row
        switch (mode_) {
            case GroupBy::Province:
                return Key{"p:" + std::to_string(loc.province), places::province_name(loc), loc.province};
            case GroupBy::City:
                if (loc.city) return Key{"c:" + std::to_string(loc.city), places::city_name(loc), loc.city};
                return Key{"p:" + std::to_string(loc.province), places::province_name(loc), loc.province};
            case GroupBy::Circles:
            case GroupBy::Zones: {
                places::Scheme s =
                    mode_ == GroupBy::Circles ? places::Scheme::Circles : places::Scheme::Zones;
                std::string r = places::region_name(loc, s);
                if (r.empty()) return {};  // outside every region of the scheme
                auto names = places::region_names(s);
                int order = static_cast<int>(std::find(names.begin(), names.end(), r) - names.begin());
                return Key{"r:" + r, r, order};
            }
            case GroupBy::Text:
            case GroupBy::Auto:  // resolved in the constructor
                break;
        }
        return text_key;
    }

    const Block& groups_;
    const Options& opt_;
    GroupBy mode_ = GroupBy::Text;  // never Auto once built
    bool auto_ = false;             // "by" is "auto": the mode was detected, not given
    std::unordered_map<std::string, Key> cache_;
};

struct GroupStats {
    std::string label;
    int order = 0;
    std::size_t first = 0;  // order of first appearance
    double n = 0;           // rows of positive weight (enough())
    double sw = 0, swx = 0;
};

/// Orders groups by "sort": desc/asc by `value`, name (place code or label), none (first appearance).
/// `T` is GroupStats or a struct whose first member `g` is one.
template <class T, class Value>
void sort_groups(std::vector<T*>& gs, SortOrder sort, Value value) {
    auto stats = [](const T* t) -> const GroupStats& {
        if constexpr (std::is_same_v<T, GroupStats>)
            return *t;
        else
            return t->g;
    };
    auto by_name = [&](const T* a, const T* b) {
        if (stats(a).order != stats(b).order) return stats(a).order < stats(b).order;
        return stats(a).label < stats(b).label;
    };
    if (sort == SortOrder::None) {
        std::stable_sort(gs.begin(), gs.end(),
                         [&](const T* a, const T* b) { return stats(a).first < stats(b).first; });
    } else if (sort == SortOrder::Name) {
        std::stable_sort(gs.begin(), gs.end(), by_name);
    } else {
        bool desc = sort != SortOrder::Asc;
        std::stable_sort(gs.begin(), gs.end(), [&](const T* a, const T* b) {
            double va = value(stats(a)), vb = value(stats(b));
            if (va != vb) return desc ? va > vb : va < vb;
            return by_name(a, b);
        });
    }
}

/// Throws unless a rows x cols result fits kMaxTableCells. Called before the
/// result is allocated.
void check_result_size(std::string_view function, std::size_t rows, std::size_t cols, const Message& hint) {
    if (rows == 0 || cols == 0 || rows <= kMaxTableCells / cols) return;
    std::string size = std::to_string(rows) + " x " + std::to_string(cols);
    throw ArgumentError({std::string(function) + ": the result would be " + size +
                             " cells, more than the limit of " + std::to_string(kMaxTableCells) + " cells; " +
                             hint.en,
                         std::string(function) + "：结果将有 " + size + " 个单元格，超过上限 " +
                             std::to_string(kMaxTableCells) + "；" + hint.zh});
}

/// The shape of a table of `rows` x `cols` cells once padded to "rows"/"cols".
std::pair<std::size_t, std::size_t> padded(std::size_t rows, std::size_t cols, const Options& opt) {
    return {std::max<std::size_t>({rows, opt.rows, 1}), std::max(cols, opt.cols)};
}

/// A header cell: the range's own title, else the generic label in the UI language.
std::string titled(const std::string& title, const Message& generic, Lang lang) {
    return title.empty() ? in(generic, lang) : title;
}

void pad(Table& t, const Options& opt, std::size_t min_cols) {
    auto [rows, cols] = padded(t.size(), min_cols, opt);
    for (auto& row : t) row.resize(std::max(row.size(), cols), Empty{});
    while (t.size() < rows) t.emplace_back(cols, Empty{});
}

}  // namespace

Table group_table(const Block& scores, const Block& groups, const Pairs& pairs, const TableTitles& titles) {
    require_shape(scores, scores, "scores", true);
    require_shape(groups, scores, "groups", true);
    Request req("GROUPTABLE", scores, pairs);
    const Options& opt = req.options();
    Grouper grouper(groups, req);
    std::unordered_map<std::string, GroupStats> stats;
    for (std::size_t r = 0; r < scores.rows; ++r) {
        if (!req.keep(r)) continue;
        const Grouper::Key& k = grouper.key(r);
        if (k.id.empty()) continue;
        const Cell& c = scores.at(r, 0);
        ScoreCell s = classify_score(c, opt);
        if (s.status == ScoreCell::Status::Invalid) {
            if (opt.skip_invalid) continue;
            throw invalid_cell(scores, r, s.reason);
        }
        auto [it, added] = stats.try_emplace(k.id);
        GroupStats& g = it->second;
        if (added) {
            g.label = k.label;
            g.order = k.order;
            g.first = stats.size();
        }
        if (s.status != ScoreCell::Status::Valid) continue;
        double w = req.weight(r);
        g.n += w > 0 ? 1 : 0;
        g.sw += w;
        g.swx += w * s.value;
    }
    std::vector<GroupStats*> kept;
    for (auto& [id, g] : stats)
        if (enough(g.n, opt)) kept.push_back(&g);
    sort_groups(kept, opt.sort, [](const GroupStats& g) { return g.swx / g.sw; });
    if (opt.top > 0 && kept.size() > opt.top) kept.resize(opt.top);
    auto [rows, cols] = padded(kept.size() + (opt.header ? 1 : 0), 3, opt);
    check_result_size("GROUPTABLE", rows, cols,
                      {"use \"top\" to keep the largest groups", "请用 \"top\" 只保留前几组"});
    Table t;
    if (opt.header)
        t.push_back({titled(titles.groups, grouper.label(), titles.lang),
                     in(Message{"n", "样本数"}, titles.lang),
                     titled(titles.data, {"Mean", "平均分"}, titles.lang)});
    for (GroupStats* g : kept) t.push_back({g->label, g->n, g->swx / g->sw});
    pad(t, opt, 3);
    return t;
}

Table crosstab(const Block& responses, const Block& groups, const Pairs& pairs, const TableTitles& titles) {
    require_shape(groups, responses, "groups", true);
    Request req("CROSSTAB", responses, pairs);
    const Options& opt = req.options();
    const bool block = responses.cols > 1;

    // Rows: the options, given ("options"), in the code book's order ("labels"),
    // then discovered in order of frequency. One row per answer key, so "05", 5
    // and "5.0" are one row, as MENTIONRATE counts them, and a code and its label too.
    std::vector<std::string> labels;                     // as shown
    std::unordered_map<std::string, std::size_t> index;  // canonical answer key -> row
    bool discover = opt.option_list.empty();
    std::size_t fixed = 0;            // rows before the discovered ones (kept in their order)
    std::vector<std::string> listed;  // the "options" text of each listed row
    if (block) {
        for (std::size_t c = 0; c < responses.cols; ++c)
            labels.push_back(block_option_label(responses, c, opt));
    } else {
        for (const std::string& l : opt.option_list) {
            std::string k = opt.canonical(answer_key_of_normalized(text::normalize(l)));
            if (index.try_emplace(k, labels.size()).second) {
                labels.push_back(opt.shown(k, l));
                listed.push_back(l);
            }
        }
        if (discover)
            for (const Labels::Entry& e : opt.labels.entries())
                if (index.try_emplace(e.code, labels.size()).second) labels.push_back(e.label);
        fixed = labels.size();
    }

    Grouper grouper(groups, req);
    struct Col {
        GroupStats g;              // n and sw = base
        std::vector<double> hits;  // weighted mentions per option row
    };
    std::unordered_map<std::string, Col> cols;
    std::vector<double> total_hits;  // for discovered options' order
    // The working table is groups x options; bound it while it grows.
    auto check_work = [&] {
        if ((cols.size() + 1) * (labels.size() + 1) <= kMaxCrosstabWork) return;
        throw ArgumentError(
            {"CROSSTAB: " + std::to_string(labels.size()) + " distinct answers in " +
                 std::to_string(cols.size()) + " groups is more than a table can show (limit " +
                 std::to_string(kMaxTableCells) +
                 " cells); list the answers with \"options\", or check the columns with DATACHECK",
             "CROSSTAB：" + std::to_string(cols.size()) + " 个组中有 " + std::to_string(labels.size()) +
                 " 种不同答案，超出表格所能显示（上限 " + std::to_string(kMaxTableCells) +
                 " 个单元格）；请用 \"options\" 列出答案，或用 DATACHECK 检查数据列"});
    };
    struct Parsed {
        bool answered = false;
        std::vector<std::size_t> rows;
    };
    TextCache<Parsed> parsed;
    bool spaced = false;  // an answer with a space: a listed option may hide inside it (diagnose)
    std::vector<std::size_t> mentioned;
    for (std::size_t r = 0; r < responses.rows; ++r) {
        if (!req.keep(r)) continue;
        const Grouper::Key& k = grouper.key(r);
        if (k.id.empty()) continue;
        // Which options does this row mention, and is it in the base?
        mentioned.clear();
        bool answered = false;
        if (block) {
            for (std::size_t c = 0; c < responses.cols; ++c)  // answered: at least one option chosen
                if (chosen(responses.at(r, c), opt)) mentioned.push_back(c);
            answered = !mentioned.empty();
        } else {
            const Cell& cell = responses.at(r, 0);
            if (!no_answer(cell, opt)) {
                auto parse = [&] {  // the option rows a cell's answers name (new ones are added)
                    Parsed p;
                    for (Answer& a : split_answers(cell, opt.seps())) {
                        p.answered = true;
                        spaced = spaced || a.key.find(' ') != std::string::npos;
                        std::string key = opt.canonical(a.key);
                        auto it = index.find(key);
                        if (it == index.end()) {
                            if (!discover) continue;
                            it = index.emplace(key, labels.size()).first;
                            labels.push_back(opt.shown(key, a.label));
                            check_work();
                        }
                        if (std::find(p.rows.begin(), p.rows.end(), it->second) == p.rows.end())
                            p.rows.push_back(it->second);
                    }
                    return p;
                };
                Parsed p = cell.is_text() ? parsed.get(cell.text, parse) : parse();
                answered = p.answered;
                mentioned = std::move(p.rows);
            }
        }
        bool in_base = answered;
        if (opt.base_all && !in_base) {
            for (std::size_t c = 0; c < responses.cols && !in_base; ++c)
                in_base = !is_empty(responses.at(r, c));
            in_base = in_base || req.any_criteria_cell(r) || !is_empty(groups.at(r, 0));
        }
        if (!in_base) continue;
        auto [it, added] = cols.try_emplace(k.id);
        Col& col = it->second;
        if (added) {
            col.g.label = k.label;
            col.g.order = k.order;
            col.g.first = cols.size();
            check_work();
        }
        double w = req.weight(r);
        col.g.n += w > 0 ? 1 : 0;
        col.g.sw += w;
        if (col.hits.size() < labels.size()) col.hits.resize(labels.size(), 0.0);
        if (total_hits.size() < labels.size()) total_hits.resize(labels.size(), 0.0);
        for (std::size_t o : mentioned) {
            col.hits[o] += w;
            total_hits[o] += w;
        }
    }
    total_hits.resize(labels.size(), 0.0);

    std::vector<Col*> kept;
    for (auto& [id, c] : cols)
        if (enough(c.g.n, opt)) kept.push_back(&c);
    sort_groups(kept, opt.sort, [](const GroupStats& g) { return g.sw; });

    // No silent zero: a listed answer that no row mentions may be misnamed (MentionMatcher::diagnose).
    if (!block)
        for (std::size_t o = 0; o < listed.size(); ++o) {
            if (total_hits[o] > 0 && !spaced) continue;
            MentionMatcher m(responses, Cell::of(listed[o]), opt);
            if (std::optional<Message> why = m.diagnose())
                throw ArgumentError({"CROSSTAB: " + why->en, "CROSSTAB：" + why->zh});
        }

    std::vector<std::size_t> rows(labels.size());
    std::iota(rows.begin(), rows.end(), 0);
    if (discover && !block)
        std::stable_sort(rows.begin() + static_cast<std::ptrdiff_t>(fixed), rows.end(),
                         [&](std::size_t a, std::size_t b) { return total_hits[a] > total_hits[b]; });
    if (opt.top > 0 && rows.size() > opt.top) rows.resize(opt.top);

    auto [out_rows, out_cols] = padded(rows.size() + 1, kept.size() + 1, opt);
    check_result_size("CROSSTAB", out_rows, out_cols,
                      {"use \"top\" or \"options\" to keep fewer answers, or group by a coarser column",
                       "请用 \"top\" 或 \"options\" 减少答案行数，或按更粗的分组"});
    Table t;
    // The corner: with "header", what the rows are (the responses' title, else "Answer").
    std::vector<TableCell> header{opt.header ? titled(titles.data, {"Answer", "答案"}, titles.lang)
                                             : std::string()};
    for (const Col* c : kept) header.emplace_back(std::in_place_type<std::string>, c->g.label);
    t.push_back(std::move(header));
    for (std::size_t o : rows) {
        std::vector<TableCell> line;
        line.emplace_back(std::in_place_type<std::string>, labels[o]);
        for (const Col* c : kept) {
            double hits = o < c->hits.size() ? c->hits[o] : 0.0;
            line.emplace_back(std::in_place_type<double>, hits / c->g.sw);
        }
        t.push_back(std::move(line));
    }
    pad(t, opt, kept.size() + 1);
    return t;
}

Table shares(const Block& counts, const Cell& decimals_cell) {
    double d = 1;
    if (!decimals_cell.is_blank()) {
        std::optional<double> v = numeric_value(decimals_cell);
        if (!v || *v < 0 || *v > 6 || *v != std::floor(*v))
            throw ArgumentError(
                {"decimals must be a whole number from 0 to 6, not " + describe_cell(decimals_cell),
                 "“小数位”必须是 0 到 6 的整数，而不是 " + describe_cell(decimals_cell)});
        d = *v;
    }
    check_result_size("SHARES", counts.rows, counts.cols,
                      {"give the counts of one table at a time", "请每次只给一个表格的计数"});
    struct Item {
        std::size_t pos;
        double count;
        long double exact;  // share in units of 10^-d percent
        long long units;
    };
    std::vector<Item> items;
    double largest = 0;
    for (std::size_t i = 0; i < counts.cells.size(); ++i) {
        const Cell& c = counts.cells[i];
        if (is_empty(c)) continue;
        std::optional<double> v = numeric_value(c);
        if (!v || *v < 0)
            throw ArgumentError({"counts: cell " + std::to_string(i + 1) + " = " + describe_cell(c) +
                                     " is not a finite non-negative number",
                                 "“计数”的第 " + std::to_string(i + 1) + " 个单元格 = " + describe_cell(c) +
                                     " 不是有限的非负数"});
        items.push_back({i, *v, 0, 0});
        largest = std::max(largest, *v);
    }
    Table t(counts.rows, std::vector<TableCell>(counts.cols, Empty{}));
    if (items.empty() || !(largest > 0)) return t;
    // Counts relative to the largest: the total neither overflows nor underflows.
    long double total = 0;
    for (const Item& it : items) total += static_cast<long double>(it.count) / largest;
    const long long unit_total = 100 * static_cast<long long>(std::llround(std::pow(10.0, d)));
    long long assigned = 0;
    for (Item& it : items) {
        it.exact = static_cast<long double>(it.count) / largest / total * unit_total;  // in [0, unit_total]
        it.units = static_cast<long long>(std::floor(it.exact));
        assigned += it.units;
    }
    // Σ floor(exact) <= Σ exact = unit_total, and the shortfall is less than the
    // number of items: the largest remainders take one unit each.
    std::vector<Item*> order;
    for (Item& it : items) order.push_back(&it);
    std::stable_sort(order.begin(), order.end(), [](const Item* a, const Item* b) {
        long double ra = a->exact - static_cast<long double>(a->units);
        long double rb = b->exact - static_cast<long double>(b->units);
        if (std::fabs(static_cast<double>(ra - rb)) > 1e-12) return ra > rb;
        if (a->count != b->count) return a->count > b->count;
        return a->pos < b->pos;
    });
    for (std::size_t i = 0; assigned < unit_total && i < order.size(); ++i, ++assigned) order[i]->units += 1;
    for (const Item& it : items)
        t[it.pos / counts.cols][it.pos % counts.cols] =
            static_cast<double>(it.units) / static_cast<double>(unit_total);
    return t;
}

}  // namespace surveycalc::fn
