// Criteria: surveycalc::Criterion on an arbitrary criterion and cells.
//
// Input: the first line is the criterion, every further line a cell
// (fuzz::cell_from_line: empty = blank, "#5" = the number 5). The criterion is
// tried as typed, as a number when the line is "#<number>", and with each
// operator in front of its text.
//
// Invariants (only where the criterion has no place meaning, since "<>重庆"
// is defined by place): building a criterion throws nothing but ArgumentError;
// matching is deterministic (the per-criterion cache changes nothing); a blank
// criterion matches exactly the blank cells, "<>" exactly the non-blank ones;
// for a plain operand x: "x" and "=x" agree, and on non-blank cells "<>x" is
// the complement of "=x", ">=x" is ">x" or "=x", "<=x" is "<x" or "=x"; for a
// numeric operand "<>x" is the complement of "=x" on every cell, and on cells
// that hold a number ">x" is the complement of "<=x".
#include <memory>

#include "answers.hpp"
#include "fuzz_common.hpp"
#include "places.hpp"
#include "responses.hpp"
#include "scores.hpp"
#include "text.hpp"

using namespace surveycalc;
using fuzz::describe;
using fuzz::require;

namespace {

std::unique_ptr<Criterion> make(const Cell& c) {
    auto made = fuzz::outcome("Criterion", [&] { return std::make_shared<Criterion>(c); });
    if (!made.value) return nullptr;
    return std::make_unique<Criterion>(std::move(**made.value));
}

std::vector<bool> verdicts(const Cell& criterion, const std::vector<Cell>& cells) {
    std::unique_ptr<Criterion> c = make(criterion);
    require(c != nullptr, "the criterion " + describe(criterion) + " is rejected");
    std::vector<bool> out;
    for (const Cell& cell : cells) {
        bool m = c->matches(cell);
        require(c->matches(cell) == m,
                "criterion " + describe(criterion) + " is not deterministic on " + describe(cell));
        out.push_back(m);
    }
    return out;
}

std::string on(const std::string& a, const std::string& b, const Cell& cell) {
    return "criteria " + fuzz::escaped(a) + " and " + fuzz::escaped(b) + " on " + describe(cell);
}

/// True when x, after an operator, is read as that operator and the operand x:
/// no operator or list of its own, and NFKC does not merge it with the operator
/// ("<" followed by U+0338 is "≮").
bool plain_operand(const std::string& x) {
    std::string t = text::nfkc_trim(x);
    if (t.empty() || t.find('|') != std::string::npos) return false;
    if (t.front() == '<' || t.front() == '>' || t.front() == '=') return false;
    for (const char* op : {"<>", "=", ">", "<", ">=", "<="})
        if (text::nfkc_trim(op + x) != op + text::nfkc_trim(x)) return false;
    return !text::normalize(t).empty();
}

void check_operators(const std::string& x, const std::vector<Cell>& cells) {
    if (!plain_operand(x)) return;
    std::string norm = text::normalize(x);
    bool number = text::parse_number(norm).has_value();
    if (!number && places::area(norm)) return;  // a place: "<>x" means outside it
    auto v = [&](const std::string& op) { return verdicts(Cell::of(op + x), cells); };
    std::vector<bool> bare = v(""), eq = v("="), ne = v("<>"), lt = v("<"), le = v("<="), gt = v(">"),
                      ge = v(">=");
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const Cell& c = cells[i];
        require(bare[i] == eq[i], on(x, "=" + x, c));
        if (number) {
            require(ne[i] == !eq[i], on("<>" + x, "=" + x, c));
            if (numeric_value(c)) require(gt[i] == !le[i], on(">" + x, "<=" + x, c));
        } else if (!c.is_blank()) {
            require(ne[i] == !eq[i], on("<>" + x, "=" + x, c));
        }
        if (!c.is_blank()) {
            require(ge[i] == (gt[i] || eq[i]), on(">=" + x, ">" + x + " or =" + x, c));
            require(le[i] == (lt[i] || eq[i]), on("<=" + x, "<" + x + " or =" + x, c));
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> ls = fuzz::lines(in, 21);
    std::vector<Cell> cells;
    for (std::size_t i = 1; i < ls.size(); ++i) cells.push_back(fuzz::cell_from_line(ls[i]));
    cells.push_back(Cell::blank());
    cells.push_back(Cell::of(std::string(ls.front())));
    cells.push_back(Cell::of(0.0));

    // The criterion as typed, and as a cell: whatever it is, only ArgumentError escapes.
    Cell criterion = fuzz::cell_from_line(ls.front());
    if (std::unique_ptr<Criterion> c = make(criterion))
        for (const Cell& cell : cells) {
            bool m = c->matches(cell);
            require(m == c->matches(cell), "criterion " + describe(criterion) + " is not deterministic");
            std::unique_ptr<Criterion> fresh = make(criterion);
            require(fresh && fresh->matches(cell) == m, "criterion " + describe(criterion) +
                                                            " depends on the cells matched before " +
                                                            describe(cell));
        }
    if (criterion.is_number()) {
        if (std::isfinite(criterion.number)) {
            require(verdicts(criterion, {Cell::of(criterion.number)}).front(),
                    "the number criterion " + describe(criterion) + " does not match itself");
            require(verdicts(Cell::of(fuzz::shortest(criterion.number)), {criterion}).front(),
                    "the criterion " + fuzz::shortest(criterion.number) + " does not match the number");
        } else {
            require(!make(criterion), "the non-finite criterion " + describe(criterion) + " is accepted");
        }
    }

    std::vector<bool> blank = verdicts(Cell::blank(), cells),
                      non_blank = verdicts(Cell::of(std::string("<>")), cells);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        require(blank[i] == cells[i].is_blank(), "a blank criterion on " + describe(cells[i]));
        require(non_blank[i] == !cells[i].is_blank(), "the criterion \"<>\" on " + describe(cells[i]));
    }
    check_operators(std::string(ls.front()), cells);
    return 0;
}
