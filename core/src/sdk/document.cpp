#include "overens/context.hpp"
#include "overens/document.hpp"

namespace overens {

const Party* Context::party(const std::string& role) const {
    for (const auto& p : parties)
        if (p.role == role) return &p;
    return nullptr;
}

namespace doc {

std::string plainText(const Runs& r) {
    std::string s;
    for (const auto& run : r) s += run.text;
    return s;
}

}  // namespace doc
}  // namespace overens
