// The real `overens` command: exit codes, diagnostics on stderr, outputs.
#include <gtest/gtest.h>

#include "core_fixtures.hpp"
#include "overens/version.hpp"

using namespace overens::test;

namespace {

struct Cli : ::testing::Test {
    TempDir dir;
    std::filesystem::path templates = makeFixtureTemplates(dir);
    std::map<std::string, std::string> env = fixtureEnv(templates);

    std::string source(const std::string& name, const std::string& xml) {
        writeFile(dir / name, xml);
        return (dir / name).string();
    }
};

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_F(Cli, VersionAndHelp) {
    auto v = runOverens({"--version"}, env);
    EXPECT_EQ(v.exitCode, 0);
    EXPECT_TRUE(contains(v.out, "overens 0.1.0 (plugin SDK " + std::to_string(OVERENS_SDK_VERSION) + ")")) << v.out;
    auto h = runOverens({"--help"}, env);
    EXPECT_EQ(h.exitCode, 0);
    EXPECT_TRUE(contains(h.out, "overens build SOURCE")) << h.out;
    EXPECT_TRUE(contains(h.out, "Exit codes")) << h.out;
}

TEST_F(Cli, UsageProblemsExitWithTwo) {
    EXPECT_EQ(runOverens({}, env).exitCode, 2);
    EXPECT_EQ(runOverens({"frobnicate"}, env).exitCode, 2);
    EXPECT_EQ(runOverens({"--no-such-option"}, env).exitCode, 2);
    EXPECT_EQ(runOverens({"build"}, env).exitCode, 2);
    const auto ok = source("ok.xml", fixtureSample());
    auto lang = runOverens({"validate", "--lang", "fi", ok}, env);
    EXPECT_EQ(lang.exitCode, 2);
    EXPECT_TRUE(contains(lang.err, "--lang must be sv or en")) << lang.err;
    auto format = runOverens({"build", ok, "--format", "docx", "-o", (dir / "out").string()}, env);
    EXPECT_EQ(format.exitCode, 2);
    EXPECT_TRUE(contains(format.err, "unknown format 'docx'")) << format.err;
}

TEST_F(Cli, ValidateExitCodes) {
    EXPECT_EQ(runOverens({"validate", source("ok.xml", fixtureSample())}, env).exitCode, 0);

    const auto bad = source("bad.xml", "<fixture>\n  <organisation name=\"x\"\n</fixture>\n");
    auto r = runOverens({"validate", bad}, env);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(contains(r.err, bad + ":3:1: error: [source.malformed-xml]")) << r.err;

    auto missing = runOverens({"validate", (dir / "nope.xml").string()}, env);
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(contains(missing.err, "[source.not-found]")) << missing.err;
}

TEST_F(Cli, DiagnosticsInTheDocumentsLanguageOrLang) {
    std::string xml = fixtureSample();
    xml.replace(xml.find("due=\"2027-06-30\""), 16, "due=\"2027-06-31\"");
    const auto f = source("d.xml", xml);
    auto sv = runOverens({"validate", f}, env);
    EXPECT_EQ(sv.exitCode, 1);
    EXPECT_TRUE(contains(sv.err, "error: [source.bad-date] <due>: '2027-06-31' är inget giltigt datum")) << sv.err;
    auto en = runOverens({"validate", "--lang", "en", f}, env);
    EXPECT_TRUE(contains(en.err, "error: [source.bad-date] <due>: '2027-06-31' is not a valid date")) << en.err;
}

TEST_F(Cli, BuildWritesAndAFailedBuildLeavesTheEarlierOutput) {
    const auto out = dir / "out";
    const auto f = source("doc.xml", fixtureSample());
    auto first = runOverens({"build", f, "--format", "md", "-o", out.string()}, env);
    ASSERT_EQ(first.exitCode, 0) << first.err;
    const std::string earlier = readFile(out / "doc.md");
    EXPECT_TRUE(contains(earlier, "Samarbete åäö ÅÄÖ §")) << earlier;
    EXPECT_TRUE(contains(earlier, "Karin Lindqvist")) << earlier;

    std::string broken = fixtureSample();
    broken.replace(broken.find("title=\"Samarbete"), 16, "title=\"bad\" x=\"");
    source("doc.xml", broken);
    auto second = runOverens({"build", f, "--format", "md", "-o", out.string()}, env);
    EXPECT_EQ(second.exitCode, 1) << second.err;
    EXPECT_EQ(readFile(out / "doc.md"), earlier);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(out)) ++files;
    EXPECT_EQ(files, 1u);  // no temporary left behind
}

TEST_F(Cli, AThrowingPluginIsAnErrorNotACrash) {
    std::string xml = fixtureSample();
    xml.replace(xml.find("title=\"Samarbete åäö ÅÄÖ §\""), std::string("title=\"Samarbete åäö ÅÄÖ §\"").size(),
                "title=\"throw\"");
    auto r = runOverens({"validate", source("t.xml", xml)}, env);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(contains(r.err, "[plugin.threw]")) << r.err;
}

TEST_F(Cli, PluginsListsWhatIsLoadedAndRefusesAnotherSdkByName) {
    auto good = runOverens({"plugins"}, env);
    EXPECT_EQ(good.exitCode, 0) << good.err;
    EXPECT_TRUE(contains(good.out, "fixture")) << good.out;
    EXPECT_TRUE(contains(good.out, "1.2.3")) << good.out;
    EXPECT_TRUE(contains(good.out, "Testavsnitt / Test section")) << good.out;
    EXPECT_TRUE(contains(good.out, "fixture-good.so")) << good.out;

    auto mixed = env;
    mixed["OVERENS_PLUGIN_PATH"] = fixturePluginDir("good").string() + ":" + fixturePluginDir("wrong-sdk").string();
    auto r = runOverens({"plugins", "--lang", "en"}, mixed);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(contains(r.out, "fixture-good.so")) << r.out;
    EXPECT_TRUE(contains(r.err, "fixture-wrong-sdk.so: error: [plugin.sdk-version] the plugin was built against SDK version " +
                                    std::to_string(OVERENS_SDK_VERSION + 98)))
        << r.err;
}
