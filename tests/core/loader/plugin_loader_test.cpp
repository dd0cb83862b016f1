// The loader against real fixture plugins built as shared libraries.
#include <gtest/gtest.h>

#include "core_fixtures.hpp"
#include "loader/plugin_loader.hpp"

using namespace overens;
using namespace overens::test;

namespace {

std::string allMessages(const Diagnostics& d) {
    std::string s;
    for (const auto& x : d.all()) s += x.format("en") + "\n";
    return s;
}

}  // namespace

TEST(PluginLoader, LoadsAGoodPluginAndReadsItsInfo) {
    PluginLoader loader;
    Diagnostics d;
    loader.loadFrom({fixturePluginDir("good")}, d);
    EXPECT_FALSE(d.hasErrors()) << allMessages(d);
    ASSERT_EQ(loader.plugins().size(), 1u);
    const LoadedPlugin* p = loader.find("fixture");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->info.version, "1.2.3");
    EXPECT_EQ(p->info.title_sv, "Testavsnitt");
    EXPECT_EQ(p->file.filename(), "fixture-good.so");
    EXPECT_EQ(p->plugin->schema().fields.front().name, "title");
}

TEST(PluginLoader, RefusesAnotherSdkVersionNamingTheFileAndBothVersions) {
    PluginLoader loader;
    Diagnostics d;
    loader.loadFrom({fixturePluginDir("wrong-sdk")}, d);
    EXPECT_TRUE(loader.plugins().empty());
    ASSERT_TRUE(d.hasCode("plugin.sdk-version")) << allMessages(d);
    const std::string msg = allMessages(d);
    EXPECT_NE(msg.find("fixture-wrong-sdk.so"), std::string::npos) << msg;
    EXPECT_NE(msg.find("SDK version " + std::to_string(OVERENS_SDK_VERSION + 98)), std::string::npos) << msg;
    EXPECT_NE(msg.find("supports version " + std::to_string(OVERENS_SDK_VERSION)), std::string::npos) << msg;
}

TEST(PluginLoader, RefusesALibraryWithoutEntryPoint) {
    PluginLoader loader;
    Diagnostics d;
    loader.loadFrom({fixturePluginDir("no-entry")}, d);
    EXPECT_TRUE(loader.plugins().empty());
    EXPECT_TRUE(d.hasCode("plugin.no-entry")) << allMessages(d);
    EXPECT_NE(allMessages(d).find("fixture-no-entry.so"), std::string::npos);
}

TEST(PluginLoader, TurnsAThrowingPluginIntoADiagnostic) {
    PluginLoader loader;
    Diagnostics d;
    loader.loadFrom({fixturePluginDir("throws"), fixturePluginDir("good")}, d);
    EXPECT_TRUE(d.hasCode("plugin.threw")) << allMessages(d);
    EXPECT_NE(allMessages(d).find("fixture refuses to start"), std::string::npos);
    // The others still load.
    EXPECT_NE(loader.find("fixture"), nullptr);
}

TEST(PluginLoader, RefusesTwoPluginsClaimingOneSection) {
    PluginLoader loader;
    Diagnostics d;
    loader.loadFrom({fixturePluginDir("good"), fixturePluginDir("duplicate")}, d);
    EXPECT_EQ(loader.plugins().size(), 1u);
    ASSERT_TRUE(d.hasCode("plugin.duplicate")) << allMessages(d);
    EXPECT_NE(allMessages(d).find("fixture-duplicate.so"), std::string::npos);
    EXPECT_EQ(loader.find("fixture")->file.filename(), "fixture-good.so");
}

TEST(PluginLoader, RefusesAFileThatIsNoLibrary) {
    TempDir dir;
    writeFile(dir / "broken.so", "this is not an ELF file");
    PluginLoader loader;
    Diagnostics d;
    loader.loadFrom({dir.path()}, d);
    EXPECT_TRUE(loader.plugins().empty());
    EXPECT_TRUE(d.hasCode("plugin.load-failed")) << allMessages(d);
}

TEST(PluginLoader, SearchPathStartsWithTheEnvironment) {
    setenv("OVERENS_PLUGIN_PATH", "/tmp/a:/tmp/b", 1);
    const auto path = PluginLoader::defaultSearchPath();
    unsetenv("OVERENS_PLUGIN_PATH");
    ASSERT_GE(path.size(), 3u);
    EXPECT_EQ(path[0], "/tmp/a");
    EXPECT_EQ(path[1], "/tmp/b");
    EXPECT_EQ(path.back().filename(), "plugins");
}
