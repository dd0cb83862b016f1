#include "writers/ics/ics_writer.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <cstdio>

#include "overens/version.hpp"
#include "writers/ics/ics_text.hpp"
#include "writers/writer.hpp"

namespace overens::ics {

namespace {

std::string sha256Hex(const std::string& s) {
    Poco::SHA2Engine e(Poco::SHA2Engine::SHA_256);
    e.update(s.data(), static_cast<unsigned>(s.size()));
    return Poco::DigestEngine::digestToHex(e.digest());
}


// "BYMONTHDAY=28,29,30;BYSETPOS=-1": the day, or the month's last day when it is shorter.
std::string clampedDay(int day) {
    std::string s = "BYMONTHDAY=";
    for (int d = 28; d <= day; ++d) s += (d > 28 ? "," : "") + std::to_string(d);
    return s + ";BYSETPOS=-1";
}

class Lines {
public:
    void add(const std::string& nameAndParams, const std::string& value) { out_ += foldLine(nameAndParams + ":" + value); }
    void text(const std::string& name, const std::string& value) { add(name, escapeText(value)); }
    const std::string& str() const { return out_; }

private:
    std::string out_;
};

std::string mailto(const std::string& email) { return "mailto:" + email; }

// The review's description: the wording, who is concerned, the registration number.
std::string reviewDescription(const doc::Meta& m, bool en) {
    std::string description = m.reviewDescription;
    std::string concerned;
    for (const auto& p : m.people) {
        if (p.name.empty()) continue;
        concerned += (concerned.empty() ? "" : "\n") + std::string("– ") + p.name + (p.title.empty() ? "" : ", " + p.title);
    }
    if (!concerned.empty()) description += std::string(description.empty() ? "" : "\n\n") + (en ? "Concerned:" : "Berörda:") + "\n" + concerned;
    if (!m.dnr.empty())
        description += std::string(description.empty() ? "" : "\n\n") + (en ? "Registration number: " : "Diarienummer: ") + m.dnr;
    return description;
}

// How many occurrences of a recurring review are checked for weekends and holidays.
constexpr int kCheckedOccurrences = 10;

// EXDATE for each of the next occurrences that falls on a weekend or a Swedish holiday, and
// RDATE for the working day before it.
void movedOccurrences(Lines& l, const Date& start, const Duration& every) {
    std::string excluded, added;
    for (int k = 0; k < kCheckedOccurrences; ++k) {
        Duration n = every;
        n.years *= k, n.months *= k, n.weeks *= k, n.days *= k;
        const Date occurrence = addDuration(start, n);
        const Date held = workingDayOnOrBefore(occurrence);
        if (held == occurrence) continue;
        excluded += (excluded.empty() ? "" : ",") + basic(occurrence);
        added += (added.empty() ? "" : ",") + basic(held);
    }
    if (excluded.empty()) return;
    l.add("EXDATE;VALUE=DATE", excluded);
    l.add("RDATE;VALUE=DATE", added);
}

}  // namespace

std::string uid(const doc::Meta& m, const std::string& entry) {
    std::string key = m.dnr.empty() ? m.organisation + '\x1f' + m.kind + '\x1f' + m.title + '\x1f' + m.sourceName
                                    : m.organisation + '\x1f' + m.kind + '\x1f' + m.dnr;
    if (!entry.empty()) key += '\x1f' + entry;
    return sha256Hex(key).substr(0, 32) + "@overens";
}

std::string basic(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
    return buf;
}

std::string stampOf(const doc::Meta& m) {
    const std::optional<Date> stamp = m.adopted ? m.adopted : m.nextReview;
    return (stamp ? basic(*stamp) : std::string("19700101")) + "T000000Z";
}

std::string recurrenceRule(const Date& start, const Duration& every) {
    const int months = every.years * 12 + every.months;
    const int days = every.weeks * 7 + every.days;
    if (months > 0 && days > 0) return {};
    if (months > 0) {
        if (months % 12 == 0) {
            std::string r = "FREQ=YEARLY;INTERVAL=" + std::to_string(months / 12);
            if (start.month == 2 && start.day == 29) r += ";BYMONTH=2;" + clampedDay(29);
            return r;
        }
        std::string r = "FREQ=MONTHLY;INTERVAL=" + std::to_string(months);
        if (start.day > 28) r += ";" + clampedDay(start.day);
        return r;
    }
    if (days <= 0) return {};
    if (days % 7 == 0) return "FREQ=WEEKLY;INTERVAL=" + std::to_string(days / 7);
    return "FREQ=DAILY;INTERVAL=" + std::to_string(days);
}

std::string alarmTrigger(const Date& review, const Duration& notifyBefore) {
    const long long lead = review.serial() - subtractDuration(review, notifyBefore).serial();
    if (lead <= 0) return "PT9H";
    return "-P" + (lead > 1 ? std::to_string(lead - 1) + "D" : std::string()) + "T15H";
}

std::string calendar(const doc::Meta& m, Diagnostics& diags, const std::vector<std::string>& groups) {
    const std::string lang = m.lang.empty() ? "sv" : m.lang;
    const bool en = lang == "en";
    const std::string langParam = ";LANGUAGE=" + lang;
    Lines l;
    l.add("BEGIN", "VCALENDAR");
    l.add("VERSION", "2.0");
    l.add("PRODID", std::string("-//Överens//Överens ") + kVersion + "//" + (en ? "EN" : "SV"));
    l.add("CALSCALE", "GREGORIAN");
    l.add("METHOD", "PUBLISH");
    l.text("X-WR-CALNAME", m.reviewSummary.empty() ? m.title : m.reviewSummary);

    const bool dated = m.nextReview.has_value();
    const char* component = dated ? "VEVENT" : "VTODO";
    l.add("BEGIN", component);
    l.add("UID", uid(m));
    l.add("DTSTAMP", stampOf(m));
    // A review on a weekend or a Swedish holiday is held on the working day before.
    const std::optional<Date> held = dated ? std::optional<Date>(workingDayOnOrBefore(*m.nextReview)) : std::nullopt;
    if (dated) {
        const bool recurs = m.reviewEvery && !recurrenceRule(*m.nextReview, *m.reviewEvery).empty();
        // A recurring review keeps its rule's own start (RFC 5545: DTSTART in step with the
        // RRULE); the occurrences moved to a working day are excluded and added back moved.
        const Date start = recurs ? *m.nextReview : *held;
        l.add("DTSTART;VALUE=DATE", basic(start));
        l.add("DTEND;VALUE=DATE", basic(Date::fromSerial(start.serial() + 1)));
        if (m.reviewEvery) {
            const std::string rule = recurrenceRule(*m.nextReview, *m.reviewEvery);
            if (!rule.empty()) {
                l.add("RRULE", rule);
                movedOccurrences(l, *m.nextReview, *m.reviewEvery);
            } else {
                diags.warning("ics.no-recurrence", Location{m.sourceName},
                              "omprövningsintervallet " + m.reviewEvery->iso() +
                                  " blandar månader och dagar och kan inte uttryckas som återkommande kalenderhändelse; "
                                  "bara nästa omprövning kommer med",
                              "the review interval " + m.reviewEvery->iso() +
                                  " mixes months and days and cannot be written as a recurring calendar event; "
                                  "only the next review is included");
            }
        }
        l.add("TRANSP", "TRANSPARENT");
    }
    const std::string summary = m.reviewSummary.empty() ? m.title : m.reviewSummary;
    l.text("SUMMARY" + langParam, summary);

    const std::string description = reviewDescription(m, en);
    if (!description.empty()) l.text("DESCRIPTION" + langParam, description);
    l.add("CLASS", "PUBLIC");
    l.add("STATUS", dated ? "CONFIRMED" : "NEEDS-ACTION");
    l.text("CATEGORIES" + langParam, en ? "Review" : "Omprövning");
    if (!m.organisation.empty()) l.text("X-OVERENS-ORGANISATION", m.organisation);
    if (!m.dnr.empty()) l.text("X-OVERENS-DNR", m.dnr);
    if (!m.kind.empty()) l.text("X-OVERENS-KIND", m.kind);
    if (!m.sourceSha256.empty()) l.text("X-OVERENS-SOURCE-SHA256", m.sourceSha256);

    const doc::Person* organizer = nullptr;
    for (const auto& p : m.people)
        if (!p.email.empty()) {
            organizer = &p;
            break;
        }
    if (organizer) l.add("ORGANIZER;CN=" + paramValue(organizer->name), mailto(organizer->email));
    for (const auto& p : m.people) {
        if (p.email.empty()) continue;
        l.add("ATTENDEE;CN=" + paramValue(p.name) + ";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION",
              mailto(p.email));
    }
    if (dated && m.notifyBefore) {
        l.add("BEGIN", "VALARM");
        l.add("ACTION", "DISPLAY");
        l.text("DESCRIPTION", summary);
        l.add("TRIGGER;RELATED=START", alarmTrigger(*held, *m.notifyBefore));
        l.add("END", "VALARM");
    }
    l.add("END", component);
    return l.str() + entryComponents(m, groups) + foldLine("END:VCALENDAR");
}

namespace {

class IcsWriter : public Writer {
public:
    std::string format() const override { return "ics"; }
    void write(const doc::Document& document, std::ostream& out, const WriteOptions& options,
               Diagnostics& diags) const override {
        out << calendar(document.meta, diags, options.calendar);
    }
};

}  // namespace

}  // namespace overens::ics

namespace overens {
void registerIcsWriter(WriterRegistry& registry) { registry.add(std::make_unique<ics::IcsWriter>()); }
}  // namespace overens
