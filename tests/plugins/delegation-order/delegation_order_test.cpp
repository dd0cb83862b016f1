// The delegation-order plugin through the real command: each rule on a minimal bad input, silence
// on good input and on the samples, rendering in Swedish and English, the benchmark generator.
#include <gtest/gtest.h>

#include "plugin_test_util.hpp"

namespace overens::test::board {
namespace {

const std::string kGoodRow =
    R"(      <delegation number="1.1" matter="Avskriva fordringar" delegate="ekchef" substitute="kd" legal-basis="KL 7 kap. 5 §" limit="högst 1 pbb"/>
)";

std::set<std::string> rowCodes(const std::string& rows, const std::string& extraRoles = {},
                               const std::string& attrs = R"( reporting="report")") {
    return codesOf(delegationOrder(rows, extraRoles, attrs));
}

#define EXPECT_CODE(codes, code) EXPECT_TRUE((codes).count(code)) << "expected " << (code) << ", got: " << joined(codes)

TEST(DelegationOrder, MinimalGoodOrderIsSilent) {
    TempDir dir;
    const RunResult r = validateSources(dir, {{"good.xml", delegationOrder(kGoodRow)}});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(codesIn(r.err).empty()) << r.err;
}

TEST(DelegationOrder, NotDelegableCategoryIsAnError) {
    const auto c = rowCodes(R"(<delegation number="1.1" matter="Fastställa mål" delegate="kd" category="goals-direction-scope-quality"/>)");
    EXPECT_CODE(c, "delegation-order.not-delegable");
    TempDir dir;
    const RunResult r = validateSources(dir, {{"x.xml", delegationOrder(R"(<delegation number="1.1" matter="Yttra sig" delegate="au" category="citizen-proposal"/>)")}});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("6 kap. 38 §"), std::string::npos) << r.err;  // cites the lagrum
}

TEST(DelegationOrder, NotDelegableKeywordIsAWarningSilencedByCategory) {
    // The statute's own word is an error; a resemblance a warning.
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Besvara medborgarförslag" delegate="au"/>)"),
                "delegation-order.not-delegable");
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Besvara e-förslag från invånarna" delegate="au"/>)"),
                "delegation-order.not-delegable-keyword");
    EXPECT_TRUE(rowCodes(R"(<delegation number="1.1" matter="Yttrande av principiell vikt för grannkommunen" delegate="au" category="delegable"/>)")
                    .empty());
}

TEST(DelegationOrder, AutomatedDecisionFunctionBounds) {
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Tilldela kontrakt" delegate="auto" category="procurement"/>)"),
                "delegation-order.automated-not-allowed");
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Avgift" delegate="auto" appeal="kl13"/>)"),
                "delegation-order.automated-not-allowed");
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Anta anbud i upphandling" delegate="auto" appeal="administrative"/>)"),
                "delegation-order.automated-not-allowed");
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Anstånd" delegate="auto"/>)"),
                "delegation-order.automated-appeal-unknown");
    EXPECT_TRUE(rowCodes(R"(<delegation number="1.1" matter="Förlänga tillstånd" delegate="auto" appeal="administrative"/>)").empty());
    // Procurement is fine for people.
    EXPECT_TRUE(rowCodes(R"(<delegation number="1.1" matter="Tilldela kontrakt" delegate="kd" category="procurement"/>)").empty());
}

TEST(DelegationOrder, JointDelegationOfMemberAndEmployeeIsAnError) {
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Representation" delegate="ordf + kd"/>)"),
                "delegation-order.joint-delegate");
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Representation" delegate="kd + ekchef"/>)"),
                "delegation-order.joint-same-side");
    // Either of them alone is fine.
    EXPECT_TRUE(rowCodes(R"(<delegation number="1.1" matter="Representation" delegate="kd, ekchef"/>)").empty());
}

TEST(DelegationOrder, DelegateKindsTheLawDoesNotAllow) {
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Förfrågningsunderlag" delegate="konsult"/>)",
                         R"(<role id="konsult" title="Konsult" kind="contractor"/>)"),
                "delegation-order.delegate-not-allowed");
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Yttrande" delegate="sn"/>)",
                         R"(<role id="sn" title="Socialnämnden" kind="other-committee"/>)"),
                "delegation-order.delegate-not-allowed");
}

TEST(DelegationOrder, UrgentMattersOnlyToMembersAndReportedAtNextMeeting) {
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Brådskande ärenden" delegate="kd" urgent="ja"/>)"),
                "delegation-order.urgent-not-member");
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Brådskande ärenden" delegate="au" urgent="ja"/>)"),
                "delegation-order.urgent-not-member");
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Brådskande ärenden" delegate="ordf" urgent="ja" reporting="minute"/>)"),
                "delegation-order.urgent-not-reported");
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Brådskande ändringar" delegate="kd"/>)"),
                "delegation-order.urgent-keyword");
    EXPECT_TRUE(rowCodes(R"(<delegation number="1.1" matter="Brådskande ärenden" delegate="ordf" urgent="ja" legal-basis="KL 6 kap. 39 §"/>)")
                    .empty());
}

TEST(DelegationOrder, EveryDelegationIsReportedOrMinuted) {
    EXPECT_CODE(rowCodes(kGoodRow, {}, ""), "delegation-order.not-reported");
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Anstånd" delegate="ekchef" reporting="none"/>)"),
                "delegation-order.not-reported");
    EXPECT_TRUE(rowCodes(R"(<delegation number="1.1" matter="Anstånd" delegate="ekchef" reporting="minute"/>)", {}, "")
                    .empty());
    TempDir dir;
    const RunResult r = validateSources(dir, {{"x.xml", delegationOrder(kGoodRow, {}, "")}});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("6 kap. 40 §"), std::string::npos) << r.err;
}

TEST(DelegationOrder, SubDelegationOnlyByHeadOfDepartmentInOneStep) {
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Anstånd" delegate="ekchef" sub-delegation="ja"/>)"),
                "delegation-order.sub-delegation-not-allowed");
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Anstånd" delegate="kd" sub-delegate="ekchef"/>)"),
                "delegation-order.sub-delegation-not-allowed");
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Anstånd" delegate="kd" sub-delegation="ja" sub-delegate="ekchef > redov"/>)"),
                "delegation-order.sub-delegation-chain");
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Anstånd" delegate="kd" sub-delegation="ja" sub-delegate="ordf"/>)"),
                "delegation-order.sub-delegate-not-employee");
    EXPECT_TRUE(rowCodes(R"(<delegation number="1.1" matter="Anstånd" delegate="kd" sub-delegation="ja" sub-delegate="ekchef"/>)").empty());
}

TEST(DelegationOrder, RolesNumbersAndNamedPeople) {
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Anstånd" delegate="hrchef"/>)"),
                "delegation-order.unknown-role");
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Anstånd" delegate="kd" substitute="nobody"/>)"),
                "delegation-order.unknown-role");
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Anstånd" delegate="Olof Dahl"/>)"),
                "delegation-order.named-person");
    EXPECT_CODE(rowCodes(kGoodRow, R"(<role id="od" title="Olof Dahl" kind="employee"/>)"),
                "delegation-order.named-person");
    EXPECT_CODE(rowCodes(kGoodRow + kGoodRow), "delegation-order.duplicate-number");
    EXPECT_CODE(rowCodes(kGoodRow, R"(<role id="kd" title="Kommundirektör" kind="director"/>)"),
                "delegation-order.duplicate-role");
}

TEST(DelegationOrder, AdoptedByTheBoardItself) {
    std::string xml = delegationOrder(kGoodRow);
    xml.replace(xml.find(R"(body="Kommunstyrelsen")"), 22, R"(body="Kommunfullmäktige")");
    EXPECT_CODE(codesOf(xml), "delegation-order.not-adopted-by-board");
}

TEST(DelegationOrder, RoleIdsAreSingleWords) {
    EXPECT_CODE(rowCodes(kGoodRow, R"(<role id="hr chef" title="HR-chef" kind="employee"/>)"),
                "delegation-order.bad-role-id");
}

TEST(DelegationOrder, ReferenceInTheRepealedActsNumberingIsAWarning) {
    for (const std::string basis : {"KL 6 kap 33 §", "6 kap. 34 § KL", "KL 6:35", "kommunallagen (1991:900)"}) {
        TempDir dir;
        const RunResult r = validateSources(
            dir, {{"x.xml", delegationOrder(R"(<delegation number="1.1" matter="Anstånd" delegate="kd" legal-basis=")" +
                                            basis + R"("/>)")}});
        EXPECT_EQ(codesIn(r.err), std::set<std::string>{"delegation-order.old-act-reference"}) << basis << "\n" << r.err;
        EXPECT_EQ(r.exitCode, 0) << "a warning, not an error: " << r.err;
    }
    EXPECT_CODE(rowCodes(R"(<delegation number="1.1" matter="Brådskande" delegate="ordf" urgent="ja" legal-basis="KL 6 kap. 36 §"/>)"),
                "delegation-order.old-act-reference");
    EXPECT_TRUE(rowCodes(R"(<delegation number="1.1" matter="Anstånd" delegate="kd" legal-basis="KL 6 kap. 37 §, 7 kap. 5 §"/>)").empty());
}

TEST(DelegationOrder, SamplesValidateClean) {
    for (const char* s : {"kommun/exempelby-delegationsordning.xml", "region/exempelland-delegationsordning.xml"}) {
        const RunResult r = runOverens({"validate", (samplesDir() / s).string()});
        EXPECT_EQ(r.exitCode, 0) << s << "\n" << r.err;
        EXPECT_TRUE(codesIn(r.err).empty()) << s << "\n" << r.err;
    }
}

TEST(DelegationOrder, SamplesHaveFortyRowsOverTheRequiredAreas) {
    for (const char* s : {"kommun/exempelby-delegationsordning.xml", "region/exempelland-delegationsordning.xml"}) {
        const std::string xml = readFile(samplesDir() / s);
        std::size_t rows = 0;
        for (std::size_t at = xml.find("<delegation "); at != std::string::npos; at = xml.find("<delegation ", at + 1))
            ++rows;
        EXPECT_GE(rows, 40u) << s;
        for (const char* area : {"Personal", "Ekonomi", "Upphandling", "Juridik", "Information"})
            EXPECT_NE(xml.find(std::string("title=\"") + area), std::string::npos) << s << " lacks " << area;
    }
}

TEST(DelegationOrder, RenderingHoldsWordingAndValuesInSwedish) {
    TempDir dir;
    const std::string md = buildMarkdown(dir, samplesDir() / "kommun/exempelby-delegationsordning.xml");
    for (const char* expected : {"Allmänna bestämmelser", "Det som inte får delegeras", "Vidaredelegering",
                                 "Delegationsförteckning", "Avskriva fordringar som bedöms inte kunna drivas in",
                                 "högst 1 pbb per fordran", "Samhällsbyggnadschef", "Ersättare", "Lagrum",
                                 "Vidaredelegering medges: Upphchef, IT-chef eller Kommchef", "| KSO | 1:e v ordf |",
                                 "anmäls vid kommunstyrelsens närmast följande ordinarie sammanträde"})
        EXPECT_NE(md.find(expected), std::string::npos) << expected << "\n" << md.substr(0, 3000);
    EXPECT_EQ(md.find("[general-heading]"), std::string::npos);
}

TEST(DelegationOrder, EnglishBuildsWithEnglishWording) {
    TempDir dir;
    const std::string row =
        R"(<delegation number="1.1" matter="Write off claims" delegate="ekchef" substitute="kd" limit="at most 1 price base amount"/>)";
    writeFile(dir / "order-en.xml", delegationOrder(row, {}, R"( reporting="report")", "en"));
    const std::string md = buildMarkdown(dir, dir / "order-en.xml");
    for (const char* expected : {"General rules", "What may not be delegated", "Delegation list", "Write off claims",
                                 "at most 1 price base amount", "Sub-delegation", "Legal basis"})
        EXPECT_NE(md.find(expected), std::string::npos) << expected << "\n" << md.substr(0, 3000);
    EXPECT_EQ(md.find("Allmänna bestämmelser"), std::string::npos);
}

TEST(DelegationOrder, GeneratedBenchmarkOrderValidatesClean) {
    TempDir dir;
    const RunResult gen = run({"python3", OVERENS_TEST_GENERATOR, "1000", "-o", (dir / "gen.xml").string()});
    ASSERT_EQ(gen.exitCode, 0) << gen.err;
    const RunResult r = runOverens({"validate", (dir / "gen.xml").string()});
    EXPECT_EQ(r.exitCode, 0) << r.err.substr(0, 2000);
    EXPECT_TRUE(codesIn(r.err).empty()) << r.err.substr(0, 2000);
    const RunResult genEn =
        run({"python3", OVERENS_TEST_GENERATOR, "200", "--lang", "en", "-o", (dir / "gen-en.xml").string()});
    ASSERT_EQ(genEn.exitCode, 0) << genEn.err;
    const RunResult rEn = runOverens({"validate", (dir / "gen-en.xml").string()});
    EXPECT_EQ(rEn.exitCode, 0) << rEn.err.substr(0, 2000);
    EXPECT_TRUE(codesIn(rEn.err).empty()) << rEn.err.substr(0, 2000);
}

}  // namespace
}  // namespace overens::test::board
