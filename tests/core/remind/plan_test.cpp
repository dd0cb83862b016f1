// Phase 4: what each reminder says and to whom, with what was recorded before.
#include <gtest/gtest.h>

#include "remind/plan.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::remind;
using namespace overens::test;

TEST(Plan, EachAddressOnceWithItsRecord) {
    Reminder r;
    r.key = "/src/a.xml";
    r.review = *parseDate("2028-01-20");
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
    planDeliveries(reminders, records, wordings);
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
