#include "remind/postgresql_state.hpp"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>

#include <algorithm>

#include "remind/state_rows.hpp"
#include "store/postgresql_connection.hpp"

namespace overens::remind {

using namespace Poco::Data::Keywords;
using Poco::Int64;

namespace {

constexpr int kSchemaVersion = 3;  // the SQLite file's numbering: 3, the index per folder
// Serialises creating the tables when two runs start on an empty database at once.
constexpr Int64 kSchemaLock = 0x6f76657265'6e7331;  // "overens1"

const char* kSchema[] = {
    "CREATE TABLE IF NOT EXISTS remind_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS remind_folders (path TEXT PRIMARY KEY, entries TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS remind_headers (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, header TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS remind_reminders (identity TEXT NOT NULL, review TEXT NOT NULL,"
    " recipient TEXT NOT NULL, status TEXT NOT NULL, attempts BIGINT NOT NULL DEFAULT 0,"
    " code BIGINT NOT NULL DEFAULT 0, response TEXT NOT NULL DEFAULT '', last_attempt TEXT NOT NULL DEFAULT '',"
    " sent_at TEXT NOT NULL DEFAULT '', path TEXT NOT NULL DEFAULT '', PRIMARY KEY (identity, review, recipient))",
};

std::string lockKey(const ReminderKey& k) { return k.identity + '\n' + k.review + '\n' + k.recipient; }

}  // namespace

PostgresqlState::PostgresqlState(const std::string& url) {
    std::string error;
    const std::string connection = store::libpqConnectionString(url, error);  // the store's reading of the URL
    if (connection.empty()) throw StateError(url + ": " + error);
    display_ = store::describePostgresql(url);
    try {
        Poco::Data::PostgreSQL::Connector::registerConnector();
        db_ = std::make_unique<Poco::Data::Session>("PostgreSQL", connection);
        // A claim waits for another run's SMTP transaction (bounded by its timeouts), not forever.
        *db_ << "SET lock_timeout = '300s'", now;
        *db_ << "SET client_min_messages = warning", now;  // no NOTICE for tables that exist
        db_->begin();
        Int64 lock = kSchemaLock;
        std::string locked;
        *db_ << "SELECT pg_advisory_xact_lock($1::bigint)::text", use(lock), into(locked), now;
        for (const char* sql : kSchema) *db_ << sql, now;
        std::vector<std::string> version;
        *db_ << "SELECT value FROM remind_meta WHERE key = 'schema'", into(version), now;
        if (version.empty()) {
            std::string v = std::to_string(kSchemaVersion);
            *db_ << "INSERT INTO remind_meta(key, value) VALUES('schema', $1::text)", use(v), now;
        } else if (version.front() != std::to_string(kSchemaVersion)) {
            db_->rollback();
            throw StateError(display_ + " has remind state schema " + version.front() + ", this program knows " +
                             std::to_string(kSchemaVersion));
        }
        db_->commit();
    } catch (const Poco::Exception& e) {
        throw StateError("cannot open the state database " + display_ + ": " + e.displayText());
    }
}

PostgresqlState::~PostgresqlState() = default;  // closing the session releases its claims

void PostgresqlState::fail(const std::string& what, const std::exception& e) {
    const auto* poco = dynamic_cast<const Poco::Exception*>(&e);
    try {
        if (db_->isTransaction()) db_->rollback();
    } catch (const Poco::Exception&) {
    }
    throw StateError(what + " in " + display_ + ": " + (poco ? poco->displayText() : std::string(e.what())));
}

std::string PostgresqlState::fingerprint() {
    std::vector<std::string> fp;
    *db_ << "SELECT value FROM remind_meta WHERE key = 'index-fingerprint'", into(fp), now;
    return fp.empty() ? std::string() : fp.front();
}

Index PostgresqlState::loadIndex(const std::string& wanted) {
    Index out;
    try {
        if (fingerprint() != wanted) return out;
        std::vector<std::string> paths, entries;
        *db_ << "SELECT path, entries FROM remind_folders", into(paths), into(entries), now;
        out.reserve(paths.size());
        for (std::size_t i = 0; i < paths.size(); ++i) parseFolder(entries[i], out[paths[i]]);
    } catch (const Poco::Exception& e) {
        fail("cannot read the index", e);
    }
    return out;
}

void PostgresqlState::updateIndex(const std::vector<std::pair<std::string, const FolderIndex*>>& folders,
                                  const std::vector<HeaderRow>& headerRows, const std::vector<std::string>& dropHeaders,
                                  const std::string& wanted) {
    try {
        db_->begin();
        if (fingerprint() != wanted) {
            *db_ << "DELETE FROM remind_folders", now;
            *db_ << "DELETE FROM remind_headers", now;
            std::string f = wanted;
            *db_ << "INSERT INTO remind_meta(key, value) VALUES('index-fingerprint', $1::text)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                use(f), now;
        }
        // One statement per row: Poco's PostgreSQL binding takes no arrays.
        for (const auto& [path, folder] : folders) {
            std::string p = path;
            if (!folder || folder->empty()) {
                *db_ << "DELETE FROM remind_folders WHERE path = $1::text", use(p), now;
                continue;
            }
            std::string entries = serializeFolder(*folder);
            *db_ << "INSERT INTO remind_folders(path, entries) VALUES($1::text, $2::text)"
                    " ON CONFLICT(path) DO UPDATE SET entries = excluded.entries",
                use(p), use(entries), now;
        }
        for (const auto& h : headerRows) {
            std::string p = h.path, sha = h.sha256, text = h.header;
            *db_ << "INSERT INTO remind_headers(path, sha256, header) VALUES($1::text, $2::text, $3::text)"
                    " ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, header = excluded.header",
                use(p), use(sha), use(text), now;
        }
        for (const auto& path : dropHeaders) {
            std::string p = path;
            *db_ << "DELETE FROM remind_headers WHERE path = $1::text", use(p), now;
        }
        db_->commit();
    } catch (const Poco::Exception& e) {
        fail("cannot update the index", e);
    }
}

std::unordered_map<std::string, std::string> PostgresqlState::headers(const std::vector<std::string>& paths) {
    std::unordered_map<std::string, std::string> out;
    constexpr std::size_t kChunk = 400;
    try {
        for (std::size_t start = 0; start < paths.size(); start += kChunk) {
            const std::size_t n = std::min(kChunk, paths.size() - start);
            std::string sql = "SELECT path, header FROM remind_headers WHERE path IN (";
            for (std::size_t i = 0; i < n; ++i) sql += (i ? ",$" : "$") + std::to_string(i + 1) + "::text";
            sql += ")";
            Poco::Data::Statement st(*db_);
            st << sql;
            std::vector<std::string> chunk(paths.begin() + static_cast<long>(start),
                                           paths.begin() + static_cast<long>(start + n));
            for (auto& p : chunk) st, use(p);
            std::vector<std::string> gotPaths, gotHeaders;
            st, into(gotPaths), into(gotHeaders);
            st.execute();
            for (std::size_t i = 0; i < gotPaths.size(); ++i)
                out.emplace(std::move(gotPaths[i]), std::move(gotHeaders[i]));
        }
    } catch (const Poco::Exception& e) {
        fail("cannot read the stored headers", e);
    }
    return out;
}

std::unordered_map<std::string, std::map<std::string, ReminderRecord>> PostgresqlState::remindersSince(
    const std::string& since) {
    std::unordered_map<std::string, std::map<std::string, ReminderRecord>> out;
    try {
        std::vector<std::string> identities, reviews;
        RecordColumns c;
        std::string from = since;
        *db_ << "SELECT identity, review, recipient, status, attempts, code, response, last_attempt, sent_at"
                " FROM remind_reminders WHERE review >= $1::text",
            use(from), into(identities), into(reviews), into(c.recipients), into(c.statuses), into(c.attempts),
            into(c.codes), into(c.responses), into(c.lasts), into(c.sents), now;
        for (std::size_t i = 0; i < c.recipients.size(); ++i)
            out[identities[i] + '\n' + reviews[i]][c.recipients[i]] = c.at(i);
    } catch (const Poco::Exception& e) {
        fail("cannot read the reminders", e);
    }
    return out;
}

std::map<std::string, ReminderRecord> PostgresqlState::reminders(const std::string& identity,
                                                                 const std::string& review) {
    std::map<std::string, ReminderRecord> out;
    try {
        RecordColumns c;
        std::string id = identity, rv = review;
        *db_ << "SELECT recipient, status, attempts, code, response, last_attempt, sent_at FROM remind_reminders"
                " WHERE identity = $1::text AND review = $2::text",
            use(id), use(rv), into(c.recipients), into(c.statuses), into(c.attempts), into(c.codes),
            into(c.responses), into(c.lasts), into(c.sents), now;
        for (std::size_t i = 0; i < c.recipients.size(); ++i) out[c.recipients[i]] = c.at(i);
    } catch (const Poco::Exception& e) {
        fail("cannot read the reminders", e);
    }
    return out;
}

ReminderRecord PostgresqlState::claim(const ReminderKey& key) {
    std::string k = lockKey(key);
    std::string locked;
    try {
        // Waits while another run sends this reminder; then its outcome is what we read.
        *db_ << "SELECT pg_advisory_lock(hashtextextended($1::text, 0))::text", use(k), into(locked), now;
    } catch (const Poco::Exception& e) {
        fail("another run holds the reminder " + key.identity + " " + key.review + " " + key.recipient, e);
    }
    return recorded(key);
}

void PostgresqlState::release(const ReminderKey& key) {
    std::string k = lockKey(key);
    std::string released;
    try {
        *db_ << "SELECT pg_advisory_unlock(hashtextextended($1::text, 0))::text", use(k), into(released), now;
    } catch (const Poco::Exception& e) {
        fail("cannot release a reminder", e);
    }
}

void PostgresqlState::setStatus(const ReminderKey& key, ReminderStatus status, int code, const std::string& response,
                                const std::string& path, bool newAttempt) {
    try {
        // One statement outside a transaction: committed (and synced) when it returns.
        recordStatus(*db_, "remind_reminders", true, key, status, code, response, path, newAttempt);
    } catch (const Poco::Exception& e) {
        fail("cannot record a reminder", e);
    }
}

}  // namespace overens::remind
