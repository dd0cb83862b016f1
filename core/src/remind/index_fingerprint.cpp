#include "remind/index_fingerprint.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <vector>

#include "overens/version.hpp"

namespace overens::remind {

namespace fs = std::filesystem;

std::string indexFingerprint(const fs::path& templatesDir) {
    Poco::SHA2Engine e(Poco::SHA2Engine::SHA_256);
    std::string seed = std::string("overens ") + kVersion + " index 1";
    e.update(seed.data(), static_cast<unsigned>(seed.size()));
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(templatesDir / "kinds", ec))
        if (entry.path().extension() == ".xml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::string name = f.filename().string();
        e.update(name.data(), static_cast<unsigned>(name.size()));
        e.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    }
    return Poco::DigestEngine::digestToHex(e.digest());
}

}  // namespace overens::remind
