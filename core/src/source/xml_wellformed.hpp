// Well-formedness of XML 1.0, checked by expat (a conforming parser) before pugixml builds the
// tree: pugixml accepts duplicate attributes, '<' in attribute values, bare '&', undefined
// entities, a second root and more without a word.
#pragma once

#include <cstddef>
#include <string>

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

// The whole buffer as one XML 1.0 document in UTF-8, with no DOCTYPE.
XmlCheck checkWellFormed(const char* data, std::size_t size);

}  // namespace overens
