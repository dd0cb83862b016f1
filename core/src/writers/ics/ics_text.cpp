#include "writers/ics/ics_text.hpp"

namespace overens::ics {

std::string escapeText(const std::string& text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
                out += "\\n";
                break;
            case '\n': out += "\\n"; break;
            case '\t': out += ' '; break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
        }
    }
    return out;
}

std::string paramValue(const std::string& value) {
    std::string v;
    bool quote = false;
    for (char c : value) {
        if (c == '"') c = '\'';
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) continue;
        if (c == ':' || c == ';' || c == ',') quote = true;
        v += c;
    }
    return quote ? "\"" + v + "\"" : v;
}

std::string foldLine(const std::string& line) {
    constexpr std::size_t kMax = 75;
    std::string out;
    out.reserve(line.size() + line.size() / 70 * 3 + 2);
    std::size_t pos = 0;
    bool first = true;
    while (pos < line.size()) {
        const std::size_t room = first ? kMax : kMax - 1;  // a continuation starts with a space
        std::size_t end = pos + room;
        if (end >= line.size()) {
            end = line.size();
        } else {
            // Back off to the start of a UTF-8 character (never end on a continuation byte's left).
            while (end > pos && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
            if (end == pos) end = pos + room;  // not UTF-8 at all: cut anyway
        }
        if (!first) out += ' ';
        out.append(line, pos, end - pos);
        out += "\r\n";
        pos = end;
        first = false;
    }
    if (line.empty()) out += "\r\n";
    return out;
}

}  // namespace overens::ics
