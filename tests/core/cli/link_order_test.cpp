// The link choices that keep the dynamic loader's share of a short run small
// (cmake/OverensLinking.cmake, OverensPlugin.cmake): the libraries looked up most are searched
// first, and our own shared objects (the SDK, the modules, the plugins) bind calls to their own
// functions when they are linked.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "test_support.hpp"

using namespace overens::test;
namespace fs = std::filesystem;

namespace {

// The main program's search scope (LD_DEBUG=scopes): the executable, then the libraries in the
// order ld.so searches them for every symbol, by file name.
std::vector<std::string> searchScope() {
    const RunResult r = runOverens({"--version"}, {{"LD_DEBUG", "scopes"}});
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);) {
        const auto at = line.find(" scope 0: ");
        if (at == std::string::npos) continue;
        std::vector<std::string> names;
        std::istringstream words(line.substr(at + 10));
        for (std::string w; words >> w;) names.push_back(fs::path(w).filename().string());
        return names;
    }
    return {};
}

std::ptrdiff_t position(const std::vector<std::string>& scope, const std::string& prefix) {
    const auto it = std::find_if(scope.begin(), scope.end(), [&](const std::string& n) { return n.rfind(prefix, 0) == 0; });
    return it == scope.end() ? -1 : it - scope.begin();
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// The functions a shared object calls through its PLT (R_X86_64_JUMP_SLOT) although it defines
// them itself: each is a symbol lookup at run time that -Bsymbolic-functions makes a direct call.
std::set<std::string> ownFunctionsLookedUp(const fs::path& object) {
    std::set<std::string> defined, out;
    const RunResult nm = run({"nm", "-D", "--defined-only", object.string()});
    for (const auto& line : lines(nm.out)) {
        std::istringstream words(line);
        std::string address, type, name;
        if (words >> address >> type >> name) defined.insert(name);
    }
    const RunResult relocs = run({"readelf", "-r", "-W", object.string()});
    for (const auto& line : lines(relocs.out)) {
        std::istringstream words(line);
        std::string offset, info, type, value, name;
        if (words >> offset >> info >> type >> value >> name && type == "R_X86_64_JUMP_SLOT" && defined.count(name))
            out.insert(name);
    }
    return out;
}

}  // namespace

TEST(LinkOrder, TheLibrariesLookedUpMostAreSearchedFirst) {
    const auto scope = searchScope();
    ASSERT_FALSE(scope.empty()) << "no search scope in LD_DEBUG=scopes";
    EXPECT_EQ(scope.front(), "overens");
    // libPocoFoundation (BIND_NOW: about 4,000 lookups every run) first while the core uses it,
    // then libstdc++ (about 1,750), before the libraries looked up less.
    const auto foundation = position(scope, "libPocoFoundation.so"), cxx = position(scope, "libstdc++.so");
    ASSERT_GT(cxx, 0);
    if (foundation != -1) {
        EXPECT_EQ(foundation, 1) << "libPocoFoundation is not searched right after the executable";
        EXPECT_EQ(cxx, 2);
    } else {
        EXPECT_EQ(cxx, 1);
    }
    for (const char* later : {"liboverens_sdk.so", "libPocoZip.so", "libpugixml.so", "libexpat.so", "libc.so"}) {
        const auto at = position(scope, later);
        if (at != -1) {
            EXPECT_GT(at, cxx) << later << " is searched before libstdc++";
        }
    }
}

TEST(LinkOrder, OurSharedObjectsCallTheirOwnFunctionsDirectly) {
    if (!commandExists("readelf") || !commandExists("nm")) GTEST_SKIP() << "binutils (readelf, nm) are missing";
    std::vector<fs::path> objects{buildDir() / "lib/liboverens_sdk.so"};
    for (const fs::path& dir : {buildDir() / OVERENS_MODULE_DIR, buildDir() / "lib/overens/plugins"})
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.path().extension() == ".so") objects.push_back(entry.path());
    ASSERT_GT(objects.size(), 6u) << "no modules or plugins built";
    for (const auto& object : objects) {
        const auto own = ownFunctionsLookedUp(object);
        EXPECT_TRUE(own.empty()) << object << " looks up " << own.size() << " of its own functions at run time, e.g. "
                                 << *own.begin();
    }
    // The check can fail: a library linked without -Bsymbolic-functions does look its own up.
    TempDir dir;
    writeFile(dir / "own.cpp", "int twice(int x) { return 2 * x; }\nint four(int x) { return twice(twice(x)); }\n");
    const RunResult cc = run({"c++", "-O0", "-fPIC", "-shared", "-o", (dir / "libown.so").string(),
                              (dir / "own.cpp").string()});
    ASSERT_EQ(cc.exitCode, 0) << cc.err;
    EXPECT_EQ(ownFunctionsLookedUp(dir / "libown.so").count("_Z5twicei"), 1u);
}
