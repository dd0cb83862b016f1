#include "web/login_limiter.hpp"

#include <algorithm>

namespace overens::web {

void LoginLimiter::expire(std::deque<Clock::time_point>& times, Clock::time_point now) const {
    while (!times.empty() && now - times.front() >= window_) times.pop_front();
}

std::chrono::seconds LoginLimiter::retryAfter(const std::string& key, Clock::time_point now) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = failures_.find(key);
    if (it == failures_.end()) return std::chrono::seconds(0);
    expire(it->second, now);
    if (it->second.size() < limit_) return std::chrono::seconds(0);
    // Refused until enough failures have left the window for one more attempt.
    const auto freeAt = it->second[it->second.size() - limit_] + window_;
    return std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(freeAt - now));
}

void LoginLimiter::failed(const std::string& key, Clock::time_point now) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (failures_.size() >= capacity_ && !failures_.count(key)) {
        for (auto it = failures_.begin(); it != failures_.end();) {
            expire(it->second, now);
            it = it->second.empty() ? failures_.erase(it) : std::next(it);
        }
        while (failures_.size() >= capacity_) {
            auto stalest = std::min_element(failures_.begin(), failures_.end(), [](const auto& a, const auto& b) {
                return a.second.back() < b.second.back();
            });
            failures_.erase(stalest);
        }
    }
    auto& times = failures_[key];
    expire(times, now);
    times.push_back(now);
    while (times.size() > limit_ * 2) times.pop_front();  // older ones cannot matter any more
}

void LoginLimiter::succeeded(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    failures_.erase(key);
}

}  // namespace overens::web
