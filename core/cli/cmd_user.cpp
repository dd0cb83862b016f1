// overens user add|remove|passwd|grant|list NAME --users FILE [--organisation ORG]... [--password-stdin]:
// the accounts of `overens serve --users FILE`. The password is asked twice on the terminal
// without echo, or read as one line of standard input with --password-stdin (for scripts); it is
// stored only as a PBKDF2 hash (core/src/accounts/password_hash.hpp).
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "accounts/password_hash.hpp"
#include "accounts/users_file.hpp"
#include "cli_support.hpp"
#include "command_line.hpp"

namespace overens::cli {

void defineUserOptions(Poco::Util::OptionSet& options) {
    options.addOption(Poco::Util::Option("organisation", "", "user: an organisation the account may see (repeat it; * = every one)")
                          .argument("ORG")
                          .repeatable(true));
    options.addOption(Poco::Util::Option("password-stdin", "", "user: read the password as one line of standard input"));
}

namespace {

constexpr std::size_t kMinimumPasswordLength = 10;
constexpr std::size_t kMaximumPasswordLength = 1024;

// One line from the terminal with echo off (restored even when reading fails).
std::string readHidden(const std::string& prompt) {
    termios old {};
    const bool tty = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {  // echo off before the prompt: nothing typed after it is ever shown
        termios quiet = old;
        quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::cerr << prompt << std::flush;
    std::string line;
    const bool got = static_cast<bool>(std::getline(std::cin, line));
    if (tty) ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << '\n';
    if (!got) throw UsageError("no password given");
    return line;
}

std::string readPassword(const CommandLine& cl, const std::string& name) {
    std::string password;
    if (cl.has("password-stdin")) {
        if (!std::getline(std::cin, password)) throw UsageError("--password-stdin: standard input held no line");
        if (!password.empty() && password.back() == '\r') password.pop_back();
    } else {
        if (!::isatty(STDIN_FILENO))
            throw UsageError("no terminal to ask for the password on; give it on standard input with --password-stdin");
        password = readHidden("Password for " + name + ": ");
        if (readHidden("The same password again: ") != password) throw UsageError("the two passwords differ; nothing changed");
    }
    if (password.size() < kMinimumPasswordLength)
        throw UsageError("the password is too short: at least " + std::to_string(kMinimumPasswordLength) +
                         " characters; nothing changed");
    if (password.size() > kMaximumPasswordLength)
        throw UsageError("the password is too long: at most " + std::to_string(kMaximumPasswordLength) +
                         " bytes; nothing changed");
    if (password.find('\0') != std::string::npos) throw UsageError("the password holds a NUL byte; nothing changed");
    return password;
}

std::vector<std::string> grantsOf(const CommandLine& cl) {
    std::vector<std::string> grants;
    auto it = cl.options.find("organisation");
    if (it == cl.options.end()) return grants;
    for (const std::string& value : it->second)
        for (const std::string& org : splitList(value)) {
            if (!accounts::validGrant(org))
                throw UsageError("--organisation " + org + ": an organisation id is 1-64 of a-z, 0-9 and '-' (or * for every one)");
            if (std::find(grants.begin(), grants.end(), org) == grants.end()) grants.push_back(org);
        }
    return grants;
}

std::string listed(const std::vector<std::string>& grants) {
    if (grants.empty()) return "none";
    std::string out;
    for (const auto& g : grants) out += (out.empty() ? "" : ", ") + (g == "*" ? std::string("every organisation") : g);
    return out;
}

}  // namespace

int runUser(const CommandLine& cl) {
    const std::string action = cl.args.empty() ? "" : cl.args[0];
    const bool list = action == "list";
    if (action != "add" && action != "remove" && action != "passwd" && action != "grant" && !list)
        throw UsageError("user needs an action: add, remove, passwd, grant or list (overens help user)");
    if (cl.args.size() != (list ? 1u : 2u))
        throw UsageError(list ? "user list takes no NAME" : "user " + action + " needs exactly one account NAME");
    if (!cl.has("users")) throw UsageError("user " + action + " needs the users file: --users FILE");
    const std::string file = cl.value("users");
    if (file.rfind("postgresql://", 0) != 0 && std::filesystem::is_directory(file))
        throw UsageError("--users " + file + " is a folder; give the users file's path");
    if (cl.has("organisation") && action != "add" && action != "grant")
        throw UsageError("--organisation goes with user add or user grant");
    const std::string name = list ? "" : cl.args[1];
    if (!list && !accounts::validAccountName(name))
        throw UsageError("'" + name + "' is not an account name: 1-64 of letters, digits, '.', '_', '@' and '-', "
                         "not starting with '.' or '-'");

    std::string error;
    auto store = accounts::openAccounts(file, error);
    if (!store) {
        std::cerr << "overens user: " << error << '\n';
        return kExitUsage;
    }
    try {
        if (list) {
            for (const auto& a : store->all()) std::cout << a.name << '\t' << listed(a.organisations) << '\n';
            return kExitOk;
        }
        std::optional<accounts::Account> existing = store->find(name);
        if (action == "add" && existing) {
            std::cerr << "overens user: the account '" << name << "' exists in " << file
                      << " (change its password with user passwd, its organisations with user grant)\n";
            return kExitInputErrors;
        }
        if (action != "add" && !existing) {
            std::cerr << "overens user: there is no account '" << name << "' in " << file << '\n';
            return kExitInputErrors;
        }
        if (action == "remove") {
            store->remove(name);
            std::cout << "Removed the account " << name << " from " << file << ".\n";
            return kExitOk;
        }
        if (action == "grant") {
            existing->organisations = grantsOf(cl);
            store->put(*existing);
            std::cout << "The account " << name << " may now see: " << listed(existing->organisations) << ".\n";
            return kExitOk;
        }
        accounts::Account account = existing.value_or(accounts::Account{name, "", grantsOf(cl)});
        account.passwordHash = accounts::hashPassword(readPassword(cl, name));
        store->put(account);
        if (action == "add")
            std::cout << "Added the account " << name << " to " << file << " (organisations: " << listed(account.organisations)
                      << ").\n";
        else
            std::cout << "Changed the password of " << name << " in " << file << ".\n";
        if (action == "add" && account.organisations.empty())
            std::cerr << "overens user: warning: " << name << " is granted no organisation and will see no document "
                      << "(user grant " << name << " --organisation ORG)\n";
        return kExitOk;
    } catch (const accounts::UsersFileError& e) {
        std::cerr << "overens user: " << e.what() << '\n';
        return kExitUsage;
    }
}

}  // namespace overens::cli
