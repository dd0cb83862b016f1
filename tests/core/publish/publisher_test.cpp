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
