#include "surveycalc/catalog.hpp"

#include <stdexcept>
#include <string>

namespace surveycalc::catalog {
namespace {

// Arguments that recur across functions.
const Argument kPairs{
    "pairs",
    ArgKind::Pairs,
    {"criteria; options", "条件; 设置"},
    {"Pairs: a range and its criterion (\"广东省\", \">=5\", \"a|b\") to keep matching rows, or an option "
     "name "
     "and its value (\"weights\"; range, \"missing\"; \"99\", \"min_n\"; 5, \"invalid\"; \"skip\", "
     "\"scale\"; "
     "\"0-10\", \"base\"; \"all\", \"level\"; 0.95).",
     "成对参数：区域及其条件（\"广东省\"、\">=5\"、\"a|b\"）用于筛选行；或设置名及其值（\"weights\"; "
     "权重区域、"
     "\"missing\"; \"99\"、\"min_n\"; 5、\"invalid\"; \"skip\"、\"scale\"; \"0-10\"、\"base\"; \"all\"、"
     "\"level\"; 0.95）。"}};

const Argument kScores{"scores",
                       ArgKind::Range,
                       {"scores", "分值"},
                       {"Column of scores, one row per respondent (blank = no answer).",
                        "分值列，每行一个受访者（空白表示未作答）。"}};

const Argument kResponses{
    "responses",
    ArgKind::Range,
    {"responses", "多选回答"},
    {"Multiple-response answers: one column listing the answers separated by ; , ， ； 、 | / ┋ or line "
     "breaks (option \"sep\" sets others; 其他〖text〗 is 其他), or a block with one column per option "
     "(label or 1 = chosen).",
     "多选题回答：一列，答案之间用 ; , ， ； 、 | / ┋ 或换行分隔（设置 \"sep\" 可改；其他〖文字〗即 其他）；"
     "或每个选项一列的区域（标签或 1 表示选中）。"}};

const Argument kOption{
    "option",
    ArgKind::Value,
    {"answer", "答案"},
    {"The answer to count: a code or label (whole answer; with \"labels\" either), or in a block the column "
     "number or the text its cells hold.",
     "要统计的答案：代码或标签（整个答案匹配；有 \"labels\" "
     "时两者皆可），或多列区域中的列号或该列单元格中的文字。"}};

// "bound" is a UNOIDL keyword: the IDL parameter is whichBound, the wizard shows "bound".
const Argument kBound{
    "whichBound",
    ArgKind::Value,
    {"bound", "界限"},
    {"\"lower\", \"upper\" or \"half\" (half-width) of the interval; option \"level\" sets the "
     "confidence level (default 0.95).",
     "区间的 \"lower\"（下限）、\"upper\"（上限）或 \"half\"（半宽）；设置 \"level\" 设定置信水平（默认 "
     "0.95）。"}};

const Argument kGroups{"groups",
                       ArgKind::Range,
                       {"groups", "分组"},
                       {"Column of group labels (e.g. province), one row per respondent.",
                        "分组标签列（如省份），每行一个受访者。"}};
const Argument kGroupA{"groupA",
                       ArgKind::Value,
                       {"group_a", "甲组"},
                       {"Criterion for the first group (e.g. \"重庆\").", "第一组的条件（如 \"重庆\"）。"}};
const Argument kGroupB{"groupB",
                       ArgKind::Value,
                       {"group_b", "乙组"},
                       {"Criterion for the second group (e.g. \"<>重庆\" for the rest).",
                        "第二组的条件（如 \"<>重庆\" 表示其余）。"}};

const Argument kLocation{"location",
                         ArgKind::Value,
                         {"location", "地名"},
                         {"A place as typed: 重庆, 重庆市, Chongqing, 渝, 广东深圳 ...",
                          "任意写法的地名：重庆、重庆市、Chongqing、渝、广东深圳……"}};

using O = OptionId;

std::vector<OptionId> with(std::vector<OptionId> base, std::initializer_list<OptionId> more) {
    base.insert(base.end(), more);
    return base;
}

const std::vector<OptionId> kScoreOpts = {O::Weights, O::Scale, O::Missing, O::Invalid, O::MinN, O::Labels};
const std::vector<OptionId> kMentionOpts = {O::Weights, O::Missing, O::MinN, O::Base, O::Sep, O::Labels};

/// DATACHECK takes every option, so that given a failing formula's pairs it says what is wrong with them.
std::vector<OptionId> all_options() {
    std::vector<OptionId> out;
    for (unsigned i = 0; i < static_cast<unsigned>(OptionId::Count_); ++i)
        out.push_back(static_cast<OptionId>(i));
    return out;
}

std::vector<Function> build() {
    return {
        {"DIFFICULTY",
         "Statistics",
         Returns::Scalar,
         {"Mean of the valid scores of the matching rows (0-10 difficulty by default); #N/A without data.",
          "符合条件的行中有效分值的平均数（默认 0-10 分难度）；无数据时为 #N/A。"},
         {kScores, kPairs},
         kScoreOpts,
         [](const Call& c) -> Value { return fn::difficulty(c.range(0), c.pairs); }},
        {"TOPBOX",
         "Statistics",
         Returns::Scalar,
         {"Top-box share: share of the valid scores of the matching rows that are at least threshold (e.g. 9 "
          "and 10 on a 0-10 scale); #N/A without data.",
          "高分占比：符合条件的行中有效分值不低于阈值的比例（如 0-10 分中的 9、10 分）；无数据时为 #N/A。"},
         {kScores,
          {"threshold",
           ArgKind::Value,
           {"threshold", "阈值"},
           {"The lowest score that counts (e.g. 9).", "计入的最低分（如 9）。"}},
          kPairs},
         kScoreOpts,
         [](const Call& c) -> Value { return fn::topbox(c.range(0), c.value(1, "threshold"), c.pairs); }},
        {"MENTIONRATE",
         "Statistics",
         Returns::Scalar,
         {"Mention rate: share of respondents in the base who mentioned the option (multiple response).",
          "提及率：基数中提及该答案的受访者所占比例（多选题）。"},
         {kResponses, kOption, kPairs},
         kMentionOpts,
         [](const Call& c) -> Value { return fn::mention_rate(c.range(0), c.value(1, "answer"), c.pairs); }},
        {"MENTIONCOUNT",
         "Statistics",
         Returns::Scalar,
         {"Number of respondents (or sum of their weights) who mentioned the option.",
          "提及该答案的受访者人数（加权时为权重之和）。"},
         {kResponses, kOption, kPairs},
         {O::Weights, O::Missing, O::MinN, O::Sep, O::Labels},
         [](const Call& c) -> Value { return fn::mention_count(c.range(0), c.value(1, "answer"), c.pairs); }},
        {"SHARE",
         "Statistics",
         Returns::Scalar,
         {"Share of answered rows whose single answer equals value (e.g. firms not yet resumed).",
          "已作答的行中答案等于指定值的比例（如尚未复工企业占比）。"},
         {{"values",
           ArgKind::Range,
           {"values", "答案"},
           {"Column of single answers, one row per respondent.", "单选题答案列，每行一个受访者。"}},
          {"value",
           ArgKind::Value,
           {"value", "值"},
           {"The answer to count; \"a|b\" counts either.", "要统计的答案；\"a|b\" 表示其中任一。"}},
          kPairs},
         {O::Weights, O::Missing, O::MinN, O::Labels},
         [](const Call& c) -> Value { return fn::share(c.range(0), c.value(1, "value"), c.pairs); }},
        {"SUMRATIO",
         "Statistics",
         Returns::Scalar,
         {"Ratio of sums: sum of numerators / sum of denominators over the matching rows (resumption rate, "
          "return-to-post rate). Rows with a blank denominator are left out.",
          "比率（总和之比）：符合条件的行中分子之和 / 分母之和（复工率、返岗率）。分母为空的行不计入。"},
         {{"numerators",
           ArgKind::Range,
           {"numerators", "分子"},
           {"Column of numerators, e.g. firms resumed or staff returned.",
            "分子列，如已复工企业数或返岗人数。"}},
          {"denominators",
           ArgKind::Range,
           {"denominators", "分母"},
           {"Column of denominators, e.g. firms or staff.", "分母列，如企业数或员工数。"}},
          kPairs},
         {O::Weights, O::Missing, O::Invalid, O::MinN, O::Labels},
         [](const Call& c) -> Value { return fn::rate(c.range(0), c.range(1), c.pairs); }},
        {"DIFFICULTYCI",
         "Inference",
         Returns::Scalar,
         {"t-interval of the (weighted) mean score: lower bound, upper bound or half-width. Weighted: on the "
          "Kish "
          "effective base.",
          "（加权）平均分的 t 置信区间：下限、上限或半宽。加权时基于 Kish 有效样本量。"},
         {kScores, kBound, kPairs},
         with(kScoreOpts, {O::Level}),
         [](const Call& c) -> Value { return fn::difficulty_ci(c.range(0), c.value(1, "bound"), c.pairs); }},
        {"MENTIONCI",
         "Inference",
         Returns::Scalar,
         {"Wilson score interval of the mention rate: lower bound, upper bound or half-width. Weighted: on "
          "the "
          "Kish effective base.",
          "提及率的 Wilson 置信区间：下限、上限或半宽。加权时基于 Kish 有效样本量。"},
         {kResponses, kOption, kBound, kPairs},
         with(kMentionOpts, {O::Level}),
         [](const Call& c) -> Value {
             return fn::mention_ci(c.range(0), c.value(1, "answer"), c.value(2, "bound"), c.pairs);
         }},
        {"MENTIONTEST",
         "Inference",
         Returns::Scalar,
         {"Two-sided p-value of the pooled two-proportion z-test: mention rate in group_a vs group_b.",
          "两组提及率差异的双侧 p 值（合并方差的两比例 z 检验）。"},
         {kResponses, kOption, kGroups, kGroupA, kGroupB, kPairs},
         kMentionOpts,
         [](const Call& c) -> Value {
             return fn::mention_test(c.range(0), c.value(1, "answer"), c.range(2), c.value(3, "group_a"),
                                     c.value(4, "group_b"), c.pairs);
         }},
        {"DIFFICULTYTEST",
         "Inference",
         Returns::Scalar,
         {"Two-sided p-value of the Welch t-test: mean score in group_a vs group_b.",
          "两组平均分差异的双侧 p 值（Welch t 检验）。"},
         {kScores, kGroups, kGroupA, kGroupB, kPairs},
         kScoreOpts,
         [](const Call& c) -> Value {
             return fn::difficulty_test(c.range(0), c.range(1), c.value(2, "group_a"), c.value(3, "group_b"),
                                        c.pairs);
         }},
        {"GROUPTABLE",
         "Tables",
         Returns::Table,
         {"Array formula: one row per group with group, n and mean score, sorted by mean (highest first); "
          "groups "
          "under min_n left out. Options \"sort\" (desc, asc, name, none), \"top\", \"rows\", \"by\", "
          "\"header\" "
          "(1: a first row of labels).",
          "数组公式：每组一行（组名、样本数、平均分），按平均分从高到低排序；样本少于 min_n 的组不列出。设置 "
          "\"sort\"（desc、asc、name、none）、\"top\"、\"rows\"、\"by\"、\"header\"（1：首行为列标签）。"},
         {kScores, kGroups, kPairs},
         with(kScoreOpts, {O::Sort, O::Top, O::Rows, O::By, O::Header}),
         [](const Call& c) -> Value {
             return fn::group_table(c.range(0), c.range(1), c.pairs,
                                    {c.lang, c.arg(0).title, c.arg(1).title});
         }},
        {"CROSSTAB",
         "Tables",
         Returns::Table,
         {"Array formula: mention rate of each option (rows) in each group (columns), with labels in the "
          "first "
          "row and column. Option \"options\" gives the row order and labels.",
          "数组公式：各选项（行）在各组（列）中的提及率，首行首列为标签。设置 \"options\" "
          "指定行的顺序和标签。"},
         {kResponses, kGroups, kPairs},
         with(kMentionOpts, {O::Sort, O::Top, O::Rows, O::Cols, O::Options, O::By, O::Header}),
         [](const Call& c) -> Value {
             return fn::crosstab(c.range(0), c.range(1), c.pairs, {c.lang, c.arg(0).title, c.arg(1).title});
         }},
        {"SHARES",
         "Tables",
         Returns::Table,
         {"Array formula: each count's share, rounded so that the rounded percentages sum to exactly 100% "
          "(largest remainder).",
          "数组公式：各计数所占比例，按最大余额法取整，使取整后的百分比之和恰为 100%。"},
         {{"counts",
           ArgKind::Array,
           {"counts", "计数"},
           {"The counts (a column or a row).", "计数（一列或一行）。"}},
          {"decimals",
           ArgKind::Value,
           {"decimals", "小数位"},
           {"Decimals of the percentage (default 1: 11.6%).", "百分比的小数位数（默认 1：11.6%）。"},
           true}},
         {},
         [](const Call& c) -> Value { return fn::shares(c.range(0), c.value(1, "decimals")); }},
        {"PROVINCE",
         "Places",
         Returns::Scalar,
         {"Canonical name of the province-level division a place text names (重庆 → 重庆市, 广东深圳 → "
          "广东省); "
          "empty if unknown.",
          "地名所属省级行政区的规范全称（重庆 → 重庆市，广东深圳 → 广东省）；无法识别时为空。"},
         {kLocation},
         {},
         [](const Call& c) -> Value { return fn::province(c.value(0, "location")); }},
        {"CITY",
         "Places",
         Returns::Scalar,
         {"Canonical prefecture-level city a place text names (广东深圳 → 深圳市); empty if none.",
          "地名所属地级行政区的规范全称（广东深圳 → 深圳市）；没有时为空。"},
         {kLocation},
         {},
         [](const Call& c) -> Value { return fn::city(c.value(0, "location")); }},
        {"REGION",
         "Places",
         Returns::Scalar,
         {"Region a place lies in: scheme \"circles\" (长三角, 珠三角, 京津冀; default), \"zones\" (东部, "
          "中部, "
          "西部, 东北) or a two-column range mapping places to regions.",
          "地名所属区域：方案 "
          "\"circles\"（长三角、珠三角、京津冀；默认）、\"zones\"（东部、中部、西部、东北），"
          "或“地名-区域”两列对照区域。"},
         {kLocation,
          {"scheme",
           ArgKind::Value,
           {"scheme", "方案"},
           {"\"circles\" (default), \"zones\", or a two-column range (place, region).",
            "\"circles\"（默认）、\"zones\"，或两列区域（地名、区域）。"},
           true}},
         {},
         [](const Call& c) -> Value { return fn::region(c.value(0, "location"), c.arg(1)); }},
        {"DATACHECK",
         "Checking data",
         Returns::Scalar,
         {"A sentence on what the range holds: valid, missing and invalid cells, naming the first invalid "
          "ones "
          "by row.",
          "用一句话说明区域中的数据：有效、缺失和无效单元格的个数，并按行列出前几个无效值。"},
         {{"range", ArgKind::Range, {"range", "区域"}, {"The column to check.", "要检查的列。"}},
          {"kind",
           ArgKind::Value,
           {"kind", "类型"},
           {"\"scores\", \"responses\" or \"places\".",
            "\"scores\"（分值）、\"responses\"（多选回答）或 "
            "\"places\"（地名）。"}},
          kPairs},
         all_options(),
         [](const Call& c) -> Value {
             return fn::datacheck(c.range(0), c.value(1, "kind"), c.pairs, c.lang);
         },
         true},
    };
}

}  // namespace

Text datacheck_hint() {
    return {"Err:502? DATACHECK with the same data range and pairs says why.",
            "显示 Err:502？用相同的数据区域和参数对调用 DATACHECK 可查看原因。"};
}

const std::vector<Function>& functions() {
    static const std::vector<Function> all = build();
    return all;
}

const Function* find(std::string_view name) {
    for (const Function& f : functions())
        if (f.name == name) return &f;
    return nullptr;
}

OptionSet option_set(const Function& f) {
    OptionSet set = 0;
    for (OptionId o : f.options) set |= bit(o);
    return set;
}

Value call(const Function& f, const Call& c) {
    for (std::size_t i = 0; i < f.args.size() && i < c.args.size(); ++i) {
        const Block& b = c.args[i].range();
        if (f.args[i].kind == ArgKind::Pairs || b.error_cells == 0) continue;
        std::string n = std::to_string(b.error_cells);
        Message m{
            std::string(f.args[i].name) + " holds " +
                (b.error_cells == 1 ? std::string("an error value") : n + " error values") + " (first at " +
                b.first_error +
                "): a figure over an error has no value, as in AVERAGE; fix the formula there or "
                "leave the cell out of the range",
            std::string(f.args[i].display.zh) + " 含有 " + n + " 个错误值（第一个在 " + b.first_error +
                "）：含错误值的数据算不出数字（与 AVERAGE 相同）；请修正该处公式，或把该单元格移出区域"};
        if (f.reports_errors) return Result(in(m, c.lang));
        throw ArgumentError(std::move(m));
    }
    return f.entry(c);
}

const Function& get(std::string_view name) {
    if (const Function* f = find(name)) return *f;
    throw std::logic_error("surveycalc: no catalog entry " + std::string(name));
}

const std::vector<OptionInfo>& options() {
    static const std::vector<OptionInfo> all = {
        {"weights",
         O::Weights,
         "range",
         "",
         {"case weights (non-negative numbers), one per row", "个案权重（非负数），每行一个"}},
        {"scale", O::Scale, "text", "0-10", {"valid score range, e.g. \"1-5\"", "有效分值范围，如 \"1-5\""}},
        {"missing",
         O::Missing,
         "text or range",
         "",
         {"codes or labels meaning no answer, e.g. \"99;不清楚\"",
          "表示未作答的代码或标签，如 \"99;不清楚\""}},
        {"invalid",
         O::Invalid,
         "word",
         "error",
         {"\"error\" or \"skip\": what an invalid value does", "\"error\" 或 \"skip\"：无效值的处理"}},
        {"min_n",
         O::MinN,
         "number",
         "1",
         {"fewer valid responses than this give #N/A", "有效回答少于此数时返回 #N/A"}},
        {"base",
         O::Base,
         "word",
         "answered",
         {"\"answered\" or \"all\" (every row with a cell among the call's ranges)",
          "\"answered\" 或 \"all\"（本次调用各区域中有内容的所有行）"}},
        {"level", O::Level, "number", "0.95", {"confidence level", "置信水平"}},
        {"sort",
         O::Sort,
         "word",
         "desc",
         {"table order: \"desc\", \"asc\", \"name\", \"none\"",
          "表格排序：\"desc\"、\"asc\"、\"name\"、\"none\""}},
        {"top",
         O::Top,
         "whole number",
         "0 (all)",
         {"keep only the first N rows of a table", "表格只保留前 N 行"}},
        {"rows",
         O::Rows,
         "whole number",
         "",
         {"pad a table with empty cells to N rows", "用空单元格把表格补足到 N 行"}},
        {"cols",
         O::Cols,
         "whole number",
         "",
         {"pad a CROSSTAB with empty cells to N columns", "用空单元格把 CROSSTAB 补足到 N 列"}},
        {"options",
         O::Options,
         "range or text",
         "",
         {"CROSSTAB row order and labels: a range or \"a;b;c\"",
          "CROSSTAB 的行顺序和标签：区域或 \"a;b;c\""}},
        {"by",
         O::By,
         "word",
         "auto",
         {"grouping of a place column: \"auto\", \"text\", \"province\", \"city\", \"circles\", \"zones\"",
          "地名分组方式：\"auto\"、\"text\"、\"province\"、\"city\"、\"circles\"、\"zones\""}},
        {"sep",
         O::Sep,
         "text",
         "; , ， ； 、 | / ┋ and line breaks",
         {"the characters that separate answers in a multiple-response cell, for this call (ODK/KoboToolbox: "
          "\" \"); \"\" splits nothing",
          "本次调用中多选单元格内分隔答案的字符（ODK/KoboToolbox 用 \" \"）；\"\" 表示不拆分"}},
        {"labels",
         O::Labels,
         "range",
         "",
         {"a two-column range (code, label): answers and criteria may be written as the code or the label; "
          "tables show labels; in a block of option columns the codes are the column numbers",
          "两列区域（代码，标签）：答案和条件可写代码或标签；表格显示标签；多列区域中代码即列号"}},
        {"answer",
         O::Answer,
         "value",
         "",
         {"the answer a mention function counts, to say how it is found in the range",
          "要统计的答案，说明它在区域中如何被匹配"}},
        {"header",
         O::Header,
         "whole number",
         "0",
         {"1: a first row of column labels (the texts just above the ranges, else Group / n / Mean, in "
          "the UI language)",
          "1：首行为列标签（取区域正上方单元格的文字，否则为 组 / 样本数 / 平均分，随界面语言）"}},
    };
    return all;
}

const OptionInfo& option(OptionId id) { return options().at(static_cast<std::size_t>(id)); }

}  // namespace surveycalc::catalog
