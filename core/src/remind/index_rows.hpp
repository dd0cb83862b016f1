// One folder of the index as one text (a row per folder keeps loading 100,000 sources to a few
// hundred rows): each file's name and facts, separated by \x1f, each file ended by \x1e.
#pragma once

#include <string>

#include "remind/state.hpp"

namespace overens::remind {

std::string serializeFolder(const FolderIndex& folder);
// Parses what serializeFolder wrote; a damaged entry is skipped (its file is then read again).
void parseFolder(const std::string& s, FolderIndex& folder);

}  // namespace overens::remind
