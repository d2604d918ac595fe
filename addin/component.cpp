// The UNO component. Its XFunctions methods are generated from the catalog
// (gencatalog glue -> functions_glue.inc): each converts its arguments to core
// types and calls the function's catalog entry through call_scalar/call_table.
// Errors never escape as C++ exceptions: bad arguments become
// IllegalArgumentException (Err:502 in the cell), anything unexpected a
// RuntimeException (#VALUE!).
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XLocalizable.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <exception>
#include <org/surveycalc/XFunctions.hpp>

#include "convert.hpp"
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

    static surveycalc::Arg range_arg(const Matrix& m) {
        return surveycalc::Arg{true, surveycalc::uno::to_block(m)};
    }
    static surveycalc::Arg value_arg(const Any& a) { return surveycalc::uno::to_arg(a); }

    /// Calls catalog function `index` with its fixed arguments and trailing pairs.
    surveycalc::Value call(std::size_t index, std::vector<surveycalc::Arg> args,
                           std::initializer_list<const Any*> pairs) {
        surveycalc::Call c{std::move(args), surveycalc::uno::to_pairs(pairs), lang_};
        return surveycalc::catalog::functions()[index].entry(c);
    }
    Any call_scalar(std::size_t index, std::initializer_list<surveycalc::Arg> args,
                    std::initializer_list<const Any*> pairs) {
        return guarded(self(), [&] {
            return surveycalc::uno::to_any(std::get<surveycalc::Result>(call(index, args, pairs)));
        });
    }
    Matrix call_table(std::size_t index, std::initializer_list<surveycalc::Arg> args,
                      std::initializer_list<const Any*> pairs) {
        return guarded(self(), [&] {
            return surveycalc::uno::to_matrix(std::get<surveycalc::Table>(call(index, args, pairs)));
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
