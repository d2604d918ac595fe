// The UNO component: each method converts its arguments to core types, makes
// one call into core and converts the result. Errors never escape as C++
// exceptions: bad arguments become IllegalArgumentException (Err:502 in the
// cell), anything unexpected a RuntimeException (#VALUE!).
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
using surveycalc::uno::to_any;
using surveycalc::uno::to_arg;
using surveycalc::uno::to_block;
using surveycalc::uno::to_matrix;
using surveycalc::uno::to_pairs;
using surveycalc::uno::to_scalar;
namespace fn = surveycalc::fn;

// The trailing criteria/option pairs: catalog::kMaxPairs pairs of optional
// `any` parameters (see ArgKind::Pairs for why not a variadic sequence).
// clang-format off
#define SURVEYCALC_PAIRS_PARAMS const Any &k1, const Any &v1, const Any &k2, const Any &v2, const Any &k3, const Any &v3, const Any &k4, const Any &v4, const Any &k5, const Any &v5, const Any &k6, const Any &v6, const Any &k7, const Any &v7, const Any &k8, const Any &v8, const Any &k9, const Any &v9, const Any &k10, const Any &v10, const Any &k11, const Any &v11, const Any &k12, const Any &v12
#define SURVEYCALC_PAIRS_ARGS &k1, &v1, &k2, &v2, &k3, &v3, &k4, &v4, &k5, &v5, &k6, &v6, &k7, &v7, &k8, &v8, &k9, &v9, &k10, &v10, &k11, &v11, &k12, &v12
// clang-format on
static_assert(surveycalc::catalog::kMaxPairs == 12, "update SURVEYCALC_PAIRS_PARAMS");

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

    // XFunctions (generated from the catalog)
    Any SAL_CALL DIFFICULTY(const Matrix& scores, SURVEYCALC_PAIRS_PARAMS) override {
        return guarded(self(), [&] {
            return to_any(fn::difficulty(to_block(scores), to_pairs({SURVEYCALC_PAIRS_ARGS})));
        });
    }
    Any SAL_CALL MENTIONRATE(const Matrix& responses, const Any& option, SURVEYCALC_PAIRS_PARAMS) override {
        return guarded(self(), [&] {
            return to_any(fn::mention_rate(to_block(responses), to_scalar(option, "option"),
                                           to_pairs({SURVEYCALC_PAIRS_ARGS})));
        });
    }

    Any SAL_CALL MENTIONCOUNT(const Matrix& responses, const Any& option, SURVEYCALC_PAIRS_PARAMS) override {
        return guarded(self(), [&] {
            return to_any(fn::mention_count(to_block(responses), to_scalar(option, "option"),
                                            to_pairs({SURVEYCALC_PAIRS_ARGS})));
        });
    }
    Any SAL_CALL SHARE(const Matrix& values, const Any& value, SURVEYCALC_PAIRS_PARAMS) override {
        return guarded(self(), [&] {
            return to_any(
                fn::share(to_block(values), to_scalar(value, "value"), to_pairs({SURVEYCALC_PAIRS_ARGS})));
        });
    }
    Any SAL_CALL SUMRATIO(const Matrix& numerators, const Matrix& denominators,
                          SURVEYCALC_PAIRS_PARAMS) override {
        return guarded(self(), [&] {
            return to_any(
                fn::rate(to_block(numerators), to_block(denominators), to_pairs({SURVEYCALC_PAIRS_ARGS})));
        });
    }
    Any SAL_CALL DIFFICULTYCI(const Matrix& scores, const Any& bound, SURVEYCALC_PAIRS_PARAMS) override {
        return guarded(self(), [&] {
            return to_any(fn::difficulty_ci(to_block(scores), to_scalar(bound, "bound"),
                                            to_pairs({SURVEYCALC_PAIRS_ARGS})));
        });
    }
    Any SAL_CALL MENTIONCI(const Matrix& responses, const Any& option, const Any& bound,
                           SURVEYCALC_PAIRS_PARAMS) override {
        return guarded(self(), [&] {
            return to_any(fn::mention_ci(to_block(responses), to_scalar(option, "option"),
                                         to_scalar(bound, "bound"), to_pairs({SURVEYCALC_PAIRS_ARGS})));
        });
    }
    Any SAL_CALL MENTIONTEST(const Matrix& responses, const Any& option, const Matrix& groups,
                             const Any& group_a, const Any& group_b, SURVEYCALC_PAIRS_PARAMS) override {
        return guarded(self(), [&] {
            return to_any(fn::mention_test(to_block(responses), to_scalar(option, "option"), to_block(groups),
                                           to_scalar(group_a, "group_a"), to_scalar(group_b, "group_b"),
                                           to_pairs({SURVEYCALC_PAIRS_ARGS})));
        });
    }
    Any SAL_CALL DIFFICULTYTEST(const Matrix& scores, const Matrix& groups, const Any& group_a,
                                const Any& group_b, SURVEYCALC_PAIRS_PARAMS) override {
        return guarded(self(), [&] {
            return to_any(fn::difficulty_test(to_block(scores), to_block(groups),
                                              to_scalar(group_a, "group_a"), to_scalar(group_b, "group_b"),
                                              to_pairs({SURVEYCALC_PAIRS_ARGS})));
        });
    }
    Matrix SAL_CALL GROUPTABLE(const Matrix& scores, const Matrix& groups, SURVEYCALC_PAIRS_PARAMS) override {
        return guarded(self(), [&] {
            return to_matrix(
                fn::group_table(to_block(scores), to_block(groups), to_pairs({SURVEYCALC_PAIRS_ARGS})));
        });
    }
    Matrix SAL_CALL CROSSTAB(const Matrix& responses, const Matrix& groups,
                             SURVEYCALC_PAIRS_PARAMS) override {
        return guarded(self(), [&] {
            return to_matrix(
                fn::crosstab(to_block(responses), to_block(groups), to_pairs({SURVEYCALC_PAIRS_ARGS})));
        });
    }
    Matrix SAL_CALL SHARES(const Matrix& counts, const Any& decimals) override {
        return guarded(
            self(), [&] { return to_matrix(fn::shares(to_block(counts), to_scalar(decimals, "decimals"))); });
    }
    Any SAL_CALL PROVINCE(const Any& location) override {
        return guarded(self(), [&] { return to_any(fn::province(to_scalar(location, "location"))); });
    }
    Any SAL_CALL CITY(const Any& location) override {
        return guarded(self(), [&] { return to_any(fn::city(to_scalar(location, "location"))); });
    }
    Any SAL_CALL REGION(const Any& location, const Any& scheme) override {
        return guarded(self(),
                       [&] { return to_any(fn::region(to_scalar(location, "location"), to_arg(scheme))); });
    }
    Any SAL_CALL DATACHECK(const Matrix& range, const Any& kind, SURVEYCALC_PAIRS_PARAMS) override {
        return guarded(self(), [&] {
            return to_any(fn::datacheck(to_block(range), to_scalar(kind, "kind"),
                                        to_pairs({SURVEYCALC_PAIRS_ARGS}), lang_));
        });
    }

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
