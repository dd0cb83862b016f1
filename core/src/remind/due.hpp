// Phase 3 of `overens remind`: which documents have a review due on `today` (its reminder window,
// --within or the document's notify-before, has begun; overdue ones too), with their headers.
// A review that falls on a weekend or a Swedish public holiday is held on the working day before.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/engine.hpp"
#include "remind/find_sources.hpp"
#include "remind/job.hpp"
#include "remind/texts.hpp"

namespace overens::remind {

struct DueDocument {
    Document document;
    std::string key;  // absolute path
    Date review;      // the day it is held: the scheduled one, or the working day before it
    Date scheduled;   // as the review policy gives it (what the calendar's rule repeats)
    std::string place;  // its identity without a registration number: key, or ORG/NAME in a store
};

// The due ones among the documents, in the order found (their display names completed).
std::vector<DueDocument> dueDocuments(const std::vector<Document>& documents, const FoundSources& found,
                                      const Date& today, const std::optional<Duration>& within);

// The keys of the due documents whose header is still to be loaded (they came from the index).
std::vector<std::string> headersWanted(const std::vector<DueDocument>& due);

// Headers from the stored ones (Header::serialize() by key), else read from the source again.
void completeHeaders(std::vector<DueDocument>& due, const std::unordered_map<std::string, std::string>& stored,
                     Engine& engine);

// One reminder per due document with a header, sorted by review date and source; a second
// source of the same document (same identity and review) is a warning: they share reminders.
std::vector<Reminder> remindersOf(std::vector<DueDocument> due, const std::map<std::string, DocumentKind>& kinds,
                                  const Date& today, const Texts& t, std::ostream& err);

}  // namespace overens::remind
