// openAccounts: a users file, or the PostgreSQL store's accounts table (store/postgresql_accounts.cpp).
#include "accounts/account_store.hpp"
#include "accounts/users_file.hpp"
#include "store/postgresql_accounts.hpp"
#include "store/postgresql_connection.hpp"

namespace overens::accounts {

std::unique_ptr<AccountStore> openAccounts(const std::string& spec, std::string& error) {
    if (store::isPostgresqlSpec(spec)) return store::openPostgresqlAccounts(spec, error);
    if (spec.empty()) {
        error = "no users file given";
        return nullptr;
    }
    auto file = std::make_unique<UsersFile>(spec);
    try {
        file->all();  // a file that cannot be read is said now, not at the first login
    } catch (const UsersFileError& e) {
        error = e.what();
        return nullptr;
    }
    return file;
}

}  // namespace overens::accounts
