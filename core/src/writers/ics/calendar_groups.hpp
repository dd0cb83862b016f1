// Which calendar entries go into the .ics (`overens build --calendar LIST`).
#pragma once

#include <string>
#include <vector>

namespace overens::ics {

// The groups there are: the review is always in; the others come from the sections.
inline const char* const kCalendarGroups[] = {"review", "meetings", "goals", "reporting"};

// "review" -> {}, "all" -> every group, "meetings,goals" -> those; throws std::invalid_argument
// naming an unknown group.
std::vector<std::string> parseCalendarGroups(const std::string& list);

}  // namespace overens::ics
