// Phase 7 of `overens remind`: what the run found and did, as a listing for people or as JSON
// for scripts (the same facts; docs/reminders.md describes both).
#pragma once

#include <optional>
#include <ostream>
#include <vector>

#include "remind/job.hpp"
#include "remind/texts.hpp"

namespace overens::remind {

struct RunStats {
    std::size_t files = 0;      // candidate files seen
    std::size_t parsed = 0;     // read this run (not from the index)
    std::size_t sources = 0;    // of them, documents
    std::size_t due = 0;
    std::size_t sent = 0, refused = 0, deferred = 0;
};

struct ReportContext {
    Date today;
    std::optional<Duration> within;
    bool send = false;
    RunStats stats;
};

void printListing(const std::vector<Reminder>& reminders, const ReportContext& c, const Texts& t, std::ostream& out);
void printJson(const std::vector<Reminder>& reminders, const ReportContext& c, std::ostream& out);

// How a recipient's reminder stands, in words and as the JSON "status" key.
std::string statusText(const Recipient& r, const Texts& t);
std::string statusKey(const Recipient& r);

}  // namespace overens::remind
