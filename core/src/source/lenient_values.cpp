#include "source/lenient_values.hpp"

#include <Poco/UTF8String.h>

#include <algorithm>

#include "util/text.hpp"

namespace overens {

namespace {

std::string fold(const std::string& s) { return Poco::UTF8::toLower(collapseWhitespace(s)); }

// Code points, so that an edit of "å" counts once.
std::u32string codepoints(const std::string& s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
        char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out += cp;
        i += n;
    }
    return out;
}

// Edits between a and b, a swap of two neighbours counting as one ("yaer" is one from "year").
std::size_t distance(const std::string& a, const std::string& b) {
    const std::u32string x = codepoints(a), y = codepoints(b);
    std::vector<std::vector<std::size_t>> d(x.size() + 1, std::vector<std::size_t>(y.size() + 1));
    for (std::size_t i = 0; i <= x.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= y.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i)
        for (std::size_t j = 1; j <= y.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[x.size()][y.size()];
}

// The candidate closest to text when it is close enough to be a slip (and the only one that close).
std::string closest(const std::vector<std::pair<std::string, std::string>>& candidates, const std::string& text) {
    const std::string t = fold(text);
    const std::size_t length = codepoints(t).size();
    const std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(3, length / 3));
    std::size_t best = limit + 1;
    std::string answer;
    bool tie = false;
    for (const auto& [written, shown] : candidates) {
        // Lengths further apart than the limit are further apart in edits too (and a 10 MB name
        // must not cost its length times every candidate's).
        const std::size_t other = codepoints(fold(written)).size();
        if ((length > other ? length - other : other - length) > limit) continue;
        const std::size_t d = distance(t, fold(written));
        if (d < best) {
            best = d;
            answer = shown;
            tie = false;
        } else if (d == best && shown != answer) {
            tie = true;
        }
    }
    return best <= limit && !tie ? answer : std::string();
}

Suggestion phrase(const std::string& answer) {
    if (answer.empty()) return {};
    return {"; menade du '" + answer + "'?", "; did you mean '" + answer + "'?"};
}

}  // namespace

std::optional<std::string> matchChoice(const std::vector<Choice>& choices, const std::string& text) {
    const std::string t = fold(text);
    for (const auto& c : choices)
        if (c.value == text) return c.value;
    for (const auto& c : choices)
        if (fold(c.value) == t || (!c.label_sv.empty() && fold(c.label_sv) == t) || (!c.label_en.empty() && fold(c.label_en) == t))
            return c.value;
    return std::nullopt;
}

Suggestion suggestChoice(const std::vector<Choice>& choices, const std::string& text) {
    std::vector<std::pair<std::string, std::string>> candidates;
    for (const auto& c : choices) {
        candidates.emplace_back(c.value, c.value);
        if (!c.label_sv.empty()) candidates.emplace_back(c.label_sv, c.value);
        if (!c.label_en.empty()) candidates.emplace_back(c.label_en, c.value);
    }
    return phrase(closest(candidates, text));
}

Suggestion suggestName(const std::vector<std::string>& names, const std::string& text) {
    std::vector<std::pair<std::string, std::string>> candidates;
    for (const auto& n : names) candidates.emplace_back(n, n);
    return phrase(closest(candidates, text));
}

std::optional<bool> matchYesNo(const std::string& text) {
    const std::string t = fold(text);
    if (t == "true" || t == "yes" || t == "ja" || t == "1") return true;
    if (t == "false" || t == "no" || t == "nej" || t == "0") return false;
    return std::nullopt;
}

std::optional<Duration> matchDuration(const std::string& text) {
    if (auto iso = parseDuration(text)) return iso;
    return parsePlainDuration(text);
}

}  // namespace overens
