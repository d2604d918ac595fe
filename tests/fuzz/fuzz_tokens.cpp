// Multiple-response tokens: MentionMatcher, MENTIONRATE and MENTIONCOUNT over a
// one-column block of responses.
//
// Input: the first line is the option, every further line a response cell
// (fuzz::cell_from_line: empty = blank, "#5" = the number 5); the whole input is
// one more cell, so line breaks inside a cell are covered too.
//
// Invariants: a mentioned cell is answered; every answer of a cell (split_answers),
// given as the option by its key, is mentioned in that cell (but -2/-3, no answer);
// the functions refuse exactly the counts MentionMatcher::diagnose explains (zero, or
// the option seen inside a space-separated list); without options
// MENTIONCOUNT is the number of mentioning rows and MENTIONRATE that count over
// the answered rows (NA for both without any), in [0,1]; with "base" "all" the
// rate is no larger; declaring the option a missing code counts no more rows;
// a two-column block read as yes/no columns has rates in [0,1]; only
// ArgumentError escapes.
#include "answers.hpp"
#include "fuzz_common.hpp"
#include "responses.hpp"
#include "scores.hpp"

using namespace surveycalc;
using fuzz::describe;
using fuzz::require;

namespace {

constexpr double kTolerance = 1e-12;

std::string where(const Cell& option) { return " (option " + describe(option) + ")"; }

/// The matcher's verdicts must agree with MENTIONRATE and MENTIONCOUNT.
void check_option(const Block& responses, const Cell& option) {
    Options plain;
    auto matcher = fuzz::outcome("MentionMatcher",
                                 [&] { return std::make_shared<MentionMatcher>(responses, option, plain); });
    auto rate = fuzz::outcome("MENTIONRATE", [&] { return fn::mention_rate(responses, option, {}); });
    auto count = fuzz::outcome("MENTIONCOUNT", [&] { return fn::mention_count(responses, option, {}); });
    if (!matcher.value) {
        require(!rate.value && !count.value,
                "MENTIONRATE or MENTIONCOUNT accepts an option MentionMatcher refuses" + where(option));
        return;
    }

    double answered = 0, mentioned = 0;
    for (std::size_t r = 0; r < responses.rows; ++r) {
        MentionCell m = (*matcher.value)->at(r);
        require(!m.mentioned || m.answered,
                "row " + std::to_string(r + 1) + " is mentioned but not answered" + where(option));
        answered += m.answered;
        mentioned += m.mentioned;
    }
    // No silent figure: a count of zero, or one the option also hides inside a
    // space-separated list of answers (seen_inside), that diagnose() explains is an error.
    const bool refused =
        (mentioned == 0 || (*matcher.value)->seen_inside()) && (*matcher.value)->diagnose().has_value();
    require(rate.value.has_value() == !refused && count.value.has_value() == !refused,
            "MENTIONRATE and MENTIONCOUNT " + std::string(refused ? "accept" : "refuse") + " the option" +
                where(option) + " (" + rate.error + count.error + ")");
    if (refused) return;
    Result expected_count = answered > 0 ? Result(mentioned) : Result(NA{});
    require(fuzz::close(*count.value, expected_count, 0), "MENTIONCOUNT = " + fuzz::show(*count.value) +
                                                              ", matcher counts " +
                                                              fuzz::shortest(mentioned) + where(option));
    Result expected = answered > 0 ? Result(mentioned / answered) : Result(NA{});
    require(fuzz::close(*rate.value, expected, kTolerance), "MENTIONRATE = " + fuzz::show(*rate.value) +
                                                                ", matcher gives " + fuzz::show(expected) +
                                                                where(option));
    if (const double* p = std::get_if<double>(&*rate.value)) {
        require(*p >= 0 && *p <= 1, "MENTIONRATE outside [0,1]: " + fuzz::shortest(*p) + where(option));
        auto all = fuzz::outcome("MENTIONRATE", [&] {
            return fn::mention_rate(responses, option, {fuzz::text_arg("base"), fuzz::text_arg("all")});
        });
        const double* q = all.value ? std::get_if<double>(&*all.value) : nullptr;
        require(q && *q <= *p * (1 + kTolerance), "MENTIONRATE with base all = " + fuzz::show(all) +
                                                      " is not at most " + fuzz::shortest(*p) +
                                                      where(option));
    }

    // The option declared a missing code: cells that are just the option drop out.
    auto missing = fuzz::outcome("MENTIONCOUNT", [&] {
        return fn::mention_count(responses, option, {fuzz::text_arg("missing"), fuzz::scalar_arg(option)});
    });
    const double* fewer = missing.value ? std::get_if<double>(&*missing.value) : nullptr;
    require(missing.value && (!fewer || *fewer <= mentioned),
            "MENTIONCOUNT with the option as a missing code = " + fuzz::show(missing) + ", without " +
                fuzz::shortest(mentioned) + where(option));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> ls = fuzz::lines(in, 21);
    Cell option = fuzz::cell_from_line(ls.front());
    std::vector<Cell> cells;
    for (std::size_t i = 1; i < ls.size(); ++i) cells.push_back(fuzz::cell_from_line(ls[i]));
    cells.push_back(Cell::of(std::string(in)));
    Block responses = Block::column(cells);

    check_option(responses, option);
    // Every answer of every cell, named by its key, is mentioned in that cell.
    for (std::size_t r = 0; r < responses.rows; ++r) {
        const Cell& c = responses.at(r, 0);
        if (is_no_answer_code(c)) continue;  // 问卷星's -2/-3: no answer (its split is "-3" all the same)
        for (const Answer& a : split_answers(c)) {
            Cell key = Cell::of(a.key);
            Options plain;
            auto m =
                fuzz::outcome("MentionMatcher", [&] { return MentionMatcher(responses, key, plain).at(r); });
            require(m.value && m.value->mentioned, "the answer " + fuzz::escaped(a.key) + " of " +
                                                       describe(c) + " does not match its own cell");
        }
    }
    if (!split_answers(responses.at(0, 0)).empty())
        check_option(responses, Cell::of(split_answers(responses.at(0, 0)).front().key));

    // The same cells as a block of two yes/no columns.
    Block block(responses.rows, 2);
    for (std::size_t r = 0; r < responses.rows; ++r) {
        block.at(r, 0) = responses.at(r, 0);
        block.at(r, 1) = responses.at((r + 1) % responses.rows, 0);
    }
    for (double column : {1.0, 2.0}) {
        auto rate =
            fuzz::outcome("MENTIONRATE", [&] { return fn::mention_rate(block, Cell::of(column), {}); });
        require(rate.value.has_value(),
                "MENTIONRATE rejects column " + fuzz::shortest(column) + " of a block: " + rate.error);
        if (const double* p = std::get_if<double>(&*rate.value))
            require(*p >= 0 && *p <= 1, "MENTIONRATE of a block column outside [0,1]: " + fuzz::shortest(*p));
    }
    return 0;
}
