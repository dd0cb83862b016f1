// Where a word may break at a line end: hyphenation points from libhyphen's patterns (the ones
// LibreOffice uses, Debian's hyphen-sv / hyphen-en-us), shown with a hyphen; after '-', '/' and
// the '.', '/' and '@' of web and e-mail addresses, shown without one.
#pragma once

#include <cstddef>
#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

struct _HyphenDict;

namespace overens::pdf {

struct BreakPoint {
    std::size_t offset = 0;  // break after this many bytes of the word
    bool hyphen = false;     // show a hyphen at the line end
};

// The patterns that can match the letters of one text, loaded by libhyphen from the lines of
// the pattern file they need. libhyphen applies, at each letter, the pattern (or pattern
// prefix) of the longest match ending there, so the lines kept are the patterns found in the
// text and, of every other pattern, its longest prefix found in the text (with no points).
// A word gets the same points from these as from the whole file when it is one of the text's
// runs of letters or the end of one (the rest of a word broken once), lower case.
struct OwnPatterns {
    std::unordered_set<std::string> words;  // the runs and their ends, in the patterns' encoding
    _HyphenDict* dict = nullptr;  // never freed (one per process and file)
};

// The lines of a pattern file (ISO 8859-1 or UTF-8, without NEXTLEVEL) that OwnPatterns keeps
// for these runs of letters (lower case, in the file's encoding).
std::string patternsFor(std::string_view file, const std::vector<std::string>& runs);

class Hyphenator {
public:
    // The patterns for a language ("sv", "en"), looked up as hyph_<ll>_<CC>.dic in `dirs`;
    // without patterns only the breaks that need no hyphen are found.
    Hyphenator(const std::string& lang, const std::vector<std::filesystem::path>& dirs);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    // The text whose words the document will ask about, before it asks. The first document of
    // a process loads (on a thread of its own) only the patterns its words can match, a fifth
    // of the file: libhyphen parses every line it is given, and the whole file costs more than
    // laying the document out. Other words, and later documents, use the whole file, loaded
    // once per process.
    void expect(std::string_view text) const;
    bool hasPatterns() const { return !file_.empty(); }
    // The break points inside a word (UTF-8, no spaces), in increasing order. Remembered per
    // word: a document repeats its words, and a long table asks for each one many times.
    const std::vector<BreakPoint>& breaks(const std::string& word) const;

private:
    // Pattern points of one run of letters starting at byte `start` of the word.
    void hyphenate(std::string_view letters, std::size_t start, std::vector<BreakPoint>& out) const;
    std::vector<BreakPoint> find(std::string_view word) const;
    // The patterns for an encoded word (null: none for the language).
    _HyphenDict* dictFor(const std::string& enc) const;

    std::string file_;  // the pattern file; empty: none for the language
    bool utf8_ = false;
    mutable std::shared_future<std::shared_ptr<const OwnPatterns>> loadingOwn_;
    mutable std::shared_ptr<const OwnPatterns> own_;
    mutable std::shared_future<_HyphenDict*> loadingAll_;
    mutable _HyphenDict* all_ = nullptr;
    mutable bool haveAll_ = false;
    mutable std::unordered_map<std::string, std::vector<BreakPoint>> cache_;
};

}  // namespace overens::pdf
