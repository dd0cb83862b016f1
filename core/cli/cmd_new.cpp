// overens new KIND [--lang sv|en] [--from EXISTING.xml] [-o FILE]: a complete, commented starting file.
#include "cli_support.hpp"

namespace overens::cli {

int runNew(const CommandLine&) { throw UsageError("new is not built yet"); }

}  // namespace overens::cli
