// The assembled document: a preview in the browser, and build + download of ODT, PDF and ICS
// through the same engine, writers and atomic publication as `overens build`.
#include <sstream>

#include "publish/publisher.hpp"
#include "web/app.hpp"
#include "web/html.hpp"
#include "web/preview.hpp"
#include "web/scratch.hpp"
#include "writers/writer.hpp"

namespace overens::web {

namespace fs = std::filesystem;

namespace {

// Whether file (after following every symbolic link) is a file directly in folder: a link out of
// the output folder is never served.
bool insideFolder(const fs::path& folder, const fs::path& file) {
    std::error_code ec;
    const fs::path real = fs::canonical(file, ec);
    if (ec) return false;
    const fs::path root = fs::canonical(folder, ec);
    return !ec && real.parent_path() == root;
}

}  // namespace

Response WebApp::previewPage(const Request& request, Draft& draft) {
    PageContext pc = pageContext(request, draft.uiLang);
    const DocumentKind* kind = kindOf(draft);
    if (!kind) return notFound(pc);
    const std::vector<FormStep> steps = stepsOf(*kind);
    const Checked checked = checker_.check(draft.organisation, draft.file, draft.xml);
    std::string body = draftNav(pc, draft, "preview");
    const std::string title = documentTitle(pc.lang, checked.draft().source.context);
    body += "<p class=\"caption\">" + esc(draft.file) + "</p><h1 class=\"heading-l\">" +
            esc(pc.ui.format("preview-title", {{"title", title}})) + "</h1>";
    if (!checked.draft().ok()) {
        Draft all = draft;
        all.isNew = false;  // the preview lists everything that stands in its way
        return page(pc, pc.ui.format("preview-title", {{"title", title}}),
                    errorSummary(pc, checked, steps, all, -2, {}, false) + body + "<p>" +
                        esc(pc.ui.get("preview-needs-no-errors")) + "</p>");
    }
    Diagnostics diags;
    const doc::Document document = engine_.assemble(checked.draft(), diags);
    body += "<p class=\"hint\">" + esc(pc.ui.get("preview-hint")) + "</p>";
    body += "<div class=\"preview\">" + previewHtml(document) + "</div>";
    return page(pc, pc.ui.format("preview-title", {{"title", title}}), body);
}

Response WebApp::buildPage(const Request& request, Draft& draft, bool run) {
    PageContext pc = pageContext(request, draft.uiLang);
    const Wording& ui = pc.ui;
    const std::string base = "/d/" + draft.id + "/";
    std::string body = draftNav(pc, draft, "build");
    body += "<p class=\"caption\">" + esc(draft.file) + "</p><h1 class=\"heading-l\">" + esc(ui.get("build-title")) +
            "</h1>";
    if (draft.unsaved()) {
        body += "<div class=\"notice notice--important\"><p>" + esc(ui.get("build-unsaved")) + "</p></div>";
        body += "<form method=\"post\" action=\"" + base + "all\">" + csrfField(request) +
                "<input type=\"hidden\" name=\"_step\" value=\"-1\"><button type=\"submit\" class=\"button\" "
                "name=\"_action\" value=\"save\">" + esc(ui.get("action-save")) + "</button></form>";
        return page(pc, ui.get("build-title"), body);
    }
    std::string published;
    if (run) {
        const Checked checked = checker_.check(draft.organisation, draft.file, draft.xml);
        const DocumentKind* kind = kindOf(draft);
        if (!checked.draft().ok() || !kind) {
            Draft all = draft;
            all.isNew = false;
            const std::vector<FormStep> steps = kind ? stepsOf(*kind) : std::vector<FormStep>{};
            return page(pc, ui.get("build-title"),
                        errorSummary(pc, checked, steps, all, -2, {}, false) + body + "<p>" +
                            esc(ui.get("build-needs-no-errors")) + "</p>",
                        400);
        }
        Diagnostics diags;
        const doc::Document document = engine_.assemble(checked.draft(), diags);
        ScratchFolder work;
        WriteOptions options;
        options.templatesDir = engine_.templatesDir();
        options.workDir = work.path;
        const std::string stem = fs::path(draft.file).stem().string();
        try {
            fs::create_directories(outputFolderOf(draft.organisation));
            Publication publication(outputFolderOf(draft.organisation));
            for (const auto& format : {"odt", "pdf", "ics"}) {
                const Writer* writer = WriterRegistry::builtin().find(format);
                if (!writer) continue;
                publication.stage(stem + "." + writer->extension(),
                                  [&](std::ostream& out) { writer->write(document, out, options, diags); });
            }
            publication.commit();
            for (const auto& f : publication.published()) {
                const std::string name = f.filename().string();
                const std::string ext = f.extension().string().substr(1);
                published += "<li><a href=\"/out/" + esc(urlEncode(name)) +
                             (draft.organisation.empty() ? "" : "?org=" + esc(urlEncode(draft.organisation))) +
                             "\" download>" +
                             esc(ui.format("download", {{"format", ui.get("format-" + ext)}, {"file", name}})) +
                             "</a></li>";
            }
        } catch (const std::exception& e) {
            return page(pc, ui.get("build-title"),
                        body + "<div class=\"error-summary\" id=\"error-summary\" tabindex=\"-1\" autofocus "
                               "aria-labelledby=\"error-summary-title\"><h2 class=\"error-summary__title\" "
                               "id=\"error-summary-title\">" +
                            esc(ui.get("build-failed")) + "</h2><p>" + esc(e.what()) + "</p></div>",
                        500);
        }
        body += "<div class=\"notice\" role=\"status\"><p>" + esc(ui.get("build-done")) + "</p></div>";
        body += "<ul class=\"downloads\">" + published + "</ul>";
    }
    body += "<p>" + esc(ui.format("build-intro", {{"folder", outputFolderOf(draft.organisation).string()}})) + "</p>";
    body += "<form method=\"post\" action=\"" + base + "build\">" + csrfField(request) +
            "<button type=\"submit\" class=\"button\">" + esc(ui.get("build-run")) + "</button></form>";
    return page(pc, ui.get("build-title"), body);
}

Response WebApp::download(const Request& request, const std::string& name) {
    const std::string org = request.param("org");
    const bool orgAllowed = (org.empty() || store::validOrganisation(org)) && request.principal.mayAccess(org);
    const fs::path file = outputFolderOf(org) / name;
    const std::string ext = fs::path(name).extension().string();
    std::error_code ec;
    const bool allowed = orgAllowed && !name.empty() && name.find('/') == std::string::npos && name.front() != '.' &&
                         (ext == ".odt" || ext == ".pdf" || ext == ".ics") && fs::is_regular_file(file, ec) &&
                         insideFolder(outputFolderOf(org), file);
    if (!allowed) return notFound(pageContext(request, "sv"));
    Response r;
    r.contentType = ext == ".odt"   ? "application/vnd.oasis.opendocument.text"
                    : ext == ".pdf" ? "application/pdf"
                                    : "text/calendar; charset=utf-8";
    r.file = file;
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
    return r;
}

}  // namespace overens::web
