// line:column for nodes of a pugixml document parsed in place: names and values then point
// into the original buffer, so a pointer difference is a byte offset.
//
// Built from the bytes before parsing (in-place parsing rewrites line ends and escapes), and
// small: line starts plus one bit per byte marking UTF-8 continuation bytes, so that a lookup
// costs O(log lines) whatever the length of a line. LF, CR and CRLF each end a line.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "overens/diagnostics.hpp"

namespace overens {

class XmlLocations {
public:
    // Must be built before parsing.
    XmlLocations(std::string file, const char* buffer, std::size_t size);

    Location atOffset(std::size_t offset) const;
    Location of(const pugi::xml_node& element) const;     // the element's '<'
    Location of(const pugi::xml_attribute& attr) const;   // the attribute's name
    Location textOf(const pugi::xml_node& element) const; // its first non-blank text, else the element
    Location ofText(const pugi::xml_node& textNode) const;  // a text node's first non-blank character
    const std::string& file() const { return file_; }

private:
    std::size_t continuationsBefore(std::size_t offset) const;
    std::size_t lineIndex(std::size_t offset) const;  // 0-based line holding offset

    std::string file_;
    const char* base_;
    std::size_t size_;
    std::vector<std::uint32_t> lineStarts_;    // byte offset of each line's first byte
    std::vector<std::uint64_t> continuation_;  // bit i of word w: byte 64w+i is 10xxxxxx
    std::vector<std::uint32_t> blockCount_;    // continuation bytes before word w
};

}  // namespace overens
