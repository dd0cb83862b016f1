// Phase 3: which documents are due, with their headers, as sorted reminders.
#include <gtest/gtest.h>

#include <sstream>

#include "remind/due.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::remind;
using namespace overens::test;
namespace fs = std::filesystem;

namespace {

Document document(const std::string& name, const char* next, const char* notify) {
    Document d;
    d.name = name;
    d.next = parseDate(next);
    d.notify = parseDuration(notify);
    Header h;
    h.kind = "agreement";
    h.lang = "sv";
    h.organisation = "Exempelby kommun";
    h.dnr = "KS 2027/0042";
    h.nextReview = d.next;
    d.header = h;
    return d;
}

FoundSources oneFolder() {
    FoundSources f;
    f.folders.push_back({"/abs/src", "src", true});
    return f;
}

}  // namespace

TEST(Due, FromTheNotifyDayOrWithin) {
    const FoundSources found = oneFolder();
    const std::vector<Document> docs{document("a.xml", "2028-01-20", "P30D"), document("b.xml", "2028-06-01", "P30D")};
    auto due = dueDocuments(docs, found, *parseDate("2027-12-21"), std::nullopt);
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].key, "/abs/src/a.xml");
    EXPECT_EQ(due[0].document.display, "src/a.xml");
    EXPECT_EQ(due[0].review.iso(), "2028-01-20");
    EXPECT_TRUE(headersWanted(due).empty());
    EXPECT_EQ(dueDocuments(docs, found, *parseDate("2027-12-20"), std::nullopt).size(), 0u);
    EXPECT_EQ(dueDocuments(docs, found, *parseDate("2027-12-01"), parseDuration("P1Y")).size(), 2u);
}

TEST(Due, HeadersFromTheStoreAndTheSameDocumentTwiceIsAWarning) {
    const FoundSources found = oneFolder();
    std::vector<Document> docs{document("b.xml", "2028-01-20", "P30D"), document("a.xml", "2028-01-20", "P30D")};
    const Header stored = *docs[0].header;
    docs[0].header.reset();
    auto due = dueDocuments(docs, found, *parseDate("2028-01-01"), std::nullopt);
    EXPECT_EQ(headersWanted(due), std::vector<std::string>{"/abs/src/b.xml"});
    Diagnostics diags;
    Engine engine(EngineOptions{sourceDir() / "templates", {fs::path()}, ""}, diags);
    completeHeaders(due, {{"/abs/src/b.xml", stored.serialize()}}, engine);
    ASSERT_TRUE(due[0].document.header);
    std::ostringstream err;
    const auto reminders = remindersOf(due, engine.kinds(), *parseDate("2028-01-01"), Texts{}, err);
    ASSERT_EQ(reminders.size(), 2u);
    EXPECT_EQ(reminders[0].display, "src/a.xml");  // sorted by date, then source
    EXPECT_EQ(reminders[0].days, 19);
    EXPECT_EQ(reminders[0].identity, "doc:Exempelby kommun|agreement|KS 2027/0042");
    ASSERT_NE(reminders[0].kind, nullptr);
    EXPECT_NE(err.str().find("src/a.xml: warning: [remind.same-document]"), std::string::npos) << err.str();
}

TEST(Due, AReviewOnAWeekendOrHolidayIsHeldTheWorkingDayBefore) {
    const FoundSources found = oneFolder();
    // 2028-01-22 is a Saturday; 2028-04-17 Easter Monday (held Maundy Thursday 2028-04-13).
    const std::vector<Document> docs{document("sat.xml", "2028-01-22", "P30D"), document("easter.xml", "2028-04-17", "P0D")};
    auto due = dueDocuments(docs, found, *parseDate("2027-12-22"), std::nullopt);  // 2028-01-21 - P30D
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].review.iso(), "2028-01-21");
    EXPECT_EQ(due[0].scheduled.iso(), "2028-01-22");
    EXPECT_TRUE(dueDocuments(docs, found, *parseDate("2027-12-21"), std::nullopt).empty());
    due = dueDocuments(docs, found, *parseDate("2028-04-13"), std::nullopt);
    ASSERT_EQ(due.size(), 2u);
    EXPECT_EQ(due[1].review.iso(), "2028-04-13");
}
