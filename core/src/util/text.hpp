// Whitespace rules shared by the source reader and the template reader.
#pragma once

#include <cstddef>
#include <string>

namespace overens {

// Trim and collapse every run of whitespace to one space.
std::string collapseWhitespace(const std::string& s);
// Paragraphs separated by blank lines become "\n\n"-separated paragraphs; inside a paragraph
// whitespace (line breaks included) collapses to one space.
std::string normaliseParagraphs(const std::string& s);
// Characters, not bytes, in UTF-8 text (continuation bytes do not count).
std::size_t characterCount(const std::string& s);

}  // namespace overens
