#include <string>
#include <vector>

#include "division_plugin.hpp"
#include "overens/compose.hpp"

namespace overens::division {

namespace {

void addPart(doc::List& list, const Wording& w, const std::string& labelKey, const Record& r, const std::string& name) {
    const std::string answer = r.text(name);
    if (answer.empty()) return;
    doc::ListItem item;
    item.runs.push_back(doc::strong(w.get(labelKey)));
    item.runs.push_back(doc::plain(" "));
    for (auto& r : compose::answerInline(answer, r.whereOf(name))) item.runs.push_back(r);
    list.items.push_back(std::move(item));
}

}  // namespace

doc::Blocks DivisionOfWorkPlugin::render(const Record& values, const Context& ctx, const Wording& w) const {
    doc::Blocks out;
    auto vars = compose::contextValues(ctx);
    compose::addWording(out, w, "intro", vars, doc::ParagraphStyle::Lead);
    if (values.has("intro")) compose::addAnswer(out, values.text("intro"), values.whereOf("intro"));

    const auto& areas = values.rows("area");
    if (areas.empty()) return out;

    // At a glance: every area, its owner, its contact and its forum.
    doc::Table overview;
    overview.weights = {4, 3, 3, 3};
    overview.header.push_back({doc::runs(w.get("col-area")), doc::runs(w.get("col-owner")),
                               doc::runs(w.get("col-contact")), doc::runs(w.get("col-forum"))});
    for (const auto& a : areas) {
        const std::string owner = a.text("owner");
        overview.rows.push_back({{doc::value(a.text("name"), a.whereOf("name"))},
                                 owner.empty() ? doc::Runs{} : doc::runs(w.get("owner-" + owner)),
                                 compose::answerInline(a.text("contact"), a.whereOf("contact")),
                                 compose::answerInline(a.text("forum"), a.whereOf("forum"))});
    }
    compose::addWording(out, w, "overview-label", vars);
    out.push_back(std::move(overview));

    // Then the areas in detail, grouped by owner (contact and forum are in the overview).
    for (const char* owner : kOwners) {
        std::vector<const Record*> group;
        for (const auto& a : areas)
            if (a.text("owner") == owner) group.push_back(&a);
        if (group.empty()) continue;
        const std::string o = owner;
        out.push_back(doc::Heading{2, compose::formatInline(w, "heading-" + o, vars)});
        compose::addWording(out, w, "intro-" + o, vars);
        for (const Record* a : group) {
            out.push_back(doc::Paragraph{{doc::strong(a->text("name"))}});
            doc::List parts;
            addPart(parts, w, "label-politics", *a, "politics");
            addPart(parts, w, "label-administration", *a, "administration");
            if (!parts.items.empty()) out.push_back(std::move(parts));
        }
    }
    return out;
}

}  // namespace overens::division
