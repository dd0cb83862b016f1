// Login attempts, rate-limited: failed attempts are counted per key (an account name, a client
// address) in a sliding window; a key with `limit` failures in the window is refused until the
// oldest of them leaves it. Memory is bounded: at most `capacity` keys, the stalest forgotten.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace overens::web {

class LoginLimiter {
public:
    using Clock = std::chrono::steady_clock;

    LoginLimiter(std::size_t limit, std::chrono::seconds window, std::size_t capacity = 20000)
        : limit_(limit), window_(window), capacity_(capacity) {}

    // Zero when key may try now; else how long until it may.
    std::chrono::seconds retryAfter(const std::string& key, Clock::time_point now = Clock::now());
    void failed(const std::string& key, Clock::time_point now = Clock::now());
    // A successful login forgets the key's failures.
    void succeeded(const std::string& key);

private:
    void expire(std::deque<Clock::time_point>& times, Clock::time_point now) const;

    std::size_t limit_;
    std::chrono::seconds window_;
    std::size_t capacity_;
    std::mutex mutex_;
    std::map<std::string, std::deque<Clock::time_point>> failures_;
};

}  // namespace overens::web
