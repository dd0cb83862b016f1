// Phase 5 and 6: delivering through the real smtp-sink on 127.0.0.1, and recording each step
// in a real state file.
#include <gtest/gtest.h>

#include <sstream>

#include "remind/deliver.hpp"
#include "remind/plan.hpp"
#include "remind/record.hpp"
#include "remind/sqlite_state.hpp"
#include "remind_fixtures.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::remind;
using namespace overens::test;

namespace {

std::vector<Reminder> planned(Wordings& w) {
    Reminder r;
    r.key = "/src/a.xml";
    r.display = "src/a.xml";
    r.review = *parseDate("2028-01-20");
    r.scheduled = r.review;
    r.identity = "doc:Exempelby kommun|agreement|KS 2027/0042";
    r.header.kind = "agreement";
    r.header.lang = "sv";
    r.header.organisation = "Exempelby kommun";
    r.header.dnr = "KS 2027/0042";
    r.header.people = {{"chair", "Åsa Öberg", "Ordförande", "asa@exempelby.se"},
                       {"director", "Per Lind", "Kommundirektör", "per@exempelby.se"}};
    std::vector<Reminder> out{r, r};  // a copy of the same document: sent once
    out[1].display = "src/copy.xml";
    std::ostringstream err;
    planDeliveries(out, {}, w, "", Texts{}, err);
    return out;
}

SendSettings settings(const std::string& host, int port) {
    SendSettings s;
    s.smtp.host = host;
    s.smtp.port = static_cast<unsigned short>(port);
    s.smtp.from = "registrator@exempelby.se";
    s.smtp.timeoutSeconds = 5;
    s.today = *parseDate("2027-12-21");
    return s;
}

}  // namespace

TEST(Deliver, EachRecipientOnceRecordedStepByStep) {
    TempDir dir;
    SmtpSink sink(dir / "mail", {"--reject", "per@exempelby.se"});
    Wordings w(sourceDir() / "templates");
    auto reminders = planned(w);
    SqliteState state(dir / "state.sqlite");
    StateLog log(state);
    std::ostringstream err;
    const DeliveryCounts c = deliver(reminders, settings("127.0.0.1", sink.port()), w, log, Texts{}, err);
    EXPECT_EQ(c.sent, 1u);
    EXPECT_EQ(c.refused, 1u);
    EXPECT_EQ(sink.messages().size(), 1u);
    EXPECT_NE(err.str().find("src/a.xml: error: [remind.refused] per@exempelby.se"), std::string::npos) << err.str();
    EXPECT_EQ(reminders[1].recipients[0].record.status, ReminderStatus::Sent);  // the copy shares it
    EXPECT_FALSE(reminders[1].recipients[0].changedNow);
    auto records = state.reminders(reminders[0].identity, "2028-01-20");
    EXPECT_EQ(records["asa@exempelby.se"].status, ReminderStatus::Sent);
    EXPECT_EQ(records["asa@exempelby.se"].attempts, 1);
    EXPECT_EQ(records["per@exempelby.se"].status, ReminderStatus::Refused);
    EXPECT_EQ(records["per@exempelby.se"].code, 550);
}

TEST(Deliver, NoServerDefersEveryoneAfterOneAttempt) {
    TempDir dir;
    Wordings w(sourceDir() / "templates");
    auto reminders = planned(w);
    SqliteState state(dir / "state.sqlite");
    StateLog log(state);
    std::ostringstream err;
    const DeliveryCounts c = deliver(reminders, settings("127.0.0.1", freePort()), w, log, Texts{true}, err);
    EXPECT_EQ(c.sent, 0u);
    EXPECT_EQ(c.deferred, 2u);
    EXPECT_NE(err.str().find("warning: [remind.deferred]"), std::string::npos) << err.str();
    // Nothing reached DATA: nothing is "attempting", everything deferred for the next run.
    for (const auto& [address, rec] : state.reminders(reminders[0].identity, "2028-01-20"))
        EXPECT_EQ(rec.status, ReminderStatus::Deferred) << address;
}
