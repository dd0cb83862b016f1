// The Markdown writer's output read by a CommonMark parser (Debian's cmark): strong and
// emphasised runs become <strong>/<em>, with the spaces around them outside the delimiters.
#include <gtest/gtest.h>

#include <regex>

#include "test_support.hpp"

using namespace overens::test;
namespace fs = std::filesystem;

namespace {
std::string html(const fs::path& md) {
    auto r = run({"cmark", "--to", "html", md.string()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return r.out;
}
}  // namespace

TEST(MarkdownCommonMark, StrongLabelsRenderInTheSamples) {
    if (!commandExists("cmark")) GTEST_SKIP() << "cmark missing";
    TempDir dir;
    auto r = runOverens({"build", (samplesDir() / "kommun" / "exempelby-overenskommelse.xml").string(), "-o",
                         dir.path().string(), "--format", "md"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string md = readFile(dir / "exempelby-overenskommelse.md");
    EXPECT_EQ(md.find(": **"), std::string::npos) << "a space before a closing **";
    const std::string h = html(dir / "exempelby-overenskommelse.md");
    // A label followed by the answer: "<strong>Label:</strong> text".
    EXPECT_TRUE(std::regex_search(h, std::regex("<strong>[^<]+:</strong> [^ <]"))) << h.substr(0, 3000);
    // No delimiter left over as text anywhere in the document.
    std::smatch m;
    EXPECT_FALSE(std::regex_search(h, m, std::regex(R"([^\\]\*\*)"))) << m.str(0);
}

TEST(MarkdownCommonMark, SpacesInsideStyledRunsMoveOutside) {
    if (!commandExists("cmark")) GTEST_SKIP() << "cmark missing";
    TempDir dir;
    // The title block's facts ("**Diarienummer:** KS ...") and every labelled answer of the
    // region's English agreement, through cmark as well.
    auto r = runOverens({"build", (samplesDir() / "region" / "exempelland-agreement-en.xml").string(), "-o",
                         dir.path().string(), "--format", "md"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string h = html(dir / "exempelland-agreement-en.md");
    EXPECT_EQ(h.find("** "), std::string::npos);
    EXPECT_EQ(h.find(" **"), std::string::npos);
    EXPECT_NE(h.find("<strong>"), std::string::npos);
}
