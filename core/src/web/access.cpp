#include "web/access.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>

#include <iostream>
#include <mutex>

#include "accounts/password_hash.hpp"
#include "accounts/users_file.hpp"

namespace overens::web {

namespace {

// A value for the log line: quoted, control characters and quotes replaced, at most 200 bytes.
std::string logValue(const std::string& s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size() && i < 200; ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        out += c < 0x20 || c == 0x7f || c == '"' || c == '\\' ? '?' : static_cast<char>(c);
    }
    if (s.size() > 200) out += "...";
    return out + "\"";
}

std::mutex logMutex;

}  // namespace

Access::Access(std::unique_ptr<accounts::AccountStore> accounts, AccessSettings settings)
    : accounts_(std::move(accounts)),
      settings_(settings),
      sessions_(settings.sessions),
      perAccount_(settings.accountAttempts, settings.attemptWindow),
      perAddress_(settings.addressAttempts, settings.attemptWindow),
      localCsrf_(randomToken()) {}

std::optional<Principal> Access::principal(const Request& request) {
    Principal p;
    if (!accounts_) {
        p.everyOrganisation = true;
        p.csrfToken = localCsrf_;
        return p;
    }
    auto cookie = request.cookies.find(kSessionCookie);
    if (cookie == request.cookies.end()) return std::nullopt;
    const auto session = sessions_.find(cookie->second);
    if (!session) return std::nullopt;
    std::optional<accounts::Account> account;
    try {
        account = accounts_->find(session->user);
    } catch (const std::exception& e) {
        logRefusal(request, request.method + " " + request.path, std::string("the accounts cannot be read: ") + e.what());
        return std::nullopt;
    }
    if (!account) {  // removed since the login: its sessions end
        sessions_.removeUser(session->user);
        return std::nullopt;
    }
    p.user = account->name;
    p.csrfToken = session->csrfToken;
    for (const auto& org : account->organisations) {
        if (org == "*") p.everyOrganisation = true;
        else p.organisations.insert(org);
    }
    return p;
}

Access::LoginResult Access::login(const std::string& name, const std::string& password, const std::string& client) {
    LoginResult r;
    const std::string accountKey = "account:" + name.substr(0, 128), addressKey = "address:" + client;
    r.retryAfter = std::max(perAccount_.retryAfter(accountKey), perAddress_.retryAfter(addressKey));
    if (r.retryAfter.count() > 0) {
        r.result = Login::Limited;
        return r;
    }
    std::optional<accounts::Account> account;
    if (accounts_ && accounts::validAccountName(name) && password.size() <= 1024) account = accounts_->find(name);
    const bool ok = account ? accounts::verifyPassword(password, account->passwordHash)
                            : (accounts::verifyDummy(password), false);
    if (!ok) {
        perAccount_.failed(accountKey);
        perAddress_.failed(addressKey);
        r.result = Login::Wrong;
        return r;
    }
    perAccount_.succeeded(accountKey);
    r.result = Login::Ok;
    r.token = sessions_.create(account->name);
    return r;
}

void Access::logout(const Request& request) {
    auto cookie = request.cookies.find(kSessionCookie);
    if (cookie != request.cookies.end()) sessions_.remove(cookie->second);
}

Access::Csrf Access::checkCsrf(const Request& request, const std::string& expected) {
    std::string sent = request.header("x-csrf-token");
    if (sent.empty())
        for (const auto& [k, v] : request.form)
            if (k == "_csrf") sent = v;
    if (sent.empty()) return Csrf::Missing;
    return sameToken(sent, expected) ? Csrf::Ok : Csrf::Forged;
}

bool Access::secure(const Request& request) const {
    if (settings_.tls) return true;
    return settings_.behindProxy && request.header("x-forwarded-proto") == "https";
}

std::string Access::cookieAttributes(const Request& request) const {
    return std::string("; Path=/; HttpOnly; SameSite=Strict") + (secure(request) ? "; Secure" : "");
}

std::string Access::sessionCookie(const Request& request, const std::string& token) const {
    return std::string(kSessionCookie) + "=" + token + cookieAttributes(request);
}

std::string Access::expiredSessionCookie(const Request& request) const {
    return std::string(kSessionCookie) + "=" + cookieAttributes(request) + "; Max-Age=0";
}

std::string Access::loginCookie(const Request& request, const std::string& token) const {
    return std::string(kLoginCookie) + "=" + token + cookieAttributes(request) + "; Max-Age=3600";
}

void Access::logRefusal(const Request& request, const std::string& what, const std::string& why,
                        const std::string& user) {
    const std::string time = Poco::DateTimeFormatter::format(Poco::DateTime(), "%Y-%m-%dT%H:%M:%SZ");
    const std::string line = time + " overens serve: refused client=" + logValue(request.client) +
                             " user=" + logValue(user.empty() ? request.principal.user : user) + " what=" + logValue(what) +
                             " why=" + logValue(why) + "\n";
    std::lock_guard<std::mutex> lock(logMutex);
    std::cerr << line << std::flush;
}

}  // namespace overens::web
