// validate and build open only the plugins of their sources' kinds, and say what a run with
// every plugin says (core/src/loader/needed_plugins.*, Engine with EngineOptions::sources).
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "loader/needed_plugins.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::test;
namespace fs = std::filesystem;

namespace {

// The plugin libraries the dynamic loader initialised for a run (LD_DEBUG=libs), by id.
std::string pluginsOpened(const std::vector<std::string>& args, std::map<std::string, std::string> env = {}) {
    env["LD_DEBUG"] = "libs";
    const RunResult r = runOverens(args, env);
    std::set<std::string> ids;
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);) {
        const auto at = line.find("calling init: ");
        if (at == std::string::npos || line.find("/plugins/") == std::string::npos) continue;
        ids.insert(fs::path(line.substr(at + 14)).stem().string());
    }
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : " ") + id;
    return out;
}

std::string sample(const std::string& name) { return (samplesDir() / name).string(); }

std::string peek(const std::string& text) {
    TempDir dir;
    writeFile(dir / "s.xml", text);
    return peekKind((dir / "s.xml").string());
}

}  // namespace

TEST(PluginsOnDemand, TheKindIsReadFromTheRootTagAsTheReaderTakesIt) {
    EXPECT_EQ(peek("<agreement kind=\"agreement\" lang=\"sv\">"), "agreement");
    EXPECT_EQ(peek("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- a > b -->\n<?pi x?>\n  <delegation-order lang='sv'>"),
              "delegation-order");
    EXPECT_EQ(peek("<document\n  kind = 'director-instruction'/>"), "director-instruction");
    // What only the XML parser can read, or no root tag in the first 4 KiB: not known.
    EXPECT_EQ(peek("<!DOCTYPE agreement><agreement>"), "");
    EXPECT_EQ(peek("<agreement kind=\"&#97;greement\">"), "");
    EXPECT_EQ(peek("<agreement kind=\"agreement\""), "");
    EXPECT_EQ(peek("<!--" + std::string(5000, '-') + "--><agreement>"), "");
    EXPECT_EQ(peek("just text"), "");
    EXPECT_EQ(peekKind("/nonexistent/s.xml"), "");
}

TEST(PluginsOnDemand, ValidateAndBuildOpenOnlyTheirKindsPlugins) {
    const std::string agreement = sample("kommun/exempelby-overenskommelse.xml");
    const std::string order = sample("kommun/exempelby-delegationsordning.xml");
    EXPECT_EQ(pluginsOpened({"validate", agreement}), "co-leadership collaboration-rules division-of-work goals");
    EXPECT_EQ(pluginsOpened({"validate", order}), "delegation-order");
    TempDir out;
    EXPECT_EQ(pluginsOpened({"build", "--format", "md", "-o", out.path().string(), order}), "delegation-order");
    EXPECT_EQ(pluginsOpened({"validate", sample("kommun/exempelby-instruktion-kommundirektor.xml"), order}),
              "delegation-order director-instruction");
    // Other commands open every plugin.
    EXPECT_EQ(pluginsOpened({"plugins"}),
              "co-leadership collaboration-rules delegation-order director-instruction division-of-work goals");
}

TEST(PluginsOnDemand, ASectionOfAnotherKindIsReportedAsWithEveryPlugin) {
    std::string xml = readFile(sample("kommun/exempelby-overenskommelse.xml"));
    xml.insert(xml.rfind("</"), "<delegation-order/>\n<nonesuch/>\n");
    TempDir dir;
    writeFile(dir / "a.xml", xml);
    const RunResult r = runOverens({"validate", "--lang", "en", (dir / "a.xml").string()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("[kind.section-not-in-kind] the section <delegation-order> does not belong to the document "
                         "kind 'agreement'"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("[source.unknown-section] unknown section <nonesuch>; installed sections: co-leadership, "
                         "collaboration-rules, delegation-order, director-instruction, division-of-work, goals"),
              std::string::npos)
        << r.err;
}

TEST(PluginsOnDemand, APluginNotInstalledUnderItsIdMeansEveryPluginIsOpened) {
    // The command in a prefix of its own whose plugins have other file names than their ids:
    // they are found only by opening them all.
    TempDir dir;
    fs::create_directories(dir / "bin");
    fs::copy_file(binary(), dir / "bin/overens");
    fs::create_directories(dir / "lib/overens/plugins");
    for (const auto& e : fs::directory_iterator(buildDir() / "lib/overens/plugins"))
        fs::copy_file(e.path(), dir / "lib/overens/plugins" / ("x-" + e.path().filename().string()));
    fs::create_directories(dir / "share/overens");
    fs::create_directory_symlink(sourceDir() / "templates", dir / "share/overens/templates");
    const std::string agreement = sample("kommun/exempelby-overenskommelse.xml");
    const RunResult usual = runOverens({"validate", agreement});
    const RunResult renamed = run({(dir / "bin/overens").string(), "validate", agreement});
    EXPECT_EQ(renamed.exitCode, 0) << renamed.err;
    EXPECT_EQ(renamed.out, usual.out);
    EXPECT_EQ(renamed.err, usual.err);
    const RunResult libs = run({(dir / "bin/overens").string(), "validate", agreement}, {{"LD_DEBUG", "libs"}});
    EXPECT_NE(libs.err.find("x-delegation-order.so"), std::string::npos);
}
