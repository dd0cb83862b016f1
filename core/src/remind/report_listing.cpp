#include "remind/report.hpp"

namespace overens::remind {

namespace {

std::string whenText(long long days, const Texts& t) {
    if (days == 0) return t.tr("i dag", "today");
    const std::string n = std::to_string(days < 0 ? -days : days);
    if (days > 0) return t.en ? "in " + n + (days == 1 ? " day" : " days") : "om " + n + (days == 1 ? " dag" : " dagar");
    return t.en ? n + (days == -1 ? " day overdue" : " days overdue") : n + (days == -1 ? " dag försenad" : " dagar försenad");
}

void printSummary(std::size_t due, const ReportContext& c, const Texts& t, std::ostream& out) {
    const RunStats& s = c.stats;
    const std::string searched = std::to_string(s.sources) + (s.sources == 1 ? t.tr(" genomsökt dokument", " document searched")
                                                                              : t.tr(" genomsökta dokument", " documents searched"));
    if (due == 0) {
        out << t.tr("Inga omprövningar att påminna om per ", "No reviews due as of ") << c.today.iso() << " ("
            << searched << ").\n";
        return;
    }
    out << due << (due == 1 ? t.tr(" omprövning att påminna om per ", " review due as of ")
                            : t.tr(" omprövningar att påminna om per ", " reviews due as of "))
        << c.today.iso() << " (" << t.tr("av ", "of ") << searched << ")";
    if (c.send)
        out << t.tr("; skickade nu: ", "; sent now: ") << s.sent << t.tr(", avvisade: ", ", refused: ") << s.refused
            << t.tr(", försöks igen: ", ", to retry: ") << s.deferred;
    out << ".\n";
}

}  // namespace

std::string statusText(const Recipient& r, const Texts& t) {
    if (r.address.empty()) return t.tr("ingen e-postadress", "no e-mail address");
    const ReminderRecord& rec = r.record;
    const std::string detail = rec.response.empty() && rec.code ? std::to_string(rec.code) : rec.response;
    switch (rec.status) {
        case ReminderStatus::Sent:
            if (r.changedNow && r.resent) return t.tr("skickad nu igen (kan bli en dubblett)", "sent again now (may arrive twice)");
            return r.changedNow ? t.tr("skickad nu", "sent now")
                                : std::string(t.tr("skickad ", "sent ")) + stockholmTime(rec.sentAt);
        case ReminderStatus::Refused:
            return std::string(t.tr("avvisad, skickas inte igen: ", "refused, not retried: ")) + detail;
        case ReminderStatus::Deferred:
            return std::string(t.tr("ej levererad, försöks igen nästa körning: ",
                                    "not delivered, retried on the next run: ")) + detail;
        case ReminderStatus::Attempting:
            return t.tr("avbrutet försök, skickas igen (kan bli en dubblett)",
                        "interrupted attempt, sent again (may arrive twice)");
        case ReminderStatus::None: break;
    }
    return t.tr("väntar", "pending");
}

std::string statusKey(const Recipient& r) {
    if (r.address.empty()) return "no-email";
    return statusName(r.record.status);
}

void printListing(const std::vector<Reminder>& reminders, const ReportContext& c, const Texts& t, std::ostream& out) {
    for (const auto& e : reminders) {
        out << e.review.iso() << "  " << whenText(e.days, t) << "  " << e.meta.title << " – " << e.meta.organisation
            << (e.meta.dnr.empty() ? "" : ", " + e.meta.dnr) << '\n';
        if (e.scheduled != e.review)
            out << "    " << t.tr("flyttad till arbetsdagen före ", "moved to the working day before ") << e.scheduled.iso()
                << '\n';
        out << "    " << t.tr("källa: ", "source: ") << e.display << '\n';
        for (const auto& r : e.recipients) {
            std::string who = r.person.name + (r.person.email.empty() ? "" : " <" + r.person.email + ">");
            if (!r.person.title.empty()) who += ", " + r.person.title;
            out << "    " << who << ": " << statusText(r, t) << '\n';
        }
    }
    printSummary(reminders.size(), c, t, out);
}

}  // namespace overens::remind
