// SIGTERM while several threads publish (a batch writes its documents on every core): the
// signal handler runs on one thread while the others go on creating, registering and
// releasing temporaries. Whatever a thread was doing, no temporary of the run may be left.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "publish/publisher.hpp"
#include "test_support.hpp"

using namespace overens;
namespace fs = std::filesystem;

namespace {

// In a forked child: `threads` threads publish small files into `folder` until the process is
// stopped; the first commit is announced on `ready`.
[[noreturn]] void publishUntilStopped(const fs::path& folder, int threads, int ready) {
    std::atomic<bool> announced{false};
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&, t] {
            for (unsigned i = 0;; ++i) {
                try {
                    Publication p(folder);
                    p.stage("t" + std::to_string(t) + "-" + std::to_string(i % 4) + ".txt",
                            [](std::ostream& out) { out << "x"; });
                    p.commit();
                } catch (const std::exception&) {
                    // refused while the process is stopping
                }
                if (!announced.exchange(true)) (void)!::write(ready, "r", 1);
            }
        });
    for (auto& w : workers) w.join();
    std::_Exit(0);
}

std::vector<std::string> temporariesOf(const fs::path& folder, pid_t pid) {
    std::vector<std::string> left;
    const std::string mark = ".overens-" + std::to_string(pid) + "-";
    for (const auto& e : fs::directory_iterator(folder))
        if (e.path().filename().string().find(mark) != std::string::npos) left.push_back(e.path().filename().string());
    return left;
}

}  // namespace

TEST(SignalWhilePublishing, NoTemporaryLeftWhateverTheOtherThreadsWereDoing) {
    // tmpfs when there is one: fsync is free there, so the threads publish thousands of files a
    // second and a signal lands in every phase of it.
    const fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    std::mt19937 random(20261201);
    constexpr int kRuns = 40;
    int stopped = 0;
    std::vector<std::string> left;
    for (int run = 0; run < kRuns; ++run) {
        const fs::path folder = base / ("overens-signal-race-" + std::to_string(::getpid()) + "-" + std::to_string(run));
        fs::create_directories(folder);
        int pipefd[2];
        ASSERT_EQ(::pipe(pipefd), 0);
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            ::close(pipefd[0]);
            publishUntilStopped(folder, 4, pipefd[1]);
        }
        ::close(pipefd[1]);
        char c;
        ASSERT_EQ(::read(pipefd[0], &c, 1), 1) << "the child never published";
        ::close(pipefd[0]);
        std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(200, 5000)(random)));
        ::kill(child, SIGTERM);
        int status = 0;
        ASSERT_EQ(::waitpid(child, &status, 0), child);
        if (WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM) ++stopped;
        for (const auto& f : temporariesOf(folder, child)) left.push_back("run " + std::to_string(run) + ": " + f);
        fs::remove_all(folder);
    }
    EXPECT_EQ(stopped, kRuns);
    EXPECT_TRUE(left.empty()) << left.size() << " temporaries left, e.g. " << left.front();
}
