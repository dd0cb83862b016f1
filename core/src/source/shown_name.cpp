#include "source/shown_name.hpp"

namespace overens {

std::string shownName(const std::string& name) {
    // Count characters, not bytes: cut only before a UTF-8 lead byte.
    std::size_t chars = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if ((static_cast<unsigned char>(name[i]) & 0xC0) == 0x80) continue;
        if (chars++ == kShownNameChars) return name.substr(0, i) + "…";
    }
    return name;
}

}  // namespace overens
