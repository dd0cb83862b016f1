// Phase 5 of `overens remind` (--send): each reminder not yet delivered nor refused goes to its
// recipient by SMTP, one message per recipient, with the review as an .ics attachment. Every
// step is recorded through a DeliveryLog as it happens, so that a crash loses nothing.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "remind/job.hpp"
#include "remind/mailer.hpp"
#include "remind/texts.hpp"
#include "remind/wordings.hpp"

namespace overens::remind {

// Where delivery records what it does (the state file, see record.hpp). Each call is durable
// when it returns; a failure throws StateError and ends the delivery.
class DeliveryLog {
public:
    virtual ~DeliveryLog() = default;
    // Before a reminder is sent: what is recorded for it now, this run being the only one
    // sending it until released (another run may have delivered it since it was planned).
    virtual ReminderRecord claim(const Reminder&, const std::string&, const ReminderRecord& planned) {
        return planned;
    }
    virtual void release(const Reminder&, const std::string&) {}
    // The server accepted the recipient; DATA follows.
    virtual void attempting(const Reminder& r, const std::string& address) = 0;
    virtual void outcome(const Reminder& r, const std::string& address, const DeliveryResult& result) = 0;
};

struct DeliveryCounts {
    std::size_t sent = 0, refused = 0, deferred = 0;
    bool stateFailed = false;  // recording failed (reported): the run stopped sending
};

struct SendSettings {
    SmtpSettings smtp;
    std::string fromName;
    Date today;
    std::string formUrl;  // --form-url: the e-mail sends the parties there to revise the document
};

// Updates each recipient's record and changedNow; diagnostics for what was not delivered.
DeliveryCounts deliver(std::vector<Reminder>& reminders, const SendSettings& settings, Wordings& wordings,
                       DeliveryLog& log, const Texts& t, std::ostream& err);

}  // namespace overens::remind
