#include "web/workspace.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "publish/publisher.hpp"

namespace overens::web {

namespace fs = std::filesystem;

std::string sha256Hex(const std::string& bytes) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    return Poco::DigestEngine::digestToHex(engine.digest());
}

bool insideFolder(const fs::path& folder, const fs::path& file) {
    std::error_code ec;
    const fs::path real = fs::canonical(file, ec);
    if (ec) return false;
    const fs::path root = fs::canonical(folder, ec);
    if (ec) return false;
    return real.parent_path() == root;
}

Workspace::Workspace(fs::path folder, fs::path outputFolder)
    : folder_(std::move(folder)), output_(std::move(outputFolder)) {}

bool Workspace::validName(const std::string& name) {
    if (name.size() < 5 || name.size() > 200 || name.front() == '.') return false;
    if (name.compare(name.size() - 4, 4, ".xml") != 0) return false;
    return std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '.' || c == '-' || c == '_';
    });
}

std::vector<std::string> Workspace::documents() const {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder_, ec)) {
        const std::string name = entry.path().filename().string();
        // A symbolic link is listed only when it leads to a file of the workspace itself.
        if (entry.is_regular_file(ec) && validName(name) && (!entry.is_symlink(ec) || insideFolder(folder_, entry.path())))
            names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<fs::path> Workspace::documentPaths() const {
    std::vector<fs::path> out;
    for (const auto& n : documents()) out.push_back(folder_ / n);
    return out;
}

bool Workspace::contains(const std::string& name) const {
    std::error_code ec;
    return validName(name) && fs::is_regular_file(folder_ / name, ec) && insideFolder(folder_, folder_ / name);
}

bool Workspace::taken(const std::string& name) const {
    std::error_code ec;
    return fs::exists(fs::symlink_status(folder_ / name, ec));
}

std::optional<std::string> Workspace::read(const std::string& name) const {
    if (!validName(name) || !insideFolder(folder_, folder_ / name)) return std::nullopt;
    std::ifstream in(folder_ / name, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Workspace::SaveResult Workspace::save(const std::string& name, const std::string& xml, const std::string& loadedHash,
                                      std::string& error) const {
    if (!validName(name)) {
        error = name;
        return SaveResult::Failed;
    }
    const auto current = read(name);
    if (loadedHash.empty() ? taken(name) : (!current || sha256Hex(*current) != loadedHash))
        return SaveResult::Changed;
    try {
        Publication publication(folder_);
        publication.stage(name, [&](std::ostream& out) { out.write(xml.data(), static_cast<std::streamsize>(xml.size())); });
        publication.commit();
    } catch (const std::exception& e) {
        error = e.what();
        return SaveResult::Failed;
    }
    return SaveResult::Saved;
}

}  // namespace overens::web
