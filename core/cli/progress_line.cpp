#include "progress_line.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace overens::cli {

using Clock = std::chrono::steady_clock;

ProgressLine::ProgressLine(std::ostream& err, std::string lang)
    : err_(err),
      lang_(std::move(lang)), terminal_(&err == &std::cerr && isatty(STDERR_FILENO)), start_(Clock::now()) {}

ProgressLine::~ProgressLine() { clear(); }

void ProgressLine::clear() {
    if (!shown_) return;
    err_ << "\r\033[K" << std::flush;
    shown_ = false;
}

void ProgressLine::update(std::size_t done, std::size_t total) {
    if (!terminal_ || done >= total) return;
    const auto now = Clock::now();
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    if (elapsed < 1.0 || (shown_ && now - lastDrawn_ < std::chrono::milliseconds(100))) return;
    const double rate = done / elapsed;
    const long left = rate > 0 ? static_cast<long>((total - done) / rate + 0.5) : 0;
    char line[96];
    const bool en = lang_ == "en";
    std::snprintf(line, sizeof line, "  %zu/%zu %s \xc2\xb7 %.0f/s \xc2\xb7 %ld:%02ld %s", done, total,
                  en ? "documents" : "dokument", rate, left / 60, left % 60, en ? "left" : "kvar");
    err_ << "\r\033[K" << line << std::flush;
    shown_ = true;
    lastDrawn_ = now;
}

}  // namespace overens::cli
