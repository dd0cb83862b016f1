#include <gtest/gtest.h>

#include <stdexcept>

#include "publish/publisher.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::test;

namespace {
std::size_t entries(const std::filesystem::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
    return n;
}
}  // namespace

TEST(Publication, NothingAppearsBeforeCommit) {
    TempDir dir;
    {
        Publication p(dir.path());
        p.stage("a.txt", [](std::ostream& out) { out << "new"; });
        EXPECT_FALSE(std::filesystem::exists(dir / "a.txt"));
        p.commit();
    }
    EXPECT_EQ(readFile(dir / "a.txt"), "new");
    EXPECT_EQ(entries(dir.path()), 1u);  // no temporary left behind
}

TEST(Publication, AFailedWriteLeavesTheEarlierFileAndNoTemporary) {
    TempDir dir;
    writeFile(dir / "a.txt", "earlier");
    writeFile(dir / "b.txt", "earlier b");
    {
        Publication p(dir.path());
        p.stage("a.txt", [](std::ostream& out) { out << "half"; });
        EXPECT_THROW(p.stage("b.txt",
                             [](std::ostream& out) {
                                 out << "partial";
                                 throw std::runtime_error("writer failed");
                             }),
                     std::runtime_error);
        // Not committed: the destructor removes what was staged.
    }
    EXPECT_EQ(readFile(dir / "a.txt"), "earlier");
    EXPECT_EQ(readFile(dir / "b.txt"), "earlier b");
    EXPECT_EQ(entries(dir.path()), 2u);
}

TEST(Publication, OneOfABatchAppearsAtCommitAndItsFolderIsSyncedWithTheBatch) {
    TempDir dir;
    writeFile(dir / "a.txt", "earlier");
    FolderSyncs folders;
    for (const char* name : {"a.txt", "b.txt"}) {
        const std::size_t before = entries(dir.path());
        Publication p(dir.path(), &folders);
        p.stage(name, [](std::ostream& out) { out << "new"; });
        EXPECT_EQ(entries(dir.path()), before + 1);  // the temporary, beside the earlier file if any
        EXPECT_NE(readFile(dir / name), "new");
        p.commit();
    }
    EXPECT_EQ(readFile(dir / "a.txt"), "new");
    EXPECT_EQ(readFile(dir / "b.txt"), "new");
    EXPECT_EQ(entries(dir.path()), 2u);
    EXPECT_NO_THROW(folders.sync());
}

TEST(Publication, AFolderThatCannotBeSyncedIsAnError) {
    FolderSyncs folders;
    std::filesystem::path gone;
    {
        TempDir dir;
        Publication p(dir.path(), &folders);
        p.stage("a.txt", [](std::ostream& out) { out << "new"; });
        p.commit();
        gone = dir.path();
    }
    try {
        folders.sync();
        FAIL() << "no error for a folder that is gone";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(gone.string()), std::string::npos) << e.what();
    }
}
