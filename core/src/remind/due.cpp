#include "remind/due.hpp"

#include <algorithm>

namespace overens::remind {

std::vector<DueDocument> dueDocuments(const std::vector<Document>& documents, const FoundSources& found,
                                      const Date& today, const std::optional<Duration>& within) {
    std::vector<DueDocument> due;
    for (const auto& d : documents) {
        const Duration window = within ? *within : d.notify ? *d.notify : Duration{};
        const auto review = currentReview(d.next, d.every, d.recurring, today, window);
        if (!review) continue;
        // A review on a weekend or a Swedish holiday is held on the working day before, and its
        // reminder is due on a working day too.
        const Date held = workingDayOnOrBefore(*review);
        if (workingDayOnOrBefore(subtractDuration(held, window)) > today) continue;
        DueDocument dd{d, found.pathOf(d.folder, d.name), held, *review, {}};
        if (dd.document.display.empty()) dd.document.display = found.displayOf(d.folder, d.name);
        // A store's document is the same on every machine, wherever its files are cached.
        dd.place = found.folders[d.folder].stored ? dd.document.display : dd.key;
        due.push_back(std::move(dd));
    }
    return due;
}

std::vector<std::string> headersWanted(const std::vector<DueDocument>& due) {
    std::vector<std::string> wanted;
    for (const auto& dd : due)
        if (!dd.document.header) wanted.push_back(dd.key);
    return wanted;
}

void completeHeaders(std::vector<DueDocument>& due, const std::unordered_map<std::string, std::string>& stored,
                     Engine& engine) {
    for (auto& dd : due) {
        if (dd.document.header) continue;
        auto it = stored.find(dd.key);
        if (it != stored.end()) dd.document.header = Header::deserialize(it->second);
        if (!dd.document.header) {  // should not happen: read the source instead
            Prepared p = engine.prepareHeader(dd.key, dd.document.display);
            if (p.status == ReadStatus::Ok && p.kind && !p.diags.hasErrors())
                dd.document.header = Header::fromContext(p.source.context, p.source.sha256);
        }
    }
}

namespace {

void warnSameDocument(const std::vector<Reminder>& reminders, const Texts& t, std::ostream& err) {
    std::map<std::string, const Reminder*> byIdentity;
    for (const auto& r : reminders) {
        auto [it, fresh] = byIdentity.emplace(r.identity + '\n' + r.review.iso(), &r);
        if (!fresh)
            err << r.display << ": warning: [remind.same-document] "
                << t.tr("samma dokument (organisation, dokumentslag och diarienummer) som ",
                        "the same document (organisation, kind and registration number) as ")
                << it->second->display
                << t.tr("; påminnelserna skickas en gång för båda", "; the reminders are sent once for both") << '\n';
    }
}

}  // namespace

std::vector<Reminder> remindersOf(std::vector<DueDocument> due, const std::map<std::string, DocumentKind>& kinds,
                                  const Date& today, const Texts& t, std::ostream& err) {
    std::vector<Reminder> reminders;
    for (auto& dd : due) {
        if (!dd.document.header) continue;
        Reminder r;
        r.display = std::move(dd.document.display);
        r.key = std::move(dd.key);
        r.header = std::move(*dd.document.header);
        auto k = kinds.find(r.header.kind);
        r.kind = k == kinds.end() ? nullptr : &k->second;
        r.review = dd.review;
        r.scheduled = dd.scheduled;
        r.days = dd.review.serial() - today.serial();
        r.identity = identity(r.header, dd.place);
        reminders.push_back(std::move(r));
    }
    warnSameDocument(reminders, t, err);
    std::sort(reminders.begin(), reminders.end(), [](const Reminder& a, const Reminder& b) {
        return a.review != b.review ? a.review < b.review : a.display < b.display;
    });
    return reminders;
}

}  // namespace overens::remind
