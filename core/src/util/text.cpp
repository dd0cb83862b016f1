#include "util/text.hpp"

#include <sstream>

namespace overens {

static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string collapseWhitespace(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    for (char c : s) {
        if (isSpace(c)) {
            pending = !out.empty();
        } else {
            if (pending) out += ' ';
            pending = false;
            out += c;
        }
    }
    return out;
}

std::string normaliseParagraphs(const std::string& s) {
    std::istringstream lines(s);
    std::string line, out, paragraph;
    auto flush = [&] {
        const std::string p = collapseWhitespace(paragraph);
        if (!p.empty()) out += (out.empty() ? "" : "\n\n") + p;
        paragraph.clear();
    };
    while (std::getline(lines, line)) {
        if (collapseWhitespace(line).empty())
            flush();
        else
            paragraph += ' ' + line;
    }
    flush();
    return out;
}

std::size_t characterCount(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace overens
