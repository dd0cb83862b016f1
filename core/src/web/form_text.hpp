// What a posted value may hold: text an answer file can keep and a reader can trust. Refused:
// bytes that are not UTF-8, control characters other than tab and line ends, noncharacters
// (U+FFFE, U+FFFF, ...), and the invisible bidirectional controls (U+202A-U+202E,
// U+2066-U+2069, U+200E/F, U+061C) that can make a name read as something else.
#pragma once

#include <optional>
#include <string>

namespace overens::web {

// The first character value cannot hold, as "U+202E" (or "byte 0xFF" when not UTF-8); nullopt
// when it is fine.
std::optional<std::string> unstorableCharacter(const std::string& value);

}  // namespace overens::web
