// The faulty samples of the board-adopted documents: each produces exactly the codes its leading
// comment lists ("expect: ..."), optionally built with the documents named in "build-with: ...".
#include <gtest/gtest.h>

#include <algorithm>

#include "plugin_test_util.hpp"

namespace overens::test::board {
namespace {

namespace fs = std::filesystem;

TEST(FaultySamples, EachProducesExactlyTheCodesItLists) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(samplesDir() / "faulty")) {
        const std::string name = e.path().filename().string();
        if (e.path().extension() == ".xml" && (name.rfind("delegation-", 0) == 0 || name.rfind("instruction-", 0) == 0))
            files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    ASSERT_GE(files.size(), 6u);
    for (const auto& f : files) {
        SCOPED_TRACE(f.filename().string());
        const auto expectedList = commentList(f, "expect");
        ASSERT_FALSE(expectedList.empty()) << "the file's comment lists no codes";
        const std::set<std::string> expected(expectedList.begin(), expectedList.end());
        std::vector<std::string> args{"validate", f.string()};
        for (const auto& other : commentList(f, "build-with")) args.push_back((f.parent_path() / other).string());
        const RunResult r = runOverens(args);
        const std::set<std::string> got = codesIn(r.err);
        EXPECT_EQ(got, expected) << "expected: " << joined(expected) << "\ngot: " << joined(got) << "\n" << r.err;
        bool anyError = r.err.find(": error: ") != std::string::npos;
        EXPECT_EQ(r.exitCode, anyError ? 1 : 0) << r.err;
    }
}

}  // namespace
}  // namespace overens::test::board
