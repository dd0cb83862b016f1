#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "engine/disk_queue.hpp"
#include "engine/work_queue.hpp"

namespace overens {
namespace {

TEST(DiskQueue, RunsTasksOnItsOwnThreads) {
    DiskQueue disk(2, 8);
    std::vector<std::future<std::thread::id>> ids;
    for (int i = 0; i < 20; ++i) ids.push_back(disk.submit([] { return std::this_thread::get_id(); }));
    for (auto& f : ids) EXPECT_NE(f.get(), std::this_thread::get_id());
}

TEST(DiskQueue, SubmitWaitsWhileTheLimitIsReached) {
    DiskQueue disk(1, 2);
    std::mutex m;
    std::condition_variable cv;
    bool open = false;
    auto blocked = [&] {
        std::unique_lock<std::mutex> lock(m);
        cv.wait(lock, [&] { return open; });
    };
    auto a = disk.submit(blocked);  // running
    auto b = disk.submit(blocked);  // queued: two pending
    std::atomic<bool> third{false};
    std::thread submitter([&] {
        auto c = disk.submit([] {});
        third = true;
        c.get();
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_FALSE(third) << "a third task was queued past the limit of two";
    {
        std::lock_guard<std::mutex> lock(m);
        open = true;
    }
    cv.notify_all();
    submitter.join();
    EXPECT_TRUE(third);
    a.get();
    b.get();
}

TEST(DiskQueue, AnIdleWorkQueueWaitsForItsResults) {
    // Nothing for the work queue to run: get() must still see the disk thread's result.
    for (unsigned jobs : {1u, 2u}) {
        WorkQueue queue(jobs);
        DiskQueue disk(1, 4, [&queue] { queue.wake(); });
        auto late = disk.submit([] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            return 7;
        });
        EXPECT_EQ(queue.get(late), 7) << "jobs " << jobs;
    }
}

TEST(DiskQueue, ATasksExceptionReachesItsFuture) {
    DiskQueue disk(1, 1);
    auto f = disk.submit([]() -> int { throw std::runtime_error("disk full"); });
    EXPECT_THROW(f.get(), std::runtime_error);
}

}  // namespace
}  // namespace overens
