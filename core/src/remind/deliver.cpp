#include "remind/deliver.hpp"

#include <map>

#include "remind/message.hpp"
#include "writers/ics/ics_writer.hpp"

namespace overens::remind {

namespace {

class Courier {
public:
    Courier(const SendSettings& s, Wordings& w, DeliveryLog& log, const Texts& t, std::ostream& err)
        : s_(s), wordings_(w), log_(log), t_(t), err_(err), mailer_(s.smtp), from_{s.smtp.from, s.fromName, s.formUrl} {}

    void reminder(Reminder& e) {
        const Wording& words = wordings_.remind(e.meta.lang);
        Diagnostics icsDiags;
        const std::string ics = ics::calendar(e.meta, icsDiags);
        for (auto& r : e.recipients) {
            if (r.address.empty()) continue;
            if (r.record.status == ReminderStatus::Sent || r.record.status == ReminderStatus::Refused) continue;
            const std::string review = e.review.iso();
            // Two sources with the same identity (a copy of a document) share their reminders:
            // what one of them sent in this run is not sent again for the other.
            const std::string handledKey = e.identity + '\n' + review + '\n' + r.address;
            if (auto h = handled_.find(handledKey); h != handled_.end()) {
                r.record = h->second;
                continue;
            }
            r.record = log_.claim(e, r.address, r.record);
            if (r.record.status == ReminderStatus::Sent || r.record.status == ReminderStatus::Refused) {
                log_.release(e, r.address);  // another run has just delivered it
                continue;
            }
            r.resent = r.record.status == ReminderStatus::Attempting;
            const std::string message = composeMessage(e.meta, r.person, s_.today, words, from_, ics,
                                                       messageId(e.identity, review, r.address), r.resent);
            const DeliveryResult result =
                mailer_.send(r.person.email, message, [&] { log_.attempting(e, r.address); });
            r.changedNow = true;
            log_.outcome(e, r.address, result);
            log_.release(e, r.address);
            count(r, result);
            handled_[handledKey] = r.record;
            if (result.outcome != Delivery::Delivered) warn(e, r, result);
        }
    }

    void quit() { mailer_.quit(); }
    DeliveryCounts counts;

private:
    void count(Recipient& r, const DeliveryResult& result) {
        switch (result.outcome) {
            case Delivery::Delivered: r.record.status = ReminderStatus::Sent; ++counts.sent; break;
            case Delivery::Refused: r.record.status = ReminderStatus::Refused; ++counts.refused; break;
            case Delivery::Deferred: r.record.status = ReminderStatus::Deferred; ++counts.deferred; break;
            case Delivery::Unacknowledged: r.record.status = ReminderStatus::Attempting; ++counts.deferred; break;
        }
        r.record.code = result.code;
        r.record.response = result.response;
    }

    void warn(const Reminder& e, const Recipient& r, const DeliveryResult& result) {
        if (result.outcome == Delivery::Unacknowledged) {
            err_ << e.display << ": warning: [remind.unacknowledged] " << r.person.email << ": "
                 << t_.tr("meddelandet skickades men servern svarade inte; det skickas igen nästa körning "
                          "med samma Message-ID (kan bli en dubblett): ",
                          "the message was sent but the server did not answer; it is sent again on the next run "
                          "with the same Message-ID (may arrive twice): ")
                 << result.response << '\n';
            return;
        }
        const bool refused = result.outcome == Delivery::Refused;
        err_ << e.display << ": " << (refused ? "error" : "warning") << ": ["
             << (refused ? "remind.refused" : "remind.deferred") << "] " << r.person.email << ": "
             << (refused ? t_.tr("mottagaren avvisades permanent: ", "the recipient was refused permanently: ")
                         : t_.tr("inte levererat, försöks igen nästa körning: ", "not delivered, retried on the next run: "))
             << result.response << '\n';
    }

    const SendSettings& s_;
    Wordings& wordings_;
    DeliveryLog& log_;
    const Texts& t_;
    std::ostream& err_;
    Mailer mailer_;
    const MailParts from_;
    std::map<std::string, ReminderRecord> handled_;
};

}  // namespace

DeliveryCounts deliver(std::vector<Reminder>& reminders, const SendSettings& settings, Wordings& wordings,
                       DeliveryLog& log, const Texts& t, std::ostream& err) {
    Courier d(settings, wordings, log, t, err);
    try {
        for (auto& e : reminders) d.reminder(e);
    } catch (const StateError& ex) {
        err << "overens remind: " << ex.what() << '\n';
        d.counts.stateFailed = true;
    }
    d.quit();
    return d.counts;
}

}  // namespace overens::remind
