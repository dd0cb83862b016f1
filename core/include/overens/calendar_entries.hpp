// Calendar entries a section contributes to the document's calendar file (SDK 2): the dates
// the agreement sets besides its review — fixed meetings, follow-up and due dates — as
// format-neutral values. The iCalendar writer turns them into VEVENTs and VTODOs; it knows no
// plugin, only these.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "overens/calendar.hpp"

namespace overens::cal {

enum class EntryKind {
    Event,  // something held on a day (a meeting): VEVENT
    Todo,   // something due by a day (a follow-up, a target): VTODO
};

struct Entry {
    // Stable within the section across rebuilds (e.g. "goal-1/measure-2/follow-up"): with the
    // document's identity and the section it makes the UID, so a rebuild updates the entry.
    std::string key;
    EntryKind kind = EntryKind::Event;
    std::string group;  // what --calendar selects by: "meetings", "goals", "reporting"
    Date date;          // the day held (event) or due (to-do)
    std::optional<Duration> every;   // recurrence, for events
    std::optional<Duration> length;  // for the description: the entry is all-day
    std::string summary;
    std::string description;
    std::vector<std::string> categories;
    std::string section;  // filled in by the core: the section that gave it
};

using Entries = std::vector<Entry>;

}  // namespace overens::cal
