// `overens build --format ics` on the sample agreements: every calendar passes ics-validate
// and imports into khal, and a rebuild gives the same bytes.
#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace overens::test;
namespace fs = std::filesystem;

TEST(IcsBuild, SamplesGiveValidStableCalendars) {
    std::vector<std::string> sources;
    for (const char* folder : {"kommun", "region"}) {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(samplesDir() / folder, ec))
            if (e.path().extension() == ".xml") sources.push_back(e.path().string());
    }
    if (sources.empty()) GTEST_SKIP() << "no sample agreements";
    std::sort(sources.begin(), sources.end());
    TempDir first, second;
    for (const TempDir* out : {&first, &second}) {
        std::vector<std::string> args{"build"};
        args.insert(args.end(), sources.begin(), sources.end());
        for (const char* a : {"--format", "ics", "-o"}) args.push_back(a);
        args.push_back(out->path().string());
        auto r = runOverens(args);
        ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    }
    int checked = 0;
    for (const auto& e : fs::directory_iterator(first.path())) {
        if (e.path().extension() != ".ics") continue;
        ++checked;
        const std::string bytes = readFile(e.path());
        EXPECT_EQ(bytes, readFile(second.path() / e.path().filename())) << e.path() << " differs between builds";
        EXPECT_NE(bytes.find("BEGIN:VEVENT\r\n"), std::string::npos);
        EXPECT_NE(bytes.find("BEGIN:VALARM\r\n"), std::string::npos);
        auto v = run({(sharedTools() / "ics-validate").string(), "--khal", e.path().string()}, {}, 120);
        EXPECT_EQ(v.exitCode, 0) << e.path() << "\n" << v.out << v.err;
    }
    EXPECT_EQ(checked, static_cast<int>(sources.size()));
    // The Swedish agreement recurs yearly: its calendar says so.
    const std::string agreement = readFile(first.path() / "exempelby-overenskommelse.ics");
    EXPECT_NE(agreement.find("RRULE:FREQ=YEARLY;INTERVAL=1\r\n"), std::string::npos) << agreement;
    EXPECT_NE(agreement.find("DTSTART;VALUE=DATE:20280120\r\n"), std::string::npos);
}
