// remind's state in one SQLite file (Poco::Data::SQLite, WAL journal, synchronous=FULL): every
// change of a reminder's status is its own committed transaction. One run at a time holds
// <file>.lock (flock), so a reminder needs no claim of its own.
#pragma once

#include <filesystem>
#include <memory>

#include "remind/state.hpp"

namespace Poco::Data {
class Session;
}

namespace overens::remind {

class SqliteState : public State {
public:
    // Opens (creating it and its folder when missing) and takes the run lock; throws StateError
    // when the file cannot be opened or another run holds the lock.
    explicit SqliteState(const std::filesystem::path& file);
    ~SqliteState() override;
    SqliteState(const SqliteState&) = delete;
    SqliteState& operator=(const SqliteState&) = delete;

    std::string describe() const override { return file_.string(); }

    Index loadIndex(const std::string& fingerprint) override;
    std::unordered_map<std::string, std::string> headers(const std::vector<std::string>& paths) override;
    void updateIndex(const std::vector<std::pair<std::string, const FolderIndex*>>& folders,
                     const std::vector<HeaderRow>& headers, const std::vector<std::string>& dropHeaders,
                     const std::string& fingerprint) override;

    std::map<std::string, ReminderRecord> reminders(const std::string& identity, const std::string& review) override;
    std::unordered_map<std::string, std::map<std::string, ReminderRecord>> remindersSince(
        const std::string& since) override;

    ReminderRecord claim(const ReminderKey& key) override;
    void release(const ReminderKey&) override {}

protected:
    void setStatus(const ReminderKey& key, ReminderStatus status, int code, const std::string& response,
                   const std::string& path, bool newAttempt) override;

private:
    std::filesystem::path file_;
    int lockFd_ = -1;
    std::unique_ptr<Poco::Data::Session> db_;
};

}  // namespace overens::remind
