// The iCalendar writer: one RFC 5545 calendar per document, holding the review as an all-day
// event (or, without a review date, a to-do), with the parties as attendees, an alarm at the
// notify-before interval and a recurrence rule when the review recurs.
//
// The output depends only on the document's metadata: the UID comes from the organisation,
// kind and registration number, DTSTAMP from the adoption date, so that a rebuild of the same
// document gives the same bytes and a calendar updates the event instead of adding a second.
#pragma once

#include <string>
#include <vector>

#include "overens/calendar.hpp"
#include "overens/diagnostics.hpp"
#include "overens/document.hpp"

namespace overens::ics {

// Stable across rebuilds: "<32 hex>@overens", from organisation, kind and dnr (the title and
// source file name when there is no dnr), and for a section's entry its section and key.
std::string uid(const doc::Meta& meta, const std::string& entry = {});

// YYYYMMDD.
std::string basic(const Date& d);

// DTSTAMP: the adoption (else the review) date at midnight UTC, never the wall clock, so that a
// rebuild gives the same bytes.
std::string stampOf(const doc::Meta& meta);

// The VEVENTs and VTODOs of the sections' calendar entries in these groups (ics_entries.cpp).
std::string entryComponents(const doc::Meta& meta, const std::vector<std::string>& groups);

// The RRULE value for a review on `start` repeated every `every`, matching addDuration's
// month-end clamping (2028-02-29 + P1Y = 2029-02-28; 2027-01-31 + P1M = 2027-02-28).
// Empty when the interval mixes months and days, which RRULE cannot express.
std::string recurrenceRule(const Date& start, const Duration& every);

// The alarm's TRIGGER (relative to the start of the all-day event): 09:00 local time on the day
// `notifyBefore` ahead of the review, e.g. "-P29DT15H" for P30D, "PT9H" for no lead time.
std::string alarmTrigger(const Date& review, const Duration& notifyBefore);

// The whole calendar, CRLF line ends, folded at 75 octets: the review, and the sections' entries
// in `groups` (see calendar_groups.hpp). Warnings (an interval RRULE cannot express) go to diags.
std::string calendar(const doc::Meta& meta, Diagnostics& diags, const std::vector<std::string>& groups = {});

}  // namespace overens::ics
