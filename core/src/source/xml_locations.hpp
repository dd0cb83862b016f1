// line:column for nodes of a pugixml document parsed in place: names and values then point
// into the original buffer, so a pointer difference is a byte offset.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "overens/diagnostics.hpp"

namespace overens {

class XmlLocations {
public:
    // Must be built before parsing: in-place parsing rewrites line ends and escapes.
    XmlLocations(std::string file, const char* buffer, std::size_t size);

    Location atOffset(std::size_t offset) const;
    Location of(const pugi::xml_node& element) const;     // the element's '<'
    Location of(const pugi::xml_attribute& attr) const;   // the attribute's name
    Location textOf(const pugi::xml_node& element) const; // its first non-blank text, else the element
    Location ofText(const pugi::xml_node& textNode) const;  // a text node's first non-blank character
    const std::string& file() const { return file_; }

private:
    std::string file_;
    const char* base_;
    std::size_t size_;
    std::vector<std::size_t> lineStarts_;
    std::string original_;                 // a copy for column counting (bytes -> characters)
};

}  // namespace overens
