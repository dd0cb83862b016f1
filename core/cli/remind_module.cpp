// `overens remind` as the module remind.so (Poco Net, NetSSL, Crypto, Data, SQLite, PostgreSQL and the store are loaded
// only for remind): its registration seam. See modules/module.hpp.
#include "command_line.hpp"
#include "modules/module.hpp"

OVERENS_MODULE(remind, overens::cli::runRemind, overens::cli::defineRemindOptions, nullptr)
