// A new document of any kind, started from another document of the same organisation so that
// the organisation, the parties and the roles are not typed twice; and opening a file as a draft.
#include <algorithm>

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

std::vector<std::string> WebApp::organisationsFor(const Request& request) const {
    std::vector<std::string> out;
    for (const auto& org : store_.organisations())
        if (request.principal.mayAccess(org)) out.push_back(org);
    // A folder store's own top-level files form the organisation "" even before there is one.
    if (out.empty() && request.principal.everyOrganisation) out.push_back("");
    return out;
}

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
    // The documents a new one can start from ("ORG/NAME"), labelled by organisation and kind.
    const std::vector<std::string> organisations = organisationsFor(request);
    const std::string from = request.param("from");
    std::string fromOptions = "<option value=\"\">" + esc(ui.get("new-from-none")) + "</option>";
    for (const auto& org : organisations) {
        const std::filesystem::path folder = store_.materialise(org);
        for (const auto& name : store_.documents(org)) {
            const Prepared p = engine_.prepareHeader((folder / name).string());
            if (p.status != ReadStatus::Ok) continue;
            const Context& ctx = p.source.context;
            const std::string value = org + "/" + name;
            fromOptions += "<option value=\"" + esc(value) + "\"" + (value == from ? " selected" : "") + ">" +
                           esc(ctx.organisation.name + " – " + documentTitle(pc.lang, ctx) + " (" +
                               (org.empty() ? name : org + "/" + name) + ")") +
                           "</option>";
        }
    }
    // Where the new document goes: asked only when the principal has more than one organisation.
    std::string orgField;
    const std::string chosenOrg = posted ? request.param("org") : organisations.empty() ? "" : organisations.front();
    if (organisations.size() > 1) {
        std::vector<std::pair<std::string, std::string>> options;
        for (const auto& org : organisations) options.emplace_back(org, org.empty() ? ui.get("organisation-top") : org);
        orgField = radios("org", ui.get("new-organisation"), "", options, chosenOrg);
    } else {
        orgField = "<input type=\"hidden\" name=\"org\" value=\"" + esc(chosenOrg) + "\">";
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
    body += "<form method=\"post\" action=\"/new\" novalidate>" + csrfField(request) + orgField;
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
    const std::string org = request.param("org");
    const std::vector<std::string> organisations = organisationsFor(request);
    if (std::find(organisations.begin(), organisations.end(), org) == organisations.end())
        return newPage(request, pc.ui.get("new-error-organisation"), "org");
    if (!store::validDocumentName(file)) return newPage(request, pc.ui.get("new-error-file"), "file");
    if (store_.taken({org, file})) return newPage(request, pc.ui.format("new-error-exists", {{"file", file}}), "file");
    const std::string lang = request.param("lang") == "en" ? "en" : "sv";
    std::optional<std::string> from;
    const std::string fromParam = request.param("from");
    const auto slash = fromParam.find('/');
    if (slash != std::string::npos && request.principal.mayAccess(fromParam.substr(0, slash)))
        if (auto doc = store_.read({fromParam.substr(0, slash), fromParam.substr(slash + 1)})) from = doc->xml;
    Draft d;
    d.organisation = org;
    d.file = file;
    d.isNew = true;
    d.uiLang = lang;
    d.xml = edit::newDocument(kind->second, lang, from ? &*from : nullptr, engine_.schemas());
    Draft& draft = drafts_.create(std::move(d));
    return Response::redirect("/d/" + draft.id + "/step/0");
}

Response WebApp::openDocument(const Request& request) {
    const auto id = requestedDocument(request);
    const auto doc = id ? store_.read(*id) : std::nullopt;
    if (!doc) return notFound(pageContext(request, "sv"));
    const std::string& file = id->name;
    const auto xml = &doc->xml;
    Draft d;
    d.organisation = id->organisation;
    d.file = file;
    d.xml = d.savedXml = *xml;
    d.basedOn = doc->version;
    Diagnostics ignored;
    ReadOptions headerOnly;
    headerOnly.headerOnly = true;
    d.uiLang = readSourceText(*xml, file, engine_.schemas(), ignored, headerOnly).context.lang == "en" ? "en" : "sv";
    Draft& draft = drafts_.create(std::move(d));
    const std::string mode = request.param("mode");
    return Response::redirect("/d/" + draft.id + (mode == "all" ? "/all" : mode == "preview" ? "/preview" : "/step/0"));
}

}  // namespace overens::web
