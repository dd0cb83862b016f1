// A document's history: every saved version with who saved it, when and what changed; any
// version shown as its answers (and its XML); a restore saves an earlier version's bytes as a
// new version, so nothing before it is lost.
#include "web/answers_diff.hpp"
#include "web/app.hpp"
#include "web/html.hpp"

namespace overens::web {

namespace {

std::string query(const store::DocumentId& id) {
    return "org=" + urlEncode(id.organisation) + "&file=" + urlEncode(id.name);
}

// A version's summary in words: the answers paths a save changed, or what kind of version it is.
std::string summaryText(const Wording& ui, const store::VersionInfo& v) {
    if (v.summary.rfind("restore:", 0) == 0) return ui.format("history-restored", {{"version", v.summary.substr(8)}});
    if (v.summary == "import") return ui.get("history-imported");
    if (v.summary.empty()) return ui.get(v.author.empty() ? "history-outside" : "history-no-answer-changes");
    return v.summary;
}

int versionParam(const Request& request) {
    try {
        return std::stoi(request.param("v"));
    } catch (const std::exception&) {
        return 0;
    }
}

}  // namespace

Response WebApp::historyPage(const Request& request) {
    PageContext pc = pageContext(request, "sv");
    const Wording& ui = pc.ui;
    const auto id = requestedDocument(request);
    const auto current = id ? store_.read(*id) : std::nullopt;
    if (!current) return notFound(pc);
    const std::vector<store::VersionInfo> versions = store_.history(*id);
    std::string body = "<p class=\"caption\">" + esc(id->organisation.empty() ? id->name : id->organisation + "/" + id->name) +
                       "</p><h1 class=\"heading-l\">" + esc(ui.format("history-title", {{"file", id->name}})) + "</h1>";
    body += "<p><a href=\"" + esc("/open?" + query(*id)) + "\">" + esc(ui.get("history-open-current")) + "</a></p>";
    body += "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"table history-table\"><caption class=\"visually-hidden\">" +
            esc(ui.format("history-title", {{"file", id->name}})) + "</caption><thead><tr>";
    for (const char* key : {"history-col-version", "history-col-author", "history-col-when", "history-col-what",
                            "history-col-actions"})
        body += "<th scope=\"col\">" + esc(ui.get(key)) + "</th>";
    body += "</tr></thead><tbody>";
    for (auto v = versions.rbegin(); v != versions.rend(); ++v) {
        const std::string n = std::to_string(v->number);
        body += "<tr data-version=\"" + n + "\"><th scope=\"row\">" + n +
                (v->number == current->version ? " <span class=\"tag\">" + esc(ui.get("history-current")) + "</span>" : "") +
                "</th><td>" + esc(v->author.empty() ? ui.get("author-outside") : v->author) + "</td><td>" +
                esc(v->savedAt) + "</td><td>" + esc(summaryText(ui, *v)) + "</td><td><ul class=\"actions-list\"><li><a href=\"" +
                esc("/history/view?" + query(*id) + "&v=" + n) + "\">" + esc(ui.format("history-view", {{"version", n}})) +
                "</a></li>";
        if (v->number != current->version)
            body += "<li><form method=\"post\" action=\"/history/restore\">" + csrfField(request) +
                    "<input type=\"hidden\" name=\"org\" value=\"" + esc(id->organisation) +
                    "\"><input type=\"hidden\" name=\"file\" value=\"" + esc(id->name) +
                    "\"><input type=\"hidden\" name=\"v\" value=\"" + n +
                    "\"><input type=\"hidden\" name=\"current\" value=\"" + std::to_string(current->version) +
                    "\"><button type=\"submit\" class=\"link-button\">" + esc(ui.format("history-restore", {{"version", n}})) +
                    "</button></form></li>";
        body += "</ul></td></tr>";
    }
    body += "</tbody></table></div>";
    return page(pc, ui.format("history-title", {{"file", id->name}}), body);
}

Response WebApp::versionPage(const Request& request) {
    PageContext pc = pageContext(request, "sv");
    const Wording& ui = pc.ui;
    const auto id = requestedDocument(request);
    const int number = versionParam(request);
    const auto xml = id ? store_.readVersion(*id, number) : std::nullopt;
    if (!xml) return notFound(pc);
    const auto current = store_.read(*id);
    Diagnostics ignored;
    const edit::Answers answers = edit::readAnswers(*xml, engine_.schemas(), ignored);
    const std::string n = std::to_string(number);
    std::string body = "<p class=\"caption\">" + esc(id->name) + "</p><h1 class=\"heading-l\">" +
                       esc(ui.format("version-title", {{"file", id->name}, {"version", n}})) + "</h1>";
    body += "<p><a href=\"" + esc("/history?" + query(*id)) + "\">" + esc(ui.get("version-back")) + "</a></p>";
    if (current && current->version != number) {
        // What this version has that the current one does not.
        const auto changes = changedAnswers(edit::readAnswers(current->xml, engine_.schemas(), ignored), answers);
        body += "<h2 class=\"heading-m\">" +
                esc(ui.format("version-differs", {{"version", n}, {"current", std::to_string(current->version)}})) + "</h2>";
        if (changes.empty()) {
            body += "<p>" + esc(ui.get("version-same-answers")) + "</p>";
        } else {
            body += "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"table\"><thead><tr><th scope=\"col\">" +
                    esc(ui.get("conflict-col-field")) + "</th><th scope=\"col\">" +
                    esc(ui.format("version-col-this", {{"version", n}})) + "</th><th scope=\"col\">" +
                    esc(ui.format("version-col-current", {{"current", std::to_string(current->version)}})) +
                    "</th></tr></thead><tbody>";
            for (const auto& c : changes)
                body += "<tr><th scope=\"row\"><code>" + esc(c.path) + "</code></th><td class=\"value\">" + esc(c.after) +
                        "</td><td class=\"value\">" + esc(c.before) + "</td></tr>";
            body += "</tbody></table></div>";
        }
    }
    body += "<h2 class=\"heading-m\">" + esc(ui.get("version-answers")) + "</h2>";
    body += "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"table\"><thead><tr><th scope=\"col\">" +
            esc(ui.get("conflict-col-field")) + "</th><th scope=\"col\">" + esc(ui.get("version-col-value")) +
            "</th></tr></thead><tbody>";
    for (const auto& [path, value] : answers)
        if (path.size() < 2 || path.compare(path.size() - 2, 2, ".#") != 0)
            body += "<tr><th scope=\"row\"><code>" + esc(path) + "</code></th><td class=\"value\">" + esc(value) + "</td></tr>";
    body += "</tbody></table></div>";
    body += "<details><summary>" + esc(ui.get("version-xml")) + "</summary><pre class=\"source\">" + esc(*xml) +
            "</pre></details>";
    return page(pc, ui.format("version-title", {{"file", id->name}, {"version", n}}), body);
}

Response WebApp::restoreVersion(const Request& request) {
    PageContext pc = pageContext(request, "sv");
    const auto id = requestedDocument(request);
    const int number = versionParam(request);
    const auto xml = id ? store_.readVersion(*id, number) : std::nullopt;
    if (!xml) return notFound(pc);
    int current = 0;
    try {
        current = std::stoi(request.param("current"));
    } catch (const std::exception&) {
    }
    const store::SaveResult r =
        store_.save(*id, *xml, current, request.principal.author(), "restore:" + std::to_string(number));
    if (r.status == store::SaveStatus::Saved) return Response::redirect("/history?" + query(*id));
    const bool stale = r.status == store::SaveStatus::Stale;
    const std::string title = pc.ui.get(stale ? "restore-stale-title" : "save-failed-title");
    return page(pc, title,
                "<div class=\"error-summary\" id=\"error-summary\" tabindex=\"-1\" autofocus "
                "aria-labelledby=\"error-summary-title\"><h1 class=\"error-summary__title\" id=\"error-summary-title\">" +
                    esc(title) + "</h1><p>" +
                    esc(stale ? pc.ui.format("restore-stale-text", {{"version", std::to_string(r.version)}})
                              : pc.ui.format("save-failed-text", {{"file", id->name}, {"error", r.error}})) +
                    "</p></div><p><a href=\"" + esc("/history?" + query(*id)) + "\">" + esc(pc.ui.get("version-back")) +
                    "</a></p>",
                stale ? 409 : 500);
}

}  // namespace overens::web
