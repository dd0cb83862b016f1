// `overens remind --store SPEC`: the current versions of every organisation's documents in a
// store — the folder store and the PostgreSQL store a hosted `overens serve` uses — with the
// state in the store's own database when it is PostgreSQL. The real command, the real stores,
// smtp-sink on 127.0.0.1.
#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <ctime>
#include <map>

#include "remind_fixtures.hpp"
#include "store_under_test.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::test;
namespace fs = std::filesystem;

namespace {

// Ten days from today: due now (notify-before P30D) without --today, so that a run may send
// and record in the store's own state.
std::string inTenDays() {
    std::time_t t = std::time(nullptr) + 10 * 86400;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[11];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::map<std::string, int> recipients(const SmtpSink& sink) {
    std::map<std::string, int> out;
    for (const auto& eml : sink.messages()) {
        const std::string raw = readFile(eml);
        const auto to = raw.find("\nTo: ");
        const auto lt = raw.find('<', to), gt = raw.find('>', to);
        ++out[lt < raw.find('\n', to + 1) ? raw.substr(lt + 1, gt - lt - 1) : raw.substr(to + 5, raw.find('\r', to + 5) - to - 5)];
    }
    return out;
}

class RemindStore : public ::testing::TestWithParam<std::string> {
protected:
    TempDir dir;
    StoreUnderTest st{GetParam()};
    std::map<std::string, std::string> env{{"OVERENS_STATE", (dir / "default-state.sqlite").string()},
                                           {"TMPDIR", (dir / "machine-a").string()}};

    void SetUp() override { fs::create_directories(dir / "machine-a"); }

    void put(const std::string& org, const std::string& name, const std::string& xml, int basedOn = 0) {
        std::string error;
        if (!org.empty()) st.store().createOrganisation(org, error);
        const auto r = st.store().save({org, name}, xml, basedOn, "test", "");
        ASSERT_EQ(r.status, store::SaveStatus::Saved) << r.error;
    }

    RunResult remind(std::vector<std::string> args) {
        args.insert(args.begin(), {"remind", "--store", st.spec()});
        return runOverens(args, env);
    }
    RunResult send(const SmtpSink& sink, std::vector<std::string> args = {}) {
        for (const char* a : {"--send", "--from", "registrator@exempelby.se", "--smtp"}) args.push_back(a);
        args.push_back(sink.address());
        return remind(args);
    }
};

SourceSpec due(const std::string& dnr, const std::string& who) {
    SourceSpec s;
    s.dnr = dnr;
    s.next = inTenDays();
    s.parties = {{"chair", "Åsa Öberg", "Ordförande", "chair@" + who},
                 {"director", "Per Lind", "Kommundirektör", "director@" + who}};
    return s;
}

}  // namespace

TEST_P(RemindStore, EveryOrganisationsCurrentDocumentsNamedByOrganisationAndName) {
    put("exempelby", "overenskommelse.xml", sourceXml(due("KS 2027/0042", "exempelby.se")));
    SourceSpec land = due("RS 2027/0007", "exempelland.se");
    land.organisation = "Region Exempelland";
    put("exempelland", "overenskommelse.xml", sourceXml(land));
    SourceSpec later = due("KS 2027/0050", "exempelby.se");
    later.next = "2040-01-20";  // not due
    put("exempelby", "instruktion.xml", sourceXml(later));
    SourceSpec bad = due("KS 2027/0051", "exempelby.se");
    bad.next = "2028-02-30";
    put("exempelby", "trasig.xml", sourceXml(bad));

    auto r = remind({"--json"});
    EXPECT_EQ(r.exitCode, 4) << r.out << r.err;  // due ones listed, and a source with errors
    EXPECT_NE(r.err.find("exempelby/trasig.xml:7:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("[source.bad-date]"), std::string::npos) << r.err;
    Poco::JSON::Parser parser;
    auto j = parser.parse(r.out).extract<Poco::JSON::Object::Ptr>();
    auto docs = j->getArray("documents");
    ASSERT_EQ(docs->size(), 2u) << r.out;
    std::vector<std::string> sources;
    for (std::size_t i = 0; i < docs->size(); ++i) sources.push_back(docs->getObject(i)->getValue<std::string>("path"));
    std::sort(sources.begin(), sources.end());
    EXPECT_EQ(sources, (std::vector<std::string>{"exempelby/overenskommelse.xml", "exempelland/overenskommelse.xml"}));
    r = remind({});
    EXPECT_NE(r.out.find("exempelland/overenskommelse.xml"), std::string::npos) << r.out;
}

// The state follows the store: in PostgreSQL the reminders are recorded in the store's database
// (no state file anywhere), so a run on another machine — another cache folder for the files —
// sends nothing twice; a new version with a new address reminds only the new address.
TEST_P(RemindStore, SentOnceAcrossRunsMachinesAndVersions) {
    SourceSpec s = due("", "exempelby.se");  // no registration number: known by ORG/NAME
    put("exempelby", "overenskommelse.xml", sourceXml(s));
    // The folder store's own top-level files are the organisation "" (PostgreSQL has none such).
    put(GetParam() == "folder" ? "" : "kansliet", "toppniva.xml", sourceXml(due("KS 2027/0099", "kansliet.se")));
    SmtpSink sink(dir / "mail");
    auto r = send(sink);
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    auto counts = recipients(sink);
    EXPECT_EQ(counts.size(), 4u) << sink.log();
    for (const auto& [to, n] : counts) EXPECT_EQ(n, 1) << to;
    EXPECT_EQ(fs::exists(dir / "default-state.sqlite"), GetParam() == "folder");

    env["TMPDIR"] = (dir / "machine-b").string();  // another machine: the files cached elsewhere
    fs::create_directories(dir / "machine-b");
    r = send(sink);
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    EXPECT_EQ(sink.messages().size(), 4u) << r.out;
    EXPECT_NE(r.out.find("exempelby/overenskommelse.xml"), std::string::npos) << r.out;

    s.parties[1].email = "ny.direktor@exempelby.se";
    const auto current = st.store().read({"exempelby", "overenskommelse.xml"});
    ASSERT_TRUE(current);
    put("exempelby", "overenskommelse.xml", sourceXml(s), current->version);
    r = send(sink);
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    counts = recipients(sink);
    EXPECT_EQ(counts.size(), 5u) << sink.log();
    EXPECT_EQ(counts["ny.direktor@exempelby.se"], 1);
    EXPECT_EQ(counts["chair@exempelby.se"], 1);
}

TEST_P(RemindStore, ATestRunNeedsAStateOfItsOwn) {
    put("exempelby", "overenskommelse.xml", sourceXml(due("KS 2027/0042", "exempelby.se")));
    auto r = remind({"--today", "2028-01-10", "--send", "--from", "registrator@exempelby.se", "--smtp",
                     "127.0.0.1:" + std::to_string(freePort())});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("--today with --send is a test run"), std::string::npos) << r.err;
    r = runOverens({"remind", "--store", "postgresql://overens@127.0.0.1:" + std::to_string(freePort()) + "/none"}, env);
    EXPECT_EQ(r.exitCode, 2) << r.out << r.err;
}

INSTANTIATE_TEST_SUITE_P(Stores, RemindStore, ::testing::Values("folder", "postgresql"),
                         [](const auto& info) { return info.param; });
