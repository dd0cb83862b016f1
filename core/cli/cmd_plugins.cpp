// overens plugins: what is installed, from where.
#include <array>
#include <iostream>

#include "cli_support.hpp"
#include "util/text.hpp"

namespace overens::cli {

namespace {
// Characters, not bytes: Swedish titles hold multibyte letters.
std::size_t displayWidth(const std::string& s) { return characterCount(s); }
}  // namespace

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
        // Columns: id, version, titles, file; each as wide as its widest entry.
        std::vector<std::array<std::string, 4>> rows{
            {"ID", "VERSION", lang == "en" ? "TITLE (sv / en)" : "TITEL (sv / en)", lang == "en" ? "FILE" : "FIL"}};
        for (const auto& p : plugins)
            rows.push_back({p.info.id, p.info.version, p.info.title_sv + " / " + p.info.title_en, p.file.string()});
        std::array<std::size_t, 3> width{};
        for (const auto& r : rows)
            for (std::size_t c = 0; c < width.size(); ++c) width[c] = std::max(width[c], displayWidth(r[c]));
        for (const auto& r : rows) {
            for (std::size_t c = 0; c < width.size(); ++c)
                std::cout << r[c] << std::string(width[c] - displayWidth(r[c]) + 2, ' ');
            std::cout << r[3] << '\n';
        }
    }
    printDiagnostics(setup, lang, std::cerr);
    return setup.hasErrors() ? kExitUsage : kExitOk;
}

}  // namespace overens::cli
