// Inline text in ODF: runs become text and spans, with ODF's white-space rules honoured
// (a second space is text:s, a tab text:tab, a line feed text:line-break).
#pragma once

#include <string_view>

#include "overens/document.hpp"
#include "writers/odf/odf_xml.hpp"

namespace overens::odf {

// Names of the character styles runs use (defined in templates/odf/styles.xml).
namespace charstyle {
constexpr const char* kEmphasis = "Emphasis";
constexpr const char* kStrong = "Strong_20_Emphasis";
constexpr const char* kValue = "Entered_20_value";
}  // namespace charstyle

// Writes the text of one paragraph (text:p or text:h) into the element open in w,
// remembering whether the last character written was a space, so that consecutive spaces and
// a leading space survive.
class TextAppender {
public:
    explicit TextAppender(XmlWriter& w) : w_(w) {}
    // Plain text.
    void text(std::string_view s);
    // Runs, each inside spans for its look.
    void runs(const doc::Runs& runs);
    // Open an element that stands for visible content (a field): a space after it is kept.
    // The caller closes it.
    void field(const char* name);

private:
    XmlWriter& w_;
    bool afterSpace_ = true;  // at the start of a paragraph a space would be dropped
};

// A whole element `name` with text:style-name = style and the runs (or the text) inside.
void writeParagraph(XmlWriter& w, const char* name, const char* style, const doc::Runs& runs);
void writeParagraph(XmlWriter& w, const char* name, const char* style, std::string_view text);

}  // namespace overens::odf
