// A save refused because someone saved the document after this draft was based on it: nothing is
// written, the page shows what changed in between (their values beside the user's) and the
// user's answers stay in the draft; they can go back to the form, save theirs over the newer
// version after seeing it, or open the newer version instead.
#include "web/answers_diff.hpp"
#include "web/app.hpp"
#include "web/html.hpp"

namespace overens::web {

namespace {

std::string cell(const std::string& value, const std::string& none) {
    return value.empty() ? "<td class=\"value-none\">" + esc(none) + "</td>" : "<td class=\"value\">" + esc(value) + "</td>";
}

}  // namespace

Response WebApp::conflictPage(const PageContext& pc, const Draft& draft, const std::string& back) {
    const Wording& ui = pc.ui;
    const store::DocumentId id{draft.organisation, draft.file};
    const auto now = store_.read(id);
    const std::vector<store::VersionInfo> versions = store_.history(id);
    const store::VersionInfo* newest = versions.empty() ? nullptr : &versions.back();
    const std::string author = !newest ? "" : newest->author.empty() ? ui.get("author-outside") : newest->author;

    Diagnostics ignored;
    const edit::Answers base = edit::readAnswers(draft.savedXml, engine_.schemas(), ignored);
    const edit::Answers theirs = now ? edit::readAnswers(now->xml, engine_.schemas(), ignored) : edit::Answers{};
    const edit::Answers mine = edit::readAnswers(draft.xml, engine_.schemas(), ignored);
    const std::map<std::string, std::string> theirMap(theirs.begin(), theirs.end()), myMap(mine.begin(), mine.end()),
        baseMap(base.begin(), base.end());
    // Every answer someone changed: they since the draft's version, or the user in the draft.
    std::vector<std::string> paths;
    std::set<std::string> byThem, byMe;
    for (const auto& c : changedAnswers(base, theirs)) {
        byThem.insert(c.path);
        paths.push_back(c.path);
    }
    for (const auto& c : changedAnswers(base, mine)) {
        byMe.insert(c.path);
        if (!byThem.count(c.path)) paths.push_back(c.path);
    }
    auto value = [](const std::map<std::string, std::string>& m, const std::string& p) {
        auto it = m.find(p);
        return it == m.end() ? std::string() : it->second;
    };

    const std::string version = now ? std::to_string(now->version) : "0";
    std::string body =
        "<div class=\"error-summary\" id=\"error-summary\" tabindex=\"-1\" autofocus "
        "aria-labelledby=\"error-summary-title\"><h1 class=\"error-summary__title\" id=\"error-summary-title\">" +
        esc(ui.get("conflict-title")) + "</h1><p>" +
        esc(ui.format("conflict-text", {{"file", draft.file},
                                        {"version", version},
                                        {"author", author},
                                        {"when", newest ? newest->savedAt : ""},
                                        {"base", std::to_string(draft.basedOn)}})) +
        "</p></div>";
    body += "<h2 class=\"heading-m\" id=\"conflict-changes\">" + esc(ui.get("conflict-changes")) + "</h2>";
    if (paths.empty()) {
        body += "<p>" + esc(ui.get("conflict-no-answer-changes")) + "</p>";
    } else {
        body += "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"table conflict-table\" "
                "aria-labelledby=\"conflict-changes\"><thead><tr>";
        body += "<th scope=\"col\">" + esc(ui.get("conflict-col-field")) + "</th>";
        body += "<th scope=\"col\">" + esc(ui.format("conflict-col-base", {{"base", std::to_string(draft.basedOn)}})) + "</th>";
        body += "<th scope=\"col\">" + esc(ui.format("conflict-col-theirs", {{"version", version}, {"author", author}})) + "</th>";
        body += "<th scope=\"col\">" + esc(ui.get("conflict-col-mine")) + "</th></tr></thead><tbody>";
        for (const auto& p : paths) {
            const bool both = byThem.count(p) && byMe.count(p) && value(theirMap, p) != value(myMap, p);
            body += "<tr" + std::string(both ? " class=\"conflict-both\"" : "") + " data-path=\"" + esc(p) +
                    "\"><th scope=\"row\"><code>" + esc(p) + "</code>" +
                    (both ? " <span class=\"tag\">" + esc(ui.get("conflict-both")) + "</span>" : "") + "</th>";
            body += cell(value(baseMap, p), ui.get("conflict-empty"));
            body += cell(value(theirMap, p), ui.get("conflict-empty"));
            body += cell(value(myMap, p), ui.get("conflict-empty"));
            body += "</tr>";
        }
        body += "</tbody></table></div>";
    }
    const std::string draftBase = "/d/" + draft.id + "/";
    body += "<h2 class=\"heading-m\">" + esc(ui.get("conflict-what-now")) + "</h2>";
    body += "<form method=\"post\" action=\"" + esc(draftBase + "all") + "\">" + csrfField(pc.request) +
            "<input type=\"hidden\" name=\"_step\" value=\"-1\"><input type=\"hidden\" name=\"_over\" value=\"" +
            version + "\"><p class=\"hint\">" + esc(ui.format("conflict-save-over-hint", {{"version", version}})) +
            "</p><div class=\"actions\"><button type=\"submit\" class=\"button\" name=\"_action\" value=\"save-over\">" +
            esc(ui.format("conflict-save-over", {{"version", version}})) + "</button></div></form>";
    const std::string query = "org=" + urlEncode(draft.organisation) + "&file=" + urlEncode(draft.file);
    body += "<ul class=\"list\"><li><a href=\"" + esc(back) + "\">" + esc(ui.get("conflict-back")) + "</a></li>";
    body += "<li><a href=\"" + esc("/open?" + query) + "\">" +
            esc(ui.format("conflict-reopen", {{"version", version}})) + "</a></li>";
    body += "<li><a href=\"" + esc("/history?" + query) + "\">" + esc(ui.get("action-history")) + "</a></li></ul>";
    return page(pc, ui.get("conflict-title"), body, 409);
}

}  // namespace overens::web
