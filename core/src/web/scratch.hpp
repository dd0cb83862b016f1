// A private folder for temporary files (drafts being checked, a writer's LibreOffice profile),
// removed with everything in it when it goes out of scope.
#pragma once

#include <filesystem>

namespace overens::web {

struct ScratchFolder {
    ScratchFolder();
    ~ScratchFolder();
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;

    std::filesystem::path path;
};

}  // namespace overens::web
