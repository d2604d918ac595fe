// Extension help (LibreOffice's .xhp format) generated from the catalog: one
// page per function and an index page, in en-US and zh-CN, plus help.tree.
//   gencatalog help OUTDIR   writes OUTDIR/<lang>/help.tree and
//                            OUTDIR/<lang>/org.surveycalc/{index,<NAME>}.xhp
// The .oxt carries OUTDIR as "help" (manifest media type application/vnd.sun.star.help);
// unopkg compiles the pages into the help index when the extension is installed.
//
// Routing (verified in LibreOffice 7.4.7, see README "Help in Calc"): Calc gives a
// third-party add-in function no help ID (ScUnoAddInHelpIdGenerator knows only the
// Analysis and DateFunctions add-ins), so no request ever names a surveycalc function.
// F1 on the Function Wizard's function list asks for the list's own ID,
// formula/ui/functionpage/function; claiming it crashes LibreOffice 7.4 where
// libreoffice-help-common is missing, so no page claims it. The pages are found
// through Help > Index; each has its own ID, hid/org.surveycalc/<NAME>.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "surveycalc/catalog.hpp"
#include "xml_escape.hpp"

using namespace surveycalc::catalog;

namespace {

struct Lang {
    const char* tag;  // xml-lang and the help directory
    bool zh;
};
constexpr Lang kLangs[] = {{"en-US", false}, {"zh-CN", true}};

std::string_view pick(const Text& t, const Lang& l) { return l.zh ? t.zh : t.en; }

/// What the catalog does not hold: worked examples and the definition of each
/// statistic. Keyed by function name; genhelp refuses a catalog function
/// without an entry (and an entry without a function), so a new function
/// cannot ship without its help.
struct Extra {
    std::vector<std::string_view> examples;  // formulas, each starting "=NAME(" (or "{=NAME(" for arrays)
    Text definition;
};

const std::map<std::string_view, Extra>& extras() {
    static const std::map<std::string_view, Extra> all = {
        {"DIFFICULTY",
         {{"=DIFFICULTY(F2:F708)", "=DIFFICULTY(F2:F708; B2:B708; \"重庆\"; \"missing\"; \"99\")",
           "=DIFFICULTY(F2:F708; \"weights\"; H2:H708)"},
          {"The (weighted) arithmetic mean Σw·x / Σw of the valid scores. Blank cells and missing codes are "
           "no "
           "answer; a value outside \"scale\" is invalid.",
           "有效分值的（加权）算术平均数 Σw·x / Σw。空白单元格和缺失代码视为未作答；超出 \"scale\" "
           "的值为无效值。"}}},
        {"TOPBOX",
         {{"=TOPBOX(F2:F708; 9)", "=TOPBOX(F2:F708; 9; B2:B708; \"珠三角\")"},
          {"The (weighted) share of valid scores that are at least threshold: Σw·[x ≥ threshold] / Σw.",
           "有效分值中不低于阈值者的（加权）比例：Σw·[x ≥ 阈值] / Σw。"}}},
        {"MENTIONRATE",
         {{"=MENTIONRATE(G2:G708; \"外地员工返岗需隔离\")", "=MENTIONRATE(J2:O708; 2)",
           "=MENTIONRATE(H2:H481; \"quarantine\"; \"sep\"; \" \")"},
          {"Respondents who mentioned the answer / respondents in the base (weighted: sums of weights). The "
           "base is the rows that answered (\"base\"; \"answered\") or every row that passes the criteria "
           "(\"base\"; \"all\").",
           "提及该答案的受访者数 / 基数中的受访者数（加权时为权重之和）。基数为已作答的行（\"base\"; "
           "\"answered\"），或通过条件的所有行（\"base\"; \"all\"）。"}}},
        {"MENTIONCOUNT",
         {{"=MENTIONCOUNT(G2:G708; \"外地员工返岗需隔离\")",
           "=MENTIONCOUNT(G2:G708; \"其他\"; \"weights\"; H2:H708)"},
          {"The number of respondents who mentioned the answer, or the sum of their weights.",
           "提及该答案的受访者人数，加权时为其权重之和。"}}},
        {"SHARE",
         {{"=SHARE(E2:E708; \"未复工\")", "=SHARE(E2:E708; \"未复工|部分复工\"; B2:B708; \"广东\")"},
          {"Answered rows whose answer equals value / answered rows (weighted: sums of weights).",
           "答案等于指定值的已作答行数 / 已作答行数（加权时为权重之和）。"}}},
        {"SUMRATIO",
         {{"=SUMRATIO(G2:G51; F2:F51)", "=SUMRATIO(G2:G51; F2:F51; D2:D51; \"是\")"},
          {"Ratio of sums Σ numerators / Σ denominators (weighted: Σw·numerator / Σw·denominator), as R's "
           "svyratio; not the mean of the row ratios.",
           "总和之比 Σ分子 / Σ分母（加权时为 Σw·分子 / Σw·分母），与 R 的 svyratio "
           "相同；不是各行比率的平均数。"}}},
        {"DIFFICULTYCI",
         {{"=DIFFICULTYCI(F2:F708; \"lower\")", "=DIFFICULTYCI(F2:F708; \"half\"; \"level\"; 0.9)"},
          {"x̄ ± t(n_eff−1)·se with se² = Σw(x−x̄)² / (Σw·(n_eff−1)) and n_eff = (Σw)²/Σw² (Kish). Unweighted, "
           "R's t.test interval.",
           "x̄ ± t(n_eff−1)·se，其中 se² = Σw(x−x̄)² / (Σw·(n_eff−1))，n_eff = (Σw)²/Σw²（Kish "
           "有效样本量）。不加权时与 R 的 t.test 区间相同。"}}},
        {"MENTIONCI",
         {{"=MENTIONCI(G2:G708; \"其他\"; \"lower\")",
           "=MENTIONCI(G2:G708; \"其他\"; \"upper\"; \"level\"; 0.99)"},
          {"Wilson score interval on the mention rate p̂ and n (weighted: n_eff); unweighted, R's "
           "prop.test(correct=FALSE).",
           "基于提及率 p̂ 和 n（加权时为 n_eff）的 Wilson 置信区间；不加权时与 R 的 prop.test(correct=FALSE) "
           "相同。"}}},
        {"MENTIONTEST",
         {{"=MENTIONTEST(G2:G708; \"其他\"; B2:B708; \"重庆\"; \"<>重庆\")"},
          {"Two-sided p-value of the pooled two-proportion z-test (weighted: on p̂ᵢ·n_eff,ᵢ of n_eff,ᵢ); "
           "unweighted, R's prop.test(correct=FALSE).",
           "合并方差两比例 z 检验的双侧 p 值（加权时基于 p̂ᵢ·n_eff,ᵢ 与 n_eff,ᵢ）；不加权时与 R 的 "
           "prop.test(correct=FALSE) 相同。"}}},
        {"DIFFICULTYTEST",
         {{"=DIFFICULTYTEST(F2:F708; B2:B708; \"重庆\"; \"<>重庆\")"},
          {"Two-sided p-value of Welch's t-test with Welch–Satterthwaite degrees of freedom (weighted: Kish "
           "se and df per group); unweighted, R's t.test.",
           "Welch t 检验的双侧 p 值，自由度按 Welch–Satterthwaite 公式（加权时每组用 Kish 标准误和自由度）；"
           "不加权时与 R 的 t.test 相同。"}}},
        {"GROUPTABLE",
         {{"{=GROUPTABLE(F2:F708; B2:B708; \"rows\"; 34)}",
           "{=GROUPTABLE(F2:F708; B2:B708; \"by\"; \"circles\")}"},
          {"For each group: its label, n and mean score (as DIFFICULTY), sorted by mean; enter it as an "
           "array "
           "formula (Ctrl+Shift+Enter) over enough rows.",
           "每组一行：组名、样本数、平均分（同 "
           "DIFFICULTY），按平均分排序；以数组公式输入（Ctrl+Shift+Enter），"
           "并选足够的行。"}}},
        {"CROSSTAB",
         {{"{=CROSSTAB(G2:G708; B2:B708; \"by\"; \"circles\"; \"options\"; A53:A61)}"},
          {"The mention rate (as MENTIONRATE) of each answer (rows) in each group (columns); enter it as an "
           "array formula (Ctrl+Shift+Enter).",
           "各答案（行）在各组（列）中的提及率（同 MENTIONRATE）；以数组公式输入（Ctrl+Shift+Enter）。"}}},
        {"SHARES",
         {{"{=SHARES(B2:B6; 1)}"},
          {"Largest-remainder rounding: each count's share is rounded down, and the remaining units go to "
           "the "
           "largest remainders (a tie to the larger count, then to the earlier cell), so the shares sum to "
           "exactly 100%.",
           "最大余额法：各计数的比例先向下取整，余下的单位依次分给余数最大者（余数相同时给计数较大者，再给靠"
           "前的"
           "单元格），使各比例之和恰为 100%。"}}},
        {"PROVINCE",
         {{"=PROVINCE(\"广东深圳\")", "=PROVINCE(C2)"},
          {"The gazetteer of the 34 province-level and 333 prefecture-level divisions (GB/T 2260) resolves "
           "the "
           "text; the result is the canonical full name.",
           "按 34 个省级和 333 个地级行政区的地名库（GB/T 2260）识别地名，返回规范全称。"}}},
        {"CITY",
         {{"=CITY(\"广东深圳\")", "=CITY(C2)"},
          {"As PROVINCE, at the prefecture level.", "同 PROVINCE，在地级行政区一级。"}}},
        {"REGION",
         {{"=REGION(\"深圳\")", "=REGION(C2; \"zones\")", "=REGION(C2; Regions.A1:B40)"},
          {"circles: 长三角 = 上海, 江苏, 浙江, 安徽; 珠三角 = the nine Pearl River Delta cities; 京津冀 = "
           "北京, "
           "天津, 河北. zones: the four economic zones 东部, 中部, 西部, 东北.",
           "circles：长三角 = 上海、江苏、浙江、安徽；珠三角 = 珠江三角洲九市；京津冀 = 北京、天津、河北。"
           "zones：东部、中部、西部、东北四大经济区域。"}}},
        {"DATACHECK",
         {{"=DATACHECK(F2:F708; \"scores\")",
           "=DATACHECK(G2:G708; \"responses\"; \"answer\"; \"quarantine\")"},
          {"Counts valid, missing and invalid cells by the rules the other functions use, and checks every "
           "option it is given.",
           "按其他函数使用的规则统计有效、缺失和无效单元格，并检查给出的每个设置。"}}},
    };
    return all;
}

struct Words {
    const char* syntax;
    const char* arguments;
    const char* options;
    const char* no_options;
    const char* option_default;
    const char* no_default;
    const char* examples;
    const char* definitions;
    const char* see_readme;
    const char* datacheck;
    const char* datacheck_self;
    const char* pairs_note;
    const char* index_title;
    const char* index_intro;
    const char* back;
    const char* how_to_open;
};

const Words& words(const Lang& l) {
    static const Words en{
        "Syntax",
        "Arguments",
        "Options this function takes",
        "This function takes no options.",
        "default",
        "no default",
        "Examples",
        "Definitions",
        "The data rules (blank cells, missing codes, invalid values, multiple responses, places) and the "
        "statistical definitions are in the surveycalc README, sections \"Data rules\" and \"Statistics: "
        "definitions\".",
        "If the cell shows Err:502, DATACHECK with the same arguments explains why: "
        "=DATACHECK(<the same range>; \"scores\" or \"responses\"; <the same pairs>).",
        "DATACHECK accepts every option of every function and checks its value, so given a failing "
        "formula's pairs it says what is wrong with them.",
        "After the fixed arguments come up to 12 pairs: a range and its criterion (as in AVERAGEIFS) keeps "
        "the rows that match, or an option name and its value sets an option.",
        "surveycalc functions",
        "Survey report functions of the surveycalc extension. Function names are the same in every UI "
        "language; separate arguments with ;.",
        "All surveycalc functions: Index tab, \"surveycalc\".",
        "Each function has its own page: on the Index tab type the function's name (\"MENTIONRATE "
        "function\"), "
        "or open Contents ▸ surveycalc.",
    };
    static const Words zh{
        "语法",
        "参数",
        "本函数可用的设置",
        "本函数没有设置。",
        "默认",
        "无默认值",
        "示例",
        "定义",
        "数据规则（空白单元格、缺失代码、无效值、多选回答、地名）和统计定义见 surveycalc 的 README 中"
        "“Data rules”和“Statistics: definitions”两节。",
        "单元格显示 Err:502 时，用相同参数调用 DATACHECK 可以说明原因："
        "=DATACHECK(<相同区域>; \"scores\" 或 \"responses\"; <相同的成对参数>)。",
        "DATACHECK 接受所有函数的所有设置并检查其值，因此给它出错公式的成对参数，它会说明错在哪里。",
        "固定参数之后最多可跟 12 对参数：区域及其条件（同 AVERAGEIFS）筛选符合条件的行；或设置名及其值"
        "（如 \"weights\"; 权重区域）。",
        "surveycalc 函数",
        "surveycalc 扩展的调查报告统计函数。函数名在各种界面语言中相同；参数之间用 ; 分隔。",
        "所有 surveycalc 函数：索引标签页中的“surveycalc”。",
        "每个函数都有自己的页面：在索引标签页中输入函数名（“MENTIONRATE 函数”），或打开 内容 ▸ surveycalc。",
    };
    return l.zh ? zh : en;
}

constexpr std::string_view kDir = "org.surveycalc";

class Page {
   public:
    Page(const Lang& l, std::string_view file, std::string_view title) : lang_(l) {
        o_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<!-- Generated by tools/gencatalog (genhelp.cpp) from core/src/catalog.cpp. Do not edit. -->\n"
              "<helpdocument version=\"1.0\">\n<meta>\n<topic id=\"org_surveycalc_"
           << file << "\" indexer=\"include\" status=\"PUBLISH\">\n<title id=\"tit\" xml-lang=\"" << l.tag
           << "\">" << surveycalc::tools::xml(title) << "</title>\n<filename>/" << kDir << "/" << file
           << ".xhp</filename>\n</topic>\n</meta>\n<body>\n";
    }
    void hid(std::string_view id) {
        o_ << "<bookmark xml-lang=\"" << lang_.tag << "\" branch=\"hid/" << id << "\" id=\"bm_id" << ++n_
           << "\" localize=\"false\"/>\n";
    }
    void index(const std::vector<std::string>& values) {
        o_ << "<bookmark xml-lang=\"" << lang_.tag << "\" branch=\"index\" id=\"bm_id" << ++n_ << "\">";
        for (const std::string& v : values)
            o_ << "<bookmark_value>" << surveycalc::tools::xml(v) << "</bookmark_value>";
        o_ << "</bookmark>\n";
    }
    void para(std::string_view role, std::string_view text, int level = 0) {
        o_ << "<paragraph role=\"" << role << "\" id=\"par_id" << ++n_ << "\" xml-lang=\"" << lang_.tag
           << "\"";
        if (level) o_ << " level=\"" << level << "\"";
        o_ << ">" << surveycalc::tools::xml(text) << "</paragraph>\n";
    }
    void heading(std::string_view text, int level) { para("heading", text, level); }
    // No <link>s between pages: in LibreOffice 7.4 a link from one extension page to another
    // opened a blank page (href "org.surveycalc/X.xhp") or "Object not accessible" (href
    // "text/org.surveycalc/X.xhp"), so pages name each other and the Index tab finds them.
    void list_begin() { o_ << "<list type=\"unordered\">\n"; }
    void item(std::string_view text) {
        o_ << "<listitem>\n";
        para("listitem", text);
        o_ << "</listitem>\n";
    }
    void list_end() { o_ << "</list>\n"; }
    std::string str() {
        o_ << "</body>\n</helpdocument>\n";
        return o_.str();
    }

   private:
    const Lang& lang_;
    std::ostringstream o_;
    int n_ = 0;
};

std::string syntax(const Function& f) {
    std::string s = std::string(f.name) + "(";
    for (std::size_t i = 0; i < f.args.size(); ++i) {
        if (i) s += "; ";
        s += f.args[i].kind == ArgKind::Pairs ? std::string("pairs…") : std::string(f.args[i].name);
    }
    return s + ")";
}

std::string function_page(const Function& f, const Extra& x, const Lang& l) {
    const Words& w = words(l);
    Page p(l, f.name, f.name);
    p.hid(std::string(kDir) + "/" + std::string(f.name));
    std::string entry = "surveycalc;";
    entry += f.name;
    p.index({std::string(f.name) + (l.zh ? " 函数" : " function"), entry});
    p.heading(f.name, 1);
    p.para("paragraph", pick(f.description, l));
    p.heading(w.syntax, 2);
    p.para("code", syntax(f));
    p.heading(w.arguments, 2);
    p.list_begin();
    for (const Argument& a : f.args)
        p.item(std::string(pick(a.display, l)) + " (" + std::string(a.name) +
               "): " + std::string(pick(a.description, l)));
    p.list_end();
    bool pairs = false;
    for (const Argument& a : f.args) pairs = pairs || a.kind == ArgKind::Pairs;
    if (pairs) p.para("paragraph", w.pairs_note);
    p.heading(w.options, 2);
    if (f.options.empty()) {
        p.para("paragraph", w.no_options);
    } else {
        p.list_begin();
        for (OptionId id : f.options) {
            const OptionInfo& o = option(id);
            // Appended piece by piece: GCC 12 -O3 warns falsely (-Wrestrict, bug 105329) on "lit" + string.
            std::string item = "\"";
            item += o.name;
            item += "\" (";
            item += o.type;
            item += "; ";
            if (o.fallback.empty()) {
                item += w.no_default;
            } else {
                item += w.option_default;
                item += ' ';
                item += o.fallback;
            }
            item += "): ";
            item += pick(o.help, l);
            p.item(item);
        }
        p.list_end();
    }
    p.heading(w.examples, 2);
    for (std::string_view e : x.examples) p.para("code", e);
    p.heading(w.definitions, 2);
    p.para("paragraph", pick(x.definition, l));
    p.para("paragraph", w.see_readme);
    p.para("note", f.name == "DATACHECK" ? w.datacheck_self : w.datacheck);
    p.para("paragraph", w.back);
    return p.str();
}

std::string index_page(const Lang& l) {
    const Words& w = words(l);
    Page p(l, "index", w.index_title);
    // No LibreOffice ID is claimed: F1's "formula/ui/functionpage/function"
    // would open this page, but LibreOffice 7.4 crashes rendering an extension
    // page without libreoffice-help-common (README, "Help in Calc").
    p.hid(std::string(kDir) + "/index");
    p.index({"surveycalc", l.zh ? "调查报告函数;surveycalc" : "survey functions;surveycalc"});
    p.heading(w.index_title, 1);
    p.para("paragraph", w.index_intro);
    p.para("paragraph", w.how_to_open);
    for (const Function& f : functions())
        p.para("paragraph", syntax(f) + ": " + std::string(pick(f.description, l)));
    p.para("paragraph", w.see_readme);
    return p.str();
}

std::string tree(const Lang& l) {
    std::ostringstream o;
    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<!-- Generated by tools/gencatalog (genhelp.cpp) from core/src/catalog.cpp. Do not edit. -->\n"
         "<tree_view version=\"24-Aug-2004\">\n"
         "<help_section application=\"scalc\" id=\"org.surveycalc\" title=\"surveycalc\">\n"
      << " <node id=\"org.surveycalc.functions\" title=\"" << surveycalc::tools::xml(words(l).index_title)
      << "\">\n"
      << "  <topic id=\"scalc/" << kDir << "/index.xhp\">" << surveycalc::tools::xml(words(l).index_title)
      << "</topic>\n";
    for (const Function& f : functions())
        o << "  <topic id=\"scalc/" << kDir << "/" << f.name << ".xhp\">" << f.name << "</topic>\n";
    o << " </node>\n</help_section>\n</tree_view>\n";
    return o.str();
}

bool write(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
    return static_cast<bool>(out);
}

}  // namespace

/// Writes the help tree under dir; 0 on success.
int write_help(const std::string& dir) {
    const auto& ex = extras();
    for (const Function& f : functions())
        if (!ex.count(f.name) || ex.at(f.name).examples.empty()) {
            std::cerr << "gencatalog help: " << f.name
                      << " has no examples/definition in tools/genhelp.cpp\n";
            return 1;
        }
    for (const auto& [name, x] : ex) {
        if (!find(name)) {
            std::cerr << "gencatalog help: tools/genhelp.cpp describes " << name
                      << ", which the catalog lacks\n";
            return 1;
        }
        // Built piece by piece: GCC 12 -O3 warns falsely (-Wrestrict, bug 105329) on "lit" + string.
        auto calls = [fname = std::string_view(name)](std::string_view e, std::string_view prefix) {
            std::string start(prefix);
            start += fname;
            start += '(';
            return e.substr(0, start.size()) == start;
        };
        for (std::string_view e : x.examples)
            if (!calls(e, "=") && !calls(e, "{=")) {
                std::cerr << "gencatalog help: example " << e << " does not call " << name << "\n";
                return 1;
            }
    }
    std::filesystem::path root(dir);
    bool ok = true;
    for (const Lang& l : kLangs) {
        std::filesystem::path base = root / l.tag;
        ok = ok && write(base / "help.tree", tree(l));
        ok = ok && write(base / kDir / "index.xhp", index_page(l));
        for (const Function& f : functions())
            ok =
                ok && write(base / kDir / (std::string(f.name) + ".xhp"), function_page(f, ex.at(f.name), l));
    }
    return ok ? 0 : 1;
}
