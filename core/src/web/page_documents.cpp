// The first page: the documents of each organisation the principal may access, with their kind,
// organisation, language, how many errors and warnings `overens validate` finds, the next review
// date and the current version.
#include "web/app.hpp"
#include "web/html.hpp"

namespace overens::web {

Response WebApp::documentsPage(const Request& request) {
    PageContext pc = pageContext(request, "sv");
    const Wording& ui = pc.ui;
    const std::vector<std::string> organisations = organisationsFor(request);

    std::string body = "<h1 class=\"heading-l\">" + esc(ui.get("documents-title")) + "</h1>";
    // describe() is for logs ("folder /srv/x", "postgresql://..."): the page names the place itself.
    std::string where = store_.describe();
    if (where.rfind("folder ", 0) == 0) where.erase(0, 7);
    body += "<p class=\"lead\">" + esc(ui.format("documents-intro", {{"folder", where}})) + "</p>";
    body += "<p><a class=\"button\" href=\"/new\">" + esc(ui.get("new-document")) + "</a></p>";
    std::size_t shown = 0;
    for (const auto& org : organisations) {
        const std::vector<std::string> names = store_.documents(org);
        if (names.empty()) continue;
        const std::filesystem::path folder = store_.materialise(org);
        std::vector<std::string> files;
        for (const auto& n : names) files.push_back((folder / n).string());
        const std::vector<Prepared> prepared = engine_.prepare(files);
        const std::string orgQuery = "org=" + urlEncode(org) + "&file=";
        std::string rows;
        for (std::size_t i = 0; i < names.size(); ++i) {
            const Prepared& p = prepared[i];
            const Context& ctx = p.source.context;
            const std::string open = "/open?" + orgQuery + urlEncode(names[i]);
            const std::string hidden = "<span class=\"visually-hidden\"> " + esc(names[i]) + "</span>";
            const bool readable = p.status == ReadStatus::Ok;
            rows += "<tr><th scope=\"row\"><a href=\"" + esc(open) + "\">" + esc(names[i]) + "</a></th>";
            rows += "<td>" + esc(readable && p.kind ? documentTitle(pc.lang, ctx) : ui.get("unreadable")) + "</td>";
            rows += "<td>" + esc(ctx.organisation.name) + "</td>";
            rows += "<td>" + esc(ctx.lang == "en" ? ui.get("language-en") : ui.get("language-sv")) + "</td>";
            const std::size_t errors = p.diags.count(Severity::Error), warnings = p.diags.count(Severity::Warning);
            rows += "<td class=\"numeric" + std::string(errors ? " has-errors" : "") + "\">" + std::to_string(errors) +
                    "</td>";
            rows += "<td class=\"numeric\">" + std::to_string(warnings) + "</td>";
            rows += "<td>" + esc(ctx.nextReview ? ctx.nextReview->iso() : ui.get("no-review-date")) + "</td>";
            rows += "<td><ul class=\"actions-list\"><li><a href=\"" + esc(open) + "\">" +
                    esc(ui.get("action-interview")) + hidden + "</a></li><li><a href=\"" + esc(open + "&mode=all") +
                    "\">" + esc(ui.get("action-one-page")) + hidden + "</a></li><li><a href=\"" +
                    esc(open + "&mode=preview") + "\">" + esc(ui.get("action-preview")) + hidden +
                    "</a></li><li><a href=\"" + esc("/history?" + orgQuery + urlEncode(names[i])) + "\">" +
                    esc(ui.get("action-history")) + hidden + "</a></li></ul></td></tr>";
        }
        const std::string caption =
            org.empty() ? ui.get("documents-title") : ui.format("documents-of-organisation", {{"organisation", org}});
        if (!org.empty()) body += "<h2 class=\"heading-m\">" + esc(caption) + "</h2>";
        body += "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"table\"><caption class=\"visually-hidden\">" +
                esc(caption) + "</caption><thead><tr>";
        for (const char* key : {"col-file", "col-kind", "col-organisation", "col-language", "col-errors",
                                "col-warnings", "col-next-review", "col-actions"})
            body += "<th scope=\"col\">" + esc(ui.get(key)) + "</th>";
        body += "</tr></thead><tbody>" + rows + "</tbody></table></div>";
        shown += names.size();
    }
    if (shown == 0) body += "<p>" + esc(ui.get("documents-none")) + "</p>";
    return page(pc, ui.get("documents-title"), body);
}

}  // namespace overens::web
