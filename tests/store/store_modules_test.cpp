// The PostgreSQL client is loaded only by the commands that use a store (issue 16): never by
// --version, validate, schema or plugins.
#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace overens::test;

namespace {

bool loadsLibpq(const std::vector<std::string>& args) {
    const RunResult r = runOverens(args, {{"LD_DEBUG", "libs"}});
    return r.err.find("libpq.so") != std::string::npos || r.err.find("libPocoDataPostgreSQL") != std::string::npos;
}

TEST(StoreModules, OnlyTheStoreCommandsLoadThePostgresqlClient) {
    const std::string agreement = (samplesDir() / "kommun/exempelby-overenskommelse.xml").string();
    EXPECT_FALSE(loadsLibpq({"--version"}));
    EXPECT_FALSE(loadsLibpq({"validate", agreement}));
    EXPECT_FALSE(loadsLibpq({"schema", "agreement"}));
    EXPECT_FALSE(loadsLibpq({"plugins"}));
    TempDir out;
    EXPECT_FALSE(loadsLibpq({"build", "--format", "odt", "-o", out.path().string(), agreement}));
    // The control: the store command does load it (the check above can fail).
    EXPECT_TRUE(loadsLibpq({"store", "export", "x", out.path().string(), "--store", out.path().string()}));
}

}  // namespace
