// The plain values the phases of `overens remind` hand to each other (see remind.cpp for the
// order): a document found, a review that is due, and who is reminded of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kinds/document_kind.hpp"
#include "overens/calendar.hpp"
#include "overens/document.hpp"
#include "remind/review.hpp"
#include "remind/state.hpp"

namespace overens::remind {

// A document read from its source or from the index. From the index only the review facts are
// loaded; the header follows for the documents that are due.
struct Document {
    std::uint32_t folder = 0;  // index into FoundSources::folders
    std::string name;
    std::string display;  // set when read or named; else built when needed
    std::optional<Date> next;
    std::optional<Duration> every, notify;
    bool recurring = false;
    std::optional<Header> header;
};

struct Recipient {
    doc::Person person;
    std::string address;  // lower case; empty when the party has no e-mail
    ReminderRecord record;
    bool changedNow = false;  // attempted in this run
    bool resent = false;      // an earlier attempt was interrupted after the data: may arrive twice
};

// A review that is due, with what the reminder says and to whom it goes.
struct Reminder {
    std::string display;  // the source as reached from the paths given
    std::string key;      // absolute path
    Header header;
    const DocumentKind* kind = nullptr;
    Date review;         // the day it is held (a working day)
    Date scheduled;      // the date the review policy gives (review, or a weekend/holiday after it)
    long long days = 0;  // review - today
    std::string identity;
    doc::Meta meta;
    std::vector<Recipient> recipients;
};

// What happened in the run, for the report and the exit code.
struct RunOutcome {
    bool environment = false;     // a path, the state file or the settings failed
    bool sourceErrors = false;    // a source has errors
    bool deliveryFailed = false;  // a reminder of this run was refused or deferred
};

}  // namespace overens::remind
