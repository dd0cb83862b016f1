// `overens serve` as the module serve.so (the web face's Poco::Net server is loaded only for
// serve): its registration seam, built once core/cli/cmd_serve.cpp exists. See modules/module.hpp.
#include "command_line.hpp"
#include "modules/module.hpp"

namespace overens::cli {
int runServe(const CommandLine& cl);  // cmd_serve.cpp
}

// Options of its own: name their function here in place of nullptr (as remind_module.cpp does).
OVERENS_MODULE(serve, overens::cli::runServe, nullptr, nullptr)
