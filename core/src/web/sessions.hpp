// The logins of `overens serve --users`: a session per successful login, named by a random token
// (256 bits from the kernel) that only the browser's cookie holds, with a CSRF token of its own.
// A session ends after an idle time, after an absolute time, or at logout. Kept in memory: a
// restart logs everyone out.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace overens::web {

// A fresh random token: 32 bytes from the kernel's random source, base64url without padding.
std::string randomToken();
// Whether two tokens are equal, in time that does not depend on where they differ.
bool sameToken(const std::string& a, const std::string& b);

class SessionStore {
public:
    using Clock = std::chrono::steady_clock;

    struct Limits {
        std::chrono::seconds idle{30 * 60};         // no request for this long ends it
        std::chrono::seconds absolute{12 * 3600};   // from login, whatever the activity
        std::size_t capacity = 10000;               // the oldest session is ended beyond this
    };

    struct Session {
        std::string user;
        std::string csrfToken;
        Clock::time_point created, lastSeen;
    };

    SessionStore() = default;
    explicit SessionStore(Limits limits) : limits_(limits) {}

    // A new session for user; returns its token (for the cookie).
    std::string create(const std::string& user, Clock::time_point now = Clock::now());
    // The live session of a token (its last use set to now); nullopt when unknown or expired.
    std::optional<Session> find(const std::string& token, Clock::time_point now = Clock::now());
    void remove(const std::string& token);
    // Ends every session of user (the account was removed).
    void removeUser(const std::string& user);
    std::size_t size() const;

private:
    bool expired(const Session& s, Clock::time_point now) const;
    void prune(Clock::time_point now);  // with mutex_ held

    Limits limits_;
    mutable std::mutex mutex_;
    std::map<std::string, Session> sessions_;  // by SHA-256 of the token: the map never holds one
};

}  // namespace overens::web
