#include "store/folder_store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "publish/publisher.hpp"
#include "store/version_record.hpp"

namespace overens::store {

namespace fs = std::filesystem;

namespace {

constexpr const char* kPrivate = ".overens";

// A flock on an organisation's folder for the lifetime of the object: shared to read, exclusive
// to save. The folder itself is locked (no lock file), so reading writes nothing at all.
class FolderLock {
public:
    FolderLock(const fs::path& folder, bool exclusive) {
        fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd_ < 0) {
            if (exclusive) throw std::runtime_error("cannot open the folder " + folder.string());
            return;  // no folder: nothing to read, nothing to lock
        }
        while (::flock(fd_, exclusive ? LOCK_EX : LOCK_SH) != 0)
            if (errno != EINTR) throw std::runtime_error("cannot lock " + folder.string());
    }
    // From shared to exclusive (not atomically: what was read under the shared lock is read again).
    void exclusive() {
        while (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0)
            if (errno != EINTR) throw std::runtime_error("cannot lock a folder");
    }
    ~FolderLock() {
        if (fd_ >= 0) ::close(fd_);  // closing releases the lock
    }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    int fd_ = -1;
};

// The bytes of a regular file that is not a symbolic link (a link could point out of the store).
std::optional<std::string> readPlainFile(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(fs::symlink_status(file, ec))) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void publish(const fs::path& folder, const std::string& name, const std::string& bytes) {
    fs::create_directories(folder);
    Publication publication(folder);
    publication.stage(name, [&](std::ostream& out) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
    publication.commit();
}

std::optional<VersionInfo> readInfo(const fs::path& file, int number) {
    const auto text = readPlainFile(file);
    if (!text) return std::nullopt;
    try {
        Poco::JSON::Parser parser;
        const auto object = parser.parse(*text).extract<Poco::JSON::Object::Ptr>();
        VersionInfo v;
        v.number = number;
        v.author = object->optValue<std::string>("author", "");
        v.savedAt = object->optValue<std::string>("savedAt", "");
        v.summary = object->optValue<std::string>("summary", "");
        v.sha256 = object->optValue<std::string>("sha256", "");
        return v;
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

bool validId(const DocumentId& id) {
    return (id.organisation.empty() || validOrganisation(id.organisation)) && validDocumentName(id.name);
}

// An organisation's folder that is a symbolic link could point anywhere: it holds nothing.
bool linked(const fs::path& folder) {
    std::error_code ec;
    return fs::is_symlink(folder, ec);
}

}  // namespace

FolderStore::FolderStore(fs::path folder) : folder_(std::move(folder)) {}

std::string FolderStore::describe() const { return "folder " + folder_.string(); }

fs::path FolderStore::folderOf(const std::string& organisation) const {
    return organisation.empty() ? folder_ : folder_ / organisation;
}

fs::path FolderStore::historyOf(const DocumentId& id) const {
    return folder_ / kPrivate / "history" / (id.organisation.empty() ? "-" : id.organisation) / id.name;
}

std::vector<std::string> FolderStore::documents(const std::string& organisation) const {
    std::vector<std::string> names;
    if (!organisation.empty() && !validOrganisation(organisation)) return names;
    if (linked(folderOf(organisation))) return names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folderOf(organisation), ec)) {
        const std::string name = entry.path().filename().string();
        if (validDocumentName(name) && entry.is_regular_file(ec) && !entry.is_symlink(ec)) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<std::string> FolderStore::organisations() const {
    std::vector<std::string> out;
    if (!documents("").empty()) out.push_back("");
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder_, ec)) {
        const std::string id = entry.path().filename().string();
        if (!validOrganisation(id) || entry.is_symlink(ec) || !entry.is_directory(ec)) continue;
        // A folder is an organisation once it holds an answer file or was created as one (so an
        // output folder such as out/ is not taken for one).
        if (!documents(id).empty() || fs::exists(folder_ / kPrivate / "organisations" / id, ec)) out.push_back(id);
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool FolderStore::createOrganisation(const std::string& id, std::string& error) {
    if (!validOrganisation(id)) {
        error = "not a valid organisation id: '" + id + "'";
        return false;
    }
    try {
        fs::create_directories(folderOf(id));
        publish(folder_ / kPrivate / "organisations", id, "");
    } catch (const std::exception& e) {
        error = e.what();
        return false;
    }
    return true;
}

std::vector<int> FolderStore::recorded(const DocumentId& id) const {
    std::vector<int> numbers;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(historyOf(id), ec)) {
        const fs::path p = entry.path();
        if (p.extension() != ".json") continue;
        const std::string stem = p.stem().string();
        if (stem.empty() || !std::all_of(stem.begin(), stem.end(), ::isdigit) || stem.size() > 9) continue;
        numbers.push_back(std::stoi(stem));
    }
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

void FolderStore::record(const DocumentId& id, int number, const std::string& xml, const std::string& author,
                         const std::string& summary) const {
    const fs::path dir = historyOf(id);
    const std::string n = std::to_string(number);
    // The bytes first: a version is there once its .json is.
    publish(dir, n + ".xml", xml);
    Poco::JSON::Object info;
    info.set("author", author);
    info.set("savedAt", utcNow());
    info.set("summary", summary);
    info.set("sha256", sha256Hex(xml));
    std::ostringstream json;
    info.stringify(json);
    publish(dir, n + ".json", json.str());
}

std::optional<FolderStore::Current> FolderStore::current(const DocumentId& id) const {
    if (linked(folderOf(id.organisation))) return std::nullopt;
    const auto bytes = readPlainFile(folderOf(id.organisation) / id.name);
    if (!bytes) return std::nullopt;
    const std::vector<int> numbers = recorded(id);
    const int newest = numbers.empty() ? 0 : numbers.back();
    if (newest > 0) {
        const auto info = readInfo(historyOf(id) / (std::to_string(newest) + ".json"), newest);
        if (info && info->sha256 == sha256Hex(*bytes)) return Current{*bytes, newest, false};
    }
    // Changed (or first seen) outside the service: version newest + 1, recorded by the next save.
    return Current{*bytes, newest + 1, true};
}

std::optional<FolderStore::Current> FolderStore::seen(const DocumentId& id) const {
    FolderLock lock(folderOf(id.organisation), false);
    auto now = current(id);
    if (now && now->pending) {
        // The first look at a file the service has not seen as it is now records it (by ""), so
        // that its version number always names these bytes.
        lock.exclusive();
        now = current(id);
        if (now && now->pending) record(id, now->version, now->xml, "", "");
        if (now) now->pending = false;
    }
    return now;
}

std::optional<StoredDocument> FolderStore::read(const DocumentId& id) const {
    if (!validId(id)) return std::nullopt;
    const auto now = seen(id);
    if (!now) return std::nullopt;
    return StoredDocument{now->xml, now->version};
}

bool FolderStore::taken(const DocumentId& id) const {
    if (!validId(id)) return false;
    std::error_code ec;
    return linked(folderOf(id.organisation)) || fs::exists(fs::symlink_status(folderOf(id.organisation) / id.name, ec));
}

std::optional<std::string> FolderStore::readVersion(const DocumentId& id, int version) const {
    if (!validId(id) || version <= 0) return std::nullopt;
    seen(id);
    FolderLock lock(folderOf(id.organisation), false);
    std::error_code ec;
    if (!fs::exists(historyOf(id) / (std::to_string(version) + ".json"), ec)) return std::nullopt;
    return readPlainFile(historyOf(id) / (std::to_string(version) + ".xml"));
}

std::vector<VersionInfo> FolderStore::history(const DocumentId& id) const {
    std::vector<VersionInfo> out;
    if (!validId(id)) return out;
    seen(id);
    FolderLock lock(folderOf(id.organisation), false);
    for (int n : recorded(id))
        if (auto info = readInfo(historyOf(id) / (std::to_string(n) + ".json"), n)) out.push_back(*info);
    return out;
}

SaveResult FolderStore::save(const DocumentId& id, const std::string& xml, int basedOn, const std::string& author,
                             const std::string& summary) {
    SaveResult result;
    if (!validId(id) || linked(folderOf(id.organisation))) {
        result.status = SaveStatus::Refused;
        result.error = "not a valid document: '" + id.organisation + "/" + id.name + "'";
        return result;
    }
    try {
        fs::create_directories(folderOf(id.organisation));
        FolderLock lock(folderOf(id.organisation), true);
        const auto now = current(id);
        if (basedOn == 0 && (now || taken(id))) {
            result.status = SaveStatus::Exists;
            result.version = now ? now->version : 0;
            return result;
        }
        if (basedOn != 0 && (!now || now->version != basedOn)) {
            result.status = SaveStatus::Stale;
            result.version = now ? now->version : 0;
            return result;
        }
        if (now && now->pending) record(id, now->version, now->xml, "", "");  // what was there before this save
        const std::vector<int> numbers = recorded(id);
        const int number = numbers.empty() ? 1 : numbers.back() + 1;
        record(id, number, xml, author, summary);
        publish(folderOf(id.organisation), id.name, xml);
        result.status = SaveStatus::Saved;
        result.version = number;
    } catch (const std::exception& e) {
        result.status = SaveStatus::Failed;
        result.error = e.what();
    }
    return result;
}

fs::path FolderStore::materialise(const std::string& organisation) {
    const fs::path folder = folderOf(organisation);
    std::error_code ec;
    fs::create_directories(folder, ec);
    return folder;
}

}  // namespace overens::store
