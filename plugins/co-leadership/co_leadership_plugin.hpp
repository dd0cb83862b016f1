// The co-leadership section: how the chair and the director steer and lead together — the
// shared story, the fixed meetings, how cases are prepared, the routine for urgent matters and
// necessary improvisation, and the golden zone.
#pragma once

#include <string>
#include <vector>

#include "overens/sdk.hpp"

namespace overens::coleadership {

class CoLeadershipPlugin : public SectionPlugin {
public:
    PluginInfo info() const override;
    Schema schema() const override;
    Interview interview() const override;  // co_leadership_interview.cpp
    void validate(const Record& values, const Context& ctx, Diagnostics& out) const override;
    doc::Blocks render(const Record& values, const Context& ctx, const Wording& wording) const override;
    void publish(const Record& values, const Context& ctx, Facts& out) const override;
    // The agreement's chair against the chair named by the board's documents built with it.
    void crossCheck(const Record& values, const Context& ctx, const Facts& own, const std::vector<Facts>& others,
                    Diagnostics& out) const override;
    cal::Entries calendarEntries(const Record& values, const Context& ctx, const Wording& w) const override;  // co_leadership_calendar.cpp
};

// Who may be given the right to decide urgent matters (6 kap. 39 § KL): the chair or another
// member the board has appointed. These are the values the source may name.
inline bool isUrgentDecider(const std::string& role) {
    return role == "chair" || role == "first-vice-chair" || role == "second-vice-chair" || role == "vice-chair" ||
           role == "member";
}

}  // namespace overens::coleadership
