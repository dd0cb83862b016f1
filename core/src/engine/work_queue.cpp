#include "engine/work_queue.hpp"

namespace overens {

WorkQueue::WorkQueue(unsigned jobs) {
    for (unsigned i = 1; i < jobs; ++i) workers_.emplace_back([this] { work(); });
}

WorkQueue::~WorkQueue() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    for (auto& w : workers_) w.join();
    // With no workers, tasks nobody waited for still run (their futures may be dropped).
    while (!idle()) next()();
}

std::function<void()> WorkQueue::next() {
    auto& queue = urgent_.empty() ? tasks_ : urgent_;
    auto task = std::move(queue.front());
    queue.pop_front();
    return task;
}

void WorkQueue::push(std::function<void()> task, bool urgent) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        (urgent ? urgent_ : tasks_).push_back(std::move(task));
    }
    changed_.notify_all();
}

void WorkQueue::wake() {
    { const std::lock_guard<std::mutex> lock(mutex_); }  // a waiter is either before its check or asleep
    changed_.notify_all();
}

void WorkQueue::helpUntil(const std::function<bool()>& ready) {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!ready()) {
        if (idle()) {
            changed_.wait(lock, [&] { return !idle() || ready(); });
            continue;
        }
        auto task = next();
        lock.unlock();
        task();
        lock.lock();
        changed_.notify_all();
    }
}

void WorkQueue::work() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        changed_.wait(lock, [&] { return stopping_ || !idle(); });
        if (idle()) return;  // stopping, and nothing left
        auto task = next();
        lock.unlock();
        task();
        lock.lock();
        changed_.notify_all();
    }
}

}  // namespace overens
