// Per-command help, the validate summary and messages a newcomer can act on.
#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace overens::test;

TEST(Help, EveryCommandHasItsOwnHelpBothWays) {
    for (const char* command : {"build", "validate", "import", "new", "schema", "plugins", "remind"}) {
        const RunResult a = runOverens({"help", command});
        const RunResult b = runOverens({command, "--help"});
        EXPECT_EQ(a.exitCode, 0) << command << a.err;
        EXPECT_EQ(b.exitCode, 0) << command << b.err;
        EXPECT_EQ(a.out, b.out) << command;
        EXPECT_NE(a.out.find(std::string("overens ") + command), std::string::npos) << a.out;
        EXPECT_NE(a.out.find("Example"), std::string::npos) << a.out;
    }
    EXPECT_NE(runOverens({"help", "import"}).out.find("--map"), std::string::npos);
    EXPECT_NE(runOverens({"help", "build"}).out.find("--format"), std::string::npos);
    const RunResult unknown = runOverens({"help", "frobnicate"});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_NE(unknown.err.find("unknown command 'frobnicate'"), std::string::npos) << unknown.err;
}

// --from means an existing source for new and import, a sender address for remind: each command's
// help says its own meaning, the general help says both.
TEST(Help, FromIsDescribedForEachCommandThatTakesIt) {
    for (const char* command : {"new", "import"}) {
        const std::string out = runOverens({"help", command}).out;
        EXPECT_NE(out.find("--from EXISTING.xml"), std::string::npos) << out;
        EXPECT_EQ(out.find("ADDRESS"), std::string::npos) << out;
    }
    EXPECT_NE(runOverens({"help", "remind"}).out.find("--from ADDRESS"), std::string::npos);
    const std::string all = runOverens({"--help"}).out;
    const auto line = all.find("--from=", all.find("Options:"));
    ASSERT_NE(line, std::string::npos) << all;
    const std::string described = all.substr(line, all.find("--", line + 6) - line);
    EXPECT_NE(described.find("new, import"), std::string::npos) << described;
    EXPECT_NE(described.find("remind"), std::string::npos) << described;
}

TEST(Help, AMistypedCommandGetsASuggestion) {
    const RunResult r = runOverens({"valdate", "x.xml"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("did you mean 'validate'?"), std::string::npos) << r.err;
}

TEST(ValidateSummary, EndsWithOneLineOfDocumentsErrorsAndWarnings) {
    std::vector<std::string> args{"validate"};
    for (const char* f : {"kommun/exempelby-overenskommelse.xml", "kommun/exempelby-delegationsordning.xml"})
        args.push_back((samplesDir() / f).string());
    const RunResult ok = runOverens(args);
    EXPECT_EQ(ok.exitCode, 0) << ok.err;
    EXPECT_EQ(ok.out, "validate: 2 dokument, 0 fel, 0 varningar; alla giltiga\n");
    const RunResult bad = runOverens({"validate", (samplesDir() / "faulty" / "delegation-roles.xml").string(), "--lang", "en"});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.out.find("validate: 1 document, "), std::string::npos) << bad.out;
    EXPECT_NE(bad.out.find("; 1 not valid"), std::string::npos) << bad.out;
}

TEST(Messages, AnUnknownValueCloseToAnAllowedOneIsNamed) {
    TempDir dir;
    std::string xml = readFile(samplesDir() / "kommun" / "exempelby-delegationsordning.xml");
    xml.replace(xml.find("kind=\"committee\""), 16, "kind=\"comittee\"");
    xml.replace(xml.find("matter="), 7, "mattr=");
    writeFile(dir / "d.xml", xml);
    const RunResult r = runOverens({"validate", (dir / "d.xml").string()});
    EXPECT_NE(r.err.find("'comittee' är inget av de tillåtna värdena"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("menade du 'committee'?"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("okänt attribut 'mattr'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("menade du 'matter'?"), std::string::npos) << r.err;
}
