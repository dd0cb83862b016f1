// Values as people write them: a choice by its code or by the plugin's Swedish or English label,
// in any case; yes/no in any case; a period in ISO 8601 or in plain words. What the reader
// keeps is the canonical form (the code, ISO 8601), so that nothing downstream changes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "overens/calendar.hpp"
#include "overens/schema.hpp"

namespace overens {

// The code of the choice the text names, or nullopt.
std::optional<std::string> matchChoice(const std::vector<Choice>& choices, const std::string& text);

// "; menade du 'year'?" / "; did you mean 'year'?" when one allowed value (code or label) is
// close to the text; empty strings otherwise.
struct Suggestion {
    std::string sv, en;
};
Suggestion suggestChoice(const std::vector<Choice>& choices, const std::string& text);
// The same for a name among names (unknown elements and attributes).
Suggestion suggestName(const std::vector<std::string>& names, const std::string& text);

// true/false/yes/no/ja/nej/1/0, case ignored.
std::optional<bool> matchYesNo(const std::string& text);

// ISO 8601 first, then plain words ("1 år", "every 2 weeks").
std::optional<Duration> matchDuration(const std::string& text);

}  // namespace overens
