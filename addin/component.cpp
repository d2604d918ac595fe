// The UNO component. Its XFunctions methods are generated from the catalog
// (gencatalog glue -> functions_glue.inc): each hands its arguments to call(),
// which reads the sheet ranges, converts the rest and runs the catalog entry.
// Errors never escape as C++ exceptions: bad arguments become
// IllegalArgumentException (Err:502 in the cell), anything unexpected a
// RuntimeException (#VALUE!).
#include <algorithm>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XLocalizable.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <exception>
#include <org/surveycalc/XFunctions.hpp>

#include "column_cache.hpp"
#include "convert.hpp"
#include "sheet_reader.hpp"
#include "surveycalc/catalog.hpp"
#include "surveycalc/errors.hpp"
#include "surveycalc/functions.hpp"

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Sequence;
using rtl::OUString;
using surveycalc::uno::Matrix;

namespace {

const OUString kImplementationName("org.surveycalc.Functions");
const OUString kServiceName("org.surveycalc.Functions");
const OUString kAddInService("com.sun.star.sheet.AddIn");

template <class F>
auto guarded(css::uno::XInterface* self, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const surveycalc::ArgumentError& e) {
        throw css::lang::IllegalArgumentException(surveycalc::uno::to_ou(e.message().en), self, 0);
    } catch (const std::exception& e) {
        throw css::uno::RuntimeException(surveycalc::uno::to_ou(std::string("surveycalc: ") + e.what()),
                                         self);
    } catch (...) {
        throw css::uno::RuntimeException("surveycalc: unexpected failure", self);
    }
}

class Functions : public cppu::WeakImplHelper4<org::surveycalc::XFunctions, css::lang::XServiceInfo,
                                               css::lang::XServiceName, css::lang::XLocalizable> {
   public:
    explicit Functions(css::uno::Reference<css::uno::XComponentContext> ctx) : ctx_(std::move(ctx)) {}

    // XFunctions: generated from the catalog.
#include "functions_glue.inc"

    // XLocalizable: Calc passes its UI language; DATACHECK speaks it.
    void SAL_CALL setLocale(const css::lang::Locale& locale) override {
        locale_ = locale;
        lang_ = locale.Language == "zh" ? surveycalc::Lang::Zh : surveycalc::Lang::En;
    }
    css::lang::Locale SAL_CALL getLocale() override { return locale_; }

    // XServiceName
    OUString SAL_CALL getServiceName() override { return kServiceName; }

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override { return kImplementationName; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        Sequence<OUString> names(2);
        names[0] = kServiceName;
        names[1] = kAddInService;
        return names;
    }

   private:
    css::uno::XInterface* self() { return static_cast<cppu::OWeakObject*>(this); }

    /// One fixed argument as the generated glue hands it over: a range of the
    /// sheet (read here, through the column cache) or an already converted value.
    struct In {
        bool is_sheet = false;
        css::uno::Reference<css::table::XCellRange> sheet;
        surveycalc::Arg arg;
    };
    static In sheet_arg(const css::uno::Reference<css::table::XCellRange>& r) { return In{true, r, {}}; }
    static In array_arg(const Matrix& m) {
        return In{false, {}, surveycalc::Arg{true, surveycalc::uno::to_block(m)}};
    }
    static In value_arg(const Any& a) { return In{false, {}, surveycalc::uno::to_arg(a)}; }

    /// Calls catalog function `index`: reads its sheet ranges (each trimmed to
    /// the used area; the ranges of one height read to the same row count),
    /// converts the result, and ties it to the cache entries it was computed from.
    Any call(std::size_t index, const css::uno::Reference<css::beans::XPropertySet>& caller,
             std::initializer_list<In> ins, std::initializer_list<const Any*> pairs) {
        return guarded(self(), [&] {
            namespace su = surveycalc::uno;
            const surveycalc::catalog::Function& f = surveycalc::catalog::functions()[index];
            const std::vector<In> in(ins);
            // A table with "header" labels its columns with its ranges' titles (the cell above).
            const bool titled = std::find(f.options.begin(), f.options.end(),
                                          surveycalc::catalog::OptionId::Header) != f.options.end();
            std::vector<su::Located> at(in.size());
            std::size_t common = 0, height = 0;
            bool same = true;
            for (std::size_t i = 0; i < in.size(); ++i) {
                if (!in[i].is_sheet) continue;
                try {
                    at[i] = su::locate(in[i].sheet, f.args[i].name);
                } catch (const surveycalc::ArgumentError& e) {
                    if (f.reports_errors) return Any(su::to_ou(surveycalc::in(e.message(), lang_)));
                    throw;
                }
                if (height && at[i].written_rows != height) same = false;
                height = at[i].written_rows;
                // DATACHECK counts every row as written (its blanks too): it reads them all.
                if (f.reports_errors) at[i].used_rows = at[i].written_rows;
                common = std::max(common, at[i].used_rows);
            }
            // Below the data's last used row the pairs' ranges are not read
            // (converted): no figure uses those rows.
            bool trimmed = same && height > common;
            surveycalc::Pairs converted =
                su::to_pairs(pairs, trimmed ? std::max<std::size_t>(common, 1) : SIZE_MAX);
            su::ColumnCache& cache = su::ColumnCache::instance();
            surveycalc::Call c{{}, std::move(converted), lang_};  // the pairs: converted once, never copied
            for (bool use_cached : {true, false}) {
                // DATACHECK's sentence names cells by sheet and address: always from a fresh read
                // (a renamed sheet changes no cell, so a cached block would keep the old name).
                if (use_cached && f.reports_errors) continue;
                c.args.clear();
                std::vector<std::shared_ptr<const surveycalc::Block>> held;
                std::vector<std::uint64_t> entries;
                bool hit = false;
                for (std::size_t i = 0; i < in.size(); ++i) {
                    if (!in[i].is_sheet) {
                        c.args.push_back(in[i].arg);
                        continue;
                    }
                    std::size_t rows = same ? common : at[i].used_rows;
                    su::ColumnCache::Read r = cache.get(caller, at[i], rows, use_cached);
                    hit = hit || r.hit;
                    if (r.entry) entries.push_back(r.entry);
                    surveycalc::Arg a{true, {}};
                    a.shared = r.block.get();
                    if (titled) {
                        // Read through the cache too: its entry expires the table when the title is edited.
                        a.title = r.block->header;
                        std::optional<su::Located> up = a.title.empty() ? su::above(at[i]) : std::nullopt;
                        if (up) {
                            su::ColumnCache::Read t = cache.get(caller, *up, 1, use_cached);
                            if (t.entry) entries.push_back(t.entry);
                            if (t.block->rows == 1 && t.block->at(0, 0).is_text())
                                a.title = t.block->at(0, 0).text;
                        }
                    }
                    held.push_back(std::move(r.block));
                    c.args.push_back(std::move(a));
                }
                for (const auto& b : held) su::drop_header_row(*b, c.pairs);
                Any value;
                try {
                    surveycalc::Value v = surveycalc::catalog::call(f, c);
                    if (const auto* t = std::get_if<surveycalc::Table>(&v))
                        value <<= su::to_matrix(*t);
                    else
                        value = su::to_any(std::get<surveycalc::Result>(v));
                } catch (const surveycalc::ArgumentError&) {
                    if (hit) continue;  // never an error from cached cells: read the sheet again
                    throw;
                }
                if (entries.empty()) return value;
                return cache.attach(value, index, entries);
            }
            throw std::logic_error("unreachable");
        });
    }

    css::uno::Reference<css::uno::XComponentContext> ctx_;
    css::lang::Locale locale_;
    surveycalc::Lang lang_ = surveycalc::Lang::En;
};

}  // namespace

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface* org_surveycalc_Functions_get_implementation(
    css::uno::XComponentContext* ctx, const css::uno::Sequence<css::uno::Any>&) {
    static_assert(sizeof(surveycalc::catalog::service_name) > 0);
    Functions* f = new Functions(ctx);
    f->acquire();
    return static_cast<cppu::OWeakObject*>(f);
}
