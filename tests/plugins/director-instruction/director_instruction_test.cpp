// The director-instruction plugin through the real command: each rule on a minimal bad input,
// silence on good input and on the samples, rendering in Swedish and English.
#include <gtest/gtest.h>

#include "plugin_test_util.hpp"

namespace overens::test::board {
namespace {

#define EXPECT_CODE(codes, code) EXPECT_TRUE((codes).count(code)) << "expected " << (code) << ", got: " << joined(codes)

std::string without(std::string body, const std::string& part) {
    const auto at = body.find(part);
    if (at != std::string::npos) body.erase(at, part.size());
    return body;
}

TEST(DirectorInstruction, MinimalGoodInstructionIsSilent) {
    TempDir dir;
    const RunResult r = validateSources(dir, {{"good.xml", instruction(kGoodInstructionBody)}});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(codesIn(r.err).empty()) << r.err;
}

TEST(DirectorInstruction, MustSayHowTheDirectorLeadsTheAdministration) {
    const std::string body = without(kGoodInstructionBody,
                                     "<leadership>Kommundirektören leder förvaltningen genom en ledningsgrupp som möts "
                                     "varje vecka.</leadership>");
    TempDir dir;
    const RunResult r = validateSources(dir, {{"x.xml", instruction(body)}});
    EXPECT_CODE(codesIn(r.err), "director-instruction.no-leadership");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("7 kap. 2 §"), std::string::npos) << r.err;
}

TEST(DirectorInstruction, MustSetOutTheOtherTasks) {
    const std::string body = without(kGoodInstructionBody, "<economy>Kommundirektören leder budgetarbetet.</economy>");
    EXPECT_CODE(codesOf(instruction(body)), "director-instruction.no-tasks");
    EXPECT_TRUE(codesOf(instruction(body + "\n<task>Leda arbetet med översiktsplanen.</task>")).empty());
}

TEST(DirectorInstruction, AdoptedByTheBoardItself) {
    EXPECT_CODE(codesOf(instruction(kGoodInstructionBody, "Kommunfullmäktige")),
                "director-instruction.not-adopted-by-board");
    EXPECT_CODE(codesOf(instruction(kGoodInstructionBody, "Kommunstyrelsens arbetsutskott")),
                "director-instruction.not-adopted-by-board");
    EXPECT_TRUE(codesOf(instruction(kGoodInstructionBody, "kommunstyrelsen")).empty());
}

TEST(DirectorInstruction, NamesWhoActsWhenTheDirectorIsAway) {
    const std::string body = without(kGoodInstructionBody, R"(<acting post="bitr"/>)");
    TempDir dir;
    const RunResult r = validateSources(dir, {{"x.xml", instruction(body)}});
    EXPECT_EQ(codesIn(r.err), std::set<std::string>{"director-instruction.no-acting-director"}) << r.err;
    EXPECT_EQ(r.exitCode, 0) << "a warning: the law does not name it";
    const std::string self = std::string(kGoodInstructionBody).replace(
        std::string(kGoodInstructionBody).find(R"(<acting post="bitr"/>)"), 21, R"(<acting post="kd"/>)");
    EXPECT_CODE(codesOf(instruction(self)), "director-instruction.acting-is-director");
}

TEST(DirectorInstruction, PostsAreConsistent) {
    EXPECT_CODE(codesOf(instruction(std::string(kGoodInstructionBody) +
                                    R"(<post id="kd" title="Kommundirektör" kind="director"/>)")),
                "director-instruction.duplicate-post");
    EXPECT_CODE(codesOf(instruction(std::string(kGoodInstructionBody) +
                                    R"(<post id="x" title="X" kind="employee" reports-to="nobody"/>)")),
                "director-instruction.unknown-post");
    const std::string noPosts = without(without(without(kGoodInstructionBody,
                                                         R"(<post id="kd" title="Kommundirektör" kind="director"/>)"),
                                                 R"(<post id="bitr" title="Biträdande kommundirektör" kind="deputy-director" reports-to="kd"/>)"),
                                         R"(<post id="ekchef" title="Ekonomichef" kind="employee" reports-to="kd"/>)");
    EXPECT_CODE(codesOf(instruction(noPosts)), "director-instruction.no-posts");
}

TEST(DirectorInstruction, TitleFollowsTheBoardsDecision) {
    std::string body = kGoodInstructionBody;
    body.replace(body.find("<post-title>Kommundirektör"), 27, "<post-title>Kommunchef");
    EXPECT_CODE(codesOf(instruction(body)), "director-instruction.title-mismatch");
}

TEST(DirectorInstruction, SamplesValidateClean) {
    for (const char* s : {"kommun/exempelby-instruktion-kommundirektor.xml", "region/exempelland-instruktion-regiondirektor.xml"}) {
        const RunResult r = runOverens({"validate", (samplesDir() / s).string()});
        EXPECT_EQ(r.exitCode, 0) << s << "\n" << r.err;
        EXPECT_TRUE(codesIn(r.err).empty()) << s << "\n" << r.err;
    }
}

TEST(DirectorInstruction, RenderingHoldsWordingAndValuesInSwedish) {
    TempDir dir;
    const std::string md = buildMarkdown(dir, samplesDir() / "kommun/exempelby-instruktion-kommundirektor.xml");
    for (const char* expected : {"Instruktion för direktören", "Kommundirektör · enligt 7 kap. 2 §", "Direktörens ställning", "7 kap. 1 § kommunallagen",
                                 "Ledning av förvaltningen", "ledningsgrupp med avdelningscheferna",
                                 "Ställföreträdare", "När kommundirektören är frånvarande", "biträdande kommundirektör tillförordnad kommundirektör", "ekonomichefen", "KS 2027/0044",
                                 "Förvaltningsorganisationen", "Samhällsbyggnadschef", "KS 2023/0311"})
        EXPECT_NE(md.find(expected), std::string::npos) << expected << "\n" << md.substr(0, 4000);
}

TEST(DirectorInstruction, SwedishSamplesBuildInEnglish) {
    TempDir dir;
    const std::string md = buildMarkdown(dir, samplesDir() / "region/exempelland-instruktion-regiondirektor.xml",
                                         {"--lang", "en"});
    for (const char* expected : {"The director's position", "Acting director", "Adoption of the instruction",
                                 "regionledningskontoret"})
        EXPECT_NE(md.find(expected), std::string::npos) << expected << "\n" << md.substr(0, 3000);
}

TEST(DirectorInstruction, EnglishBuildsWithEnglishWording) {
    TempDir dir;
    const std::string header = R"(
  <organisation type="kommun" name="Testby kommun" board="Kommunstyrelsen" board-en="Municipal Executive Board"/>
  <party role="chair" name="Eva Sten" title="Chair of the Municipal Executive Board"/>
  <party role="director" name="Olof Dahl" title="Chief Executive"/>
)";
    const std::string body = R"(
    <post-title>Chief Executive</post-title>
    <administration>the executive office</administration>
    <leadership>The Chief Executive leads the office through a weekly management team.</leadership>
    <employer>The Chief Executive leads the work on skills supply.</employer>
    <post id="ce" title="Chief Executive" kind="director"/>
    <post id="deputy" title="Deputy Chief Executive" kind="deputy-director" reports-to="ce"/>
    <acting post="deputy"/>
    <delegation-order>KS 2027/0001</delegation-order>)";
    writeFile(dir / "instr-en.xml", instruction(body, "Municipal Executive Board", header, "en"));
    const RunResult v = runOverens({"validate", (dir / "instr-en.xml").string()});
    EXPECT_EQ(v.exitCode, 0) << v.err;
    EXPECT_TRUE(codesIn(v.err).empty()) << v.err;
    const std::string md = buildMarkdown(dir, dir / "instr-en.xml");
    for (const char* expected : {"Instruction for the Chief Executive", "The director's position", "Leading the administration",
                                 "weekly management team", "Acting director", "Deputy Chief Executive acts as",
                                 "Adoption of the instruction"})
        EXPECT_NE(md.find(expected), std::string::npos) << expected << "\n" << md.substr(0, 4000);
}

}  // namespace
}  // namespace overens::test::board
