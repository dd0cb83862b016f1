// The sections' calendar entries (SDK 2, overens/calendar_entries.hpp) as iCalendar components:
// a meeting as an all-day VEVENT, recurring when it has an interval; a follow-up or due date as
// a VTODO with its DUE day. Each carries the document's registration number and categories.
#include <algorithm>

#include "writers/ics/ics_text.hpp"
#include "writers/ics/ics_writer.hpp"

namespace overens::ics {

namespace {

std::string categoriesValue(const std::vector<std::string>& categories) {
    std::string out;
    for (const auto& c : categories) out += (out.empty() ? "" : ",") + escapeText(c);
    return out;
}

std::string component(const doc::Meta& m, const cal::Entry& e) {
    const bool en = m.lang == "en";
    const std::string lang = ";LANGUAGE=" + (m.lang.empty() ? std::string("sv") : m.lang);
    const bool event = e.kind == cal::EntryKind::Event;
    std::string s;
    auto add = [&](const std::string& nameAndParams, const std::string& value) {
        s += foldLine(nameAndParams + ":" + value);
    };
    add("BEGIN", event ? "VEVENT" : "VTODO");
    add("UID", uid(m, e.section + '\x1f' + e.key));
    add("DTSTAMP", stampOf(m));
    if (event) {
        add("DTSTART;VALUE=DATE", basic(e.date));
        add("DTEND;VALUE=DATE", basic(Date::fromSerial(e.date.serial() + 1)));
        const std::string rule = e.every ? recurrenceRule(e.date, *e.every) : std::string();
        if (!rule.empty()) add("RRULE", rule);
        add("TRANSP", "TRANSPARENT");
    } else {
        add("DUE;VALUE=DATE", basic(e.date));
    }
    add("SUMMARY" + lang, escapeText(e.summary));
    std::string description = e.description;
    if (!m.dnr.empty())
        description += std::string(description.empty() ? "" : "\n\n") + (en ? "Registration number: " : "Diarienummer: ") + m.dnr;
    if (!description.empty()) add("DESCRIPTION" + lang, escapeText(description));
    add("CLASS", "PUBLIC");
    add("STATUS", event ? "CONFIRMED" : "NEEDS-ACTION");
    if (!e.categories.empty()) add("CATEGORIES" + lang, categoriesValue(e.categories));
    if (!m.organisation.empty()) add("X-OVERENS-ORGANISATION", escapeText(m.organisation));
    if (!m.dnr.empty()) add("X-OVERENS-DNR", escapeText(m.dnr));
    add("X-OVERENS-SECTION", escapeText(e.section));
    add("END", event ? "VEVENT" : "VTODO");
    return s;
}

}  // namespace

std::string entryComponents(const doc::Meta& m, const std::vector<std::string>& groups) {
    std::string out;
    for (const auto& e : m.calendar)
        if (std::find(groups.begin(), groups.end(), e.group) != groups.end()) out += component(m, e);
    return out;
}

}  // namespace overens::ics
