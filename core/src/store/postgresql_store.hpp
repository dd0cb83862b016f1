// The PostgreSQL store: organisations, documents and every version in one database shared by
// any number of `overens serve` processes on any number of machines (and by `overens remind`).
// A save inserts version N+1 and moves the document's current version from N to N+1 in one
// transaction; the versions' primary key and the conditional update make exactly one of two
// saves based on N succeed.
#pragma once

#include <Poco/Data/SessionPool.h>

#include <memory>

#include "store/document_store.hpp"

namespace overens::store {

class PostgresqlStore : public DocumentStore {
public:
    // Throws (Poco::Exception, std::runtime_error) when the database cannot be opened.
    explicit PostgresqlStore(const std::string& url);

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

private:
    std::string url_;
    std::shared_ptr<Poco::Data::SessionPool> pool_;
    std::filesystem::path cache_;  // materialised organisations, one folder each
};

}  // namespace overens::store
