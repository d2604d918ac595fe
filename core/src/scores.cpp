#include "scores.hpp"

#include "text.hpp"

namespace surveycalc {

ScoreCell classify_score(const Cell& c, const Options& opt) {
    ScoreCell out;
    if (is_empty(c)) return out;  // blank, or only spaces
    if (is_missing_code(c, opt)) {
        out.status = ScoreCell::Status::Missing;
        return out;
    }
    std::optional<double> n = numeric_value(c);
    if (!n) {
        out.status = ScoreCell::Status::Invalid;
        out.reason = c.is_number() ? Message{"not a finite number", "不是有限数"}
                                   : Message{"not a number", "不是数字"};
        return out;
    }
    if (*n < opt.scale_lo || *n > opt.scale_hi) {
        std::string range = text::format_number(opt.scale_lo) + "-" + text::format_number(opt.scale_hi);
        out.status = ScoreCell::Status::Invalid;
        out.value = *n;
        out.reason = {"outside " + range, "超出 " + range};
        return out;
    }
    out.status = ScoreCell::Status::Valid;
    out.value = *n;
    return out;
}

}  // namespace surveycalc
