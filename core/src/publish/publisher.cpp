#include "publish/publisher.hpp"

#include <Poco/Random.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <regex>
#include <stdexcept>

#include "publish/temp_registry.hpp"

namespace overens {

namespace fs = std::filesystem;

namespace {

// When this process started: a temporary last written before it belongs to an earlier run.
const auto kRunStarted = fs::file_time_type::clock::now();

std::string errnoText(const std::string& what, const fs::path& p) {
    return what + " " + p.string() + ": " + std::strerror(errno);
}

// ".<name>.overens-<pid>-<random>.tmp", and the pattern earlier versions used,
// ".<name>.tmp<hex>.tmp" (Poco::TemporaryFile::tempName()).
bool isOurTemporary(const std::string& entry, const std::string& name) {
    const std::string prefix = "." + name + ".";
    if (entry.size() <= prefix.size() + 4 || entry.compare(0, prefix.size(), prefix) != 0) return false;
    static const std::regex middle(R"((overens-[0-9]+-[0-9a-z]+|tmp[0-9a-f]+)\.tmp)");
    return std::regex_match(entry.substr(prefix.size()), middle);
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
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path p = it->path();
        if (!isOurTemporary(p.filename().string(), name)) continue;
        std::error_code tec;
        if (fs::last_write_time(p, tec) >= kRunStarted || tec) continue;  // being written by a run started after us
        const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0) continue;
        // A live run holds the lock on its temporaries; a killed one's lock went with it.
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::unlink(p.c_str()) == 0) ++removed;
        ::close(fd);
    }
    return removed;
}

Publication::Publication(fs::path folder) : folder_(std::move(folder)) {}

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
    {
        // A stop signal between creating the file and listing it would leave it behind: hold them.
        const temp_registry::HoldSignals hold;
        s.fd = ::open(s.temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
        if (s.fd < 0) throw std::runtime_error(errnoText("cannot create", s.temp));
        ::flock(s.fd, LOCK_EX);
        s.slot = temp_registry::add(s.temp.c_str());
    }
    try {
        std::ofstream out(s.temp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error("cannot create " + s.temp.string());
        fn(out);
        out.flush();
        if (!out) throw std::runtime_error("cannot write " + s.temp.string());
        out.close();
        if (out.fail()) throw std::runtime_error("cannot write " + s.temp.string());
        if (::fsync(s.fd) != 0) throw std::runtime_error(errnoText("cannot sync", s.temp));
    } catch (...) {
        discard(s, true);
        throw;
    }
    staged_.push_back(std::move(s));
}

void Publication::commit() {
    for (const auto& s : staged_) fs::rename(s.temp, s.final);
    committed_ = true;
    for (auto& s : staged_) discard(s, false);
    syncFolder(folder_);
}

std::vector<fs::path> Publication::published() const {
    std::vector<fs::path> out;
    for (const auto& s : staged_) out.push_back(s.final);
    return out;
}

}  // namespace overens
