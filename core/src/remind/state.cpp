#include "remind/state.hpp"

#include <Poco/Data/Session.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace overens::remind {

namespace fs = std::filesystem;
using namespace Poco::Data::Keywords;
using Poco::Int64;

namespace {

constexpr int kSchemaVersion = 1;

const char* kSchema[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sources (path TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL,"
    " indexed_at INTEGER NOT NULL, is_source INTEGER NOT NULL, sha256 TEXT NOT NULL, header TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS reminders (identity TEXT NOT NULL, review TEXT NOT NULL, recipient TEXT NOT NULL,"
    " status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, code INTEGER NOT NULL DEFAULT 0,"
    " response TEXT NOT NULL DEFAULT '', last_attempt TEXT NOT NULL DEFAULT '', sent_at TEXT NOT NULL DEFAULT '',"
    " path TEXT NOT NULL DEFAULT '', PRIMARY KEY (identity, review, recipient))",
};

ReminderStatus parseStatus(const std::string& s) {
    if (s == "attempting") return ReminderStatus::Attempting;
    if (s == "sent") return ReminderStatus::Sent;
    if (s == "refused") return ReminderStatus::Refused;
    if (s == "deferred") return ReminderStatus::Deferred;
    return ReminderStatus::None;
}

}  // namespace

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

std::string utcNow() { return Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%SZ"); }

fs::path State::defaultLocation() {
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

State::State(const fs::path& file) : file_(file) {
    std::error_code ec;
    if (file.has_parent_path()) fs::create_directories(file.parent_path(), ec);
    const std::string lockFile = file.string() + ".lock";
    lockFd_ = ::open(lockFile.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lockFd_ < 0) throw StateError("cannot open " + lockFile + ": " + std::strerror(errno));
    if (::flock(lockFd_, LOCK_EX | LOCK_NB) != 0) {
        const int e = errno;
        ::close(lockFd_);
        lockFd_ = -1;
        throw StateError(e == EWOULDBLOCK ? "another overens remind run holds " + lockFile
                                          : "cannot lock " + lockFile + ": " + std::strerror(e));
    }
    try {
        Poco::Data::SQLite::Connector::registerConnector();
        db_ = std::make_unique<Poco::Data::Session>("SQLite", file.string());
        *db_ << "PRAGMA journal_mode=WAL", now;
        *db_ << "PRAGMA synchronous=FULL", now;
        *db_ << "PRAGMA busy_timeout=10000", now;
        for (const char* sql : kSchema) *db_ << sql, now;
        std::vector<std::string> version;
        *db_ << "SELECT value FROM meta WHERE key='schema'", into(version), now;
        if (version.empty()) {
            std::string v = std::to_string(kSchemaVersion);
            *db_ << "INSERT INTO meta(key, value) VALUES('schema', ?)", use(v), now;
        } else if (version.front() != std::to_string(kSchemaVersion)) {
            throw StateError(file.string() + " has state schema " + version.front() + ", this program knows " +
                             std::to_string(kSchemaVersion));
        }
    } catch (const Poco::Exception& e) {
        ::close(lockFd_);
        lockFd_ = -1;
        throw StateError("cannot open the state file " + file.string() + ": " + e.displayText());
    }
}

State::~State() {
    db_.reset();
    if (lockFd_ >= 0) ::close(lockFd_);  // releases the lock
}

std::unordered_map<std::string, IndexRow> State::loadIndex(const std::string& fingerprint) {
    std::unordered_map<std::string, IndexRow> out;
    std::vector<std::string> fp;
    *db_ << "SELECT value FROM meta WHERE key='index-fingerprint'", into(fp), now;
    if (fp.empty() || fp.front() != fingerprint) return out;
    std::vector<std::string> paths, hashes, headers;
    std::vector<Int64> mtimes, sizes, indexed, isSource;
    *db_ << "SELECT path, mtime_ns, size, indexed_at, is_source, sha256, header FROM sources", into(paths), into(mtimes),
        into(sizes), into(indexed), into(isSource), into(hashes), into(headers), now;
    out.reserve(paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) {
        IndexRow r;
        r.path = std::move(paths[i]);
        r.mtimeNs = mtimes[i];
        r.size = sizes[i];
        r.indexedAt = indexed[i];
        r.isSource = isSource[i] != 0;
        r.sha256 = std::move(hashes[i]);
        r.header = std::move(headers[i]);
        std::string key = r.path;
        out.emplace(std::move(key), std::move(r));
    }
    return out;
}

void State::updateIndex(const std::vector<IndexRow>& rows, const std::vector<std::string>& gone,
                        const std::string& fingerprint) {
    try {
        db_->begin();
        std::vector<std::string> fp;
        *db_ << "SELECT value FROM meta WHERE key='index-fingerprint'", into(fp), now;
        if (fp.empty() || fp.front() != fingerprint) {
            *db_ << "DELETE FROM sources", now;
            std::string f = fingerprint;
            *db_ << "INSERT OR REPLACE INTO meta(key, value) VALUES('index-fingerprint', ?)", use(f), now;
        }
        if (!rows.empty()) {
            std::vector<std::string> paths, hashes, headers;
            std::vector<Int64> mtimes, sizes, indexed, isSource;
            for (const auto& r : rows) {
                paths.push_back(r.path);
                mtimes.push_back(r.mtimeNs);
                sizes.push_back(r.size);
                indexed.push_back(r.indexedAt);
                isSource.push_back(r.isSource ? 1 : 0);
                hashes.push_back(r.sha256);
                headers.push_back(r.header);
            }
            *db_ << "INSERT OR REPLACE INTO sources(path, mtime_ns, size, indexed_at, is_source, sha256, header)"
                    " VALUES(?, ?, ?, ?, ?, ?, ?)",
                use(paths), use(mtimes), use(sizes), use(indexed), use(isSource), use(hashes), use(headers), now;
        }
        if (!gone.empty()) {
            std::vector<std::string> g = gone;
            *db_ << "DELETE FROM sources WHERE path = ?", use(g), now;
        }
        db_->commit();
    } catch (const Poco::Exception& e) {
        if (db_->isTransaction()) db_->rollback();
        throw StateError("cannot update the index in " + file_.string() + ": " + e.displayText());
    }
}

std::map<std::string, ReminderRecord> State::reminders(const std::string& identity, const std::string& review) {
    std::vector<std::string> recipients, statuses, responses, lasts, sents;
    std::vector<Int64> attempts, codes;
    std::string id = identity, rv = review;
    *db_ << "SELECT recipient, status, attempts, code, response, last_attempt, sent_at FROM reminders"
            " WHERE identity = ? AND review = ?",
        use(id), use(rv), into(recipients), into(statuses), into(attempts), into(codes), into(responses), into(lasts),
        into(sents), now;
    std::map<std::string, ReminderRecord> out;
    for (std::size_t i = 0; i < recipients.size(); ++i) {
        ReminderRecord r;
        r.status = parseStatus(statuses[i]);
        r.attempts = static_cast<int>(attempts[i]);
        r.code = static_cast<int>(codes[i]);
        r.response = responses[i];
        r.lastAttempt = lasts[i];
        r.sentAt = sents[i];
        out[recipients[i]] = r;
    }
    return out;
}

void State::setStatus(const std::string& identity, const std::string& review, const std::string& recipient,
                      ReminderStatus status, int code, const std::string& response, const std::string& path) {
    std::string id = identity, rv = review, rc = recipient, st = statusName(status), resp = response, p = path;
    std::string when = utcNow();
    std::string sentAt = status == ReminderStatus::Sent ? when : std::string();
    Int64 c = code;
    Int64 attempt = status == ReminderStatus::Attempting ? 1 : 0;
    try {
        // One statement, one implicit transaction: committed (and synced) when it returns.
        *db_ << "INSERT INTO reminders(identity, review, recipient, status, attempts, code, response, last_attempt,"
                " sent_at, path) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(identity, review, recipient) DO UPDATE SET status = excluded.status,"
                " attempts = reminders.attempts + excluded.attempts, code = excluded.code,"
                " response = excluded.response, last_attempt = excluded.last_attempt,"
                " sent_at = CASE WHEN excluded.sent_at <> '' THEN excluded.sent_at ELSE reminders.sent_at END,"
                " path = CASE WHEN excluded.path <> '' THEN excluded.path ELSE reminders.path END",
            use(id), use(rv), use(rc), use(st), use(attempt), use(c), use(resp), use(when), use(sentAt), use(p), now;
    } catch (const Poco::Exception& e) {
        throw StateError("cannot record a reminder in " + file_.string() + ": " + e.displayText());
    }
}

void State::markAttempting(const std::string& identity, const std::string& review, const std::string& recipient,
                           const std::string& path) {
    setStatus(identity, review, recipient, ReminderStatus::Attempting, 0, "", path);
}
void State::markSent(const std::string& identity, const std::string& review, const std::string& recipient, int code,
                     const std::string& response) {
    setStatus(identity, review, recipient, ReminderStatus::Sent, code, response, "");
}
void State::markRefused(const std::string& identity, const std::string& review, const std::string& recipient,
                        int code, const std::string& response) {
    setStatus(identity, review, recipient, ReminderStatus::Refused, code, response, "");
}
void State::markDeferred(const std::string& identity, const std::string& review, const std::string& recipient,
                         int code, const std::string& response) {
    setStatus(identity, review, recipient, ReminderStatus::Deferred, code, response, "");
}

}  // namespace overens::remind
