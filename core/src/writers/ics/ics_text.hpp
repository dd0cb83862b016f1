// RFC 5545 text primitives: escaping TEXT values, quoting parameters, folding content lines at
// 75 octets without splitting a UTF-8 character, CRLF line ends.
#pragma once

#include <string>

namespace overens::ics {

// A TEXT value (RFC 5545 §3.3.11): backslash, ';', ',' escaped, line breaks as "\n",
// other control characters dropped.
std::string escapeText(const std::string& text);

// A parameter value (§3.2): quoted when it holds ':', ';' or ','; '"' and control characters,
// which a parameter cannot hold, become "'" and nothing.
std::string paramValue(const std::string& value);

// One content line, folded (§3.1): physical lines of at most 75 octets, continuation lines
// starting with a space, never inside a UTF-8 sequence; every physical line ends in CRLF.
std::string foldLine(const std::string& line);

}  // namespace overens::ics
