#include "source/xml_locations.hpp"

#include <algorithm>

namespace overens {

XmlLocations::XmlLocations(std::string file, const char* buffer, std::size_t size)
    : file_(std::move(file)), size_(size) {
    lineStarts_.push_back(0);
    continuation_.assign(size / 64 + 1, 0);
    blockCount_.assign(size / 64 + 1, 0);
    std::uint32_t count = 0;
    for (std::size_t i = 0; i < size; ++i) {
        const unsigned char c = static_cast<unsigned char>(buffer[i]);
        if ((i & 63) == 0) blockCount_[i >> 6] = count;
        if ((c & 0xC0) == 0x80) {
            continuation_[i >> 6] |= std::uint64_t{1} << (i & 63);
            ++count;
        } else if (c == '\n' || (c == '\r' && (i + 1 == size || buffer[i + 1] != '\n'))) {
            lineStarts_.push_back(static_cast<std::uint32_t>(i + 1));  // CRLF counts once, at its LF
        }
    }
    if ((size & 63) == 0) blockCount_[size >> 6] = count;
}

std::size_t XmlLocations::continuationsBefore(std::size_t offset) const {
    const std::size_t w = offset >> 6, bit = offset & 63;
    const std::uint64_t below = bit ? continuation_[w] & ((std::uint64_t{1} << bit) - 1) : 0;
    return blockCount_[w] + static_cast<std::size_t>(__builtin_popcountll(below));
}

std::size_t XmlLocations::lineIndex(std::size_t offset) const {
    auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
    return static_cast<std::size_t>(it - lineStarts_.begin()) - 1;
}

Location XmlLocations::atOffset(std::size_t offset) const {
    if (offset > size_) offset = size_;
    const std::size_t line = lineIndex(offset);
    const std::size_t start = lineStarts_[line];
    // Columns count characters, not bytes.
    const std::size_t chars = (offset - start) - (continuationsBefore(offset) - continuationsBefore(start));
    return Location{file_, static_cast<int>(line + 1), static_cast<int>(chars + 1)};
}

}  // namespace overens
