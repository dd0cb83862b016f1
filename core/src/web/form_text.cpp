#include "web/form_text.hpp"

#include <cstdint>
#include <cstdio>

namespace overens::web {

namespace {

std::string codePoint(std::uint32_t c) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    return buffer;
}

bool refused(std::uint32_t c) {
    if (c < 0x20) return c != '\t' && c != '\n' && c != '\r';
    if (c >= 0x7f && c <= 0x9f) return true;                        // DEL, C1 controls
    if ((c & 0xfffe) == 0xfffe || (c >= 0xfdd0 && c <= 0xfdef)) return true;  // noncharacters
    if (c == 0x200e || c == 0x200f || c == 0x061c) return true;     // direction marks
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;  // embeddings, overrides, isolates
    return false;
}

}  // namespace

std::optional<std::string> unstorableCharacter(const std::string& value) {
    const auto* s = reinterpret_cast<const unsigned char*>(value.data());
    const std::size_t n = value.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char b = s[i];
        std::uint32_t c = 0;
        std::size_t len = 0;
        if (b < 0x80) { c = b; len = 1; }
        else if (b >= 0xc2 && b <= 0xdf) { c = b & 0x1f; len = 2; }
        else if (b >= 0xe0 && b <= 0xef) { c = b & 0x0f; len = 3; }
        else if (b >= 0xf0 && b <= 0xf4) { c = b & 0x07; len = 4; }
        else {
            char buffer[16];
            std::snprintf(buffer, sizeof buffer, "byte 0x%02X", b);
            return std::string(buffer);
        }
        if (i + len > n) return std::string("a cut UTF-8 sequence");
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xc0) != 0x80) return std::string("a broken UTF-8 sequence");
            c = (c << 6) | (s[i + k] & 0x3f);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10ffff)) || (c >= 0xd800 && c <= 0xdfff))
            return std::string("a broken UTF-8 sequence");
        if (refused(c)) return codePoint(c);
        i += len;
    }
    return std::nullopt;
}

}  // namespace overens::web
