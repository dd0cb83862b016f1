// line:column of a byte offset in a source file, in characters.
//
// Small: line starts plus one bit per byte marking UTF-8 continuation bytes, so that a lookup
// costs O(log lines) whatever the length of a line. LF, CR and CRLF each end a line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "overens/diagnostics.hpp"

namespace overens {

class XmlLocations {
public:
    XmlLocations(std::string file, const char* buffer, std::size_t size);

    Location atOffset(std::size_t offset) const;
    const std::string& file() const { return file_.str(); }

private:
    std::size_t continuationsBefore(std::size_t offset) const;
    std::size_t lineIndex(std::size_t offset) const;  // 0-based line holding offset

    FileName file_;  // shared by every location it gives
    std::size_t size_;
    std::vector<std::uint32_t> lineStarts_;    // byte offset of each line's first byte
    std::vector<std::uint64_t> continuation_;  // bit i of word w: byte 64w+i is 10xxxxxx
    std::vector<std::uint32_t> blockCount_;    // continuation bytes before word w
};

}  // namespace overens
