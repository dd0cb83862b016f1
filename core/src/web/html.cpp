#include "web/html.hpp"

#include <Poco/URI.h>

namespace overens::web {

std::string esc(const std::string& s) {
    std::string out;
    out.reserve(s.size() + 16);
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string fieldId(const std::string& path) {
    std::string id = "f-";
    for (char c : path) id += c == '.' ? '_' : c == '#' ? 'n' : c;
    return id;
}

std::string urlEncode(const std::string& s) {
    std::string out;
    Poco::URI::encode(s, "/?#&=+%;: ", out);
    return out;
}

}  // namespace overens::web
