// Editing a draft: the guided interview (one step a page, progress shown, back and next write
// every answer into the draft first) or every section on one page; validation on submit and,
// with the script, as the user types (check → JSON); saving through the answers model.
#include <Poco/JSON/Stringifier.h>

#include <sstream>

#include "templates/template_store.hpp"
#include "web/app.hpp"
#include "web/html.hpp"
#include "web/answers_diff.hpp"
#include "web/row_ops.hpp"

namespace overens::web {

namespace {

std::string jsonString(const std::string& s) {
    std::ostringstream out;
    Poco::JSON::Stringifier::formatString(s, out);
    return out.str();
}

std::set<std::string> splitIds(const std::string& s) {
    std::set<std::string> out;
    std::istringstream in(s);
    std::string id;
    while (std::getline(in, id, ',')) if (!id.empty()) out.insert(id);
    return out;
}

// The roles a role reference may name: the parties' roles and every row id of the document's
// tables (a delegation order's roles, an instruction's posts), labelled with the row's title.
std::vector<RoleOption> documentRoles(const AnswerMap& answers) {
    std::vector<RoleOption> roles;
    std::set<std::string> seen;
    auto add = [&](const std::string& id, const std::string& label) {
        if (!id.empty() && seen.insert(id).second) roles.push_back({id, label});
    };
    for (const auto& [path, value] : answers) {
        const auto dot = path.rfind('.');
        if (dot == std::string::npos) continue;
        const std::string last = path.substr(dot + 1), row = path.substr(0, dot);
        if (path.rfind("party.", 0) == 0 && last == "role") {
            auto name = answers.find(row + ".title");
            add(value, name == answers.end() ? "" : name->second);
        } else if (last == "id") {
            auto title = answers.find(row + ".title");
            add(value, title == answers.end() ? "" : title->second);
        }
    }
    return roles;
}

}  // namespace

std::vector<FormStep> WebApp::stepsOf(const DocumentKind& kind) const {
    Diagnostics ignored;
    return formSteps(kind, engine_.plugins(), engine_.schemas(), loadWording(templatesDir_, "sv", "web", ignored),
                     loadWording(templatesDir_, "en", "web", ignored));
}

WebApp::RenderedForm WebApp::renderForm(const PageContext& pc, const Draft& draft, const Checked& checked,
                                        const std::vector<FormStep>& steps, int step,
                                        const std::set<std::string>& touched) {
    Diagnostics ignored;
    const edit::Answers answers = edit::readAnswers(draft.xml, engine_.schemas(), ignored);
    const AnswerMap map(answers.begin(), answers.end());
    // Messages beside the fields: every one once the step was submitted (or the document is not
    // new); before that only those of fields the user has touched.
    PlacedDiagnostics placed;
    for (const auto& [path, list] : checked.placed) {
        if (path.empty()) continue;
        const int itsStep = stepOfPath(steps, path);
        if (showsMessages(draft, step < 0 ? -1 : itsStep) || touched.count(fieldId(path))) placed[path] = list;
    }
    FormInput in{map, placed, pc.lang, pc.ui, documentRoles(map), &checked.draft().source.context, draft.isNew};
    FormRenderer renderer(in);
    std::string html;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (step >= 0 && static_cast<int>(i) != step) continue;
        const FormStep& s = steps[i];
        const std::string sectionId = s.section.empty() ? "step-header" : fieldId(s.section);
        const std::string headingId = "step-" + std::to_string(i) + "-title";
        html += "<section class=\"step\" aria-labelledby=\"" + headingId + "\"" +
                (step >= 0 || i == 0 || steps[i - 1].section != s.section ? " id=\"" + sectionId + "\"" : "") + ">";
        html += "<h2 class=\"heading-m\" id=\"" + headingId + "\">" + esc(s.title(pc.lang)) + "</h2>";
        if (!s.intro(pc.lang).empty()) html += "<p class=\"step-intro\">" + esc(s.intro(pc.lang)) + "</p>";
        if (!s.prompts(pc.lang).empty()) {
            html += "<div class=\"prompts\"><h3 class=\"heading-s\">" + esc(pc.ui.get("prompts-title")) + "</h3><ul>";
            for (const auto& p : s.prompts(pc.lang)) html += "<li>" + esc(p) + "</li>";
            html += "</ul></div>";
        }
        html += renderer.fields(s.section, s.fields);
        html += "</section>";
    }
    html += renderer.roleList();
    RenderedForm out{html, renderer.renderedIds()};
    out.ids.insert("step-header");
    for (const auto& s : steps)
        if (!s.section.empty()) out.ids.insert(fieldId(s.section));
    return out;
}

Response WebApp::editPage(const Request& request, Draft& draft, int step) {
    PageContext pc = pageContext(request, draft.uiLang);
    const Wording& ui = pc.ui;
    const DocumentKind* kind = kindOf(draft);
    if (!kind) return notFound(pc);
    const std::vector<FormStep> steps = stepsOf(*kind);
    if (step >= static_cast<int>(steps.size())) step = static_cast<int>(steps.size()) - 1;
    const Checked checked = checker_.check(draft.organisation, draft.file, draft.xml);
    const RenderedForm form = renderForm(pc, draft, checked, steps, step, {});
    const std::string base = "/d/" + draft.id + "/";
    const std::string action = base + (step < 0 ? "all" : "step/" + std::to_string(step));
    const bool last = step + 1 >= static_cast<int>(steps.size());

    std::string body = draftNav(pc, draft, step < 0 ? "all" : "step/" + std::to_string(step));
    body += "<div id=\"summary-slot\" aria-live=\"polite\">" +
            errorSummary(pc, checked, steps, draft, step, form.ids, true) + "</div>";
    if (!draft.notice.empty()) {
        body += "<div class=\"notice\" role=\"status\"><p>" + esc(ui.format(draft.notice, {{"file", draft.file}})) +
                "</p></div>";
        draft.notice.clear();
    }
    const std::string title = documentTitle(pc.lang, checked.draft().source.context);
    body += "<p class=\"caption\">" + esc(draft.file) +
            (draft.unsaved() ? " <span class=\"tag\">" + esc(ui.get("unsaved")) + "</span>" : "") + "</p>";
    body += "<h1 class=\"heading-l\">" + esc(title) + "</h1>";

    body += "<form method=\"post\" action=\"" + action + "\" novalidate class=\"draft-form\" data-check=\"" + base +
            "check\" data-show-all=\"" + (showsMessages(draft, step) ? "1" : "0") + "\">";
    // Enter in a field does what the main button does (the first submit button of a form).
    body += "<button type=\"submit\" name=\"_action\" value=\"" + std::string(step < 0 || last ? "check" : "next") +
            "\" hidden tabindex=\"-1\">" + esc(ui.get(step < 0 || last ? "action-check" : "action-next")) + "</button>";
    body += "<input type=\"hidden\" name=\"_step\" value=\"" + std::to_string(step) + "\">";
    body += csrfField(request);
    if (step >= 0) {
        body += "<nav class=\"steps\" aria-label=\"" + esc(ui.get("steps-label")) + "\"><p class=\"progress\">" +
                esc(ui.format("progress", {{"n", std::to_string(step + 1)}, {"total", std::to_string(steps.size())}})) +
                "</p><ol class=\"step-list\">";
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const bool here = static_cast<int>(i) == step;
            body += "<li" + std::string(here ? " class=\"step-list__current\"" : "") + ">";
            body += here ? "<span aria-current=\"step\">" + esc(steps[i].title(pc.lang)) + "</span>"
                         : "<button type=\"submit\" class=\"link-button\" name=\"_goto\" value=\"" + std::to_string(i) +
                               "\">" + esc(steps[i].title(pc.lang)) + "</button>";
            body += "</li>";
        }
        body += "</ol></nav>";
    }
    body += form.html;
    body += "<div class=\"actions\">";
    if (step >= 0 && !last)
        body += "<button type=\"submit\" class=\"button\" name=\"_action\" value=\"next\">" + esc(ui.get("action-next")) +
                "</button>";
    if (step > 0)
        body += "<button type=\"submit\" class=\"button button--secondary\" name=\"_action\" value=\"back\">" +
                esc(ui.get("action-back")) + "</button>";
    body += "<button type=\"submit\" class=\"button button--secondary\" name=\"_action\" value=\"check\">" +
            esc(ui.get("action-check")) + "</button>";
    body += "<button type=\"submit\" class=\"button" + std::string(step < 0 || last ? "" : " button--secondary") +
            "\" name=\"_action\" value=\"save\">" + esc(ui.get("action-save")) + "</button>";
    body += "</div></form>";
    return page(pc, title + " – " + draft.file, body);
}

Response WebApp::submitEdit(const Request& request, Draft& draft, int step) {
    PageContext pc = pageContext(request, draft.uiLang);
    const edit::Answers after = applyPosted(request, draft);
    draft.submitted.insert(step);
    const std::string base = "/d/" + draft.id + "/";
    const std::string here = base + (step < 0 ? "all" : "step/" + std::to_string(step));
    const std::string action = request.param("_action");
    const std::string op = request.param("_op");
    if (!op.empty()) {
        const std::string focus = fieldId(rowOpTarget(op, after));
        // The script asks for where to go and fetches the page itself.
        if (request.hasParam("_js")) return Response::json("{\"location\":" + jsonString(here) + ",\"focus\":" + jsonString(focus) + "}");
        return Response::redirect(here + "#" + focus);
    }
    if (action == "save") return saveDraft(pc, draft, here);
    if (action == "save-over") {
        // From the conflict page: the user has seen the version named and saves theirs on top of it.
        try {
            const int over = std::stoi(request.param("_over"));
            if (over > 0) {
                draft.basedOn = over;
                draft.isNew = false;  // a new document whose name was taken meanwhile: saved over that one
            }
        } catch (const std::exception&) {
        }
        return saveDraft(pc, draft, here);
    }
    if (step >= 0) {
        int target = step;
        if (request.hasParam("_goto")) {
            try {
                target = std::stoi(request.param("_goto"));
            } catch (const std::exception&) {
            }
        } else if (action == "next") {
            target = step + 1;
        } else if (action == "back") {
            target = step - 1;
        }
        if (target != step) return Response::redirect(base + "step/" + std::to_string(std::max(0, target)));
    }
    return Response::redirect(here);
}

Response WebApp::saveDraft(const PageContext& pc, Draft& draft, const std::string& back) {
    // What this version changes against the one it is saved on (after a conflict, the newer one).
    const store::DocumentId id{draft.organisation, draft.file};
    const int basedOn = draft.isNew ? 0 : draft.basedOn;
    const std::string base = basedOn ? store_.readVersion(id, basedOn).value_or(draft.savedXml) : std::string();
    Diagnostics ignored;
    const std::string summary = changeSummary(changedAnswers(edit::readAnswers(base, engine_.schemas(), ignored),
                                                             edit::readAnswers(draft.xml, engine_.schemas(), ignored)));
    const store::SaveResult saved = store_.save(id, draft.xml, basedOn, pc.request.principal.author(), summary);
    std::string error = saved.error;
    switch (saved.status) {
        case store::SaveStatus::Saved:
            draft.savedXml = draft.xml;
            draft.basedOn = saved.version;
            draft.isNew = false;
            draft.notice = "notice-saved";
            return Response::redirect(back);
        case store::SaveStatus::Stale:
        case store::SaveStatus::Exists:
            return conflictPage(pc, draft, back);
        case store::SaveStatus::Refused:
        case store::SaveStatus::Failed:
            break;
    }
    return page(pc, pc.ui.get("save-failed-title"),
                "<h1 class=\"heading-l\">" + esc(pc.ui.get("save-failed-title")) + "</h1><p>" +
                    esc(pc.ui.format("save-failed-text", {{"file", draft.file}, {"error", error}})) + "</p><p><a href=\"" +
                    esc(back) + "\">" + esc(pc.ui.get("conflict-back")) + "</a></p>",
                500);
}

Response WebApp::checkDraft(const Request& request, Draft& draft) {
    PageContext pc = pageContext(request, draft.uiLang);
    applyPosted(request, draft);
    int step = -1;
    try {
        step = std::stoi(request.param("_step"));
    } catch (const std::exception&) {
    }
    const DocumentKind* kind = kindOf(draft);
    if (!kind) return Response::json("{\"errors\":0,\"warnings\":0,\"summary\":\"\",\"fields\":{}}");
    const std::vector<FormStep> steps = stepsOf(*kind);
    const std::set<std::string> touched = splitIds(request.param("_touched"));
    const Checked checked = checker_.check(draft.organisation, draft.file, draft.xml);
    // What the page holds: every answer of its steps has its element (the form is not rendered
    // again for this, it is the costliest part of a check).
    RenderedForm form;
    form.ids.insert("step-header");
    for (const auto& s : steps)
        if (!s.section.empty()) form.ids.insert(fieldId(s.section));
    for (const auto& [path, list] : checked.placed)
        if (!path.empty() && (step < 0 || stepOfPath(steps, path) == step)) form.ids.insert(fieldId(path));

    // The messages beside each field of this page, as the page itself would show them.
    std::string fields;
    std::set<std::string> done;
    for (const auto& [path, list] : checked.placed) {
        if (path.empty()) continue;
        const std::string id = fieldId(path);
        if (!form.ids.count(id) || done.count(id)) continue;
        if (!(showsMessages(draft, step < 0 ? -1 : stepOfPath(steps, path)) || touched.count(id))) continue;
        done.insert(id);
        std::string html;
        for (const Diagnostic* d : list) {
            const bool error = d->severity == Severity::Error;
            html += std::string("<p class=\"") + (error ? "error-message" : "warning-message") +
                    "\"><span class=\"severity\">" + esc(pc.ui.get(error ? "error-prefix" : "warning-prefix")) +
                    "</span> " + esc(d->message(pc.lang)) + "</p>";
        }
        fields += (fields.empty() ? "" : ",") + jsonString(id) + ":" + jsonString(html);
    }
    // The summary lists what the page shows: shown steps, and touched fields of this one.
    Draft view = draft;
    std::string summary;
    {
        Checked shown;
        for (const auto& [path, d] : checked.items) {
            const int itsStep = path.empty() ? step : stepOfPath(steps, path);
            if (showsMessages(draft, step < 0 ? -1 : itsStep) || touched.count(fieldId(path)) ||
                (path.empty() && !draft.submitted.empty()))
                shown.items.emplace_back(path, d);
        }
        view.isNew = false;  // the filter is done above
        summary = errorSummary(pc, shown, steps, view, step, form.ids, false);
    }
    return Response::json("{\"errors\":" + std::to_string(checked.draft().diags.count(Severity::Error)) +
                          ",\"warnings\":" + std::to_string(checked.draft().diags.count(Severity::Warning)) +
                          ",\"summary\":" + jsonString(summary) + ",\"fields\":{" + fields + "}}");
}

}  // namespace overens::web
