#include "matter_reading.hpp"

#include <deque>
#include <utility>

namespace overens::delegation {

namespace {

struct Match {
    bool ok = false;
    std::string field, words;
};

std::string wordsAt(const std::vector<Word>& ws, int at, std::size_t n) {
    std::string out;
    for (std::size_t k = 0; k < n && at + static_cast<int>(k) < static_cast<int>(ws.size()); ++k)
        out += (k ? " " : "") + ws[static_cast<std::size_t>(at) + k].lower;
    return out;
}

// The words of a row's fields as the rules read them: each field split once per row, and each
// combination of fields a rule reads (matter and note, or with the legal basis) put together once,
// with the pattern words found anywhere in it.
class RowWords {
public:
    struct Text {
        std::vector<Word> words;
        std::vector<std::uint64_t> present;  // WordMatcher::present of words
        std::string where;                   // the first of the fields that has text
    };

    RowWords(const Record& row, WordMatcher& matcher) : row_(row), matcher_(matcher) {}

    const Text& of(const std::vector<std::string>& fields) {
        for (const auto& [key, text] : texts_)
            if (*key == fields) return text;
        Text t;
        for (const std::string& f : fields) {
            const std::vector<Word>* ws = field(f);
            if (!ws) continue;
            if (t.where.empty()) t.where = f;
            t.words.insert(t.words.end(), ws->begin(), ws->end());
        }
        t.present = matcher_.present(t.words);
        texts_.emplace_back(&fields, std::move(t));
        return texts_.back().second;
    }

    bool mayMatch(const Pattern& p, const Text& t) const { return matcher_.mayMatch(p, t.present); }

private:
    // The words of one field, or nullptr when the row leaves it out or empty.
    const std::vector<Word>* field(const std::string& name) {
        for (const auto& [n, ws] : fields_)
            if (n == name) return &ws;
        const Value* v = row_.get(name);
        if (!v || v->text.empty()) return nullptr;
        std::vector<Word> ws;
        matcher_.append(v->text, ws);
        fields_.emplace_back(name, std::move(ws));
        return &fields_.back().second;
    }

    const Record& row_;
    WordMatcher& matcher_;
    std::deque<std::pair<std::string, std::vector<Word>>> fields_;  // a deque: references stay valid
    std::deque<std::pair<const std::vector<std::string>*, Text>> texts_;
};

bool negated(const RowWords& rw, const RowWords::Text& t, int at, const Vocabulary& v) {
    const int from = std::max(0, at - v.negationWindow);
    for (const Pattern& p : v.negation) {
        if (!rw.mayMatch(p, t)) continue;
        const int n = find(t.words, p, static_cast<std::size_t>(from));
        if (n >= 0 && n < at) return true;
    }
    return false;
}

bool delegateFits(WordRule::Delegate want, const std::set<Side>& sides) {
    switch (want) {
        case WordRule::Delegate::Any: return true;
        case WordRule::Delegate::Employee: return sides.count(Side::Employee) > 0;
        case WordRule::Delegate::Elected: return sides.count(Side::Elected) > 0;
        case WordRule::Delegate::Automated: return sides.count(Side::Automated) > 0;
        case WordRule::Delegate::None: return false;
    }
    return false;
}

Match apply(const WordRule& r, RowWords& rowWords, const Vocabulary& v) {
    // The rule's fields read as one text, so that a matter and its note can complete each other.
    const RowWords::Text& t = rowWords.of(r.fields);
    const std::vector<Word>& ws = t.words;
    if (ws.empty()) return {};
    // Every group first, then the exclusions: most rows fail a group, and both must hold. A
    // pattern with a word found nowhere in the text is passed over without a search.
    std::string matched;
    for (std::size_t g = 0; g < r.all.size(); ++g) {
        int at = -1;
        std::size_t len = 0;
        const bool last = g + 1 == r.all.size();
        for (const Pattern& p : r.all[g]) {
            if (!rowWords.mayMatch(p, t)) continue;
            // The first occurrence that is not negated (for the last group).
            for (int from = 0; (at = find(ws, p, static_cast<std::size_t>(from))) >= 0; from = at + 1)
                if (!(last && r.canNegate && negated(rowWords, t, at, v))) break;
            if (at >= 0) {
                len = p.size();
                break;
            }
        }
        if (at < 0) return {};
        if (!matched.empty()) matched += " … ";
        matched += wordsAt(ws, at, len);
    }
    for (const Pattern& p : r.none)
        if (rowWords.mayMatch(p, t) && find(ws, p) >= 0) return {};
    return {true, t.where, matched};
}

}  // namespace

RowReading readRow(const Record& row, const std::set<Side>& sides, const Vocabulary& v, WordMatcher& words) {
    RowReading out;
    RowWords rowWords(row, words);
    using K = WordRule::Kind;
    for (const WordRule& r : v.rules) {
        if (!delegateFits(r.delegateCode, sides)) continue;
        const bool needed = r.kindCode == K::NotDelegable || r.kindCode == K::Automated ||
                            (r.kindCode == K::Urgent && !out.urgent_.rule) ||
                            (r.kindCode == K::UrgentHint && !out.hint_.rule) ||
                            (r.kindCode == K::SubDelegation && !out.sub_.rule) ||
                            (r.kindCode == K::Appeal && out.appeal.empty());
        if (!needed) continue;
        Match m = apply(r, rowWords, v);
        if (!m.ok) continue;
        Finding f{&r, std::move(m.field), std::move(m.words)};
        switch (r.kindCode) {
            case K::NotDelegable: out.notDelegable.push_back(std::move(f)); break;
            case K::Automated: out.automated.push_back(std::move(f)); break;
            case K::Urgent: out.urgent_ = std::move(f); break;
            case K::UrgentHint: out.hint_ = std::move(f); break;
            case K::SubDelegation: out.sub_ = std::move(f); break;
            case K::Appeal:
                out.appeal = r.appeal;
                out.appeal_ = std::move(f);
                break;
            case K::Other: break;
        }
    }
    return out;
}

}  // namespace overens::delegation
