// What the index of sources depends on besides the files: the program's version and the
// document kinds. A new fingerprint empties the index, so that every source is read again.
#pragma once

#include <filesystem>
#include <string>

namespace overens::remind {

std::string indexFingerprint(const std::filesystem::path& templatesDir);

}  // namespace overens::remind
