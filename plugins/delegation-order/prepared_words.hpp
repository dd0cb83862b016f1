// Matching prepared once: every distinct word of a vocabulary's patterns gets a number in a
// PatternTable when the vocabulary is loaded, and a WordMatcher works out, the first time a
// document uses a word, which of those numbered words it matches (one bit each). A rule's test on a
// row is then a look-up per word instead of a comparison of strings, and no word is stemmed twice.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text_match.hpp"

namespace overens::delegation {

class PatternTable {
public:
    PatternTable();  // a number of its own, kept when the table is moved or copied

    // Numbers p's words (the same pattern word anywhere gets one number). Any-word ("_") is left
    // unnumbered: it matches everything without a look-up.
    void add(Pattern& p);
    void add(std::vector<Pattern>& ps);

    std::uint32_t id() const { return id_; }
    const std::vector<PatternWord>& words() const { return words_; }

private:
    std::uint32_t id_;
    std::vector<PatternWord> words_;
    std::map<std::pair<int, std::string>, std::uint32_t> numbers_;
};

// The words of one document's texts, each distinct word stemmed and matched against the table
// once. Words it gives stay valid while it lives.
class WordMatcher {
public:
    explicit WordMatcher(const PatternTable& table) : table_(table) {}

    // The words of text (as words() splits them), added to out, with their matches.
    void append(const std::string& text, std::vector<Word>& out);

    // The table's words that some word of ws matches (the union of their hits).
    std::vector<std::uint64_t> present(const std::vector<Word>& ws) const;
    // False when a numbered word of p is not in `present`: then p matches nowhere in those words.
    bool mayMatch(const Pattern& p, const std::vector<std::uint64_t>& present) const;

private:
    struct Known {
        std::string stem;
        std::vector<std::uint64_t> hits;
    };
    const Known& known(const std::string& lower);

    const PatternTable& table_;
    std::unordered_map<std::string, Known> known_;
};

}  // namespace overens::delegation
