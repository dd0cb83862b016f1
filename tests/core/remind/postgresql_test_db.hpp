// A database of its own for one test, on the private PostgreSQL server of the CTest fixture
// postgresql_server (tests/support/postgresql.cmake): created from the URL in
// $OVERENS_TEST_POSTGRESQL_URL_FILE, dropped (with its connections) on destruction.
#pragma once

#include <string>
#include <vector>

namespace overens::test {

class TestDatabase {
public:
    // Throws std::runtime_error when the fixture's URL file is missing or the server refuses.
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const std::string& url() const { return url_; }  // postgresql://overens@127.0.0.1:PORT/<name>
    const std::string& name() const { return name_; }
    // Runs one statement in this database (for checks); returns the first column of every row.
    std::vector<std::string> query(const std::string& sql) const;

private:
    std::string serverUrl_, url_, name_;
};

}  // namespace overens::test
