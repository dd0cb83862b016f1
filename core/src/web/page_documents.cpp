// The first page: the workspace's documents with their kind, organisation, language, how many
// errors and warnings `overens validate` finds, and the next review date.
#include "web/app.hpp"
#include "web/html.hpp"

namespace overens::web {

Response WebApp::documentsPage(const Request& request) {
    PageContext pc = pageContext(request, "sv");
    const Wording& ui = pc.ui;
    const std::vector<std::string> names =
        request.principal.mayAccess("") ? workspace_.documents() : std::vector<std::string>{};
    std::vector<std::string> files;
    for (const auto& n : names) files.push_back(workspace_.pathOf(n).string());
    const std::vector<Prepared> prepared = engine_.prepare(files);

    std::string rows;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const Prepared& p = prepared[i];
        const Context& ctx = p.source.context;
        const std::string open = "/open?file=" + urlEncode(names[i]);
        const bool readable = p.status == ReadStatus::Ok;
        rows += "<tr><th scope=\"row\"><a href=\"" + esc(open) + "\">" + esc(names[i]) + "</a></th>";
        rows += "<td>" + esc(readable && p.kind ? documentTitle(pc.lang, ctx) : ui.get("unreadable")) + "</td>";
        rows += "<td>" + esc(ctx.organisation.name) + "</td>";
        rows += "<td>" + esc(ctx.lang == "en" ? ui.get("language-en") : ui.get("language-sv")) + "</td>";
        const std::size_t errors = p.diags.count(Severity::Error), warnings = p.diags.count(Severity::Warning);
        rows += "<td class=\"numeric" + std::string(errors ? " has-errors" : "") + "\">" + std::to_string(errors) + "</td>";
        rows += "<td class=\"numeric\">" + std::to_string(warnings) + "</td>";
        rows += "<td>" + esc(ctx.nextReview ? ctx.nextReview->iso() : ui.get("no-review-date")) + "</td>";
        rows += "<td><ul class=\"actions-list\"><li><a href=\"" + esc(open) + "\">" + esc(ui.get("action-interview")) +
                "<span class=\"visually-hidden\"> " + esc(names[i]) + "</span></a></li><li><a href=\"" +
                esc(open + "&mode=all") + "\">" + esc(ui.get("action-one-page")) + "<span class=\"visually-hidden\"> " +
                esc(names[i]) + "</span></a></li><li><a href=\"" + esc(open + "&mode=preview") + "\">" +
                esc(ui.get("action-preview")) + "<span class=\"visually-hidden\"> " + esc(names[i]) +
                "</span></a></li></ul></td></tr>";
    }
    std::string body = "<h1 class=\"heading-l\">" + esc(ui.get("documents-title")) + "</h1>";
    body += "<p class=\"lead\">" + esc(ui.format("documents-intro", {{"folder", workspace_.folder().string()}})) + "</p>";
    body += "<p><a class=\"button\" href=\"/new\">" + esc(ui.get("new-document")) + "</a></p>";
    if (names.empty()) {
        body += "<p>" + esc(ui.get("documents-none")) + "</p>";
    } else {
        body += "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"table\"><caption class=\"visually-hidden\">" +
                esc(ui.get("documents-title")) + "</caption><thead><tr>";
        for (const char* key : {"col-file", "col-kind", "col-organisation", "col-language", "col-errors",
                                "col-warnings", "col-next-review", "col-actions"})
            body += "<th scope=\"col\">" + esc(ui.get(key)) + "</th>";
        body += "</tr></thead><tbody>" + rows + "</tbody></table></div>";
    }
    return page(pc, ui.get("documents-title"), body);
}

}  // namespace overens::web
