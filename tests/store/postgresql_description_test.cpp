// What a postgresql:// store is called in messages and logs: never its password, wherever the
// URL carries it.
#include <gtest/gtest.h>

#include "store/postgresql_connection.hpp"

using overens::store::describePostgresql;

TEST(PostgresqlDescription, ThePasswordInTheUserInfoIsLeftOut) {
    EXPECT_EQ(describePostgresql("postgresql://anna:hemligt@db.example:5433/overens"),
              "postgresql://anna@db.example:5433/overens");
}

TEST(PostgresqlDescription, ThePasswordAsAQueryParameterIsLeftOutAndTheRestKept) {
    const std::string shown =
        describePostgresql("postgresql://anna@127.0.0.1/overens?password=hemligt&host=/run/pg&sslmode=disable");
    EXPECT_EQ(shown.find("hemligt"), std::string::npos) << shown;
    EXPECT_EQ(shown.find("password"), std::string::npos) << shown;
    EXPECT_NE(shown.find("host=%2Frun%2Fpg"), std::string::npos) << shown;
    EXPECT_NE(shown.find("sslmode=disable"), std::string::npos) << shown;
}

TEST(PostgresqlDescription, AUrlThatCannotBeReadShowsNothingOfIt) {
    EXPECT_EQ(describePostgresql("postgresql://anna:hemligt@[::1/x"), "postgresql://?");
}
