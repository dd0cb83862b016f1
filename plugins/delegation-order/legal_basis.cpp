#include "legal_basis.hpp"

#include <cstdlib>

namespace overens::delegation {

namespace {

struct Token {
    enum class Kind { Number, Word, Symbol } kind;
    std::string text;   // lower-case
    std::size_t begin;  // byte offset in the text
    std::size_t end;
};

bool digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool letter(unsigned char c) { return (c >= 'a' && c <= 'z') || c >= 0x80; }

std::vector<Token> tokens(const std::string& lower) {
    std::vector<Token> out;
    for (std::size_t i = 0; i < lower.size();) {
        const unsigned char c = static_cast<unsigned char>(lower[i]);
        const std::size_t start = i;
        if (digit(c)) {
            while (i < lower.size() && digit(static_cast<unsigned char>(lower[i]))) ++i;
            out.push_back({Token::Kind::Number, lower.substr(start, i - start), start, i});
        } else if (letter(c)) {
            while (i < lower.size() && (letter(static_cast<unsigned char>(lower[i])) || lower[i] == '-')) {
                // "§" is C2 A7: not a letter even though it is above 0x80
                if (static_cast<unsigned char>(lower[i]) == 0xC2 && i + 1 < lower.size() &&
                    static_cast<unsigned char>(lower[i + 1]) == 0xA7)
                    break;
                ++i;
            }
            if (i == start) {  // a "§"
                i += 2;
                out.push_back({Token::Kind::Symbol, "§", start, i});
                continue;
            }
            out.push_back({Token::Kind::Word, lower.substr(start, i - start), start, i});
        } else if (c == ':' || c == ',' || c == ';') {
            out.push_back({Token::Kind::Symbol, std::string(1, static_cast<char>(c)), start, ++i});
        } else {
            ++i;
        }
    }
    return out;
}

bool isSection(const std::vector<Token>& t, std::size_t i) {
    return i < t.size() && t[i].kind == Token::Kind::Symbol && t[i].text == "§";
}
bool isWord(const std::vector<Token>& t, std::size_t i, const char* w) {
    return i < t.size() && t[i].kind == Token::Kind::Word && t[i].text == w;
}
bool isNumber(const std::vector<Token>& t, std::size_t i) { return i < t.size() && t[i].kind == Token::Kind::Number; }
bool isLetterSuffix(const std::vector<Token>& t, std::size_t i) {
    return i < t.size() && t[i].kind == Token::Kind::Word && t[i].text.size() == 1;
}

const Act* resolve(const std::vector<const Act*>& candidates, const Date& on) {
    const Act* inForce = nullptr;
    const Act* latest = nullptr;
    for (const Act* a : candidates) {
        const bool started = !a->inForce.valid() || a->inForce <= on;
        const bool ended = a->repealed && *a->repealed <= on;
        if (started && !ended && (!inForce || inForce->inForce < a->inForce)) inForce = a;
        if (!latest || latest->inForce < a->inForce) latest = a;
    }
    return inForce ? inForce : latest;
}

struct Placed {
    ActMention mention;
    std::size_t begin, end;
    int segment;
};

}  // namespace

BasisReading readBasis(const std::string& text, const LawData& law, const Date& on) {
    BasisReading out;
    const std::string lower = lowerUtf8(text);
    const std::vector<Token> t = tokens(lower);
    // Segments: a reference without an act of its own takes its segment's act, else a neighbour's.
    std::vector<int> segmentOf(t.size());
    int segment = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i].kind == Token::Kind::Symbol && (t[i].text == "," || t[i].text == ";")) ++segment;
        segmentOf[i] = segment;
    }

    std::vector<Placed> acts;
    std::vector<bool> used(t.size(), false);
    // SFS numbers: "2017:725".
    for (std::size_t i = 0; i + 2 < t.size(); ++i)
        if (isNumber(t, i) && t[i].text.size() == 4 && t[i + 1].text == ":" && isNumber(t, i + 2)) {
            const std::string sfs = t[i].text + ":" + t[i + 2].text;
            used[i] = used[i + 1] = used[i + 2] = true;
            for (const Act& a : law.acts)
                if (a.sfs == sfs) acts.push_back({{&a, sfs}, t[i].begin, t[i + 2].end, segmentOf[i]});
        }
    // Names, longest first so that "lagen om offentlig upphandling" wins over shorter names inside
    // it; of names as long, the one acts.xml gives first.
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i].kind != Token::Kind::Word || used[i]) continue;
        auto named = law.namesByFirstWord.find(t[i].text);
        if (named == law.namesByFirstWord.end()) continue;
        const ActName* best = nullptr;
        for (std::size_t n : named->second) {
            const ActName& name = law.actNames[n];
            if (best && name.words.size() <= best->words.size()) continue;
            bool ok = i + name.words.size() <= t.size();
            for (std::size_t k = 1; k < name.words.size() && ok; ++k)
                ok = t[i + k].kind == Token::Kind::Word && t[i + k].text == name.words[k];
            if (ok) best = &name;
        }
        if (!best) continue;
        const std::size_t bestLen = best->words.size();
        std::vector<const Act*> candidates;
        for (std::size_t a : best->acts) candidates.push_back(&law.acts[a]);
        if (const Act* a = resolve(candidates, on)) {
            // "SoL (2001:453)": the number, when it follows, says which act is meant.
            bool numbered = false;
            for (const Placed& p : acts)
                numbered = numbered || (p.begin >= t[i].end && p.begin <= t[i + bestLen - 1].end + 3);
            if (!numbered)
                acts.push_back({{a, text.substr(t[i].begin, t[i + bestLen - 1].end - t[i].begin)}, t[i].begin,
                                t[i + bestLen - 1].end, segmentOf[i]});
        }
        for (std::size_t k = i; k < i + bestLen; ++k) used[k] = true;
        i += bestLen - 1;
    }
    for (const Placed& p : acts) out.acts.push_back(p.mention);

    auto actFor = [&](std::size_t begin, int seg) -> ActMention {
        const Placed* best = nullptr;
        long bestDistance = 0;
        for (int pass = 0; pass < 2 && !best; ++pass)
            for (const Placed& p : acts) {
                if (pass == 0 && p.segment != seg) continue;
                const long d = std::labs(static_cast<long>(p.begin) - static_cast<long>(begin)) +
                               (pass == 1 ? 1000L * std::abs(p.segment - seg) + (p.segment > seg ? 500 : 0) : 0);
                if (!best || d < bestDistance) best = &p, bestDistance = d;
            }
        return best ? best->mention : ActMention{};
    };

    for (std::size_t i = 0; i < t.size(); ++i) {
        if (used[i] || !isNumber(t, i)) continue;
        Citation c;
        std::size_t j = i + 1;
        std::string chapter = t[i].text;
        if (isLetterSuffix(t, j) && isWord(t, j + 1, "kap")) chapter += t[j].text, ++j;
        if (isWord(t, j, "kap") || isWord(t, j, "kapitlet") || isWord(t, j, "chapter")) {
            c.chapter = chapter;
            ++j;
            if (isNumber(t, j)) {  // "6 kap. 39 §", "6 kap 36 kommunallagen"
                std::size_t k = j + 1;
                if (isLetterSuffix(t, k)) ++k;
                c.section = std::atoi(t[j].text.c_str());
                j = k + (isSection(t, k) ? 1 : 0);
            }
        } else if (j + 1 < t.size() && t[j].text == ":" && isNumber(t, j + 1) && t[i].text.size() <= 2) {
            c.chapter = t[i].text;
            c.section = std::atoi(t[j + 1].text.c_str());
            j += 2;
        } else {
            std::size_t k = j;
            if (isLetterSuffix(t, k)) ++k;
            if (!isSection(t, k)) continue;
            c.section = std::atoi(t[i].text.c_str());
            j = k + 1;
        }
        const std::size_t endByte = j - 1 < t.size() ? t[j - 1].end : lower.size();
        c.text = text.substr(t[i].begin, endByte - t[i].begin);
        const ActMention m = actFor(t[i].begin, segmentOf[i]);
        c.act = m.act;
        c.written = m.written;
        out.citations.push_back(c);
        i = j - 1;
    }
    return out;
}

}  // namespace overens::delegation
