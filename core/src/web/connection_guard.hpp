// Slow or half-open clients must not hold a worker: Poco's timeouts bound each read, not a whole
// request, so a client sending a header byte every few seconds would keep its thread forever.
// The guard gives each connection a deadline (set by the server as the request goes on: headers,
// body, response, keep-alive) and a watchdog thread shuts down the socket of any connection past
// it, which ends the blocked read at once.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>

namespace overens::web {

class ConnectionGuard {
public:
    using Clock = std::chrono::steady_clock;

    explicit ConnectionGuard(std::chrono::milliseconds tick = std::chrono::milliseconds(200));
    ~ConnectionGuard();  // stops the watchdog
    ConnectionGuard(const ConnectionGuard&) = delete;
    ConnectionGuard& operator=(const ConnectionGuard&) = delete;

    // A connection's socket, watched until leave(); the id names it in the calls below.
    std::uint64_t enter(int fd, Clock::time_point deadline);
    void setDeadline(std::uint64_t id, Clock::time_point deadline);
    void clearDeadline(std::uint64_t id);  // busy on our side (the app is working): no deadline
    void leave(std::uint64_t id);         // before the socket is closed: its fd may be reused
    std::size_t cutOff() const;           // connections shut down so far

private:
    struct Watched {
        int fd;
        Clock::time_point deadline;
        bool armed;
    };
    void watch();

    std::chrono::milliseconds tick_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::map<std::uint64_t, Watched> watched_;
    std::uint64_t next_ = 1;
    std::size_t cutOff_ = 0;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace overens::web
