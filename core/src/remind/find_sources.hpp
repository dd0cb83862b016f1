// Phase 1 of `overens remind`: the candidate files under the paths given — *.xml in the
// folders, searched recursively (hidden names skipped, symbolic links to folders not followed),
// and the files named — with their modification time and size for the index.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "remind/texts.hpp"

namespace overens::remind {

// A folder searched (or holding a file named on the command line).
struct Folder {
    std::string abs;      // absolute, normalised
    std::string display;  // as reached from the path given
    bool walked = false;  // searched (not only holding a named file)
    bool stored = false;  // a store's organisation: display is ORG, not a path
};

// A store organisation's current documents as files (DocumentStore::materialise): searched
// without sub-folders, its documents named label/NAME (NAME for the organisation "").
struct StoreFolder {
    std::string path;
    std::string label;
};

// A file found under the paths.
struct Candidate {
    std::uint32_t folder = 0;
    std::string name;
    std::string display;  // set for files named on the command line; else built when needed
    bool explicitlyNamed = false;
    std::int64_t mtimeNs = 0, size = 0;
};

struct FoundSources {
    std::vector<Folder> folders;
    std::vector<Candidate> candidates;
    std::unordered_map<std::string, std::uint32_t> folderIds;  // by absolute path
    std::vector<std::string> walkedRoots;                      // the folders given, absolute
    bool unreadable = false;                                   // a path could not be read (reported)

    std::string pathOf(std::uint32_t folder, const std::string& name) const;     // absolute
    std::string displayOf(std::uint32_t folder, const std::string& name) const;  // as reached
};

FoundSources findSources(const std::vector<std::string>& paths, const Texts& t, std::ostream& err,
                         const std::vector<StoreFolder>& stored = {});

}  // namespace overens::remind
