// The gate before every page (WebApp::admit): what the server refused to read, the principal of
// the request (a login's session, or everyone without accounts), the CSRF token of every request
// that changes something, and the organisation a request names; and the login and logout pages.
// Every refusal is logged (Access::logRefusal) and answered with a page in the UI's words.
#include "store/document_store.hpp"
#include "web/app.hpp"
#include "web/html.hpp"

namespace overens::web {

namespace {

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// Where a login may send the browser back to: a path of this server, nothing else.
std::string safeNext(const std::string& next) {
    if (next.size() < 1 || next.size() > 2000 || next[0] != '/' || startsWith(next, "//") ||
        next.find('\\') != std::string::npos || startsWith(next, "/login"))
        return "/";
    for (unsigned char c : next)
        if (c < 0x21 || c == 0x7f) return "/";
    return next;
}

std::string pathWithQuery(const Request& request) {
    std::string out = request.path;
    for (std::size_t i = 0; i < request.query.size(); ++i)
        out += (i ? "&" : "?") + urlEncode(request.query[i].first) + "=" + urlEncode(request.query[i].second);
    return out;
}

// The requests that name an organisation's documents by the `org` parameter (absent: the
// workspace's own top level, the organisation ""): the contract's URLs.
bool namesOrganisation(const Request& request) {
    const std::string& p = request.path;
    return p == "/open" || (p == "/new" && request.method == "POST") || p == "/history" || startsWith(p, "/history/") ||
           startsWith(p, "/out/");
}

struct Refusal {
    int status;
    const char* key;
};

// The server's refusals of what was sent (Request::refusal).
Refusal refusalOf(const std::string& what) {
    if (what == "cross-site") return {403, "refused-cross-site"};
    if (what == "too-large" || what == "too-many-fields") return {413, "refused-too-large"};
    if (what == "field-too-large") return {413, "refused-field-too-large"};
    if (what == "bad-character") return {400, "refused-bad-character"};
    if (what == "not-urlencoded") return {415, "refused-not-a-form"};
    return {400, "refused-bad-request"};
}

}  // namespace

Response WebApp::refused(const Request& request, int status, const std::string& key, const std::string& why) {
    Access::logRefusal(request, request.method + " " + request.path, why);
    PageContext pc = pageContext(request, "sv");
    std::string text = pc.ui.format(key + "-text", {{"detail", request.refusalDetail}});
    std::string body = "<h1 class=\"heading-l\">" + esc(pc.ui.get(key + "-title")) + "</h1><p>" + esc(text) + "</p>";
    if (status == 401)
        body += "<p><a class=\"button\" href=\"/login?next=" + esc(urlEncode(request.method == "GET" ? pathWithQuery(request) : "/")) +
                "\">" + esc(pc.ui.get("login-action")) + "</a></p>";
    else
        body += "<p><a href=\"/\">" + esc(pc.ui.get("nav-documents")) + "</a></p>";
    Response r = page(pc, pc.ui.get(key + "-title"), body, status);
    return r;
}

std::string WebApp::accountBar(const PageContext& pc) const {
    const Principal& who = pc.request.principal;
    if (who.user.empty()) return {};
    return "<div class=\"account-bar\"><span class=\"account-bar__user\">" +
           esc(pc.ui.format("signed-in-as", {{"user", who.user}})) +
           "</span><form method=\"post\" action=\"/logout\" class=\"account-bar__logout\">" + csrfField(pc.request) +
           "<button type=\"submit\" class=\"link-button\">" + esc(pc.ui.get("logout-action")) + "</button></form></div>";
}

std::optional<Response> WebApp::admit(Request& request) {
    Access& access = *access_;
    const bool get = request.method == "GET" || request.method == "HEAD";
    const bool post = request.method == "POST";
    if (!get && !post) {
        Response r = refused(request, 405, "refused-method", "method " + request.method);
        r.headers.emplace_back("Allow", "GET, HEAD, POST");
        return r;
    }
    if (get && startsWith(request.path, "/static/")) return std::nullopt;  // the login page's too

    // The principal first, so that a refusal page shows who is logged in.
    std::optional<Principal> principal = access.principal(request);
    if (principal) request.principal = *principal;

    if (!request.refusal.empty()) {
        const Refusal r = refusalOf(request.refusal);
        return refused(request, r.status, r.key, request.refusal + (request.refusalDetail.empty() ? "" : ": " + request.refusalDetail));
    }
    if (request.path == "/login") {
        if (!access.accountsOn()) return Response::redirect("/");
        if (get) {
            auto cookie = request.cookies.find(Access::kLoginCookie);
            const bool reuse = cookie != request.cookies.end() && cookie->second.size() == 43;
            return loginPage(request, {}, 200, reuse ? cookie->second : randomToken());
        }
        return loginSubmit(request);
    }
    if (!principal) {
        if (get) return Response::redirect("/login?next=" + urlEncode(pathWithQuery(request)));
        return refused(request, 401, "refused-login-needed", "not logged in (no session, or it expired)");
    }
    if (post) {
        switch (Access::checkCsrf(request, principal->csrfToken)) {
            case Access::Csrf::Ok: break;
            case Access::Csrf::Missing: return refused(request, 403, "refused-csrf", "no CSRF token");
            case Access::Csrf::Forged: return refused(request, 403, "refused-csrf", "a CSRF token not of this session");
        }
    }
    if (namesOrganisation(request) && !principal->mayAccess(request.param("org")))
        return refused(request, 403, "refused-organisation", "organisation '" + request.param("org") + "' not granted");
    // A name no document can have (.., /, NUL, odd Unicode): not found, and logged as the probe it is.
    const bool opens = request.path == "/open" || startsWith(request.path, "/history");
    if (opens && ((!request.param("org").empty() && !store::validOrganisation(request.param("org"))) ||
                  !store::validDocumentName(request.param("file"))))
        return refused(request, 404, "not-found", "not a document name: org '" + request.param("org") + "' file '" +
                                                      request.param("file") + "'");
    if (post && request.path == "/logout") {
        access.logout(request);
        Response r = Response::redirect(access.accountsOn() ? "/login" : "/");
        r.headers.emplace_back("Set-Cookie", access.expiredSessionCookie(request));
        return r;
    }
    return std::nullopt;
}

Response WebApp::loginPage(const Request& request, const std::string& error, int status, const std::string& token) {
    PageContext pc = pageContext(request, "sv");
    const Wording& ui = pc.ui;
    const std::string next = safeNext(request.param("next"));
    std::string body;
    if (!error.empty())
        body += "<div class=\"error-summary\" id=\"error-summary\" tabindex=\"-1\" autofocus "
                "aria-labelledby=\"error-summary-title\"><h2 class=\"error-summary__title\" id=\"error-summary-title\">" +
                esc(ui.get("login-error-title")) + "</h2><ul class=\"error-summary__list\"><li class=\"summary-error\">"
                "<a href=\"#login-user\"><span class=\"severity\">" + esc(ui.get("error-prefix")) + "</span> " +
                esc(error) + "</a></li></ul></div>";
    body += "<h1 class=\"heading-l\">" + esc(ui.get("login-title")) + "</h1><p class=\"lead\">" + esc(ui.get("login-intro")) +
            "</p>";
    body += "<form method=\"post\" action=\"/login\" novalidate>";
    body += "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(token) + "\">";
    body += "<input type=\"hidden\" name=\"next\" value=\"" + esc(next) + "\">";
    const std::string invalid = error.empty() ? "" : " aria-invalid=\"true\"";
    body += "<div class=\"form-group" + std::string(error.empty() ? "" : " form-group--error") +
            "\"><label class=\"label\" for=\"login-user\">" + esc(ui.get("login-user")) + "</label>";
    if (!error.empty())
        body += "<div class=\"field-messages\" id=\"login-user-error\"><p class=\"error-message\"><span class=\"severity\">" +
                esc(ui.get("error-prefix")) + "</span> " + esc(error) + "</p></div>";
    body += "<input class=\"input input--medium\" type=\"text\" id=\"login-user\" name=\"user\" autocomplete=\"username\" "
            "autocapitalize=\"none\" spellcheck=\"false\" maxlength=\"64\" value=\"" +
            esc(request.method == "POST" ? request.param("user") : "") + "\"" +
            (error.empty() ? "" : " aria-describedby=\"login-user-error\"") + invalid + "></div>";
    body += "<div class=\"form-group\"><label class=\"label\" for=\"login-password\">" + esc(ui.get("login-password")) +
            "</label><input class=\"input input--medium\" type=\"password\" id=\"login-password\" name=\"password\" "
            "autocomplete=\"current-password\"" + invalid + "></div>";
    body += "<div class=\"actions\"><button type=\"submit\" class=\"button\">" + esc(ui.get("login-action")) +
            "</button></div></form>";
    Response r = page(pc, ui.get("login-title"), body, status);
    r.headers.emplace_back("Set-Cookie", access_->loginCookie(request, token));
    return r;
}

Response WebApp::loginSubmit(const Request& request) {
    Access& access = *access_;
    auto cookie = request.cookies.find(Access::kLoginCookie);
    const std::string formToken = request.param("_csrf");
    if (cookie == request.cookies.end() || !sameToken(cookie->second, formToken))
        return refused(request, 403, "refused-csrf",
                       formToken.empty() ? "a login without the login form's token" : "a login form's token not its own");
    const std::string name = request.param("user");
    PageContext pc = pageContext(request, "sv");
    const Access::LoginResult result = access.login(name, request.param("password"), request.client);
    if (result.result == Access::Login::Limited) {
        const auto minutes = (result.retryAfter.count() + 59) / 60;
        Access::logRefusal(request, "login", "rate-limited: too many failed logins (" +
                                                 std::to_string(result.retryAfter.count()) + " s to wait)", name);
        Response r = loginPage(request, pc.ui.format("login-error-limited", {{"minutes", std::to_string(minutes)}}), 429,
                               cookie->second);
        r.headers.emplace_back("Retry-After", std::to_string(result.retryAfter.count()));
        return r;
    }
    if (result.result == Access::Login::Wrong) {
        Access::logRefusal(request, "login", "wrong user name or password", name);
        return loginPage(request, pc.ui.get("login-error-wrong"), 401, cookie->second);
    }
    Response r = Response::redirect(safeNext(request.param("next")));
    r.headers.emplace_back("Set-Cookie", access.sessionCookie(request, result.token));
    return r;
}

}  // namespace overens::web
