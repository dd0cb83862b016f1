// The PostgreSQL side shared by the document store and the accounts: the URL a user gives
// (postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?host=/socket/dir&...]) turned into the libpq
// key/value string Poco::Data's connector wants, a pool of sessions, and the schema, created on
// first use and versioned.
#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

#include <memory>
#include <string>

namespace overens::store {

constexpr int kSchemaVersion = 1;

bool isPostgresqlSpec(const std::string& spec);

// The libpq connection string of a postgresql:// URL; "" and error when the URL is not one.
std::string libpqConnectionString(const std::string& url, std::string& error);
// The URL without its password, for messages and logs.
std::string describePostgresql(const std::string& url);

// A pool of sessions to one database whose schema is in place. Throws Poco::Exception (the
// server unreachable) or std::runtime_error (a schema made by a newer Överens).
std::shared_ptr<Poco::Data::SessionPool> openPostgresql(const std::string& url);

}  // namespace overens::store
