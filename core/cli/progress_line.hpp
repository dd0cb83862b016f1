// The progress of a long batch on a terminal: "  120/1000 documents · 85/s · 0:10 left", redrawn
// in place on stderr and cleared at the end. Silent when stderr is not a terminal, and for short
// batches (it appears only after the first second).
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

namespace overens::cli {

class ProgressLine {
public:
    // Shown only if err is the terminal's stderr; lang: sv or en.
    ProgressLine(std::ostream& err, std::string lang);
    ~ProgressLine();                           // clears the line

    void update(std::size_t done, std::size_t total);
    // Clear the line before other output on stderr; the next update draws it again.
    void clear();

private:
    std::ostream& err_;
    std::string lang_;
    bool terminal_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point start_, lastDrawn_;
};

}  // namespace overens::cli
