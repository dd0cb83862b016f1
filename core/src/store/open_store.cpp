// openStore: a postgresql:// URL opens the PostgreSQL store, anything else is a folder.
#include "store/document_store.hpp"
#include "store/folder_store.hpp"
#include "store/postgresql_connection.hpp"
#include "store/postgresql_store.hpp"

namespace overens::store {

std::unique_ptr<DocumentStore> openStore(const std::string& spec, const std::filesystem::path& defaultFolder,
                                         std::string& error) {
    if (isPostgresqlSpec(spec)) {
        try {
            return std::make_unique<PostgresqlStore>(spec);
        } catch (const Poco::Exception& e) {
            error = describePostgresql(spec) + ": " + e.displayText();
        } catch (const std::exception& e) {
            error = e.what();
        }
        return nullptr;
    }
    const std::filesystem::path folder = spec.empty() ? defaultFolder : std::filesystem::path(spec);
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        error = "no such folder: " + folder.string();
        return nullptr;
    }
    return std::make_unique<FolderStore>(std::filesystem::absolute(folder));
}

}  // namespace overens::store
