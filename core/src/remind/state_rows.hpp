// What both state backends store alike: one folder of the index as one text (a row per folder
// keeps loading 100,000 sources to a few hundred rows: each file's name and facts, separated by
// \x1f, each file ended by \x1e), the reminders' columns as records, and the statement that
// records a status (the same SQL but for the placeholders).
#pragma once

#include <Poco/Data/Session.h>
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

// Records one reminder's status in `table` in one statement (INSERT … ON CONFLICT DO UPDATE):
// newAttempt counts an attempt, the sent time is set when it is sent, a non-empty path replaces
// the recorded one. "?" placeholders, or "$1::text"… for PostgreSQL. Throws Poco::Exception.
void recordStatus(Poco::Data::Session& db, const std::string& table, bool postgresql, const ReminderKey& key,
                  ReminderStatus status, int code, const std::string& response, const std::string& path,
                  bool newAttempt);

}  // namespace overens::remind
