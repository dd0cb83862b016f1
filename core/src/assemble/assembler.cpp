// Engine::assemble: lays out a whole document of a kind around the sections' own blocks.
#include <exception>

#include "engine/engine.hpp"
#include "overens/compose.hpp"
#include "overens/version.hpp"
#include "templates/template_store.hpp"

namespace overens {

namespace {

using namespace doc;

std::string adoptionText(const Context& ctx, const Wording& w) {
    const Registration& r = ctx.registration;
    if (!r.adopted) return w.get("not-adopted");
    return w.format(r.minutes.empty() ? "adopted-by" : "adopted-by-minutes",
                    {{"body", r.body.empty() ? ctx.organisation.board : r.body},
                     {"date", longDate(*r.adopted, ctx.lang)},
                     {"minutes", r.minutes}});
}

TitleBlock titleBlock(const Context& ctx, const DocumentKind& kind, const Wording& w,
                      const std::map<std::string, std::string>& vars) {
    TitleBlock t;
    t.organisation = ctx.organisation.name;
    t.title = kindText(kind.title, ctx.lang, vars);
    t.subtitle = kindText(kind.subtitle, ctx.lang, vars);
    const Registration& r = ctx.registration;
    if (!r.dnr.empty()) t.facts.emplace_back(w.get("label-dnr"), r.dnr);
    t.facts.emplace_back(w.get("label-adopted"), adoptionText(ctx, w));
    if (!r.version.empty()) t.facts.emplace_back(w.get("label-version"), r.version);
    if (ctx.nextReview) t.facts.emplace_back(w.get("label-next-review"), longDate(*ctx.nextReview, ctx.lang));
    return t;
}

void reviewSection(Blocks& out, const Context& ctx, const Wording& w) {
    out.push_back(Heading{1, runs(w.get("review-heading"))});
    const ReviewPolicy& r = ctx.review;
    std::map<std::string, std::string> vars{
        {"interval", r.every ? describeDuration(*r.every, ctx.lang) : ""},
        {"date", ctx.nextReview ? longDate(*ctx.nextReview, ctx.lang) : ""},
        {"notify", r.notifyBefore ? describeDuration(*r.notifyBefore, ctx.lang) : ""}};
    out.push_back(Paragraph{runs(w.format(ctx.nextReview ? "review-text" : "review-text-undated", vars))});
    if (r.notifyBefore && ctx.nextReview) out.push_back(Paragraph{runs(w.format("review-reminder", vars))});
}

void closing(Blocks& out, const Context& ctx, const DocumentKind& kind, const Wording& w) {
    if (kind.adoptedByBoard) {
        out.push_back(Paragraph{runs(adoptionText(ctx, w))});
        return;
    }
    SignatureBlock s;
    s.intro = runs(w.format("signature-intro", {{"organisation", ctx.organisation.name}}));
    for (const auto& role : kind.signatories)
        if (const Party* p = ctx.party(role)) s.signatories.push_back({p->name, p->title});
    out.push_back(std::move(s));
}

void revisionHistory(Blocks& out, const Context& ctx, const Wording& w) {
    if (ctx.history.empty()) return;
    out.push_back(Heading{1, runs(w.get("history-heading")), false});
    Table t;
    t.weights = {1, 1.5, 4, 2};
    t.header.push_back({runs(w.get("history-version")), runs(w.get("history-date")), runs(w.get("history-note")),
                        runs(w.get("history-author"))});
    for (const auto& rev : ctx.history)
        t.rows.push_back({runs(rev.version), runs(rev.date ? rev.date->iso() : ""), runs(rev.note), runs(rev.author)});
    out.push_back(std::move(t));
}

}  // namespace

doc::Document Engine::assemble(const Prepared& p, Diagnostics& diags) const {
    const Context& ctx = p.source.context;
    const DocumentKind& kind = *p.kind;
    const Wording& core = wording(ctx.lang, "core", diags);
    const auto vars = compose::contextValues(ctx);

    doc::Document d;
    Meta& m = d.meta;
    TitleBlock title = titleBlock(ctx, kind, core, vars);
    m.title = title.title;
    m.subject = title.subtitle;
    m.lang = ctx.lang;
    m.kind = kind.id;
    m.organisation = ctx.organisation.name;
    m.board = ctx.organisation.board;
    m.dnr = ctx.registration.dnr;
    m.adopted = ctx.registration.adopted;
    m.version = ctx.registration.version;
    m.nextReview = ctx.nextReview;
    if (ctx.review.recurring) m.reviewEvery = ctx.review.every;
    m.notifyBefore = ctx.review.notifyBefore;
    for (const auto& party : ctx.parties) m.people.push_back({party.role, party.name, party.title, party.email});
    m.sourceName = std::filesystem::path(p.source.displayName).filename().string();
    m.sourceSha256 = p.source.sha256;
    m.templateVersion = templatesVersion(templatesDir_);
    m.generator = std::string("Överens ") + kVersion;
    m.headerText = ctx.organisation.name + (ctx.registration.dnr.empty() ? "" : " · " + ctx.registration.dnr);
    m.pageLabel = core.get("page-label");
    std::map<std::string, std::string> reviewVars = vars;
    reviewVars["title"] = m.title;
    reviewVars["date"] = m.nextReview ? longDate(*m.nextReview, ctx.lang) : "";
    m.reviewSummary = core.format("calendar-summary", reviewVars);
    m.reviewDescription = core.format("calendar-description", reviewVars);
    m.keywords = {title.title, ctx.organisation.name, ctx.organisation.board};
    if (!m.dnr.empty()) m.keywords.push_back(m.dnr);

    Blocks& out = d.blocks;
    out.push_back(std::move(title));
    if (static_cast<int>(kind.sections.size()) >= kind.tocMinSections)
        out.push_back(TableOfContents{core.get("toc-title")});

    for (const auto& ks : kind.sections) {
        const SectionSource* sec = nullptr;
        for (const auto& s : p.source.sections)
            if (s.id == ks.id) sec = &s;
        const LoadedPlugin* plugin = loader_.find(ks.id);
        if (!sec || !plugin) continue;
        const Wording& w = wording(ctx.lang, ks.id, diags);
        const std::string heading =
            w.has("title") ? w.get("title") : ctx.tr(plugin->info.title_sv, plugin->info.title_en);
        out.push_back(Heading{1, runs(heading)});
        try {
            Blocks body = plugin->plugin->render(sec->values, ctx, w);
            for (auto& b : body) out.push_back(std::move(b));
            for (auto& e : plugin->plugin->calendarEntries(sec->values, ctx, w)) {  // SDK 2 (calendar)
                e.section = ks.id;
                m.calendar.push_back(std::move(e));
            }
        } catch (const std::exception& e) {
            diags.error("plugin.threw", sec->values.where,
                        "pluginet '" + ks.id + "' kastade ett undantag i render: " + e.what(),
                        "the plugin '" + ks.id + "' threw an exception in render: " + e.what());
        }
        for (const auto& [key, n] : w.missing())
            diags.warning("template.missing-key", Location{w.origin()},
                          "standardtexten '" + key + "' saknas i mallen", "the wording '" + key + "' is missing in the template");
    }
    reviewSection(out, ctx, core);
    closing(out, ctx, kind, core);
    revisionHistory(out, ctx, core);
    for (const auto& [key, n] : core.missing())
        diags.warning("template.missing-key", Location{core.origin()}, "standardtexten '" + key + "' saknas i mallen",
                      "the wording '" + key + "' is missing in the template");
    return d;
}

}  // namespace overens
