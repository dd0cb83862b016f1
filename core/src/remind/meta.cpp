#include "remind/meta.hpp"

#include <filesystem>

#include "kinds/document_kind.hpp"
#include "overens/compose.hpp"

namespace overens::remind {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

namespace {

// The header as the shared context the build reads, so that the placeholders of titles and
// wording get the same values as in the documents (compose::contextValues).
Context contextOf(const Header& h, const Date& review) {
    Context ctx;
    ctx.kind = h.kind;
    ctx.lang = h.lang;
    ctx.organisation.type = h.orgType;
    ctx.organisation.name = h.organisation;
    ctx.organisation.board = h.board;
    for (const auto& p : h.people) ctx.parties.push_back({p.role, p.name, p.title, p.email, {}});
    ctx.registration.dnr = h.dnr;
    ctx.registration.body = h.body;
    ctx.registration.adopted = h.adopted;
    ctx.registration.version = h.version;
    ctx.review.every = h.every;
    ctx.review.notifyBefore = h.notifyBefore;
    ctx.review.recurring = h.recurring;
    ctx.nextReview = review;
    return ctx;
}

}  // namespace

doc::Meta metaFor(const Header& h, const std::string& path, const DocumentKind* kind, const Wording& core,
                  const Date& review) {
    doc::Meta m;
    std::map<std::string, std::string> vars = compose::contextValues(contextOf(h, review));
    if (kind) m.title = kindText(kind->title, h.lang, vars);
    if (m.title.empty()) m.title = h.kind;
    m.lang = h.lang;
    m.kind = h.kind;
    m.organisation = h.organisation;
    m.board = h.board;
    m.dnr = h.dnr;
    m.adopted = h.adopted;
    m.version = h.version;
    m.nextReview = review;
    if (h.recurring) m.reviewEvery = h.every;
    m.notifyBefore = h.notifyBefore;
    m.people = h.people;
    m.sourceName = std::filesystem::path(path).filename().string();
    m.sourceSha256 = h.sha256;
    vars["title"] = m.title;
    vars["date"] = longDate(workingDayOnOrBefore(review), h.lang);
    m.reviewSummary = core.format("calendar-summary", vars);
    m.reviewDescription = core.format("calendar-description", vars);
    return m;
}

}  // namespace overens::remind
