// A few threads for the batch's work that waits on the disk (fsync, rename), so that the threads
// that write documents (WorkQueue, one per core) go on with the next document meanwhile. Bounded:
// submit() waits while `limit` tasks are queued or running, so the temporaries (and their file
// descriptors) waiting to be published stay few however fast the documents come.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace overens {

class DiskQueue {
public:
    // done: called after each task, once its result is ready (e.g. WorkQueue::wake).
    DiskQueue(unsigned threads, std::size_t limit, std::function<void()> done = {});
    ~DiskQueue();  // runs what is queued, then joins
    DiskQueue(const DiskQueue&) = delete;
    DiskQueue& operator=(const DiskQueue&) = delete;

    // Never wait for its result with the same queue's threads: wait with WorkQueue::get, which
    // writes other documents meanwhile.
    template <class F>
    auto submit(F f) -> std::future<decltype(f())> {
        auto task = std::make_shared<std::packaged_task<decltype(f())()>>(std::move(f));
        auto result = task->get_future();
        push([task] { (*task)(); });
        return result;
    }

private:
    void push(std::function<void()> task);
    void work();

    const std::size_t limit_;
    const std::function<void()> done_;
    std::mutex mutex_;
    std::condition_variable changed_;  // a task was queued or finished, or the queue stops
    std::deque<std::function<void()>> tasks_;
    std::size_t pending_ = 0;  // queued or running
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace overens
