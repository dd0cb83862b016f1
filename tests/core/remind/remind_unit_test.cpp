// The parts of `overens remind` in process: review dates, Europe/Stockholm's calendar day, the
// header kept in the index, the state file and the e-mail.
#include <gtest/gtest.h>

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>

#include <cstdlib>
#include <ctime>
#include <sstream>

#include "remind/message.hpp"
#include "remind/review.hpp"
#include "remind/state.hpp"
#include "templates/template_store.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::remind;
namespace fs = std::filesystem;

namespace {
Date d(const char* iso) { return *parseDate(iso); }
Duration p(const char* iso) { return *parseDuration(iso); }
std::time_t utc(int y, int m, int day, int hh, int mm, int ss) {
    return static_cast<std::time_t>(Date{y, m, day}.serial() * 86400 + hh * 3600 + mm * 60 + ss);
}
}  // namespace

TEST(ReviewDates, OccurrencesClampToTheMonthsEnd) {
    EXPECT_EQ(occurrence(d("2028-02-29"), p("P1Y"), 1).iso(), "2029-02-28");
    EXPECT_EQ(occurrence(d("2028-02-29"), p("P1Y"), 4).iso(), "2032-02-29");
    EXPECT_EQ(occurrence(d("2027-08-31"), p("P6M"), 1).iso(), "2028-02-29");
    EXPECT_EQ(occurrence(d("2027-08-31"), p("P6M"), 2).iso(), "2028-08-31");
    EXPECT_EQ(occurrence(d("2027-08-31"), p("P6M"), 3).iso(), "2029-02-28");
    EXPECT_EQ(occurrence(d("2028-01-01"), p("P30D"), 3).iso(), "2028-03-31");
}

TEST(ReviewDates, CurrentReviewRollsOverOnlyWhenRecurring) {
    const auto next = std::optional<Date>(d("2028-02-29"));
    const auto every = std::optional<Duration>(p("P1Y"));
    const Duration month = p("P30D");
    EXPECT_EQ(currentReview(next, every, false, d("2030-01-01"), month)->iso(), "2028-02-29");  // overdue stays
    EXPECT_EQ(currentReview(next, every, true, d("2028-02-29"), month)->iso(), "2028-02-29");   // the day itself
    // Past the date, the occurrence stays current (overdue) until the next one's window opens ...
    EXPECT_EQ(currentReview(next, every, true, d("2028-03-01"), month)->iso(), "2028-02-29");
    EXPECT_EQ(currentReview(next, every, true, d("2029-01-28"), month)->iso(), "2028-02-29");
    // ... 30 days ahead of 28 February 2029.
    EXPECT_EQ(currentReview(next, every, true, d("2029-01-29"), month)->iso(), "2029-02-28");
    EXPECT_EQ(currentReview(next, every, true, d("2031-06-01"), month)->iso(), "2031-02-28");
    EXPECT_EQ(currentReview(next, every, true, d("2032-02-01"), month)->iso(), "2032-02-29");
    EXPECT_EQ(currentReview(next, every, true, d("2020-01-01"), month)->iso(), "2028-02-29");   // before the first
    EXPECT_EQ(currentReview(std::optional<Date>(d("2027-08-31")), std::optional<Duration>(p("P6M")), true,
                            d("2028-02-01"), month)->iso(), "2028-02-29");
    // Far ahead: the jump by average length lands exactly.
    for (int year = 2030; year < 2400; year += 37) {
        const Date today{year, 3, 1};
        const Date r = *currentReview(next, every, true, today, month);
        EXPECT_LE(r, today);
        EXPECT_LT(today.serial() - r.serial(), 366);
        EXPECT_EQ(r.month, 2);
    }
    EXPECT_FALSE(currentReview(std::nullopt, every, true, d("2028-01-01"), month));
}

TEST(ReviewDates, DueFromTheNotifyDay) {
    EXPECT_FALSE(isDue(d("2028-01-20"), d("2027-12-20"), p("P30D")));
    EXPECT_TRUE(isDue(d("2028-01-20"), d("2027-12-21"), p("P30D")));
    EXPECT_TRUE(isDue(d("2028-01-20"), d("2028-03-01"), p("P30D")));  // overdue
    EXPECT_TRUE(isDue(d("2027-03-31"), d("2027-02-28"), p("P1M")));    // 31 March - P1M = 28 February
    EXPECT_FALSE(isDue(d("2027-03-31"), d("2027-02-27"), p("P1M")));
    EXPECT_TRUE(isDue(d("2028-03-29"), d("2028-02-29"), p("P1M")));    // leap year
    EXPECT_TRUE(isDue(d("2028-01-20"), d("2028-01-20"), Duration{}));
    EXPECT_FALSE(isDue(d("2028-01-20"), d("2028-01-19"), Duration{}));
    EXPECT_TRUE(isDue(d("2028-07-20"), d("2028-01-20"), p("P6M")));
}

TEST(Stockholm, CalendarDayAcrossMidnightAndSummerTime) {
    EXPECT_EQ(stockholmDate(utc(2026, 12, 31, 22, 59, 59)).iso(), "2026-12-31");  // 23:59:59 CET
    EXPECT_EQ(stockholmDate(utc(2026, 12, 31, 23, 0, 0)).iso(), "2027-01-01");    // 00:00 CET
    EXPECT_EQ(stockholmDate(utc(2028, 2, 28, 23, 30, 0)).iso(), "2028-02-29");    // leap day begins
    // Summer time from the last Sunday of March (2027-03-28) 01:00 UTC.
    EXPECT_EQ(stockholmDate(utc(2027, 3, 27, 23, 30, 0)).iso(), "2027-03-28");
    EXPECT_EQ(stockholmDate(utc(2027, 6, 30, 21, 59, 59)).iso(), "2027-06-30");  // 23:59:59 CEST
    EXPECT_EQ(stockholmDate(utc(2027, 6, 30, 22, 0, 0)).iso(), "2027-07-01");    // 00:00 CEST
    // Back to CET on the last Sunday of October (2027-10-31) 01:00 UTC.
    EXPECT_EQ(stockholmDate(utc(2027, 10, 30, 22, 30, 0)).iso(), "2027-10-31");  // 00:30 CEST
    EXPECT_EQ(stockholmDate(utc(2027, 10, 31, 22, 30, 0)).iso(), "2027-10-31");  // 23:30 CET
    EXPECT_EQ(stockholmDate(utc(2027, 10, 31, 23, 0, 0)).iso(), "2027-11-01");
}

// Against the system's tz database, where it has Europe/Stockholm: every 97 minutes over years.
TEST(Stockholm, AgreesWithTheTzDatabase) {
    if (!fs::exists("/usr/share/zoneinfo/Europe/Stockholm")) GTEST_SKIP() << "no tzdata";
    const char* old = std::getenv("TZ");
    const std::string saved = old ? old : "";
    setenv("TZ", "Europe/Stockholm", 1);
    tzset();
    int checked = 0;
    for (std::time_t t = utc(2024, 1, 1, 0, 0, 0); t < utc(2031, 1, 1, 0, 0, 0); t += 97 * 60) {
        std::tm tm{};
        localtime_r(&t, &tm);
        const Date expected{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
        ASSERT_EQ(stockholmDate(t).iso(), expected.iso()) << "at " << t;
        ++checked;
    }
    if (old) setenv("TZ", saved.c_str(), 1); else unsetenv("TZ");
    tzset();
    EXPECT_GT(checked, 30000);
}

TEST(IndexedHeader, SurvivesTheRoundTrip) {
    Header h;
    h.sha256 = std::string(64, 'c');
    h.kind = "agreement";
    h.lang = "sv";
    h.orgType = "kommun";
    h.organisation = "Exempelby kommun";
    h.board = "Kommunstyrelsen";
    h.dnr = "KS 2027/0042";
    h.version = "1.0";
    h.adopted = d("2027-01-20");
    h.nextReview = d("2028-02-29");
    h.every = p("P6M");
    h.notifyBefore = p("P30D");
    h.recurring = true;
    h.people = {{"chair", "Åsa Öberg", "Ordförande", "asa@exempelby.se"}, {"director", "Per Lind", "", ""}};
    const auto back = Header::deserialize(h.serialize());
    ASSERT_TRUE(back);
    EXPECT_EQ(back->serialize(), h.serialize());
    EXPECT_EQ(back->nextReview->iso(), "2028-02-29");
    EXPECT_EQ(back->every->iso(), "P6M");
    ASSERT_EQ(back->people.size(), 2u);
    EXPECT_EQ(back->people[0].name, "Åsa Öberg");
    EXPECT_EQ(back->people[1].email, "");
    EXPECT_FALSE(Header::deserialize("garbage"));
    Header none;
    EXPECT_TRUE(Header::deserialize(none.serialize()));
    EXPECT_EQ(identity(h, "/x.xml"), "doc:Exempelby kommun|agreement|KS 2027/0042");
    none.dnr.clear();
    EXPECT_EQ(identity(none, "/x.xml"), "path:/x.xml");
}

namespace {
struct Parts : Poco::Net::PartHandler {
    std::vector<std::pair<std::string, std::string>> parts;  // content type, body
    void handlePart(const Poco::Net::MessageHeader& h, std::istream& in) override {
        std::string body;
        Poco::StreamCopier::copyToString(in, body);
        parts.emplace_back(h.get("Content-Type", ""), body);
    }
};
}  // namespace

TEST(ReminderMail, WordingByLanguageAndDay) {
    Diagnostics diags;
    const fs::path templates = test::sourceDir() / "templates";
    for (const std::string lang : {"sv", "en"}) {
        const Wording core = loadWording(templates, lang, "core", diags);
        const Wording words = loadWording(templates, lang, "remind", diags);
        Header h;
        h.kind = "agreement";
        h.lang = lang;
        h.organisation = "Exempelby kommun";
        h.dnr = "KS 2027/0042";
        h.adopted = d("2027-01-20");
        h.every = p("P1Y");
        h.recurring = true;
        h.notifyBefore = p("P30D");
        h.people = {{"chair", "Åsa Öberg", "Ordförande", "asa@exempelby.se"}, {"director", "Per Lind", "Direktör", "per@exempelby.se"}};
        DocumentKind kind;
        kind.title = {{"sv", "Överenskommelse för {organisation}"}, {"en", "Agreement for {organisation}"}};
        const doc::Meta m = metaFor(h, "/src/a.xml", &kind, core, d("2028-01-20"));
        EXPECT_EQ(m.title, lang == "sv" ? "Överenskommelse för Exempelby kommun" : "Agreement for Exempelby kommun");
        ASSERT_TRUE(m.reviewEvery);
        for (const char* today : {"2028-01-10", "2028-01-20", "2028-01-25"}) {
            const std::string raw = composeMessage(m, h.people[0], d(today), words, {"reg@exempelby.se", "Registratorn"},
                                                   "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", messageId("doc:x", "2028-01-20", "asa@exempelby.se"));
            std::istringstream in(raw);
            Poco::Net::MailMessage msg;
            Parts parts;
            msg.read(in, parts);
            EXPECT_EQ(msg.get("To"), "Åsa Öberg <asa@exempelby.se>");  // decoded by the reader
            EXPECT_NE(raw.find("To: =?UTF-8?q?=C3=85sa_=C3=96berg?= <asa@exempelby.se>\r\n"), std::string::npos);
            EXPECT_EQ(msg.get("Message-ID"), "<" + messageId("doc:x", "2028-01-20", "ASA@exempelby.se") + ">");
            ASSERT_EQ(parts.parts.size(), 2u);
            std::string text;
            {
                std::istringstream words(parts.parts[0].second);
                std::string w;
                while (words >> w) text += (text.empty() ? "" : " ") + w;
            }
            EXPECT_NE(parts.parts[1].first.find("text/calendar"), std::string::npos);
            EXPECT_EQ(parts.parts[1].second, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
            EXPECT_EQ(text.find("[") , std::string::npos) << "a wording key is missing:\n" << text;
            EXPECT_NE(text.find("Per Lind"), std::string::npos);  // the other party
            const std::string day = today;
            if (lang == "sv") {
                EXPECT_NE(text.find(day == "2028-01-10" ? "om 10 dagar" : day == "2028-01-20" ? "i dag" : "för 5 dagar sedan"),
                          std::string::npos) << text;
            } else {
                EXPECT_NE(text.find(day == "2028-01-10" ? "in 10 days" : day == "2028-01-20" ? "today" : "5 days ago"),
                          std::string::npos) << text;
            }
        }
    }
    for (const auto& dg : diags.all()) ADD_FAILURE() << dg.format("en");
}
