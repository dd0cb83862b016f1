// What the pages share: the error summary, the document's title, the draft's navigation and
// the way posted answers reach the draft.
#include "overens/compose.hpp"
#include "web/app.hpp"
#include "web/html.hpp"
#include "web/row_ops.hpp"

namespace overens::web {

bool WebApp::showsMessages(const Draft& draft, int step) {
    return !draft.isNew || draft.submitted.count(step) || draft.submitted.count(-1);
}

std::string WebApp::errorSummary(const PageContext& pc, const Checked& checked, const std::vector<FormStep>& steps,
                                 const Draft& draft, int step, const std::set<std::string>& idsOnPage,
                                 bool onlyShown) const {
    std::string list;
    std::size_t errors = 0, warnings = 0;
    for (const auto& [path, d] : checked.items) {
        const int itsStep = path.empty() ? step : stepOfPath(steps, path);
        if (onlyShown && !(path.empty() ? (!draft.isNew || !draft.submitted.empty()) : showsMessages(draft, itsStep)))
            continue;
        const bool error = d->severity == Severity::Error;
        (error ? errors : warnings) += 1;
        // The nearest element on this page that holds the answer, else the step that asks it.
        std::string href;
        for (std::string p = path; !p.empty(); p = parentPath(p))
            if (idsOnPage.count(fieldId(p))) {
                href = "#" + fieldId(p);
                break;
            }
        if (href.empty() && itsStep >= 0 && !path.empty())
            href = "/d/" + draft.id + "/step/" + std::to_string(itsStep) + "#" + fieldId(path);
        const std::string text = "<span class=\"severity\">" +
                                 esc(pc.ui.get(error ? "error-prefix" : "warning-prefix")) + "</span> " +
                                 esc(d->message(pc.lang));
        list += "<li class=\"" + std::string(error ? "summary-error" : "summary-warning") + "\">" +
                (href.empty() ? text : "<a href=\"" + esc(href) + "\">" + text + "</a>") + "</li>";
    }
    if (list.empty()) return {};
    const std::string title = pc.ui.format(errors ? "summary-title-errors" : "summary-title-warnings",
                                           {{"errors", std::to_string(errors)}, {"warnings", std::to_string(warnings)}});
    return "<div class=\"error-summary" + std::string(errors ? "" : " error-summary--warnings") +
           "\" id=\"error-summary\" tabindex=\"-1\" autofocus aria-labelledby=\"error-summary-title\">"
           "<h2 class=\"error-summary__title\" id=\"error-summary-title\">" +
           esc(title) + "</h2><ul class=\"error-summary__list\">" + list + "</ul></div>";
}

std::string WebApp::documentTitle(const std::string& lang, const Context& ctx) const {
    auto kind = engine_.kinds().find(ctx.kind);
    if (kind == engine_.kinds().end()) return ctx.kind;
    Context c = ctx;
    resolveLanguage(c, lang);
    const std::string title = kindText(kind->second.title, lang, compose::contextValues(c));
    return title.empty() ? ctx.kind : title;
}

const DocumentKind* WebApp::kindOf(const Draft& draft) const {
    Diagnostics ignored;
    ReadOptions headerOnly;
    headerOnly.headerOnly = true;
    const Source s = readSourceText(draft.xml, draft.file, engine_.schemas(), ignored, headerOnly);
    auto it = engine_.kinds().find(s.context.kind);
    return it == engine_.kinds().end() ? nullptr : &it->second;
}

std::string WebApp::draftNav(const PageContext& pc, const Draft& draft, const std::string& current) const {
    const std::string base = "/d/" + draft.id + "/";
    std::string out = "<nav class=\"draft-nav\" aria-label=\"" + esc(pc.ui.get("draft-nav-label")) + "\"><ul>";
    for (const auto& [target, key] : std::vector<std::pair<std::string, std::string>>{
             {"step/0", "nav-interview"}, {"all", "nav-one-page"}, {"preview", "nav-preview"}, {"build", "nav-build"}}) {
        const bool here = target == current || (current.rfind("step/", 0) == 0 && target == "step/0");
        out += "<li><a href=\"" + base + target + "\"" + (here ? " aria-current=\"page\"" : "") + ">" +
               esc(pc.ui.get(key)) + "</a></li>";
    }
    return out + "</ul></nav>";
}

edit::Answers WebApp::postedAnswers(const Request& request) {
    edit::Answers answers;
    for (const auto& [k, v] : request.form)
        if (!k.empty() && k[0] != '_') {
            std::string value;  // a textarea posts CR LF line ends; the files have LF
            for (char c : v)
                if (c != '\r') value += c;
            answers.emplace_back(k, value);
        }
    return answers;
}

edit::Answers WebApp::applyPosted(const Request& request, Draft& draft) {
    edit::Answers answers = postedAnswers(request);
    const std::string op = request.param("_op");
    if (!op.empty()) applyRowOp(answers, op);
    Diagnostics ignored;  // a path that names no field is left out by the answers model
    draft.xml = edit::applyAnswers(draft.xml, answers, engine_.schemas(), ignored);
    return answers;
}

}  // namespace overens::web
