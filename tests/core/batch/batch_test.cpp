// A batch on several threads writes what one thread writes: the same bytes, the same lines on
// stdout and stderr in the same order, the same exit code; groups follow the organisations.
#include <gtest/gtest.h>

#include "engine/batch.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::test;
namespace fs = std::filesystem;

namespace {

// The samples of both organisations, three times over under other names, with the faulty ones
// (errors and warnings, cross-document ones too) in between.
std::vector<std::string> batchSources(const TempDir& dir) {
    std::vector<std::string> out;
    std::vector<fs::path> samples;
    for (const char* folder : {"kommun", "region", "faulty"})
        for (const auto& e : fs::directory_iterator(samplesDir() / folder)) samples.push_back(e.path());
    std::sort(samples.begin(), samples.end());
    for (int copy = 1; copy <= 3; ++copy)
        for (const auto& s : samples) {
            if (copy > 1 && s.parent_path().filename() == "faulty") continue;
            const fs::path to = dir / (s.stem().string() + "-" + std::to_string(copy) + ".xml");
            fs::copy_file(s, to);
            out.push_back(to.string());
        }
    return out;
}

std::map<std::string, std::string> filesIn(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out[e.path().filename().string()] = readFile(e.path());
    return out;
}

std::string withoutFolder(std::string s, const std::string& folder) {
    for (auto at = s.find(folder); at != std::string::npos; at = s.find(folder)) s.replace(at, folder.size(), "OUT");
    return s;
}

TEST(Batch, ThreadsWriteTheBytesOneThreadWrites) {
    TempDir dir;
    const std::vector<std::string> sources = batchSources(dir);
    std::map<std::string, std::string> reference;
    RunResult first;
    for (const char* jobs : {"1", "2", "3"}) {
        const fs::path out = dir / (std::string("out-") + jobs);
        std::vector<std::string> args{"build", "-j", jobs, "-o", out.string(), "--format", "odt,pdf,ics,md"};
        args.insert(args.end(), sources.begin(), sources.end());
        RunResult r = runOverens(args);
        r.out = withoutFolder(r.out, out.string());
        const auto files = filesIn(out);
        if (reference.empty()) {
            reference = files;
            first = r;
            EXPECT_EQ(r.exitCode, 1) << r.err;  // the faulty sources
            // Every valid sample ×3 in four formats, and the one faulty source with warnings only.
            std::size_t valid = 0;
            for (const char* folder : {"kommun", "region"})
                for (const auto& e : fs::directory_iterator(samplesDir() / folder)) valid += e.path().extension() == ".xml";
            EXPECT_EQ(files.size(), 4u * 3 * valid + 4) << r.out;
            EXPECT_NE(r.err.find("error: [delegation-order."), std::string::npos) << r.err;
            continue;
        }
        EXPECT_EQ(r.exitCode, first.exitCode) << "-j " << jobs;
        EXPECT_EQ(r.out, first.out) << "-j " << jobs;
        EXPECT_EQ(r.err, first.err) << "-j " << jobs;
        ASSERT_EQ(files.size(), reference.size()) << "-j " << jobs;
        for (const auto& [name, bytes] : reference) EXPECT_TRUE(files.at(name) == bytes) << name << " differs with -j " << jobs;
    }
}

TEST(Batch, ABadJobsValueIsAUsageError) {
    for (const char* bad : {"0", "x", "-3", ""}) {
        const RunResult r = runOverens({"build", "--jobs", bad, (samplesDir() / "kommun/exempelby-overenskommelse.xml").string()});
        EXPECT_EQ(r.exitCode, 2) << bad << ": " << r.err;
        EXPECT_NE(r.err.find("--jobs"), std::string::npos) << r.err;
    }
}

TEST(Batch, NoProgressLineWhenStderrIsNotATerminal) {
    TempDir dir;
    std::vector<std::string> args{"build", "-j", "2", "-o", (dir / "out").string(), "--format", "ics"};
    for (const char* f : {"kommun/exempelby-overenskommelse.xml", "region/exempelland-overenskommelse.xml"})
        args.push_back((samplesDir() / f).string());
    const RunResult r = runOverens(args);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
}

struct GroupFixture : ::testing::Test {
    Diagnostics setup;
    Engine engine{[] {
                      EngineOptions o;
                      o.templatesDir = sourceDir() / "templates";
                      o.pluginPath = {buildDir() / "lib/overens/plugins"};
                      return o;
                  }(),
                  setup};
};

TEST_F(GroupFixture, GroupsFollowTheOrganisationsInTheOrderTheyAppear) {
    const std::vector<std::string> files{
        (samplesDir() / "region/exempelland-overenskommelse.xml").string(),
        (samplesDir() / "kommun/exempelby-overenskommelse.xml").string(),
        (samplesDir() / "kommun/no-such-file.xml").string(),
        (samplesDir() / "region/exempelland-delegationsordning.xml").string(),
        (samplesDir() / "kommun/exempelby-instruktion-kommundirektor.xml").string(),
    };
    for (unsigned jobs : {1u, 2u}) {
        WorkQueue queue(jobs);
        const auto groups = groupByOrganisation(engine, files, queue);
        EXPECT_EQ(groups, (std::vector<std::vector<std::size_t>>{{0, 3}, {1, 4}, {2}})) << "jobs " << jobs;
    }
}

TEST_F(GroupFixture, TheCrossDocumentChecksSeeTheOrganisationsOtherDocuments) {
    // This delegation order names posts that the instruction of its organisation does not have.
    const std::string order = (samplesDir() / "faulty/delegation-role-not-in-organisation.xml").string();
    const std::string instruction = (samplesDir() / "kommun/exempelby-instruktion-kommundirektor.xml").string();
    const std::string otherOrganisation = (samplesDir() / "region/exempelland-instruktion-regiondirektor.xml").string();
    for (unsigned jobs : {1u, 2u}) {
        WorkQueue queue(jobs);
        std::vector<std::string> seen;
        BatchSteps steps;
        steps.checked = [&](const Prepared& p) {
            std::string codes;
            for (const auto& d : p.diags.all()) codes += " " + d.code;
            seen.push_back(fs::path(p.source.displayName).filename().string() + ":" + codes);
            return BatchReport{};
        };
        std::ostringstream out, err;
        runBatch(engine, {order, otherOrganisation, instruction}, steps, queue, out, err);
        ASSERT_EQ(seen.size(), 3u);
        EXPECT_NE(seen[0].find("delegation-role-not-in-organisation.xml:"), std::string::npos) << seen[0];
        EXPECT_NE(seen[0].find("delegation-order.role-not-in-organisation"), std::string::npos) << seen[0];
        EXPECT_EQ(seen[1], "exempelby-instruktion-kommundirektor.xml:") << "jobs " << jobs;
        EXPECT_EQ(seen[2], "exempelland-instruktion-regiondirektor.xml:") << "jobs " << jobs;

        // Beside another organisation's instruction only, it is not compared.
        seen.clear();
        runBatch(engine, {order, otherOrganisation}, steps, queue, out, err);
        ASSERT_EQ(seen.size(), 2u);
        EXPECT_EQ(seen[0].find("delegation-order.role-not-in-organisation"), std::string::npos) << seen[0];
    }
}

}  // namespace
