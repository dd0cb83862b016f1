// Accounts of `overens serve` and their grants: a users file (managed with `overens user
// add|remove|passwd NAME --users FILE [--organisation ORG]...`) or, for a hosted service, the
// PostgreSQL store's tables. Passwords are kept only as salted slow hashes.
//
// Contract of issue 10 (see /work/wt/STORE-CONTRACT.md while it is being built).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace overens::accounts {

struct Account {
    std::string name;                        // 1-64 of [A-Za-z0-9._@-]
    std::string passwordHash;                // "pbkdf2-sha256$ITERATIONS$SALT_B64$HASH_B64"
    std::vector<std::string> organisations;  // granted organisation ids; "*" = every organisation
};

class AccountStore {
public:
    virtual ~AccountStore() = default;
    virtual std::string describe() const = 0;  // never a password
    virtual std::optional<Account> find(const std::string& name) const = 0;
    virtual std::vector<Account> all() const = 0;  // sorted by name
    // Adds or replaces the account (atomically: the file through a temporary and a rename).
    virtual void put(const Account& account) = 0;
    virtual bool remove(const std::string& name) = 0;  // false when there was none
};

// "postgresql://..." (the store's tables), else a users file path (created by put when missing).
// nullptr and error when it cannot be opened.
std::unique_ptr<AccountStore> openAccounts(const std::string& spec, std::string& error);

}  // namespace overens::accounts
