// Phase 4: what each reminder says and to whom, with what was recorded before.
#include <gtest/gtest.h>

#include <sstream>

#include "remind/plan.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::remind;
using namespace overens::test;

TEST(Plan, EachAddressOnceWithItsRecord) {
    Reminder r;
    r.key = "/src/a.xml";
    r.review = *parseDate("2028-01-20");
    r.scheduled = r.review;
    r.identity = "doc:X|agreement|1";
    r.header.kind = "agreement";
    r.header.lang = "sv";
    r.header.organisation = "Exempelby kommun";
    r.header.people = {{"chair", "Åsa", "Ordförande", "Asa@Exempelby.se"},
                       {"director", "Per", "Direktör", "asa@exempelby.se"},
                       {"secretary", "Nils", "Sekreterare", ""}};
    std::vector<Reminder> reminders{r};
    RecordsByReview records;
    ReminderRecord sent;
    sent.status = ReminderStatus::Sent;
    sent.sentAt = "2027-12-21T06:00:00Z";
    records["doc:X|agreement|1\n2028-01-20"]["asa@exempelby.se"] = sent;
    Wordings wordings(sourceDir() / "templates");
    std::ostringstream err;
    EXPECT_EQ(planDeliveries(reminders, records, wordings, "", Texts{}, err), 0u);
    EXPECT_TRUE(err.str().empty()) << err.str();
    const auto& got = reminders[0].recipients;
    ASSERT_EQ(got.size(), 2u);  // the same address twice is one recipient
    EXPECT_EQ(got[0].address, "asa@exempelby.se");
    EXPECT_EQ(got[0].record.status, ReminderStatus::Sent);
    EXPECT_EQ(got[1].address, "");
    EXPECT_EQ(reminders[0].meta.nextReview->iso(), "2028-01-20");
    EXPECT_EQ(reminders[0].meta.sourceName, "a.xml");
    EXPECT_FALSE(reminders[0].meta.reviewSummary.empty());
    EXPECT_EQ(earliestReview(reminders).iso(), "2028-01-20");
}

TEST(Plan, NobodyForgottenWithoutAnEmailAddress) {
    Reminder r;
    r.display = "src/a.xml";
    r.key = "/src/a.xml";
    r.review = *parseDate("2028-01-20");
    r.scheduled = r.review;
    r.header.kind = "agreement";
    r.header.lang = "sv";
    r.header.people = {{"chair", "Åsa", "Ordförande", ""}};
    Wordings wordings(sourceDir() / "templates");
    std::vector<Reminder> alone{r};
    std::ostringstream err;
    EXPECT_EQ(planDeliveries(alone, {}, wordings, "", Texts{}, err), 1u);
    EXPECT_NE(err.str().find("src/a.xml: warning: [remind.no-recipient]"), std::string::npos) << err.str();
    EXPECT_NE(err.str().find("--default-recipient"), std::string::npos) << err.str();
    std::vector<Reminder> registry{r};
    std::ostringstream err2;
    EXPECT_EQ(planDeliveries(registry, {}, wordings, "Registrator@Exempelby.se", Texts{true}, err2), 0u);
    ASSERT_EQ(registry[0].recipients.size(), 2u);
    EXPECT_EQ(registry[0].recipients[1].address, "registrator@exempelby.se");
    EXPECT_EQ(registry[0].recipients[1].person.role, "registry");
    EXPECT_NE(err2.str().find("the reminder goes to the default recipient Registrator@Exempelby.se"), std::string::npos)
        << err2.str();
}
