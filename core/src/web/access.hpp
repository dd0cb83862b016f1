// Who may use `overens serve`, decided for every request before any page (WebApp::admit):
// without accounts (127.0.0.1, no --users) everyone reaching the address may see every
// organisation; with accounts, a request carries a session cookie from a login, and its
// principal is the account's grants as the accounts store has them now. Every request that
// changes something carries the CSRF token of its session (the _csrf field or the
// X-CSRF-Token header). Every refusal is logged, one line to stderr.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "accounts/account_store.hpp"
#include "web/http_types.hpp"
#include "web/login_limiter.hpp"
#include "web/sessions.hpp"

namespace overens::web {

struct AccessSettings {
    bool tls = false;          // served over TLS: cookies are Secure
    bool behindProxy = false;  // plain HTTP behind a proxy: Secure when X-Forwarded-Proto is https
    SessionStore::Limits sessions;
    std::size_t accountAttempts = 5;    // failed logins per account in the window
    std::size_t addressAttempts = 20;   // failed logins per client address in the window
    std::chrono::seconds attemptWindow{15 * 60};
};

class Access {
public:
    // accounts: null for a server without accounts.
    Access(std::unique_ptr<accounts::AccountStore> accounts, AccessSettings settings);

    bool accountsOn() const { return accounts_ != nullptr; }
    const AccessSettings& settings() const { return settings_; }

    static constexpr const char* kSessionCookie = "overens-session";
    static constexpr const char* kLoginCookie = "overens-login";  // the login form's own CSRF token

    // The request's principal: everyone without accounts; else the session's account (nullopt:
    // not logged in, the session expired, or the account is gone).
    std::optional<Principal> principal(const Request& request);

    enum class Login { Ok, Wrong, Limited };
    struct LoginResult {
        Login result = Login::Wrong;
        std::string token;                    // Ok: the new session's
        std::chrono::seconds retryAfter{0};   // Limited
    };
    // Checks name and password (in constant time, and as slowly for an unknown name), counting
    // failures per account and per client address.
    LoginResult login(const std::string& name, const std::string& password, const std::string& client);
    void logout(const Request& request);

    // Whether the request carries its principal's CSRF token.
    enum class Csrf { Ok, Missing, Forged };
    static Csrf checkCsrf(const Request& request, const std::string& expected);

    // Set-Cookie values.
    std::string sessionCookie(const Request& request, const std::string& token) const;
    std::string expiredSessionCookie(const Request& request) const;
    std::string loginCookie(const Request& request, const std::string& token) const;
    bool secure(const Request& request) const;

    // "2026-12-01T12:00:00Z overens serve: refused client=… user=… what=… why=…" on stderr.
    // user: the account a login tried (else the principal's).
    static void logRefusal(const Request& request, const std::string& what, const std::string& why,
                           const std::string& user = {});

private:
    std::string cookieAttributes(const Request& request) const;

    std::unique_ptr<accounts::AccountStore> accounts_;
    AccessSettings settings_;
    SessionStore sessions_;
    LoginLimiter perAccount_, perAddress_;
    std::string localCsrf_;  // without accounts: one token for the server's lifetime
};

}  // namespace overens::web
