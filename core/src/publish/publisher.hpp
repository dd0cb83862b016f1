// Publishing outputs: each file is written to a temporary file in its final folder and renamed
// into place only when every output of the document was written, so no half-written file
// ever appears and an earlier output survives a failed run.
//
// Temporaries are named ".<name>.overens-<pid>-<random>.tmp" and locked (flock) while they
// live; they are fsynced before the rename and the folder after it, so a power cut leaves
// the old file or the new one, never an empty one. A batch of publications into one folder may
// leave the folder's sync to a FolderSyncs, which syncs each folder once, after the last rename. A temporary left by a killed run is removed
// by the next publication of that name; SIGTERM, SIGINT and SIGHUP remove the run's own.
#pragma once

#include <filesystem>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

namespace overens {

// The folders a batch renamed files into, each made durable once at the end (one folder fsync
// per batch instead of one per document). Until sync() returns, a power cut may undo a rename,
// which leaves the earlier file (the new one was synced before its rename); a kill undoes nothing.
class FolderSyncs {
public:
    void add(const std::filesystem::path& folder);  // safe on several threads at once
    // fsync every folder added since the last call; throws (naming the folder) on the first failure.
    void sync();

private:
    std::mutex mutex_;
    std::vector<std::filesystem::path> folders_;
};

class Publication {
public:
    // batch: one of a batch's publications. Its temporaries are then synced by commit() (which a
    // batch runs on a disk thread) rather than by stage(), and the folder's sync is left to
    // `batch`. Null: stage() syncs each temporary, commit() the folder.
    explicit Publication(std::filesystem::path folder, FolderSyncs* batch = nullptr);
    ~Publication();  // removes temporaries not committed
    Publication(const Publication&) = delete;
    Publication& operator=(const Publication&) = delete;

    // Write one output (name without folder) through fn into a temporary file created with
    // `mode` (less the umask; 0600 for a secret such as the users file). Throws on I/O errors or
    // whatever fn throws; the temporary is removed then. Outputs of one publication may be staged
    // on several threads at once.
    void stage(const std::string& name, const std::function<void(std::ostream&)>& fn, unsigned mode = 0666);
    // Rename every staged file into place (each synced first), then make the renames durable (or
    // leave that to the batch's FolderSyncs). Throws on I/O errors; nothing is renamed when a
    // temporary cannot be synced.
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
    FolderSyncs* batch_;
    std::mutex mutex_;  // guards staged_ while outputs are staged
    std::vector<Staged> staged_;
    bool committed_ = false;
};

// Remove temporaries of `name` in `folder` left by runs that are gone: our naming pattern (or
// the one before it), older than this run, and not locked by a live process. Returns how
// many were removed. The folder is read once per process (see StaleIndex).
std::size_t removeStaleTemporaries(const std::filesystem::path& folder, const std::string& name);

}  // namespace overens
