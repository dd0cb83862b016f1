// The workspace: a folder of ordinary answer files (*.xml) and the folder their outputs are
// built into. Saving is atomic and never overwrites a file that changed since it was read.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace overens::web {

class Workspace {
public:
    Workspace(std::filesystem::path folder, std::filesystem::path outputFolder);

    const std::filesystem::path& folder() const { return folder_; }
    const std::filesystem::path& outputFolder() const { return output_; }

    // The answer files' names (not paths), sorted.
    std::vector<std::string> documents() const;
    std::vector<std::filesystem::path> documentPaths() const;
    // A name the workspace may hold: letters, digits, '.', '-', '_', ending in .xml, no folder.
    static bool validName(const std::string& name);
    bool contains(const std::string& name) const;
    // Whether anything at all is at that name (a file, a folder, a link wherever it points).
    bool taken(const std::string& name) const;
    std::filesystem::path pathOf(const std::string& name) const { return folder_ / name; }

    // The file's bytes; nullopt when it cannot be read.
    std::optional<std::string> read(const std::string& name) const;

    enum class SaveResult { Saved, Changed, Failed };
    // Write xml as `name` through a temporary file and a rename. `loadedHash` is the SHA-256 of
    // the file as it was read ("" for a new file, which must not exist yet): when the file on
    // disk is no longer that, nothing is written and Changed is returned.
    SaveResult save(const std::string& name, const std::string& xml, const std::string& loadedHash,
                    std::string& error) const;

private:
    std::filesystem::path folder_;
    std::filesystem::path output_;
};

// Whether file (after following every symbolic link) is a file directly in folder: a link out of
// the workspace is never read.
bool insideFolder(const std::filesystem::path& folder, const std::filesystem::path& file);

// SHA-256 of bytes, lower-case hex.
std::string sha256Hex(const std::string& bytes);

}  // namespace overens::web
