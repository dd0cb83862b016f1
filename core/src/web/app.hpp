// The web face: `overens serve`'s pages over a document store (a workspace folder or PostgreSQL),
// independent of the HTTP library (http_server.cpp adapts Poco::Net to handle()). Requests are
// served one at a time: the engine and the drafts are not shared between threads. Each page shows
// only the organisations the request's principal may access.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "edit/answers.hpp"
#include "engine/engine.hpp"
#include "web/access.hpp"
#include "web/checker.hpp"
#include "web/drafts.hpp"
#include "web/form_model.hpp"
#include "web/http_types.hpp"
#include "store/document_store.hpp"

namespace overens::web {

class WebApp {
public:
    // outputFolder: where built documents go (<outputFolder>/<org>/ for an organisation other than
    // ""); scratch: a private folder the app may write temporary files in.
    WebApp(Engine& engine, store::DocumentStore& store, std::filesystem::path outputFolder,
           std::filesystem::path scratch);

    Response handle(const Request& request);
    // Who may use the pages (accounts, sessions, CSRF); without it, no accounts.
    void useAccess(Access& access) { access_ = &access; }

private:
    // What every page shares: the UI language and its wording.
    struct PageContext {
        const Request& request;
        std::string lang;  // of the UI: ?ui=, else the cookie, else the document's, else sv
        Wording ui;
        bool langFromQuery = false;
    };

    Response route(const Request& request);
    // page_login.cpp: the gate before any page (the principal, CSRF, refused input, logins), and
    // the refusal of a request for an organisation the principal may not see.
    std::optional<Response> admit(Request& request);
    Response loginPage(const Request& request, const std::string& error, int status, const std::string& token);
    Response loginSubmit(const Request& request);
    Response refused(const Request& request, int status, const std::string& key, const std::string& why);
    std::string accountBar(const PageContext& pc) const;
    PageContext pageContext(const Request& request, const std::string& documentLang);
    Response page(const PageContext& pc, const std::string& title, const std::string& body, int status = 200);
    Response notFound(const PageContext& pc);
    std::string templateText(const std::string& name) const;  // templates/web/<name>

    // page_documents.cpp
    Response documentsPage(const Request& request);
    // page_new.cpp
    Response newPage(const Request& request, const std::string& error = {}, const std::string& errorField = {});
    Response createDocument(const Request& request);
    Response openDocument(const Request& request);
    // page_edit.cpp
    Response editPage(const Request& request, Draft& draft, int step);  // step -1: every section on one page
    Response submitEdit(const Request& request, Draft& draft, int step);
    Response checkDraft(const Request& request, Draft& draft);
    Response saveDraft(const PageContext& pc, Draft& draft, const std::string& back);
    // page_conflict.cpp: a save refused because someone saved a newer version in between.
    Response conflictPage(const PageContext& pc, const Draft& draft, const std::string& back);
    // page_history.cpp: a document's versions, one version, and a restore (a new version).
    Response historyPage(const Request& request);
    Response versionPage(const Request& request);
    Response restoreVersion(const Request& request);
    // The document a request names (?org=&file=), when the principal may see it.
    std::optional<store::DocumentId> requestedDocument(const Request& request) const;
    std::filesystem::path outputFolderOf(const std::string& organisation) const;
    // The organisations the principal may access (page_new.cpp).
    std::vector<std::string> organisationsFor(const Request& request) const;
    // The hidden field every state-changing form carries.
    static std::string csrfField(const Request& request);
    // page_output.cpp
    Response previewPage(const Request& request, Draft& draft);
    Response buildPage(const Request& request, Draft& draft, bool run);
    Response download(const Request& request, const std::string& name);

    // Shared pieces (page_parts.cpp).
    std::string errorSummary(const PageContext& pc, const Checked& checked, const std::vector<FormStep>& steps,
                             const Draft& draft, int step, const std::set<std::string>& idsOnPage,
                             bool onlyShown) const;
    std::string documentTitle(const std::string& lang, const Context& ctx) const;
    std::string draftNav(const PageContext& pc, const Draft& draft, const std::string& current) const;
    const DocumentKind* kindOf(const Draft& draft) const;
    // The answers posted by a form: every parameter whose name is an answers path.
    static edit::Answers postedAnswers(const Request& request);
    // Write the posted answers (and a row operation) into the draft; the answers as written.
    edit::Answers applyPosted(const Request& request, Draft& draft);
    // The form of one step (or of every step, step -1) with the draft's answers and messages.
    struct RenderedForm {
        std::string html;
        std::set<std::string> ids;
    };
    RenderedForm renderForm(const PageContext& pc, const Draft& draft, const Checked& checked,
                            const std::vector<FormStep>& steps, int step, const std::set<std::string>& touched);
    std::vector<FormStep> stepsOf(const DocumentKind& kind) const;
    // Whether messages are shown for this step of this draft.
    static bool showsMessages(const Draft& draft, int step);

    Engine& engine_;
    store::DocumentStore& store_;
    std::filesystem::path output_;
    std::filesystem::path templatesDir_;
    DraftStore drafts_;
    Checker checker_;
    std::mutex mutex_;
    std::unique_ptr<Access> ownAccess_ = std::make_unique<Access>(nullptr, AccessSettings{});
    Access* access_ = ownAccess_.get();
};

}  // namespace overens::web
