// overens validate SOURCE...: diagnostics only, nothing written.
#include <iostream>

#include "cli_support.hpp"

namespace overens::cli {

int runValidate(const CommandLine& cl) {
    if (cl.args.empty()) throw UsageError("validate needs at least one SOURCE file");
    Diagnostics setup;
    Engine engine(engineOptions(cl), setup);
    const int setupCode = reportSetup(engine, setup, messageLanguage(cl), std::cerr);
    if (engine.kinds().empty()) return setupCode;
    const int code = reportPrepared(engine.prepare(cl.args), std::cerr);
    return code != kExitOk ? code : setupCode;
}

}  // namespace overens::cli
