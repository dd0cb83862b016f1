// A database of its own for one test of remind's state, on the private PostgreSQL server of the
// CTest fixture postgresql_server (through the store tests' helpers, tests/store/
// store_under_test.hpp); dropped, with its connections, on destruction.
#pragma once

#include <string>

namespace overens::test {

class TestDatabase {
public:
    // Throws std::runtime_error when the test runs without the fixture or the server refuses.
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const std::string& url() const { return url_; }  // postgresql://overens@127.0.0.1:PORT/<name>

private:
    std::string name_, url_;
};

}  // namespace overens::test
