// Strict UTF-8 (RFC 3629) and the characters XML 1.0 allows (production [2] Char), checked on
// the raw bytes before any parser sees them.
#pragma once

#include <cstddef>
#include <cstdint>

namespace overens {

struct CharProblem {
    enum Kind { None, BadUtf8, ForbiddenChar } kind = None;
    std::size_t offset = 0;    // of the first byte of the offending sequence
    std::uint32_t codePoint = 0;  // ForbiddenChar: the character
};

// The first place where bytes are not strict UTF-8 (overlong forms, surrogates, code points
// above U+10FFFF, stray continuation bytes, truncated sequences) or decode to a character
// XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF).
CharProblem findCharProblem(const char* data, std::size_t size);

// The same rule for one code point (character references, &#...;).
bool isXmlChar(std::uint32_t cp);

}  // namespace overens
