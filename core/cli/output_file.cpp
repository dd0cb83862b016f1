#include "output_file.hpp"

#include "publish/publisher.hpp"

namespace overens::cli {

void publishFile(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write) {
    const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
    Publication publication(folder);
    publication.stage(target.filename().string(), write);
    publication.commit();
}

}  // namespace overens::cli
