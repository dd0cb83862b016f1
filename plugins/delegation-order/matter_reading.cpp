#include "matter_reading.hpp"

#include <map>

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

bool negated(const std::vector<Word>& ws, int at, const Vocabulary& v) {
    const int from = std::max(0, at - v.negationWindow);
    for (const Pattern& p : v.negation) {
        const int n = find(ws, p, static_cast<std::size_t>(from));
        if (n >= 0 && n < at) return true;
    }
    return false;
}

bool delegateFits(const std::string& want, const std::set<Side>& sides) {
    if (want.empty()) return true;
    if (want == "employee") return sides.count(Side::Employee) > 0;
    if (want == "elected") return sides.count(Side::Elected) > 0;
    if (want == "automated") return sides.count(Side::Automated) > 0;
    return false;
}

// The words of a row's fields, stemmed once per row and combination of fields.
class RowWords {
public:
    explicit RowWords(const Record& row) : row_(row) {}
    const std::vector<Word>& of(const std::vector<std::string>& fields, std::string& where) {
        std::string key;
        for (const auto& f : fields) key += f + ' ';
        auto it = cache_.find(key);
        if (it == cache_.end()) {
            Entry e;
            for (const std::string& f : fields) {
                const std::string text = row_.text(f);
                if (text.empty()) continue;
                if (e.where.empty()) e.where = f;
                for (auto& w : words(text)) e.words.push_back(std::move(w));
            }
            it = cache_.emplace(key, std::move(e)).first;
        }
        where = it->second.where;
        return it->second.words;
    }

private:
    struct Entry {
        std::vector<Word> words;
        std::string where;
    };
    const Record& row_;
    std::map<std::string, Entry> cache_;
};

Match apply(const WordRule& r, RowWords& rowWords, const Vocabulary& v) {
    // The rule's fields read as one text, so that a matter and its note can complete each other.
    std::string where;
    const std::vector<Word>& ws = rowWords.of(r.fields, where);
    if (ws.empty()) return {};
    for (const Pattern& p : r.none)
        if (find(ws, p) >= 0) return {};
    std::string matched;
    for (std::size_t g = 0; g < r.all.size(); ++g) {
        int at = -1;
        std::size_t len = 0;
        for (const Pattern& p : r.all[g]) {
            // The first occurrence that is not negated (for the last group).
            for (int from = 0; (at = find(ws, p, static_cast<std::size_t>(from))) >= 0; from = at + 1) {
                const bool last = g + 1 == r.all.size();
                const bool canNegate = r.negatable && (r.kind == "not-delegable" || r.kind == "automated");
                if (!(last && canNegate && negated(ws, at, v))) break;
            }
            if (at >= 0) {
                len = p.size();
                break;
            }
        }
        if (at < 0) return {};
        matched += (matched.empty() ? "" : " … ") + wordsAt(ws, at, len);
    }
    return {true, where, matched};
}

}  // namespace

RowReading readRow(const Record& row, const std::set<Side>& sides, const Vocabulary& v) {
    RowReading out;
    RowWords rowWords(row);
    for (const WordRule& r : v.rules) {
        if (!delegateFits(r.delegate, sides)) continue;
        const bool needed = r.kind == "not-delegable" || r.kind == "automated" ||
                            (r.kind == "urgent" && !out.urgent_.rule) || (r.kind == "urgent-hint" && !out.hint_.rule) ||
                            (r.kind == "sub-delegation" && !out.sub_.rule) || (r.kind == "appeal" && out.appeal.empty());
        if (!needed) continue;
        const Match m = apply(r, rowWords, v);
        if (!m.ok) continue;
        Finding f{&r, m.field, m.words};
        if (r.kind == "not-delegable")
            out.notDelegable.push_back(f);
        else if (r.kind == "automated")
            out.automated.push_back(f);
        else if (r.kind == "urgent")
            out.urgent_ = f;
        else if (r.kind == "urgent-hint")
            out.hint_ = f;
        else if (r.kind == "sub-delegation")
            out.sub_ = f;
        else if (r.kind == "appeal") {
            out.appeal = r.appeal;
            out.appeal_ = f;
        }
    }
    return out;
}

}  // namespace overens::delegation
