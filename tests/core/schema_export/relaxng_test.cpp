// `overens schema` exports a RELAX NG grammar that a real validator (jing) applies to sources.
#include <gtest/gtest.h>

#include "core_fixtures.hpp"

using namespace overens::test;

TEST(RelaxNgExport, JingAcceptsAGoodSourceAndRejectsABadOne) {
    if (!commandExists("jing")) GTEST_SKIP() << "jing is not installed";
    TempDir dir;
    const auto env = fixtureEnv(makeFixtureTemplates(dir));
    const auto rng = dir / "fixture.rng";
    auto exported = runOverens({"schema", "fixture", "-o", rng.string()}, env);
    ASSERT_EQ(exported.exitCode, 0) << exported.err;
    const std::string grammar = readFile(rng);
    EXPECT_NE(grammar.find("<define name=\"section.fixture\">"), std::string::npos);

    writeFile(dir / "good.xml", fixtureSample());
    auto good = run({"jing", rng.string(), (dir / "good.xml").string()});
    EXPECT_EQ(good.exitCode, 0) << good.out << good.err;

    std::string bad = fixtureSample();
    bad.replace(bad.find("due=\"2027-06-30\""), 16, "due=\"2027-06-31\"");
    bad.replace(bad.find("level=\"high\""), 12, "level=\"huge\"");
    writeFile(dir / "bad.xml", bad);
    auto rejected = run({"jing", rng.string(), (dir / "bad.xml").string()});
    EXPECT_NE(rejected.exitCode, 0);
    EXPECT_NE(rejected.out.find("bad.xml:11:"), std::string::npos) << rejected.out;
    EXPECT_NE(rejected.out.find("\"due\" is invalid"), std::string::npos) << rejected.out;
}

TEST(RelaxNgExport, UnknownKindIsAUsageError) {
    TempDir dir;
    auto r = runOverens({"schema", "letter"}, fixtureEnv(makeFixtureTemplates(dir)));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("unknown document kind 'letter'"), std::string::npos) << r.err;
}
