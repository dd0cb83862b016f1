// Periods in plain Swedish and English: the inverse of describeDuration, and its grammar as a
// regular expression so that the exported RELAX NG accepts what the reader accepts.
#include <sstream>
#include <vector>

#include "overens/calendar.hpp"

namespace overens {

namespace {

enum Unit { Years, Months, Weeks, Days };

struct Word {
    const char* text;
    Unit unit;
    int count;  // for the adverbs ("kvartalsvis" is three months); 0 for units that take a number
};

const std::vector<Word>& units() {
    static const std::vector<Word> w{
        {"år", Years, 0},      {"året", Years, 0},      {"månad", Months, 0}, {"månader", Months, 0},
        {"månaden", Months, 0}, {"vecka", Weeks, 0},    {"veckor", Weeks, 0}, {"veckan", Weeks, 0},
        {"dag", Days, 0},      {"dagar", Days, 0},      {"dagen", Days, 0},   {"dygn", Days, 0},
        {"year", Years, 0},    {"years", Years, 0},     {"month", Months, 0}, {"months", Months, 0},
        {"week", Weeks, 0},    {"weeks", Weeks, 0},     {"day", Days, 0},     {"days", Days, 0}};
    return w;
}

const std::vector<Word>& adverbs() {
    static const std::vector<Word> w{
        {"årligen", Years, 1},    {"årsvis", Years, 1},     {"halvårsvis", Months, 6}, {"kvartalsvis", Months, 3},
        {"månadsvis", Months, 1}, {"veckovis", Weeks, 1},   {"dagligen", Days, 1},     {"yearly", Years, 1},
        {"annually", Years, 1},   {"half-yearly", Months, 6}, {"quarterly", Months, 3}, {"monthly", Months, 1},
        {"weekly", Weeks, 1},     {"daily", Days, 1}};
    return w;
}

// Words before a period: "varje" (one), "varannan" (two).
const std::vector<std::pair<const char*, int>>& prefixes() {
    static const std::vector<std::pair<const char*, int>> p{
        {"varje", 1}, {"var", 1}, {"vart", 1}, {"every", 1}, {"each", 1}, {"varannan", 2}, {"vartannat", 2}};
    return p;
}

const char* const kJoiners[] = {"och", "and"};

// ASCII and Å Ä Ö É lowered; other bytes kept.
std::string lower(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c + 32);
        } else if (c == 0xC3 && i + 1 < s.size()) {
            const unsigned char d = static_cast<unsigned char>(s[i + 1]);
            out += static_cast<char>(c);
            out += static_cast<char>(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::vector<std::string> tokens(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

bool number(const std::string& t, int& n) {
    if (t.empty() || t.size() > 4) return false;
    n = 0;
    for (char c : t) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + (c - '0');
    }
    return true;
}

void add(Duration& d, Unit u, int n) {
    switch (u) {
        case Years: d.years += n; break;
        case Months: d.months += n; break;
        case Weeks: d.weeks += n; break;
        case Days: d.days += n; break;
    }
}

// [A-Za-z] classes for a word, so that the pattern ignores case like the parser.
std::string caseless(const std::string& word) {
    std::string out;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(word[i]);
        if (c >= 'a' && c <= 'z') {
            out += std::string("[") + static_cast<char>(c) + static_cast<char>(c - 32) + "]";
        } else if (c == 0xC3 && i + 1 < word.size()) {
            const unsigned char d = static_cast<unsigned char>(word[i + 1]);
            out += std::string("[") + static_cast<char>(c) + static_cast<char>(d) + static_cast<char>(c) +
                   static_cast<char>(d - 0x20) + "]";
            ++i;
        } else if (c == '-') {
            out += "\\-";
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

template <typename List, typename Get>
std::string alternatives(const List& list, Get get) {
    std::string out = "(";
    bool first = true;
    for (const auto& item : list) {
        out += (first ? "" : "|") + caseless(get(item));
        first = false;
    }
    return out + ")";
}

}  // namespace

std::optional<Duration> parsePlainDuration(const std::string& text) {
    const std::vector<std::string> t = tokens(lower(text));
    if (t.empty()) return std::nullopt;
    Duration d;
    if (t.size() == 1)
        for (const auto& a : adverbs())
            if (t[0] == a.text) {
                add(d, a.unit, a.count);
                return d;
            }
    std::size_t i = 0;
    int times = 1;
    if (t.size() > 1 && t[0] == "every" && t[1] == "other") {
        times = 2;
        i = 2;
    } else {
        for (const auto& [word, n] : prefixes())
            if (t[0] == word) {
                times = n;
                ++i;
                break;
            }
    }
    bool any = false;
    while (i < t.size()) {
        if (any) {
            bool joined = false;
            for (const char* j : kJoiners) joined = joined || t[i] == j;
            if (joined) ++i;
            if (i >= t.size()) return std::nullopt;
        }
        int n = times;
        if (number(t[i], n)) {
            n *= times;  // "varannan 3 veckor" is every sixth week
            ++i;
            if (i >= t.size()) return std::nullopt;
        }
        bool found = false;
        for (const auto& u : units())
            if (t[i] == u.text) {
                add(d, u.unit, n);
                found = true;
                break;
            }
        if (!found) return std::nullopt;
        any = true;
        times = 1;
        ++i;
    }
    if (!any || d.zero()) return std::nullopt;
    return d;
}

std::string plainDurationPattern() {
    const std::string unit = alternatives(units(), [](const Word& w) { return std::string(w.text); });
    const std::string adverb = alternatives(adverbs(), [](const Word& w) { return std::string(w.text); });
    const std::string prefix =
        "(" + alternatives(prefixes(), [](const auto& p) { return std::string(p.first); }) + "|" + caseless("every") +
        "\\s+" + caseless("other") + ")";
    const std::string sep = "[\\s,]+";
    const std::string part = "([0-9]{1,4}" + sep + ")?" + unit;
    const std::string joiner = "(" + sep + "(" + caseless("och") + "|" + caseless("and") + "))?" + sep;
    return "[\\s,]*((" + prefix + sep + ")?" + part + "(" + joiner + part + ")*|" + adverb + ")[\\s,]*";
}

}  // namespace overens
