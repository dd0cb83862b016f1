#include "prepared_words.hpp"

#include <atomic>

namespace overens::delegation {

namespace {
std::atomic<std::uint32_t> nextTable{1};
}  // namespace

PatternTable::PatternTable() : id_(nextTable++) {}

void PatternTable::add(Pattern& p) {
    for (PatternWord& pw : p) {
        if (pw.kind == PatternWord::Kind::Any) continue;
        const auto key = std::make_pair(static_cast<int>(pw.kind), pw.text);
        auto it = numbers_.find(key);
        if (it == numbers_.end()) it = numbers_.emplace(key, static_cast<std::uint32_t>(words_.size())).first;
        pw.table = id_;
        pw.slot = it->second;
        if (pw.slot == words_.size()) words_.push_back(pw);
    }
}

void PatternTable::add(std::vector<Pattern>& ps) {
    for (Pattern& p : ps) add(p);
}

const WordMatcher::Known& WordMatcher::known(const std::string& lower) {
    auto it = known_.find(lower);
    if (it != known_.end()) return it->second;
    Known k{stemOf(lower), std::vector<std::uint64_t>((table_.words().size() + 63) / 64, 0)};
    const Word plain{lower, k.stem};
    const auto& pws = table_.words();
    for (std::size_t i = 0; i < pws.size(); ++i)
        if (matchesText(plain, pws[i])) k.hits[i / 64] |= std::uint64_t{1} << (i % 64);
    return known_.emplace(lower, std::move(k)).first->second;
}

void WordMatcher::append(const std::string& text, std::vector<Word>& out) {
    out.reserve(out.size() + text.size() / 6 + 1);  // about one word per six letters
    splitWords(text, [&](const std::string& lower) {
        const Known& k = known(lower);
        out.push_back({lower, k.stem, table_.id(), k.hits.data()});
    });
}

std::vector<std::uint64_t> WordMatcher::present(const std::vector<Word>& ws) const {
    std::vector<std::uint64_t> out((table_.words().size() + 63) / 64, 0);
    for (const Word& w : ws)
        if (w.table == table_.id())
            for (std::size_t i = 0; i < out.size(); ++i) out[i] |= w.hits[i];
    return out;
}

bool WordMatcher::mayMatch(const Pattern& p, const std::vector<std::uint64_t>& present) const {
    for (const PatternWord& pw : p)
        if (pw.table == table_.id() && !((present[pw.slot / 64] >> (pw.slot % 64)) & 1U)) return false;
    return true;
}

}  // namespace overens::delegation
