// Publishing outputs: each file is written to a temporary file in its final folder and renamed
// into place only when every output of the document was written, so no half-written file
// ever appears and an earlier output survives a failed run.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace overens {

class Publication {
public:
    explicit Publication(std::filesystem::path folder);
    ~Publication();  // removes temporaries not committed
    Publication(const Publication&) = delete;
    Publication& operator=(const Publication&) = delete;

    // Write one output (name without folder) through fn into a temporary file. Throws on I/O
    // errors or whatever fn throws; the temporary is removed then.
    void stage(const std::string& name, const std::function<void(std::ostream&)>& fn);
    // Rename every staged file into place.
    void commit();
    std::vector<std::filesystem::path> published() const;

private:
    std::filesystem::path folder_;
    std::vector<std::pair<std::filesystem::path, std::filesystem::path>> staged_;  // temp -> final
    bool committed_ = false;
};

}  // namespace overens
