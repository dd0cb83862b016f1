// A well-formed XML text as a tree of byte ranges over the original: where every element,
// attribute, value and text piece begins and ends, so that an edit can replace exactly one of
// them and leave every other byte (comments, layout, quoting) as it was. Well-formedness is
// checked by pugixml first; this scanner only measures.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace overens::edit {

struct SpanAttribute {
    std::string name;
    std::string value;         // entities decoded
    std::size_t lead = 0;      // the whitespace before the name
    std::size_t begin = 0;     // the name
    std::size_t valueBegin = 0, valueEnd = 0;  // inside the quotes
    std::size_t end = 0;       // after the closing quote
    char quote = '"';
};

struct SpanNode {
    enum class Kind { Element, Text, CData, Comment, Other } kind = Kind::Element;
    std::size_t begin = 0, end = 0;  // the whole node
    std::string text;                // Text and CData: decoded, line ends as \n

    // Element only.
    std::string name;
    std::vector<SpanAttribute> attributes;
    std::size_t nameEnd = 0;         // after the name
    std::size_t tagClose = 0;        // the '/' of "/>" or the '>' of the start tag
    std::size_t contentBegin = 0;    // after the start tag
    std::size_t contentEnd = 0;      // the '<' of the end tag (= end for an empty element)
    bool selfClosing = false;
    std::vector<SpanNode> children;

    const SpanAttribute* attribute(const std::string& n) const;
    std::vector<const SpanNode*> elements(const std::string& n) const;  // children of that name
    const SpanNode* element(const std::string& n) const;               // the first of them
    // The text of the element's Text and CData children, concatenated (comments left out).
    std::string innerText() const;
};

struct SpanDocument {
    SpanNode root;  // the document element
    bool ok = false;
};

// Measures a text pugixml has accepted as well-formed (without DOCTYPE).
SpanDocument scanSpans(const std::string& xml);

// Escaping for an element's text and for an attribute value in the given quote.
std::string escapeText(const std::string& s);
std::string escapeAttribute(const std::string& s, char quote);

}  // namespace overens::edit
