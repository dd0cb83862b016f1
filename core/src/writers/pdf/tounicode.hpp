// The ToUnicode maps of the fonts: libharu's own (in UTF-8 mode) uses begincidrange where a
// ToUnicode map needs bfrange/bfchar; FontBook::finish writes these instead.
#pragma once

#include <set>
#include <string>

namespace overens::pdf {

// A ToUnicode CMap for fonts whose 2-byte codes are the characters' UTF-16 values (libharu's
// UTF-8 encoding of TrueType fonts): bfrange/bfchar entries for exactly the given code points,
// or for the whole Basic Multilingual Plane when `used` is empty.
std::string toUnicodeCMap(const std::set<char32_t>& used);

}  // namespace overens::pdf
