// The faulty agreement samples: each produces exactly the codes its leading comment lists
// ("expect: ..."), through the real `overens validate`, with exit code 1 when any is an error.
#include <gtest/gtest.h>

#include <algorithm>

#include "agreement_test_util.hpp"

namespace overens::test::agreement {
namespace {

namespace fs = std::filesystem;

// The codes listed after "expect:" in the file's leading comment.
std::set<std::string> expectedCodes(const fs::path& file) {
    const std::string text = readFile(file);
    const auto at = text.find("expect:");
    std::set<std::string> out;
    if (at == std::string::npos) return out;
    const auto end = text.find_first_of("\n", at);
    std::istringstream in(text.substr(at + 7, end - at - 7));
    std::string code;
    while (in >> code)
        if (code != "-->") out.insert(code);
    return out;
}

std::vector<fs::path> faultyAgreements() {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(samplesDir() / "faulty"))
        if (e.path().extension() == ".xml" && e.path().filename().string().rfind("agreement-", 0) == 0)
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

TEST(FaultyAgreements, EachProducesExactlyTheCodesItLists) {
    const auto files = faultyAgreements();
    ASSERT_GE(files.size(), 4u);
    for (const auto& f : files) {
        SCOPED_TRACE(f.filename().string());
        const auto expected = expectedCodes(f);
        ASSERT_FALSE(expected.empty()) << "the file's comment lists no codes";
        const RunResult r = runOverens({"validate", f.string()});
        EXPECT_EQ(codesIn(r.err), expected) << "expected: " << joined(expected) << "\n" << r.err;
        const bool anyError = contains(r.err, ": error: ");
        EXPECT_EQ(r.exitCode, anyError ? 1 : 0) << r.err;
    }
}

TEST(FaultyAgreements, TogetherTheyCoverEveryRuleOfTheFourPlugins) {
    std::set<std::string> covered;
    for (const auto& f : faultyAgreements())
        for (const auto& c : expectedCodes(f)) covered.insert(c);
    for (const char* code : {"goals.no-goal-for-year", "goals.duplicate-priority", "goals.follow-up-after-review",
                             "goals.too-many-top-priorities", "co-leadership.no-recurring-meeting",
                             "division-of-work.no-owner",
                             "division-of-work.contradictory-owner", "collaboration-rules.behaviour-without-commitment",
                             "collaboration-rules.follow-up-after-review"})
        EXPECT_TRUE(covered.count(code)) << code;
}

TEST(FaultyAgreements, MessagesFollowTheDocumentsLanguageOrLang) {
    const fs::path sv = samplesDir() / "faulty" / "agreement-no-urgent-routine.xml";
    const RunResult inSwedish = runOverens({"validate", sv.string()});
    EXPECT_TRUE(contains(inSwedish.err, "<urgent> saknar <routine> (Rutin)")) << inSwedish.err;
    const RunResult inEnglish = runOverens({"validate", sv.string(), "--lang", "en"});
    EXPECT_TRUE(contains(inEnglish.err, "<urgent> lacks <routine> (Routine)")) << inEnglish.err;
    EXPECT_TRUE(contains(inEnglish.err, "(6 kap. 39 § KL)")) << inEnglish.err;
}

TEST(GoodAgreements, SamplesValidateCleanAndBuildToMarkdown) {
    for (const auto& f : goodSamples()) {
        SCOPED_TRACE(f.filename().string());
        const RunResult v = runOverens({"validate", f.string()});
        EXPECT_EQ(v.exitCode, 0) << v.err;
        EXPECT_TRUE(v.err.empty()) << v.err;
        TempDir out;
        const RunResult b = runOverens({"build", f.string(), "--format", "md", "-o", out.path().string()});
        EXPECT_EQ(b.exitCode, 0) << b.err;
        const fs::path md = out / (f.stem().string() + ".md");
        ASSERT_TRUE(fs::exists(md)) << b.err;
        const std::string text = readFile(md);
        EXPECT_FALSE(contains(text, "[")) << "a missing wording key shows as [key]";
    }
}

}  // namespace
}  // namespace overens::test::agreement
