// Phase 1: which files the job looks at.
#include <gtest/gtest.h>

#include <sstream>

#include "remind/find_sources.hpp"
#include "remind/source_files.hpp"
#include "test_support.hpp"

using namespace overens::remind;
using namespace overens::test;
namespace fs = std::filesystem;

namespace {
std::vector<std::string> names(const FoundSources& f) {
    std::vector<std::string> out;
    for (const auto& c : f.candidates) out.push_back(f.displayOf(c.folder, c.name));
    std::sort(out.begin(), out.end());
    return out;
}
}  // namespace

TEST(FindSources, XmlFilesInFoldersRecursivelyHiddenOnesSkipped) {
    TempDir dir;
    for (const char* f : {"a/one.xml", "a/b/two.XML", "a/.hidden/three.xml", "a/.four.xml", "a/notes.txt"}) {
        fs::create_directories((dir / f).parent_path());
        writeFile(dir / f, "<agreement/>");
    }
    std::ostringstream err;
    const FoundSources f = findSources({(dir / "a").string() + "/"}, Texts{}, err);
    EXPECT_TRUE(err.str().empty()) << err.str();
    EXPECT_FALSE(f.unreadable);
    const std::string a = (dir / "a").string();
    EXPECT_EQ(names(f), (std::vector<std::string>{a + "/b/two.XML", a + "/one.xml"}));
    ASSERT_EQ(f.walkedRoots.size(), 1u);
    EXPECT_EQ(f.walkedRoots[0], a);
    for (const auto& c : f.candidates) EXPECT_GT(c.size, 0);
}

TEST(FindSources, NamedFilesOnceAndMissingPathsReported) {
    TempDir dir;
    writeFile(dir / "x.xml", "<agreement/>");
    std::ostringstream err;
    const std::string x = (dir / "x.xml").string();
    const FoundSources f = findSources({x, x, dir.path().string(), (dir / "nowhere").string()}, Texts{true}, err);
    // x.xml is named twice and lies in a searched folder: found once, as named.
    ASSERT_EQ(f.candidates.size(), 1u) << err.str();
    EXPECT_TRUE(f.candidates[0].explicitlyNamed || f.folders[f.candidates[0].folder].walked);
    EXPECT_TRUE(f.unreadable);
    EXPECT_NE(err.str().find("nowhere: error: [remind.no-such-path] the path does not exist"), std::string::npos)
        << err.str();
}

TEST(SourceFiles, SniffsTheRootElement) {
    TempDir dir;
    std::map<std::string, overens::DocumentKind> kinds{{"agreement", {}}};
    auto sniff = [&](const std::string& text) {
        writeFile(dir / "f.xml", text);
        return looksLikeSource((dir / "f.xml").string(), kinds);
    };
    EXPECT_TRUE(sniff("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->\n<agreement lang=\"sv\">"));
    EXPECT_TRUE(sniff("<document kind=\"x\"/>"));
    EXPECT_TRUE(sniff("<whatever\nkind=\"agreement\">"));
    EXPECT_FALSE(sniff("<office:document-styles xmlns:office=\"x\"/>"));
    EXPECT_TRUE(sniff("not xml at all"));  // the reader says why
    EXPECT_TRUE(hasXmlExtension("a.XmL"));
    EXPECT_FALSE(hasXmlExtension(".xml"));
    EXPECT_EQ(joinPath("/", "a"), "/a");
    EXPECT_EQ(joinPath("/b", "a"), "/b/a");
}
