#include "util/text.hpp"

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

// One pass over the lines (no stream): a source's free-text fields all come through here.
std::string normaliseParagraphs(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    bool inParagraph = false;  // the current paragraph has text in out
    bool pendingSpace = false, pendingBreak = false;
    for (std::size_t pos = 0; pos < s.size();) {
        std::size_t end = s.find('\n', pos);
        if (end == std::string::npos) end = s.size();
        bool blank = true;
        for (std::size_t i = pos; i < end && blank; ++i) blank = isSpace(s[i]);
        if (blank) {
            pendingBreak = pendingBreak || inParagraph;
            inParagraph = pendingSpace = false;
        } else {
            for (std::size_t i = pos; i < end; ++i) {
                const char c = s[i];
                if (isSpace(c)) {
                    pendingSpace = inParagraph;
                    continue;
                }
                if (!inParagraph && pendingBreak) out += "\n\n";
                else if (pendingSpace) out += ' ';
                pendingBreak = pendingSpace = false;
                inParagraph = true;
                out += c;
            }
            pendingSpace = inParagraph;  // the line break inside a paragraph is a space
        }
        pos = end + 1;
    }
    return out;
}

std::size_t characterCount(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace overens
