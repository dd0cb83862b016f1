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

void planDeliveries(std::vector<Reminder>& reminders, const RecordsByReview& records, Wordings& wordings) {
    for (auto& e : reminders) {
        const Header& h = e.header;
        e.meta = metaFor(h, e.key, e.kind, wordings.core(h.lang), e.review);
        const auto rec = records.find(e.identity + '\n' + e.review.iso());
        std::set<std::string> addresses;
        for (const auto& p : h.people) {
            Recipient r;
            r.person = p;
            r.address = lower(p.email);
            if (!r.address.empty()) {
                if (!addresses.insert(r.address).second) continue;
                if (rec != records.end()) {
                    auto it = rec->second.find(r.address);
                    if (it != rec->second.end()) r.record = it->second;
                }
            }
            e.recipients.push_back(std::move(r));
        }
    }
}

}  // namespace overens::remind
