// A bounded memo from a cell's raw text to what a call worked out for it.
// Survey columns repeat a few values (places, answer combinations) thousands
// of times; normalising each once per call instead of once per cell is the
// difference between ICU per cell and a hash lookup per cell.
#pragma once

#include <string>
#include <unordered_map>

namespace surveycalc {

template <class V>
class TextCache {
   public:
    /// The cached value for `key`, computing it with `make()` on a miss.
    /// Past `kMaxEntries` distinct texts, misses are computed but not kept.
    template <class Make>
    V get(const std::string& key, Make&& make) {
        auto it = map_.find(key);
        if (it != map_.end()) return it->second;
        V v = make();
        if (map_.size() < kMaxEntries) map_.emplace(key, v);
        return v;
    }

   private:
    static constexpr std::size_t kMaxEntries = 1u << 16;
    std::unordered_map<std::string, V> map_;
};

}  // namespace surveycalc
