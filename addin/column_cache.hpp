// The column cache shared by every call: each range of the sheet read once
// (by document, sheet and address) and kept until it changes, so that fifty
// figures over the same columns convert them once.
//
// Never stale, by this protocol (each step guarded by tests/e2e/test_cache_freshness.py):
//  - an entry listens to its range object (XModifyBroadcaster): an edit, an
//    insert or delete that moves or resizes it, a sort, undo/redo, paste, a
//    hard recalculation all drop it; the document's disposing drops all of its entries;
//  - a range holding a formula cell is never cached (a volatile formula such
//    as RAND changes without a modify event);
//  - a figure computed from cached entries is returned as an XVolatileResult
//    tied to them. Calc may evaluate a formula before it delivers the modify
//    event (an edit that makes it adjust a row's height); when the entry is
//    dropped its results are expired, which marks their formula cells dirty,
//    so they are computed again from the sheet;
//  - an error is never served from the cache: the call is repeated with
//    fresh reads before an error is shown.
// SURVEYCALC_CACHE=0 in the office's environment turns the cache off.
#pragma once

#include <com/sun/star/sheet/XVolatileResult.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sheet_reader.hpp"
#include "surveycalc/cell.hpp"

namespace surveycalc::uno {

class ColumnCache {
   public:
    /// The one cache of the process (never destroyed: it holds office objects
    /// that must not be released after the office has shut down).
    static ColumnCache& instance();

    bool enabled() const { return enabled_; }

    /// What a call read: the block, and the id of the cache entry it came from (0: not cached).
    struct Read {
        std::shared_ptr<const Block> block;
        std::uint64_t entry = 0;
        bool hit = false;  // served from an entry that existed before this call
    };
    /// The first `rows` rows of `at` in document `doc`: from the cache when
    /// `use_cached` and it holds them, else read from the sheet (and cached
    /// unless the rows hold a formula or the cache is off).
    Read get(const css::uno::Reference<css::uno::XInterface>& doc, const Located& at, std::size_t rows,
             bool use_cached);

    /// The value to return for a figure of catalog function `function`
    /// computed from cache entries `entries`: an XVolatileResult that expires
    /// when any of the entries is dropped. While they live, a figure computed
    /// again to the same value gets the same object, so Calc keeps one
    /// listener per formula instead of one per recalculation.
    css::uno::Any attach(const css::uno::Any& value, std::size_t function,
                         const std::vector<std::uint64_t>& entries);

    /// Drops one entry (its range changed) or every entry of a document (it closed).
    void drop(std::uint64_t entry);
    void drop_document(const void* doc);

   private:
    ColumnCache();
    struct Impl;
    std::unique_ptr<Impl> impl_;
    bool enabled_ = true;
};

}  // namespace surveycalc::uno
