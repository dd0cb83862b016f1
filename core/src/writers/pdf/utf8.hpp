// Small UTF-8 helpers for the PDF writer: decoding to code points and cleaning text so that
// libharu's UTF-8 encoder (which handles the Basic Multilingual Plane only) gets valid input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace overens::pdf {

// Decodes one code point at s[i], advancing i; invalid bytes give U+FFFD and advance by one.
char32_t decodeUtf8(std::string_view s, std::size_t& i);
void appendUtf8(std::string& out, char32_t cp);
// Text libharu can encode: invalid UTF-8 and characters beyond U+FFFF become U+FFFD, tabs become
// spaces, other control characters (except '\n') are dropped.
std::string cleanText(std::string_view s);
// The byte offset of the last character boundary at or before `bytes` (for measuring functions
// that may stop inside a multibyte character).
std::size_t utf8Boundary(std::string_view s, std::size_t bytes);

}  // namespace overens::pdf
