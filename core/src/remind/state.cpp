// What every state backend shares: the status names, the default location, and the choice of
// backend from the spec.
#include "remind/state.hpp"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include <cstdlib>

#include "remind/postgresql_state.hpp"
#include "remind/sqlite_state.hpp"
#include "store/postgresql_connection.hpp"

namespace overens::remind {

namespace fs = std::filesystem;

const char* statusName(ReminderStatus s) {
    switch (s) {
        case ReminderStatus::Attempting: return "attempting";
        case ReminderStatus::Sent: return "sent";
        case ReminderStatus::Refused: return "refused";
        case ReminderStatus::Deferred: return "deferred";
        case ReminderStatus::None: break;
    }
    return "pending";
}

ReminderStatus parseStatus(const std::string& s) {
    if (s == "attempting") return ReminderStatus::Attempting;
    if (s == "sent") return ReminderStatus::Sent;
    if (s == "refused") return ReminderStatus::Refused;
    if (s == "deferred") return ReminderStatus::Deferred;
    return ReminderStatus::None;
}

std::string utcNow() { return Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%SZ"); }

fs::path defaultStateLocation() {
    auto env = [](const char* name) {
        const char* v = std::getenv(name);
        return v && *v ? std::string(v) : std::string();
    };
    if (!env("OVERENS_STATE").empty()) return env("OVERENS_STATE");
    if (!env("STATE_DIRECTORY").empty()) {
        std::string dir = env("STATE_DIRECTORY");
        if (auto colon = dir.find(':'); colon != std::string::npos) dir.resize(colon);
        return fs::path(dir) / "remind.sqlite";
    }
    if (!env("XDG_STATE_HOME").empty()) return fs::path(env("XDG_STATE_HOME")) / "overens" / "remind.sqlite";
    if (!env("HOME").empty()) return fs::path(env("HOME")) / ".local" / "state" / "overens" / "remind.sqlite";
    return fs::path("overens-remind.sqlite");
}

ReminderRecord State::recorded(const ReminderKey& key) {
    const auto records = reminders(key.identity, key.review);
    const auto it = records.find(key.recipient);
    return it == records.end() ? ReminderRecord{} : it->second;
}

void State::markAttempting(const ReminderKey& key, const std::string& path) {
    setStatus(key, ReminderStatus::Attempting, 0, "", path, true);
}
void State::markSent(const ReminderKey& key, int code, const std::string& response) {
    setStatus(key, ReminderStatus::Sent, code, response, "", false);
}
void State::markRefused(const ReminderKey& key, int code, const std::string& response) {
    setStatus(key, ReminderStatus::Refused, code, response, "", false);
}
void State::markDeferred(const ReminderKey& key, int code, const std::string& response) {
    setStatus(key, ReminderStatus::Deferred, code, response, "", false);
}
void State::markUnacknowledged(const ReminderKey& key, const std::string& response) {
    setStatus(key, ReminderStatus::Attempting, 0, response, "", false);
}

bool isDatabaseSpec(const std::string& spec) { return store::isPostgresqlSpec(spec); }

std::unique_ptr<State> openState(const std::string& spec) {
    if (isDatabaseSpec(spec)) return std::make_unique<PostgresqlState>(spec);
    return std::make_unique<SqliteState>(spec);
}

}  // namespace overens::remind
