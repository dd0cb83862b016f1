// remind's state, the same tests on both backends: the SQLite file and a PostgreSQL database of
// the test's own on the fixture's real server. Then what only one of them does: the file's run
// lock; the database's claims, which let two runs overlap without sending a reminder twice.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "postgresql_test_db.hpp"
#include "remind_fixtures.hpp"
#include "remind/postgresql_state.hpp"
#include "remind/sqlite_state.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::remind;
namespace fs = std::filesystem;

namespace {

class StateBackend : public ::testing::TestWithParam<std::string> {
protected:
    test::TempDir dir;
    std::unique_ptr<test::TestDatabase> db;
    std::string spec() {
        if (GetParam() == "sqlite") return (dir / "sub" / "state.sqlite").string();
        if (!db) db = std::make_unique<test::TestDatabase>();
        return db->url();
    }
};

const ReminderKey kX{"doc:a", "2028-01-20", "x@example.org"};

}  // namespace

TEST_P(StateBackend, RecordsEachStatusAndKeepsTheSentTime) {
    auto s = openState(spec());
    EXPECT_TRUE(s->reminders("doc:a", "2028-01-20").empty());
    s->markAttempting(kX, "/src/a.xml");
    EXPECT_EQ(s->reminders("doc:a", "2028-01-20")["x@example.org"].status, ReminderStatus::Attempting);
    s->markDeferred(kX, 451, "451 later");
    auto r = s->reminders("doc:a", "2028-01-20")["x@example.org"];
    EXPECT_EQ(r.status, ReminderStatus::Deferred);
    EXPECT_EQ(r.code, 451);
    EXPECT_EQ(r.response, "451 later");
    s->markAttempting(kX, "/src/a.xml");
    s->markUnacknowledged(kX, "no reply");
    r = s->claim(kX);
    EXPECT_EQ(r.status, ReminderStatus::Attempting);
    EXPECT_EQ(r.attempts, 2);  // an unacknowledged data is no new attempt
    s->markSent(kX, 250, "");
    s->release(kX);
    r = s->reminders("doc:a", "2028-01-20")["x@example.org"];
    EXPECT_EQ(r.status, ReminderStatus::Sent);
    EXPECT_EQ(r.attempts, 2);
    EXPECT_FALSE(r.sentAt.empty());
    s->markRefused({"doc:a", "2028-01-20", "y@example.org"}, 550, "550 no");
    EXPECT_EQ(s->reminders("doc:a", "2028-01-20").size(), 2u);
    EXPECT_TRUE(s->reminders("doc:a", "2029-01-20").empty());  // another review date: a new reminder
    s->markDeferred({"doc:b", "2027-06-01", "z@example.org"}, 0, "down");
    const auto since = s->remindersSince("2028-01-01");
    ASSERT_EQ(since.size(), 1u);
    EXPECT_EQ(since.at("doc:a\n2028-01-20").at("y@example.org").status, ReminderStatus::Refused);
    // What a later run sees.
    s.reset();
    EXPECT_EQ(openState(spec())->reminders("doc:a", "2028-01-20")["x@example.org"].status, ReminderStatus::Sent);
}

TEST_P(StateBackend, IndexRoundTripAndFingerprint) {
    auto s = openState(spec());
    FolderIndex a, b;
    for (int i = 0; i < 1000; ++i) {
        IndexEntry e;
        e.mtimeNs = 1000 + i;
        e.size = 200 + i;
        e.indexedAt = 5000;
        e.isSource = i % 2 == 0;
        e.review = e.isSource ? "2028-01-20" : "";
        e.every = "P1Y";
        e.notify = "P30D";
        e.recurring = i % 4 == 0;
        (i < 500 ? a : b)["f" + std::to_string(i) + ".xml"] = e;
    }
    s->updateIndex({{"/src/a", &a}, {"/src/b", &b}}, {{"/src/a/f0.xml", "sha", "header0\x1f\x1e"}}, {}, "fp1");
    auto index = s->loadIndex("fp1");
    ASSERT_EQ(index.size(), 2u);
    ASSERT_EQ(index["/src/a"].size(), 500u);
    const IndexEntry& e = index["/src/b"]["f504.xml"];
    EXPECT_EQ(e.mtimeNs, 1504);
    EXPECT_EQ(e.size, 704);
    EXPECT_TRUE(e.isSource);
    EXPECT_TRUE(e.recurring);
    EXPECT_EQ(e.review, "2028-01-20");
    EXPECT_EQ(e.notify, "P30D");
    EXPECT_FALSE(index["/src/b"]["f505.xml"].isSource);
    EXPECT_EQ(s->headers({"/src/a/f0.xml", "/src/none.xml"}).at("/src/a/f0.xml"), "header0\x1f\x1e");
    s->updateIndex({{"/src/b", nullptr}}, {}, {"/src/a/f0.xml"}, "fp1");
    EXPECT_EQ(s->loadIndex("fp1").size(), 1u);
    EXPECT_TRUE(s->headers({"/src/a/f0.xml"}).empty());
    EXPECT_TRUE(s->loadIndex("fp2").empty());  // templates changed: everything is read again
    s->updateIndex({{"/src/a", &a}}, {}, {}, "fp2");
    EXPECT_EQ(s->loadIndex("fp2").size(), 1u);
    std::vector<std::string> many;
    for (int i = 0; i < 900; ++i) many.push_back("/src/none" + std::to_string(i) + ".xml");  // over one chunk
    EXPECT_TRUE(s->headers(many).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, StateBackend, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

TEST(SqliteState, OneRunAtATime) {
    test::TempDir dir;
    SqliteState first(dir / "state.sqlite");
    try {
        SqliteState second(dir / "state.sqlite");
        FAIL() << "the second run got the lock";
    } catch (const StateError& e) {
        EXPECT_NE(std::string(e.what()).find("another overens remind run"), std::string::npos) << e.what();
    }
}

// Two runs on two machines: the second waits while the first sends, then reads what it recorded.
TEST(PostgresqlState, AClaimWaitsForTheRunSendingAndSeesItsOutcome) {
    test::TestDatabase db;
    PostgresqlState first(db.url()), second(db.url());  // both run at once: no run lock
    EXPECT_EQ(first.claim(kX).status, ReminderStatus::None);
    std::atomic<bool> claimed{false};
    ReminderRecord seen;
    std::thread other([&] {
        seen = second.claim(kX);
        claimed = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    EXPECT_FALSE(claimed) << "the second run got a reminder the first one is sending";
    first.markAttempting(kX, "/src/a.xml");
    first.markSent(kX, 250, "250 ok");
    first.release(kX);
    other.join();
    EXPECT_TRUE(claimed);
    EXPECT_EQ(seen.status, ReminderStatus::Sent);  // so it is not sent again
    second.release(kX);
    // Other reminders are not held up by a claim.
    const ReminderKey y{"doc:a", "2028-01-20", "y@example.org"};
    EXPECT_EQ(first.claim(kX).status, ReminderStatus::Sent);
    EXPECT_EQ(second.claim(y).status, ReminderStatus::None);
}

TEST(PostgresqlState, ARunThatDiesLosesItsClaims) {
    test::TestDatabase db;
    auto dying = std::make_unique<PostgresqlState>(db.url());
    dying->claim(kX);
    dying->markAttempting(kX, "/src/a.xml");
    dying.reset();  // the session ends (as when the process is killed): the lock is gone, the record stays
    PostgresqlState next(db.url());
    EXPECT_EQ(next.claim(kX).status, ReminderStatus::Attempting);  // sent again, as a possible copy
}

TEST(PostgresqlState, RunsStartingTogetherOnAnEmptyDatabase) {
    test::TestDatabase db;
    std::vector<std::thread> runs;
    std::atomic<int> failed{0};
    for (int i = 0; i < 6; ++i)
        runs.emplace_back([&] {
            try {
                PostgresqlState s(db.url());
            } catch (const StateError&) {
                ++failed;
            }
        });
    for (auto& t : runs) t.join();
    EXPECT_EQ(failed, 0);
    PostgresqlState after(db.url());
    after.markSent(kX, 250, "");
    EXPECT_EQ(after.reminders("doc:a", "2028-01-20").size(), 1u);
}

TEST(PostgresqlState, AServerThatIsNotThereIsAStateError) {
    try {
        PostgresqlState s("postgresql://overens@127.0.0.1:" + std::to_string(test::freePort()) + "/none");
        FAIL();
    } catch (const StateError& e) {
        EXPECT_NE(std::string(e.what()).find("cannot open the state database postgresql://overens@127.0.0.1"),
                  std::string::npos)
            << e.what();
    }
}
