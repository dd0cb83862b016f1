// Files the commands read whole and write atomically (import, new, schema).
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>

namespace overens::cli {

// One output file written through a temporary file and renamed into place.
void publishFile(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write);

struct CommandLine;
// To -o FILE (through publishFile) when given, else to standard output.
void writeOutput(const CommandLine& cl, const std::function<void(std::ostream&)>& write);

// A file's bytes; a UsageError naming it when it cannot be read.
std::string readInputFile(const std::filesystem::path& file);

}  // namespace overens::cli
