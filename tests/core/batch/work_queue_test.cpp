#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <thread>

#include "engine/work_queue.hpp"

namespace overens {
namespace {

TEST(WorkQueue, OneJobRunsEveryTaskOnTheWaitingThread) {
    WorkQueue queue(1);
    EXPECT_EQ(queue.jobs(), 1u);
    const auto self = std::this_thread::get_id();
    auto f = queue.submit([] { return std::this_thread::get_id(); });
    EXPECT_EQ(queue.get(f), self);
}

TEST(WorkQueue, ResultsComeBackToTheirOwnFutures) {
    WorkQueue queue(3);
    std::vector<std::future<int>> results;
    for (int i = 0; i < 200; ++i) results.push_back(queue.submit([i] { return i * i; }));
    for (int i = 0; i < 200; ++i) EXPECT_EQ(queue.get(results[i]), i * i);
}

TEST(WorkQueue, UsesSeveralThreads) {
    WorkQueue queue(2);
    std::mutex m;
    std::set<std::thread::id> seen;
    std::atomic<int> running{0}, overlapped{0};
    std::vector<std::future<void>> results;
    for (int i = 0; i < 8; ++i)
        results.push_back(queue.submit([&] {
            if (++running > 1) ++overlapped;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            --running;
            std::lock_guard<std::mutex> lock(m);
            seen.insert(std::this_thread::get_id());
        }));
    for (auto& r : results) queue.get(r);
    EXPECT_EQ(seen.size(), 2u);  // the worker and the thread that waits
    EXPECT_GT(overlapped.load(), 0);
}

TEST(WorkQueue, ATaskCanWaitForTasksItSubmits) {
    // Every thread busy in a task that waits for tasks of its own: they must still finish.
    for (unsigned jobs : {1u, 2u, 4u}) {
        WorkQueue queue(jobs);
        std::vector<std::future<int>> outer;
        for (int i = 0; i < 16; ++i)
            outer.push_back(queue.submit([&queue, i] {
                std::vector<std::future<int>> inner;
                for (int k = 0; k < 4; ++k) inner.push_back(queue.submit([i, k] { return i * 10 + k; }));
                int sum = 0;
                for (auto& f : inner) sum += queue.get(f);
                return sum;
            }));
        for (int i = 0; i < 16; ++i) EXPECT_EQ(queue.get(outer[i]), 4 * i * 10 + 6) << "jobs " << jobs;
    }
}

TEST(WorkQueue, UrgentTasksRunFirst) {
    WorkQueue queue(1);  // nothing runs before the first get(): the order is the queue's
    std::vector<int> order;
    auto a = queue.submit([&] { order.push_back(1); });
    auto b = queue.submit([&] { order.push_back(2); }, true);
    auto c = queue.submit([&] { order.push_back(3); }, true);
    queue.get(a);
    queue.get(b);
    queue.get(c);
    EXPECT_EQ(order, (std::vector<int>{2, 3, 1}));
}

TEST(WorkQueue, ATasksExceptionReachesTheWaiter) {
    WorkQueue queue(2);
    auto f = queue.submit([]() -> int { throw std::runtime_error("broken"); });
    EXPECT_THROW(queue.get(f), std::runtime_error);
    auto g = queue.submit([] { return 7; });
    EXPECT_EQ(queue.get(g), 7);
}

}  // namespace
}  // namespace overens
