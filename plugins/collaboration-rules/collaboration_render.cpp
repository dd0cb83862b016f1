#include <string>
#include <vector>

#include "collaboration_plugin.hpp"
#include "overens/compose.hpp"

namespace overens::collaboration {

namespace {

using Vars = std::map<std::string, std::string>;

void behaviour(doc::Blocks& out, const Record& b, const Wording& w, const Vars& vars) {
    const std::string kind = b.text("kind");
    doc::Paragraph name{kind == "other" ? doc::Runs{doc::value(b.text("name"), b.whereOf("name"))}
                                        : compose::formatInline(w, "behaviour-" + kind, vars)};
    for (auto& r : name.runs) r.strong = true;
    out.push_back(std::move(name));

    if (b.has("meaning"))
        compose::addAnswer(out, b.text("meaning"), b.whereOf("meaning"));
    else if (kind != "other")
        compose::addWording(out, w, "meaning-" + kind, vars);

    doc::List list;
    for (const auto& c : b.list("commitment"))
        if (!c.text.empty()) list.items.push_back({{doc::value(c.text, c.where)}, {}});
    if (!list.items.empty()) {
        compose::addWording(out, w, "commitments-label", vars);
        out.push_back(std::move(list));
    }
}

void followUp(doc::Blocks& out, const Record& f, const Context& ctx, const Wording& w, Vars vars) {
    out.push_back(doc::Heading{2, compose::formatInline(w, "follow-up-heading", vars)});
    if (const auto every = f.duration("every")) {
        vars["interval"] = describeDuration(*every, ctx.lang);
        compose::addWording(out, w, "follow-up-every", vars);
    }
    if (const auto first = f.date("first")) {
        vars["first"] = longDate(*first, ctx.lang);
        compose::addWording(out, w, "follow-up-first", vars);
    }
    if (f.has("responsible")) {
        vars["responsible"] = f.text("responsible");
        compose::addWording(out, w, "follow-up-responsible", vars);
    }
    if (f.has("form")) compose::addAnswer(out, f.text("form"), f.whereOf("form"));
    compose::addWording(out, w, ctx.nextReview ? "follow-up-review" : "follow-up-review-undated", vars);
}

}  // namespace

doc::Blocks CollaborationRulesPlugin::render(const Record& values, const Context& ctx, const Wording& w) const {
    doc::Blocks out;
    auto vars = compose::contextValues(ctx);

    compose::addWording(out, w, "intro", vars, doc::ParagraphStyle::Lead);
    if (values.has("intro")) compose::addAnswer(out, values.text("intro"), values.whereOf("intro"));

    out.push_back(doc::Heading{2, compose::formatInline(w, "behaviours-heading", vars)});
    compose::addWording(out, w, "behaviours-intro", vars);
    // In the standard order; the behaviours of your own last, as written.
    for (const char* kind : kBehaviours)
        for (const auto& b : values.rows("behaviour"))
            if (b.text("kind") == kind) behaviour(out, b, w, vars);

    if (values.has("information")) {
        out.push_back(doc::Heading{2, compose::formatInline(w, "information-heading", vars)});
        compose::addWording(out, w, "information-intro", vars);
        compose::addAnswer(out, values.text("information"), values.whereOf("information"));
    }

    out.push_back(doc::Heading{2, compose::formatInline(w, "disagreement-heading", vars)});
    if (values.has("disagreement")) compose::addAnswer(out, values.text("disagreement"), values.whereOf("disagreement"));
    compose::addWording(out, w, "last-word", vars);

    if (const Record* c = values.group("conversation")) {
        out.push_back(doc::Heading{2, compose::formatInline(w, "conversation-heading", vars)});
        compose::addWording(out, w, "conversation-intro", vars);
        for (const char* q : kQuestions) {
            if (!c->has(q)) continue;
            doc::Paragraph question{compose::formatInline(w, std::string("question-") + q, vars)};
            for (auto& r : question.runs) r.strong = true;
            out.push_back(std::move(question));
            compose::addAnswer(out, c->text(q), c->whereOf(q));
        }
    }

    if (const Record* f = values.group("follow-up")) followUp(out, *f, ctx, w, vars);
    return out;
}

}  // namespace overens::collaboration
