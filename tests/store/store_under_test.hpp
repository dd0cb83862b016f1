// The stores the store tests run against: a fresh folder, or a fresh database of its own on the
// tests' PostgreSQL server (the CTest fixture postgresql_server, tests/support/).
#pragma once

#include <memory>
#include <string>

#include "store/document_store.hpp"
#include "test_support.hpp"

namespace overens::test {

class StoreUnderTest {
public:
    explicit StoreUnderTest(const std::string& kind);  // "folder" or "postgresql"
    ~StoreUnderTest();
    StoreUnderTest(const StoreUnderTest&) = delete;
    StoreUnderTest& operator=(const StoreUnderTest&) = delete;

    // What `openStore` and `--store` take: the folder, or the database's URL.
    const std::string& spec() const { return spec_; }
    // Another handle on the same store, as another process or machine would open it.
    std::unique_ptr<store::DocumentStore> open() const;
    store::DocumentStore& store() { return *store_; }

private:
    std::string kind_;
    std::unique_ptr<TempDir> folder_;
    std::string adminUrl_, database_;
    std::string spec_;
    std::unique_ptr<store::DocumentStore> store_;
};

// The URL of the tests' PostgreSQL server (from $OVERENS_TEST_POSTGRESQL_URL_FILE); "" when the
// test was not given one.
std::string postgresqlServerUrl();
// Runs one SQL statement on a database of that server (the URL's database replaced by `database`).
void postgresqlExecute(const std::string& database, const std::string& sql);
// The URL of `database` on that server.
std::string postgresqlUrlOf(const std::string& database);
// Creates a database of its own on that server, named `prefix` and 8 random letters, and returns
// its name; throws std::runtime_error when the test runs without the fixture.
std::string createTestDatabase(const std::string& prefix);
// Drops it with its connections (a failure is left to the fixture's cleanup of the whole server).
void dropTestDatabase(const std::string& name) noexcept;

}  // namespace overens::test
