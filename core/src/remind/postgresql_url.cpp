#include "remind/postgresql_url.hpp"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <map>

namespace overens::remind {

std::optional<PostgresqlTarget> parsePostgresqlUrl(const std::string& url, std::string& error) {
    Poco::URI uri;
    try {
        uri = Poco::URI(url);
    } catch (const Poco::Exception& e) {
        error = "not a postgresql:// URL: " + e.displayText();
        return std::nullopt;
    }
    if (uri.getScheme() != "postgresql" && uri.getScheme() != "postgres") {
        error = "not a postgresql:// URL";
        return std::nullopt;
    }
    std::map<std::string, std::string> keys;  // sorted: the same URL gives the same string
    const std::string& info = uri.getUserInfo();
    const auto colon = info.find(':');
    std::string user, password;
    Poco::URI::decode(info.substr(0, colon), user);
    if (colon != std::string::npos) Poco::URI::decode(info.substr(colon + 1), password);
    if (!user.empty()) keys["user"] = user;
    if (!password.empty()) keys["password"] = password;
    if (!uri.getHost().empty()) keys["host"] = uri.getHost();
    if (uri.getPort() != 0) keys["port"] = std::to_string(uri.getPort());
    std::string db = uri.getPath();
    if (!db.empty() && db.front() == '/') db.erase(0, 1);
    if (!db.empty()) keys["dbname"] = db;
    for (const auto& [k, v] : uri.getQueryParameters()) keys[k] = v;
    PostgresqlTarget t;
    for (const auto& [k, v] : keys) {
        if (v.empty() || v.find_first_of(" \t\n'\\") != std::string::npos ||
            k.find_first_of(" \t\n=") != std::string::npos) {
            error = "the URL's " + k + " is empty or holds a space, quote or backslash";
            return std::nullopt;
        }
        t.connection += (t.connection.empty() ? "" : " ") + k + "=" + v;
    }
    // For messages: the URL without a password, in the user part or the query.
    Poco::URI shown(uri);
    shown.setUserInfo(user);
    Poco::URI::QueryParameters kept;
    for (const auto& kv : uri.getQueryParameters())
        if (kv.first != "password") kept.push_back(kv);
    shown.setQueryParameters(kept);
    t.display = shown.toString();
    return t;
}

}  // namespace overens::remind
