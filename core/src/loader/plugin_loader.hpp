// Finds section plugins, checks their SDK version and loads them.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "overens/diagnostics.hpp"
#include "overens/plugin.hpp"

namespace Poco {
class SharedLibrary;
}

namespace overens {

struct LoadedPlugin {
    std::filesystem::path file;
    PluginInfo info;
    SectionPlugin* plugin = nullptr;  // owned by the loader
};

class PluginLoader {
public:
    PluginLoader();
    ~PluginLoader();  // destroys the plugin objects, then unloads their libraries
    PluginLoader(const PluginLoader&) = delete;
    PluginLoader& operator=(const PluginLoader&) = delete;

    // The folders searched, in order: each entry of OVERENS_PLUGIN_PATH (':'-separated), then
    // lib/overens/plugins beside the command (build tree and install prefix alike).
    static std::vector<std::filesystem::path> defaultSearchPath();

    // Load every *.so in the folders. Problems (wrong SDK version, no entry point, a library
    // that does not open, two plugins claiming one section, a plugin throwing) become
    // diagnostics naming the file; the other plugins still load.
    void loadFrom(const std::vector<std::filesystem::path>& folders, Diagnostics& diags);
    // Load one library file.
    bool loadFile(const std::filesystem::path& file, Diagnostics& diags);
    // The file <id>.so in the first folder that has one (a plugin is installed under its
    // section's id), without opening it; empty when none has.
    static std::filesystem::path fileNamed(const std::vector<std::filesystem::path>& folders, const std::string& id);
    // Destroy every plugin object and unload every library, as the destructor does.
    void clear();

    const std::vector<LoadedPlugin>& plugins() const { return plugins_; }
    const LoadedPlugin* find(const std::string& id) const;
    std::vector<std::string> ids() const;

private:
    struct Library;
    std::vector<std::unique_ptr<Library>> libraries_;
    std::vector<LoadedPlugin> plugins_;
};

}  // namespace overens
