#include "source/xml_chars.hpp"

#include <cstring>

namespace overens {

bool isXmlChar(std::uint32_t cp) {
    if (cp < 0x20) return cp == 0x9 || cp == 0xA || cp == 0xD;
    if (cp < 0xD800) return true;
    if (cp < 0xE000) return false;  // surrogates
    if (cp < 0x10000) return cp != 0xFFFE && cp != 0xFFFF;
    return cp <= 0x10FFFF;
}

CharProblem findCharProblem(const char* data, std::size_t size) {
    const auto* s = reinterpret_cast<const unsigned char*>(data);
    std::size_t i = 0;
    while (i < size) {
        // Eight plain ASCII bytes at a time: no byte with the high bit set and none below 0x20
        // (tab, line ends and the forbidden controls are taken one by one below).
        constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
        while (i + 8 <= size) {
            std::uint64_t w;
            std::memcpy(&w, s + i, 8);
            if ((w | ((w - kOnes * 0x20) & ~w)) & kHighs) break;
            i += 8;
        }
        if (i >= size) break;
        const unsigned char c = s[i];
        if (c < 0x80) {
            if (c < 0x20 && c != 0x9 && c != 0xA && c != 0xD) return {CharProblem::ForbiddenChar, i, c};
            ++i;
            continue;
        }
        // RFC 3629 table 3-7: the allowed range of the second byte depends on the first.
        std::size_t n;
        unsigned char lo = 0x80, hi = 0xBF;
        std::uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2, cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3, cp = c & 0x0F;
            if (c == 0xE0) lo = 0xA0;       // no overlong forms
            if (c == 0xED) hi = 0x9F;       // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4, cp = c & 0x07;
            if (c == 0xF0) lo = 0x90;       // no overlong forms
            if (c == 0xF4) hi = 0x8F;       // nothing above U+10FFFF
        } else {
            return {CharProblem::BadUtf8, i, 0};  // C0, C1, F5..FF or a stray continuation byte
        }
        if (i + n > size) return {CharProblem::BadUtf8, i, 0};
        for (std::size_t k = 1; k < n; ++k) {
            const unsigned char b = s[i + k];
            if (k == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) return {CharProblem::BadUtf8, i, 0};
            cp = (cp << 6) | (b & 0x3F);
        }
        if (!isXmlChar(cp)) return {CharProblem::ForbiddenChar, i, cp};
        i += n;
    }
    return {};
}

}  // namespace overens
