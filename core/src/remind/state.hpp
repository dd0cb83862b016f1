// The state of `overens remind`, behind one interface with an implementation per backend: a
// SQLite file (sqlite_state.hpp, the default: one machine) or a PostgreSQL database
// (postgresql_state.hpp: the hosted store, several machines). It holds
//  - the index: the source files seen (per folder: modification time, size, the review facts;
//               per source its header) so that an unchanged file is not parsed again;
//  - reminders: one row per (document identity, review date, recipient): attempting, sent,
//               refused (permanent 5xx) or deferred (temporary failure, retried next run).
// Every change of a reminder's status is durable when the call returns, so what the state says
// survives a crash at any point. The phases of the job see only this interface.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace overens::remind {

struct StateError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// One file in the index. The index is kept per folder (one row holding all its files), so that
// loading it for 100,000 sources is a few hundred rows, not 100,000.
struct IndexEntry {
    std::int64_t mtimeNs = 0;    // modification time, nanoseconds since the epoch
    std::int64_t size = 0;
    std::int64_t indexedAt = 0;  // when it was read (ns), to distrust changes within the same tick
    bool isSource = false;       // false: an XML file that is not a source (root is no document kind)
    // The review facts, enough to tell whether the document is due without its header.
    std::string review;          // effective next review, ISO date; empty when none
    std::string every;           // ISO duration or empty
    std::string notify;          // ISO duration or empty
    bool recurring = false;
    bool seen = false;           // found in this run (not stored)
};
using FolderIndex = std::unordered_map<std::string, IndexEntry>;  // by file name
using Index = std::unordered_map<std::string, FolderIndex>;       // by absolute folder path

struct HeaderRow {
    std::string path;    // absolute
    std::string sha256;
    std::string header;  // Header::serialize()
};

enum class ReminderStatus { None, Attempting, Sent, Refused, Deferred };
const char* statusName(ReminderStatus s);
ReminderStatus parseStatus(const std::string& s);

struct ReminderRecord {
    ReminderStatus status = ReminderStatus::None;
    int attempts = 0;
    int code = 0;              // the SMTP reply code of the last failure (0: none or no reply)
    std::string response;      // the server's reply or the connection error
    std::string lastAttempt;   // UTC ISO time
    std::string sentAt;        // UTC ISO time
};

// A reminder's key: which document, which review date, which recipient (lower-case address).
struct ReminderKey {
    std::string identity;
    std::string review;
    std::string recipient;
};

class State {
public:
    virtual ~State() = default;

    // For messages: the file, or the database without its password.
    virtual std::string describe() const = 0;

    // The index. Empty when it was written under another fingerprint (templates or program
    // changed): every source is then read again.
    virtual Index loadIndex(const std::string& fingerprint) = 0;
    // The stored headers of these paths, by path.
    virtual std::unordered_map<std::string, std::string> headers(const std::vector<std::string>& paths) = 0;
    // In one transaction: replace the rows of these folders (nullptr or empty: drop the folder),
    // write and drop headers; records the fingerprint (a new one empties the index first).
    virtual void updateIndex(const std::vector<std::pair<std::string, const FolderIndex*>>& folders,
                             const std::vector<HeaderRow>& headers, const std::vector<std::string>& dropHeaders,
                             const std::string& fingerprint) = 0;

    // The reminders recorded for one document's review date, by recipient (lower-case address).
    virtual std::map<std::string, ReminderRecord> reminders(const std::string& identity, const std::string& review) = 0;
    // Every reminder for a review date on or after `since`, by identity + '\n' + review, then recipient.
    virtual std::unordered_map<std::string, std::map<std::string, ReminderRecord>> remindersSince(
        const std::string& since) = 0;

    // Before a reminder is sent: makes this run the only one delivering it until release(), and
    // returns what is recorded for it now (another run may have sent it since it was planned).
    // A backend that lets one run at a time in (the SQLite file's lock) returns the record as is.
    virtual ReminderRecord claim(const ReminderKey& key) = 0;
    virtual void release(const ReminderKey& key) = 0;

    void markAttempting(const ReminderKey& key, const std::string& path);
    void markSent(const ReminderKey& key, int code, const std::string& response);
    void markRefused(const ReminderKey& key, int code, const std::string& response);
    void markDeferred(const ReminderKey& key, int code, const std::string& response);
    // The data was sent and no reply came: it stays "attempting" (no new attempt counted), so
    // the next run sends it again as a possible duplicate.
    void markUnacknowledged(const ReminderKey& key, const std::string& response);

protected:
    // What reminders() holds for this key (an empty record when nothing).
    ReminderRecord recorded(const ReminderKey& key);
    // Records the status in one durable step; newAttempt counts an attempt, a non-empty path
    // replaces the one recorded. Throws StateError.
    virtual void setStatus(const ReminderKey& key, ReminderStatus status, int code, const std::string& response,
                           const std::string& path, bool newAttempt) = 0;
};

// A database spec (postgresql://…) rather than a file.
bool isDatabaseSpec(const std::string& spec);

// Opens the state named by spec: a postgresql:// URL, else a SQLite file (created with its
// folder when missing). Takes what the backend needs so that two runs never send one reminder
// twice. Throws StateError when it cannot be opened (or, for the file, another run holds it).
std::unique_ptr<State> openState(const std::string& spec);

// $OVERENS_STATE, else $STATE_DIRECTORY/remind.sqlite (systemd's StateDirectory=), else
// $XDG_STATE_HOME/overens/remind.sqlite, else ~/.local/state/overens/remind.sqlite.
std::filesystem::path defaultStateLocation();

std::string utcNow();  // "2027-12-21T06:00:00Z"

}  // namespace overens::remind
