// The state of `overens remind` in one SQLite file (Poco::Data::SQLite):
//  - sources:   an index of the source files seen (path, modification time, size, hash, the
//               review facts and the header) so that an unchanged file is not parsed again;
//  - reminders: one row per (document identity, review date, recipient): attempting, sent,
//               refused (permanent 5xx) or deferred (temporary failure, retried next run).
// Every change of a reminder's status is its own committed transaction (synchronous=FULL), so
// what the file says survives a crash at any point. One run at a time holds <file>.lock.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace Poco::Data {
class Session;
}

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

struct ReminderRecord {
    ReminderStatus status = ReminderStatus::None;
    int attempts = 0;
    int code = 0;              // the SMTP reply code of the last failure (0: none or no reply)
    std::string response;      // the server's reply or the connection error
    std::string lastAttempt;   // UTC ISO time
    std::string sentAt;        // UTC ISO time
};

class State {
public:
    // Opens (creating it and its folder when missing) and takes the run lock; throws StateError
    // when the file cannot be opened or another run holds the lock.
    explicit State(const std::filesystem::path& file);
    ~State();
    State(const State&) = delete;
    State& operator=(const State&) = delete;

    const std::filesystem::path& file() const { return file_; }

    // The index. Empty when it was written under another fingerprint (templates or program
    // changed): every source is then read again.
    Index loadIndex(const std::string& fingerprint);
    // The stored headers of these paths, by path.
    std::unordered_map<std::string, std::string> headers(const std::vector<std::string>& paths);
    // In one transaction: replace the rows of these folders (nullptr or empty: drop the folder),
    // write and drop headers; records the fingerprint (a new one empties the index first).
    void updateIndex(const std::vector<std::pair<std::string, const FolderIndex*>>& folders,
                     const std::vector<HeaderRow>& headers, const std::vector<std::string>& dropHeaders,
                     const std::string& fingerprint);

    // The reminders recorded for one document's review date, by recipient (lower-case address).
    std::map<std::string, ReminderRecord> reminders(const std::string& identity, const std::string& review);
    // Every reminder for a review date on or after `since`, by identity + '\n' + review, then recipient.
    std::unordered_map<std::string, std::map<std::string, ReminderRecord>> remindersSince(const std::string& since);

    void markAttempting(const std::string& identity, const std::string& review, const std::string& recipient,
                        const std::string& path);
    void markSent(const std::string& identity, const std::string& review, const std::string& recipient, int code,
                  const std::string& response);
    void markRefused(const std::string& identity, const std::string& review, const std::string& recipient, int code,
                     const std::string& response);
    void markDeferred(const std::string& identity, const std::string& review, const std::string& recipient, int code,
                      const std::string& response);
    // The data was sent and no reply came: it stays "attempting" (no new attempt counted), so
    // the next run sends it again as a possible duplicate.
    void markUnacknowledged(const std::string& identity, const std::string& review, const std::string& recipient,
                            const std::string& response);

    // $OVERENS_STATE, else $STATE_DIRECTORY/remind.sqlite (systemd's StateDirectory=), else
    // $XDG_STATE_HOME/overens/remind.sqlite, else ~/.local/state/overens/remind.sqlite.
    static std::filesystem::path defaultLocation();

private:
    void setStatus(const std::string& identity, const std::string& review, const std::string& recipient,
                   ReminderStatus status, int code, const std::string& response, const std::string& path,
                   bool newAttempt);

    std::filesystem::path file_;
    int lockFd_ = -1;
    std::unique_ptr<Poco::Data::Session> db_;
};

std::string utcNow();  // "2027-12-21T06:00:00Z"

}  // namespace overens::remind
