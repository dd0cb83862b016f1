#include "web/scratch.hpp"

#include <Poco/TemporaryFile.h>

namespace overens::web {

ScratchFolder::ScratchFolder() : path(Poco::TemporaryFile::tempName()) { std::filesystem::create_directories(path); }

ScratchFolder::~ScratchFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
}

}  // namespace overens::web
