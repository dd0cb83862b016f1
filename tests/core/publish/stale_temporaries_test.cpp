// Temporaries left by killed runs are removed by the next publication of that name; those of a
// live run (locked) and files that are not ours stay.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>

#include "publish/publisher.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::test;
namespace fs = std::filesystem;

namespace {

// A file written "before this run started".
void writeOld(const fs::path& p, const std::string& text) {
    writeFile(p, text);
    fs::last_write_time(p, fs::last_write_time(p) - std::chrono::hours(1));
}

}  // namespace

TEST(StaleTemporaries, RemovedByTheNextPublicationOfThatName) {
    TempDir dir;
    writeOld(dir / ".a.odt.overens-999999-abcdefgh.tmp", "half an odt");
    writeOld(dir / ".a.odt.tmp8370baaaaa.tmp", "the old naming");
    writeOld(dir / ".b.odt.overens-999999-abcdefgh.tmp", "another output's");
    writeOld(dir / ".a.odt.mine.tmp", "not our pattern");
    writeOld(dir / "a.odt", "earlier");
    {
        Publication p(dir.path());
        p.stage("a.odt", [](std::ostream& out) { out << "new"; });
        p.commit();
    }
    EXPECT_EQ(readFile(dir / "a.odt"), "new");
    EXPECT_FALSE(fs::exists(dir / ".a.odt.overens-999999-abcdefgh.tmp"));
    EXPECT_FALSE(fs::exists(dir / ".a.odt.tmp8370baaaaa.tmp"));
    EXPECT_TRUE(fs::exists(dir / ".b.odt.overens-999999-abcdefgh.tmp"));  // not this output
    EXPECT_TRUE(fs::exists(dir / ".a.odt.mine.tmp"));
}

TEST(StaleTemporaries, ALockedOneAndARecentOneStay) {
    TempDir dir;
    const fs::path locked = dir / ".a.odt.overens-1-lockedaa.tmp";
    writeOld(locked, "a live run's");
    const int fd = ::open(locked.c_str(), O_RDONLY);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::flock(fd, LOCK_EX), 0);
    // flock locks belong to the open file description: a second open in this process conflicts.
    EXPECT_EQ(removeStaleTemporaries(dir.path(), "a.odt"), 0u);
    EXPECT_TRUE(fs::exists(locked));
    ::close(fd);
    writeFile(dir / ".a.odt.overens-2-recentaa.tmp", "written after this run started");
    EXPECT_EQ(removeStaleTemporaries(dir.path(), "a.odt"), 1u);  // the unlocked old one
    EXPECT_TRUE(fs::exists(dir / ".a.odt.overens-2-recentaa.tmp"));
}

TEST(StaleTemporaries, OurOwnTemporaryIsLockedWhileStaged) {
    TempDir dir;
    Publication p(dir.path());
    p.stage("a.odt", [](std::ostream& out) { out << "x"; });
    fs::path temp;
    for (const auto& e : fs::directory_iterator(dir.path())) temp = e.path();
    ASSERT_FALSE(temp.empty());
    const int fd = ::open(temp.c_str(), O_RDONLY);
    EXPECT_NE(::flock(fd, LOCK_EX | LOCK_NB), 0);
    ::close(fd);
    fs::last_write_time(temp, fs::last_write_time(temp) - std::chrono::hours(1));
    EXPECT_EQ(removeStaleTemporaries(dir.path(), "a.odt"), 0u);  // held: not stale
    p.commit();
    EXPECT_EQ(readFile(dir / "a.odt"), "x");
}
