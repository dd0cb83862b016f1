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

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace overens::delegation {

struct Word {
    std::string lower;  // the word as written, lower-cased
    std::string stem;   // its Snowball stem
    // Read through a WordMatcher (prepared_words.hpp): which words of that table it matches, one
    // bit each, so that matching it against a numbered pattern word is a look-up.
    std::uint32_t table = 0;  // the PatternTable's number; 0 when not prepared
    const std::uint64_t* hits = nullptr;
};

// The words of a text: letters, digits and inner hyphens; everything else separates.
std::vector<Word> words(const std::string& text);
// Each lower-cased word of a text, as `words` splits it.
void splitWords(const std::string& text, const std::function<void(const std::string&)>& each);

// The Snowball stem of a lower-case word.
std::string stemOf(const std::string& lowerWord);

// One word of a pattern, prepared once (stems included), so that matching a row stems nothing.
struct PatternWord {
    enum class Kind { Stem, Prefix, Suffix, Contains, Any } kind = Kind::Stem;
    std::string text;  // lower-cased, or the stem for Kind::Stem
    std::string stem;  // Kind::Suffix: the stem of text, which an inflected compound's stem ends in
    std::uint32_t table = 0;  // numbered in this PatternTable (prepared_words.hpp); 0 when not
    std::uint32_t slot = 0;   // its number there
};

// Does w match p? By its letters and stem; matches() looks the answer up instead when w and p were
// prepared with the same table.
bool matchesText(const Word& w, const PatternWord& p);
inline bool matches(const Word& w, const PatternWord& p) {
    if (w.table && w.table == p.table) return (w.hits[p.slot / 64] >> (p.slot % 64)) & 1U;
    return matchesText(w, p);
}
using Pattern = std::vector<PatternWord>;

Pattern compilePattern(const std::string& text);
// "a | b c | d*" -> three patterns.
std::vector<Pattern> compileAlternatives(const std::string& text);

// Where pattern p first matches in ws at or after `from`, or -1.
int find(const std::vector<Word>& ws, const Pattern& p, std::size_t from = 0);

// Lower-case UTF-8 (ASCII and Latin-1 letters, which covers Swedish).
std::string lowerUtf8(const std::string& s);

}  // namespace overens::delegation
