// TOPBOX: the top-box share of satisfaction and difficulty reports.
#include <cmath>

#include "answers.hpp"
#include "scores.hpp"
#include "surveycalc/functions.hpp"

namespace surveycalc::fn {

Result topbox(const Block& scores, const Cell& threshold, const Pairs& pairs) {
    require_shape(scores, scores, "scores", true);
    std::optional<double> t = numeric_value(threshold);
    if (!t)
        throw ArgumentError({"threshold must be a number, not " + describe_cell(threshold),
                             "“阈值”必须是数字，而不是 " + describe_cell(threshold)});
    Request req("TOPBOX", scores, pairs);
    Sample s = score_sample(scores, req, [](std::size_t) { return true; });
    if (!enough(s, req.options())) return NA{};
    for (double& x : s.x) x = x >= *t ? 1.0 : 0.0;
    double share = weighted_mean(s);
    if (!std::isfinite(share)) return NA{};
    return share;
}

}  // namespace surveycalc::fn
