// What `overens remind` keeps of a source (its header, enough to list it and to write the
// e-mail and the .ics without reading the file again), and when its review is due.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "overens/calendar.hpp"
#include "overens/context.hpp"
#include "overens/document.hpp"

namespace overens::remind {

struct Header {
    std::string sha256;
    std::string kind, lang, orgType, organisation, board, dnr, version;
    std::string body;  // the body that adopted it, when the registration names one
    std::optional<Date> adopted;
    std::optional<Date> nextReview;  // effective: as written, else adoption + interval
    std::optional<Duration> every;
    std::optional<Duration> notifyBefore;
    bool recurring = false;
    std::vector<doc::Person> people;

    static Header fromContext(const Context& ctx, const std::string& sha256);
    // A compact one-string form for the index (fields separated by control characters).
    std::string serialize() const;
    static std::optional<Header> deserialize(const std::string& s);
};

// Which document this is across edits and moves: organisation, kind and registration number;
// the file's path when there is no registration number. Reminders are recorded against it.
std::string identity(const Header& h, const std::string& path);

// start + k * every (each part multiplied; months clamped to the month's end).
Date occurrence(const Date& start, const Duration& every, long long k);

// The review the reminders are about on `today`: the next review date; for a recurring review
// the latest occurrence whose reminder window (`window` ahead of it) has begun, else the first.
// A past occurrence thus stays current, overdue, until the next one's window opens: a reminder
// that could not be delivered before the date is still sent after it.
std::optional<Date> currentReview(const std::optional<Date>& next, const std::optional<Duration>& every,
                                  bool recurring, const Date& today, const Duration& window = {});

// Due from the day `window` ahead of the review (review - window <= today, the same day the
// calendar alarm fires), where the window is --within or the document's own notify-before.
// Overdue ones are due too.
bool isDue(const Date& review, const Date& today, const Duration& window);

// The calendar date in Europe/Stockholm at a moment (CET, CEST from the last Sunday of March
// 01:00 UTC to the last Sunday of October 01:00 UTC), without depending on tzdata.
Date stockholmDate(std::time_t utc);
Date stockholmToday();
// "2027-12-21T06:00:00Z" (as the state file records times) -> "2027-12-21 07:00", local time in
// Europe/Stockholm; anything else is returned as it is.
std::string stockholmTime(const std::string& utcIso);

}  // namespace overens::remind
