// Well-formedness of XML 1.0, checked by expat (a conforming parser), in the same pass that
// hands the elements, attributes and text to the source reader: no tree is built.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace overens {

struct XmlProblem {
    bool found = false;
    std::size_t offset = 0;  // byte offset of the problem
    std::string code;        // "source.malformed-xml", "source.doctype" or "source.encoding"
    std::string message_sv, message_en;
};

struct XmlCheck {
    XmlProblem problem;
    std::string rootLang;  // the root element's lang attribute, when the parser got that far
};

struct XmlAttribute {
    const char* name;
    const char* value;    // entities expanded, white space normalised as XML 1.0 says
    std::size_t offset;  // byte offset of the name in the buffer
};

// What the parser meets, in document order. Text comes in pieces; a "text node" is what lies
// between two pieces of markup (tags, comments, processing instructions, CDATA's brackets),
// the way a DOM would hold it. Nothing here is final until the whole check has passed.
class XmlEvents {
public:
    virtual ~XmlEvents() = default;
    // offset: the tag's '<'.
    virtual void start(const char* name, std::size_t offset, const std::vector<XmlAttribute>& attributes) = 0;
    virtual void end() = 0;
    // A piece of character data: offset is where it starts in the buffer; reference is true
    // when it is what an entity or character reference stands for.
    virtual void text(const char* data, std::size_t length, std::size_t offset, bool reference) = 0;
    // Markup other than tags: the text node before it ends. cdata: a CDATA section begins
    // (true) or ends (false); otherwise a comment or processing instruction.
    virtual void markup(bool cdataStart, bool cdataEnd) = 0;
};

// The whole buffer as one XML 1.0 document in UTF-8, with no DOCTYPE; events, when given,
// hear of everything up to where a problem stopped the parser.
XmlCheck checkWellFormed(const char* data, std::size_t size, XmlEvents* events = nullptr);

}  // namespace overens
