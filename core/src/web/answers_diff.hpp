// What changed between two versions of a document, in the answers model's terms (one entry per
// answers path whose value differs), for the conflict page, the history and a save's summary.
#pragma once

#include <string>
#include <vector>

#include "edit/answers.hpp"

namespace overens::web {

struct AnswerChange {
    std::string path;
    std::string before, after;  // "" when the answer is absent on that side
};

// Every path whose value differs, in the order of `after` then the paths only `before` has.
// Row identities (".#") are left out: they only say where a row came from.
std::vector<AnswerChange> changedAnswers(const edit::Answers& before, const edit::Answers& after);

// The paths changed, comma-separated ("registration.dnr, goals.goal.0.text"); at most 12, then
// "+N". Stored as a version's summary.
std::string changeSummary(const std::vector<AnswerChange>& changes);

}  // namespace overens::web
