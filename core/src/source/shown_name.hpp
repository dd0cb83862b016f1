// A name or value from the source as a diagnostic quotes it: whole when short, else its first
// 60 characters and "…" (an unknown element named by a 10 MB string must not print 10 MB).
#pragma once

#include <cstddef>
#include <string>

namespace overens {

constexpr std::size_t kShownNameChars = 60;

std::string shownName(const std::string& name);

}  // namespace overens
