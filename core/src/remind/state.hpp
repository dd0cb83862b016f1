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

struct IndexRow {
    std::string path;          // absolute, normalised
    std::int64_t mtimeNs = 0;  // modification time, nanoseconds since the epoch
    std::int64_t size = 0;
    std::int64_t indexedAt = 0;  // when the row was written (ns), to distrust same-tick changes
    bool isSource = false;     // false: an XML file that is not a source (root is no document kind)
    std::string sha256;
    std::string header;        // Header::serialize(); empty for non-sources
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

    // The index, keyed by path. Empty when it was written under another fingerprint (templates
    // or program changed): every source is then read again.
    std::unordered_map<std::string, IndexRow> loadIndex(const std::string& fingerprint);
    // Write rows (insert or replace) and drop paths, in one transaction; records the fingerprint.
    void updateIndex(const std::vector<IndexRow>& rows, const std::vector<std::string>& gone,
                     const std::string& fingerprint);

    // The reminders recorded for one document's review date, by recipient (lower-case address).
    std::map<std::string, ReminderRecord> reminders(const std::string& identity, const std::string& review);

    void markAttempting(const std::string& identity, const std::string& review, const std::string& recipient,
                        const std::string& path);
    void markSent(const std::string& identity, const std::string& review, const std::string& recipient, int code,
                  const std::string& response);
    void markRefused(const std::string& identity, const std::string& review, const std::string& recipient, int code,
                     const std::string& response);
    void markDeferred(const std::string& identity, const std::string& review, const std::string& recipient, int code,
                      const std::string& response);

    // $OVERENS_STATE, else $STATE_DIRECTORY/remind.sqlite (systemd's StateDirectory=), else
    // $XDG_STATE_HOME/overens/remind.sqlite, else ~/.local/state/overens/remind.sqlite.
    static std::filesystem::path defaultLocation();

private:
    void setStatus(const std::string& identity, const std::string& review, const std::string& recipient,
                   ReminderStatus status, int code, const std::string& response, const std::string& path);

    std::filesystem::path file_;
    int lockFd_ = -1;
    std::unique_ptr<Poco::Data::Session> db_;
};

std::string utcNow();  // "2027-12-21T06:00:00Z"

}  // namespace overens::remind
