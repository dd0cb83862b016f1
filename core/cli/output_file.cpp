#include "output_file.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_support.hpp"
#include "publish/publisher.hpp"

namespace overens::cli {

void publishFile(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write) {
    const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
    Publication publication(folder);
    publication.stage(target.filename().string(), write);
    publication.commit();
}

void writeOutput(const CommandLine& cl, const std::function<void(std::ostream&)>& write) {
    if (cl.has("output"))
        publishFile(cl.value("output"), write);
    else
        write(std::cout);
}

std::string readInputFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw UsageError("cannot read '" + file.string() + "'");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace overens::cli
