// `overens store` as the module store.so (the PostgreSQL client is loaded only by the commands
// that use a store): its registration seam. See modules/module.hpp.
#include "command_line.hpp"
#include "modules/module.hpp"

namespace overens::cli {
int runStore(const CommandLine& cl);                       // cmd_store.cpp
void defineStoreOptions(Poco::Util::OptionSet& options);  // cmd_store.cpp
}  // namespace overens::cli

OVERENS_MODULE(store, overens::cli::runStore, overens::cli::defineStoreOptions, nullptr)
