// What both state backends store alike: one folder of the index as one text (a row per folder
// keeps loading 100,000 sources to a few hundred rows: each file's name and facts, separated by
// \x1f, each file ended by \x1e), the reminders' columns as records, and the statement that
// records a status (the same SQL but for the placeholders).
#pragma once

#include <Poco/Types.h>

#include <string>
#include <vector>

#include "remind/state.hpp"

namespace overens::remind {

std::string serializeFolder(const FolderIndex& folder);
// Parses what serializeFolder wrote; a damaged entry is skipped (its file is then read again).
void parseFolder(const std::string& s, FolderIndex& folder);

// Rows of (recipient, status, attempts, code, response, last_attempt, sent_at), as extracted.
struct RecordColumns {
    std::vector<std::string> recipients, statuses, responses, lasts, sents;
    std::vector<Poco::Int64> attempts, codes;
    ReminderRecord at(std::size_t i) const;
};

// INSERT … ON CONFLICT DO UPDATE of one reminder into `table`, binding identity, review,
// recipient, status, attempts (1 for a new attempt, else 0), code, response, last_attempt,
// sent_at ("" keeps the recorded one) and path ("" keeps it): "?" placeholders, or "$1::text"…
// for PostgreSQL.
std::string recordStatusSql(const std::string& table, bool postgresql);

}  // namespace overens::remind
