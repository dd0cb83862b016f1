// Byte encodings met in exported files.
#pragma once

#include <string>

namespace overens::import {

bool isValidUtf8(const std::string& s);
// Windows-1252 (a superset of ISO 8859-1 as Excel writes it) to UTF-8.
std::string windows1252ToUtf8(const std::string& s);

}  // namespace overens::import
