// The one catalog of spreadsheet functions: names, arguments, descriptions in
// en-US and zh-CN, category. The IDL, CalcAddIns.xcu and docs/FUNCTIONS.md are
// generated from it at build time (tools/gencatalog.cpp); the UNO component
// implements the generated interface, so the compiler proves they agree.
#pragma once

#include <string_view>
#include <vector>

#include "surveycalc/functions.hpp"

namespace surveycalc::catalog {

/// How an argument is declared in the IDL.
enum class ArgKind {
    Range,  // com::sun::star::table::XCellRange: a range of a sheet, read by the add-in itself
            // (trimmed to the used area: A:A costs the rows that hold data); Calc refuses
            // an inline or computed array here (Err:504)
    Array,  // sequence< sequence< any > >: a range, an inline array or a computed array
    Value,  // any: a scalar (text or number); optional
    Pairs,  // the trailing criteria/option pairs: kMaxPairs pairs of optional `any` parameters
            // (key1, value1, key2, value2, ...). Not a variadic sequence< any >: Calc
            // classifies variadic arguments after the first as plain values, and in an
            // array formula it then iterates over a range given there instead of passing it.
};

enum class Returns {
    Scalar,  // any: a number, a text, or void (#N/A)
    Table,   // sequence< sequence< any > >: an array formula result
};

struct Text {
    std::string_view en;
    std::string_view zh;
};

struct Argument {
    std::string_view name;  // IDL parameter name: letters and digits only (UNOIDL rejects "_" and keywords
                            // such as "bound")
    ArgKind kind;
    Text display;           // wizard label
    Text description;       // wizard help
    bool optional = false;  // a Value argument that may be left out (Calc labels every `any` optional)
};

/// The options a trailing pair may set ("weights"; range). One table
/// (options()) declares each: its name, value type, default and help; its
/// parser lives with the parsed Options in core (request.cpp).
enum class OptionId : unsigned {
    Weights,
    Scale,
    Missing,
    Invalid,
    MinN,
    Base,
    Level,
    Sort,
    Top,
    Rows,
    Cols,
    Options,  // CROSSTAB's "options"
    By,
    Sep,
    Labels,
    Answer,  // DATACHECK's "answer"
    Header,  // GROUPTABLE's and CROSSTAB's header row
    Count_
};
/// A set of options as bits (1 << OptionId).
using OptionSet = unsigned;
constexpr OptionSet bit(OptionId o) { return 1u << static_cast<unsigned>(o); }

struct OptionInfo {
    std::string_view name;  // as typed in a formula, e.g. "min_n"
    OptionId id;
    std::string_view type;      // value type for the docs: "range", "number", "whole number", "word", "text"
    std::string_view fallback;  // the default, as the docs show it ("" : none)
    Text help;
};
/// Every option, in OptionId order.
const std::vector<OptionInfo>& options();
const OptionInfo& option(OptionId id);

struct Function {
    std::string_view name;     // IDL method name = formula name, never translated
    std::string_view section;  // spec section: Statistics, Tables, Places, Inference, Checking data
    Returns returns;
    Text description;
    std::vector<Argument> args;
    std::vector<OptionId> options;  // the options its pairs may set
    Value (*entry)(const Call&);    // the core routine, called through call() by the glue and by tests
    bool reports_errors = false;    // DATACHECK: an error cell in its range is reported, not refused
};

/// Calls a function's entry as a cell does: a Range argument holding an error
/// cell (#DIV/0!, #N/A...) gives no figure (ArgumentError), as an error in
/// AVERAGE's range does; DATACHECK says where the error is instead.
Value call(const Function& f, const Call& c);

/// The options of a function as a set.
OptionSet option_set(const Function& f);

/// How many criteria/option pairs a function takes after its fixed arguments.
inline constexpr int kMaxPairs = 12;

/// The add-in's UNO service name; part of the file format (ODS stores
/// ORG.SURVEYCALC.FUNCTIONS.<NAME>).
inline constexpr std::string_view service_name = "org.surveycalc.Functions";
/// CalcAddIns.xcu category. Calc files any name outside its fixed list under
/// its "Add-in" group, which keeps surveycalc out of "Statistical".
inline constexpr std::string_view category = "Add-In";

const std::vector<Function>& functions();

/// The sentence every function but DATACHECK ends its wizard description with:
/// Calc shows only "Err:502"; DATACHECK with the same arguments says why.
Text datacheck_hint();
const Function* find(std::string_view name);

/// The catalog entry of a function that exists (throws std::logic_error otherwise).
const Function& get(std::string_view name);

}  // namespace surveycalc::catalog
