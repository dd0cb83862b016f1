// Where the answer files live: a small storage interface with two implementations, the workspace
// folder (the default: the files are the truth) and PostgreSQL (a hosted service; several
// `overens serve` processes and the reminder job share one database). The XML answer file stays
// the unit: a store keeps each document's every saved version, whole.
//
// Contract of issue 10 (see /work/wt/STORE-CONTRACT.md while it is being built).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace overens::store {

// An organisation's id: 1-64 of [a-z0-9-], not starting with '-'. In the folder store it is the
// name of a sub-folder of the workspace; the workspace's own top-level files form the
// organisation "" (seen only without accounts, or by an account granted every organisation).
bool validOrganisation(const std::string& id);
// A document's name: what web::Workspace::validName accepts (letters, digits, '.', '-', '_',
// ending in .xml, no folder, not starting with '.').
bool validDocumentName(const std::string& name);

struct DocumentId {
    std::string organisation;
    std::string name;
    bool operator<(const DocumentId& o) const {
        return organisation != o.organisation ? organisation < o.organisation : name < o.name;
    }
    bool operator==(const DocumentId& o) const { return organisation == o.organisation && name == o.name; }
};

struct VersionInfo {
    int number = 0;       // 1, 2, 3, ... in the order saved
    std::string author;   // the account's name; "" for a change made outside the service
    std::string savedAt;  // UTC, "2026-12-01T12:00:00Z"
    std::string summary;  // what changed, as the saver described it (e.g. the answers paths changed)
    std::string sha256;   // of the version's bytes, lower-case hex
};

struct StoredDocument {
    std::string xml;
    int version = 0;  // the current version's number
};

enum class SaveStatus {
    Saved,    // a new version was written
    Stale,    // basedOn is not the current version: nothing written
    Exists,   // basedOn == 0 (a new document) but the name is taken: nothing written
    Refused,  // a bad organisation or name: nothing written
    Failed,   // the store could not write (error says why): nothing written
};

struct SaveResult {
    SaveStatus status = SaveStatus::Failed;
    int version = 0;  // Saved: the new version; Stale/Exists: the current version
    std::string error;
};

class DocumentStore {
public:
    virtual ~DocumentStore() = default;

    // For messages and logs: "folder /srv/styrdokument", "postgresql://db.example/overens" (never
    // a password).
    virtual std::string describe() const = 0;

    // Organisation ids, sorted ("" first when the folder store has top-level files).
    virtual std::vector<std::string> organisations() const = 0;
    // Creates an empty organisation; false (and error) when the id is invalid or the store fails.
    virtual bool createOrganisation(const std::string& id, std::string& error) = 0;
    // The names of an organisation's documents, sorted.
    virtual std::vector<std::string> documents(const std::string& organisation) const = 0;

    // The current version; nullopt when there is no such document.
    virtual std::optional<StoredDocument> read(const DocumentId& id) const = 0;
    // Whether a new document may not take this name: there is a document, or (in the folder
    // store) anything else at all at its path, a link that leads out or a folder included.
    virtual bool taken(const DocumentId& id) const { return read(id).has_value(); }
    // One earlier (or the current) version's bytes; nullopt when there is none.
    virtual std::optional<std::string> readVersion(const DocumentId& id, int version) const = 0;
    // Every version, oldest first.
    virtual std::vector<VersionInfo> history(const DocumentId& id) const = 0;

    // Saves xml as a new version when `basedOn` is the current version (0: a new document that
    // must not exist yet). Atomic: the version is whole or absent, and of two saves based on
    // the same version exactly one succeeds, also across processes and machines.
    virtual SaveResult save(const DocumentId& id, const std::string& xml, int basedOn, const std::string& author,
                            const std::string& summary) = 0;

    // A folder holding the organisation's current documents as ordinary files, for the engine
    // (validate, build and remind read files). The folder store returns its own folder; the
    // PostgreSQL store writes (only changed) files into a private cache folder.
    virtual std::filesystem::path materialise(const std::string& organisation) = 0;
};

// Opens a store from its spec: "postgresql://USER@HOST:PORT/DB" (or with ?host=/socket/dir), else
// a folder path (an empty spec: defaultFolder). nullptr and error when it cannot be opened.
std::unique_ptr<DocumentStore> openStore(const std::string& spec, const std::filesystem::path& defaultFolder,
                                         std::string& error);

}  // namespace overens::store
