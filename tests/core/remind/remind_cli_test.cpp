// `overens remind` end to end: the real command, header-only sources in temporary folders,
// and the real SMTP server smtp-sink on 127.0.0.1.
#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <chrono>
#include <fstream>
#include <map>
#include <thread>

#include "postgresql_test_db.hpp"
#include "remind_fixtures.hpp"
#include "test_support.hpp"

using namespace overens::test;
namespace fs = std::filesystem;

namespace {

// Sources written now are re-read on the next run (a change within the same 2 s is not trusted);
// the index tests date them back.
void ageFile(const fs::path& p) {
    fs::last_write_time(p, fs::file_time_type::clock::now() - std::chrono::hours(1));
}

fs::path writeSource(const TempDir& dir, const std::string& rel, const SourceSpec& s) {
    const fs::path p = dir / rel;
    fs::create_directories(p.parent_path());
    writeFile(p, sourceXml(s));
    return p;
}

Poco::JSON::Object::Ptr json(const RunResult& r) {
    Poco::JSON::Parser parser;
    return parser.parse(r.out).extract<Poco::JSON::Object::Ptr>();
}

std::vector<std::string> reviews(const Poco::JSON::Object::Ptr& j) {
    std::vector<std::string> out;
    auto docs = j->getArray("documents");
    // The scheduled date (calendar arithmetic); "review" is the working day it is held on.
    for (std::size_t i = 0; i < docs->size(); ++i) {
        auto d = docs->getObject(i);
        out.push_back(d->getValue<std::string>(d->has("scheduled") ? "scheduled" : "review"));
    }
    return out;
}

// The statuses of the recipients of document i, "email=status" joined by spaces.
std::string statuses(const Poco::JSON::Object::Ptr& j, std::size_t i = 0) {
    std::string out;
    auto people = j->getArray("documents")->getObject(i)->getArray("recipients");
    for (std::size_t k = 0; k < people->size(); ++k) {
        auto p = people->getObject(k);
        out += (out.empty() ? "" : " ") + p->getValue<std::string>("email") + "=" + p->getValue<std::string>("status");
    }
    return out;
}

// How many saved messages went to each recipient.
std::map<std::string, int> countByRecipient(const SmtpSink& sink) {
    std::map<std::string, int> out;
    for (const auto& eml : sink.messages()) {
        fs::path meta = eml;
        meta.replace_extension(".json");
        Poco::JSON::Parser parser;
        auto j = parser.parse(readFile(meta)).extract<Poco::JSON::Object::Ptr>();
        auto to = j->getArray("rcpt_tos");
        for (std::size_t i = 0; i < to->size(); ++i) ++out[to->getElement<std::string>(i)];
    }
    return out;
}

// Every test runs twice: with the state in a SQLite file and in a PostgreSQL database of its own.
class Remind : public ::testing::TestWithParam<std::string> {
protected:
    TempDir dir;
    std::unique_ptr<TestDatabase> db;
    void SetUp() override {
        if (GetParam() == "postgresql") db = std::make_unique<TestDatabase>();
    }
    std::string state() const { return db ? db->url() : (dir / "state" / "remind.sqlite").string(); }
    RunResult remind(std::vector<std::string> args) {
        args.insert(args.begin(), "remind");
        args.push_back("--state");
        args.push_back(state());
        return runOverens(args);
    }
    RunResult send(const std::string& smtp, std::vector<std::string> args) {
        for (const char* a : {"--send", "--from", "registrator@exempelby.se", "--smtp"}) args.push_back(a);
        args.push_back(smtp);
        return remind(args);
    }
};

// The tests whose state is a file of their own (or none): run once.
class RemindOneState : public Remind {};

}  // namespace

TEST_P(Remind, ListsWhatIsDueAndTellsByItsExitCode) {
    writeSource(dir, "src/a.xml", SourceSpec{});
    SourceSpec later;
    later.dnr = "KS 2027/0099";
    later.next = "2028-06-01";
    writeSource(dir, "src/deep/er/b.xml", later);
    const std::string src = (dir / "src").string();

    auto r = remind({src, "--today", "2027-12-01"});  // 2028-01-20 - P30D = 2027-12-21: not yet
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("Inga omprövningar"), std::string::npos) << r.out;

    r = remind({src, "--today", "2027-12-21"});
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("2028-01-20"), std::string::npos);
    EXPECT_NE(r.out.find("a.xml"), std::string::npos);
    EXPECT_EQ(r.out.find("b.xml"), std::string::npos);
    EXPECT_NE(r.out.find("Åsa Öberg <asa.oberg@exempelby.se>"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("väntar"), std::string::npos);

    r = remind({src, "--today", "2027-12-01", "--within", "P200D", "--lang", "en"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.out.find("b.xml"), std::string::npos);
    EXPECT_NE(r.out.find("pending"), std::string::npos) << r.out;

    r = remind({src, "--today", "2028-02-01"});  // overdue stays listed
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.out.find("12 dagar försenad"), std::string::npos) << r.out;
}

TEST_P(Remind, JsonForScripts) {
    SourceSpec s;
    s.parties.push_back({"secretary", "Nils Post", "Sekreterare", ""});
    writeSource(dir, "a.xml", s);
    auto r = remind({(dir / "a.xml").string(), "--today", "2028-01-10", "--json"});
    ASSERT_EQ(r.exitCode, 1) << r.err;
    auto j = json(r);
    EXPECT_EQ(j->getValue<std::string>("today"), "2028-01-10");
    auto doc = j->getArray("documents")->getObject(0);
    EXPECT_EQ(doc->getValue<std::string>("review"), "2028-01-20");
    EXPECT_EQ(doc->getValue<int>("days"), 10);
    EXPECT_EQ(doc->getValue<std::string>("dnr"), "KS 2027/0042");
    EXPECT_EQ(doc->getValue<std::string>("title"), "Överenskommelse om att styra och leda tillsammans");
    EXPECT_EQ(statuses(j), "asa.oberg@exempelby.se=pending per.lind@exempelby.se=pending =no-email");
}

TEST_P(Remind, BadDateOrDurationIsADiagnosticAtItsLocation) {
    SourceSpec s;
    s.adopted = "2027-02-30";
    s.every = "P6X";
    const fs::path bad = writeSource(dir, "src/bad.xml", s);
    writeSource(dir, "src/good.xml", SourceSpec{});
    auto r = remind({(dir / "src").string(), "--today", "2028-01-10"});
    EXPECT_EQ(r.exitCode, 4) << r.out << r.err;  // a source has errors; the good one is still listed
    const std::string where = (dir / "src" / "bad.xml").string();
    EXPECT_NE(r.err.find(where + ":6:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("error: [source.bad-date]"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(where + ":7:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("error: [source.bad-duration]"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("good.xml"), std::string::npos);
    // Shown again on the next run: a source with errors is never taken from the index.
    ageFile(bad);
    r = remind({(dir / "src").string(), "--today", "2028-01-10"});
    EXPECT_NE(r.err.find("[source.bad-date]"), std::string::npos) << r.err;
    // A bad --today or --within is a usage error.
    EXPECT_EQ(remind({(dir / "src").string(), "--today", "2028-02-30"}).exitCode, 2);
    EXPECT_EQ(remind({(dir / "src").string(), "--within", "30 days"}).exitCode, 2);
    EXPECT_EQ(remind({(dir / "nowhere").string()}).exitCode, 2);
}

TEST_P(Remind, SearchesFoldersRecursivelyForSourcesOnly) {
    writeSource(dir, "src/a/one.xml", SourceSpec{});
    SourceSpec two;
    two.root = "director-instruction";
    two.dnr = "KS 2027/0100";
    two.parties = {{"director", "Dir Ector", "Kommundirektör", "dir@exempelby.se"}};
    writeSource(dir, "src/b/c/two.XML", two);
    writeFile(dir / "src" / "styles.xml", "<?xml version=\"1.0\"?>\n<office:document-styles xmlns:office=\"x\"/>\n");
    writeFile(dir / "src" / "notes.txt", "not xml");
    writeSource(dir, "src/.hidden/three.xml", SourceSpec{});
    auto r = remind({(dir / "src").string(), "--today", "2028-01-10", "--json"});
    ASSERT_EQ(r.exitCode, 1) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    auto j = json(r);
    EXPECT_EQ(j->getArray("documents")->size(), 2u);
    EXPECT_EQ(j->getObject("summary")->getValue<int>("sources"), 2);
}

TEST_P(Remind, UnchangedSourcesAreNotParsedAgain) {
    std::vector<fs::path> files;
    for (int i = 0; i < 5; ++i) {
        SourceSpec s;
        s.dnr = "KS 2027/" + std::to_string(100 + i);
        files.push_back(writeSource(dir, "src/s" + std::to_string(i) + ".xml", s));
        ageFile(files.back());
    }
    const std::string src = (dir / "src").string();
    auto first = json(remind({src, "--today", "2028-01-10", "--json"}));
    EXPECT_EQ(first->getObject("summary")->getValue<int>("parsed"), 5);
    auto second = json(remind({src, "--today", "2028-01-10", "--json"}));
    EXPECT_EQ(second->getObject("summary")->getValue<int>("parsed"), 0);
    EXPECT_EQ(second->getObject("summary")->getValue<int>("sources"), 5);
    EXPECT_EQ(second->getArray("documents")->size(), 5u);
    // A changed file is read again, and its new review date counts.
    SourceSpec moved;
    moved.dnr = "KS 2027/100";
    moved.next = "2029-01-20";
    writeFile(files[0], sourceXml(moved));
    auto third = json(remind({src, "--today", "2028-01-10", "--json"}));
    EXPECT_EQ(third->getObject("summary")->getValue<int>("parsed"), 1);
    EXPECT_EQ(third->getArray("documents")->size(), 4u);
    // A removed file is dropped.
    fs::remove(files[1]);
    auto fourth = json(remind({src, "--today", "2028-01-10", "--json"}));
    EXPECT_EQ(fourth->getObject("summary")->getValue<int>("sources"), 4);
}

TEST_P(Remind, LeapDaysMonthEndsAndIntervals) {
    struct Case {
        std::string next, every, notify, today, expected;
        bool recurring;
    };
    const std::vector<Case> cases{
        // Leap day, yearly: 2029 has no 29 February, the review falls on the 28th.
        {"2028-02-29", "P1Y", "P30D", "2029-02-10", "2029-02-28", true},
        {"2028-02-29", "P1Y", "P30D", "2032-02-10", "2032-02-29", true},
        // Recurring, past its date: still current (overdue) until the next occurrence's window.
        {"2028-02-29", "P1Y", "P30D", "2028-03-05", "2028-02-29", true},
        // Month end, every six months: 31 August -> 29 February (2028 is a leap year) -> 31 August.
        {"2027-08-31", "P6M", "P30D", "2028-02-20", "2028-02-29", true},
        {"2027-08-31", "P6M", "P30D", "2028-08-20", "2028-08-31", true},
        // Every 30 days: 2028-01-01, 01-31, 03-01, 03-31.
        {"2028-01-01", "P30D", "P7D", "2028-03-25", "2028-03-31", true},
        // Adopted on a leap day, no next date: adoption + P1Y = 2029-02-28.
        {"", "P1Y", "P30D", "2029-02-01", "2029-02-28", false},
        // Not recurring: an overdue review stays on its date.
        {"2027-06-30", "P1Y", "P30D", "2027-12-25", "2027-06-30", false},
        // Notify a month ahead of 31 March: from 28 February (2027).
        {"2027-03-31", "P1Y", "P1M", "2027-02-28", "2027-03-31", false},
    };
    int n = 0;
    for (const auto& c : cases) {
        SourceSpec s;
        s.dnr = "KS 2027/" + std::to_string(500 + n);
        s.next = c.next;
        s.every = c.every;
        s.notify = c.notify;
        s.recurring = c.recurring;
        if (c.next.empty()) s.adopted = "2028-02-29";
        else s.adopted = "2026-01-15";
        const fs::path f = writeSource(dir, "case" + std::to_string(n++) + ".xml", s);
        auto r = remind({f.string(), "--today", c.today, "--json"});
        ASSERT_EQ(r.exitCode, 1) << c.next << " " << c.every << " " << c.today << "\n" << r.out << r.err;
        EXPECT_EQ(reviews(json(r)), std::vector<std::string>{c.expected}) << c.next << " " << c.every << " " << c.today;
    }
    // The notify day, Sunday 28 February 2027, moves to Friday the 26th: due from then, not before.
    SourceSpec s;
    s.next = "2027-03-31";
    s.notify = "P1M";
    s.adopted = "2026-01-15";
    const fs::path f = writeSource(dir, "early.xml", s);
    EXPECT_EQ(remind({f.string(), "--today", "2027-02-25"}).exitCode, 0);
    EXPECT_EQ(remind({f.string(), "--today", "2027-02-26"}).exitCode, 1);
    // Sunday 29 February 2032 is held on Friday the 27th.
    auto r = remind({(dir / "case1.xml").string(), "--today", "2032-02-10", "--json"});
    auto doc = json(r)->getArray("documents")->getObject(0);
    EXPECT_EQ(doc->getValue<std::string>("review"), "2032-02-27");
    EXPECT_EQ(doc->getValue<std::string>("scheduled"), "2032-02-29");
}

TEST_P(Remind, SendsEachPartyOnceWithTheCalendarAttached) {
    writeSource(dir, "src/a.xml", SourceSpec{});
    SourceSpec en;
    en.lang = "en";
    en.dnr = "KS 2027/0077";
    en.parties = {{"chair", "Kim Chair", "Chair of the Board", "kim@exempelby.se"}};
    writeSource(dir, "src/b.xml", en);
    SmtpSink sink(dir / "mail");
    const std::string src = (dir / "src").string();
    auto r = send(sink.address(), {src, "--today", "2028-01-10", "--from-name", "Registraturen i Exempelby"});
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    auto mails = sink.messages();
    ASSERT_EQ(mails.size(), 3u) << sink.log();
    auto counts = countByRecipient(sink);
    EXPECT_EQ(counts["asa.oberg@exempelby.se"], 1);
    EXPECT_EQ(counts["per.lind@exempelby.se"], 1);
    EXPECT_EQ(counts["kim@exempelby.se"], 1);
    int swedish = 0, english = 0;
    for (const auto& eml : mails) {
        const std::string raw = readFile(eml);
        EXPECT_NE(raw.find("Message-ID: <"), std::string::npos);
        EXPECT_NE(raw.find("text/calendar"), std::string::npos);
        const std::string text = textPart(eml);
        std::string ics = attachment(eml, "omprovning.ics");
        if (!ics.empty()) {
            ++swedish;
            EXPECT_NE(text.find("ska ses över senast den 20 januari 2028, alltså om 10 dagar"), std::string::npos) << text;
        } else {
            ics = attachment(eml, "review.ics");
            ++english;
            EXPECT_NE(text.find("is due for review by 20 January 2028"), std::string::npos) << text;
        }
        ASSERT_FALSE(ics.empty()) << raw;
        EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20280120"), std::string::npos);
        const fs::path icsFile = dir / (eml.stem().string() + ".ics");
        writeFile(icsFile, ics);
        auto v = run({(sharedTools() / "ics-validate").string(), "--khal", icsFile.string()}, {}, 120);
        EXPECT_EQ(v.exitCode, 0) << v.out << v.err;
    }
    EXPECT_EQ(swedish, 2);
    EXPECT_EQ(english, 1);
    EXPECT_NE(readFile(mails[0]).find("From: Registraturen i Exempelby <registrator@exempelby.se>"), std::string::npos);

    // A second run sends nothing, and says so.
    r = send(sink.address(), {src, "--today", "2028-01-11", "--json"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_EQ(sink.messages().size(), 3u);
    auto j = json(r);
    EXPECT_EQ(j->getObject("summary")->getValue<int>("sent"), 0);
    EXPECT_EQ(statuses(j, 0), "asa.oberg@exempelby.se=sent per.lind@exempelby.se=sent");
}

TEST_P(Remind, ServerDownMarksNothingSentAndALaterRunDelivers) {
    writeSource(dir, "a.xml", SourceSpec{});
    const int port = freePort();  // nobody listens
    const std::string addr = "127.0.0.1:" + std::to_string(port);
    auto r = send(addr, {(dir / "a.xml").string(), "--today", "2028-01-10", "--json"});
    EXPECT_EQ(r.exitCode, 3) << r.out << r.err;
    EXPECT_EQ(statuses(json(r)), "asa.oberg@exempelby.se=deferred per.lind@exempelby.se=deferred");
    EXPECT_NE(r.err.find("[remind.deferred]"), std::string::npos) << r.err;

    SmtpSink sink(dir / "mail", {}, port);
    r = send(sink.address(), {(dir / "a.xml").string(), "--today", "2028-01-11", "--json"});
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    EXPECT_EQ(statuses(json(r)), "asa.oberg@exempelby.se=sent per.lind@exempelby.se=sent");
    EXPECT_EQ(sink.messages().size(), 2u);
    r = send(sink.address(), {(dir / "a.xml").string(), "--today", "2028-01-12"});
    EXPECT_EQ(sink.messages().size(), 2u);
}

TEST_P(Remind, RefusedRecipientIsReportedWhileOthersGetTheirs) {
    writeSource(dir, "a.xml", SourceSpec{});
    SmtpSink sink(dir / "mail", {"--reject", "per.lind@exempelby.se"});
    auto r = send(sink.address(), {(dir / "a.xml").string(), "--today", "2028-01-10", "--json"});
    EXPECT_EQ(r.exitCode, 3) << r.out << r.err;
    EXPECT_EQ(statuses(json(r)), "asa.oberg@exempelby.se=sent per.lind@exempelby.se=refused");
    EXPECT_NE(r.err.find("error: [remind.refused] per.lind@exempelby.se"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("550"), std::string::npos);
    auto counts = countByRecipient(sink);
    EXPECT_EQ(counts["asa.oberg@exempelby.se"], 1);
    EXPECT_EQ(counts.count("per.lind@exempelby.se"), 0u);
    // Recorded: not tried again for this review date, still shown.
    r = send(sink.address(), {(dir / "a.xml").string(), "--today", "2028-01-11"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.out.find("avvisad"), std::string::npos) << r.out;
    EXPECT_EQ(sink.log().find("refused per.lind@exempelby.se 550\nsmtp-sink: refused"), std::string::npos);
    EXPECT_EQ(sink.messages().size(), 1u);
}

TEST_P(Remind, TemporaryFailureIsRetriedOnTheNextRun) {
    writeSource(dir, "a.xml", SourceSpec{});
    {
        SmtpSink sink(dir / "mail", {"--tempfail", "per.lind@exempelby.se"});
        auto r = send(sink.address(), {(dir / "a.xml").string(), "--today", "2028-01-10", "--json"});
        EXPECT_EQ(r.exitCode, 3) << r.out << r.err;
        EXPECT_EQ(statuses(json(r)), "asa.oberg@exempelby.se=sent per.lind@exempelby.se=deferred");
        EXPECT_NE(r.err.find("451"), std::string::npos) << r.err;
    }
    SmtpSink sink(dir / "mail2");
    auto r = send(sink.address(), {(dir / "a.xml").string(), "--today", "2028-01-11", "--json"});
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    EXPECT_EQ(statuses(json(r)), "asa.oberg@exempelby.se=sent per.lind@exempelby.se=sent");
    auto counts = countByRecipient(sink);
    EXPECT_EQ(counts.count("asa.oberg@exempelby.se"), 0u);  // not sent twice
    EXPECT_EQ(counts["per.lind@exempelby.se"], 1);
}

// A crash between the message's data and the server's reply: the attempt was recorded, the
// reminder is not marked sent, and the next run sends it again (at least once). Had the server
// kept the first copy, it would arrive twice, both with the same Message-ID; smtp-sink drops a
// message whose connection is lost before its reply.
TEST_P(Remind, CrashDuringDeliveryResendsOnTheNextRun) {
    SourceSpec s;
    s.parties = {{"chair", "Åsa Öberg", "Ordförande", "asa.oberg@exempelby.se"}};
    writeSource(dir, "a.xml", s);
    std::vector<fs::path> firstCopies;
    {
        SmtpSink slow(dir / "slow-mail", {"--delay", "4"});
        std::vector<std::string> argv{binary().string(), "remind", (dir / "a.xml").string(), "--today", "2028-01-10",
                                      "--send", "--from", "registrator@exempelby.se", "--smtp", slow.address(),
                                      "--state", state()};
        auto killed = run(argv, {}, 2);  // killed after 2 s, while waiting for the reply to the data
        EXPECT_EQ(killed.exitCode, -1);
        auto listing = remind({(dir / "a.xml").string(), "--today", "2028-01-10", "--json"});
        EXPECT_EQ(statuses(json(listing)), "asa.oberg@exempelby.se=attempting");
        EXPECT_NE(listing.out.find("attempting"), std::string::npos);
        std::this_thread::sleep_for(std::chrono::seconds(3));  // past the server's delay
        firstCopies = slow.messages();
    }
    SmtpSink sink(dir / "mail");
    auto r = send(sink.address(), {(dir / "a.xml").string(), "--today", "2028-01-10", "--json"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_EQ(statuses(json(r)), "asa.oberg@exempelby.se=sent");
    auto mails = sink.messages();
    ASSERT_EQ(mails.size(), 1u);
    auto id = [](const std::string& raw) {
        const auto b = raw.find("Message-ID: ");
        return raw.substr(b, raw.find("\r\n", b) - b);
    };
    EXPECT_LE(firstCopies.size(), 1u);
    for (const auto& first : firstCopies) EXPECT_EQ(id(readFile(first)), id(readFile(mails[0])));
    send(sink.address(), {(dir / "a.xml").string(), "--today", "2028-01-11"});
    EXPECT_EQ(sink.messages().size(), 1u);
}

TEST_P(Remind, SettingsFromAConfigFile) {
    writeSource(dir, "a.xml", SourceSpec{});
    SmtpSink sink(dir / "mail");
    writeFile(dir / "remind.properties", "# overens remind\nsmtp.host = 127.0.0.1\nsmtp.port = " +
                                             std::to_string(sink.port()) +
                                             "\nsmtp.from = registrator@exempelby.se\nsmtp.timeout = 10\n");
    auto r = remind({(dir / "a.xml").string(), "--today", "2028-01-10", "--send", "--config",
                     (dir / "remind.properties").string()});
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    EXPECT_EQ(sink.messages().size(), 2u);

    SourceSpec other;
    other.dnr = "KS 2027/0300";
    writeSource(dir, "b.xml", other);
    writeFile(dir / "remind.ini", "[smtp]\nhost = 127.0.0.1:" + std::to_string(sink.port()) +
                                      "\nfrom = registrator@exempelby.se\n");
    r = remind({(dir / "b.xml").string(), "--today", "2028-01-10", "--send", "--config", (dir / "remind.ini").string()});
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    EXPECT_EQ(sink.messages().size(), 4u);

    // --send without a server or sender is a usage error.
    EXPECT_EQ(remind({(dir / "a.xml").string(), "--send"}).exitCode, 2);
    EXPECT_EQ(remind({(dir / "a.xml").string(), "--send", "--smtp", sink.address()}).exitCode, 2);
}

// STARTTLS and login against a server that requires both (aiosmtpd with a throw-away certificate).
TEST_P(RemindOneState, StartTlsAndLogin) {
    if (!commandExists("openssl")) GTEST_SKIP() << "openssl missing";
    const fs::path cert = dir / "cert.pem", key = dir / "key.pem";
    auto gen = run({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.string(), "-out",
                    cert.string(), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"},
                   {}, 60);
    ASSERT_EQ(gen.exitCode, 0) << gen.err;
    SmtpSink server(dir / "mail", {"--cert", cert.string(), "--key", key.string(), "--user", "overens", "--password", "hemligt"},
                    0, sourceDir() / "tests" / "core" / "remind" / "starttls_server.py");
    writeSource(dir, "a.xml", SourceSpec{});
    writeFile(dir / "password", "hemligt\n");
    writeFile(dir / "wrong", "fel\n");
    writeFile(dir / "tls.properties", "smtp.ca-file = " + cert.string() + "\n");
    auto args = [&](const std::string& passwordFile, bool tls, const std::string& state) {
        std::vector<std::string> a{"remind", (dir / "a.xml").string(), "--today", "2028-01-10", "--send", "--smtp",
                                   server.address(), "--from", "registrator@exempelby.se", "--smtp-user", "overens",
                                   "--smtp-password-file", (dir / passwordFile).string(), "--config",
                                   (dir / "tls.properties").string(), "--state", (dir / state).string()};
        if (tls) a.push_back("--starttls");
        return a;
    };
    // Without STARTTLS the server refuses the login: deferred, nothing sent.
    auto r = runOverens(args("password", false, "s1.sqlite"));
    EXPECT_EQ(r.exitCode, 3) << r.out << r.err;
    // A wrong password: deferred.
    r = runOverens(args("wrong", true, "s2.sqlite"));
    EXPECT_EQ(r.exitCode, 3) << r.out << r.err;
    EXPECT_NE(r.err.find("535"), std::string::npos) << r.err;
    EXPECT_TRUE(server.messages().empty());
    // STARTTLS, then the login: delivered.
    r = runOverens(args("password", true, "s3.sqlite"));
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    EXPECT_EQ(server.messages().size(), 2u) << server.log();
    EXPECT_NE(server.log().find("tls=True"), std::string::npos);
    // A certificate not signed by the given CA is refused.
    writeFile(dir / "tls.properties", "smtp.ca-file = /etc/ssl/certs/ca-certificates.crt\n");
    r = runOverens(args("password", true, "s4.sqlite"));
    EXPECT_EQ(r.exitCode, 3) << r.out << r.err;
    EXPECT_EQ(server.messages().size(), 2u);
}

// A copy of a source (same organisation, kind and registration number) is the same document:
// its parties get one reminder, and the copy is pointed out.
TEST_P(Remind, CopiesOfADocumentShareTheirReminders) {
    writeSource(dir, "src/a.xml", SourceSpec{});
    writeSource(dir, "src/old/a-copy.xml", SourceSpec{});
    SmtpSink sink(dir / "mail");
    auto r = send(sink.address(), {(dir / "src").string(), "--today", "2028-01-10", "--json"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.err.find("[remind.same-document]"), std::string::npos) << r.err;
    EXPECT_EQ(sink.messages().size(), 2u);
    auto j = json(r);
    EXPECT_EQ(statuses(j, 0), "asa.oberg@exempelby.se=sent per.lind@exempelby.se=sent");
    EXPECT_EQ(statuses(j, 1), "asa.oberg@exempelby.se=sent per.lind@exempelby.se=sent");
}

TEST_P(RemindOneState, ATestRunCannotSpendTheRealReminders) {
    writeSource(dir, "a.xml", SourceSpec{});
    const std::string a = (dir / "a.xml").string();
    // --today with --send and the default state file: refused before anything is sent.
    auto r = runOverens({"remind", a, "--today", "2028-01-10", "--send", "--from", "registrator@exempelby.se",
                         "--smtp", "127.0.0.1:" + std::to_string(freePort())},
                        {{"OVERENS_STATE", (dir / "real.sqlite").string()}});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("--today with --send is a test run"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "real.sqlite"));
    r = runOverens({"remind", a, "--today", "2028-01-10", "--send", "--from", "registrator@exempelby.se", "--smtp",
                    "127.0.0.1:" + std::to_string(freePort()), "--state", (dir / "real.sqlite").string()},
                   {{"OVERENS_STATE", (dir / "real.sqlite").string()}});
    EXPECT_EQ(r.exitCode, 2) << r.err;
}

TEST_P(Remind, NobodyForgottenTheDefaultRecipientGetsIt) {
    SourceSpec s;
    s.parties = {{"chair", "Åsa Öberg", "Ordförande", ""}, {"director", "Per Lind", "Kommundirektör", ""}};
    writeSource(dir, "a.xml", s);
    const std::string a = (dir / "a.xml").string();
    TempDir mail;
    SmtpSink sink(mail / "in");
    auto r = send(sink.address(), {a, "--today", "2028-01-10"});
    EXPECT_EQ(r.exitCode, 3) << r.out << r.err;  // due, and nobody could be reminded
    EXPECT_NE(r.err.find("a.xml: warning: [remind.no-recipient]"), std::string::npos) << r.err;
    EXPECT_TRUE(sink.messages().empty());
    r = send(sink.address(), {a, "--today", "2028-01-10", "--default-recipient", "registrator@exempelby.se"});
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    ASSERT_EQ(sink.messages().size(), 1u);
    EXPECT_NE(textPart(sink.messages()[0]).find("ingen av dokumentets parter har en e-postadress"), std::string::npos)
        << textPart(sink.messages()[0]);
}

// Two runs at once (two machines' timers): every reminder reaches its recipient exactly once.
// With SQLite the second run finds the file locked (exit 2) or runs after the first; with
// PostgreSQL both run, each reminder claimed by one of them.
TEST_P(Remind, TwoRunsAtOnceSendEachReminderOnce) {
    for (int i = 0; i < 12; ++i) {
        SourceSpec s;
        s.dnr = "KS 2027/" + std::to_string(100 + i);
        s.parties = {{"chair", "Åsa Öberg", "Ordförande", "chair" + std::to_string(i) + "@exempelby.se"},
                     {"director", "Per Lind", "Kommundirektör", "director" + std::to_string(i) + "@exempelby.se"}};
        writeSource(dir, "src/d" + std::to_string(i) + ".xml", s);
    }
    SmtpSink sink(dir / "mail", {"--delay", "0.05"});
    std::vector<std::string> argv{binary().string(), "remind", (dir / "src").string(), "--today", "2028-01-10",
                                  "--send", "--from", "registrator@exempelby.se", "--smtp", sink.address(),
                                  "--state", state(), "--json"};
    RunResult first, second;
    std::thread a([&] { first = run(argv, {}, 120); });
    std::thread b([&] { second = run(argv, {}, 120); });
    a.join();
    b.join();
    for (const RunResult* r : {&first, &second})
        EXPECT_TRUE(r->exitCode == 1 || (GetParam() == "sqlite" && r->exitCode == 2)) << r->exitCode << r->err;
    if (GetParam() == "postgresql") {
        EXPECT_EQ(first.exitCode, 1) << first.err;
        EXPECT_EQ(second.exitCode, 1) << second.err;
    }
    const auto counts = countByRecipient(sink);
    EXPECT_EQ(counts.size(), 24u) << sink.log();
    for (const auto& [address, n] : counts) EXPECT_EQ(n, 1) << address;
    // What both runs said they sent adds up to the 24.
    int sent = 0;
    for (const RunResult* r : {&first, &second})
        if (r->exitCode == 1) sent += json(*r)->getObject("summary")->getValue<int>("sent");
    EXPECT_EQ(sent, 24);
    auto after = remind({(dir / "src").string(), "--today", "2028-01-11", "--json"});
    for (std::size_t i = 0; i < 12; ++i) EXPECT_EQ(statuses(json(after), i).find("pending"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(State, Remind, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(State, RemindOneState, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });
