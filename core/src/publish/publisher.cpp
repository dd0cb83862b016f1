#include "publish/publisher.hpp"

#include <Poco/TemporaryFile.h>

#include <fstream>
#include <stdexcept>

namespace overens {

namespace fs = std::filesystem;

Publication::Publication(fs::path folder) : folder_(std::move(folder)) {}

Publication::~Publication() {
    if (committed_) return;
    for (const auto& [temp, final] : staged_) {
        std::error_code ec;
        fs::remove(temp, ec);
    }
}

void Publication::stage(const std::string& name, const std::function<void(std::ostream&)>& fn) {
    const fs::path final = folder_ / name;
    // A hidden temporary beside the final file: same file system, so the rename is atomic.
    const fs::path temp = folder_ / ("." + name + "." + fs::path(Poco::TemporaryFile::tempName()).filename().string() + ".tmp");
    try {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error("cannot create " + temp.string());
        fn(out);
        out.flush();
        if (!out) throw std::runtime_error("cannot write " + temp.string());
        out.close();
        if (out.fail()) throw std::runtime_error("cannot write " + temp.string());
    } catch (...) {
        std::error_code ec;
        fs::remove(temp, ec);
        throw;
    }
    staged_.emplace_back(temp, final);
}

void Publication::commit() {
    for (const auto& [temp, final] : staged_) fs::rename(temp, final);
    committed_ = true;
}

std::vector<fs::path> Publication::published() const {
    std::vector<fs::path> out;
    for (const auto& entry : staged_) out.push_back(entry.second);
    return out;
}

}  // namespace overens
