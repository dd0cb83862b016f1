// The users file of `overens serve --users FILE`: one account a line, written only by `overens
// user add|remove|passwd` through a temporary file and a rename (mode 0600), read again by a
// running server whenever it changed (a new password takes effect without a restart).
//
//   # overens users file: NAME:HASH:ORGANISATION,ORGANISATION
//   anna.berg:pbkdf2-sha256$600000$c2FsdA==$aGFzaA==:exempelby-ks,exempelby-sn
//   it-admin:pbkdf2-sha256$600000$...$...:*
//
// Lines starting with '#' and blank lines are ignored. A line that cannot be read makes the whole
// file unreadable (FILE:LINE:COL: error: [users-file] ...): a server never runs on half a file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "accounts/account_store.hpp"

namespace overens::accounts {

// 1-64 of [A-Za-z0-9._@-], not starting with '.' or '-'.
bool validAccountName(const std::string& name);
// An organisation a grant may name: store::validOrganisation's ids ([a-z0-9-], 1-64, not starting
// with '-') or "*" (every organisation).
bool validGrant(const std::string& organisation);

struct UsersFileError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class UsersFile : public AccountStore {
public:
    explicit UsersFile(std::filesystem::path path);

    std::string describe() const override;
    std::optional<Account> find(const std::string& name) const override;
    std::vector<Account> all() const override;
    // Read, change and write back under a lock (FILE.lock), so two `overens user` runs at once
    // lose neither change. Throw UsersFileError when the file cannot be read or written.
    void put(const Account& account) override;
    bool remove(const std::string& name) override;

    // The accounts in text as the file holds them; throws UsersFileError naming FILE:LINE:COL.
    static std::vector<Account> parse(const std::string& text, const std::string& fileName);
    static std::string format(const std::vector<Account>& accounts);

private:
    std::vector<Account> load() const;  // the file's accounts, re-read when it changed; none when absent
    void write(const std::vector<Account>& accounts) const;

    std::filesystem::path path_;
    mutable std::mutex mutex_;
    mutable std::vector<Account> cached_;
    mutable std::string cachedStamp_;  // inode, size and modification time of the file read
    mutable bool cachedValid_ = false;
};

}  // namespace overens::accounts
