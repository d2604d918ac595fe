#include "column_views.hpp"

#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_map>

#include "answers.hpp"

namespace surveycalc {

struct BlockViews {
    bool has_numbers = false;
    std::vector<double> numbers;
    bool has_empty = false;
    std::vector<unsigned char> empty;
    bool has_texts = false;
    TextIds texts;
    std::unordered_map<std::string, std::shared_ptr<void>> derived;
};

namespace {

BlockViews& views(const Block& b) {
    if (!b.memo.views) b.memo.views = std::make_shared<BlockViews>();
    return *b.memo.views;
}

}  // namespace

const std::vector<double>& plain_numbers(const Block& b) {
    BlockViews& v = views(b);
    if (!v.has_numbers) {
        v.numbers.assign(b.rows, std::numeric_limits<double>::quiet_NaN());
        if (b.cols > 0)
            for (std::size_t r = 0; r < b.rows; ++r) {
                const Cell& c = b.at(r, 0);
                if (c.is_number() && std::isfinite(c.number)) v.numbers[r] = c.number;
            }
        v.has_numbers = true;
    }
    return v.numbers;
}

const std::vector<unsigned char>& empty_rows(const Block& b) {
    BlockViews& v = views(b);
    if (!v.has_empty) {
        v.empty.assign(b.rows, 0);
        if (b.cols > 0)
            for (std::size_t r = 0; r < b.rows; ++r) v.empty[r] = is_empty(b.at(r, 0)) ? 1 : 0;
        v.has_empty = true;
    }
    return v.empty;
}

std::shared_ptr<void>& detail::derived_slot(const Block& b, const std::string& key) {
    return views(b).derived[key];
}

const TextIds& text_ids(const Block& b) {
    BlockViews& v = views(b);
    if (!v.has_texts) {
        TextIds& t = v.texts;
        t.id.assign(b.rows, 0);
        std::unordered_map<std::string_view, std::uint32_t> seen;
        if (b.cols > 0)
            for (std::size_t r = 0; r < b.rows; ++r) {
                const Cell& c = b.at(r, 0);
                if (!c.is_text()) continue;
                auto [it, added] = seen.emplace(c.text, static_cast<std::uint32_t>(t.texts.size() + 1));
                if (added) t.texts.push_back(&c.text);
                t.id[r] = it->second;
            }
        v.has_texts = true;
    }
    return v.texts;
}

}  // namespace surveycalc
