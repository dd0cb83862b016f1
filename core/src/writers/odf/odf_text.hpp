// Inline text in ODF: runs become text and spans, with ODF's white-space rules honoured
// (a second space is text:s, a tab text:tab, a line feed text:line-break).
#pragma once

#include <pugixml.hpp>

#include <string_view>

#include "overens/document.hpp"

namespace overens::odf {

// Names of the character styles runs use (defined in templates/odf/styles.xml).
namespace charstyle {
constexpr const char* kEmphasis = "Emphasis";
constexpr const char* kStrong = "Strong_20_Emphasis";
constexpr const char* kValue = "Entered_20_value";
}  // namespace charstyle

// Appends text to one paragraph (text:p or text:h), remembering whether the last character
// written was a space, so that consecutive spaces and a leading space survive.
class TextAppender {
public:
    // Append plain text to parent (the paragraph or a span inside it).
    void text(pugi::xml_node parent, std::string_view s);
    // Append runs, each inside spans for its look.
    void runs(pugi::xml_node parent, const doc::Runs& runs);
    // Append an element that stands for visible content (a field): a space after it is kept.
    pugi::xml_node field(pugi::xml_node parent, const char* name);

private:
    bool afterSpace_ = true;  // at the start of a paragraph a space would be dropped
};

// Convenience: a new child element `name` with text:style-name = style and the runs inside.
pugi::xml_node appendParagraph(pugi::xml_node parent, const char* name, const char* style, const doc::Runs& runs);
pugi::xml_node appendParagraph(pugi::xml_node parent, const char* name, const char* style, std::string_view text);

}  // namespace overens::odf
