// The parsed command line handed to each subcommand, and the subcommands themselves.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace overens::cli {

class OptionSet;  // options.hpp

// Exit codes, as documented in --help and the README.
constexpr int kExitOk = 0;
constexpr int kExitInputErrors = 1;  // the input has errors (remind has codes of its own: docs/reminders.md)
constexpr int kExitUsage = 2;        // usage or environment problem

struct CommandLine {
    std::string command;                // "build", "validate", "plugins", "remind"
    std::vector<std::string> args;      // positional arguments after the command
    std::map<std::string, std::vector<std::string>> options;  // by full option name

    bool has(const std::string& name) const { return options.count(name) > 0; }
    std::string value(const std::string& name, const std::string& fallback = {}) const {
        auto it = options.find(name);
        return it == options.end() || it->second.empty() ? fallback : it->second.back();
    }
};

int runBuild(const CommandLine& cl);
int runValidate(const CommandLine& cl);
int runPlugins(const CommandLine& cl);
int runSchema(const CommandLine& cl);
int runRemind(const CommandLine& cl);  // cmd_remind.cpp
int runServe(const CommandLine& cl);   // cmd_serve.cpp
int runImport(const CommandLine& cl);  // cmd_import.cpp
int runNew(const CommandLine& cl);     // cmd_new.cpp

// Options of the remind command (defined beside it); each takes part in CommandLine::options
// under its full name.
void defineRemindOptions(OptionSet& options);
void defineServeOptions(OptionSet& options);

}  // namespace overens::cli
