// remind's state in a PostgreSQL database (Poco::Data::PostgreSQL): the one a hosted store uses,
// shared by the reminder job on several machines. Tables remind_meta, remind_folders,
// remind_headers and remind_reminders (the same columns as the SQLite file). Runs may overlap:
// each reminder is claimed with a session advisory lock on its key before it is sent and its
// record read again under the lock, so of two runs only one sends it; a run that dies loses its
// session and with it its claims. Every status change is one committed statement.
#pragma once

#include <memory>

#include "remind/state.hpp"

namespace Poco::Data {
class Session;
}

namespace overens::remind {

class PostgresqlState : public State {
public:
    // Connects and creates the tables when missing; throws StateError.
    explicit PostgresqlState(const std::string& url);
    ~PostgresqlState() override;
    PostgresqlState(const PostgresqlState&) = delete;
    PostgresqlState& operator=(const PostgresqlState&) = delete;

    std::string describe() const override { return display_; }

    Index loadIndex(const std::string& fingerprint) override;
    std::unordered_map<std::string, std::string> headers(const std::vector<std::string>& paths) override;
    void updateIndex(const std::vector<std::pair<std::string, const FolderIndex*>>& folders,
                     const std::vector<HeaderRow>& headers, const std::vector<std::string>& dropHeaders,
                     const std::string& fingerprint) override;

    std::map<std::string, ReminderRecord> reminders(const std::string& identity, const std::string& review) override;
    std::unordered_map<std::string, std::map<std::string, ReminderRecord>> remindersSince(
        const std::string& since) override;

    ReminderRecord claim(const ReminderKey& key) override;
    void release(const ReminderKey& key) override;

protected:
    void setStatus(const ReminderKey& key, ReminderStatus status, int code, const std::string& response,
                   const std::string& path, bool newAttempt) override;

private:
    std::string fingerprint();
    [[noreturn]] void fail(const std::string& what, const std::exception& e);

    std::string display_;
    std::unique_ptr<Poco::Data::Session> db_;
};

}  // namespace overens::remind
