// The delegation order's header and value rules (issue 15) and its committee-aware title (issue 12):
// a substitute equal to the delegate, an order that does not show who adopted it and when, an
// order with nobody named, and acts renumbered or repealed since the order was adopted. Each is
// checked through the real command, with its file:line:col and in the document's language.
#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "plugin_test_util.hpp"

namespace overens::test::board {
namespace {

// The diagnostic lines of a code, and the 1-based line of the first line holding `needle`.
std::vector<std::string> diagnosticLines(const std::string& err, const std::string& code) {
    std::vector<std::string> out;
    std::istringstream in(err);
    std::string line;
    while (std::getline(in, line))
        if (line.find("[" + code + "]") != std::string::npos) out.push_back(line);
    return out;
}
int lineOf(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    return at == std::string::npos ? 0 : 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}
bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

struct Validated {
    RunResult r;
    std::string xml;
};
Validated validate(const std::string& xml) {
    TempDir dir;
    Validated v{validateSources(dir, {{"order.xml", xml}}), xml};
    return v;
}

// Validates `xml` and returns the one diagnostic line of `code` (empty when there is not exactly
// one), after checking it stands at the source line holding `at` and that the exit code is `exit`.
std::string onlyLineAt(const std::string& xml, const std::string& code, const std::string& at, int exit) {
    const Validated v = validate(xml);
    EXPECT_EQ(v.r.exitCode, exit) << v.r.err;
    const auto lines = diagnosticLines(v.r.err, code);
    EXPECT_EQ(lines.size(), 1u) << v.r.err;
    if (lines.size() != 1) return {};
    EXPECT_TRUE(has(lines[0], "order.xml:" + std::to_string(lineOf(xml, at)) + ":")) << lines[0];
    return lines[0];
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
}

TEST(DelegationOrderValues, SubstituteEqualToDelegateIsAWarningAtTheSubstitute) {
    const std::string row =
        R"(      <delegation number="1.1" matter="Avskriva fordringar" delegate="ekchef" substitute="ekchef"/>
)";
    const std::string line =
        onlyLineAt(delegationOrder(row), "delegation-order.substitute-is-delegate", "substitute=\"ekchef\"", 0);
    EXPECT_TRUE(has(line, ": warning: ")) << line;
    EXPECT_TRUE(has(line, "ingen kan besluta när delegaten har förhinder")) << line;

    // In English for an English order.
    const Validated en = validate(delegationOrder(row, {}, R"( reporting="report")", "en"));
    const auto enLines = diagnosticLines(en.r.err, "delegation-order.substitute-is-delegate");
    ASSERT_EQ(enLines.size(), 1u) << en.r.err;
    EXPECT_TRUE(has(enLines[0], "nobody can decide when the delegate is unavailable")) << enLines[0];
}

TEST(DelegationOrderValues, SubstituteUnderAnotherIdForTheSamePostIsTheSame) {
    const auto codes = codesOf(delegationOrder(
        R"(      <delegation number="1.1" matter="Avskriva fordringar" delegate="ekchef" substitute="ek2"/>
)",
        R"(    <role id="ek2" title="ekonomichef" kind="employee"/>
)"));
    EXPECT_TRUE(codes.count("delegation-order.substitute-is-delegate")) << joined(codes);
    // Another post as substitute is what the row should have.
    EXPECT_TRUE(codesOf(delegationOrder(R"(      <delegation number="1.1" matter="Avskriva fordringar" delegate="ekchef" substitute="kd"/>
)")).empty());
}

TEST(DelegationOrderValues, AnOrderWithoutRegistrationIsAnErrorAtTheSection) {
    const std::string row =
        R"(      <delegation number="1.1" matter="Avskriva fordringar" delegate="ekchef" substitute="kd"/>
)";
    std::string xml = delegationOrder(row);
    const auto from = xml.find("  <registration");
    xml.erase(from, xml.find('\n', from) - from + 1);
    const std::string line = onlyLineAt(xml, "delegation-order.no-registration", "  <delegation-order", 1);
    EXPECT_TRUE(has(line, "vem som antog den och när")) << line;
    EXPECT_TRUE(has(line, "6 kap. 37 §")) << line;
}

TEST(DelegationOrderValues, AnOrderNotYetAdoptedIsADraft) {
    const std::string xml = replaced(
        delegationOrder(R"(      <delegation number="1.1" matter="Avskriva fordringar" delegate="ekchef" substitute="kd"/>
)"),
        R"( adopted="2027-01-20")", "");
    EXPECT_FALSE(onlyLineAt(xml, "delegation-order.not-adopted", "<registration", 0).empty());
}

TEST(DelegationOrderValues, ACommitteesOrderNamesTheCommitteeAsAdoptingBody) {
    const std::string row =
        R"(      <delegation number="1.1" matter="Beslut om bistånd" delegate="ekchef" substitute="kd"/>
)";
    std::string xml = delegationOrder(row, {}, R"( reporting="report" committee="Socialnämnden")");
    xml = replaced(xml, R"( body="Kommunstyrelsen")", "");
    const auto codes = codesIn(validate(xml).r.err);
    EXPECT_TRUE(codes.count("delegation-order.adopting-body-missing")) << joined(codes);
    const std::string named = replaced(xml, R"(<registration dnr="KS 2027/0001")",
                                       R"(<registration dnr="KS 2027/0001" body="Socialnämnden")");
    EXPECT_TRUE(codesIn(validate(named).r.err).empty()) << validate(named).r.err;
}

TEST(DelegationOrderValues, AnOrderNamingNobodyIsAWarning) {
    std::string xml = delegationOrder(
        R"(      <delegation number="1.1" matter="Avskriva fordringar" delegate="ekchef" substitute="kd"/>
)");
    for (const char* line : {"  <party role=\"chair\"", "  <party role=\"director\""}) {
        const auto from = xml.find(line);
        xml.erase(from, xml.find('\n', from) - from + 1);
    }
    EXPECT_FALSE(onlyLineAt(xml, "delegation-order.no-party", "<organisation", 0).empty());
}

// A row's legal basis in an order adopted on `adopted`.
std::set<std::string> basisCodes(const std::string& matter, const std::string& basis, const std::string& adopted,
                                 std::string* err = nullptr) {
    std::string xml = delegationOrder(R"(      <delegation number="1.1" matter=")" + matter +
                                      R"(" delegate="ekchef" substitute="kd" legal-basis=")" + basis + R"("/>
)");
    xml = replaced(xml, R"(adopted="2027-01-20")", "adopted=\"" + adopted + "\"");
    const Validated v = validate(xml);
    if (err) *err = v.r.err;
    return codesIn(v.r.err);
}

TEST(DelegationOrderValues, TheOldSocialServicesActGetsTheActInForce) {
    std::string err;
    // Cited by its number: repealed on 2025-07-01.
    EXPECT_EQ(basisCodes("Beslut om bistånd", "4 kap. 1 § socialtjänstlagen (2001:453)", "2027-01-20", &err),
              std::set<std::string>{"delegation-order.old-act-reference"});
    EXPECT_TRUE(has(err, "socialtjänstlagen (2025:400)")) << err;
    // Cited by its short name in an order adopted while it applied: repealed since.
    EXPECT_EQ(basisCodes("Beslut om bistånd", "4 kap. 1 § SoL", "2024-03-01", &err),
              std::set<std::string>{"delegation-order.old-act-reference"});
    EXPECT_TRUE(has(err, "efter att ordningen antogs")) << err;
    EXPECT_TRUE(has(err, "socialtjänstlagen (2025:400)")) << err;
    // In an order adopted after 2025-07-01 "SoL" is the new act.
    EXPECT_TRUE(basisCodes("Beslut om bistånd", "SoL", "2027-01-20").empty());
}

TEST(DelegationOrderValues, TheFreedomOfThePressActsOldNumberingBefore2019) {
    std::string err;
    EXPECT_EQ(basisCodes("Beslut att inte lämna ut allmän handling", "2 kap. 14 § TF", "2027-01-20", &err),
              std::set<std::string>{"delegation-order.old-act-reference"});
    EXPECT_TRUE(has(err, "före 2019-01-01")) << err;
    EXPECT_TRUE(has(err, "2 kap. 17 §")) << err;
    // Right for an order adopted while the old numbering applied, and the new numbers are fine.
    EXPECT_TRUE(basisCodes("Beslut att inte lämna ut allmän handling", "2 kap. 14 § TF", "2018-06-01").empty());
    EXPECT_TRUE(basisCodes("Beslut att inte lämna ut allmän handling", "2 kap. 17 § TF", "2027-01-20").empty());
}

TEST(DelegationOrderValues, TheAdministrativeProcedureActsOldSections) {
    for (const auto& [matter, basis, now] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"Avvisa olämpligt ombud", "9 § FL", "14 §"},
             {"Omprövning av beslut", "27 § förvaltningslagen", "37-39 §§"},
             {"Rättelse av skrivfel", "26 § FL", "36 §"}}) {
        std::string err;
        EXPECT_EQ(basisCodes(matter, basis, "2027-01-20", &err),
                  std::set<std::string>{"delegation-order.old-act-reference"})
            << basis << "\n" << err;
        EXPECT_TRUE(has(err, now)) << err;
    }
    EXPECT_TRUE(basisCodes("Beslut att ett olämpligt ombud inte får medverka", "14 § FL", "2027-01-20").empty());
}

TEST(DelegationOrderTitle, NamesTheBodyThatAdoptedTheOrder) {
    TempDir dir;
    const std::string board = buildMarkdown(dir, samplesDir() / "kommun/exempelby-delegationsordning.xml");
    EXPECT_TRUE(has(board, "Delegationsordning för kommunstyrelsen")) << board.substr(0, 400);
    TempDir dir2;
    const std::string committee =
        buildMarkdown(dir2, samplesDir() / "kommun/exempelby-delegationsordning-socialnamnden.xml");
    EXPECT_TRUE(has(committee, "Delegationsordning för socialnämnden")) << committee.substr(0, 400);
    TempDir dir3;
    const std::string region = buildMarkdown(dir3, samplesDir() / "region/exempelland-delegationsordning.xml");
    EXPECT_TRUE(has(region, "Delegationsordning för regionstyrelsen")) << region.substr(0, 400);
    // English: the body's own name.
    TempDir dir4;
    writeFile(dir4 / "en.xml",
              delegationOrder(R"(<delegation number="1.1" matter="Write off claims" delegate="ekchef" substitute="kd"/>)",
                              {}, R"( reporting="report")", "en"));
    const std::string en = buildMarkdown(dir4, dir4 / "en.xml");
    EXPECT_TRUE(has(en, "Delegation order – Kommunstyrelsen")) << en.substr(0, 400);
}

}  // namespace
}  // namespace overens::test::board
