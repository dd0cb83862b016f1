#include "test_support.hpp"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include <chrono>
#include <fstream>
#include <future>
#include <regex>
#include <sstream>
#include <thread>

namespace overens::test {

std::filesystem::path binary() { return OVERENS_TEST_BINARY; }
std::filesystem::path sourceDir() { return OVERENS_TEST_SOURCE_DIR; }
std::filesystem::path buildDir() { return OVERENS_TEST_BUILD_DIR; }
std::filesystem::path sharedTools() { return OVERENS_TEST_SHARED_TOOLS; }
std::filesystem::path fixturePlugins() { return OVERENS_TEST_FIXTURE_PLUGINS; }
std::filesystem::path samplesDir() { return sourceDir() / "sample-agreements"; }

RunResult run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
              int timeoutSeconds, const std::filesystem::path& cwd) {
    RunResult r;
    if (argv.empty()) return r;
    Poco::Process::Args args(argv.begin() + 1, argv.end());
    Poco::Process::Env penv(env.begin(), env.end());
    Poco::Pipe outPipe, errPipe;
    const std::string dir = cwd.empty() ? std::filesystem::current_path().string() : cwd.string();
    Poco::ProcessHandle handle = Poco::Process::launch(argv[0], args, dir, nullptr, &outPipe, &errPipe, penv);
    Poco::PipeInputStream outStream(outPipe), errStream(errPipe);
    // Read both pipes concurrently so that neither fills up and blocks the child.
    auto errFuture = std::async(std::launch::async, [&] {
        std::string s;
        Poco::StreamCopier::copyToString(errStream, s);
        return s;
    });
    auto outFuture = std::async(std::launch::async, [&] {
        std::string s;
        Poco::StreamCopier::copyToString(outStream, s);
        return s;
    });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
    int code = -1;
    for (;;) {
        code = handle.tryWait();
        if (code != -1) break;
        if (std::chrono::steady_clock::now() > deadline) {
            Poco::Process::kill(handle);
            handle.wait();
            code = -1;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    r.out = outFuture.get();
    r.err = errFuture.get();
    r.exitCode = code;
    return r;
}

RunResult runOverens(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
    std::vector<std::string> argv{binary().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, env);
}

TempDir::TempDir() {
    path_ = std::filesystem::path(Poco::TemporaryFile::tempName()) ;
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeFile(const std::filesystem::path& p, const std::string& content) {
    if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << content;
}

bool commandExists(const std::string& name) {
    return run({"/bin/sh", "-c", "command -v " + name + " >/dev/null 2>&1"}).exitCode == 0;
}

std::set<std::string> codesIn(const std::string& err) {
    std::set<std::string> out;
    static const std::regex code(R"(: (?:error|warning|note): \[([A-Za-z0-9_.-]+)\])");
    for (auto it = std::sregex_iterator(err.begin(), err.end(), code); it != std::sregex_iterator(); ++it)
        out.insert((*it)[1].str());
    return out;
}

std::string joined(const std::set<std::string>& s) {
    std::string out;
    for (const auto& x : s) out += (out.empty() ? "" : " ") + x;
    return out.empty() ? "(none)" : out;
}

}  // namespace overens::test
