// The goals' dates in the agreement's calendar: each measure's follow-up (when the result is
// reported) and its due date (when the target should be reached), as to-dos.
#include "goals_plugin.hpp"

namespace overens::goals {

namespace {

cal::Entry todo(const std::string& key, const Date& date, const std::string& summary, const std::string& description,
                const std::string& category) {
    cal::Entry e;
    e.key = key;
    e.kind = cal::EntryKind::Todo;
    e.group = "goals";
    e.date = date;
    e.summary = summary;
    e.description = description;
    e.categories = {category};
    return e;
}

}  // namespace

cal::Entries GoalsPlugin::calendarEntries(const Record& values, const Context&, const Wording& w) const {
    cal::Entries out;
    int g = 0;
    for (const auto& goal : values.rows("goal")) {
        ++g;
        int n = 0;
        for (const auto& m : goal.rows("measure")) {
            ++n;
            const std::map<std::string, std::string> v{
                {"goal", goal.text("title")},       {"indicator", m.text("indicator")},
                {"target", m.text("target")},       {"baseline", m.text("baseline")},
                {"reporter", goal.text("reporter")}, {"report-to", goal.text("report-to")}};
            const std::string key = "goal-" + std::to_string(g) + "/measure-" + std::to_string(n);
            const std::string description = w.format("calendar-description", v);
            if (auto d = m.date("follow-up"))
                out.push_back(todo(key + "/follow-up", *d, w.format("calendar-follow-up", v), description,
                                   w.get("calendar-category")));
            if (auto d = m.date("due"))
                out.push_back(todo(key + "/due", *d, w.format("calendar-due", v), description,
                                   w.get("calendar-category")));
        }
    }
    return out;
}

}  // namespace overens::goals
