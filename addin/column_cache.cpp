#include "column_cache.hpp"

#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XEventListener.hpp>
#include <com/sun/star/sheet/XResultListener.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cstdlib>
#include <map>
#include <mutex>
#include <rtl/ref.hxx>
#include <set>
#include <tuple>
#include <unordered_map>

namespace surveycalc::uno {

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;

/// At most this many cells are kept (about 50 bytes each plus long texts);
/// the least recently used entries go first. SURVEYCALC_CACHE_CELLS overrides.
constexpr std::size_t kDefaultMaxCells = std::size_t{8} << 20;
/// Distinct values kept per function and entries (a formula whose criterion
/// cell changes yields a value per criterion; older ones are let go).
constexpr std::size_t kResultsPerKey = 16;

/// A figure as Calc sees an asynchronous add-in result: Calc registers a
/// listener, takes the value from the first event, and marks every formula
/// cell listening dirty on each later event.
class VolatileResult : public cppu::WeakImplHelper1<css::sheet::XVolatileResult> {
   public:
    VolatileResult(Any value, std::string key) : value_(std::move(value)), key_(std::move(key)) {}

    void SAL_CALL addResultListener(const Reference<css::sheet::XResultListener>& l) override {
        if (!l.is()) return;
        {
            std::lock_guard<std::mutex> g(mu_);
            listeners_.push_back(l);
        }
        l->modified(event());
    }
    void SAL_CALL removeResultListener(const Reference<css::sheet::XResultListener>& l) override {
        std::lock_guard<std::mutex> g(mu_);
        for (auto it = listeners_.begin(); it != listeners_.end(); ++it)
            if (*it == l) {
                listeners_.erase(it);
                break;
            }
    }

    /// The value is gone: tell every listener (void), which makes Calc
    /// compute the formula cells again. Never again handed out.
    void expire() {
        std::vector<Reference<css::sheet::XResultListener>> ls;
        {
            std::lock_guard<std::mutex> g(mu_);
            if (expired_) return;
            expired_ = true;
            value_ = Any();
            ls = listeners_;
        }
        css::sheet::ResultEvent e = event();
        for (const auto& l : ls) {
            try {
                l->modified(e);
            } catch (const css::uno::RuntimeException&) {
                // a listener of a closed document
            }
        }
    }
    const Any& value() const { return value_; }
    const std::string& key() const { return key_; }

   private:
    css::sheet::ResultEvent event() {
        css::sheet::ResultEvent e;
        e.Source = static_cast<cppu::OWeakObject*>(this);
        e.Value = value_;
        return e;
    }
    std::mutex mu_;
    Any value_;
    std::string key_;
    bool expired_ = false;
    std::vector<Reference<css::sheet::XResultListener>> listeners_;
};

class RangeListener : public cppu::WeakImplHelper1<css::util::XModifyListener> {
   public:
    explicit RangeListener(std::uint64_t entry) : entry_(entry) {}
    void SAL_CALL modified(const css::lang::EventObject&) override { ColumnCache::instance().drop(entry_); }
    void SAL_CALL disposing(const css::lang::EventObject&) override { ColumnCache::instance().drop(entry_); }

   private:
    std::uint64_t entry_;
};

const void* identity(const Reference<css::uno::XInterface>& x) {
    Reference<css::uno::XInterface> base(x, UNO_QUERY);
    return base.get();
}

class DocumentListener : public cppu::WeakImplHelper1<css::lang::XEventListener> {
   public:
    void SAL_CALL disposing(const css::lang::EventObject& e) override {
        ColumnCache::instance().drop_document(identity(e.Source));
    }
};

}  // namespace

struct ColumnCache::Impl {
    using Key = std::tuple<const void*, std::int32_t, std::int32_t, std::int32_t, std::size_t, std::size_t>;
    struct Entry {
        Key key;
        std::shared_ptr<const Block> block;
        Reference<css::util::XModifyBroadcaster> source;
        Reference<css::util::XModifyListener> listener;
        std::vector<rtl::Reference<VolatileResult>> results;
        std::size_t cells = 0;
        std::uint64_t tick = 0;
    };
    std::recursive_mutex mu;
    std::map<Key, std::uint64_t> by_key;
    std::unordered_map<std::uint64_t, Entry> entries;
    // The live results by function and entries; Calc keeps one listener per
    // result object, so a formula computed again to the same value gets the same one.
    std::unordered_map<std::string, std::vector<rtl::Reference<VolatileResult>>> results;
    std::map<const void*, Reference<css::lang::XComponent>> documents;  // the documents listened to
    std::uint64_t next_id = 1;
    std::uint64_t tick = 0;
    std::size_t cells = 0;
    std::size_t max_cells = kDefaultMaxCells;

    /// Removes an entry; returns the results to expire (outside the lock).
    std::vector<rtl::Reference<VolatileResult>> remove(std::uint64_t id) {
        auto it = entries.find(id);
        if (it == entries.end()) return {};
        Entry& e = it->second;
        try {
            if (e.source.is()) e.source->removeModifyListener(e.listener);
        } catch (const css::uno::RuntimeException&) {
            // the range's document is being closed
        }
        std::vector<rtl::Reference<VolatileResult>> out = std::move(e.results);
        for (const auto& r : out) {
            auto found = results.find(r->key());
            if (found == results.end()) continue;
            std::erase(found->second, r);
            if (found->second.empty()) results.erase(found);
        }
        by_key.erase(e.key);
        cells -= e.cells;
        entries.erase(it);
        return out;
    }
};

ColumnCache& ColumnCache::instance() {
    static ColumnCache* cache = new ColumnCache();  // never destroyed, see the header
    return *cache;
}

ColumnCache::ColumnCache() : impl_(std::make_unique<Impl>()) {
    const char* on = std::getenv("SURVEYCALC_CACHE");
    enabled_ = !(on && std::string(on) == "0");
    if (const char* cap = std::getenv("SURVEYCALC_CACHE_CELLS")) {
        char* end = nullptr;
        unsigned long long n = std::strtoull(cap, &end, 10);
        if (end != cap) impl_->max_cells = static_cast<std::size_t>(n);
    }
}

ColumnCache::Read ColumnCache::get(const Reference<css::uno::XInterface>& doc, const Located& at,
                                   std::size_t rows, bool use_cached) {
    const void* d = identity(doc);
    if (!enabled_ || d == nullptr || rows == 0)
        return Read{std::make_shared<const Block>(read(at, rows)), 0, false};
    Impl::Key key{d, at.sheet, at.first_col, at.first_row, at.cols, rows};
    std::vector<rtl::Reference<VolatileResult>> expire;
    {
        std::lock_guard<std::recursive_mutex> g(impl_->mu);
        auto k = impl_->by_key.find(key);
        if (k != impl_->by_key.end()) {
            if (use_cached) {
                Impl::Entry& e = impl_->entries.at(k->second);
                e.tick = ++impl_->tick;
                return Read{e.block, k->second, true};
            }
            expire = impl_->remove(k->second);  // read again below: the caller doubts it
        }
    }
    for (auto& r : expire) r->expire();

    // A miss: read the sheet (outside the lock: reading may make Calc compute cells).
    auto block = std::make_shared<const Block>(read(at, rows));
    if (block->cells.size() > impl_->max_cells || has_formulas(at, rows)) return Read{block, 0, false};
    Reference<css::util::XModifyBroadcaster> source(head(at, rows), UNO_QUERY);
    if (!source.is()) return Read{block, 0, false};

    std::lock_guard<std::recursive_mutex> g(impl_->mu);
    if (impl_->by_key.count(key)) {  // filled meanwhile (a nested call)
        std::uint64_t id = impl_->by_key[key];
        return Read{impl_->entries.at(id).block, id, false};
    }
    // Make room: least recently used first.
    while (impl_->cells + block->cells.size() > impl_->max_cells && !impl_->entries.empty()) {
        auto oldest = impl_->entries.begin();
        for (auto it = impl_->entries.begin(); it != impl_->entries.end(); ++it)
            if (it->second.tick < oldest->second.tick) oldest = it;
        // Its results stay right: they were computed from the sheet, and a
        // later change of the range makes Calc recompute them as usual (no
        // entry is left to serve a stale value).
        impl_->remove(oldest->first);
    }
    std::uint64_t id = impl_->next_id++;
    Impl::Entry e;
    e.key = key;
    e.block = block;
    e.source = source;
    e.listener = new RangeListener(id);
    e.cells = block->cells.size();
    e.tick = ++impl_->tick;
    source->addModifyListener(e.listener);
    if (!impl_->documents.count(d)) {
        Reference<css::lang::XComponent> comp(doc, UNO_QUERY);
        if (comp.is()) {
            comp->addEventListener(new DocumentListener());
            impl_->documents[d] = comp;
        }
    }
    impl_->cells += e.cells;
    impl_->by_key[key] = id;
    impl_->entries.emplace(id, std::move(e));
    return Read{block, id, false};
}

Any ColumnCache::attach(const Any& value, std::size_t function, const std::vector<std::uint64_t>& entries) {
    std::lock_guard<std::recursive_mutex> g(impl_->mu);
    std::string key = std::to_string(function);
    for (std::uint64_t id : entries) {
        if (!impl_->entries.count(id)) return value;  // dropped during the call: a plain value
        key += ':';  // appended piece by piece: GCC 12 at -O3 warns falsely on ":" + string (bug 105329)
        key += std::to_string(id);
    }
    // The cells' values are in the value: two formulas of one function over the
    // same entries that give the same value may share a result object.
    std::vector<rtl::Reference<VolatileResult>>& same = impl_->results[key];
    for (const auto& r : same)
        if (r->value() == value) return Any(Reference<css::sheet::XVolatileResult>(r.get()));
    if (same.size() >= kResultsPerKey) same.erase(same.begin());  // Calc's listener keeps it alive
    rtl::Reference<VolatileResult> r(new VolatileResult(value, key));
    same.push_back(r);
    for (std::uint64_t id : entries) impl_->entries.at(id).results.push_back(r);
    return Any(Reference<css::sheet::XVolatileResult>(r.get()));
}

void ColumnCache::drop(std::uint64_t entry) {
    std::vector<rtl::Reference<VolatileResult>> expire;
    {
        std::lock_guard<std::recursive_mutex> g(impl_->mu);
        expire = impl_->remove(entry);
    }
    for (auto& r : expire) r->expire();
}

void ColumnCache::drop_document(const void* doc) {
    // The document is closing: its formula cells go with it, so its results
    // are dropped without being expired.
    std::lock_guard<std::recursive_mutex> g(impl_->mu);
    std::vector<std::uint64_t> ids;
    for (const auto& [id, e] : impl_->entries)
        if (std::get<0>(e.key) == doc) ids.push_back(id);
    for (std::uint64_t id : ids) impl_->remove(id);
    impl_->documents.erase(doc);
}

}  // namespace surveycalc::uno
