// SDK 2 (calendar): a section without dates of its own adds nothing to the calendar.
#include "overens/plugin.hpp"

namespace overens {

cal::Entries SectionPlugin::calendarEntries(const Record&, const Context&, const Wording&) const { return {}; }

}  // namespace overens
