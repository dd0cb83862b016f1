// SDK 2 (the interview): a plugin built for SDK 1 is refused by name, by the loader and by the
// command, while a plugin of SDK 2 that defines no interview gets the one derived from its schema.
#include <gtest/gtest.h>

#include "core_fixtures.hpp"
#include "loader/plugin_loader.hpp"

using namespace overens;
using namespace overens::test;

// SDK 3 added doc::Run::lang and doc::Run::where; SDK 4 changed the layout of Location,
// Value and Record (not their use).
TEST(SdkVersion, IsFour) { EXPECT_EQ(OVERENS_SDK_VERSION, 4); }

TEST(SdkVersion, ASdk1PluginIsRefusedByNameAndTheOthersStillLoad) {
    PluginLoader loader;
    Diagnostics d;
    loader.loadFrom({fixturePluginDir("sdk1"), fixturePluginDir("good")}, d);
    std::string msg;
    for (const auto& x : d.all()) msg += x.format("en") + "\n";
    ASSERT_TRUE(d.hasCode("plugin.sdk-version")) << msg;
    EXPECT_NE(msg.find("fixture-sdk1.so"), std::string::npos) << msg;
    EXPECT_NE(msg.find("built against SDK version 1,"), std::string::npos) << msg;
    EXPECT_NE(msg.find("supports version " + std::to_string(OVERENS_SDK_VERSION)), std::string::npos) << msg;
    EXPECT_EQ(loader.find("fixture-sdk1"), nullptr);
    EXPECT_NE(loader.find("fixture"), nullptr);
}

TEST(SdkVersion, TheCommandNamesTheRefusedPlugin) {
    const RunResult r = runOverens({"plugins"}, {{"OVERENS_PLUGIN_PATH", fixturePluginDir("sdk1").string()}});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("fixture-sdk1.so"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("[plugin.sdk-version]"), std::string::npos) << r.err;
}

TEST(SdkVersion, APluginWithoutAnInterviewGetsOneStepOfItsWholeSchema) {
    PluginLoader loader;
    Diagnostics d;
    loader.loadFrom({fixturePluginDir("good")}, d);
    const LoadedPlugin* p = loader.find("fixture");
    ASSERT_NE(p, nullptr);
    const Interview i = p->plugin->interview();
    const Schema s = p->plugin->schema();
    ASSERT_EQ(i.steps.size(), 1u);
    EXPECT_EQ(i.steps[0].id, "fixture");
    EXPECT_EQ(i.steps[0].title_sv, p->info.title_sv);
    EXPECT_EQ(i.steps[0].title_en, p->info.title_en);
    ASSERT_EQ(i.steps[0].fields.size(), s.fields.size());
    for (std::size_t k = 0; k < s.fields.size(); ++k) EXPECT_EQ(i.steps[0].fields[k], s.fields[k].name);
    EXPECT_TRUE(i.hints.empty());
}
