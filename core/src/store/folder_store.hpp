// The folder store: the workspace's answer files are the truth (<folder>/*.xml is the
// organisation "", <folder>/<org>/*.xml the organisation <org>). Every saved version is kept
// under <folder>/.overens/history/<org or "-">/<name>/<N>.xml with <N>.json (who, when, what);
// a file changed outside the service becomes a new version by "" when the store next reads it
// (or saves over it), so a version number always names the same bytes. A save holds an exclusive
// flock on the organisation's folder while it compares, records and publishes, so of two saves on
// one version exactly one wins, in any number of processes; reads hold it shared. Only .overens/
// is written by reading.
#pragma once

#include <filesystem>

#include "store/document_store.hpp"

namespace overens::store {

class FolderStore : public DocumentStore {
public:
    explicit FolderStore(std::filesystem::path folder);

    std::string describe() const override;
    std::vector<std::string> organisations() const override;
    bool createOrganisation(const std::string& id, std::string& error) override;
    std::vector<std::string> documents(const std::string& organisation) const override;
    std::optional<StoredDocument> read(const DocumentId& id) const override;
    bool taken(const DocumentId& id) const override;
    std::optional<std::string> readVersion(const DocumentId& id, int version) const override;
    std::vector<VersionInfo> history(const DocumentId& id) const override;
    SaveResult save(const DocumentId& id, const std::string& xml, int basedOn, const std::string& author,
                    const std::string& summary) override;
    std::filesystem::path materialise(const std::string& organisation) override;

    const std::filesystem::path& folder() const { return folder_; }

private:
    std::filesystem::path folderOf(const std::string& organisation) const;
    std::filesystem::path historyOf(const DocumentId& id) const;
    struct Current {
        std::string xml;
        int version = 0;
        bool pending = false;  // changed outside the service: `version` is not recorded yet
    };
    // With the folder locked: the file as it is now and its version (the newest recorded one, or
    // one more when the file differs from it). nullopt when there is no file.
    std::optional<Current> current(const DocumentId& id) const;
    // current(), with a pending version recorded first (under the exclusive lock).
    std::optional<Current> seen(const DocumentId& id) const;
    std::vector<int> recorded(const DocumentId& id) const;  // version numbers, ascending
    void record(const DocumentId& id, int number, const std::string& xml, const std::string& author,
                const std::string& summary) const;

    std::filesystem::path folder_;
};

}  // namespace overens::store
