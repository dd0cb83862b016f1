#include "web/answers_diff.hpp"

#include <map>
#include <set>

namespace overens::web {

namespace {
bool isIdentity(const std::string& path) { return path.size() >= 2 && path.compare(path.size() - 2, 2, ".#") == 0; }
}  // namespace

std::vector<AnswerChange> changedAnswers(const edit::Answers& before, const edit::Answers& after) {
    const std::map<std::string, std::string> old(before.begin(), before.end());
    std::vector<AnswerChange> out;
    std::set<std::string> seen;
    for (const auto& [path, value] : after) {
        if (isIdentity(path) || !seen.insert(path).second) continue;
        auto it = old.find(path);
        const std::string was = it == old.end() ? std::string() : it->second;
        if (was != value) out.push_back({path, was, value});
    }
    for (const auto& [path, value] : before)
        if (!isIdentity(path) && seen.insert(path).second && !value.empty()) out.push_back({path, value, ""});
    return out;
}

std::string changeSummary(const std::vector<AnswerChange>& changes) {
    constexpr std::size_t kShown = 12;
    std::string out;
    for (std::size_t i = 0; i < changes.size() && i < kShown; ++i) out += (i ? ", " : "") + changes[i].path;
    if (changes.size() > kShown) out += ", +" + std::to_string(changes.size() - kShown);
    return out;
}

}  // namespace overens::web
