// Reading Swedish text for the delegation order's rules: words lower-cased and stemmed with the
// Snowball Swedish stemmer (libstemmer), and patterns from templates/law/ matched against them.
//
// A pattern is one or more words matched as consecutive words of the text:
//   "mål"       a word whose stem is the stem of "mål" (mål, målen, målet ...);
//   "överklag*" a word that begins with "överklag" (överklagat, överklagandet ...);
//   "*mål"      a word that ends in "mål", e.g. the last part of a compound (verksamhetsmål);
//   "*nämnd*"   a word that contains "nämnd" anywhere (socialnämndens);
//   "_"         any one word.
#pragma once

#include <string>
#include <vector>

namespace overens::delegation {

struct Word {
    std::string lower;  // the word as written, lower-cased
    std::string stem;   // its Snowball stem
};

// The words of a text: letters, digits and inner hyphens; everything else separates.
std::vector<Word> words(const std::string& text);

// One word of a pattern, prepared once.
struct PatternWord {
    enum class Kind { Stem, Prefix, Suffix, Contains, Any } kind = Kind::Stem;
    std::string text;  // lower-cased, or the stem for Kind::Stem
};
using Pattern = std::vector<PatternWord>;

Pattern compilePattern(const std::string& text);
// "a | b c | d*" -> three patterns.
std::vector<Pattern> compileAlternatives(const std::string& text);

// Where pattern p first matches in ws at or after `from`, or -1.
int find(const std::vector<Word>& ws, const Pattern& p, std::size_t from = 0);

// Lower-case UTF-8 (ASCII and Latin-1 letters, which covers Swedish).
std::string lowerUtf8(const std::string& s);

}  // namespace overens::delegation
