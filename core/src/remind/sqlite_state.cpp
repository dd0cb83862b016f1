#include "remind/sqlite_state.hpp"

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Exception.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "remind/state_rows.hpp"

namespace overens::remind {

namespace fs = std::filesystem;
using namespace Poco::Data::Keywords;

namespace {

constexpr int kSchemaVersion = 3;  // 3: the index per folder

const char* kSchema[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS folders (path TEXT PRIMARY KEY, entries TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS headers (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, header TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS reminders (identity TEXT NOT NULL, review TEXT NOT NULL, recipient TEXT NOT NULL,"
    " status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, code INTEGER NOT NULL DEFAULT 0,"
    " response TEXT NOT NULL DEFAULT '', last_attempt TEXT NOT NULL DEFAULT '', sent_at TEXT NOT NULL DEFAULT '',"
    " path TEXT NOT NULL DEFAULT '', PRIMARY KEY (identity, review, recipient))",
};

}  // namespace

SqliteState::SqliteState(const fs::path& file) : file_(file) {
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
        } else if (version.front() == "1" || version.front() == "2") {
            // The index is a cache: rebuilt in the new layout; the reminders table is unchanged.
            *db_ << "DROP TABLE IF EXISTS sources", now;
            *db_ << "DELETE FROM meta WHERE key='index-fingerprint'", now;
            *db_ << "UPDATE meta SET value='3' WHERE key='schema'", now;
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

SqliteState::~SqliteState() {
    db_.reset();
    if (lockFd_ >= 0) ::close(lockFd_);  // releases the lock
}


Index SqliteState::loadIndex(const std::string& fingerprint) {
    Index out;
    std::vector<std::string> fp;
    *db_ << "SELECT value FROM meta WHERE key='index-fingerprint'", into(fp), now;
    if (fp.empty() || fp.front() != fingerprint) return out;
    std::vector<std::string> paths, entries;
    *db_ << "SELECT path, entries FROM folders", into(paths), into(entries), now;
    out.reserve(paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) parseFolder(entries[i], out[paths[i]]);
    return out;
}

void SqliteState::updateIndex(const std::vector<std::pair<std::string, const FolderIndex*>>& folders,
                        const std::vector<HeaderRow>& headerRows, const std::vector<std::string>& dropHeaders,
                        const std::string& fingerprint) {
    try {
        db_->begin();
        std::vector<std::string> fp;
        *db_ << "SELECT value FROM meta WHERE key='index-fingerprint'", into(fp), now;
        if (fp.empty() || fp.front() != fingerprint) {
            *db_ << "DELETE FROM folders", now;
            *db_ << "DELETE FROM headers", now;
            std::string f = fingerprint;
            *db_ << "INSERT OR REPLACE INTO meta(key, value) VALUES('index-fingerprint', ?)", use(f), now;
        }
        std::vector<std::string> writePaths, writeEntries, dropPaths;
        for (const auto& [path, folder] : folders) {
            if (!folder || folder->empty()) {
                dropPaths.push_back(path);
            } else {
                writePaths.push_back(path);
                writeEntries.push_back(serializeFolder(*folder));
            }
        }
        if (!writePaths.empty())
            *db_ << "INSERT OR REPLACE INTO folders(path, entries) VALUES(?, ?)", use(writePaths), use(writeEntries), now;
        if (!dropPaths.empty()) *db_ << "DELETE FROM folders WHERE path = ?", use(dropPaths), now;
        if (!headerRows.empty()) {
            std::vector<std::string> paths, hashes, texts;
            for (const auto& h : headerRows) {
                paths.push_back(h.path);
                hashes.push_back(h.sha256);
                texts.push_back(h.header);
            }
            *db_ << "INSERT OR REPLACE INTO headers(path, sha256, header) VALUES(?, ?, ?)", use(paths), use(hashes),
                use(texts), now;
        }
        if (!dropHeaders.empty()) {
            std::vector<std::string> g = dropHeaders;
            *db_ << "DELETE FROM headers WHERE path = ?", use(g), now;
        }
        db_->commit();
    } catch (const Poco::Exception& e) {
        if (db_->isTransaction()) db_->rollback();
        throw StateError("cannot update the index in " + file_.string() + ": " + e.displayText());
    }
}

std::unordered_map<std::string, std::string> SqliteState::headers(const std::vector<std::string>& paths) {
    std::unordered_map<std::string, std::string> out;
    constexpr std::size_t kChunk = 400;  // under SQLite's limit of bound parameters
    for (std::size_t start = 0; start < paths.size(); start += kChunk) {
        const std::size_t n = std::min(kChunk, paths.size() - start);
        std::string sql = "SELECT path, header FROM headers WHERE path IN (";
        for (std::size_t i = 0; i < n; ++i) sql += i ? ",?" : "?";
        sql += ")";
        Poco::Data::Statement st(*db_);
        st << sql;
        std::vector<std::string> chunk(paths.begin() + static_cast<long>(start), paths.begin() + static_cast<long>(start + n));
        for (auto& p : chunk) st, use(p);
        std::vector<std::string> gotPaths, gotHeaders;
        st, into(gotPaths), into(gotHeaders);
        st.execute();
        for (std::size_t i = 0; i < gotPaths.size(); ++i) out.emplace(std::move(gotPaths[i]), std::move(gotHeaders[i]));
    }
    return out;
}

std::unordered_map<std::string, std::map<std::string, ReminderRecord>> SqliteState::remindersSince(const std::string& since) {
    std::vector<std::string> identities, reviews;
    RecordColumns c;
    std::string from = since;
    *db_ << "SELECT identity, review, recipient, status, attempts, code, response, last_attempt, sent_at FROM reminders"
            " WHERE review >= ?",
        use(from), into(identities), into(reviews), into(c.recipients), into(c.statuses), into(c.attempts),
        into(c.codes), into(c.responses), into(c.lasts), into(c.sents), now;
    std::unordered_map<std::string, std::map<std::string, ReminderRecord>> out;
    for (std::size_t i = 0; i < c.recipients.size(); ++i) out[identities[i] + '\n' + reviews[i]][c.recipients[i]] = c.at(i);
    return out;
}

std::map<std::string, ReminderRecord> SqliteState::reminders(const std::string& identity, const std::string& review) {
    RecordColumns c;
    std::string id = identity, rv = review;
    *db_ << "SELECT recipient, status, attempts, code, response, last_attempt, sent_at FROM reminders"
            " WHERE identity = ? AND review = ?",
        use(id), use(rv), into(c.recipients), into(c.statuses), into(c.attempts), into(c.codes), into(c.responses),
        into(c.lasts), into(c.sents), now;
    std::map<std::string, ReminderRecord> out;
    for (std::size_t i = 0; i < c.recipients.size(); ++i) out[c.recipients[i]] = c.at(i);
    return out;
}

ReminderRecord SqliteState::claim(const ReminderKey& key) {
    return recorded(key);  // the run lock keeps every other run out
}

void SqliteState::setStatus(const ReminderKey& key, ReminderStatus status, int code, const std::string& response,
                            const std::string& path, bool newAttempt) {
    try {
        // One statement outside a transaction: committed (and synced) when it returns.
        recordStatus(*db_, "reminders", false, key, status, code, response, path, newAttempt);
    } catch (const Poco::Exception& e) {
        throw StateError("cannot record a reminder in " + file_.string() + ": " + e.displayText());
    }
}

}  // namespace overens::remind
