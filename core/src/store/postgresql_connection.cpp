#include "store/postgresql_connection.hpp"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/URI.h>

#include <mutex>

namespace overens::store {

using namespace Poco::Data::Keywords;

namespace {

// libpq's quoting of a value: in single quotes, with \ and ' escaped.
std::string quoted(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out + "'";
}

// Every table of the store, created in one transaction under an advisory lock so that servers
// starting together do not race. Grants name organisations that may not exist yet (or "*").
const char* const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS overens_schema (id int PRIMARY KEY CHECK (id = 1), version int NOT NULL)",
    "CREATE TABLE IF NOT EXISTS organisations (id text PRIMARY KEY)",
    "CREATE TABLE IF NOT EXISTS documents (organisation text NOT NULL REFERENCES organisations (id), "
    "name text NOT NULL, current_version int NOT NULL, PRIMARY KEY (organisation, name))",
    // The primary key is what makes two saves based on one version safe on any number of
    // machines: only one row numbered N+1 can exist.
    "CREATE TABLE IF NOT EXISTS versions (organisation text NOT NULL, name text NOT NULL, number int NOT NULL, "
    "author text NOT NULL, saved_at timestamptz NOT NULL DEFAULT now(), summary text NOT NULL, "
    "sha256 text NOT NULL, xml bytea NOT NULL, PRIMARY KEY (organisation, name, number), "
    "FOREIGN KEY (organisation, name) REFERENCES documents (organisation, name))",
    "CREATE TABLE IF NOT EXISTS accounts (name text PRIMARY KEY, password_hash text NOT NULL)",
    "CREATE TABLE IF NOT EXISTS grants (account text NOT NULL REFERENCES accounts (name) ON DELETE CASCADE, "
    "organisation text NOT NULL, PRIMARY KEY (account, organisation))",
};

}  // namespace

bool isPostgresqlSpec(const std::string& spec) {
    return spec.rfind("postgresql://", 0) == 0 || spec.rfind("postgres://", 0) == 0;
}

std::string libpqConnectionString(const std::string& url, std::string& error) {
    if (!isPostgresqlSpec(url)) {
        error = "not a postgresql:// URL";
        return {};
    }
    try {
        const Poco::URI uri(url);
        std::string out;
        auto add = [&](const std::string& key, const std::string& value) {
            if (!value.empty()) out += (out.empty() ? "" : " ") + key + "=" + quoted(value);
        };
        std::string user = uri.getUserInfo(), password;
        const auto colon = user.find(':');
        if (colon != std::string::npos) {
            password = user.substr(colon + 1);
            user = user.substr(0, colon);
        }
        std::string userDecoded, passwordDecoded;
        Poco::URI::decode(user, userDecoded);
        Poco::URI::decode(password, passwordDecoded);
        add("host", uri.getHost());
        if (uri.getPort() != 0) add("port", std::to_string(uri.getPort()));
        std::string db = uri.getPath();
        if (!db.empty() && db.front() == '/') db.erase(0, 1);
        add("dbname", db);
        add("user", userDecoded);
        add("password", passwordDecoded);
        for (const auto& [key, value] : uri.getQueryParameters()) add(key, value);
        if (out.empty() || db.empty()) {
            error = "the URL names no database (postgresql://USER@HOST:PORT/DATABASE)";
            return {};
        }
        return out;
    } catch (const Poco::Exception& e) {
        error = e.displayText();
        return {};
    }
}

std::string describePostgresql(const std::string& url) {
    try {
        Poco::URI uri(url);
        std::string user = uri.getUserInfo();
        user = user.substr(0, user.find(':'));
        uri.setUserInfo(user);
        // libpq also takes the password as a query parameter (?password=…).
        Poco::URI::QueryParameters kept;
        for (auto& [name, value] : uri.getQueryParameters())
            if (name != "password") kept.emplace_back(name, value);
        uri.setQueryParameters(kept);
        return uri.toString();
    } catch (const Poco::Exception&) {
        return "postgresql://?";
    }
}

std::shared_ptr<Poco::Data::SessionPool> openPostgresql(const std::string& url) {
    static std::once_flag registered;
    std::call_once(registered, [] { Poco::Data::PostgreSQL::Connector::registerConnector(); });
    std::string error;
    const std::string connection = libpqConnectionString(url, error);
    if (connection.empty()) throw std::runtime_error(url + ": " + error);
    auto pool = std::make_shared<Poco::Data::SessionPool>("PostgreSQL", connection, 1, 64, 60);
    Poco::Data::Session session = pool->get();
    session.begin();
    try {
        session << "SET LOCAL client_min_messages = warning", now;  // no "already exists, skipping"
        int locked = 0;
        session << "SELECT 1 FROM (SELECT pg_advisory_xact_lock(4242010)) AS l", into(locked), now;
        for (const char* sql : kSchema) session << sql, now;
        session << "INSERT INTO overens_schema (id, version) VALUES (1, $1) ON CONFLICT DO NOTHING",
            bind(kSchemaVersion), now;
        int version = 0;
        session << "SELECT version FROM overens_schema WHERE id = 1", into(version), now;
        if (version > kSchemaVersion)
            throw std::runtime_error(describePostgresql(url) + ": the database's schema is version " +
                                     std::to_string(version) + ", made by a newer overens (this one knows " +
                                     std::to_string(kSchemaVersion) + ")");
        session.commit();
    } catch (...) {
        session.rollback();
        throw;
    }
    return pool;
}

}  // namespace overens::store
