#include "web/app.hpp"

#include <fstream>
#include <sstream>

#include "templates/template_store.hpp"
#include "web/html.hpp"

namespace overens::web {

namespace fs = std::filesystem;

namespace {

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// "/d/<id>/<rest>" -> id, rest.
bool splitDraftPath(const std::string& path, std::string& id, std::string& rest) {
    if (!startsWith(path, "/d/")) return false;
    const auto slash = path.find('/', 3);
    id = path.substr(3, slash == std::string::npos ? std::string::npos : slash - 3);
    rest = slash == std::string::npos ? "" : path.substr(slash + 1);
    return !id.empty();
}

}  // namespace

WebApp::WebApp(Engine& engine, store::DocumentStore& store, fs::path outputFolder, fs::path scratch)
    : engine_(engine),
      store_(store),
      output_(std::move(outputFolder)),
      templatesDir_(engine.templatesDir()),
      checker_(engine, store_, scratch / "drafts") {}

std::optional<store::DocumentId> WebApp::requestedDocument(const Request& request) const {
    store::DocumentId id{request.param("org"), request.param("file")};
    const bool valid = (id.organisation.empty() || store::validOrganisation(id.organisation)) &&
                       store::validDocumentName(id.name);
    if (!valid || !request.principal.mayAccess(id.organisation)) return std::nullopt;
    return id;
}

fs::path WebApp::outputFolderOf(const std::string& organisation) const {
    return organisation.empty() ? output_ : output_ / organisation;
}

std::string WebApp::csrfField(const Request& request) {
    return "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(request.principal.csrfToken) + "\">";
}

std::string WebApp::templateText(const std::string& name) const {
    std::ifstream in(templatesDir_ / "web" / name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

WebApp::PageContext WebApp::pageContext(const Request& request, const std::string& documentLang) {
    std::string lang;
    for (const auto& [k, v] : request.query)
        if (k == "ui") lang = v;
    const bool fromQuery = lang == "sv" || lang == "en";
    if (!fromQuery) {
        auto cookie = request.cookies.find("overens-lang");
        lang = cookie != request.cookies.end() ? cookie->second : documentLang;
    }
    if (lang != "en") lang = "sv";
    Diagnostics ignored;  // a missing wording file shows as [key] on the page
    return PageContext{request, lang, loadWording(templatesDir_, lang, "web", ignored), fromQuery};
}

Response WebApp::page(const PageContext& pc, const std::string& title, const std::string& body, int status) {
    const std::string other = pc.lang == "en" ? "sv" : "en";
    const std::string langSwitch = "<a class=\"lang-switch\" href=\"" + esc(pc.request.path) + "?ui=" + other +
                                   "\" lang=\"" + other + "\" hreflang=\"" + other + "\">" +
                                   esc(pc.ui.get("switch-language")) + "</a>";
    Response r;
    r.status = status;
    r.body = substitute(templateText("page.html"), {{"lang", pc.lang},
                                                    {"title", esc(title)},
                                                    {"service", esc(pc.ui.get("service-name"))},
                                                    {"skip", esc(pc.ui.get("skip-to-content"))},
                                                    {"home", esc(pc.ui.get("nav-documents"))},
                                                    {"lang-switch", langSwitch},
                                                    {"language-label", esc(pc.ui.get("language-nav-label"))},
                                                    {"footer", esc(pc.ui.get("footer"))},
                                                    {"account", accountBar(pc)},
                                                    {"csrf", esc(pc.request.principal.csrfToken)},
                                                    {"body", body}});
    if (pc.langFromQuery) r.headers.emplace_back("Set-Cookie", "overens-lang=" + pc.lang + "; Path=/; SameSite=Strict");
    return r;
}

Response WebApp::notFound(const PageContext& pc) {
    return page(pc, pc.ui.get("not-found-title"),
                "<h1 class=\"heading-l\">" + esc(pc.ui.get("not-found-title")) + "</h1><p>" +
                    esc(pc.ui.get("not-found-text")) + "</p><p><a href=\"/\">" + esc(pc.ui.get("nav-documents")) +
                    "</a></p>",
                404);
}

Response WebApp::handle(const Request& in) {
    try {
        Request request = in;
        // Outside the lock: a login's slow hash must not hold up everyone else's pages.
        if (auto answer = admit(request)) return *answer;
        std::lock_guard<std::mutex> lock(mutex_);
        return route(request);
    } catch (const std::exception& e) {
        return Response::text(500, std::string("overens serve: ") + e.what() + "\n");
    }
}

Response WebApp::route(const Request& request) {
    const std::string& path = request.path;
    const bool get = request.method == "GET" || request.method == "HEAD";
    const bool post = request.method == "POST";

    if (get && startsWith(path, "/static/")) {
        const std::string name = path.substr(8);
        if (name != "style.css" && name != "form.js") return Response::text(404, "not found\n");
        Response r;
        r.contentType = name == "style.css" ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
        r.body = templateText(name);
        return r;
    }
    if (get && path == "/") return documentsPage(request);
    if (get && path == "/new") return newPage(request);
    if (post && path == "/new") return createDocument(request);
    if (get && path == "/open") return openDocument(request);
    if (get && path == "/history") return historyPage(request);
    if (get && path == "/history/view") return versionPage(request);
    if (post && path == "/history/restore") return restoreVersion(request);
    if (get && startsWith(path, "/out/")) return download(request, path.substr(5));

    std::string id, rest;
    if (splitDraftPath(path, id, rest)) {
        Draft* draft = drafts_.find(id);
        if (!draft) {
            PageContext pc = pageContext(request, "sv");
            return page(pc, pc.ui.get("draft-gone-title"),
                        "<h1 class=\"heading-l\">" + esc(pc.ui.get("draft-gone-title")) + "</h1><p>" +
                            esc(pc.ui.get("draft-gone-text")) + "</p><p><a href=\"/\">" +
                            esc(pc.ui.get("nav-documents")) + "</a></p>",
                        404);
        }
        // A draft of an organisation the principal may not access: refused, and logged.
        if (!request.principal.mayAccess(draft->organisation))
            return refused(request, 403, "refused-organisation",
                           "a draft of organisation '" + draft->organisation + "' not granted");
        if (rest == "all") return post ? submitEdit(request, *draft, -1) : editPage(request, *draft, -1);
        if (startsWith(rest, "step/")) {
            int step = 0;
            try {
                step = std::stoi(rest.substr(5));
            } catch (const std::exception&) {
                step = -2;
            }
            if (step >= 0) return post ? submitEdit(request, *draft, step) : editPage(request, *draft, step);
        }
        if (post && rest == "check") return checkDraft(request, *draft);
        if (get && rest == "preview") return previewPage(request, *draft);
        if (rest == "build") return buildPage(request, *draft, post);
    }
    return notFound(pageContext(request, "sv"));
}

}  // namespace overens::web
