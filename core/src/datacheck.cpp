// DATACHECK: says in one sentence what a range holds and what is wrong with it,
// since Calc shows no exception message for an Err:502.
#include <algorithm>
#include <map>
#include <sstream>

#include "surveycalc/answers.hpp"
#include "surveycalc/functions.hpp"
#include "surveycalc/places.hpp"
#include "surveycalc/request.hpp"
#include "surveycalc/text.hpp"

namespace surveycalc::fn {
namespace {

constexpr std::size_t kShown = 5;  // invalid cells named in the sentence

struct Finding {
    std::size_t row;
    std::string value;
    Message why;
};

std::string list_findings(const std::vector<Finding>& found, std::size_t total, Lang lang) {
    std::string out;
    for (std::size_t i = 0; i < found.size(); ++i) {
        const Finding& f = found[i];
        if (lang == Lang::Zh)
            out += (i ? "，" : "") + std::string("第 ") + std::to_string(f.row + 1) + " 行 = " + f.value +
                   "（" + f.why.zh + "）";
        else
            out += (i ? ", " : "") + std::string("row ") + std::to_string(f.row + 1) + " = " + f.value +
                   " (" + f.why.en + ")";
    }
    if (total > found.size()) {
        std::size_t more = total - found.size();
        out += lang == Lang::Zh ? "，另有 " + std::to_string(more) + " 处"
                                : ", and " + std::to_string(more) + " more";
    }
    return out;
}

std::string count(double n) { return text::format_number(n); }

/// Cells that hold a survey platform's no-answer mark, counted apart from blank ones.
struct Marks {
    double skipped = 0, empty = 0;
    /// Counts c when it is a mark; true if it was one.
    bool add(const Cell& c) {
        switch (no_answer_mark(c)) {
            case NoAnswerMark::Skipped:
                ++skipped;
                return true;
            case NoAnswerMark::Empty:
                ++empty;
                return true;
            case NoAnswerMark::None:
                break;
        }
        return false;
    }
    double total() const { return skipped + empty; }
    /// ", 37 skipped (跳过), 2 empty (空)" (only the kinds present).
    std::string list(Lang lang) const {
        std::string out;
        if (skipped > 0)
            out += lang == Lang::Zh ? "，跳过 " + count(skipped) + "（(跳过)）"
                                    : ", " + count(skipped) + " skipped (跳过)";
        if (empty > 0)
            out += lang == Lang::Zh ? "，未填 " + count(empty) + "（(空)）"
                                    : ", " + count(empty) + " empty (空)";
        return out;
    }
};

Result check_scores(const Block& range, const Request& req, Lang lang) {
    const Options& opt = req.options();
    double valid = 0, blank = 0, missing = 0, invalid = 0, filtered = 0;
    Marks marks;
    std::vector<Finding> found;
    for (std::size_t r = 0; r < range.rows; ++r) {
        if (!req.keep(r)) {
            ++filtered;
            continue;
        }
        const Cell& c = range.at(r, 0);
        ScoreCell s = classify_score(c, opt);
        switch (s.status) {
            case ScoreCell::Status::Valid:
                ++valid;
                break;
            case ScoreCell::Status::Blank:
                if (!marks.add(c)) ++blank;
                break;
            case ScoreCell::Status::Missing:
                ++missing;
                break;
            case ScoreCell::Status::Invalid:
                ++invalid;
                if (found.size() < kShown) found.push_back({r, describe_cell(c), s.reason});
                break;
        }
    }
    std::string s;
    if (lang == Lang::Zh) {
        s = "有效 " + count(valid) + "，缺失 " + count(blank + marks.total() + missing) + "（空白 " +
            count(blank) + marks.list(lang) + "，缺失代码 " + count(missing) + "），无效 " + count(invalid);
        if (filtered > 0) s += "（另有 " + count(filtered) + " 行不符合条件）";
        s += invalid > 0 ? "：" + list_findings(found, static_cast<std::size_t>(invalid), lang) : "。";
    } else {
        s = count(valid) + " valid, " + count(blank + marks.total() + missing) + " missing (" + count(blank) +
            " blank" + marks.list(lang) + ", " + count(missing) + " missing code), " + count(invalid) +
            " invalid";
        if (filtered > 0) s += " (" + count(filtered) + " rows do not match the criteria)";
        s += invalid > 0 ? ": " + list_findings(found, static_cast<std::size_t>(invalid), lang) : ".";
    }
    if (valid > 0 && valid < opt.min_n)
        s += lang == Lang::Zh
                 ? " 有效回答少于 min_n（" + count(opt.min_n) + "），统计结果为 #N/A。"
                 : " Fewer valid answers than min_n (" + count(opt.min_n) + "): figures are #N/A.";
    return s;
}

Result check_responses(const Block& range, const Request& req, Lang lang) {
    const Options& opt = req.options();
    double answered = 0, blank = 0, missing = 0;
    Marks marks;
    struct Seen {
        std::string label;
        double n = 0;
    };
    std::map<std::string, Seen> answers;  // by answer key: "05", 5 and "5.0" are one answer
    for (std::size_t r = 0; r < range.rows; ++r) {
        if (!req.keep(r)) continue;
        // The rule MENTIONRATE uses: a cell is answered when it is not blank,
        // not a missing code, and (one column) names at least one answer.
        bool any = false, all_missing = true;
        std::vector<Answer> found;
        for (std::size_t c = 0; c < range.cols; ++c) {
            const Cell& cell = range.at(r, c);
            if (is_empty(cell)) continue;
            if (range.cols == 1) {
                if (is_missing_code(cell, opt.missing)) {
                    any = true;
                    continue;
                }
                found = split_answers(cell);
                if (found.empty()) continue;  // only delimiters: no answer
            }
            any = true;
            if (!is_missing_code(cell, opt.missing)) all_missing = false;
        }
        if (!any) {
            if (range.cols != 1 || !marks.add(range.at(r, 0))) ++blank;
            continue;
        }
        if (all_missing) {
            ++missing;
            continue;
        }
        ++answered;
        for (Answer& a : found) {
            Seen& seen = answers[a.key];
            if (seen.n == 0) seen.label = std::move(a.label);
            seen.n += 1;
        }
    }
    std::vector<std::pair<double, std::string>> top;
    for (const auto& [key, seen] : answers) top.emplace_back(seen.n, seen.label);
    std::stable_sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::string list;
    for (std::size_t i = 0; i < top.size() && i < 8; ++i)
        list += (i ? (lang == Lang::Zh ? "，" : ", ") : "") + top[i].second + " " + count(top[i].first);
    if (top.size() > 8) list += lang == Lang::Zh ? "……" : ", …";
    if (lang == Lang::Zh) {
        std::string s = "已作答 " + count(answered) + "，空白 " + count(blank) + marks.list(lang) +
                        "，缺失代码 " + count(missing);
        if (range.cols == 1)
            s += "；不同答案 " + std::to_string(top.size()) + " 个" + (list.empty() ? "" : "：" + list);
        return s + "。";
    }
    std::string s = count(answered) + " answered, " + count(blank) + " blank" + marks.list(lang) + ", " +
                    count(missing) + " missing code";
    if (range.cols == 1)
        s += "; " + std::to_string(top.size()) + " distinct answers" + (list.empty() ? "" : ": " + list);
    return s + ".";
}

Result check_places(const Block& range, const Request& req, Lang lang) {
    double resolved = 0, blank = 0, unknown = 0, ambiguous = 0;
    std::vector<Finding> found;
    for (std::size_t r = 0; r < range.rows; ++r) {
        if (!req.keep(r)) continue;
        const Cell& c = range.at(r, 0);
        if (is_empty(c)) {
            ++blank;
            continue;
        }
        places::Location loc = places::locate(c.is_text() ? c.text : text::format_number(c.number));
        if (loc.status == places::Location::Status::Resolved) {
            ++resolved;
        } else if (loc.status == places::Location::Status::Ambiguous) {
            ++ambiguous;
            if (found.size() < kShown)
                found.push_back(
                    {r, describe_cell(c), {"ambiguous: name the province", "有歧义：请写明省份"}});
        } else {
            ++unknown;
            if (found.size() < kShown)
                found.push_back({r, describe_cell(c), {"unknown place", "无法识别的地名"}});
        }
    }
    std::size_t bad = static_cast<std::size_t>(unknown + ambiguous);
    if (lang == Lang::Zh) {
        std::string s = "可识别 " + count(resolved) + "，空白 " + count(blank) + "，无法识别 " +
                        count(unknown) + "，有歧义 " + count(ambiguous);
        return s + (bad ? "：" + list_findings(found, bad, lang) : "。");
    }
    std::string s = count(resolved) + " resolved, " + count(blank) + " blank, " + count(unknown) +
                    " unknown, " + count(ambiguous) + " ambiguous";
    return s + (bad ? ": " + list_findings(found, bad, lang) : ".");
}

}  // namespace

Result datacheck(const Block& range, const Cell& kind, const Pairs& pairs, Lang lang) {
    std::string k = kind.is_text() ? text::normalize(kind.text) : std::string();
    // Every option of every function is accepted and checked, so that DATACHECK
    // given a failing formula's arguments says what is wrong with them.
    constexpr unsigned kAll = Option::Weights | Option::Scale | Option::Missing | Option::Invalid |
                              Option::MinN | Option::Base | Option::Level | Option::Sort | Option::Top |
                              Option::Rows | Option::Cols | Option::OptionList | Option::By;
    try {
        if (k == "scores" || k.empty()) {
            require_shape(range, range.rows, "range", true);
            Request req("DATACHECK", range.rows, pairs, kAll);
            return check_scores(range, req, lang);
        }
        if (k == "responses") {
            Request req("DATACHECK", range.rows, pairs, kAll);
            return check_responses(range, req, lang);
        }
        if (k == "places") {
            require_shape(range, range.rows, "range", true);
            Request req("DATACHECK", range.rows, pairs, kAll);
            return check_places(range, req, lang);
        }
        return lang == Lang::Zh ? std::string("kind 应为 \"scores\"、\"responses\" 或 \"places\"，而不是 ") +
                                      describe_cell(kind)
                                : std::string("kind must be \"scores\", \"responses\" or \"places\", not ") +
                                      describe_cell(kind);
    } catch (const ArgumentError& e) {
        return in(e.message(), lang);
    }
}

}  // namespace surveycalc::fn
