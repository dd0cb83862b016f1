// Phase 4 of `overens remind`: for each due review, what the reminder says (the calendar
// metadata) and its recipients — each party with an e-mail address once — with what was
// recorded for them before (sent, refused, deferred, an interrupted attempt).
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "remind/job.hpp"
#include "remind/texts.hpp"
#include "remind/wordings.hpp"

namespace overens::remind {

using RecordsByReview = std::unordered_map<std::string, std::map<std::string, ReminderRecord>>;

// The earliest review date among the reminders (the records to load start there).
Date earliestReview(const std::vector<Reminder>& reminders);

// records: by identity + '\n' + review date, then recipient address (State::remindersSince).
// A reminder no party can be e-mailed about goes to defaultRecipient (role "registry") when one
// is given; either way it is a warning naming the document and the fix. Returns how many due
// documents have nobody to remind.
std::size_t planDeliveries(std::vector<Reminder>& reminders, const RecordsByReview& records, Wordings& wordings,
                           const std::string& defaultRecipient, const Texts& t, std::ostream& err);

}  // namespace overens::remind
