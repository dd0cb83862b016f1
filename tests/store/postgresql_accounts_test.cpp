// The accounts and grants in the PostgreSQL store's database: what `overens user` writes is what
// every server reads, and two handles (two servers) see each other's changes at once.
#include <gtest/gtest.h>

#include "store/postgresql_accounts.hpp"
#include "store_under_test.hpp"

using namespace overens;
using namespace overens::test;

namespace {

TEST(PostgresqlAccounts, PutFindListAndRemoveAreSharedBetweenServers) {
    StoreUnderTest db("postgresql");  // a database of its own, with the store's schema
    std::string error;
    auto one = store::openPostgresqlAccounts(db.spec(), error);
    ASSERT_TRUE(one) << error;
    auto two = store::openPostgresqlAccounts(db.spec(), error);
    ASSERT_TRUE(two) << error;
    EXPECT_EQ(one->describe(), db.spec());

    one->put({"karin", "pbkdf2-sha256$600000$c2FsdA$aGFzaA", {"exempelby", "exempelland"}});
    one->put({"admin", "pbkdf2-sha256$600000$eA$eQ", {"*"}});
    auto karin = two->find("karin");
    ASSERT_TRUE(karin);
    EXPECT_EQ(karin->passwordHash, "pbkdf2-sha256$600000$c2FsdA$aGFzaA");
    EXPECT_EQ(karin->organisations, (std::vector<std::string>{"exempelby", "exempelland"}));
    const auto all = two->all();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].name, "admin");
    EXPECT_EQ(all[0].organisations, std::vector<std::string>{"*"});

    // Replacing an account replaces its password and its grants.
    two->put({"karin", "pbkdf2-sha256$600000$bmV3$bmV3", {"exempelby"}});
    karin = one->find("karin");
    ASSERT_TRUE(karin);
    EXPECT_EQ(karin->passwordHash, "pbkdf2-sha256$600000$bmV3$bmV3");
    EXPECT_EQ(karin->organisations, std::vector<std::string>{"exempelby"});

    EXPECT_TRUE(one->remove("karin"));
    EXPECT_FALSE(one->remove("karin"));
    EXPECT_FALSE(two->find("karin"));
    EXPECT_EQ(two->all().size(), 1u);
    // A name that looks like SQL is only a name.
    one->put({"x'); DROP TABLE accounts; --", "h", {}});
    EXPECT_TRUE(two->find("x'); DROP TABLE accounts; --"));
    EXPECT_EQ(two->all().size(), 2u);
}

TEST(PostgresqlAccounts, AnUnreachableServerIsAnErrorNamingIt) {
    std::string error;
    EXPECT_FALSE(store::openPostgresqlAccounts("postgresql://nobody@127.0.0.1:1/none", error));
    EXPECT_NE(error.find("postgresql://nobody@127.0.0.1:1/none"), std::string::npos) << error;
}

}  // namespace
