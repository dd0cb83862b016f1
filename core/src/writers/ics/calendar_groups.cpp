#include "writers/ics/calendar_groups.hpp"

#include <sstream>
#include <stdexcept>

namespace overens::ics {

std::vector<std::string> parseCalendarGroups(const std::string& list) {
    std::vector<std::string> out;
    std::istringstream in(list);
    for (std::string g; std::getline(in, g, ',');) {
        if (g.empty() || g == "review") continue;
        if (g == "all") return {std::begin(kCalendarGroups) + 1, std::end(kCalendarGroups)};
        bool known = false;
        for (const char* k : kCalendarGroups) known = known || g == k;
        if (!known)
            throw std::invalid_argument("--calendar: unknown entry kind '" + g +
                                        "' (review, meetings, goals, reporting or all)");
        out.push_back(g);
    }
    return out;
}

}  // namespace overens::ics
