// Helpers shared by the tests: where things are, running the real command and the checkers.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace overens::test {

std::filesystem::path binary();        // the built `overens`
std::filesystem::path sourceDir();     // repository root
std::filesystem::path buildDir();
std::filesystem::path sharedTools();   // ../shared/tools
std::filesystem::path fixturePlugins();  // tests' fixture plugins (built as real .so files)
std::filesystem::path samplesDir();    // sample-agreements/

struct RunResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Run a program with arguments (no shell), extra environment variables added; waits at most
// timeoutSeconds, then kills it and reports exit code -1.
RunResult run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
              int timeoutSeconds = 300, const std::filesystem::path& cwd = {});

// Run `overens` with args.
RunResult runOverens(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});

// A fresh temporary folder, removed when the object goes.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

std::string readFile(const std::filesystem::path& p);
void writeFile(const std::filesystem::path& p, const std::string& content);
bool commandExists(const std::string& name);

// The diagnostic codes in the command's stderr ("FILE:LINE:COL: error: [CODE] message").
std::set<std::string> codesIn(const std::string& err);
// Codes (or any strings) joined by spaces for test messages; "(none)" when empty.
std::string joined(const std::set<std::string>& s);

}  // namespace overens::test
