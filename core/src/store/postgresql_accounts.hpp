// Accounts and their grants in the PostgreSQL store's database (tables accounts and grants, made
// with the store's schema), so that every server behind a load balancer sees the same logins.
#pragma once

#include <memory>
#include <string>

#include "accounts/account_store.hpp"

namespace overens::store {

// nullptr and error when the database cannot be opened.
std::unique_ptr<accounts::AccountStore> openPostgresqlAccounts(const std::string& url, std::string& error);

}  // namespace overens::store
