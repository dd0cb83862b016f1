#include "postgresql_test_db.hpp"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>
#include <vector>

#include "remind/postgresql_url.hpp"

namespace overens::test {

using namespace Poco::Data::Keywords;

namespace {

std::string serverUrl() {
    const char* file = std::getenv("OVERENS_TEST_POSTGRESQL_URL_FILE");
    if (!file || !*file)
        throw std::runtime_error("OVERENS_TEST_POSTGRESQL_URL_FILE is not set: run this test through ctest "
                                 "(fixture postgresql_server)");
    std::ifstream in(file);
    std::string url;
    std::getline(in, url);
    if (url.empty()) throw std::runtime_error(std::string("no PostgreSQL URL in ") + file);
    return url;
}

Poco::Data::Session connect(const std::string& url) {
    std::string error;
    const auto target = remind::parsePostgresqlUrl(url, error);
    if (!target) throw std::runtime_error(url + ": " + error);
    Poco::Data::PostgreSQL::Connector::registerConnector();
    return Poco::Data::Session("PostgreSQL", target->connection);
}

// The URL with another database: the path after host[:port].
std::string withDatabase(const std::string& url, const std::string& db) {
    const auto slash = url.find('/', url.find("://") + 3);
    const auto query = url.find('?');
    return url.substr(0, slash) + "/" + db + (query == std::string::npos ? "" : url.substr(query));
}

}  // namespace

TestDatabase::TestDatabase() : serverUrl_(serverUrl()) {
    static std::atomic<int> counter{0};
    std::random_device rd;
    name_ = "remind_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" + std::to_string(rd() % 100000);
    url_ = withDatabase(serverUrl_, name_);
    auto db = connect(serverUrl_);
    db << "CREATE DATABASE " + name_, now;
}

TestDatabase::~TestDatabase() {
    try {
        auto db = connect(serverUrl_);
        db << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)", now;
    } catch (...) {
        // The fixture's cleanup removes the whole server.
    }
}

std::vector<std::string> TestDatabase::query(const std::string& sql) const {
    auto db = connect(url_);
    std::vector<std::string> out;
    db << sql, into(out), now;
    return out;
}

}  // namespace overens::test
