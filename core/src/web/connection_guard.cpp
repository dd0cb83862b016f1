#include "web/connection_guard.hpp"

#include <sys/socket.h>

namespace overens::web {

ConnectionGuard::ConnectionGuard(std::chrono::milliseconds tick) : tick_(tick), thread_([this] { watch(); }) {}

ConnectionGuard::~ConnectionGuard() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

std::uint64_t ConnectionGuard::enter(int fd, Clock::time_point deadline) {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::uint64_t id = next_++;
    watched_[id] = Watched{fd, deadline, true};
    return id;
}

void ConnectionGuard::setDeadline(std::uint64_t id, Clock::time_point deadline) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = watched_.find(id);
    if (it != watched_.end()) it->second = Watched{it->second.fd, deadline, true};
}

void ConnectionGuard::clearDeadline(std::uint64_t id) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = watched_.find(id);
    if (it != watched_.end()) it->second.armed = false;
}

void ConnectionGuard::leave(std::uint64_t id) {
    std::lock_guard<std::mutex> lock(mutex_);
    watched_.erase(id);
}

std::size_t ConnectionGuard::cutOff() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return cutOff_;
}

void ConnectionGuard::watch() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, tick_);
        const auto now = Clock::now();
        for (auto& [id, w] : watched_)
            if (w.armed && now >= w.deadline) {
                // The blocked read (or TLS handshake) returns at once; Poco then closes the
                // connection and its worker is free. Disarmed so it is done once.
                ::shutdown(w.fd, SHUT_RDWR);
                w.armed = false;
                ++cutOff_;
            }
    }
}

}  // namespace overens::web
