#include "publish/publisher.hpp"

#include <Poco/Random.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ext/stdio_filebuf.h>
#include <ostream>
#include <map>
#include <mutex>
#include <regex>
#include <stdexcept>

#include "publish/temp_registry.hpp"

namespace overens {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kWriteBuffer = 64 * 1024;

// When this process started: a temporary last written before it belongs to an earlier run.
const auto kRunStarted = fs::file_time_type::clock::now();

std::string errnoText(const std::string& what, const fs::path& p) {
    return what + " " + p.string() + ": " + std::strerror(errno);
}

// The output name a temporary belongs to, or "" when the entry is not one of ours:
// ".<name>.overens-<pid>-<random>.tmp", and the pattern earlier versions used,
// ".<name>.tmp<hex>.tmp" (Poco::TemporaryFile::tempName()).
std::string temporaryOf(const std::string& entry) {
    if (entry.size() < 7 || entry[0] != '.' || entry.compare(entry.size() - 4, 4, ".tmp") != 0) return "";
    const std::string core = entry.substr(1, entry.size() - 5);
    const auto dot = core.rfind('.');
    if (dot == std::string::npos || dot == 0) return "";
    static const std::regex middle(R"(overens-[0-9]+-[0-9a-z]+|tmp[0-9a-f]+)");
    return std::regex_match(core.substr(dot + 1), middle) ? core.substr(0, dot) : "";
}

// The stale candidates of a folder by output name. The folder is read once per process: a batch
// publishes thousands of files into one folder, and reading all of it for each output was
// quadratic. Only temporaries written before this run can be stale, and those were there when
// the folder was first read; one that could not be removed (a live run holds it) stays listed.
class StaleIndex {
public:
    std::vector<fs::path> take(const fs::path& folder, const std::string& name) {
        const std::lock_guard<std::mutex> lock(mutex_);
        auto [it, added] = folders_.try_emplace(folder.lexically_normal().string());
        if (added) read(folder, it->second);
        auto candidates = it->second.find(name);
        if (candidates == it->second.end()) return {};
        std::vector<fs::path> out = std::move(candidates->second);
        it->second.erase(candidates);
        return out;
    }
    void putBack(const fs::path& folder, const std::string& name, std::vector<fs::path> left) {
        if (left.empty()) return;
        const std::lock_guard<std::mutex> lock(mutex_);
        auto& list = folders_[folder.lexically_normal().string()][name];
        list.insert(list.end(), left.begin(), left.end());
    }

private:
    static void read(const fs::path& folder, std::map<std::string, std::vector<fs::path>>& byName) {
        std::error_code ec;
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = temporaryOf(it->path().filename().string());
            if (name.empty()) continue;
            std::error_code tec;
            if (fs::last_write_time(it->path(), tec) >= kRunStarted || tec) continue;  // being written by a later run
            byName[name].push_back(it->path());
        }
    }
    std::mutex mutex_;
    std::map<std::string, std::map<std::string, std::vector<fs::path>>> folders_;
};

StaleIndex& staleIndex() {
    static StaleIndex index;
    return index;
}

std::string tempName(const std::string& name) {
    static Poco::Random random = [] {
        Poco::Random r;
        r.seed();
        return r;
    }();
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string tail;
    for (int i = 0; i < 8; ++i) tail += digits[random.next(36)];
    return "." + name + ".overens-" + std::to_string(::getpid()) + "-" + tail + ".tmp";
}

void syncFolder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error(errnoText("cannot open the folder", folder));
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    errno = err;
    if (rc != 0 && errno != EINVAL) throw std::runtime_error(errnoText("cannot sync the folder", folder));
}

}  // namespace

std::size_t removeStaleTemporaries(const fs::path& folder, const std::string& name) {
    std::size_t removed = 0;
    std::vector<fs::path> held;
    for (const fs::path& p : staleIndex().take(folder, name)) {
        const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0) continue;  // gone
        // A live run holds the lock on its temporaries; a killed one's lock went with it.
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            if (::unlink(p.c_str()) == 0) ++removed;
        } else {
            held.push_back(p);
        }
        ::close(fd);
    }
    staleIndex().putBack(folder, name, std::move(held));
    return removed;
}

void FolderSyncs::add(const fs::path& folder) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (std::find(folders_.begin(), folders_.end(), folder) == folders_.end()) folders_.push_back(folder);
}

void FolderSyncs::sync() {
    std::vector<fs::path> folders;
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        folders.swap(folders_);
    }
    for (const auto& f : folders) syncFolder(f);
}

Publication::Publication(fs::path folder, FolderSyncs* batch) : folder_(std::move(folder)), batch_(batch) {}

Publication::~Publication() {
    for (auto& s : staged_) discard(s, !committed_);
}

void Publication::discard(Staged& s, bool removeFile) {
    if (removeFile) ::unlink(s.temp.c_str());
    temp_registry::remove(s.slot);
    s.slot = -1;
    if (s.fd >= 0) ::close(s.fd);
    s.fd = -1;
}

void Publication::stage(const std::string& name, const std::function<void(std::ostream&)>& fn, unsigned mode) {
    removeStaleTemporaries(folder_, name);
    // A hidden temporary beside the final file: same file system, so the rename is atomic.
    Staged s{folder_ / tempName(name), folder_ / name, -1, -1};
    // Created and listed for the stop signals' handler in one step (the handler waits for it).
    const temp_registry::Created created = temp_registry::create(s.temp.c_str(), static_cast<mode_t>(mode));
    if (created.fd < 0) throw std::runtime_error(errnoText("cannot create", s.temp));
    s.fd = created.fd;
    s.slot = created.slot;
    try {
        // Written through the descriptor already open (a copy of it: the buffer closes its own).
        // Not reopened by name with O_TRUNC, which makes ext4 start the writeback at close.
        const int copy = ::fcntl(s.fd, F_DUPFD_CLOEXEC, 0);
        if (copy < 0) throw std::runtime_error(errnoText("cannot write", s.temp));
        __gnu_cxx::stdio_filebuf<char> file(copy, std::ios::out | std::ios::binary, kWriteBuffer);
        std::ostream out(&file);
        fn(out);
        out.flush();
        if (!out || !file.close()) throw std::runtime_error("cannot write " + s.temp.string());
        if (!batch_ && ::fsync(s.fd) != 0) throw std::runtime_error(errnoText("cannot sync", s.temp));
    } catch (...) {
        discard(s, true);
        throw;
    }
    const std::lock_guard<std::mutex> lock(mutex_);
    staged_.push_back(std::move(s));
}

void Publication::commit() {
    if (batch_)
        for (const auto& s : staged_)
            if (::fsync(s.fd) != 0) throw std::runtime_error(errnoText("cannot sync", s.temp));
    for (const auto& s : staged_) fs::rename(s.temp, s.final);
    committed_ = true;
    for (auto& s : staged_) discard(s, false);
    if (batch_)
        batch_->add(folder_);
    else
        syncFolder(folder_);
}

std::vector<fs::path> Publication::published() const {
    std::vector<fs::path> out;
    for (const auto& s : staged_) out.push_back(s.final);
    return out;
}

}  // namespace overens
