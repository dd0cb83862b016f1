#include <string>

#include "co_leadership_plugin.hpp"
#include "overens/compose.hpp"

namespace overens::coleadership {

namespace {

// "varje vecka" / "every week" from the template when it has a phrase for the interval,
// else the generic phrase with the interval in words.
std::string frequency(const Value* every, const Context& ctx, const Wording& w) {
    if (!every || !every->duration || every->duration->zero()) return w.get("not-recurring");
    const std::string key = "freq-" + every->duration->iso();
    if (w.has(key)) return w.get(key);
    return w.format("freq-other", {{"interval", describeDuration(*every->duration, ctx.lang)}});
}

std::string decider(const std::string& role, const Wording& w) {
    const std::string key = "decider-" + role;
    return isUrgentDecider(role) ? w.get(key) : role;
}

void story(doc::Blocks& out, const Record& s, const Wording& w, const std::map<std::string, std::string>& vars) {
    out.push_back(doc::Heading{2, compose::formatInline(w, "story-heading", vars)});
    compose::addWording(out, w, "story-intro", vars);
    for (const char* part : {"vision", "goals", "activities", "message"})
        if (s.has(part)) compose::addLabelled(out, w.get(std::string("story-") + part), s.text(part), s.whereOf(part));
}

void meetings(doc::Blocks& out, const std::vector<Record>& rows, const Context& ctx, const Wording& w,
              const std::map<std::string, std::string>& vars) {
    out.push_back(doc::Heading{2, compose::formatInline(w, "meetings-heading", vars)});
    compose::addWording(out, w, "meetings-intro", vars);
    doc::Table t;
    t.weights = {3, 2, 2.5, 3, 2.5};
    t.header.push_back({doc::runs(w.get("col-meeting")), doc::runs(w.get("col-often")), doc::runs(w.get("col-when")),
                        doc::runs(w.get("col-participants")), doc::runs(w.get("col-prepares"))});
    doc::List purposes;
    for (const auto& m : rows) {
        // When and for how long, in one cell: "måndagar 8.00 (1 timme)".
        const auto length = m.duration("length");
        const std::string lengthText = length ? describeDuration(*length, ctx.lang) : std::string();
        doc::Runs when;
        if (m.has("when") && length)
            when = compose::formatInline(w, "when-length", {{"when", m.text("when")}, {"length", lengthText}});
        else if (length)
            when = compose::formatInline(w, "length-only", {{"length", lengthText}});
        else
            when = compose::answerInline(m.text("when"), m.whereOf("when"));
        t.rows.push_back({{doc::value(m.text("name"), m.whereOf("name"))},
                          {doc::plain(frequency(m.get("every"), ctx, w))},
                          std::move(when),
                          compose::answerInline(m.text("participants"), m.whereOf("participants")),
                          compose::answerInline(m.text("prepares"), m.whereOf("prepares"))});
        if (m.has("purpose")) {
            doc::ListItem item;
            item.runs.push_back(doc::strong(m.text("name") + ":"));
            item.runs.push_back(doc::plain(" "));
            for (auto& r : compose::answerInline(m.text("purpose"), m.whereOf("purpose"))) item.runs.push_back(r);
            purposes.items.push_back(std::move(item));
        }
    }
    out.push_back(std::move(t));
    if (!purposes.items.empty()) {
        compose::addWording(out, w, "purposes-label", vars);
        out.push_back(std::move(purposes));
    }
}

void preparation(doc::Blocks& out, const Record& p, const Context& ctx, const Wording& w,
                 const std::map<std::string, std::string>& vars) {
    out.push_back(doc::Heading{2, compose::formatInline(w, "preparation-heading", vars)});
    compose::addWording(out, w, "preparation-intro", vars);
    if (p.has("description")) compose::addAnswer(out, p.text("description"), p.whereOf("description"));
    const auto& steps = p.list("step");
    if (!steps.empty()) {
        compose::addWording(out, w, "steps-label", vars);
        doc::List list;
        list.ordered = true;
        for (const auto& s : steps) list.items.push_back({{doc::value(s.text, s.where)}, {}});
        out.push_back(std::move(list));
    }
    if (const auto d = p.duration("papers-before"))
        compose::addWording(out, w, "papers-before", {{"time", describeDuration(*d, ctx.lang)}});
}

void urgentMatters(doc::Blocks& out, const Record* u, const Wording& w, std::map<std::string, std::string> vars) {
    out.push_back(doc::Heading{2, compose::formatInline(w, "urgent-heading", vars)});
    const std::string role = u ? u->text("decided-by", "chair") : "chair";
    vars["decider"] = decider(role, w);
    compose::addWording(out, w, "urgent-law", vars);
    if (!u) return;
    if (u->has("substitute")) {
        vars["substitute"] = decider(u->text("substitute"), w);
        compose::addWording(out, w, "urgent-substitute", vars);
    }
    if (u->has("consult")) {
        vars["consult"] = u->text("consult");
        compose::addWording(out, w, "urgent-consult", vars);
    }
    if (u->has("routine")) compose::addLabelled(out, w.get("routine-label"), u->text("routine"), u->whereOf("routine"));
    if (u->has("improvisation")) {
        out.push_back(doc::Heading{3, compose::formatInline(w, "improvisation-heading", vars)});
        compose::addWording(out, w, "improvisation-intro", vars);
        compose::addAnswer(out, u->text("improvisation"), u->whereOf("improvisation"));
    }
}

void goldenZone(doc::Blocks& out, const Record& g, const Wording& w, const std::map<std::string, std::string>& vars) {
    out.push_back(doc::Heading{2, compose::formatInline(w, "golden-heading", vars)});
    compose::addWording(out, w, "golden-intro", vars);
    if (g.has("approach")) compose::addAnswer(out, g.text("approach"), g.whereOf("approach"));
    const auto& questions = g.rows("question");
    if (questions.empty()) return;
    doc::Table t;
    t.weights = {3, 4, 2};
    t.header.push_back(
        {doc::runs(w.get("col-question")), doc::runs(w.get("col-handling")), doc::runs(w.get("col-forum"))});
    for (const auto& q : questions)
        t.rows.push_back({{doc::value(q.text("text"), q.whereOf("text"))},
                          compose::answerInline(q.text("handling"), q.whereOf("handling")),
                          compose::answerInline(q.text("forum"), q.whereOf("forum"))});
    out.push_back(std::move(t));
}

}  // namespace

doc::Blocks CoLeadershipPlugin::render(const Record& values, const Context& ctx, const Wording& w) const {
    doc::Blocks out;
    auto vars = compose::contextValues(ctx);

    compose::addWording(out, w, "intro", vars, doc::ParagraphStyle::Lead);
    if (values.has("intro")) compose::addAnswer(out, values.text("intro"), values.whereOf("intro"));
    if (const Record* s = values.group("story")) story(out, *s, w, vars);
    if (!values.rows("meeting").empty()) meetings(out, values.rows("meeting"), ctx, w, vars);
    if (const Record* p = values.group("case-preparation")) preparation(out, *p, ctx, w, vars);
    urgentMatters(out, values.group("urgent"), w, vars);
    if (const Record* g = values.group("golden-zone")) goldenZone(out, *g, w, vars);
    return out;
}

}  // namespace overens::coleadership
