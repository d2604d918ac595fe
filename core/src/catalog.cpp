#include "surveycalc/catalog.hpp"

namespace surveycalc::catalog {
namespace {

// Arguments that recur across functions.
const Argument kPairs{
    "pairs",
    ArgKind::Pairs,
    {"criteria; options", "条件; 选项"},
    {"Pairs: a range and its criterion (\"广东省\", \">=5\", \"a|b\") to keep matching rows, or an option "
     "name "
     "and its value (\"weights\"; range, \"missing\"; \"99\", \"min_n\"; 5, \"invalid\"; \"skip\", "
     "\"scale\"; "
     "\"0-10\", \"base\"; \"all\", \"level\"; 0.95).",
     "成对参数：区域及其条件（\"广东省\"、\">=5\"、\"a|b\"）用于筛选行；或选项名及其值（\"weights\"; "
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
     "多选题回答：一列，答案之间用 ; , ， ； 、 | / ┋ 或换行分隔（选项 \"sep\" 可改；其他〖文字〗即 其他）；"
     "或每个选项一列的区域（标签或 1 表示选中）。"}};

const Argument kOption{
    "option",
    ArgKind::Value,
    {"option", "选项"},
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
     "区间的 \"lower\"（下限）、\"upper\"（上限）或 \"half\"（半宽）；选项 \"level\" 设定置信水平（默认 "
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

std::vector<Function> build() {
    return {
        {"DIFFICULTY",
         "Statistics",
         Returns::Scalar,
         {"Mean of the valid scores of the matching rows (0-10 difficulty by default); #N/A without data.",
          "符合条件的行中有效分值的平均数（默认 0-10 分难度）；无数据时为 #N/A。"},
         {kScores, kPairs}},
        {"MENTIONRATE",
         "Statistics",
         Returns::Scalar,
         {"Mention rate: share of respondents in the base who mentioned the option (multiple response).",
          "提及率：基数中提及该选项的受访者所占比例（多选题）。"},
         {kResponses, kOption, kPairs}},
        {"MENTIONCOUNT",
         "Statistics",
         Returns::Scalar,
         {"Number of respondents (or sum of their weights) who mentioned the option.",
          "提及该选项的受访者人数（加权时为权重之和）。"},
         {kResponses, kOption, kPairs}},
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
          kPairs}},
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
          kPairs}},
        {"DIFFICULTYCI",
         "Inference",
         Returns::Scalar,
         {"t-interval of the (weighted) mean score: lower bound, upper bound or half-width. Weighted: on the "
          "Kish "
          "effective base.",
          "（加权）平均分的 t 置信区间：下限、上限或半宽。加权时基于 Kish 有效样本量。"},
         {kScores, kBound, kPairs}},
        {"MENTIONCI",
         "Inference",
         Returns::Scalar,
         {"Wilson score interval of the mention rate: lower bound, upper bound or half-width. Weighted: on "
          "the "
          "Kish effective base.",
          "提及率的 Wilson 置信区间：下限、上限或半宽。加权时基于 Kish 有效样本量。"},
         {kResponses, kOption, kBound, kPairs}},
        {"MENTIONTEST",
         "Inference",
         Returns::Scalar,
         {"Two-sided p-value of the pooled two-proportion z-test: mention rate in group_a vs group_b.",
          "两组提及率差异的双侧 p 值（合并方差的两比例 z 检验）。"},
         {kResponses, kOption, kGroups, kGroupA, kGroupB, kPairs}},
        {"DIFFICULTYTEST",
         "Inference",
         Returns::Scalar,
         {"Two-sided p-value of the Welch t-test: mean score in group_a vs group_b.",
          "两组平均分差异的双侧 p 值（Welch t 检验）。"},
         {kScores, kGroups, kGroupA, kGroupB, kPairs}},
        {"GROUPTABLE",
         "Tables",
         Returns::Table,
         {"Array formula: one row per group with group, n and mean score, sorted by mean (highest first); "
          "groups "
          "under min_n left out. Options \"sort\" (desc, asc, name, none), \"top\", \"rows\", \"by\".",
          "数组公式：每组一行（组名、样本数、平均分），按平均分从高到低排序；样本少于 min_n 的组不列出。选项 "
          "\"sort\"（desc、asc、name、none）、\"top\"、\"rows\"、\"by\"。"},
         {kScores, kGroups, kPairs}},
        {"CROSSTAB",
         "Tables",
         Returns::Table,
         {"Array formula: mention rate of each option (rows) in each group (columns), with labels in the "
          "first "
          "row and column. Option \"options\" gives the row order and labels.",
          "数组公式：各选项（行）在各组（列）中的提及率，首行首列为标签。选项 \"options\" "
          "指定行的顺序和标签。"},
         {kResponses, kGroups, kPairs}},
        {"SHARES",
         "Tables",
         Returns::Table,
         {"Array formula: each count's share, rounded so that the rounded percentages sum to exactly 100% "
          "(largest remainder).",
          "数组公式：各计数所占比例，按最大余额法取整，使取整后的百分比之和恰为 100%。"},
         {{"counts",
           ArgKind::Range,
           {"counts", "计数"},
           {"The counts (a column or a row).", "计数（一列或一行）。"}},
          {"decimals",
           ArgKind::Value,
           {"decimals", "小数位"},
           {"Decimals of the percentage (default 1: 11.6%).", "百分比的小数位数（默认 1：11.6%）。"}}}},
        {"PROVINCE",
         "Places",
         Returns::Scalar,
         {"Canonical name of the province-level division a place text names (重庆 → 重庆市, 广东深圳 → "
          "广东省); "
          "empty if unknown.",
          "地名所属省级行政区的规范全称（重庆 → 重庆市，广东深圳 → 广东省）；无法识别时为空。"},
         {kLocation}},
        {"CITY",
         "Places",
         Returns::Scalar,
         {"Canonical prefecture-level city a place text names (广东深圳 → 深圳市); empty if none.",
          "地名所属地级行政区的规范全称（广东深圳 → 深圳市）；没有时为空。"},
         {kLocation}},
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
            "\"circles\"（默认）、\"zones\"，或两列区域（地名、区域）。"}}}},
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
          kPairs}},
    };
}

}  // namespace

const std::vector<Function>& functions() {
    static const std::vector<Function> all = build();
    return all;
}

const Function* find(std::string_view name) {
    for (const Function& f : functions())
        if (f.name == name) return &f;
    return nullptr;
}

const std::vector<OptionInfo>& options() {
    static const std::vector<OptionInfo> all = {
        {"weights", {"case weights (non-negative numbers)", "个案权重（非负数）"}},
        {"scale", {"valid score range, e.g. \"0-10\"", "有效分值范围，如 \"0-10\""}},
        {"missing",
         {"codes or labels meaning no answer, e.g. \"99;不清楚\"",
          "表示未作答的代码或标签，如 \"99;不清楚\""}},
        {"invalid", {"\"error\" (default) or \"skip\"", "\"error\"（默认）或 \"skip\""}},
        {"min_n", {"fewer valid responses than this give #N/A", "有效回答少于此数时返回 #N/A"}},
        {"base", {"\"answered\" (default) or \"all\"", "\"answered\"（默认）或 \"all\""}},
        {"level", {"confidence level, e.g. 0.95", "置信水平，如 0.95"}},
        {"sort",
         {"table order: \"desc\" (default), \"asc\", \"name\", \"none\"",
          "表格排序：\"desc\"（默认）、\"asc\"、\"name\"、\"none\""}},
        {"top", {"keep only the first N rows of a table", "表格只保留前 N 行"}},
        {"rows", {"pad a table with empty cells to N rows", "用空单元格把表格补足到 N 行"}},
        {"cols", {"pad a CROSSTAB with empty cells to N columns", "用空单元格把 CROSSTAB 补足到 N 列"}},
        {"options",
         {"CROSSTAB row order and labels: a range or \"a;b;c\"",
          "CROSSTAB 的行顺序和标签：区域或 \"a;b;c\""}},
        {"by",
         {"grouping of a place column: \"auto\" (default), \"text\", \"province\", \"city\", \"circles\", "
          "\"zones\"",
          "地名分组方式：\"auto\"（默认）、\"text\"、\"province\"、\"city\"、\"circles\"、\"zones\""}},
        {"sep",
         {"the characters that separate answers in a multiple-response cell, for this call (ODK/KoboToolbox: "
          "\" \"); replaces the default ; , ， ； 、 | / ┋ and line breaks",
          "本次调用中多选单元格内分隔答案的字符（ODK/KoboToolbox 用 \" \"）；替代默认的 ; , ， ； 、 | / ┋ "
          "和换行"}},
        {"labels",
         {"a two-column range (code, label): answers and criteria may be written as the code or the label; "
          "tables show labels; in a block of option columns the codes are the column numbers",
          "两列区域（代码，标签）：答案和条件可写代码或标签；表格显示标签；多列区域中代码即列号"}},
        {"answer",
         {"DATACHECK only: the answer a mention function counts, to say how it is found in the range",
          "仅 DATACHECK：要统计的答案，说明它在区域中如何被匹配"}},
    };
    return all;
}

}  // namespace surveycalc::catalog
