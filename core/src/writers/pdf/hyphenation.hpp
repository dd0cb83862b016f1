// Where a word may break at a line end: hyphenation points from libhyphen's patterns (the ones
// LibreOffice uses, Debian's hyphen-sv / hyphen-en-us), shown with a hyphen; after '-', '/' and
// the '.', '/' and '@' of web and e-mail addresses, shown without one.
#pragma once

#include <cstddef>
#include <filesystem>
#include <future>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct _HyphenDict;

namespace overens::pdf {

struct BreakPoint {
    std::size_t offset = 0;  // break after this many bytes of the word
    bool hyphen = false;     // show a hyphen at the line end
};

class Hyphenator {
public:
    // The patterns for a language ("sv", "en"), looked up as hyph_<ll>_<CC>.dic in `dirs`;
    // without patterns only the breaks that need no hyphen are found.
    Hyphenator(const std::string& lang, const std::vector<std::filesystem::path>& dirs);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    bool hasPatterns() const { return patterns() != nullptr; }
    // The break points inside a word (UTF-8, no spaces), in increasing order. Remembered per
    // word: a document repeats its words, and a long table asks for each one many times.
    const std::vector<BreakPoint>& breaks(const std::string& word) const;

private:
    // Pattern points of one run of letters starting at byte `start` of the word.
    void hyphenate(std::string_view letters, std::size_t start, std::vector<BreakPoint>& out) const;
    std::vector<BreakPoint> find(std::string_view word) const;
    // The patterns, waiting for them while they are being loaded (null: none for the language).
    _HyphenDict* patterns() const;
    mutable std::shared_future<_HyphenDict*> loading_;
    mutable _HyphenDict* dict_ = nullptr;
    mutable std::unordered_map<std::string, std::vector<BreakPoint>> cache_;
    mutable bool utf8_ = true;
};

}  // namespace overens::pdf
