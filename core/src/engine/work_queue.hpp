// A fixed set of worker threads for a batch. The thread that waits for a result works too: it
// runs queued tasks until its result is ready, so `jobs` threads are busy, and a task may itself
// submit tasks and wait for them without tying up the pool.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace overens {

class WorkQueue {
public:
    // jobs - 1 worker threads; with jobs <= 1 none, and every task runs on the thread that waits.
    explicit WorkQueue(unsigned jobs);
    ~WorkQueue();  // finishes the queued tasks, then joins
    WorkQueue(const WorkQueue&) = delete;
    WorkQueue& operator=(const WorkQueue&) = delete;

    unsigned jobs() const { return static_cast<unsigned>(workers_.size()) + 1; }

    // Queue a task; urgent ones run before the others (reading the next group before writing).
    template <class F>
    auto submit(F f, bool urgent = false) -> std::future<decltype(f())> {
        auto task = std::make_shared<std::packaged_task<decltype(f())()>>(std::move(f));
        auto result = task->get_future();
        push([task] { (*task)(); }, urgent);
        return result;
    }

    // The result (or the task's exception), running queued tasks while it is not ready. The
    // future may also come from elsewhere (a DiskQueue) if that calls wake() once it is ready.
    template <class T>
    T get(std::future<T>& result) {
        helpUntil([&] { return result.wait_for(std::chrono::seconds(0)) == std::future_status::ready; });
        return result.get();
    }

    // A result made outside the queue is ready: the threads waiting in get() look again.
    void wake();

private:
    void push(std::function<void()> task, bool urgent);
    void helpUntil(const std::function<bool()>& ready);
    void work();
    std::function<void()> next();  // the next task (mutex_ held; a task is queued)
    bool idle() const { return urgent_.empty() && tasks_.empty(); }

    std::mutex mutex_;
    std::condition_variable changed_;  // a task was queued or finished, or the queue stops
    std::deque<std::function<void()>> urgent_, tasks_;
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

}  // namespace overens
