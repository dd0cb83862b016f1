// The law read from the words (issue 12): Swedish inflection and compounds, the statute's own
// wording as errors and resemblances as warnings, what the drafter did not mark (urgent, appeal,
// sub-delegation), people that are not posts, acts with their dates, and a committee's own order.
#include <gtest/gtest.h>

#include "plugin_test_util.hpp"

namespace overens::test::board {
namespace {

namespace fs = std::filesystem;

std::set<std::string> codesFor(const std::string& rows, const std::string& extraRoles = {}) {
    return codesOf(delegationOrder(rows, extraRoles));
}

std::string row(const std::string& matter, const std::string& delegate = "kd", const std::string& more = {}) {
    return R"(      <delegation number="1.1" matter=")" + matter + R"(" delegate=")" + delegate + "\" " + more + "/>\n";
}

#define EXPECT_HAS(codes, code) EXPECT_TRUE((codes).count(code)) << "expected " << (code) << ", got: " << joined(codes)
#define EXPECT_CLEAN(codes) EXPECT_TRUE((codes).empty()) << "expected nothing, got: " << joined(codes)

TEST(LawReading, InflectedAndCompoundedGoalsAreErrors) {
    EXPECT_HAS(codesFor(row("Fastställa verksamhetsmålen för hemtjänsten")), "delegation-order.not-delegable");
    EXPECT_HAS(codesFor(row("Besluta om kvalitetsmålen i äldreomsorgen")), "delegation-order.not-delegable");
    EXPECT_HAS(codesFor(row("Ändra inriktningen för verksamheten vid fritidsgårdarna")), "delegation-order.not-delegable");
    // A goal of the delegate's own unit only resembles the law: a warning that category silences.
    EXPECT_HAS(codesFor(row("Fastställa mål för enheternas arbete")), "delegation-order.not-delegable-keyword");
    EXPECT_CLEAN(codesFor(row("Fastställa mål för enheternas arbete", "kd", R"(category="delegable")")));
}

TEST(LawReading, CourtCasesPurposesAndNegationsAreNotGoalsOrPrinciples) {
    EXPECT_CLEAN(codesFor(row("Föra kommunens talan i mål och ärenden vid allmän domstol")));
    EXPECT_CLEAN(codesFor(row("Bevilja bygglov för byggnader som avser fritidsändamål")));
    EXPECT_CLEAN(codesFor(row("Avge yttranden som inte är av principiell beskaffenhet")));
    EXPECT_CLEAN(codesFor(row("Bistånd i form av hemtjänst, omfattning upp till 60 timmar per månad")));
}

TEST(LawReading, CouncilSubmissionsAndCitizensProposalsInTheStatutesWordsAreErrors) {
    EXPECT_HAS(codesFor(row("Yttrande till kommunfullmäktige över motioner", "au")), "delegation-order.not-delegable");
    EXPECT_HAS(codesFor(row("Besvara medborgarförslaget om belysning", "au")), "delegation-order.not-delegable");
    const auto warned = codesFor(row("Besvara e-förslag från invånarna", "au"));
    EXPECT_HAS(warned, "delegation-order.not-delegable-keyword");
    EXPECT_FALSE(warned.count("delegation-order.not-delegable")) << joined(warned);
}

TEST(LawReading, StatementsOnAppealsOfTheWholeCommitteeButNotOfDelegatedDecisions) {
    EXPECT_HAS(codesFor(row("Avge yttrande när nämndens beslut i dess helhet har överklagats")),
               "delegation-order.not-delegable");
    EXPECT_CLEAN(codesFor(row("Avge yttrande när delegatens beslut har överklagats")));
    EXPECT_HAS(codesFor(row("Avge yttrande i ärenden om laglighetsprövning")), "delegation-order.not-delegable-keyword");
}

TEST(LawReading, TheUrgentFormulaOrItsSectionMakeARowUrgent) {
    EXPECT_HAS(codesFor(row("Besluta i ärenden som är så brådskande att styrelsens avgörande inte kan avvaktas")),
               "delegation-order.urgent-not-member");
    EXPECT_HAS(codesFor(row("Brådskande beslut", "kd", R"(legal-basis="KL 6 kap. 39 §")")),
               "delegation-order.urgent-not-member");
    EXPECT_HAS(codesFor(row("Besluta i ärenden som är så brådskande att styrelsens avgörande inte kan avvaktas", "ordf",
                            R"(reporting="minute")")),
               "delegation-order.urgent-not-reported");
    EXPECT_CLEAN(codesFor(row("Besluta i ärenden som är så brådskande att styrelsens avgörande inte kan avvaktas", "ordf")));
}

TEST(LawReading, AppealAndProcurementReadFromTheWordsBindTheAutomatedFunction) {
    EXPECT_HAS(codesFor(row("Besluta om avgift", "auto", R"(legal-basis="KL 13 kap.")")),
               "delegation-order.automated-not-allowed");
    EXPECT_HAS(codesFor(row("Tilldelningsbeslut i förnyad konkurrensutsättning", "auto", R"(appeal="administrative")")),
               "delegation-order.automated-not-allowed");
    EXPECT_CLEAN(codesFor(row("Förlänga parkeringstillstånd", "auto", R"(legal-basis="förvaltningsbesvär")")));
}

TEST(LawReading, AnElectedMemberMayNotPassTheDecisionOn) {
    EXPECT_HAS(codesFor(row("Beslut om representation med rätt att vidaredelegera", "ordf")),
               "delegation-order.sub-delegation-not-allowed");
    EXPECT_CLEAN(codesFor(row("Anställa personal, får vidaredelegeras", "kd")));
}

TEST(LawReading, PeopleAreNotPosts) {
    const std::string r = row("Beslut om tjänstledighet", "x");
    EXPECT_HAS(codesFor(r, R"(<role id="x" title="Anna Svensson" kind="employee"/>)"), "delegation-order.named-person");
    EXPECT_HAS(codesFor(r, R"(<role id="x" title="Ekonomichef Karin Lind" kind="employee"/>)"),
               "delegation-order.named-person");
    EXPECT_HAS(codesFor(r, R"(<role id="x" title="Lars" kind="employee"/>)"), "delegation-order.named-person");
    EXPECT_CLEAN(codesFor(r, R"(<role id="x" title="Anna-enhetens chef" kind="employee"/>)"));
    EXPECT_CLEAN(codesFor(r, R"(<role id="x" title="Karl Johans skolas rektor" kind="employee"/>)"));
    EXPECT_CLEAN(codesFor(r, R"(<role id="x" title="Per capsulam-handläggare" kind="employee"/>)"));
}

TEST(LawReading, ActsAreReadWithTheirDatesAndStructure) {
    EXPECT_HAS(codesFor(row("Bistånd", "kd", R"(legal-basis="SoL (2001:453) 4 kap. 1 §")")),
               "delegation-order.old-act-reference");
    EXPECT_HAS(codesFor(row("Registerutdrag", "kd", R"(legal-basis="Personuppgiftslagen")")),
               "delegation-order.old-act-reference");
    EXPECT_HAS(codesFor(row("Ledsagarservice", "kd", R"(legal-basis="LSS 45 §")")), "delegation-order.no-such-provision");
    EXPECT_HAS(codesFor(row("Startbesked", "kd", R"(legal-basis="PBL 17 kap. 2 §")")), "delegation-order.no-such-provision");
    EXPECT_HAS(codesFor(row("Firmateckning", "kd", R"(legal-basis="KL 6 kap. 52 §")")), "delegation-order.no-such-provision");
    EXPECT_CLEAN(codesFor(row("Startbesked", "kd", R"(legal-basis="PBL 10 kap. 23 §, 9 kap. 2 § första stycket")")));
    // The 1991 act's chapter on appeals, cited under the act in force; 10 kap. is now companies.
    EXPECT_HAS(codesFor(row("Yttrande i mål om laglighetsprövning enligt 10 kap. kommunallagen", "kd",
                            R"(category="delegable")")),
               "delegation-order.old-act-reference");
    EXPECT_CLEAN(codesFor(row("Ge ägardirektiv till helägda bolag", "au", R"(legal-basis="KL 10 kap. 3 §")")));
    // Adopted in 2027, "SoL" is the act in force (2025:400), whatever the old numbering said.
    EXPECT_CLEAN(codesFor(row("Bistånd", "kd", R"(legal-basis="SoL")")));
    TempDir dir;
    const RunResult r = validateSources(dir, {{"x.xml", delegationOrder(row("Bistånd", "kd", R"~(legal-basis="SoL (2001:453)")~"))}});
    EXPECT_NE(r.err.find("socialtjänstlagen (2025:400)"), std::string::npos) << "names the act in force: " << r.err;
}

std::string committeeOrder(const std::string& body, const std::string& extraRoles = {}) {
    std::string xml = delegationOrder(row("Bevilja bistånd i form av hemtjänst", "kd"), extraRoles);
    xml.replace(xml.find(R"(body="Kommunstyrelsen")"), 22, "body=\"" + body + "\"");
    xml.replace(xml.find(R"(<delegation-order reporting="report">)"), 37,
                R"(<delegation-order committee="Socialnämnden" reporting="report">)");
    return xml;
}

TEST(LawReading, ACommitteeAdoptsItsOwnOrder) {
    EXPECT_CLEAN(codesOf(committeeOrder("Socialnämnden")));
    TempDir dir;
    const RunResult r = validateSources(dir, {{"x.xml", committeeOrder("Kommunstyrelsen")}});
    EXPECT_EQ(codesIn(r.err), std::set<std::string>{"delegation-order.not-adopted-by-board"}) << r.err;
    EXPECT_NE(r.err.find("antas av Socialnämnden"), std::string::npos) << r.err;
}

TEST(LawReading, OnlyTheBoardsOwnOrderIsComparedWithTheDirectorInstruction) {
    const std::string extra = R"(<role id="hrchef" title="HR-chef" kind="employee"/>)";  // not a post of the instruction
    TempDir dir;
    const RunResult board = validateSources(
        dir, {{"order.xml", delegationOrder(row("Anställa personal", "hrchef"), extra)},
              {"instr.xml", instruction(kGoodInstructionBody)}});
    EXPECT_TRUE(codesIn(board.err).count("delegation-order.role-not-in-organisation")) << board.err;
    TempDir dir2;
    std::string sn = committeeOrder("Socialnämnden", extra);
    const RunResult committee = validateSources(dir2, {{"order.xml", sn}, {"instr.xml", instruction(kGoodInstructionBody)}});
    EXPECT_FALSE(codesIn(committee.err).count("delegation-order.role-not-in-organisation")) << committee.err;
    EXPECT_FALSE(codesIn(committee.err).count("director-instruction.delegation-order-mismatch")) << committee.err;
}

TEST(LawReading, TheVocabularyIsDataAJuristCanTune) {
    // A copy of the templates with one more rule: the same command reads it without recompiling.
    TempDir dir;
    const fs::path templates = dir / "templates";
    fs::copy(fs::path(OVERENS_TEST_SOURCE_DIR) / "templates", templates, fs::copy_options::recursive);
    const fs::path vocab = templates / "law" / "delegation-vocabulary.xml";
    std::string xml = readFile(vocab);
    xml.replace(xml.rfind("</vocabulary>"), 13,
                R"(<rule id="test-ice-cream" point="38.1.5" level="error" category="forbidden-by-law"><all>glassförsäljning*</all></rule></vocabulary>)");
    writeFile(vocab, xml);
    writeFile(dir / "x.xml", delegationOrder(row("Tillstånd för glassförsäljningen på torget")));
    EXPECT_TRUE(codesIn(runOverens({"validate", (dir / "x.xml").string()}).err).empty());
    // --templates reaches the plugin through the engine (Context::templatesDir).
    const RunResult tuned = runOverens({"validate", "--templates", templates.string(), (dir / "x.xml").string()});
    EXPECT_TRUE(codesIn(tuned.err).count("delegation-order.not-delegable")) << tuned.err;
    // So does $OVERENS_TEMPLATES, the engine's default when --templates is not given.
    const RunResult byEnv =
        runOverens({"validate", (dir / "x.xml").string()}, {{"OVERENS_TEMPLATES", templates.string()}});
    EXPECT_TRUE(codesIn(byEnv.err).count("delegation-order.not-delegable")) << byEnv.err;
    // Without its law data the plugin says so and goes on.
    fs::remove_all(templates / "law");
    const RunResult bare = runOverens({"validate", (dir / "x.xml").string()}, {{"OVERENS_TEMPLATES", templates.string()}});
    EXPECT_TRUE(codesIn(bare.err).count("delegation-order.law-data")) << bare.err;
    EXPECT_EQ(bare.exitCode, 0) << bare.err;
}

}  // namespace
}  // namespace overens::test::board
