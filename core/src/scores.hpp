// Score columns: the classification of a cell (blank, missing, valid,
// invalid) and the sample of valid scores a figure uses.
#pragma once

#include <algorithm>
#include <limits>

#include "column_views.hpp"
#include "options.hpp"

namespace surveycalc {

struct ScoreCell {
    enum class Status { Blank, Missing, Valid, Invalid };
    Status status = Status::Blank;
    double value = 0.0;
    Message reason;  // for Invalid: "outside 0-10", "not a number"
};

/// Classifies one cell of a score column under the request's scale and missing codes.
ScoreCell classify_score(const Cell& c, const Options& opt);

/// Calls visit(value, row) for each valid score among the rows a routine
/// looks at (those the criteria keep and `extra` accepts); an invalid score is
/// an ArgumentError unless "invalid";"skip". Number cells come from the
/// block's parsed numbers (column_views.hpp), parsed once per cached column.
template <class Extra, class Visit>
void for_valid_scores(const Block& scores, const Request& req, Extra&& extra, Visit&& visit) {
    const Options& opt = req.options();
    const std::vector<double>& plain = plain_numbers(scores);
    const std::vector<unsigned char>& empty = empty_rows(scores);
    const bool no_codes = opt.missing.empty();  // then a number cell is never a missing code
    const double lo = opt.scale_lo, hi = opt.scale_hi;
    const bool every_row = !req.has_criteria();
    for (std::size_t r = 0; r < scores.rows; ++r) {
        if ((!every_row && !req.keep(r)) || !extra(r)) continue;
        const double v = plain[r];
        if (no_codes && v >= lo && v <= hi) {  // false for NaN: every other cell below
            visit(v, r);
            continue;
        }
        if (empty[r]) continue;  // classify_score: not a score, no error
        const Cell& c = scores.at(r, 0);
        ScoreCell sc = classify_score(c, opt);
        if (sc.status == ScoreCell::Status::Invalid) {
            if (opt.skip_invalid) continue;
            throw invalid_cell(scores, r, sc.reason);
        }
        if (sc.status == ScoreCell::Status::Valid) visit(sc.value, r);
    }
}

/// The valid scores of the rows a routine looks at, with their weights.
template <class Extra>
Sample score_sample(const Block& scores, const Request& req, Extra&& extra) {
    Sample s;
    for_valid_scores(scores, req, extra, [&](double v, std::size_t r) { s.add(v, req.weight(r)); });
    return s;
}

/// Σw·x / Σw, accumulated one value at a time. Weights are in [0,2)
/// (Request::weight) and values bounded (a score scale within ±1e15,
/// indicators 0/1), so neither sum can overflow or underflow; a share of
/// indicators never exceeds 1 (a subset of the same non-negative terms sums to
/// no more than all of them), and the mean is kept within the values' range
/// against round-off.
struct WeightedMean {
    double sw = 0, swx = 0, lo = 0, hi = 0;
    bool any = false;
    void add(double x, double w) {
        sw += w;
        swx += w * x;
        lo = any ? std::min(lo, x) : x;
        hi = any ? std::max(hi, x) : x;
        any = true;
    }
    double value() const {
        if (!(sw > 0)) return std::numeric_limits<double>::quiet_NaN();
        return std::clamp(swx / sw, lo, hi);
    }
};

inline double weighted_mean(const Sample& s) {
    WeightedMean m;
    for (std::size_t i = 0; i < s.x.size(); ++i) m.add(s.x[i], s.w[i]);
    return m.value();
}

}  // namespace surveycalc
