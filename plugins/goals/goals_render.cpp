#include <algorithm>
#include <string>
#include <vector>

#include "goals_plugin.hpp"
#include "overens/compose.hpp"

namespace overens::goals {

namespace {

std::string dateText(const Record& r, const std::string& name, const std::string& lang) {
    const auto d = r.date(name);
    return d ? longDate(*d, lang) : r.text(name);
}

void renderGoal(doc::Blocks& out, const Record& goal, const Context& ctx, const Wording& w) {
    out.push_back(doc::Heading{3, {doc::value(goal.text("title"), goal.whereOf("title"))}});

    doc::Runs status;
    if (const Value* p = goal.get("priority"); p && !p->text.empty())
        status = compose::formatInline(w, "priority", {{"priority", p->text}});
    if (goal.flag("focus")) {
        if (!status.empty()) status.push_back(doc::plain(" · "));
        for (auto r : compose::formatInline(w, "focus")) {
            r.strong = true;
            status.push_back(std::move(r));
        }
    }
    if (!status.empty()) out.push_back(doc::Paragraph{std::move(status), doc::ParagraphStyle::Small});

    if (goal.has("why")) compose::addLabelled(out, w.get("why-label"), goal.text("why"), goal.whereOf("why"));

    const auto& activities = goal.list("activity");
    if (!activities.empty()) {
        compose::addWording(out, w, "activities-label");
        doc::List list;
        for (const auto& a : activities) list.items.push_back({{doc::value(a.text, a.where)}, {}});
        out.push_back(std::move(list));
    }

    const auto& measures = goal.rows("measure");
    if (!measures.empty()) {
        doc::Table t;
        t.weights = {3, 2, 2, 2, 2};
        t.header.push_back({doc::runs(w.get("col-indicator")), doc::runs(w.get("col-baseline")),
                            doc::runs(w.get("col-target")), doc::runs(w.get("col-due")),
                            doc::runs(w.get("col-follow-up"))});
        for (const auto& m : measures)
            t.rows.push_back({{doc::value(m.text("indicator"), m.whereOf("indicator"))},
                              compose::answerInline(m.text("baseline"), m.whereOf("baseline")),
                              {doc::value(m.text("target"), m.whereOf("target"))},
                              compose::answerInline(dateText(m, "due", ctx.lang)),
                              compose::answerInline(dateText(m, "follow-up", ctx.lang))});
        out.push_back(std::move(t));
    }

    const std::string reporter = goal.text("reporter"), to = goal.text("report-to");
    if (!reporter.empty() && !to.empty())
        compose::addWording(out, w, "reports", {{"reporter", reporter}, {"report-to", to}});
    else if (!reporter.empty())
        compose::addWording(out, w, "reports-by", {{"reporter", reporter}});
    else if (!to.empty())
        compose::addWording(out, w, "reports-to", {{"report-to", to}});
}

}  // namespace

doc::Blocks GoalsPlugin::render(const Record& values, const Context& ctx, const Wording& w) const {
    doc::Blocks out;
    auto vars = compose::contextValues(ctx);
    vars["year"] = values.text("year");
    vars["period"] = values.text("period");

    compose::addWording(out, w, "intro", vars, doc::ParagraphStyle::Lead);
    if (values.has("intro")) compose::addAnswer(out, values.text("intro"), values.whereOf("intro"));

    for (const char* horizon : kHorizons) {
        std::vector<const Record*> goals;
        for (const auto& g : values.rows("goal"))
            if (g.text("horizon") == horizon) goals.push_back(&g);
        if (goals.empty()) continue;
        // By priority; goals without one keep their order after the ranked ones.
        std::stable_sort(goals.begin(), goals.end(), [](const Record* a, const Record* b) {
            const Value* pa = a->get("priority");
            const Value* pb = b->get("priority");
            const long long ka = pa && !pa->text.empty() ? pa->integer : (1LL << 40);
            const long long kb = pb && !pb->text.empty() ? pb->integer : (1LL << 40);
            return ka < kb;
        });

        const std::string h = horizon;
        std::string headingKey = "heading-" + h;
        if (h == "year" && !values.has("year")) headingKey = "heading-year-plain";
        if (h == "mandate" && !values.has("period")) headingKey = "heading-mandate-plain";
        out.push_back(doc::Heading{2, compose::formatInline(w, headingKey, vars)});
        compose::addWording(out, w, "intro-" + h, vars);
        for (const Record* g : goals) renderGoal(out, *g, ctx, w);
    }

    compose::addWording(out, w, ctx.nextReview ? "closing" : "closing-undated", vars);
    return out;
}

}  // namespace overens::goals
