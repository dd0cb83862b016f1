#include "core_fixtures.hpp"

namespace overens::test {

namespace fs = std::filesystem;

fs::path fixturePluginDir(const std::string& name) { return fixturePlugins() / name; }

fs::path makeFixtureTemplates(const TempDir& dir) {
    const fs::path templates = dir / "templates";
    fs::copy(sourceDir() / "templates", templates, fs::copy_options::recursive);
    fs::copy(sourceDir() / "tests" / "core" / "fixtures" / "templates", templates,
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    return templates;
}

std::string fixtureSample() { return readFile(sourceDir() / "tests" / "core" / "fixtures" / "sample.xml"); }

std::map<std::string, std::string> fixtureEnv(const fs::path& templates, const std::string& plugins) {
    return {{"OVERENS_TEMPLATES", templates.string()}, {"OVERENS_PLUGIN_PATH", fixturePluginDir(plugins).string()}};
}

}  // namespace overens::test
