// overens plugins: what is installed, from where.
#include <iomanip>
#include <iostream>

#include "cli_support.hpp"

namespace overens::cli {

int runPlugins(const CommandLine& cl) {
    Diagnostics setup;
    Engine engine(engineOptions(cl), setup);
    const std::string lang = messageLanguage(cl);
    const auto& plugins = engine.plugins().plugins();
    if (plugins.empty()) {
        std::cout << (lang == "en" ? "No plugins found. Searched: " : "Inga plugin hittades. Sökte i: ");
        for (const auto& dir : PluginLoader::defaultSearchPath()) std::cout << dir.string() << ' ';
        std::cout << '\n';
    } else {
        std::size_t idWidth = 2, versionWidth = 7;
        for (const auto& p : plugins) {
            idWidth = std::max(idWidth, p.info.id.size());
            versionWidth = std::max(versionWidth, p.info.version.size());
        }
        std::cout << std::left << std::setw(static_cast<int>(idWidth + 2)) << "ID"
                  << std::setw(static_cast<int>(versionWidth + 2)) << "VERSION"
                  << (lang == "en" ? "TITLE (sv / en)" : "TITEL (sv / en)") << "  FILE\n";
        for (const auto& p : plugins)
            std::cout << std::left << std::setw(static_cast<int>(idWidth + 2)) << p.info.id
                      << std::setw(static_cast<int>(versionWidth + 2)) << p.info.version << p.info.title_sv << " / "
                      << p.info.title_en << "  " << p.file.string() << '\n';
    }
    printDiagnostics(setup, lang, std::cerr);
    return setup.hasErrors() ? kExitUsage : kExitOk;
}

}  // namespace overens::cli
