#include "remind/plan.hpp"

#include <algorithm>
#include <set>

#include "remind/meta.hpp"

namespace overens::remind {

Date earliestReview(const std::vector<Reminder>& reminders) {
    Date earliest = reminders.front().review;
    for (const auto& r : reminders) earliest = std::min(earliest, r.review);
    return earliest;
}

namespace {

ReminderRecord recordOf(const RecordsByReview::const_iterator& rec, const RecordsByReview& records,
                        const std::string& address) {
    if (rec == records.end()) return {};
    auto it = rec->second.find(address);
    return it == rec->second.end() ? ReminderRecord{} : it->second;
}

// Nobody forgotten: a due document that no party can be e-mailed about is said, with the fix.
bool noRecipient(Reminder& e, const RecordsByReview::const_iterator& rec, const RecordsByReview& records,
                 const std::string& fallback, const Texts& t, std::ostream& err) {
    err << e.display << ": warning: [remind.no-recipient] "
        << t.tr("ingen part i dokumentet har en e-postadress, så ingen påminns om omprövningen; lägg till "
                "email=\"...\" på <party> i källan",
                "no party of the document has an e-mail address, so nobody is reminded of the review; add "
                "email=\"...\" to a <party> in the source");
    if (fallback.empty()) {
        err << t.tr(", eller ange en standardmottagare (--default-recipient eller remind.default-recipient)",
                    ", or give a default recipient (--default-recipient or remind.default-recipient)")
            << '\n';
        return true;
    }
    err << t.tr("; påminnelsen går till standardmottagaren ", "; the reminder goes to the default recipient ")
        << fallback << '\n';
    Recipient r;
    r.person = {"registry", "", "", fallback};
    r.address = lower(fallback);
    r.record = recordOf(rec, records, r.address);
    e.recipients.push_back(std::move(r));
    return false;
}

}  // namespace

std::size_t planDeliveries(std::vector<Reminder>& reminders, const RecordsByReview& records, Wordings& wordings,
                           const std::string& defaultRecipient, const Texts& t, std::ostream& err) {
    std::size_t nobody = 0;
    for (auto& e : reminders) {
        const Header& h = e.header;
        e.meta = metaFor(h, e.key, e.kind, wordings.core(h.lang), e.scheduled);
        const auto rec = records.find(e.identity + '\n' + e.review.iso());
        std::set<std::string> addresses;
        for (const auto& p : h.people) {
            Recipient r;
            r.person = p;
            r.address = lower(p.email);
            if (!r.address.empty()) {
                if (!addresses.insert(r.address).second) continue;
                r.record = recordOf(rec, records, r.address);
            }
            e.recipients.push_back(std::move(r));
        }
        if (addresses.empty() && noRecipient(e, rec, records, defaultRecipient, t, err)) ++nobody;
    }
    return nobody;
}

}  // namespace overens::remind
