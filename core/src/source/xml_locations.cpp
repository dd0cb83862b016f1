#include "source/xml_locations.hpp"

#include <algorithm>

namespace overens {

XmlLocations::XmlLocations(std::string file, const char* buffer, std::size_t size)
    : file_(std::move(file)), base_(buffer), size_(size), original_(buffer, size) {
    lineStarts_.push_back(0);
    for (std::size_t i = 0; i < size; ++i)
        if (buffer[i] == '\n') lineStarts_.push_back(i + 1);
}

Location XmlLocations::atOffset(std::size_t offset) const {
    if (offset > size_) offset = size_;
    auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - lineStarts_.begin());
    const std::size_t start = lineStarts_[line - 1];
    // Columns count characters, not bytes: skip UTF-8 continuation bytes.
    int column = 1;
    for (std::size_t i = start; i < offset; ++i)
        if ((static_cast<unsigned char>(original_[i]) & 0xC0) != 0x80) ++column;
    return Location{file_, static_cast<int>(line), column};
}

Location XmlLocations::of(const pugi::xml_node& element) const {
    const char* name = element.name();
    if (name < base_ || name > base_ + size_) return Location{file_};
    const std::size_t offset = static_cast<std::size_t>(name - base_);
    return atOffset(offset > 0 ? offset - 1 : 0);
}

Location XmlLocations::of(const pugi::xml_attribute& attr) const {
    const char* name = attr.name();
    if (name < base_ || name > base_ + size_) return Location{file_};
    return atOffset(static_cast<std::size_t>(name - base_));
}

Location XmlLocations::ofText(const pugi::xml_node& textNode) const {
    const char* v = textNode.value();
    if (v < base_ || v > base_ + size_) return Location{file_};
    std::size_t offset = static_cast<std::size_t>(v - base_);
    // Leading blanks are left in place by the parser: step over them in the original.
    while (offset < size_ && (original_[offset] == ' ' || original_[offset] == '\n' || original_[offset] == '\t' ||
                              original_[offset] == '\r'))
        ++offset;
    return atOffset(offset);
}

Location XmlLocations::textOf(const pugi::xml_node& element) const {
    for (pugi::xml_node child : element.children()) {
        if (child.type() != pugi::node_pcdata && child.type() != pugi::node_cdata) continue;
        const std::string v = child.value();
        if (v.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        return ofText(child);
    }
    return of(element);
}

}  // namespace overens
