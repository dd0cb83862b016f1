#include "person_names.hpp"

#include <vector>

namespace overens::delegation {

namespace {

bool upperInitial(const std::string& w) {
    if (w.empty()) return false;
    const unsigned char c = static_cast<unsigned char>(w[0]);
    if (c >= 'A' && c <= 'Z') return true;
    // Å Ä Ö É Ø Æ Ü (C3 80-9E)
    return c == 0xC3 && w.size() > 1 && static_cast<unsigned char>(w[1]) >= 0x80 &&
           static_cast<unsigned char>(w[1]) <= 0x9E;
}

std::vector<std::string> tokensOf(const std::string& title) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        while (!cur.empty() && std::string(",.;:()\"").find(cur.back()) != std::string::npos) cur.pop_back();
        while (!cur.empty() && std::string("(\"").find(cur.front()) != std::string::npos) cur.erase(0, 1);
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
    };
    for (char c : title) {
        if (c == ' ' || c == '\t' || c == '\n')
            flush();
        else
            cur += c;
    }
    flush();
    return out;
}

bool isPostWord(const std::string& word, const LawData& law) {
    const std::string lower = lowerUtf8(word);
    for (const std::string& p : law.postWords)
        if (lower.find(p) != std::string::npos) return true;
    return false;
}

// "Anna", "Karl-Erik": every part capitalised and a known first name.
bool isFirstName(const std::string& word, const LawData& law) {
    if (!upperInitial(word)) return false;
    std::size_t pos = 0;
    while (pos <= word.size()) {
        const auto dash = word.find('-', pos);
        const std::string part = word.substr(pos, dash == std::string::npos ? std::string::npos : dash - pos);
        if (!upperInitial(part) || !law.firstNames.count(lowerUtf8(part))) return false;
        if (dash == std::string::npos) break;
        pos = dash + 1;
    }
    return true;
}

// "Svensson", "Lind-Berg", "S.": capitalised, no lower-case part after a hyphen, not a post.
bool isSurnameShaped(const std::string& word, const LawData& law) {
    if (!upperInitial(word) || isPostWord(word, law)) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (word[i] == '-' && i + 1 < word.size() && !upperInitial(word.substr(i + 1))) return false;
    for (char c : word)
        if (c >= '0' && c <= '9') return false;
    return true;
}

}  // namespace

std::string personalName(const std::string& title, const LawData& law) {
    if (law.firstNames.empty()) return {};
    const std::vector<std::string> t = tokensOf(title);
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!isFirstName(t[i], law)) continue;
        const bool last = i + 1 == t.size();
        if (last) {
            // A first name alone, or after a post ("Ekonomichef Karin").
            if (t.size() == 1 || isPostWord(t[i - 1], law) || isFirstName(t[i - 1], law)) return t[i];
            continue;
        }
        // First name, then perhaps more first names, then a surname.
        std::size_t j = i + 1;
        while (j + 1 < t.size() && isFirstName(t[j], law)) ++j;
        if (!isSurnameShaped(t[j], law)) continue;
        // "Karl Johans skolas rektor": a genitive followed by more words names a thing, not a person.
        const std::string& s = t[j];
        if (j + 1 < t.size() && !s.empty() && (s.back() == 's' || s.back() == ':')) continue;
        std::string name;
        for (std::size_t k = i; k <= j; ++k) name += (k > i ? " " : "") + t[k];
        return name;
    }
    return {};
}

}  // namespace overens::delegation
