// Phase 7: the listing and the JSON, as exact text.
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include <sstream>

#include "remind/report.hpp"
#include "remind/review.hpp"

using namespace overens;
using namespace overens::remind;

namespace {

std::vector<Reminder> one() {
    Reminder r;
    r.display = "src/a.xml";
    r.review = *parseDate("2028-01-20");
    r.scheduled = r.review;
    r.days = 30;
    r.meta.title = "Överenskommelse";
    r.meta.organisation = "Exempelby kommun";
    r.meta.dnr = "KS 2027/0042";
    r.meta.kind = "agreement";
    r.meta.lang = "sv";
    Recipient a;
    a.person = {"chair", "Åsa Öberg", "Ordförande", "asa@exempelby.se"};
    a.address = "asa@exempelby.se";
    a.record.status = ReminderStatus::Sent;
    a.changedNow = true;
    Recipient b;
    b.person = {"secretary", "Nils \"N\" Post", "", ""};
    r.recipients = {a, b};
    return {r};
}

}  // namespace

TEST(Report, ListingSaysWhenWhatAndForWhom) {
    std::ostringstream out;
    ReportContext c{*parseDate("2027-12-21"), std::nullopt, true, {3, 1, 2, 1, 1, 0, 0}};
    printListing(one(), c, Texts{}, out);
    EXPECT_EQ(out.str(),
              "2028-01-20  om 30 dagar  Överenskommelse – Exempelby kommun, KS 2027/0042\n"
              "    källa: src/a.xml\n"
              "    Åsa Öberg <asa@exempelby.se>, Ordförande: skickad nu\n"
              "    Nils \"N\" Post: ingen e-postadress\n"
              "1 omprövning att påminna om per 2027-12-21 (av 2 genomsökta dokument); skickade nu: 1, avvisade: 0, försöks igen: 0.\n");
    std::ostringstream none;
    printListing({}, c, Texts{true}, none);
    EXPECT_EQ(none.str(), "No reviews due as of 2027-12-21 (2 documents searched).\n");
}

TEST(Report, JsonIsValidAndComplete) {
    std::ostringstream out;
    ReportContext c{*parseDate("2027-12-21"), parseDuration("P30D"), false, {3, 1, 2, 1, 0, 0, 0}};
    printJson(one(), c, out);
    Poco::JSON::Parser parser;
    auto j = parser.parse(out.str()).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(j->getValue<std::string>("within"), "P30D");
    auto doc = j->getArray("documents")->getObject(0);
    EXPECT_EQ(doc->getValue<int>("days"), 30);
    auto people = doc->getArray("recipients");
    EXPECT_EQ(people->getObject(0)->getValue<std::string>("status"), "sent");
    EXPECT_TRUE(people->getObject(0)->getValue<bool>("sent_now"));
    EXPECT_EQ(people->getObject(1)->getValue<std::string>("name"), "Nils \"N\" Post");
    EXPECT_EQ(people->getObject(1)->getValue<std::string>("status"), "no-email");
    EXPECT_EQ(j->getObject("summary")->getValue<int>("files"), 3);
}

TEST(Report, SentTimesInStockholmLocalTime) {
    EXPECT_EQ(stockholmTime("2027-12-21T06:00:00Z"), "2027-12-21 07:00");  // CET
    EXPECT_EQ(stockholmTime("2028-06-30T22:30:00Z"), "2028-07-01 00:30");  // CEST, past midnight
    EXPECT_EQ(stockholmTime("not a time"), "not a time");
    Recipient r;
    r.address = "a@b.se";
    r.record.status = ReminderStatus::Sent;
    r.record.sentAt = "2027-12-21T06:00:00Z";
    EXPECT_EQ(statusText(r, Texts{}), "skickad 2027-12-21 07:00");
}
