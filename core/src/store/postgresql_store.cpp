#include "store/postgresql_store.hpp"

#include <unistd.h>

#include <Poco/Data/LOB.h>
#include <Poco/Data/Session.h>
#include <Poco/Tuple.h>

#include <fstream>
#include <set>
#include <sstream>

#include "publish/publisher.hpp"
#include "store/postgresql_connection.hpp"
#include "store/version_record.hpp"

namespace overens::store {

namespace fs = std::filesystem;
using namespace Poco::Data::Keywords;

namespace {

bool validId(const DocumentId& id) { return validOrganisation(id.organisation) && validDocumentName(id.name); }

std::string bytesOf(const Poco::Data::BLOB& blob) {
    return blob.size() ? std::string(reinterpret_cast<const char*>(blob.rawContent()), blob.size()) : std::string();
}

Poco::Data::BLOB blobOf(const std::string& bytes) {
    return Poco::Data::BLOB(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::optional<std::string> fileBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

PostgresqlStore::PostgresqlStore(const std::string& url) : url_(url), pool_(openPostgresql(url)) {
    // The engine reads files: an organisation's current documents are copied into a cache
    // folder private to this user and database.
    cache_ = fs::temp_directory_path() /
             ("overens-store-" + std::to_string(::getuid()) + "-" + sha256Hex(describePostgresql(url)).substr(0, 16));
}

std::string PostgresqlStore::describe() const { return describePostgresql(url_); }

std::vector<std::string> PostgresqlStore::organisations() const {
    Poco::Data::Session session = pool_->get();
    std::vector<std::string> ids;
    session << "SELECT id FROM organisations ORDER BY id", into(ids), now;
    return ids;
}

bool PostgresqlStore::createOrganisation(const std::string& id, std::string& error) {
    if (!validOrganisation(id)) {
        error = "not a valid organisation id: '" + id + "'";
        return false;
    }
    try {
        Poco::Data::Session session = pool_->get();
        std::string org = id;
        session << "INSERT INTO organisations (id) VALUES ($1) ON CONFLICT DO NOTHING", use(org), now;
        return true;
    } catch (const Poco::Exception& e) {
        error = e.displayText();
        return false;
    }
}

std::vector<std::string> PostgresqlStore::documents(const std::string& organisation) const {
    std::vector<std::string> names;
    if (!validOrganisation(organisation)) return names;
    Poco::Data::Session session = pool_->get();
    std::string org = organisation;
    session << "SELECT name FROM documents WHERE organisation = $1 ORDER BY name", use(org), into(names), now;
    return names;
}

std::optional<StoredDocument> PostgresqlStore::read(const DocumentId& id) const {
    if (!validId(id)) return std::nullopt;
    Poco::Data::Session session = pool_->get();
    std::string org = id.organisation, name = id.name;
    std::vector<Poco::Data::BLOB> xml;
    std::vector<int> number;
    session << "SELECT v.xml, v.number FROM documents d JOIN versions v ON v.organisation = d.organisation AND "
               "v.name = d.name AND v.number = d.current_version WHERE d.organisation = $1 AND d.name = $2",
        use(org), use(name), into(xml), into(number), now;
    if (xml.empty()) return std::nullopt;
    return StoredDocument{bytesOf(xml.front()), number.front()};
}

std::optional<std::string> PostgresqlStore::readVersion(const DocumentId& id, int version) const {
    if (!validId(id)) return std::nullopt;
    Poco::Data::Session session = pool_->get();
    std::string org = id.organisation, name = id.name;
    std::vector<Poco::Data::BLOB> xml;
    session << "SELECT xml FROM versions WHERE organisation = $1 AND name = $2 AND number = $3", use(org), use(name),
        use(version), into(xml), now;
    if (xml.empty()) return std::nullopt;
    return bytesOf(xml.front());
}

std::vector<VersionInfo> PostgresqlStore::history(const DocumentId& id) const {
    std::vector<VersionInfo> out;
    if (!validId(id)) return out;
    Poco::Data::Session session = pool_->get();
    std::string org = id.organisation, name = id.name;
    std::vector<Poco::Tuple<int, std::string, std::string, std::string, std::string>> rows;
    session << "SELECT number, author, to_char(saved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
               "summary, sha256 FROM versions WHERE organisation = $1 AND name = $2 ORDER BY number",
        use(org), use(name), into(rows), now;
    for (const auto& r : rows) out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>()});
    return out;
}

SaveResult PostgresqlStore::save(const DocumentId& id, const std::string& xml, int basedOn, const std::string& author,
                                 const std::string& summary) {
    SaveResult result;
    if (!validId(id)) {
        result.status = SaveStatus::Refused;
        result.error = "not a valid document: '" + id.organisation + "/" + id.name + "'";
        return result;
    }
    try {
        Poco::Data::Session session = pool_->get();
        std::string org = id.organisation, name = id.name, who = author, what = summary, digest = sha256Hex(xml);
        Poco::Data::BLOB bytes = blobOf(xml);
        int next = basedOn + 1;
        session.begin();
        try {
            std::size_t moved = 0;
            if (basedOn == 0) {
                session << "INSERT INTO organisations (id) VALUES ($1) ON CONFLICT DO NOTHING", use(org), now;
                Poco::Data::Statement insert(session);
                insert << "INSERT INTO documents (organisation, name, current_version) VALUES ($1, $2, 1) "
                          "ON CONFLICT DO NOTHING",
                    use(org), use(name);
                moved = insert.execute();
            } else {
                // Waits for a concurrent save of the same document; after its commit the
                // condition no longer holds and nothing is moved.
                Poco::Data::Statement update(session);
                update << "UPDATE documents SET current_version = $1 WHERE organisation = $2 AND name = $3 AND "
                          "current_version = $4",
                    use(next), use(org), use(name), use(basedOn);
                moved = update.execute();
            }
            if (moved == 0) {
                session.rollback();
                std::vector<int> current;
                session << "SELECT current_version FROM documents WHERE organisation = $1 AND name = $2", use(org),
                    use(name), into(current), now;
                result.status = basedOn == 0 ? SaveStatus::Exists : SaveStatus::Stale;
                result.version = current.empty() ? 0 : current.front();
                return result;
            }
            session << "INSERT INTO versions (organisation, name, number, author, summary, sha256, xml) "
                       "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                use(org), use(name), use(next), use(who), use(what), use(digest), use(bytes), now;
            session.commit();
        } catch (...) {
            if (session.isTransaction()) session.rollback();
            throw;
        }
        result.status = SaveStatus::Saved;
        result.version = next;
    } catch (const Poco::Exception& e) {
        result.status = SaveStatus::Failed;
        result.error = e.displayText();
    }
    return result;
}

fs::path PostgresqlStore::materialise(const std::string& organisation) {
    const fs::path folder = cache_ / (organisation.empty() ? "-" : organisation);
    fs::create_directories(folder);
    if (!validOrganisation(organisation)) return folder;
    Poco::Data::Session session = pool_->get();
    std::string org = organisation;
    std::vector<std::string> names;
    std::vector<Poco::Data::BLOB> xml;
    session << "SELECT d.name, v.xml FROM documents d JOIN versions v ON v.organisation = d.organisation AND "
               "v.name = d.name AND v.number = d.current_version WHERE d.organisation = $1",
        use(org), into(names), into(xml), now;
    std::set<std::string> wanted(names.begin(), names.end());
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (validDocumentName(name) && !wanted.count(name)) fs::remove(entry.path(), ec);
    }
    Publication publication(folder);
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string bytes = bytesOf(xml[i]);
        if (fileBytes(folder / names[i]) == bytes) continue;  // only changed files are written
        publication.stage(names[i], [&](std::ostream& out) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
    }
    publication.commit();
    return folder;
}

}  // namespace overens::store
