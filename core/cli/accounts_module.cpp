// `overens user` as the module accounts.so (OpenSSL's PBKDF2 is loaded only for accounts and
// serve): its registration seam. See modules/module.hpp.
#include "command_line.hpp"
#include "modules/module.hpp"

namespace overens::cli {
int runUser(const CommandLine& cl);                       // cmd_user.cpp
void defineUserOptions(Poco::Util::OptionSet& options);  // cmd_user.cpp
}  // namespace overens::cli

OVERENS_MODULE(accounts, overens::cli::runUser, overens::cli::defineUserOptions, nullptr)
