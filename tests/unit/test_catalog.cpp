// The catalog is the one declaration of every function: these tests hold the
// rest of the project to it.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "helpers.hpp"
#include "surveycalc/catalog.hpp"

using namespace surveycalc;
using namespace surveycalc::testing;

namespace {

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The Catch tags of every TEST_CASE in tests/unit.
std::set<std::string> unit_test_tags() {
    std::set<std::string> tags;
    // The tags argument may be adjacent literals that clang-format split: "[a][b" "][c]".
    const std::regex test_case(R"re(TEST_CASE\(\s*"(?:[^"\\]|\\.)*"\s*,((?:\s*"[^"]*")+)\s*\))re");
    const std::regex literal(R"re("([^"]*)")re");
    const std::regex tag(R"(\[([^\]]+)\])");
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(SURVEYCALC_SOURCE_DIR) + "/tests/unit")) {
        if (entry.path().extension() != ".cpp") continue;
        std::string src = read(entry.path());
        for (std::sregex_iterator it(src.begin(), src.end(), test_case), end; it != end; ++it) {
            std::string literals = (*it)[1], list;
            for (std::sregex_iterator l(literals.begin(), literals.end(), literal), none; l != none; ++l)
                list += (*l)[1];
            for (std::sregex_iterator t(list.begin(), list.end(), tag); t != end; ++t) tags.insert((*t)[1]);
        }
    }
    return tags;
}

/// The option names docs/FUNCTIONS.md lists under each function's heading.
std::map<std::string, std::set<std::string>> documented_options() {
    std::map<std::string, std::set<std::string>> out;
    std::istringstream doc(read(std::string(SURVEYCALC_SOURCE_DIR) + "/docs/FUNCTIONS.md"));
    std::string line, current;
    const std::regex heading(R"(^## ([A-Z]+)\()");
    const std::regex option_row(R"re(^\| `"([a-z_]+)"` \|)re");
    std::smatch m;
    while (std::getline(doc, line)) {
        if (std::regex_search(line, m, heading)) {
            current = m[1];
            out[current];
        } else if (!current.empty() && std::regex_search(line, m, option_row)) {
            out[current].insert(m[1]);
        }
    }
    return out;
}

/// The options a function accepts, found by calling it: a pair naming an
/// option it does not take is refused with "does not take the option".
std::set<std::string> accepted_options(const catalog::Function& f) {
    std::set<std::string> out;
    bool pairs = false;
    for (const catalog::Argument& a : f.args) pairs = pairs || a.kind == catalog::ArgKind::Pairs;
    if (!pairs) return out;
    for (const catalog::OptionInfo& o : catalog::options()) {
        surveycalc::Call c;
        for (const catalog::Argument& a : f.args) {
            // Arguments that are right, so that only the pair can be refused.
            if (a.kind == catalog::ArgKind::Range || a.kind == catalog::ArgKind::Array)
                c.args.push_back(range(col({1, 2})));
            else if (a.name == "whichBound")
                c.args.push_back(opt("lower"));
            else if (a.name == "kind")
                c.args.push_back(opt("scores"));
            else if (a.name == "groupB")
                c.args.push_back(opt(2.0));
            else if (a.kind == catalog::ArgKind::Value)
                c.args.push_back(opt(1.0));
        }
        c.pairs = {opt(std::string(o.name).c_str()), opt(1.0)};
        try {
            catalog::call(f, c);
            out.insert(std::string(o.name));
        } catch (const ArgumentError& e) {
            if (std::string(e.what()).find("does not take the option") == std::string::npos)
                out.insert(std::string(o.name));
        }
    }
    return out;
}

}  // namespace

TEST_CASE("every catalog function has a unit test tagged with its name", "[catalog]") {
    std::set<std::string> tags = unit_test_tags();
    for (const catalog::Function& f : catalog::functions()) {
        INFO("no TEST_CASE in tests/unit is tagged [" << f.name << "]");
        CHECK(tags.count(std::string(f.name)) == 1);
    }
}

TEST_CASE("docs/FUNCTIONS.md lists exactly the options each function accepts", "[catalog]") {
    auto docs = documented_options();
    for (const catalog::Function& f : catalog::functions()) {
        INFO(f.name);
        REQUIRE(docs.count(std::string(f.name)) == 1);
        CHECK(docs[std::string(f.name)] == accepted_options(f));
    }
    // DATACHECK takes every option; DIFFICULTY takes neither "base" nor "level" (it once was documented so).
    CHECK(docs["DATACHECK"].size() == catalog::options().size());
    CHECK(docs["DIFFICULTY"].count("base") == 0);
    CHECK(docs["DIFFICULTY"].count("level") == 0);
}

TEST_CASE("the option table is in OptionId order and names each option once", "[catalog]") {
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < catalog::options().size(); ++i) {
        CHECK(static_cast<std::size_t>(catalog::options()[i].id) == i);
        CHECK(names.insert(catalog::options()[i].name).second);
    }
    CHECK(catalog::options().size() == static_cast<std::size_t>(catalog::OptionId::Count_));
}
