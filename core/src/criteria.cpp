#include "criteria.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "answers.hpp"
#include "places.hpp"
#include "scaling.hpp"
#include "surveycalc/errors.hpp"
#include "text.hpp"
#include "text_cache.hpp"

namespace surveycalc {

// ---- Criterion ---------------------------------------------------------------

struct Criterion::Impl {
    enum class Op { Eq, Ne, Lt, Le, Gt, Ge };
    struct Alt {
        Op op = Op::Eq;
        std::string text;                  // normalised operand
        std::optional<double> number;      // operand as a number
        std::optional<places::Area> area;  // operand as a place or region (plain equality only)
        std::optional<std::string> coded;  // with "labels": the code (key) the operand names
    };
    const Labels* labels = nullptr;
    std::vector<Alt> alts;
    // Normalising and resolving texts is the costly part: once per distinct text.
    mutable TextCache<bool> matched;

    Alt parse_alt(std::string_view s) const {
        Alt a;
        auto take = [&](std::string_view op, Op o) {
            if (s.substr(0, op.size()) == op) {
                a.op = o;
                s.remove_prefix(op.size());
                return true;
            }
            return false;
        };
        take(">=", Op::Ge) || take("<=", Op::Le) || take("<>", Op::Ne) || take(">", Op::Gt) ||
            take("<", Op::Lt) || take("=", Op::Eq);
        a.text = text::normalize(s);
        a.number = text::parse_number(a.text);
        // A place or region named plainly, with "=" or with "<>", matches by place.
        if ((a.op == Op::Eq || a.op == Op::Ne) && !a.number && !a.text.empty()) a.area = places::area(a.text);
        code_of(a);
        return a;
    }

    void code_of(Alt& a) const {
        if (!labels || labels->empty() || (a.op != Op::Eq && a.op != Op::Ne)) return;
        std::string key = a.number ? answer_key(*a.number) : answer_key_of_normalized(a.text);
        if (labels->has(key)) a.coded = labels->canonical(key);
    }

    /// A cell's normalised text and the same without 问卷星's 〖…〗 other text.
    static bool text_equals(const std::string& t, const std::string& operand) {
        return t == operand || without_other_text(t) == operand;
    }

    bool match_alt(const Alt& a, const Cell& c) const {
        if (a.coded) {  // a code or label of the book: cells holding the code or its label
            bool same = !is_empty(c) && labels->canonical(answer_key(c)) == *a.coded;
            return a.op == Op::Eq ? same : !same;
        }
        if (a.number) {
            std::optional<double> v = numeric_value(c);
            if (!v && c.is_text())
                v = text::parse_number(text::normalize(without_other_text(text::normalize(c.text))));
            switch (a.op) {
                case Op::Eq:
                    return v && *v == *a.number;
                case Op::Ne:
                    return !v || *v != *a.number;
                case Op::Lt:
                    return v && *v < *a.number;
                case Op::Le:
                    return v && *v <= *a.number;
                case Op::Gt:
                    return v && *v > *a.number;
                case Op::Ge:
                    return v && *v >= *a.number;
            }
            return false;
        }
        if (a.text.empty()) {  // "=" matches blank cells, "<>" non-blank ones
            if (a.op == Op::Eq) return c.is_blank();
            if (a.op == Op::Ne) return !c.is_blank();
            return false;
        }
        std::string t = normalized_text(c);
        switch (a.op) {
            case Op::Eq:
                if (!c.is_blank() && text_equals(t, a.text)) return true;
                return a.area && c.is_text() && within(c.text, *a.area);
            case Op::Ne:
                if (!c.is_blank() && text_equals(t, a.text)) return false;
                return !(a.area && c.is_text() && within(c.text, *a.area));
            case Op::Lt:
                return !c.is_blank() && t < a.text;
            case Op::Le:
                return !c.is_blank() && t <= a.text;
            case Op::Gt:
                return !c.is_blank() && t > a.text;
            case Op::Ge:
                return !c.is_blank() && t >= a.text;
        }
        return false;
    }

    // A number (a firm id, a postcode such as 518000) is never read as a place
    // code here: only PROVINCE/CITY/REGION and "by" say a column holds places.
    bool within(const std::string& cell_text, const places::Area& area) const {
        if (text::parse_number(text::normalize(cell_text))) return false;
        places::Location loc = places::locate(cell_text);
        return loc.resolved() && places::within(loc, area);
    }
};

Criterion::Criterion(const Cell& criterion, const Labels* labels) : impl_(std::make_unique<Impl>()) {
    impl_->labels = labels;
    if (criterion.is_number()) {
        if (!std::isfinite(criterion.number))
            throw ArgumentError({"a criterion is not a finite number", "条件不是有限数"});
        Impl::Alt a;
        a.number = criterion.number;
        a.text = text::format_number(criterion.number);
        impl_->code_of(a);
        impl_->alts.push_back(std::move(a));
        return;
    }
    if (criterion.is_blank()) {  // an empty criterion matches blank cells, as COUNTIFS does
        impl_->alts.push_back(Impl::Alt{});
        return;
    }
    std::string s = text::nfkc_trim(criterion.text);
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == '|') {
            std::string_view part = std::string_view(s).substr(start, i - start);
            if (!text::normalize(part).empty() || s.find('|') == std::string::npos)
                impl_->alts.push_back(impl_->parse_alt(part));
            start = i + 1;
        }
    }
}

Criterion::~Criterion() = default;
Criterion::Criterion(Criterion&&) noexcept = default;
Criterion& Criterion::operator=(Criterion&&) noexcept = default;

bool Criterion::matches(const Cell& cell) const {
    auto compute = [&] {
        for (const Impl::Alt& a : impl_->alts)
            if (impl_->match_alt(a, cell)) return true;
        return false;
    };
    if (cell.is_text()) return impl_->matched.get(cell.text, compute);
    return compute();
}

}  // namespace surveycalc
