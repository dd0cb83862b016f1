#include "store_under_test.hpp"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/RandomStream.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "store/postgresql_connection.hpp"

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

StoreUnderTest::StoreUnderTest(const std::string& kind) : kind_(kind) {
    if (kind == "folder") {
        folder_ = std::make_unique<TempDir>();
        spec_ = folder_->path().string();
    } else {
        if (postgresqlServerUrl().empty())
            throw std::runtime_error("no PostgreSQL server: run under ctest (fixture postgresql_server), which sets "
                                     "OVERENS_TEST_POSTGRESQL_URL_FILE");
        Poco::RandomInputStream random;
        database_ = "store_test_";
        for (int i = 0; i < 8; ++i) database_ += "abcdefghijklmnopqrstuvwxyz"[static_cast<unsigned char>(random.get()) % 26];
        postgresqlExecute("overens", "CREATE DATABASE " + database_);
        spec_ = postgresqlUrlOf(database_);
    }
    store_ = open();
}

StoreUnderTest::~StoreUnderTest() {
    store_.reset();
    if (!database_.empty()) {
        try {
            postgresqlExecute("overens", "DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
        } catch (const std::exception&) {
            // the server's folder goes with the fixture's cleanup anyway
        }
    }
}

std::unique_ptr<store::DocumentStore> StoreUnderTest::open() const {
    std::string error;
    auto st = store::openStore(spec_, {}, error);
    if (!st) throw std::runtime_error("openStore(" + spec_ + "): " + error);
    return st;
}

}  // namespace overens::test
