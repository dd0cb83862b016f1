// `overens remind --send` against a mail server that stops answering (tests/core/remind/
// stalling_smtp.py on 127.0.0.1, --smtp-timeout 1): one connection and one timeout per run, the
// rest deferred at once; a message whose data went out unanswered is sent again on the next run
// with the same Message-ID and the notice that it may arrive twice.
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include <chrono>
#include <regex>

#include "remind_fixtures.hpp"
#include "test_support.hpp"

using namespace overens::test;
namespace fs = std::filesystem;

namespace {

const fs::path kStalling = sourceDir() / "tests" / "core" / "remind" / "stalling_smtp.py";

class Stalling : public ::testing::Test {
protected:
    TempDir dir;
    void SetUp() override {
        for (int i = 0; i < 3; ++i) {  // three due documents, two parties each: six reminders
            SourceSpec s;
            s.dnr = "KS 2027/01" + std::to_string(i);
            writeFile(dir / "src" / ("s" + std::to_string(i) + ".xml"), sourceXml(s));
        }
    }
    RunResult send(const std::string& smtp, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"remind", (dir / "src").string(), "--today", "2028-01-10", "--json", "--state",
                                      (dir / "state.sqlite").string(), "--send", "--from", "registrator@exempelby.se",
                                      "--smtp", smtp, "--smtp-timeout", "1"};
        args.insert(args.end(), extra.begin(), extra.end());
        return runOverens(args);
    }
    static std::string statuses(const RunResult& r) {
        Poco::JSON::Parser parser;
        auto docs = parser.parse(r.out).extract<Poco::JSON::Object::Ptr>()->getArray("documents");
        std::string out;
        for (std::size_t i = 0; i < docs->size(); ++i) {
            auto people = docs->getObject(i)->getArray("recipients");
            for (std::size_t k = 0; k < people->size(); ++k)
                out += (out.empty() ? "" : " ") + people->getObject(k)->getValue<std::string>("status");
        }
        return out;
    }
    static int connections(const SmtpSink& server) {
        const std::string log = server.log();
        int n = 0;
        for (std::size_t at = log.find("connection "); at != std::string::npos; at = log.find("connection ", at + 1)) ++n;
        return n;
    }
};

double secondsOf(const std::function<void()>& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_F(Stalling, SilentAfterConnectingCostsOneTimeoutPerRun) {
    for (const char* stage : {"greeting", "mail"}) {
        SmtpSink server(dir / (std::string("mail-") + stage), {"--stall", stage}, 0, kStalling);
        RunResult r;
        const double seconds = secondsOf([&] { r = send(server.address()); });
        EXPECT_EQ(r.exitCode, 3) << stage << "\n" << r.err;
        EXPECT_EQ(statuses(r), "deferred deferred deferred deferred deferred deferred") << stage;
        // One timeout (1 s), not three per reminder (18 s): the rest are deferred at once.
        EXPECT_LT(seconds, 4.0) << stage;
        EXPECT_GE(seconds, 0.9) << stage;
        EXPECT_EQ(connections(server), 1) << stage << "\n" << server.log();
        // The first is deferred by its timeout; the other five are not tried, and say why.
        std::size_t notTried = 0;
        for (std::size_t at = r.err.find("not tried:"); at != std::string::npos; at = r.err.find("not tried:", at + 1))
            ++notTried;
        EXPECT_EQ(notTried, 5u) << stage << "\n" << r.err;
        fs::remove(dir / "state.sqlite");
    }
}

TEST_F(Stalling, UnansweredDataIsSentAgainAsAPossibleDuplicate) {
    std::string stalledId;
    {
        SmtpSink server(dir / "stalled", {"--stall", "data-end"}, 0, kStalling);
        RunResult r;
        const double seconds = secondsOf([&] { r = send(server.address()); });
        EXPECT_EQ(r.exitCode, 3) << r.err;
        EXPECT_LT(seconds, 4.0);
        EXPECT_EQ(connections(server), 1) << server.log();
        // The first message went out unanswered: it stays "attempting"; the rest wait.
        EXPECT_EQ(statuses(r), "attempting deferred deferred deferred deferred deferred") << r.out;
        EXPECT_NE(r.err.find("warning: [remind.unacknowledged]"), std::string::npos) << r.err;
        ASSERT_EQ(server.messages().size(), 1u) << server.log();
        std::smatch m;
        const std::string text = readFile(server.messages()[0]);
        ASSERT_TRUE(std::regex_search(text, m, std::regex("Message-ID: (<[^>]+>)")));
        stalledId = m.str(1);
    }
    // Listed (without --send) as an interrupted attempt that may arrive twice.
    auto listed = runOverens({"remind", (dir / "src").string(), "--today", "2028-01-10", "--state",
                              (dir / "state.sqlite").string(), "--lang", "en"});
    EXPECT_NE(listed.out.find("interrupted attempt, sent again (may arrive twice)"), std::string::npos) << listed.out;

    SmtpSink sink(dir / "mail");
    RunResult r = send(sink.address());
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_EQ(statuses(r), "sent sent sent sent sent sent");
    EXPECT_NE(r.out.find("\"resent\": true"), std::string::npos) << r.out;
    int again = 0;
    for (const auto& eml : sink.messages()) {
        const std::string text = readFile(eml);
        if (text.find("Message-ID: " + stalledId) == std::string::npos) continue;
        ++again;
        EXPECT_NE(textPart(eml).find("en kopia av samma meddelande"), std::string::npos) << textPart(eml);
    }
    EXPECT_EQ(again, 1);
}
