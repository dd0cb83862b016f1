#include "accounts/users_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "accounts/password_hash.hpp"
#include "publish/publisher.hpp"

namespace overens::accounts {

namespace fs = std::filesystem;

namespace {

bool nameChar(unsigned char c) { return std::isalnum(c) || c == '.' || c == '_' || c == '@' || c == '-'; }

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const auto at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) return out;
        start = at + 1;
    }
}

[[noreturn]] void fail(const std::string& file, std::size_t line, std::size_t col, const std::string& message) {
    throw UsersFileError(file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": error: [users-file] " +
                         message);
}

// Holds FILE.lock (flock) while a change is read and written back.
class FileLock {
public:
    explicit FileLock(const fs::path& lock) {
        fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd_ < 0) throw UsersFileError("cannot lock " + lock.string() + ": " + std::strerror(errno));
        ::flock(fd_, LOCK_EX);
    }
    ~FileLock() { ::close(fd_); }
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

private:
    int fd_ = -1;
};

}  // namespace

bool validAccountName(const std::string& name) {
    return !name.empty() && name.size() <= 64 && name.front() != '.' && name.front() != '-' &&
           std::all_of(name.begin(), name.end(), [](unsigned char c) { return nameChar(c); });
}

bool validGrant(const std::string& o) {
    if (o == "*") return true;
    return !o.empty() && o.size() <= 64 && o.front() != '-' &&
           std::all_of(o.begin(), o.end(), [](unsigned char c) { return (c >= 'a' && c <= 'z') || std::isdigit(c) || c == '-'; });
}

UsersFile::UsersFile(fs::path path) : path_(std::move(path)) {}

std::string UsersFile::describe() const { return "users file " + path_.string(); }

std::vector<Account> UsersFile::parse(const std::string& text, const std::string& fileName) {
    std::vector<Account> accounts;
    std::istringstream in(text);
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        const std::vector<std::string> fields = split(line, ':');
        if (fields.size() != 3)
            fail(fileName, number, 1, "expected NAME:HASH:ORGANISATIONS, found " + std::to_string(fields.size()) +
                                          " field(s)");
        Account a;
        a.name = fields[0];
        if (!validAccountName(a.name)) fail(fileName, number, 1, "not an account name: '" + a.name.substr(0, 64) + "'");
        if (std::any_of(accounts.begin(), accounts.end(), [&](const Account& b) { return b.name == a.name; }))
            fail(fileName, number, 1, "the account '" + a.name + "' is listed twice");
        a.passwordHash = fields[1];
        const std::size_t hashCol = fields[0].size() + 2;
        if (!wellFormedHash(a.passwordHash))
            fail(fileName, number, hashCol, "not a password hash of the form pbkdf2-sha256$ITERATIONS$SALT$HASH");
        std::size_t col = hashCol + fields[1].size() + 1;
        if (!fields[2].empty())
            for (const std::string& org : split(fields[2], ',')) {
                if (!validGrant(org)) fail(fileName, number, col, "not an organisation id: '" + org.substr(0, 64) + "'");
                if (std::find(a.organisations.begin(), a.organisations.end(), org) == a.organisations.end())
                    a.organisations.push_back(org);
                col += org.size() + 1;
            }
        accounts.push_back(std::move(a));
    }
    std::sort(accounts.begin(), accounts.end(), [](const Account& x, const Account& y) { return x.name < y.name; });
    return accounts;
}

std::string UsersFile::format(const std::vector<Account>& accounts) {
    std::string out =
        "# overens users file, written by `overens user add|remove|passwd`. One account a line:\n"
        "# NAME:PASSWORD-HASH:ORGANISATION,ORGANISATION  (* = every organisation)\n";
    for (const Account& a : accounts) {
        out += a.name + ":" + a.passwordHash + ":";
        for (std::size_t i = 0; i < a.organisations.size(); ++i) out += (i ? "," : "") + a.organisations[i];
        out += "\n";
    }
    return out;
}

std::vector<Account> UsersFile::load() const {
    struct stat st {};
    if (::stat(path_.c_str(), &st) != 0) {
        if (errno != ENOENT) throw UsersFileError("cannot read " + path_.string() + ": " + std::strerror(errno));
        cachedValid_ = false;
        return {};
    }
    // A rename gives a new inode: a change is seen even within the clock's resolution.
    const std::string stamp = std::to_string(st.st_ino) + "/" + std::to_string(st.st_size) + "/" +
                              std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
    if (cachedValid_ && stamp == cachedStamp_) return cached_;
    std::ifstream in(path_, std::ios::binary);
    if (!in) throw UsersFileError("cannot read " + path_.string());
    std::ostringstream text;
    text << in.rdbuf();
    cached_ = parse(text.str(), path_.string());
    cachedStamp_ = stamp;
    cachedValid_ = true;
    return cached_;
}

std::optional<Account> UsersFile::find(const std::string& name) const {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const Account& a : load())
        if (a.name == name) return a;
    return std::nullopt;
}

std::vector<Account> UsersFile::all() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return load();
}

void UsersFile::write(const std::vector<Account>& accounts) const {
    const fs::path folder = path_.parent_path().empty() ? fs::path(".") : path_.parent_path();
    try {
        Publication publication(folder);
        const std::string text = format(accounts);
        publication.stage(path_.filename().string(),
                          [&](std::ostream& out) { out.write(text.data(), static_cast<std::streamsize>(text.size())); },
                          0600);
        publication.commit();
    } catch (const std::exception& e) {
        throw UsersFileError(std::string("cannot write ") + path_.string() + ": " + e.what());
    }
    cachedValid_ = false;
}

void UsersFile::put(const Account& account) {
    if (!validAccountName(account.name)) throw UsersFileError("not an account name: '" + account.name + "'");
    if (!wellFormedHash(account.passwordHash)) throw UsersFileError("not a password hash");
    for (const auto& o : account.organisations)
        if (!validGrant(o)) throw UsersFileError("not an organisation id: '" + o + "'");
    std::lock_guard<std::mutex> lock(mutex_);
    const FileLock fileLock(path_.string() + ".lock");
    cachedValid_ = false;
    std::vector<Account> accounts = load();
    auto it = std::find_if(accounts.begin(), accounts.end(), [&](const Account& a) { return a.name == account.name; });
    if (it != accounts.end())
        *it = account;
    else
        accounts.push_back(account);
    std::sort(accounts.begin(), accounts.end(), [](const Account& x, const Account& y) { return x.name < y.name; });
    write(accounts);
}

bool UsersFile::remove(const std::string& name) {
    std::lock_guard<std::mutex> lock(mutex_);
    const FileLock fileLock(path_.string() + ".lock");
    cachedValid_ = false;
    std::vector<Account> accounts = load();
    const auto before = accounts.size();
    accounts.erase(std::remove_if(accounts.begin(), accounts.end(), [&](const Account& a) { return a.name == name; }),
                   accounts.end());
    if (accounts.size() == before) return false;
    write(accounts);
    return true;
}

}  // namespace overens::accounts
