// Checks across the documents of one organisation built together: the delegation order's roles
// exist among the instruction's posts; the agreement and the instruction name the same director.
#include <gtest/gtest.h>

#include "plugin_test_util.hpp"

namespace overens::test::board {
namespace {

namespace fs = std::filesystem;

#define EXPECT_CODE(codes, code) EXPECT_TRUE((codes).count(code)) << "expected " << (code) << ", got: " << joined(codes)

// An agreement with only its header: enough for the facts the instruction compares with.
std::string agreementHeader(const std::string& organisation, const std::string& director) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<agreement lang="sv">
  <organisation type="kommun" name=")" + organisation + R"(" board="Kommunstyrelsen"/>
  <party role="chair" name="Eva Sten" title="Kommunstyrelsens ordförande"/>
  <party role="director" name=")" + director + R"(" title="Kommundirektör"/>
  <registration dnr="KS 2027/0003" adopted="2027-01-20"/>
</agreement>
)";
}

const std::string kRow =
    R"(      <delegation number="1.1" matter="Avskriva fordringar" delegate="ekchef" substitute="kd"/>
)";

TEST(CrossDocument, RolesOfTheDelegationOrderExistInTheInstruction) {
    TempDir dir;
    const RunResult good = validateSources(
        dir, {{"instr.xml", instruction(kGoodInstructionBody)}, {"order.xml", delegationOrder(kRow)}});
    EXPECT_EQ(good.exitCode, 0) << good.err;
    EXPECT_TRUE(codesIn(good.err).empty()) << good.err;

    TempDir dir2;
    const RunResult bad = validateSources(
        dir2, {{"instr.xml", instruction(kGoodInstructionBody)},
               {"order.xml", delegationOrder(kRow, R"(<role id="hrchef" title="HR-chef" kind="employee"/>)")}});
    EXPECT_EQ(codesIn(bad.err), std::set<std::string>{"delegation-order.role-not-in-organisation"}) << bad.err;
    EXPECT_NE(bad.err.find("order.xml"), std::string::npos) << "reported on the delegation order: " << bad.err;
    EXPECT_EQ(bad.exitCode, 1);
}

TEST(CrossDocument, OnlyHeadsOfDepartmentInTheInstructionSubDelegate) {
    // ekchef is an ordinary post in the instruction, but the order makes it a head of department.
    std::string order = delegationOrder(
        R"(      <delegation number="1.1" matter="Anstånd" delegate="ekchef" sub-delegation="ja"/>
)");
    order.replace(order.find(R"(<role id="ekchef" title="Ekonomichef" kind="employee"/>)"), 55,
                  R"(<role id="ekchef" title="Ekonomichef" kind="head-of-department"/>)");
    TempDir dir;
    const RunResult r = validateSources(dir, {{"instr.xml", instruction(kGoodInstructionBody)}, {"order.xml", order}});
    EXPECT_EQ(codesIn(r.err), std::set<std::string>{"delegation-order.not-head-of-department"}) << r.err;
    EXPECT_EQ(r.exitCode, 1) << "an error when the role sub-delegates: " << r.err;
}

TEST(CrossDocument, OnlyDocumentsOfTheSameOrganisationAreCompared) {
    std::string other = instruction(kGoodInstructionBody);
    other.replace(other.find("Testby kommun"), 13, "Annanby kommun");
    TempDir dir;
    const RunResult r = validateSources(
        dir, {{"instr.xml", other},
              {"order.xml", delegationOrder(kRow, R"(<role id="hrchef" title="HR-chef" kind="employee"/>)")}});
    EXPECT_TRUE(codesIn(r.err).empty()) << r.err;
    // Alone, the delegation order has nothing to compare with.
    EXPECT_TRUE(codesOf(delegationOrder(kRow, R"(<role id="hrchef" title="HR-chef" kind="employee"/>)")).empty());
}

TEST(CrossDocument, AgreementAndInstructionNameTheSameDirector) {
    TempDir dir;
    const RunResult bad = validateSources(
        dir, {{"instr.xml", instruction(kGoodInstructionBody)}, {"agreement.xml", agreementHeader("Testby kommun", "Per Ny")}});
    EXPECT_CODE(codesIn(bad.err), "director-instruction.director-mismatch");
    EXPECT_NE(bad.err.find("Per Ny"), std::string::npos) << bad.err;

    TempDir dir2;
    const RunResult same = validateSources(
        dir2, {{"instr.xml", instruction(kGoodInstructionBody)}, {"agreement.xml", agreementHeader("Testby kommun", "Olof Dahl")}});
    EXPECT_FALSE(codesIn(same.err).count("director-instruction.director-mismatch")) << same.err;

    TempDir dir3;
    const RunResult otherOrg = validateSources(
        dir3, {{"instr.xml", instruction(kGoodInstructionBody)}, {"agreement.xml", agreementHeader("Annanby kommun", "Per Ny")}});
    EXPECT_FALSE(codesIn(otherOrg.err).count("director-instruction.director-mismatch")) << otherOrg.err;
}

TEST(CrossDocument, InstructionRefersToTheDelegationOrderBuiltWithIt) {
    std::string order = delegationOrder(kRow);
    order.replace(order.find("KS 2027/0001"), 12, "KS 2027/0777");
    TempDir dir;
    const RunResult r = validateSources(dir, {{"instr.xml", instruction(kGoodInstructionBody)}, {"order.xml", order}});
    EXPECT_EQ(codesIn(r.err), std::set<std::string>{"director-instruction.delegation-order-mismatch"}) << r.err;
}

TEST(CrossDocument, SamplesOfEachOrganisationAreConsistent) {
    const std::vector<std::vector<std::string>> sets{
        {"kommun/exempelby-instruktion-kommundirektor.xml", "kommun/exempelby-delegationsordning.xml"},
        {"region/exempelland-instruktion-regiondirektor.xml", "region/exempelland-delegationsordning.xml"}};
    for (const auto& set : sets) {
        std::vector<std::string> args{"validate"};
        for (const auto& f : set) args.push_back((samplesDir() / f).string());
        const RunResult r = runOverens(args);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        EXPECT_TRUE(codesIn(r.err).empty()) << r.err;
    }
}

TEST(CrossDocument, SamplesAreConsistentWithTheAgreementOfTheSameOrganisation) {
    const std::vector<std::vector<std::string>> sets{
        {"kommun/exempelby-instruktion-kommundirektor.xml", "kommun/exempelby-delegationsordning.xml",
         "kommun/exempelby-overenskommelse.xml"},
        {"region/exempelland-instruktion-regiondirektor.xml", "region/exempelland-delegationsordning.xml",
         "region/exempelland-overenskommelse.xml"}};
    for (const auto& set : sets) {
        if (!fs::exists(samplesDir() / set.back())) {
            ADD_FAILURE() << "the agreement sample " << set.back() << " is missing";
            continue;
        }
        std::vector<std::string> args{"validate"};
        for (const auto& f : set) args.push_back((samplesDir() / f).string());
        const RunResult r = runOverens(args);
        const auto codes = codesIn(r.err);
        EXPECT_FALSE(codes.count("director-instruction.director-mismatch")) << r.err;
        EXPECT_FALSE(codes.count("delegation-order.role-not-in-organisation")) << r.err;
        EXPECT_EQ(r.exitCode, 0) << r.err;
    }
}

}  // namespace
}  // namespace overens::test::board
