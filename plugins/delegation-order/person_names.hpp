// Is a role's title a person's name? A title names a person when it is, or ends in, a first name
// from templates/law/first-names.txt followed by a surname-shaped word, or a first name alone;
// never when the words are a post (templates/law/post-words.txt), a hyphenated compound
// ("Anna-enhetens chef") or a genitive that names a place ("Karl Johans skolas rektor").
#pragma once

#include <string>

#include "law_data.hpp"

namespace overens::delegation {

// The name as written, or empty when the title does not look like a person's name.
std::string personalName(const std::string& title, const LawData& law);

}  // namespace overens::delegation
