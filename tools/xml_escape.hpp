// XML text and attribute escaping, shared by the generators (gencatalog, genhelp).
#pragma once

#include <string>
#include <string_view>

namespace surveycalc::tools {

inline std::string xml(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace surveycalc::tools
