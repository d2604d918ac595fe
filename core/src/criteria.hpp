// Criteria as AVERAGEIFS takes them: the criteria of the trailing pairs, the
// groups of the two-group tests, SHARE's value.
#pragma once

#include <memory>

#include "answers.hpp"
#include "surveycalc/cell.hpp"

namespace surveycalc {

/// A criterion as AVERAGEIFS takes it, with the spec's normalisation, "a|b"
/// lists, comparison operators and place awareness.
class Criterion {
   public:
    /// With `labels`, a criterion naming a code or a label of the book matches
    /// cells holding either (plain equality and "<>" only).
    explicit Criterion(const Cell& criterion, const Labels* labels = nullptr);
    ~Criterion();
    Criterion(Criterion&&) noexcept;
    Criterion& operator=(Criterion&&) noexcept;
    bool matches(const Cell& cell) const;

   private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace surveycalc
