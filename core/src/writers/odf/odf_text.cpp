#include "writers/odf/odf_text.hpp"

namespace overens::odf {

void TextAppender::text(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        // Ordinary characters (neither a space nor a control character) a stretch at a time.
        std::size_t plain = i;
        while (plain < s.size() && static_cast<unsigned char>(s[plain]) > ' ') ++plain;
        if (plain > i) {
            w_.text(s.substr(i, plain - i));
            afterSpace_ = false;
            i = plain;
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ') {
            std::size_t n = 0;
            while (i < s.size() && s[i] == ' ') ++n, ++i;
            if (!afterSpace_) {
                w_.text(" ");
                --n;
            }
            if (n > 0) {
                w_.open("text:s");
                if (n > 1) w_.attr("text:c", static_cast<unsigned>(n));
                w_.close();
            }
            afterSpace_ = true;
            continue;
        }
        if (c == '\t') {
            w_.open("text:tab");
            w_.close();
            afterSpace_ = true;
        } else if (c == '\n') {
            w_.open("text:line-break");
            w_.close();
            afterSpace_ = true;
        }
        // carriage returns and other control characters have no place in ODF text
        ++i;
    }
}

void TextAppender::field(const char* name) {
    afterSpace_ = false;
    w_.open(name);
}

void TextAppender::runs(const doc::Runs& runs) {
    for (const auto& r : runs) {
        if (r.text.empty()) continue;
        int spans = 0;
        auto wrap = [&](const char* style) {
            w_.open("text:span");
            w_.attr("text:style-name", style);
            ++spans;
        };
        if (r.field) wrap(charstyle::kValue);
        if (r.strong) wrap(charstyle::kStrong);
        if (r.emphasis) wrap(charstyle::kEmphasis);
        text(r.text);
        while (spans-- > 0) w_.close();
    }
}

void writeParagraph(XmlWriter& w, const char* name, const char* style, const doc::Runs& runs) {
    w.open(name);
    w.attr("text:style-name", style);
    if (!w.discarding()) TextAppender(w).runs(runs);
    w.close();
}

void writeParagraph(XmlWriter& w, const char* name, const char* style, std::string_view text) {
    w.open(name);
    w.attr("text:style-name", style);
    if (!w.discarding()) TextAppender(w).text(text);
    w.close();
}

}  // namespace overens::odf
