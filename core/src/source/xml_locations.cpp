#include "source/xml_locations.hpp"

#include <algorithm>
#include <cstring>

namespace overens {

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;

// A byte of w equal to b (the usual bit trick; exact, no false positives).
bool hasByte(std::uint64_t w, unsigned char b) {
    const std::uint64_t x = w ^ (kOnes * b);
    return ((x - kOnes) & ~x & kHighs) != 0;
}

}  // namespace

XmlLocations::XmlLocations(std::string file, const char* buffer, std::size_t size)
    : file_(std::move(file)), size_(size) {
    lineStarts_.push_back(0);
    continuation_.assign(size / 64 + 1, 0);
    blockCount_.assign(size / 64 + 1, 0);
    std::uint32_t count = 0;
    auto lineEnd = [&](std::size_t i) {
        const char c = buffer[i];
        if (c == '\n' || (c == '\r' && (i + 1 == size || buffer[i + 1] != '\n')))
            lineStarts_.push_back(static_cast<std::uint32_t>(i + 1));  // CRLF counts once, at its LF
    };
    std::size_t i = 0;
    // Eight bytes at a time: continuation bytes (10xxxxxx) as a mask, line ends looked for
    // only in the words that have one.
    for (; i + 8 <= size; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, buffer + i, 8);
        if ((i & 63) == 0) blockCount_[i >> 6] = count;
        const std::uint64_t cont = w & ~(w << 1) & kHighs;  // bit 7 set, bit 6 clear
        if (cont) {
            const std::uint64_t bits = ((cont >> 7) * 0x0102040810204080ULL) >> 56;  // byte k -> bit k
            continuation_[i >> 6] |= bits << (i & 63);
            count += static_cast<std::uint32_t>(__builtin_popcountll(cont));
        }
        if (hasByte(w, '\n') || hasByte(w, '\r'))
            for (std::size_t k = i; k < i + 8; ++k) lineEnd(k);
    }
    for (; i < size; ++i) {
        const unsigned char c = static_cast<unsigned char>(buffer[i]);
        if ((i & 63) == 0) blockCount_[i >> 6] = count;
        if ((c & 0xC0) == 0x80) {
            continuation_[i >> 6] |= std::uint64_t{1} << (i & 63);
            ++count;
        } else {
            lineEnd(i);
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
