#include "writers/pdf/hyphenation.hpp"

#include <cstdlib>
#include <future>
#include <map>
#include <mutex>

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

// The patterns of a language, loaded once per process: loading them costs more than hyphenating
// a whole document, and libhyphen only reads a loaded dictionary, so the documents of a batch
// share it from any thread. The first document starts the load on a thread of its own and
// goes on with its fonts and layout until it needs a break point. Kept until the process ends.
std::shared_future<_HyphenDict*> sharedPatterns(const char* file, const std::vector<std::filesystem::path>& dirs) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_future<_HyphenDict*>> loaded;
    std::string key = file;
    for (const auto& d : dirs) key += "\n" + d.string();
    const std::lock_guard<std::mutex> lock(mutex);
    auto [it, added] = loaded.emplace(key, std::shared_future<_HyphenDict*>());
    if (added)
        it->second = std::async(std::launch::async, [file, dirs]() -> _HyphenDict* {
                         for (const auto& d : dirs) {
                             const auto path = d / file;
                             std::error_code ec;
                             if (!std::filesystem::exists(path, ec)) continue;
                             if (_HyphenDict* dict = hnj_hyphen_load(path.c_str())) return dict;
                         }
                         return nullptr;
                     }).share();
    return it->second;
}

}  // namespace

Hyphenator::Hyphenator(const std::string& lang, const std::vector<std::filesystem::path>& dirs) {
    if (const char* file = patternFile(lang)) loading_ = sharedPatterns(file, dirs);
}

_HyphenDict* Hyphenator::patterns() const {
    if (loading_.valid()) {
        dict_ = loading_.get();
        utf8_ = dict_ && dict_->utf8 != 0;
        loading_ = {};
    }
    return dict_;
}

Hyphenator::~Hyphenator() = default;

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
    _HyphenDict* const dict = patterns();
    if (!dict) return;
    // The word in the patterns' encoding, lower case, and where each of its bytes ends in UTF-8.
    std::string enc;
    std::vector<std::size_t> ends;
    std::size_t count = 0;
    for (std::size_t i = 0; i < letters.size();) {
        const char32_t cp = lower(decodeUtf8(letters, i));
        ++count;
        if (utf8_) {
            const std::size_t before = enc.size();
            appendUtf8(enc, cp);
            for (std::size_t k = before; k < enc.size(); ++k) ends.push_back(i);
        } else {
            if (cp > 0xFF) return;  // not in ISO 8859-1: leave the word whole
            enc.push_back(static_cast<char>(cp));
            ends.push_back(i);
        }
    }
    if (count < 5) return;  // short words stay whole
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
