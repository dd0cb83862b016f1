// Phase 2: reading headers, or taking them from the index when the file did not change.
#include <gtest/gtest.h>

#include <chrono>
#include <sstream>

#include "remind/read_sources.hpp"
#include "remind_fixtures.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::remind;
using namespace overens::test;
namespace fs = std::filesystem;

namespace {

struct Sources {
    TempDir dir;
    Diagnostics diags;
    Engine engine{EngineOptions{sourceDir() / "templates", {fs::path()}, ""}, diags};
    void source(const std::string& name, const SourceSpec& s) {
        writeFile(dir / name, sourceXml(s));
        fs::last_write_time(dir / name, fs::file_time_type::clock::now() - std::chrono::hours(1));
    }
    SourcesRead read(Index& index, std::ostream& err) {
        FoundSources found = findSources({dir.path().string()}, Texts{}, err);
        SourcesRead r = readSources(found, index, engine, "", err);
        sweepIndex(found, index, r.update);
        return r;
    }
};

}  // namespace

TEST(ReadSources, ParsesNewFilesThenTakesThemFromTheIndex) {
    Sources s;
    s.source("a.xml", SourceSpec{});
    writeFile(s.dir / "styles.xml", "<office:document-styles xmlns:office=\"x\"/>");
    fs::last_write_time(s.dir / "styles.xml", fs::file_time_type::clock::now() - std::chrono::hours(1));
    Index index;
    std::ostringstream err;
    SourcesRead first = s.read(index, err);
    EXPECT_EQ(first.files, 2u);
    EXPECT_EQ(first.parsed, 2u);
    EXPECT_EQ(first.sources, 1u);
    ASSERT_EQ(first.documents.size(), 1u);
    ASSERT_TRUE(first.documents[0].header);
    EXPECT_EQ(first.documents[0].header->dnr, "KS 2027/0042");
    EXPECT_EQ(first.update.headerRows.size(), 1u);
    EXPECT_EQ(first.update.folders.size(), 1u);  // the folder's row: a source and a non-source

    for (auto& [path, folder] : index)
        for (auto& [name, e] : folder) e.seen = false;  // as loaded from the state file
    SourcesRead second = s.read(index, err);
    EXPECT_EQ(second.parsed, 0u);
    EXPECT_EQ(second.sources, 1u);
    ASSERT_EQ(second.documents.size(), 1u);
    EXPECT_FALSE(second.documents[0].header);  // loaded later, only when due
    EXPECT_EQ(second.documents[0].next->iso(), "2028-01-20");
    EXPECT_TRUE(second.update.empty());
    EXPECT_TRUE(err.str().empty()) << err.str();
}

TEST(ReadSources, ErrorsAreNotIndexedAndGoneFilesAreDropped) {
    Sources s;
    SourceSpec bad;
    bad.adopted = "2027-02-30";
    s.source("bad.xml", bad);
    s.source("gone.xml", SourceSpec{});
    Index index;
    std::ostringstream err;
    SourcesRead first = s.read(index, err);
    EXPECT_TRUE(first.sourceErrors);
    EXPECT_NE(err.str().find("[source.bad-date]"), std::string::npos) << err.str();
    fs::remove(s.dir / "gone.xml");
    for (auto& [path, folder] : index)
        for (auto& [name, e] : folder) e.seen = false;
    SourcesRead second = s.read(index, err);
    EXPECT_EQ(second.parsed, 1u);  // bad.xml again; gone.xml no more
    EXPECT_EQ(second.update.dropHeaders.size(), 1u);
    EXPECT_TRUE(index.begin()->second.empty());
}
