// DATACHECK: says in one sentence what a range holds and what is wrong with it,
// since Calc shows no exception message for an Err:502.
#include <algorithm>
#include <map>
#include <sstream>

#include "answers.hpp"
#include "places.hpp"
#include "responses.hpp"
#include "scores.hpp"
#include "surveycalc/functions.hpp"
#include "surveycalc/limits.hpp"
#include "text.hpp"

namespace surveycalc::fn {
namespace {

constexpr std::size_t kShown = 5;  // invalid cells named in the sentence

struct Finding {
    std::size_t row;
    std::string value;
    Message why;
};

/// "Data.F11 = 11 (outside 0-10), ..." (by position in the range when the block has no origin).
std::string list_findings(const Block& range, const std::vector<Finding>& found, std::size_t total,
                          Lang lang) {
    std::string out;
    for (std::size_t i = 0; i < found.size(); ++i) {
        const Finding& f = found[i];
        if (lang == Lang::Zh)
            out += (i ? "，" : "") + cell_place(range, f.row).zh + " = " + f.value + "（" + f.why.zh + "）";
        else
            out += (i ? ", " : "") + cell_place(range, f.row).en + " = " + f.value + " (" + f.why.en + ")";
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
    double valid_weighted = 0;  // valid rows of positive weight: enough()
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
                valid_weighted += req.weight(r) > 0 ? 1 : 0;
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
        s += invalid > 0 ? "：" + list_findings(range, found, static_cast<std::size_t>(invalid), lang) : "。";
    } else {
        s = count(valid) + " valid, " + count(blank + marks.total() + missing) + " missing (" + count(blank) +
            " blank" + marks.list(lang) + ", " + count(missing) + " missing code), " + count(invalid) +
            " invalid";
        if (filtered > 0) s += " (" + count(filtered) + " rows do not match the criteria)";
        s += invalid > 0 ? ": " + list_findings(range, found, static_cast<std::size_t>(invalid), lang) : ".";
    }
    if (valid_weighted > 0 && !enough(valid_weighted, opt))
        s += lang == Lang::Zh
                 ? " 有效回答少于 min_n（" + count(opt.min_n) + "），统计结果为 #N/A。"
                 : " Fewer valid answers than min_n (" + count(opt.min_n) + "): figures are #N/A.";
    return s;
}

std::string quote_list(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (const std::string& i : items) out += (out.empty() ? "" : std::string(sep)) + i;
    return out;
}

/// A sentence in both UI languages, built in parts.
struct Both {
    std::string en, zh;
    void add(const Message& m) {
        en += m.en;
        zh += m.zh;
    }
    /// "<lead>a; b; c" of the items, if any.
    void add_list(const std::vector<Message>& items, const Message& lead) {
        if (items.empty()) return;
        std::vector<std::string> e, z;
        for (const Message& m : items) {
            e.push_back(m.en);
            z.push_back(m.zh);
        }
        add({lead.en + quote_list(e, "; "), lead.zh + quote_list(z, "；")});
    }
    std::string in(Lang lang) const { return lang == Lang::Zh ? zh : en; }
};

std::u32string code_points(std::string_view utf8) {
    std::u32string out;
    for (std::size_t i = 0; i < utf8.size();) {
        unsigned char c = static_cast<unsigned char>(utf8[i]);
        std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
        if (i + len > utf8.size()) len = 1;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (std::size_t k = 1; k < len; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
        out.push_back(cp);
        i += len;
    }
    return out;
}

/// True when a and b differ by exactly one inserted, deleted or replaced character.
bool one_edit_apart(const std::u32string& a, const std::u32string& b) {
    if (a == b) return false;
    const std::u32string& s = a.size() <= b.size() ? a : b;
    const std::u32string& l = a.size() <= b.size() ? b : a;
    if (l.size() - s.size() > 1) return false;
    std::size_t i = 0;
    while (i < s.size() && s[i] == l[i]) ++i;
    if (s.size() == l.size()) return s.substr(i + 1) == l.substr(i + 1);
    return s.substr(i) == l.substr(i + 1);
}

bool identifier_words(std::string_view key, std::vector<std::string_view>& words) {
    words.clear();
    std::size_t start = 0;
    for (std::size_t i = 0; i <= key.size(); ++i) {
        if (i < key.size() && key[i] != ' ') {
            char c = key[i];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
                return false;
            continue;
        }
        if (i > start) words.push_back(key.substr(start, i - start));
        start = i + 1;
    }
    return words.size() >= 2;
}

Result check_responses(const Block& range, const Request& req, Lang lang) {
    const Options& opt = req.options();
    const bool block = range.cols > 1;
    double answered = 0, blank = 0, missing = 0;
    Marks marks;
    struct Seen {
        std::string label;
        double n = 0;
    };
    std::map<std::string, Seen>
        answers;  // by canonical key: "05", 5, "5.0" and a code's label are one answer
    std::vector<double> per_column(block ? range.cols : 0, 0.0);
    bool wjx_sep = false, other_text = false;
    double wjx_codes = 0;  // -2/-3: 问卷星's code download's no answer
    double unsplit = 0;    // cells with a default delimiter that "sep" does not split at
    std::string unsplit_example;
    for (std::size_t r = 0; r < range.rows; ++r) {
        if (!req.keep(r)) continue;
        if (block) {  // MENTIONRATE's rule: answered when at least one option is chosen
            bool any = false, any_cell = false, all_missing = true;
            for (std::size_t c = 0; c < range.cols; ++c) {
                const Cell& cell = range.at(r, c);
                if (is_empty(cell)) continue;
                any_cell = true;
                if (!is_missing_code(cell, opt)) all_missing = false;
                if (chosen(cell, opt)) {
                    any = true;
                    per_column[c] += 1;
                }
            }
            if (any)
                ++answered;
            else if (any_cell && all_missing)
                ++missing;
            else
                ++blank;  // blank, 0 or 否 in every column: chose nothing
            continue;
        }
        const Cell& cell = range.at(r, 0);
        if (is_empty(cell)) {
            if (!marks.add(cell)) ++blank;
            continue;
        }
        if (is_missing_code(cell, opt)) {
            ++missing;
            continue;
        }
        if (is_no_answer_code(cell)) {
            ++wjx_codes;
            continue;
        }
        std::vector<Answer> found = split_answers(cell, opt.seps());
        if (found.empty()) {  // only delimiters: no answer
            ++blank;
            continue;
        }
        ++answered;
        if (cell.is_text()) {
            std::u32string cps = code_points(cell.text);
            wjx_sep = wjx_sep || cps.find(U'\u250B') != std::u32string::npos;
            other_text = other_text || cps.find(U'\u3016') != std::u32string::npos;
            if (opt.sep) {
                std::u32string nk = code_points(text::nfkc(cell.text));
                for (char32_t cp : nk)
                    if (text::is_default_separator(cp) && opt.sep->find(cp) == std::u32string::npos) {
                        if (unsplit++ == 0) unsplit_example = describe_cell(cell);
                        break;
                    }
            }
        }
        for (Answer& a : found) {
            Seen& seen = answers[opt.canonical(a.key)];
            if (seen.n == 0) seen.label = opt.shown(opt.canonical(a.key), a.label);
            seen.n += 1;
        }
    }

    Both out;
    auto n = [](double v) { return count(v); };
    std::string codes_en, codes_zh;
    if (wjx_codes > 0) {
        codes_en = ", " + n(wjx_codes) + " no answer (-2/-3 of a 问卷星 code download)";
        codes_zh = "，未作答 " + n(wjx_codes) + "（问卷星按序号导出的 -2/-3）";
    }
    out.add({n(answered) + " answered, " + n(blank) + " blank" + marks.list(Lang::En) + codes_en + ", " +
                 n(missing) + " missing code",
             "已作答 " + n(answered) + "，空白 " + n(blank) + marks.list(Lang::Zh) + codes_zh +
                 "，缺失代码 " + n(missing)});

    // What the answers are, and the convention recognised.
    std::vector<std::pair<double, std::string>> top;
    std::size_t codes = 0;
    std::vector<std::string> unlabelled;
    for (const auto& [key, seen] : answers) {
        top.emplace_back(seen.n, seen.label);
        bool is_code = text::parse_number(key).has_value();
        codes += is_code;
        if (!opt.labels.empty() && !opt.labels.has(key) && unlabelled.size() < 5)
            unlabelled.push_back(describe_cell(Cell::of(seen.label)));
    }
    if (block) {
        std::string en, zh;
        for (std::size_t c = 0; c < range.cols && c < 8; ++c) {
            std::string item = block_option_label(range, c, opt) + " " + n(per_column[c]);
            en += (c ? ", " : "") + item;
            zh += (c ? "，" : "") + item;
        }
        if (range.cols > 8) {
            en += ", …";
            zh += "……";
        }
        out.add(
            {"; one column per option (" + std::to_string(range.cols) +
                 " columns; a row that chose none is not in the base): " + en,
             "；每个选项一列（共 " + std::to_string(range.cols) + " 列；一个都没选的行不计入基数）：" + zh});
    } else {
        std::stable_sort(top.begin(), top.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        std::string en, zh;
        for (std::size_t i = 0; i < top.size() && i < 8; ++i) {
            en += (i ? ", " : "") + top[i].second + " " + n(top[i].first);
            zh += (i ? "，" : "") + top[i].second + " " + n(top[i].first);
        }
        if (top.size() > 8) {
            en += ", …";
            zh += "……";
        }
        out.add({"; " + std::to_string(top.size()) + " distinct answers" + (en.empty() ? "" : ": " + en),
                 "；不同答案 " + std::to_string(top.size()) + " 个" + (zh.empty() ? "" : "：" + zh)});
        std::vector<Message> kinds;
        if (wjx_sep || other_text || marks.total() > 0)
            kinds.push_back(
                {"a 问卷星 text export (answers separated by ┋, other-please-specify 〖…〗 counted as its "
                 "option, (跳过)/(空) no answer)",
                 "问卷星按选项文本导出（答案以 ┋ 分隔，其他〖…〗计入该选项，(跳过)/(空) 为未作答）"});
        if (!answers.empty() && codes == answers.size())
            kinds.push_back(opt.labels.empty()
                                ? Message{"codes (numbers): count them by code, or name them with \"labels\"",
                                          "代码（数字）：按代码统计，或用 \"labels\" 给出标签"}
                                : Message{"codes named by \"labels\"", "由 \"labels\" 命名的代码"});
        if (opt.sep)
            kinds.push_back({"answers split at the \"sep\" characters", "按 \"sep\" 指定的字符拆分答案"});
        out.add_list(kinds, {". Recognised: ", "。识别为："});

        // What still looks wrong.
        std::vector<Message> flags;
        if (!unlabelled.empty())
            flags.push_back({"answers with no label in \"labels\": " + quote_list(unlabelled, ", "),
                             "\"labels\" 中没有的答案：" + quote_list(unlabelled, "、")});
        if (unsplit > 0)
            flags.push_back(
                {n(unsplit) + " cells contain a delimiter that \"sep\" does not split at (e.g. " +
                     unsplit_example + ")",
                 n(unsplit) + " 个单元格含有 \"sep\" 未包含的分隔符（如 " + unsplit_example + "）"});
        if (!opt.sep) {  // ODK/KoboToolbox select_multiple: option names separated by spaces
            double spaced = 0;
            std::string example;
            std::vector<std::string_view> words;
            for (const auto& [key, seen] : answers) {
                if (!identifier_words(key, words)) continue;
                bool known_word = false;
                for (std::string_view w : words) known_word = known_word || answers.count(std::string(w));
                if (known_word || words.size() >= 2) {
                    spaced += seen.n;
                    if (example.empty()) example = describe_cell(Cell::of(seen.label));
                }
            }
            if (spaced > 0)
                flags.push_back({n(spaced) + " answers look like option names separated by spaces (e.g. " +
                                     example +
                                     ", as ODK/KoboToolbox select_multiple writes them): set \"sep\";\" \"",
                                 n(spaced) + " 个答案像是以空格分隔的多个选项名（如 " + example +
                                     "，ODK/KoboToolbox 的 select_multiple 即如此）：请设置 \"sep\";\" \""});
        }
        // Near-duplicates: answers that differ only by spacing or by one character.
        std::vector<std::pair<std::string, std::u32string>> texts;  // label, key code points
        for (const auto& [key, seen] : answers)
            if (!text::parse_number(key) && texts.size() < 300)
                texts.emplace_back(seen.label, code_points(key));
        std::vector<std::string> near_en, near_zh;
        for (std::size_t i = 0; i < texts.size() && near_en.size() < 3; ++i)
            for (std::size_t j = i + 1; j < texts.size() && near_en.size() < 3; ++j) {
                const auto& [la, a] = texts[i];
                const auto& [lb, b] = texts[j];
                std::string qa = describe_cell(Cell::of(la)), qb = describe_cell(Cell::of(lb));
                std::u32string sa = a, sb = b;
                std::erase(sa, U' ');
                std::erase(sb, U' ');
                if (sa == sb) {
                    near_en.push_back(qa + " and " + qb + " differ only by spacing");
                    near_zh.push_back(qa + " 与 " + qb + " 只差空格");
                } else if (std::min(a.size(), b.size()) >= 3 && one_edit_apart(a, b)) {
                    near_en.push_back(qa + " and " + qb + " differ by one character");
                    near_zh.push_back(qa + " 与 " + qb + " 只差一个字");
                }
            }
        if (!near_en.empty())
            flags.push_back(
                {quote_list(near_en, "; ") + " (one answer typed two ways? they are counted apart)",
                 quote_list(near_zh, "；") + "（同一答案的两种写法？它们被分开统计）"});
        out.add_list(flags, {". Check: ", "。请检查："});
    }

    // "answer": how MENTIONRATE would count that answer here.
    if (opt.answer) {
        MentionMatcher m(range, *opt.answer, opt);
        double hits = 0;
        for (std::size_t r = 0; r < range.rows; ++r)
            if (req.keep(r)) hits += m.at(r).mentioned ? 1 : 0;
        std::string a = describe_cell(*opt.answer);
        if (hits == 0)
            if (std::optional<Message> why = m.diagnose()) {
                out.add({". Answer " + a + ": " + why->en, "。答案 " + a + "：" + why->zh});
                return out.in(lang) + (lang == Lang::Zh ? "。" : ".");
            }
        out.add({". Answer " + a + ": mentioned in " + n(hits) + " of " + n(answered) + " answered rows",
                 "。答案 " + a + "：" + n(answered) + " 个已作答行中提及 " + n(hits) + " 个"});
    }
    return out.in(lang) + (lang == Lang::Zh ? "。" : ".");
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
        return s + (bad ? "：" + list_findings(range, found, bad, lang) : "。");
    }
    std::string s = count(resolved) + " resolved, " + count(blank) + " blank, " + count(unknown) +
                    " unknown, " + count(ambiguous) + " ambiguous";
    return s + (bad ? ": " + list_findings(range, found, bad, lang) : ".");
}

Result datacheck_counts(const Block& range, const Cell& kind, const Pairs& pairs, Lang lang) {
    std::string k = kind.is_text() ? text::normalize(kind.text) : std::string();
    // Every option of every function is accepted and checked (the catalog says
    // so), so that DATACHECK given a failing formula's arguments says what is wrong with them.
    try {
        if (k == "scores" || k.empty()) {
            require_shape(range, range, "range", true);
            Request req("DATACHECK", range, pairs);
            return check_scores(range, req, lang);
        }
        if (k == "responses") {
            Request req("DATACHECK", range, pairs);
            return check_responses(range, req, lang);
        }
        if (k == "places") {
            require_shape(range, range, "range", true);
            Request req("DATACHECK", range, pairs);
            return check_places(range, req, lang);
        }
        return lang == Lang::Zh ? std::string("“类型”应为 \"scores\"、\"responses\" 或 \"places\"，而不是 ") +
                                      describe_cell(kind)
                                : std::string("kind must be \"scores\", \"responses\" or \"places\", not ") +
                                      describe_cell(kind);
    } catch (const ArgumentError& e) {
        return in(e.message(), lang);
    }
}

}  // namespace

Result datacheck(const Block& range, const Cell& kind, const Pairs& pairs, Lang lang) {
    Result r = datacheck_counts(range, kind, pairs, lang);
    std::string* said = std::get_if<std::string>(&r);
    if (!said) return r;
    // A whole column: its row-1 text is the header, read as a blank.
    if (!range.header.empty())
        *said = (lang == Lang::Zh
                     ? "第 1 行“" + range.header + "”作为整列的标题，不计为数据（按空白单元格处理）。"
                     : "Row 1, \"" + range.header +
                           "\", is the whole column's header, not data (read as a blank cell). ") +
                *said;
    // A whole column in the pairs: Calc converts every cell of it on every call.
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (!pairs[i].is_range || pairs[i].block.height() < kWholeColumnRows) continue;
        std::string n = std::to_string(i / 2 + 1);
        *said += lang == Lang::Zh
                     ? " 提示：第 " + n +
                           " 对参数是整列区域：Calc 每次计算都要转换其全部 1048576 个单元格（约 0.3 "
                           "秒）；写成有界区域（如 B2:B708）结果相同而快得多，或用 "
                           "GROUPTABLE/CROSSTAB 按组计算。"
                     : " Note: pair " + n +
                           " is a whole column: Calc converts all its 1,048,576 cells on every call "
                           "(about 0.3 s); a bounded range (e.g. B2:B708) gives the same figure much "
                           "faster, or compute by group with GROUPTABLE/CROSSTAB.";
        break;
    }
    return r;
}

}  // namespace surveycalc::fn
