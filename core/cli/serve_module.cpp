// `overens serve` as the module serve.so (the web face's Poco::Net server is loaded only for
// serve): its registration seam, built once core/cli/cmd_serve.cpp exists. See modules/module.hpp.
#include "command_line.hpp"
#include "modules/module.hpp"

namespace overens::cli {
int runServe(const CommandLine& cl);                       // cmd_serve.cpp
void defineServeOptions(OptionSet& options);  // cmd_serve.cpp
}  // namespace overens::cli

OVERENS_MODULE(serve, overens::cli::runServe, overens::cli::defineServeOptions, nullptr)
