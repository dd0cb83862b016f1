// A postgresql:// URL (libpq's form: postgresql://[USER[:PASSWORD]@][HOST][:PORT][/DB][?KEY=VALUE&…],
// e.g. ?host=/run/postgresql for a local socket) as the "key=value …" string that
// Poco::Data::PostgreSQL takes, and as text for messages, without the password.
#pragma once

#include <optional>
#include <string>

namespace overens::remind {

struct PostgresqlTarget {
    std::string connection;  // "host=127.0.0.1 port=5432 dbname=overens user=overens"
    std::string display;     // the URL without its password
};

// nullopt (and error) when the URL is not one; values may not hold spaces (Poco splits on them).
std::optional<PostgresqlTarget> parsePostgresqlUrl(const std::string& url, std::string& error);

}  // namespace overens::remind
