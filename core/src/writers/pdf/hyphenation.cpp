#include "writers/pdf/hyphenation.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <numeric>
#include <set>

#include <hyphen.h>

#include "writers/pdf/utf8.hpp"

namespace overens::pdf {
namespace {

// The region-qualified pattern file Debian installs for a language.
const char* patternFile(const std::string& lang) {
    if (lang == "sv") return "hyph_sv_SE.dic";
    if (lang == "en") return "hyph_en_US.dic";
    return nullptr;
}

bool isLetter(char32_t cp) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return true;
    return cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && cp < 0x2000;
}

char32_t lower(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
    return cp;
}

// A web or e-mail address: broken only after its separators, never hyphenated.
bool isAddress(std::string_view w) {
    return w.find("://") != std::string_view::npos || w.rfind("www.", 0) == 0 ||
           (w.find('@') != std::string_view::npos && w.find('.') != std::string_view::npos);
}

// The lower-case letters in the patterns' encoding, and where each byte ends in UTF-8 (false: a
// character the patterns cannot encode, or fewer than five letters).
bool encodeLetters(std::string_view letters, bool utf8, std::string& enc, std::vector<std::size_t>* ends) {
    enc.clear();
    std::size_t count = 0;
    for (std::size_t i = 0; i < letters.size();) {
        const char32_t cp = lower(decodeUtf8(letters, i));
        ++count;
        const std::size_t before = enc.size();
        if (utf8)
            appendUtf8(enc, cp);
        else if (cp <= 0xFF)
            enc.push_back(static_cast<char>(cp));
        else
            return false;  // not in ISO 8859-1: the word stays whole
        if (ends) ends->insert(ends->end(), enc.size() - before, i);
    }
    return count >= 5;  // short words stay whole
}

// The text's runs of letters as hyphenate() encodes them, each once. (Not cleaned as the spans
// are: a control character that cleanText drops would join two runs, and that word would be
// hyphenated with the whole file.)
std::vector<std::string> runsOf(std::string_view text, bool utf8) {
    std::vector<std::string> runs;
    std::unordered_set<std::string> seen;
    std::string enc;
    auto flush = [&](std::size_t from, std::size_t to) {
        if (encodeLetters(text.substr(from, to - from), utf8, enc, nullptr) && seen.insert(enc).second)
            runs.push_back(enc);
    };
    std::size_t runStart = 0;
    bool inRun = false;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        const bool letter = isLetter(decodeUtf8(text, i));
        if (letter && !inRun) runStart = at;
        if (!letter && inRun) flush(runStart, at);
        inRun = letter;
    }
    if (inRun) flush(runStart, text.size());
    return runs;
}

std::string findPatternFile(const char* file, const std::vector<std::filesystem::path>& dirs) {
    for (const auto& d : dirs) {
        std::error_code ec;
        if (std::filesystem::exists(d / file, ec)) return (d / file).string();
    }
    return {};
}

std::string readFile(const std::string& path) {
    std::string bytes;
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return bytes;
    bytes.resize(static_cast<std::size_t>(in.tellg()));
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!in) bytes.clear();
    return bytes;
}

// libhyphen's test for UTF-8 patterns: the file's first line names the encoding.
bool namesUtf8(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string first;
    std::getline(in, first);
    while (!first.empty() && (first.back() == '\r' || first.back() == '\n')) first.pop_back();
    return first == "UTF-8";
}

// The whole pattern file, loaded once per process on a thread of its own: libhyphen only reads
// a loaded dictionary, so the documents of a batch share it from any thread. Kept until the
// process ends.
std::shared_future<_HyphenDict*> allPatterns(const std::string& path) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_future<_HyphenDict*>> loaded;
    const std::lock_guard<std::mutex> lock(mutex);
    auto [it, added] = loaded.emplace(path, std::shared_future<_HyphenDict*>());
    if (added) it->second = std::async(std::launch::async, [path] { return hnj_hyphen_load(path.c_str()); }).share();
    return it->second;
}

// Whether this is the first document of the process to ask for the file's patterns.
bool firstDocument(const std::string& path) {
    static std::mutex mutex;
    static std::set<std::string> claimed;
    const std::lock_guard<std::mutex> lock(mutex);
    return claimed.insert(path).second;
}

std::shared_ptr<const OwnPatterns> loadOwnPatterns(const std::string& path, const std::vector<std::string>& runs) {
    auto own = std::make_shared<OwnPatterns>();
    std::string file = readFile(path);
    if (file.empty() || file.find("NEXTLEVEL") != std::string::npos) return own;  // two levels: all patterns
    std::string lines = patternsFor(file, runs);
    FILE* in = fmemopen(lines.data(), lines.size(), "r");
    if (!in) return own;
    own->dict = hnj_hyphen_load_file(in);
    std::fclose(in);
    // Kept until the process ends, as the whole file is (freeing it costs as much as hyphenating
    // the document), and reachable from here for leak checkers.
    static std::mutex mutex;
    static auto* kept = new std::vector<_HyphenDict*>();
    {
        const std::lock_guard<std::mutex> lock(mutex);
        kept->push_back(own->dict);
    }
    for (const auto& r : runs)
        for (std::size_t k = 0; k + 5 <= r.size(); ++k) own->words.insert(r.substr(k));
    return own;
}

// The letters libhyphen compares: a line's bytes up to a '/' (a non-standard break's
// replacement) or a space, without the digits.
void lettersOf(std::string_view line, std::string& letters) {
    letters.clear();
    for (char c : line.substr(0, line.find('/'))) {
        if (static_cast<unsigned char>(c) <= ' ') break;
        if (c < '0' || c > '9') letters += c;
    }
}

bool isKeyword(std::string_view line) {
    if (line.empty() || line[0] < 'A' || line[0] > 'Z') return false;
    for (const char* k : {"LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN", "NOHYPHEN"})
        if (line.rfind(k, 0) == 0) return true;
    return false;
}

// Every substring of a text up to a length, as a trie (a node per distinct substring, children
// as a list): for the longest prefix of a pattern that the text has.
class Substrings {
public:
    Substrings(std::string_view text, std::size_t depth) : text_(text) {
        nodes_.emplace_back();
        nodes_.reserve(text.size() * 3);
        for (std::size_t i = 0; i < text.size(); ++i) {
            std::uint32_t at = 0;
            for (std::size_t k = i; k < text.size() && k - i < depth && text[k] != '\n'; ++k) {
                std::uint32_t next = child(at, text[k]);
                if (!next) {
                    next = static_cast<std::uint32_t>(nodes_.size());
                    nodes_.push_back(Node{0, at ? nodes_[at].child : 0, static_cast<std::uint32_t>(i),
                                          static_cast<std::uint16_t>(k - i + 1), text[k]});
                    (at ? nodes_[at].child : top_[static_cast<unsigned char>(text[k])]) = next;
                }
                at = next;
            }
        }
    }
    // The node of the longest prefix of s that the text has (0: none).
    std::uint32_t longestPrefix(std::string_view s) const {
        std::uint32_t at = 0;
        for (char c : s) {
            const std::uint32_t next = child(at, c);
            if (!next) break;
            at = next;
        }
        return at;
    }
    std::size_t length(std::uint32_t node) const { return nodes_[node].length; }
    std::string_view text(std::uint32_t node) const { return text_.substr(nodes_[node].from, nodes_[node].length); }
    std::size_t size() const { return nodes_.size(); }

private:
    struct Node {
        std::uint32_t child = 0, sibling = 0;  // first child, next sibling (0: none)
        std::uint32_t from = 0;                // where the text has it first
        std::uint16_t length = 0;
        char c = 0;
    };
    std::uint32_t child(std::uint32_t node, char c) const {
        if (!node) return top_[static_cast<unsigned char>(c)];
        for (std::uint32_t k = nodes_[node].child; k; k = nodes_[k].sibling)
            if (nodes_[k].c == c) return k;
        return 0;
    }
    std::string_view text_;
    std::vector<Node> nodes_;
    std::uint32_t top_[256] = {};  // the root's children, by byte (the root has the most)
};

}  // namespace

std::string patternsFor(std::string_view file, const std::vector<std::string>& runs) {
    // The runs as ".run.", one a line. A pattern that starts a word ('.') is looked for after
    // the dot only: the end of a run starts a word too, once a word was broken.
    std::string text;
    for (const auto& r : runs) text += "." + r + ".\n";
    constexpr std::size_t kDepth = 12;  // longer patterns are kept (an unused pattern changes nothing)
    const Substrings found(text, kDepth);
    // Per node: a pattern kept has its letters (without / with the word-start dot), a pattern
    // not kept needs them as a state.
    enum : unsigned char { kKept = 1, kKeptAfterDot = 2, kState = 4, kStateAfterDot = 8 };
    std::vector<unsigned char> marks(found.size(), 0);
    std::string out, letters;
    out.reserve(file.size() / 4);
    bool first = true;
    for (std::size_t at = 0; at < file.size();) {
        std::size_t end = file.find('\n', at);
        if (end == std::string_view::npos) end = file.size();
        const std::string_view line = file.substr(at, end - at);
        at = end + 1;
        if (first || isKeyword(line)) {  // the encoding, then the options
            first = false;
            out.append(line).append("\n");
            continue;
        }
        if (!line.empty() && line[0] == '%') continue;  // a comment
        lettersOf(line, letters);
        const bool dot = !letters.empty() && letters[0] == '.';
        const std::string_view looked = std::string_view(letters).substr(dot ? 1 : 0);
        if (looked.size() > kDepth) {
            out.append(line).append("\n");
            continue;
        }
        const std::uint32_t node = found.longestPrefix(looked);
        if (found.length(node) == looked.size()) {
            out.append(line).append("\n");
            marks[node] |= dot ? kKeptAfterDot : kKept;
        } else if (node || dot) {
            marks[node] |= dot ? kStateAfterDot : kState;
        }
    }
    // The states without points, for the patterns not kept.
    for (std::uint32_t n = 0; n < marks.size(); ++n) {
        if ((marks[n] & kState) && !(marks[n] & kKept)) out.append(found.text(n)).append("\n");
        if ((marks[n] & kStateAfterDot) && !(marks[n] & kKeptAfterDot)) out.append(".").append(found.text(n)).append("\n");
    }
    return out;
}

Hyphenator::Hyphenator(const std::string& lang, const std::vector<std::filesystem::path>& dirs) {
    if (const char* file = patternFile(lang)) file_ = findPatternFile(file, dirs);
    if (!file_.empty()) utf8_ = namesUtf8(file_);
}

Hyphenator::~Hyphenator() = default;

void Hyphenator::expect(std::string_view text) const {
    if (file_.empty() || loadingOwn_.valid() || own_ || loadingAll_.valid() || haveAll_) return;
    if (!firstDocument(file_)) {
        loadingAll_ = allPatterns(file_);
        return;
    }
    loadingOwn_ = std::async(std::launch::async, [path = file_, utf8 = utf8_, text = std::string(text)] {
                      return loadOwnPatterns(path, runsOf(text, utf8));
                  }).share();
}

_HyphenDict* Hyphenator::dictFor(const std::string& enc) const {
    if (loadingOwn_.valid()) {
        own_ = loadingOwn_.get();
        loadingOwn_ = {};
    }
    if (own_ && own_->dict && own_->words.count(enc)) return own_->dict;
    if (!haveAll_) {
        if (!loadingAll_.valid()) loadingAll_ = allPatterns(file_);
        all_ = loadingAll_.get();
        loadingAll_ = {};
        haveAll_ = true;
    }
    return all_;
}

const std::vector<BreakPoint>& Hyphenator::breaks(const std::string& word) const {
    auto it = cache_.find(word);
    if (it == cache_.end()) it = cache_.emplace(word, find(word)).first;
    return it->second;
}

std::vector<BreakPoint> Hyphenator::find(std::string_view word) const {
    std::vector<BreakPoint> out;
    if (isAddress(word)) {
        for (std::size_t i = 0; i + 1 < word.size(); ++i) {
            const char c = word[i];
            if ((c == '/' || c == '.' || c == '@' || c == '-' || c == '?' || c == '&') && word[i + 1] != '/')
                out.push_back(BreakPoint{i + 1, false});
        }
        return out;
    }
    std::size_t runStart = 0;
    bool inRun = false;
    for (std::size_t i = 0; i < word.size();) {
        const std::size_t at = i;
        const char32_t cp = decodeUtf8(word, i);
        if (isLetter(cp)) {
            if (!inRun) runStart = at;
            inRun = true;
            continue;
        }
        if (inRun) hyphenate(word.substr(runStart, at - runStart), runStart, out);
        inRun = false;
        // After a hyphen or a slash between words ("ordförande-/direktörsrollen", "och/eller").
        if ((cp == '-' || cp == '/' || cp == 0x2010 || cp == 0x2013) && at > 0 && i < word.size())
            out.push_back(BreakPoint{i, false});
    }
    if (inRun) hyphenate(word.substr(runStart), runStart, out);
    return out;
}

void Hyphenator::hyphenate(std::string_view letters, std::size_t start, std::vector<BreakPoint>& out) const {
    if (file_.empty()) return;
    // The word in the patterns' encoding, lower case, and where each of its bytes ends in UTF-8.
    std::string enc;
    std::vector<std::size_t> ends;
    if (!encodeLetters(letters, utf8_, enc, &ends)) return;
    _HyphenDict* const dict = dictFor(enc);
    if (!dict) return;
    std::vector<char> hyphens(enc.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    // At least two letters before a break and three after it ("tillba-ka" stays whole).
    hnj_hyphen_hyphenate3(dict, enc.c_str(), static_cast<int>(enc.size()), hyphens.data(), nullptr, &rep, &pos, &cut, 2,
                          3, 2, 3);
    for (std::size_t k = 0; k + 1 < enc.size(); ++k) {
        if (!(hyphens[k] & 1)) continue;
        if (rep && rep[k]) continue;  // a non-standard break (changes the spelling): not used
        // Only at the end of a character in the UTF-8 patterns' encoding.
        if (utf8_ && (static_cast<unsigned char>(enc[k + 1]) & 0xC0) == 0x80) continue;
        out.push_back(BreakPoint{start + ends[k], true});
    }
    if (rep) {
        for (std::size_t k = 0; k < enc.size(); ++k) std::free(rep[k]);
        std::free(rep);
        std::free(pos);
        std::free(cut);
    }
}

}  // namespace overens::pdf
