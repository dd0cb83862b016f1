#include "import/zip_package.hpp"

#include <Poco/Exception.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <fstream>

namespace overens::import {

namespace {
constexpr std::uint64_t kMaxEntryBytes = 64u * 1024u * 1024u;
}

ZipPackage::ZipPackage(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ImportFailure("filen kan inte läsas", "the file cannot be read");
    auto damaged = [](const std::string& why) {
        return ImportFailure("paketet är skadat (" + why + ")", "the package is damaged (" + why + ")");
    };
    try {
        Poco::Zip::ZipArchive archive(in);
        for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
            const auto& header = it->second;
            if (!header.isFile()) continue;
            if (header.isEncrypted())
                throw ImportFailure("filen är krypterad; spara den utan lösenord",
                                    "the file is encrypted; save it without a password");
            if (header.getUncompressedSize() > kMaxEntryBytes) throw damaged(header.getFileName() + " is too large");
            in.clear();
            Poco::Zip::ZipInputStream zin(in, header, true);
            std::string bytes;
            Poco::StreamCopier::copyToString(zin, bytes);
            if (bytes.size() != header.getUncompressedSize()) throw damaged(header.getFileName() + " is incomplete");
            entries_[header.getFileName()] = std::move(bytes);
        }
    } catch (const ImportFailure&) {
        throw;
    } catch (const Poco::Exception& e) {
        throw damaged(e.displayText());
    } catch (const std::exception& e) {
        throw damaged(e.what());
    }
}

const std::string* ZipPackage::entry(const std::string& name) const {
    auto it = entries_.find(name);
    return it == entries_.end() ? nullptr : &it->second;
}

const std::string& ZipPackage::require(const std::string& name) const {
    if (const std::string* e = entry(name)) return *e;
    throw ImportFailure("paketet saknar " + name, "the package has no " + name);
}

}  // namespace overens::import
