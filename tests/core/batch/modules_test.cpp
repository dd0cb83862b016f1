// Commands load only what they use: the network, TLS and database libraries come with the module
// remind.so, libharu and qpdf with pdf.so. A missing module or one from another build is an
// error naming its file, and the other commands and formats go on working.
#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace overens::test;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kHeavy{"libPocoNet.so", "libPocoNetSSL.so", "libPocoCrypto.so", "libPocoData.so",
                                      "libPocoDataSQLite.so", "libssl.so", "libcrypto.so", "libsqlite3.so",
                                      "libqpdf.so", "libhpdf", "libhyphen.so", "libfontconfig.so"};

// The libraries the dynamic loader opened for a run (LD_DEBUG=libs), by file name.
std::set<std::string> heavyLoaded(const std::vector<std::string>& args) {
    const RunResult r = runOverens(args, {{"LD_DEBUG", "libs"}});
    std::set<std::string> out;
    for (const auto& lib : kHeavy)
        if (r.err.find("calling init: ") != std::string::npos && r.err.find(lib) != std::string::npos) out.insert(lib);
    return out;
}

std::string agreement() { return (samplesDir() / "kommun/exempelby-overenskommelse.xml").string(); }

TEST(Modules, CommandsThatNeedNoNetworkOrPdfDoNotLoadThem) {
    EXPECT_EQ(joined(heavyLoaded({"--version"})), "(none)");
    EXPECT_EQ(joined(heavyLoaded({"validate", agreement()})), "(none)");
    EXPECT_EQ(joined(heavyLoaded({"plugins"})), "(none)");
    EXPECT_EQ(joined(heavyLoaded({"schema", "agreement"})), "(none)");
    TempDir out;
    EXPECT_EQ(joined(heavyLoaded({"build", "--format", "odt,ics", "-o", out.path().string(), agreement()})), "(none)");
}

TEST(Modules, APdfOrRemindLoadsItsLibraries) {
    TempDir out;
    const auto pdf = heavyLoaded({"build", "--format", "pdf", "-o", out.path().string(), agreement()});
    // The PDF writer no longer needs libqpdf: libharu, hyphenation and font lookup come with it.
    EXPECT_TRUE(pdf.count("libhpdf") && pdf.count("libhyphen.so") && pdf.count("libfontconfig.so")) << joined(pdf);
    EXPECT_FALSE(pdf.count("libqpdf.so")) << joined(pdf);
    EXPECT_FALSE(pdf.count("libPocoNet.so")) << joined(pdf);
    const auto remind = heavyLoaded({"remind", "--today", "2027-01-01", (samplesDir() / "kommun").string()});
    EXPECT_TRUE(remind.count("libPocoNet.so") && remind.count("libsqlite3.so")) << joined(remind);
    EXPECT_FALSE(remind.count("libhpdf")) << joined(remind);
}

// The command alone in a prefix of its own, with the plugins and templates but no modules.
struct Prefix {
    TempDir dir;
    fs::path bin = dir / "bin/overens";
    fs::path modules = dir / OVERENS_MODULE_DIR;
    Prefix() {
        fs::create_directories(bin.parent_path());
        fs::copy_file(binary(), bin);
        fs::create_directories(dir / "lib/overens");
        fs::create_directory_symlink(buildDir() / "lib/overens/plugins", dir / "lib/overens/plugins");
        fs::create_directories(dir / "share/overens");
        fs::create_directory_symlink(sourceDir() / "templates", dir / "share/overens/templates");
        fs::create_directories(modules);
    }
    RunResult run(std::vector<std::string> args) const {
        args.insert(args.begin(), bin.string());
        return ::overens::test::run(args);
    }
};

TEST(Modules, AMissingModuleIsAnErrorNamingItsFile) {
    Prefix prefix;
    const RunResult remind = prefix.run({"remind", (samplesDir() / "kommun").string()});
    EXPECT_EQ(remind.exitCode, 2) << remind.err;
    EXPECT_NE(remind.err.find((prefix.modules / "remind.so").string() + ": error: [module.missing]"), std::string::npos)
        << remind.err;

    // Without pdf.so no PDF, and none of that document's outputs: the others are written.
    const fs::path out = prefix.dir / "out";
    const RunResult pdf = prefix.run({"build", "--format", "odt,pdf", "-o", out.string(), agreement()});
    EXPECT_EQ(pdf.exitCode, 2) << pdf.err;
    EXPECT_NE(pdf.err.find("[module.missing]"), std::string::npos) << pdf.err;
    EXPECT_NE(pdf.err.find((prefix.modules / "pdf.so").string()), std::string::npos) << pdf.err;
    EXPECT_FALSE(fs::exists(out / "exempelby-overenskommelse.odt"));
    const RunResult odt = prefix.run({"build", "--format", "odt", "-o", out.string(), agreement()});
    EXPECT_EQ(odt.exitCode, 0) << odt.err;
    EXPECT_TRUE(fs::exists(out / "exempelby-overenskommelse.odt"));

    const RunResult validate = prefix.run({"validate", agreement()});
    EXPECT_EQ(validate.exitCode, 0) << validate.err;
    // --help lists what it can, and says which module is missing.
    const RunResult help = prefix.run({"--help"});
    EXPECT_EQ(help.exitCode, 0) << help.err;
    EXPECT_NE(help.err.find("remind.so"), std::string::npos) << help.err;
}

TEST(Modules, AModuleOfAnotherBuildIsRefused) {
    Prefix prefix;
    fs::copy_file(OVERENS_TEST_OTHER_BUILD_MODULE, prefix.modules / "remind.so");
    const RunResult r = prefix.run({"remind", (samplesDir() / "kommun").string()});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find((prefix.modules / "remind.so").string() + ": error: [module.build]"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("overens 0.0.0-other"), std::string::npos) << r.err;
}

}  // namespace
