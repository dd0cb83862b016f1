#include "remind/find_sources.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unordered_set>
#include <utility>

#include "remind/source_files.hpp"

namespace overens::remind {

namespace fs = std::filesystem;

std::string FoundSources::pathOf(std::uint32_t folder, const std::string& name) const {
    return joinPath(folders[folder].abs, name.c_str());
}

std::string FoundSources::displayOf(std::uint32_t folder, const std::string& name) const {
    return joinPath(folders[folder].display, name.c_str());
}

namespace {

std::int64_t mtimeOf(const struct stat& st) {
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

class Finder {
public:
    Finder(FoundSources& found, const Texts& t, std::ostream& err) : f_(found), t_(t), err_(err) {}

    // Every *.xml under a folder, depth first without recursion (deep trees are fine).
    void walk(const std::string& absRoot, const std::string& displayRoot, bool stored = false) {
        std::vector<std::pair<std::string, std::string>> stack{{absRoot, displayRoot}};
        while (!stack.empty()) {
            auto [abs, disp] = std::move(stack.back());
            stack.pop_back();
            auto known = f_.folderIds.find(abs);
            if (known != f_.folderIds.end() && f_.folders[known->second].walked) continue;  // searched already
            DIR* d = ::opendir(abs.c_str());
            if (!d) {
                err_ << disp << ": error: [remind.unreadable] " << std::strerror(errno) << '\n';
                f_.unreadable = true;
                continue;
            }
            std::uint32_t id;
            if (known != f_.folderIds.end()) {
                id = known->second;
                f_.folders[id].walked = true;
            } else {
                id = addFolder(abs, disp, true);
            }
            f_.folders[id].stored = stored;
            std::vector<std::pair<std::string, std::string>> below;
            readFolder(d, id, abs, disp, stored ? below : stack);  // a store's folder: no sub-folders
            ::closedir(d);
        }
    }

    // A file named on the command line (unless a searched folder holds it already).
    void named(const std::string& disp, const std::string& abs) {
        if (!explicitKeys_.insert(abs).second) return;  // named twice
        const std::size_t slash = abs.rfind('/');
        const std::string dir = slash == 0 ? "/" : abs.substr(0, slash);
        const std::string name = abs.substr(slash + 1);
        auto known = f_.folderIds.find(dir);
        if (known != f_.folderIds.end() && f_.folders[known->second].walked && name[0] != '.' &&
            hasXmlExtension(name.c_str()))
            return;  // found in a searched folder already
        Candidate c;
        c.folder = known != f_.folderIds.end() ? known->second : addFolder(dir, dir, false);
        c.name = name;
        c.display = disp;
        c.explicitlyNamed = true;
        struct stat st {};
        if (::stat(abs.c_str(), &st) != 0) {
            err_ << disp << ": error: [remind.unreadable] " << t_.tr("filen kan inte läsas", "the file cannot be read")
                 << '\n';
            f_.unreadable = true;
            return;
        }
        c.mtimeNs = mtimeOf(st);
        c.size = static_cast<std::int64_t>(st.st_size);
        f_.candidates.push_back(std::move(c));
    }

private:
    std::uint32_t addFolder(const std::string& abs, const std::string& disp, bool walked) {
        const auto id = static_cast<std::uint32_t>(f_.folders.size());
        f_.folders.push_back({abs, disp, walked});
        f_.folderIds.emplace(abs, id);
        return id;
    }

    void readFolder(DIR* d, std::uint32_t id, const std::string& abs, const std::string& disp,
                    std::vector<std::pair<std::string, std::string>>& stack) {
        const int fd = ::dirfd(d);
        while (const dirent* ent = ::readdir(d)) {
            const char* name = ent->d_name;
            if (name[0] == '.') continue;
            const unsigned char type = ent->d_type;
            if (type == DT_DIR) {
                stack.emplace_back(joinPath(abs, name), joinPath(disp, name));
                continue;
            }
            const bool xml = hasXmlExtension(name);
            if (!xml && type != DT_UNKNOWN) continue;
            struct stat st {};
            if (::fstatat(fd, name, &st, 0) != 0) continue;  // a dangling link
            if (S_ISDIR(st.st_mode)) {
                if (type == DT_UNKNOWN) stack.emplace_back(joinPath(abs, name), joinPath(disp, name));
                continue;
            }
            if (!xml || !S_ISREG(st.st_mode)) continue;
            Candidate c;
            c.folder = id;
            c.name = name;
            c.mtimeNs = mtimeOf(st);
            c.size = static_cast<std::int64_t>(st.st_size);
            f_.candidates.push_back(std::move(c));
        }
    }

    FoundSources& f_;
    const Texts& t_;
    std::ostream& err_;
    std::unordered_set<std::string> explicitKeys_;
};

}  // namespace

FoundSources findSources(const std::vector<std::string>& paths, const Texts& t, std::ostream& err,
                         const std::vector<StoreFolder>& stored) {
    FoundSources found;
    Finder finder(found, t, err);
    std::vector<std::pair<std::string, std::string>> namedFiles;  // display, absolute
    for (const auto& arg : paths) {
        std::error_code ec;
        const fs::file_status st = fs::status(arg, ec);
        if (ec || !fs::exists(st)) {
            err << arg << ": error: [remind.no-such-path] "
                << t.tr("sökvägen finns inte eller kan inte läsas", "the path does not exist or cannot be read") << '\n';
            found.unreadable = true;
            continue;
        }
        std::string abs = fs::absolute(arg, ec).lexically_normal().string();
        while (abs.size() > 1 && abs.back() == '/') abs.pop_back();
        if (fs::is_directory(st)) {
            std::string disp = arg;
            while (disp.size() > 1 && disp.back() == '/') disp.pop_back();
            found.walkedRoots.push_back(abs);
            finder.walk(abs, disp);
        } else {
            namedFiles.emplace_back(arg, abs);
        }
    }
    for (const auto& [disp, abs] : namedFiles) finder.named(disp, abs);
    for (const auto& sf : stored) {
        std::string abs = fs::absolute(sf.path).lexically_normal().string();
        while (abs.size() > 1 && abs.back() == '/') abs.pop_back();
        found.walkedRoots.push_back(abs);
        finder.walk(abs, sf.label, true);
    }
    return found;
}

}  // namespace overens::remind
