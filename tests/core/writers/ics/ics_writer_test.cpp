// The iCalendar writer: text primitives, recurrence and alarms, determinism, and every
// calendar checked by ics-validate and imported into khal.
#include <gtest/gtest.h>

#include <sstream>

#include "test_support.hpp"
#include "writers/ics/ics_text.hpp"
#include "writers/ics/ics_writer.hpp"
#include "writers/writer.hpp"

using namespace overens;
namespace fs = std::filesystem;

namespace {

Date d(const char* iso) { return *parseDate(iso); }
Duration p(const char* iso) { return *parseDuration(iso); }

doc::Meta sampleMeta() {
    doc::Meta m;
    m.title = "Överenskommelse om att styra och leda tillsammans";
    m.lang = "sv";
    m.kind = "agreement";
    m.organisation = "Exempelby kommun";
    m.board = "Kommunstyrelsen";
    m.dnr = "KS 2027/0042";
    m.adopted = d("2027-01-20");
    m.nextReview = d("2028-01-20");
    m.reviewEvery = p("P1Y");
    m.notifyBefore = p("P30D");
    m.people = {{"chair", "Åsa Öberg", "Kommunstyrelsens ordförande", "asa.oberg@exempelby.se"},
                {"director", "Per Lind, MBA", "Kommundirektör; tf.", "per.lind@exempelby.se"},
                {"secretary", "Nils Utan Post", "Nämndsekreterare", ""}};
    m.sourceName = "overenskommelse.xml";
    m.sourceSha256 = std::string(64, 'a');
    m.reviewSummary = "Omprövning: " + m.title;
    m.reviewDescription = "Det är dags att se över " + m.title + " för Exempelby kommun (KS 2027/0042). Gå igenom "
                          "dokumentet tillsammans, besluta om ändringar; anteckna översynen i revisionshistoriken.";
    return m;
}

std::string unfold(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' && i + 2 < s.size() && s[i + 1] == '\n' && s[i + 2] == ' ') {
            i += 2;
            continue;
        }
        out += s[i];
    }
    return out;
}

bool validUtf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!n || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

// Runs ics-validate --khal on the calendar; returns its output, fails the test on a problem.
void expectValid(const std::string& ics, const std::string& name) {
    test::TempDir dir;
    const fs::path file = dir / (name + ".ics");
    test::writeFile(file, ics);
    const auto r = test::run({(test::sharedTools() / "ics-validate").string(), "--khal", file.string()}, {}, 120);
    EXPECT_EQ(r.exitCode, 0) << name << ":\n" << r.out << r.err << "\n" << ics;
    EXPECT_NE(r.out.find("ics-validate: OK"), std::string::npos) << r.out;
}

}  // namespace

TEST(IcsText, EscapesTextValues) {
    EXPECT_EQ(ics::escapeText("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    EXPECT_EQ(ics::escapeText(std::string("x\x01y")), "xy");
}

TEST(IcsText, QuotesParameters) {
    EXPECT_EQ(ics::paramValue("Åsa Öberg"), "Åsa Öberg");
    EXPECT_EQ(ics::paramValue("Lind, Per"), "\"Lind, Per\"");
    EXPECT_EQ(ics::paramValue("a \"b\""), "a 'b'");
}

TEST(IcsText, FoldsAt75OctetsWithoutSplittingCharacters) {
    std::string line = "DESCRIPTION:";
    for (int i = 0; i < 60; ++i) line += "åäö€𝄞 ";
    const std::string folded = ics::foldLine(line);
    std::string physical;
    int count = 0;
    std::size_t pos = 0;
    while (pos < folded.size()) {
        const std::size_t end = folded.find("\r\n", pos);
        ASSERT_NE(end, std::string::npos);
        physical = folded.substr(pos, end - pos);
        EXPECT_LE(physical.size(), 75u);
        if (count > 0) {
            ASSERT_FALSE(physical.empty());
            EXPECT_EQ(physical[0], ' ');
            physical.erase(0, 1);
        }
        EXPECT_TRUE(validUtf8(physical)) << "line " << count << " splits a character";
        pos = end + 2;
        ++count;
    }
    EXPECT_GT(count, 10);
    EXPECT_EQ(unfold(folded), line + "\r\n");
    EXPECT_EQ(ics::foldLine("SHORT:x"), "SHORT:x\r\n");
    EXPECT_EQ(ics::foldLine(std::string(75, 'a')), std::string(75, 'a') + "\r\n");
    EXPECT_EQ(ics::foldLine(std::string(76, 'a')), std::string(75, 'a') + "\r\n a\r\n");
}

TEST(IcsRecurrence, RulesFollowTheInterval) {
    EXPECT_EQ(ics::recurrenceRule(d("2028-01-20"), p("P1Y")), "FREQ=YEARLY;INTERVAL=1");
    EXPECT_EQ(ics::recurrenceRule(d("2028-01-20"), p("P2Y")), "FREQ=YEARLY;INTERVAL=2");
    EXPECT_EQ(ics::recurrenceRule(d("2028-01-20"), p("P6M")), "FREQ=MONTHLY;INTERVAL=6");
    EXPECT_EQ(ics::recurrenceRule(d("2028-01-20"), p("P1Y6M")), "FREQ=MONTHLY;INTERVAL=18");
    EXPECT_EQ(ics::recurrenceRule(d("2028-01-20"), p("P12M")), "FREQ=YEARLY;INTERVAL=1");
    EXPECT_EQ(ics::recurrenceRule(d("2028-01-20"), p("P30D")), "FREQ=DAILY;INTERVAL=30");
    EXPECT_EQ(ics::recurrenceRule(d("2028-01-20"), p("P2W")), "FREQ=WEEKLY;INTERVAL=2");
    EXPECT_EQ(ics::recurrenceRule(d("2028-01-20"), p("P1M15D")), "");
    // Leap day: Feb 29 in leap years, Feb 28 otherwise (as addDuration clamps).
    EXPECT_EQ(ics::recurrenceRule(d("2028-02-29"), p("P1Y")),
              "FREQ=YEARLY;INTERVAL=1;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1");
    // Month ends: the day, or the month's last day when the month is shorter.
    EXPECT_EQ(ics::recurrenceRule(d("2027-08-31"), p("P6M")),
              "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=28,29,30,31;BYSETPOS=-1");
    EXPECT_EQ(ics::recurrenceRule(d("2027-01-30"), p("P1M")), "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=28,29,30;BYSETPOS=-1");
}

// The RRULE expands (python-dateutil, which icalendar clients use) to exactly the dates
// addDuration gives for start + k * interval.
TEST(IcsRecurrence, ExpansionMatchesCalendarArithmetic) {
    struct Case {
        const char* start;
        const char* every;
    };
    const Case cases[] = {{"2028-02-29", "P1Y"}, {"2027-08-31", "P6M"}, {"2027-01-31", "P1M"},
                          {"2027-01-30", "P1M"}, {"2028-01-20", "P30D"}, {"2027-05-31", "P3M"}};
    for (const auto& c : cases) {
        const Date start = d(c.start);
        const Duration every = p(c.every);
        const std::string rule = ics::recurrenceRule(start, every);
        char dt[16];
        std::snprintf(dt, sizeof dt, "%04d%02d%02d", start.year, start.month, start.day);
        const std::string script = "import sys\nfrom dateutil.rrule import rrulestr\nimport datetime\n"
                                   "r = rrulestr(sys.argv[1], dtstart=datetime.datetime.strptime(sys.argv[2], '%Y%m%d'))\n"
                                   "for i, x in enumerate(r):\n    if i >= 12: break\n    print(x.date().isoformat())\n";
        const auto r = test::run({"/usr/bin/python3", "-c", script, rule, dt}, {}, 60);
        ASSERT_EQ(r.exitCode, 0) << r.err;
        std::string expected;
        for (int k = 0; k < 12; ++k) {
            Duration n = every;
            n.years *= k, n.months *= k, n.weeks *= k, n.days *= k;
            expected += addDuration(start, n).iso() + "\n";
        }
        EXPECT_EQ(r.out, expected) << c.start << " every " << c.every << " rule " << rule;
    }
}

TEST(IcsAlarm, TriggerAtNineOnTheNotifyDay) {
    EXPECT_EQ(ics::alarmTrigger(d("2028-01-20"), p("P30D")), "-P29DT15H");
    EXPECT_EQ(ics::alarmTrigger(d("2028-01-20"), p("P1D")), "-PT15H");
    EXPECT_EQ(ics::alarmTrigger(d("2028-01-20"), p("P0D")), "PT9H");
    // P1M before 31 March 2027 is 28 February: 31 days.
    EXPECT_EQ(ics::alarmTrigger(d("2027-03-31"), p("P1M")), "-P30DT15H");
    // P1M before 29 March 2028 is 29 February (leap year): 29 days.
    EXPECT_EQ(ics::alarmTrigger(d("2028-03-29"), p("P1M")), "-P28DT15H");
}

TEST(IcsCalendar, StableAcrossRebuildsAndIndependentOfTheReviewDate) {
    Diagnostics diags;
    const doc::Meta m = sampleMeta();
    const std::string a = ics::calendar(m, diags), b = ics::calendar(m, diags);
    EXPECT_EQ(a, b);
    doc::Meta moved = m;
    moved.nextReview = d("2029-01-20");
    moved.sourceSha256 = std::string(64, 'b');
    EXPECT_EQ(ics::uid(m), ics::uid(moved));
    doc::Meta other = m;
    other.dnr = "KS 2027/0043";
    EXPECT_NE(ics::uid(m), ics::uid(other));
    EXPECT_NE(a.find("UID:" + ics::uid(m) + "\r\n"), std::string::npos);
    EXPECT_NE(a.find("DTSTAMP:20270120T000000Z\r\n"), std::string::npos);
    EXPECT_NE(a.find("DTSTART;VALUE=DATE:20280120\r\n"), std::string::npos);
    EXPECT_NE(a.find("DTEND;VALUE=DATE:20280121\r\n"), std::string::npos);
    EXPECT_NE(a.find("RRULE:FREQ=YEARLY;INTERVAL=1\r\n"), std::string::npos);
    EXPECT_NE(a.find("TRIGGER;RELATED=START:-P29DT15H\r\n"), std::string::npos);
    const std::string u = unfold(a);
    EXPECT_NE(u.find("ATTENDEE;CN=\"Per Lind, MBA\";CUTYPE=INDIVIDUAL"), std::string::npos) << u;
    EXPECT_NE(u.find("ORGANIZER;CN=Åsa Öberg:mailto:asa.oberg@exempelby.se"), std::string::npos);
    EXPECT_NE(u.find("SUMMARY;LANGUAGE=sv:Omprövning: Överenskommelse"), std::string::npos);
    EXPECT_NE(u.find("Nils Utan Post"), std::string::npos);  // named in the description
    EXPECT_EQ(u.find("mailto:\r\n"), std::string::npos);
    // CRLF only.
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == '\n') {
            ASSERT_TRUE(i > 0 && a[i - 1] == '\r') << "bare LF at " << i;
        }
    }
    EXPECT_TRUE(diags.all().empty());
}

TEST(IcsCalendar, RegisteredAsBuiltInWriter) {
    const Writer* w = WriterRegistry::builtin().find("ics");
    ASSERT_NE(w, nullptr);
    std::ostringstream out;
    Diagnostics diags;
    w->write(doc::Document{sampleMeta(), {}}, out, WriteOptions{}, diags);
    EXPECT_EQ(out.str().rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
}

TEST(IcsCalendar, MixedIntervalWarnsAndLeavesOutTheRule) {
    doc::Meta m = sampleMeta();
    m.reviewEvery = p("P1M15D");
    Diagnostics diags;
    const std::string ics = ics::calendar(m, diags);
    EXPECT_EQ(ics.find("RRULE"), std::string::npos);
    EXPECT_TRUE(diags.hasCode("ics.no-recurrence"));
    expectValid(ics, "mixed");
}

TEST(IcsCalendar, EveryVariantPassesIcsValidateAndKhal) {
    if (!fs::exists(test::sharedTools() / "ics-validate")) GTEST_SKIP() << "ics-validate missing";
    struct Variant {
        std::string name;
        std::function<void(doc::Meta&)> change;
    };
    const std::vector<Variant> variants{
        {"yearly", [](doc::Meta&) {}},
        {"leap-day-yearly", [](doc::Meta& m) { m.nextReview = d("2028-02-29"); }},
        {"month-end-p6m", [](doc::Meta& m) { m.nextReview = d("2027-08-31"); m.reviewEvery = p("P6M"); }},
        {"p30d", [](doc::Meta& m) { m.reviewEvery = p("P30D"); m.notifyBefore = p("P7D"); }},
        {"once", [](doc::Meta& m) { m.reviewEvery.reset(); }},
        {"notify-month", [](doc::Meta& m) { m.notifyBefore = p("P1M"); m.nextReview = d("2027-03-31"); }},
        {"no-alarm", [](doc::Meta& m) { m.notifyBefore.reset(); }},
        {"no-dnr", [](doc::Meta& m) { m.dnr.clear(); }},
        {"no-people", [](doc::Meta& m) { m.people.clear(); }},
        {"undated-todo", [](doc::Meta& m) { m.nextReview.reset(); m.reviewEvery.reset(); }},
        {"english", [](doc::Meta& m) {
             m.lang = "en";
             m.title = "Agreement on steering and leading together";
             m.reviewSummary = "Review: " + m.title;
             m.reviewDescription = "It is time to review the agreement, \\ with; odd, characters\nand lines.";
         }},
        {"long-text", [](doc::Meta& m) {
             for (int i = 0; i < 30; ++i) m.reviewDescription += " Långa rader, semikolon; och kommatecken – ✓.";
             m.people.push_back({"member", std::string(80, 'x') + " Ödegård", "Ledamot", "x@example.org"});
         }},
    };
    for (const auto& v : variants) {
        doc::Meta m = sampleMeta();
        v.change(m);
        Diagnostics diags;
        expectValid(ics::calendar(m, diags), v.name);
    }
}
