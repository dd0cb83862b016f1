#include "templates/template_store.hpp"

#include "util/text.hpp"

#include <Poco/Path.h>
#include <pugixml.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>

namespace overens {

namespace fs = std::filesystem;

static fs::path executableDir() {
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : self.parent_path();
}

fs::path findTemplatesDir(const std::string& explicitDir) {
    if (!explicitDir.empty()) return explicitDir;
    if (const char* env = std::getenv("OVERENS_TEMPLATES"); env && *env) return env;
    const fs::path beside = executableDir() / ".." / "share" / "overens" / "templates";
    std::error_code ec;
    if (fs::is_directory(beside / "kinds", ec)) return fs::weakly_canonical(beside, ec);
    return fs::path(OVERENS_SOURCE_DIR) / "templates";
}

Wording loadWording(const fs::path& templatesDir, const std::string& lang, const std::string& name,
                    Diagnostics& diags) {
    const fs::path file = templatesDir / lang / (name + ".xml");
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        diags.warning("template.missing", Location{file.string()},
                      "mallfilen saknas; standardtexterna för '" + name + "' visas som [nyckel]",
                      "the template file is missing; the standard wording of '" + name + "' shows as [key]");
        return Wording({}, file.string());
    }
    pugi::xml_document xml;
    const pugi::xml_parse_result parsed = xml.load_file(file.c_str());
    if (!parsed) {
        diags.error("template.malformed", Location{file.string()},
                    std::string("mallfilen kan inte läsas: ") + parsed.description(),
                    std::string("the template file cannot be read: ") + parsed.description());
        return Wording({}, file.string());
    }
    std::map<std::string, std::string> texts;
    for (pugi::xml_node t : xml.child("wording").children("text")) {
        // Indentation in the template file is not part of the text.
        texts[t.attribute("key").as_string()] = normaliseParagraphs(t.text().get());
    }
    return Wording(std::move(texts), file.string());
}

std::string templatesVersion(const fs::path& templatesDir) {
    // Read once per process and folder: a batch asks for it once per document.
    static std::mutex mutex;
    static std::map<fs::path, std::string> versions;
    const std::lock_guard<std::mutex> lock(mutex);
    auto [it, added] = versions.try_emplace(templatesDir);
    if (added) {
        std::ifstream in(templatesDir / "VERSION");
        std::getline(in, it->second);
        if (it->second.empty()) it->second = "unversioned";
    }
    return it->second;
}

}  // namespace overens
