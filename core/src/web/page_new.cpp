// A new document of any kind, started from another document of the same organisation so that
// the organisation, the parties and the roles are not typed twice; and opening a file as a draft.
#include "edit/answers.hpp"
#include "web/app.hpp"
#include "web/html.hpp"

namespace overens::web {

namespace {

std::string radios(const std::string& name, const std::string& legend, const std::string& hint,
                   const std::vector<std::pair<std::string, std::string>>& options, const std::string& checked) {
    const std::string id = "new-" + name;
    std::string out = "<div class=\"form-group\"><fieldset class=\"fieldset\" id=\"" + id + "\"" +
                      (hint.empty() ? "" : " aria-describedby=\"" + id + "-hint\"") + "><legend class=\"legend\">" +
                      esc(legend) + "</legend>";
    if (!hint.empty()) out += "<div class=\"hint\" id=\"" + id + "-hint\">" + esc(hint) + "</div>";
    out += "<div class=\"radios\">";
    for (std::size_t i = 0; i < options.size(); ++i) {
        const std::string rid = id + "-" + std::to_string(i);
        out += "<div class=\"radio\"><input type=\"radio\" id=\"" + rid + "\" name=\"" + name + "\" value=\"" +
               esc(options[i].first) + "\"" + (options[i].first == checked ? " checked" : "") + "><label for=\"" +
               rid + "\">" + esc(options[i].second) + "</label></div>";
    }
    return out + "</div></fieldset></div>";
}

}  // namespace

Response WebApp::newPage(const Request& request, const std::string& error, const std::string& errorField) {
    PageContext pc = pageContext(request, "sv");
    const Wording& ui = pc.ui;
    const bool posted = request.method == "POST";
    std::vector<std::pair<std::string, std::string>> kinds;
    for (const auto& [id, kind] : engine_.kinds()) {
        // A kind's title may name the board or a party: the words for "the board", "the director" stand in.
        Context none;
        none.kind = id;
        none.parties = {{"chair", "", ui.get("new-kind-chair")}, {"director", "", ui.get("new-kind-director")}};
        kinds.emplace_back(id, documentTitle(pc.lang, none));
    }
    // The documents a new one can start from, labelled by organisation and kind.
    std::vector<std::string> names =
        request.principal.mayAccess("") ? workspace_.documents() : std::vector<std::string>{};
    std::vector<std::string> files;
    for (const auto& n : names) files.push_back(workspace_.pathOf(n).string());
    std::vector<Prepared> prepared;
    for (const auto& f : files) prepared.push_back(engine_.prepareHeader(f));
    const std::string from = request.param("from");
    std::string fromOptions = "<option value=\"\">" + esc(ui.get("new-from-none")) + "</option>";
    for (std::size_t i = 0; i < names.size(); ++i) {
        const Context& ctx = prepared[i].source.context;
        if (prepared[i].status != ReadStatus::Ok) continue;
        fromOptions += "<option value=\"" + esc(names[i]) + "\"" + (names[i] == from ? " selected" : "") + ">" +
                       esc(ctx.organisation.name + " – " + documentTitle(pc.lang, ctx) + " (" + names[i] + ")") +
                       "</option>";
    }

    std::string body;
    if (!error.empty())
        body += "<div class=\"error-summary\" id=\"error-summary\" tabindex=\"-1\" autofocus "
                "aria-labelledby=\"error-summary-title\"><h2 class=\"error-summary__title\" id=\"error-summary-title\">" +
                esc(ui.format("summary-title-errors", {{"errors", "1"}, {"warnings", "0"}})) +
                "</h2><ul class=\"error-summary__list\"><li class=\"summary-error\"><a href=\"#new-" + errorField +
                "\"><span class=\"severity\">" + esc(ui.get("error-prefix")) + "</span> " + esc(error) +
                "</a></li></ul></div>";
    body += "<h1 class=\"heading-l\">" + esc(ui.get("new-title")) + "</h1><p class=\"lead\">" +
            esc(ui.get("new-intro")) + "</p>";
    body += "<form method=\"post\" action=\"/new\" novalidate>" + csrfInput(request.principal);
    body += radios("kind", ui.get("new-kind"), "", kinds, posted ? request.param("kind") : kinds.empty() ? "" : kinds.front().first);
    body += "<div class=\"form-group\"><label class=\"label\" for=\"new-from\">" + esc(ui.get("new-from")) +
            "</label><div class=\"hint\" id=\"new-from-hint\">" + esc(ui.get("new-from-hint")) +
            "</div><select class=\"select\" id=\"new-from\" name=\"from\" aria-describedby=\"new-from-hint\">" +
            fromOptions + "</select></div>";
    body += radios("lang", ui.get("new-language"), "", {{"sv", ui.get("language-sv")}, {"en", ui.get("language-en")}},
                   posted ? request.param("lang") : pc.lang);
    const bool fileError = errorField == "file";
    body += "<div class=\"form-group" + std::string(fileError ? " form-group--error" : "") +
            "\"><label class=\"label\" for=\"new-file\">" + esc(ui.get("new-file")) +
            "</label><div class=\"hint\" id=\"new-file-hint\">" + esc(ui.get("new-file-hint")) + "</div>";
    if (fileError)
        body += "<div class=\"field-messages\" id=\"new-file-error\"><p class=\"error-message\"><span class=\"severity\">" +
                esc(ui.get("error-prefix")) + "</span> " + esc(error) + "</p></div>";
    body += "<input class=\"input\" type=\"text\" id=\"new-file\" name=\"file\" spellcheck=\"false\" value=\"" +
            esc(request.param("file")) + "\" aria-describedby=\"new-file-hint" +
            (fileError ? " new-file-error\" aria-invalid=\"true" : "") + "\"></div>";
    body += "<div class=\"actions\"><button type=\"submit\" class=\"button\">" + esc(ui.get("new-create")) +
            "</button></div></form>";
    return page(pc, ui.get("new-title"), body, error.empty() ? 200 : 400);
}

Response WebApp::createDocument(const Request& request) {
    PageContext pc = pageContext(request, "sv");
    const std::string kindId = request.param("kind");
    std::string file = request.param("file");
    if (!file.empty() && file.find('.') == std::string::npos) file += ".xml";
    auto kind = engine_.kinds().find(kindId);
    if (kind == engine_.kinds().end()) return newPage(request, pc.ui.get("new-error-kind"), "kind");
    if (!Workspace::validName(file)) return newPage(request, pc.ui.get("new-error-file"), "file");
    if (workspace_.taken(file)) return newPage(request, pc.ui.format("new-error-exists", {{"file", file}}), "file");
    const std::string lang = request.param("lang") == "en" ? "en" : "sv";
    std::optional<std::string> from;
    if (!request.param("from").empty()) from = workspace_.read(request.param("from"));
    Draft d;
    d.file = file;
    d.isNew = true;
    d.uiLang = lang;
    d.xml = edit::newDocument(kind->second, lang, from ? &*from : nullptr, engine_.schemas());
    Draft& draft = drafts_.create(std::move(d));
    return Response::redirect("/d/" + draft.id + "/step/0");
}

Response WebApp::openDocument(const Request& request) {
    const std::string file = request.param("file");
    const auto xml = workspace_.contains(file) ? workspace_.read(file) : std::nullopt;
    if (!xml) return notFound(pageContext(request, "sv"));
    Draft d;
    d.file = file;
    d.xml = d.savedXml = *xml;
    d.loadedHash = sha256Hex(*xml);
    Diagnostics ignored;
    ReadOptions headerOnly;
    headerOnly.headerOnly = true;
    d.uiLang = readSourceText(*xml, file, engine_.schemas(), ignored, headerOnly).context.lang == "en" ? "en" : "sv";
    Draft& draft = drafts_.create(std::move(d));
    const std::string mode = request.param("mode");
    return Response::redirect("/d/" + draft.id + (mode == "all" ? "/all" : mode == "preview" ? "/preview" : "/step/0"));
}

}  // namespace overens::web
