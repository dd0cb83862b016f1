#include "loader/plugin_loader.hpp"

#include <Poco/SharedLibrary.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

namespace overens {

namespace fs = std::filesystem;

struct PluginLoader::Library {
    fs::path file;
    Poco::SharedLibrary library;
    const overens_plugin_descriptor* descriptor = nullptr;
    std::vector<SectionPlugin*> objects;

    ~Library() {
        for (SectionPlugin* p : objects) descriptor->destroy(p);
        if (library.isLoaded()) library.unload();
    }
};

PluginLoader::PluginLoader() = default;

PluginLoader::~PluginLoader() { clear(); }

void PluginLoader::clear() {
    plugins_.clear();
    // Objects first, libraries after: each Library's destructor does it in that order.
    while (!libraries_.empty()) libraries_.pop_back();
}

fs::path PluginLoader::fileNamed(const std::vector<fs::path>& folders, const std::string& id) {
    for (const auto& folder : folders) {
        std::error_code ec;
        const fs::path file = folder / (id + ".so");
        if (fs::is_regular_file(file, ec)) return file;
    }
    return {};
}

std::vector<fs::path> PluginLoader::defaultSearchPath() {
    std::vector<fs::path> out;
    if (const char* env = std::getenv("OVERENS_PLUGIN_PATH"); env && *env) {
        std::istringstream in(env);
        std::string part;
        while (std::getline(in, part, ':'))
            if (!part.empty()) out.emplace_back(part);
    }
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        out.push_back((self.parent_path() / ".." / "lib" / "overens" / "plugins").lexically_normal());
    }
    return out;
}

void PluginLoader::loadFrom(const std::vector<fs::path>& folders, Diagnostics& diags) {
    for (const auto& folder : folders) {
        std::error_code ec;
        if (!fs::is_directory(folder, ec)) continue;  // nothing installed there
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(folder, ec))
            if (entry.is_regular_file() && entry.path().extension() == ".so") files.push_back(entry.path());
        std::sort(files.begin(), files.end());  // load order must not depend on the file system
        for (const auto& f : files) loadFile(f, diags);
    }
}

bool PluginLoader::loadFile(const fs::path& file, Diagnostics& diags) {
    const Location where{file.string()};
    auto lib = std::make_unique<Library>();
    lib->file = file;
    try {
        // RTLD_LOCAL: a plugin's symbols must not interpose another's.
        lib->library.load(file.string(), Poco::SharedLibrary::SHLIB_LOCAL);
    } catch (const Poco::Exception& e) {
        diags.error("plugin.load-failed", where, "pluginet kan inte öppnas: " + e.displayText(),
                    "the plugin cannot be opened: " + e.displayText());
        return false;
    }
    if (!lib->library.hasSymbol(OVERENS_PLUGIN_ENTRY_NAME)) {
        diags.error("plugin.no-entry", where,
                    "biblioteket har ingen ingång '" OVERENS_PLUGIN_ENTRY_NAME
                    "' och är inget Överens-plugin (bygg det med OVERENS_PLUGIN(Klass))",
                    "the library has no entry point '" OVERENS_PLUGIN_ENTRY_NAME
                    "' and is not an Överens plugin (build it with OVERENS_PLUGIN(Class))");
        return false;
    }
    auto entry = reinterpret_cast<overens_plugin_entry_fn>(lib->library.getSymbol(OVERENS_PLUGIN_ENTRY_NAME));
    const overens_plugin_descriptor* d = entry();
    // The version check comes before any C++ object of the plugin is touched.
    if (!d || d->magic != OVERENS_PLUGIN_ABI_MAGIC) {
        diags.error("plugin.bad-descriptor", where, "pluginets beskrivning är okänd eller skadad",
                    "the plugin's descriptor is unknown or damaged");
        return false;
    }
    if (d->sdk_version != kSdkVersion) {
        const std::string got = std::to_string(d->sdk_version), want = std::to_string(kSdkVersion);
        diags.error("plugin.sdk-version", where,
                    "pluginet är byggt för SDK-version " + got + ", men den här versionen av overens stöder version " +
                        want + "; bygg om pluginet mot SDK:n version " + want,
                    "the plugin was built against SDK version " + got + ", but this overens supports version " + want +
                        "; rebuild the plugin against SDK version " + want);
        return false;
    }
    lib->descriptor = d;
    SectionPlugin* plugin = nullptr;
    PluginInfo info;
    try {
        plugin = d->create();
        if (!plugin) throw std::runtime_error("create() returned no object");
        lib->objects.push_back(plugin);
        info = plugin->info();
    } catch (const std::exception& e) {
        diags.error("plugin.threw", where, std::string("pluginet kastade ett undantag när det startades: ") + e.what(),
                    std::string("the plugin threw an exception when it started: ") + e.what());
        return false;
    } catch (...) {
        diags.error("plugin.threw", where, "pluginet kastade ett okänt undantag när det startades",
                    "the plugin threw an unknown exception when it started");
        return false;
    }
    if (info.id.empty()) {
        diags.error("plugin.no-id", where, "pluginet anger inget avsnitts-id", "the plugin names no section id");
        return false;
    }
    if (const LoadedPlugin* other = find(info.id)) {
        diags.error("plugin.duplicate", where,
                    "två plugin gör anspråk på avsnittet '" + info.id + "'; det från " + other->file.string() +
                        " behålls, det här läses inte in",
                    "two plugins claim the section '" + info.id + "'; the one from " + other->file.string() +
                        " is kept, this one is not loaded");
        return false;
    }
    plugins_.push_back({file, info, plugin});
    libraries_.push_back(std::move(lib));
    return true;
}

const LoadedPlugin* PluginLoader::find(const std::string& id) const {
    for (const auto& p : plugins_)
        if (p.info.id == id) return &p;
    return nullptr;
}

std::vector<std::string> PluginLoader::ids() const {
    std::vector<std::string> out;
    for (const auto& p : plugins_) out.push_back(p.info.id);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace overens
