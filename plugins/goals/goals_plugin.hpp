// The goals section: the goals the chair and the director agree matter most, this year and
// over the mandate period and beyond, each with why it matters and how it is followed up.
#pragma once

#include "overens/sdk.hpp"

namespace overens::goals {

// How many goals may be marked as "most important" before focus is lost (a warning).
constexpr int kMaxFocusGoals = 3;

class GoalsPlugin : public SectionPlugin {
public:
    PluginInfo info() const override;
    Schema schema() const override;
    Interview interview() const override;  // goals_interview.cpp
    void validate(const Record& values, const Context& ctx, Diagnostics& out) const override;
    doc::Blocks render(const Record& values, const Context& ctx, const Wording& wording) const override;
    void publish(const Record& values, const Context& ctx, Facts& out) const override;
    cal::Entries calendarEntries(const Record& values, const Context& ctx, const Wording& w) const override;  // goals_calendar.cpp
};

// The horizons a goal can have, in the order they are shown.
inline const char* const kHorizons[] = {"year", "mandate", "long-term"};

}  // namespace overens::goals
