// One output file written through a temporary file and renamed into place (import, new, schema).
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

namespace overens::cli {

void publishFile(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write);

}  // namespace overens::cli
