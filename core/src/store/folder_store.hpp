// The folder store: the workspace's answer files are the truth (<folder>/*.xml is the
// organisation "", <folder>/<org>/*.xml the organisation <org>). Every saved version is kept
// under <folder>/.overens/history/<org or "-">/<name>/<N>.xml with <N>.json (who, when, what);
// a file changed outside the service is recorded as a new version by "" the next time the store
// looks at it. A save holds the document's lock file (flock) while it compares, records and
// publishes, so of two saves on one version exactly one wins, in any number of processes.
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
    std::optional<std::string> readVersion(const DocumentId& id, int version) const override;
    std::vector<VersionInfo> history(const DocumentId& id) const override;
    SaveResult save(const DocumentId& id, const std::string& xml, int basedOn, const std::string& author,
                    const std::string& summary) override;
    std::filesystem::path materialise(const std::string& organisation) override;

    const std::filesystem::path& folder() const { return folder_; }

private:
    std::filesystem::path folderOf(const std::string& organisation) const;
    std::filesystem::path historyOf(const DocumentId& id) const;
    std::filesystem::path lockOf(const DocumentId& id) const;
    // With the document's lock held: the file as it is now, recorded as a version by "" when it
    // differs from the newest recorded one. nullopt when there is no file.
    std::optional<StoredDocument> current(const DocumentId& id) const;
    std::vector<int> recorded(const DocumentId& id) const;  // version numbers, ascending
    void record(const DocumentId& id, int number, const std::string& xml, const std::string& author,
                const std::string& summary) const;

    std::filesystem::path folder_;
};

}  // namespace overens::store
