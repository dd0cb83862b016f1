// Every complete sample validates clean, builds to every format with a writer, and each output
// passes the outside checkers (../shared/tools); each kind's exported grammar accepts its samples.
#include <gtest/gtest.h>

#include <set>

#include "test_support.hpp"

using namespace overens::test;
namespace fs = std::filesystem;

namespace {

// The organisations' folders: their documents are built together (cross-document checks).
std::vector<fs::path> organisationFolders() {
    return {samplesDir() / "kommun", samplesDir() / "region"};
}

std::vector<std::string> sourcesIn(const fs::path& folder) {
    std::vector<std::string> out;
    if (fs::is_directory(folder))
        for (const auto& e : fs::directory_iterator(folder))
            if (e.path().extension() == ".xml") out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::string rootKind(const std::string& file) {
    const std::string xml = readFile(file);
    std::size_t at = 0;
    while ((at = xml.find('<', at)) != std::string::npos) {
        if (xml[at + 1] != '?' && xml[at + 1] != '!') break;
        ++at;
    }
    const std::size_t end = xml.find_first_of(" >/\n", at + 1);
    return xml.substr(at + 1, end - at - 1);
}

std::string checker(const std::string& name) { return (sharedTools() / name).string(); }

}  // namespace

TEST(Samples, ThereAreCompleteSamplesForAMunicipalityAndARegion) {
    for (const auto& folder : organisationFolders()) {
        std::set<std::string> kinds;
        for (const auto& f : sourcesIn(folder)) kinds.insert(rootKind(f));
        EXPECT_TRUE(kinds.count("agreement")) << folder;
        EXPECT_TRUE(kinds.count("director-instruction")) << folder;
        EXPECT_TRUE(kinds.count("delegation-order")) << folder;
    }
}

TEST(Samples, EachOrganisationValidatesCleanTogether) {
    for (const auto& folder : organisationFolders()) {
        std::vector<std::string> args{"validate"};
        for (const auto& f : sourcesIn(folder)) args.push_back(f);
        auto r = runOverens(args);
        EXPECT_EQ(r.exitCode, 0) << folder << "\n" << r.err;
        EXPECT_EQ(r.err, "") << "warnings on a sample: " << r.err;
    }
}

TEST(Samples, BuildToEveryFormatAndPassTheCheckers) {
    TempDir out;
    for (const auto& folder : organisationFolders()) {
        std::vector<std::string> args{"build", "-o", out.path().string()};
        for (const auto& f : sourcesIn(folder)) args.push_back(f);
        auto r = runOverens(args);
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    std::size_t odt = 0, pdf = 0, ics = 0;
    for (const auto& e : fs::directory_iterator(out.path())) {
        const std::string path = e.path().string(), ext = e.path().extension().string();
        if (ext == ".odt") {
            ++odt;
            auto r = run({checker("odf-validate"), path});
            EXPECT_EQ(r.exitCode, 0) << path << "\n" << r.out << r.err;
        } else if (ext == ".pdf") {
            ++pdf;
            auto r = run({checker("pdf-check"), "--text-out", (out / "check.txt").string(), path});
            EXPECT_EQ(r.exitCode, 0) << path << "\n" << r.out << r.err;
        } else if (ext == ".ics") {
            ++ics;
            auto r = run({checker("ics-validate"), path});
            EXPECT_EQ(r.exitCode, 0) << path << "\n" << r.out << r.err;
        }
    }
    std::size_t sources = 0;
    for (const auto& folder : organisationFolders()) sources += sourcesIn(folder).size();
    EXPECT_GE(sources, 6u);
    EXPECT_EQ(odt, sources);
    EXPECT_EQ(pdf, sources);
    EXPECT_EQ(ics, sources);
}

TEST(Samples, TheExportedGrammarAcceptsEverySample) {
    if (!commandExists("jing")) GTEST_SKIP() << "jing is not installed";
    TempDir dir;
    for (const auto& folder : organisationFolders()) {
        for (const auto& f : sourcesIn(folder)) {
            const std::string kind = rootKind(f);
            const auto rng = dir / (kind + ".rng");
            if (!fs::exists(rng)) {
                ASSERT_EQ(runOverens({"schema", kind, "-o", rng.string()}).exitCode, 0) << kind;
            }
            auto r = run({"jing", rng.string(), f});
            EXPECT_EQ(r.exitCode, 0) << f << "\n" << r.out;
        }
    }
}
