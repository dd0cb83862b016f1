#include "writers/odf/odf_text.hpp"

#include <string>

namespace overens::odf {

namespace {

void flush(pugi::xml_node parent, std::string& pending) {
    if (pending.empty()) return;
    parent.append_child(pugi::node_pcdata).set_value(pending.c_str());
    pending.clear();
}

}  // namespace

void TextAppender::text(pugi::xml_node parent, std::string_view s) {
    std::string pending;
    pending.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        // Ordinary characters (neither a space nor a control character) a stretch at a time.
        std::size_t plain = i;
        while (plain < s.size() && static_cast<unsigned char>(s[plain]) > ' ') ++plain;
        if (plain > i) {
            pending.append(s, i, plain - i);
            afterSpace_ = false;
            i = plain;
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ') {
            std::size_t n = 0;
            while (i < s.size() && s[i] == ' ') ++n, ++i;
            if (!afterSpace_) {
                pending += ' ';
                --n;
            }
            if (n > 0) {
                flush(parent, pending);
                auto sp = parent.append_child("text:s");
                if (n > 1) sp.append_attribute("text:c") = static_cast<unsigned>(n);
            }
            afterSpace_ = true;
            continue;
        }
        if (c == '\t') {
            flush(parent, pending);
            parent.append_child("text:tab");
            afterSpace_ = true;
        } else if (c == '\n') {
            flush(parent, pending);
            parent.append_child("text:line-break");
            afterSpace_ = true;
        }
        // carriage returns and other control characters have no place in ODF text
        ++i;
    }
    flush(parent, pending);
}

pugi::xml_node TextAppender::field(pugi::xml_node parent, const char* name) {
    afterSpace_ = false;
    return parent.append_child(name);
}

void TextAppender::runs(pugi::xml_node parent, const doc::Runs& runs) {
    for (const auto& r : runs) {
        if (r.text.empty()) continue;
        pugi::xml_node target = parent;
        auto wrap = [&](const char* style) {
            target = target.append_child("text:span");
            target.append_attribute("text:style-name") = style;
        };
        if (r.field) wrap(charstyle::kValue);
        if (r.strong) wrap(charstyle::kStrong);
        if (r.emphasis) wrap(charstyle::kEmphasis);
        text(target, r.text);
    }
}

pugi::xml_node appendParagraph(pugi::xml_node parent, const char* name, const char* style, const doc::Runs& runs) {
    auto p = parent.append_child(name);
    p.append_attribute("text:style-name") = style;
    TextAppender().runs(p, runs);
    return p;
}

pugi::xml_node appendParagraph(pugi::xml_node parent, const char* name, const char* style, std::string_view text) {
    auto p = parent.append_child(name);
    p.append_attribute("text:style-name") = style;
    TextAppender().text(p, text);
    return p;
}

}  // namespace overens::odf
