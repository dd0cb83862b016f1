#include "engine/disk_queue.hpp"

#include <algorithm>

namespace overens {

DiskQueue::DiskQueue(unsigned threads, std::size_t limit, std::function<void()> done)
    : limit_(std::max<std::size_t>(1, limit)), done_(std::move(done)) {
    for (unsigned i = 0; i < std::max(1u, threads); ++i) threads_.emplace_back([this] { work(); });
}

DiskQueue::~DiskQueue() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    for (auto& t : threads_) t.join();
}

void DiskQueue::push(std::function<void()> task) {
    {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return pending_ < limit_; });
        tasks_.push_back(std::move(task));
        ++pending_;
    }
    changed_.notify_all();
}

void DiskQueue::work() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        changed_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
        if (tasks_.empty()) return;  // stopping, and nothing left
        auto task = std::move(tasks_.front());
        tasks_.pop_front();
        lock.unlock();
        task();
        if (done_) done_();
        lock.lock();
        --pending_;
        changed_.notify_all();
    }
}

}  // namespace overens
