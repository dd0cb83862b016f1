// `overens remind`: find the sources under the paths, list the reviews that are due, and with
// --send e-mail each party once per review date (see docs/reminders.md for the guarantee).
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "overens/calendar.hpp"
#include "remind/mailer.hpp"
#include "remind/report.hpp"

namespace overens::remind {

// Exit codes of `overens remind` (the most serious that applies wins: 2, 3, 4, 1, 0).
constexpr int kExitNothingDue = 0;     // nothing due (and every source read)
constexpr int kExitDue = 1;            // at least one review is due (listed; with --send: sent or sent before)
constexpr int kExitEnvironment = 2;    // usage, unreadable path, state file, SMTP configuration
constexpr int kExitDeliveryFailed = 3; // --send: a reminder of this run was not delivered (deferred or refused),
                                       // or a due document has nobody to remind (no e-mail, no default recipient)
constexpr int kExitSourceErrors = 4;   // a source has errors (diagnostics on stderr); it gets no reminder

struct RemindOptions {
    std::vector<std::string> paths;             // files or folders (searched recursively for *.xml)
    std::string store;                          // --store: a document store's every organisation too
    Date today;                                 // --today, else today in Europe/Stockholm
    std::optional<Duration> within;             // --within; else each document's notify-before
    bool json = false;
    bool send = false;
    SmtpSettings smtp;
    std::string fromName;                       // display name for From:
    std::string state;                          // --state FILE or postgresql://…, else defaultStateLocation()
    std::filesystem::path templatesDir;         // empty: findTemplatesDir()
    std::string lang;                           // language of the listing and diagnostics; "" = sv
    std::string defaultRecipient;               // --default-recipient: for documents no party can be e-mailed about
    std::string formUrl;                        // --form-url: where the parties open the document to revise it
};

int runReminders(const RemindOptions& options, std::ostream& out, std::ostream& err, RunStats* stats = nullptr);

}  // namespace overens::remind
