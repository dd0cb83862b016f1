// The fixed meetings in the agreement's calendar: each meeting that recurs, as an all-day
// event repeating at its interval from the agreement's adoption — from the first weekday its
// "when" names ("måndagar kl. 8.00"), when it names one. The source gives the day and time in
// words, which the description carries, with the length and who takes part.
#include <sstream>

#include "co_leadership_plugin.hpp"

namespace overens::coleadership {

namespace {

// The first day on or after `from` that is the weekday `when` names (the names, Monday first,
// are the wording's calendar-weekdays), else `from`.
Date firstNamedWeekday(const Date& from, const std::string& when, const Wording& w) {
    const std::string text = compose::foldKey(when);
    std::istringstream names(w.get("calendar-weekdays"));
    std::string name;
    for (int day = 0; names >> name; ++day)
        if (text.find(compose::foldKey(name)) != std::string::npos)
            return Date::fromSerial(from.serial() + (day - weekday(from) + 7) % 7);
    return from;
}

}  // namespace

cal::Entries CoLeadershipPlugin::calendarEntries(const Record& values, const Context& ctx, const Wording& w) const {
    cal::Entries out;
    const std::optional<Date> start = ctx.registration.adopted ? ctx.registration.adopted : ctx.nextReview;
    if (!start) return out;
    int n = 0;
    for (const auto& m : values.rows("meeting")) {
        ++n;
        const auto every = m.duration("every");
        if (!every) continue;  // not a fixed meeting
        const auto length = m.duration("length");
        const std::map<std::string, std::string> v{
            {"name", m.text("name")},
            {"when", m.text("when")},
            {"every", describeDuration(*every, ctx.lang)},
            {"length", length ? describeDuration(*length, ctx.lang) : std::string()},
            {"participants", m.text("participants")},
            {"prepares", m.text("prepares")}};
        cal::Entry e;
        e.key = "meeting-" + std::to_string(n);
        e.kind = cal::EntryKind::Event;
        e.group = "meetings";
        e.date = firstNamedWeekday(*start, m.text("when"), w);
        e.every = every;
        e.length = length;
        e.summary = m.text("name");
        e.description = w.format(length ? "calendar-meeting" : "calendar-meeting-no-length", v);
        e.categories = {w.get("calendar-category")};
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace overens::coleadership
