// OVERENS_REMIND_TIMING=1: the time of each phase on stderr (for the benchmark).
#pragma once

#include <chrono>
#include <cstdlib>
#include <ostream>

namespace overens::remind {

class PhaseTimer {
public:
    explicit PhaseTimer(std::ostream& err) : err_(err), on_(std::getenv("OVERENS_REMIND_TIMING") != nullptr) {}
    void done(const char* phase) {
        if (!on_) return;
        const auto now = std::chrono::steady_clock::now();
        err_ << "timing: " << phase << " "
             << std::chrono::duration_cast<std::chrono::microseconds>(now - start_).count() / 1000.0 << " ms\n";
        start_ = now;
    }

private:
    std::ostream& err_;
    bool on_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace overens::remind
