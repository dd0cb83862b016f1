#include "postgresql_test_db.hpp"

#include "store_under_test.hpp"

namespace overens::test {

TestDatabase::TestDatabase() : name_(createTestDatabase("remind_test_")), url_(postgresqlUrlOf(name_)) {}

TestDatabase::~TestDatabase() { dropTestDatabase(name_); }

}  // namespace overens::test
