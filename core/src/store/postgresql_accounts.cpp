#include "store/postgresql_accounts.hpp"

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

#include <map>

#include "store/postgresql_connection.hpp"

namespace overens::store {

using namespace Poco::Data::Keywords;

namespace {

class PostgresqlAccounts : public accounts::AccountStore {
public:
    explicit PostgresqlAccounts(const std::string& url) : url_(url), pool_(openPostgresql(url)) {}

    std::string describe() const override { return describePostgresql(url_); }

    std::optional<accounts::Account> find(const std::string& name) const override {
        for (auto& a : select(name))
            if (a.name == name) return a;
        return std::nullopt;
    }

    std::vector<accounts::Account> all() const override { return select({}); }

    void put(const accounts::Account& account) override {
        Poco::Data::Session session = pool_->get();
        std::string name = account.name, hash = account.passwordHash;
        session.begin();
        try {
            session << "INSERT INTO accounts (name, password_hash) VALUES ($1, $2) "
                       "ON CONFLICT (name) DO UPDATE SET password_hash = EXCLUDED.password_hash",
                use(name), use(hash), now;
            session << "DELETE FROM grants WHERE account = $1", use(name), now;
            for (std::string org : account.organisations)
                session << "INSERT INTO grants (account, organisation) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                    use(name), use(org), now;
            session.commit();
        } catch (...) {
            session.rollback();
            throw;
        }
    }

    bool remove(const std::string& name) override {
        Poco::Data::Session session = pool_->get();
        std::string n = name;
        Poco::Data::Statement del(session);
        del << "DELETE FROM accounts WHERE name = $1", use(n);
        return del.execute() > 0;
    }

private:
    // Every account, or the one named; sorted by name, grants sorted.
    std::vector<accounts::Account> select(const std::string& only) const {
        Poco::Data::Session session = pool_->get();
        std::string name = only;
        std::vector<std::string> names, hashes, grantAccounts, grantOrgs;
        const std::string where = only.empty() ? "" : " WHERE name = $1";
        Poco::Data::Statement a(session);
        a << "SELECT name, password_hash FROM accounts" + where + " ORDER BY name", into(names), into(hashes);
        if (!only.empty()) a, use(name);
        a.execute();
        Poco::Data::Statement g(session);
        g << "SELECT account, organisation FROM grants" + std::string(only.empty() ? "" : " WHERE account = $1") +
                 " ORDER BY account, organisation",
            into(grantAccounts), into(grantOrgs);
        if (!only.empty()) g, use(name);
        g.execute();
        std::map<std::string, std::vector<std::string>> grants;
        for (std::size_t i = 0; i < grantAccounts.size(); ++i) grants[grantAccounts[i]].push_back(grantOrgs[i]);
        std::vector<accounts::Account> out;
        for (std::size_t i = 0; i < names.size(); ++i) out.push_back({names[i], hashes[i], grants[names[i]]});
        return out;
    }

    std::string url_;
    std::shared_ptr<Poco::Data::SessionPool> pool_;
};

}  // namespace

std::unique_ptr<accounts::AccountStore> openPostgresqlAccounts(const std::string& url, std::string& error) {
    try {
        return std::make_unique<PostgresqlAccounts>(url);
    } catch (const Poco::Exception& e) {
        error = describePostgresql(url) + ": " + e.displayText();
    } catch (const std::exception& e) {
        error = e.what();
    }
    return nullptr;
}

}  // namespace overens::store
