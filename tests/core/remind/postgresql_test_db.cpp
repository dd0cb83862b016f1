#include "postgresql_test_db.hpp"

#include <Poco/RandomStream.h>

#include <stdexcept>

#include "store_under_test.hpp"

namespace overens::test {

TestDatabase::TestDatabase() {
    if (postgresqlServerUrl().empty())
        throw std::runtime_error("no PostgreSQL server: run under ctest (fixture postgresql_server), which sets "
                                 "OVERENS_TEST_POSTGRESQL_URL_FILE");
    Poco::RandomInputStream random;
    name_ = "remind_test_";
    for (int i = 0; i < 8; ++i) name_ += "abcdefghijklmnopqrstuvwxyz"[static_cast<unsigned char>(random.get()) % 26];
    postgresqlExecute("overens", "CREATE DATABASE " + name_);
    url_ = postgresqlUrlOf(name_);
}

TestDatabase::~TestDatabase() {
    try {
        postgresqlExecute("overens", "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception&) {
        // the fixture's cleanup removes the whole server
    }
}

}  // namespace overens::test
