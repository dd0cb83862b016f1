#include "store_under_test.hpp"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/RandomStream.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "store/postgresql_connection.hpp"
#include "store/postgresql_store.hpp"

namespace overens::test {

using namespace Poco::Data::Keywords;

std::string postgresqlServerUrl() {
    const char* file = std::getenv("OVERENS_TEST_POSTGRESQL_URL_FILE");
    if (!file) return {};
    std::ifstream in(file);
    std::string url;
    in >> url;
    return url;
}

std::string postgresqlUrlOf(const std::string& database) {
    const std::string server = postgresqlServerUrl();
    return server.substr(0, server.rfind('/') + 1) + database;
}

void postgresqlExecute(const std::string& database, const std::string& sql) {
    Poco::Data::PostgreSQL::Connector::registerConnector();
    std::string error;
    const std::string connection = store::libpqConnectionString(postgresqlUrlOf(database), error);
    if (connection.empty()) throw std::runtime_error(error);
    Poco::Data::Session session("PostgreSQL", connection);
    session << sql, now;
}

std::string createTestDatabase(const std::string& prefix) {
    if (postgresqlServerUrl().empty())
        throw std::runtime_error("no PostgreSQL server: run under ctest (fixture postgresql_server), which sets "
                                 "OVERENS_TEST_POSTGRESQL_URL_FILE");
    Poco::RandomInputStream random;
    std::string name = prefix;
    for (int i = 0; i < 8; ++i) name += "abcdefghijklmnopqrstuvwxyz"[static_cast<unsigned char>(random.get()) % 26];
    postgresqlExecute("overens", "CREATE DATABASE " + name);
    return name;
}

void dropTestDatabase(const std::string& name) noexcept {
    try {
        postgresqlExecute("overens", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (const std::exception&) {
        // the server's folder goes with the fixture's cleanup anyway
    }
}

StoreUnderTest::StoreUnderTest(const std::string& kind) : kind_(kind) {
    if (kind == "folder") {
        folder_ = std::make_unique<TempDir>();
        spec_ = folder_->path().string();
    } else {
        database_ = createTestDatabase("store_test_");
        spec_ = postgresqlUrlOf(database_);
    }
    store_ = open();
}

StoreUnderTest::~StoreUnderTest() {
    // The documents the engine read from this database's cache folder go with it.
    if (auto* pg = dynamic_cast<store::PostgresqlStore*>(store_.get())) {
        std::error_code ec;
        std::filesystem::remove_all(pg->cacheFolder(), ec);
    }
    store_.reset();
    if (!database_.empty()) dropTestDatabase(database_);
}

std::unique_ptr<store::DocumentStore> StoreUnderTest::open() const {
    std::string error;
    auto st = store::openStore(spec_, {}, error);
    if (!st) throw std::runtime_error("openStore(" + spec_ + "): " + error);
    return st;
}

}  // namespace overens::test
