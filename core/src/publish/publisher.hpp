// Publishing outputs: each file is written to a temporary file in its final folder and renamed
// into place only when every output of the document was written, so no half-written file
// ever appears and an earlier output survives a failed run.
//
// Temporaries are named ".<name>.overens-<pid>-<random>.tmp" and locked (flock) while they
// live; they are fsynced before the rename and the folder after it, so a power cut leaves
// the old file or the new one, never an empty one. A temporary left by a killed run is removed
// by the next publication of that name; SIGTERM, SIGINT and SIGHUP remove the run's own.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace overens {

class Publication {
public:
    explicit Publication(std::filesystem::path folder);
    ~Publication();  // removes temporaries not committed
    Publication(const Publication&) = delete;
    Publication& operator=(const Publication&) = delete;

    // Write one output (name without folder) through fn into a temporary file created with
    // `mode` (less the umask; 0600 for a secret such as the users file). Throws on I/O errors or
    // whatever fn throws; the temporary is removed then.
    void stage(const std::string& name, const std::function<void(std::ostream&)>& fn, unsigned mode = 0666);
    // Rename every staged file into place, then make the renames durable.
    void commit();
    std::vector<std::filesystem::path> published() const;

private:
    struct Staged {
        std::filesystem::path temp, final;
        int fd;    // open and locked while the temporary exists
        int slot;  // in the signal handler's list, or -1
    };
    void discard(Staged& s, bool removeFile);

    std::filesystem::path folder_;
    std::vector<Staged> staged_;
    bool committed_ = false;
};

// Remove temporaries of `name` in `folder` left by runs that are gone: our naming pattern (or
// the one before it), older than this run, and not locked by a live process. Returns how
// many were removed.
std::size_t removeStaleTemporaries(const std::filesystem::path& folder, const std::string& name);

}  // namespace overens
