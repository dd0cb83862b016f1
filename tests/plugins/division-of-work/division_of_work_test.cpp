// The division-of-work plugin through the real engine: each rule on a minimal bad input,
// silence on the good input and the samples, rendering in Swedish and English.
#include <gtest/gtest.h>

#include "agreement_test_util.hpp"

namespace overens::test::agreement {
namespace {

#define EXPECT_CODE(codes, code) EXPECT_TRUE((codes).count(code)) << "expected " << (code) << ", got: " << joined(codes)

Parts withAreas(const std::string& areas) {
    Parts p;
    p.division = "<division-of-work>\n" + areas + "\n</division-of-work>";
    return p;
}

TEST(DivisionOfWork, SamplesAreSilent) {
    EXPECT_TRUE(sampleCodes("division-of-work.").empty()) << joined(sampleCodes("division-of-work."));
}

TEST(DivisionOfWork, EveryAreaHasAnOwner) {
    const std::string xml = agreementXml(withAreas("<area name=\"Budget\" owner=\"chair\"/>\n<area name=\"Medier\"/>"));
    TempDir dir;
    const Checked c = check(xml, dir);
    EXPECT_EQ(c.codes(), std::set<std::string>{"division-of-work.no-owner"}) << c.dumped();
    const Diagnostic* d = c.find("division-of-work.no-owner");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Error);
    EXPECT_EQ(d->where.line, lineOf(xml, "<area name=\"Medier\""));
    EXPECT_TRUE(contains(d->message_sv, "\"Medier\"")) << d->message_sv;
}

TEST(DivisionOfWork, NoAreaIsBothTheChairsAloneAndTheDirectorsAlone) {
    const std::string xml = agreementXml(
        withAreas("<area name=\"Budget\" owner=\"chair\"/>\n<area name=\"Personal\" owner=\"director\"/>\n"
                  "<area name=\" budget \" owner=\"director\"/>"));
    TempDir dir;
    const Checked c = check(xml, dir);
    EXPECT_EQ(c.codes(), std::set<std::string>{"division-of-work.contradictory-owner"}) << c.dumped();
    const Diagnostic* d = c.find("division-of-work.contradictory-owner");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->where.line, lineOf(xml, "<area name=\" budget \""));
    EXPECT_TRUE(contains(d->message_sv, "rad " + std::to_string(lineOf(xml, "<area name=\"Budget\"")))) << d->message_sv;
    // Listed jointly as well as by one of them is no contradiction, only a duplicate.
    EXPECT_EQ(codesOf(withAreas("<area name=\"Budget\" owner=\"chair\"/><area name=\"Budget\" owner=\"joint\" "
                                "forum=\"Presidiet\"/>")),
              std::set<std::string>{"division-of-work.duplicate-area"});
}

TEST(DivisionOfWork, TheSameAreaTwiceIsAWarning) {
    TempDir dir;
    const Checked c =
        check(agreementXml(withAreas("<area name=\"Budget\" owner=\"chair\"/><area name=\"Budget\" owner=\"chair\"/>")), dir);
    const Diagnostic* d = c.find("division-of-work.duplicate-area");
    ASSERT_NE(d, nullptr) << c.dumped();
    EXPECT_EQ(d->severity, Severity::Warning);
}

TEST(DivisionOfWork, AJointAreaNeedsAForum) {
    EXPECT_EQ(codesOf(withAreas("<area name=\"Medier\" owner=\"joint\"/>")),
              std::set<std::string>{"division-of-work.joint-without-forum"});
    EXPECT_TRUE(codesOf(withAreas("<area name=\"Medier\" owner=\"joint\" forum=\"Måndagsmötet\"/>")).empty());
}

TEST(DivisionOfWork, CoreReportsAnUnknownOwnerAndNoAreas) {
    EXPECT_CODE(codesOf(withAreas("<area name=\"Budget\" owner=\"both\"/>")), "source.bad-choice");
    EXPECT_CODE(codesOf(withAreas("")), "source.missing-field");
}

const std::string kAreas = R"(
  <intro>Gäller mellan oss två.</intro>
  <area name="Mål och budget" owner="chair" contact="Eva" forum="Styrelsen"><politics>Föreslår ramar i juni.</politics><administration>Tar fram underlag.</administration></area>
  <area name="Organisation" owner="director"><administration>Beslutar om organisationen.</administration></area>
  <area name="Kommunikation" owner="joint" forum="Måndagsmötet"><politics>Uttalar sig om vägval.</politics></area>
)";

TEST(DivisionOfWork, RendersWordingAndValuesInSwedish) {
    const Built b = build(withAreas(kAreas));
    EXPECT_TRUE(contains(b.text, "Vem gör vad")) << b.text;
    EXPECT_TRUE(contains(b.text, "de förtroendevalda bestämmer vad som ska göras och när")) << b.text;
    EXPECT_TRUE(contains(b.text, "Område\nÄgs av\nKontakt\nForum")) << b.text;
    EXPECT_TRUE(contains(b.text, "Gemensamt (gyllene zonen)")) << b.text;
    EXPECT_TRUE(contains(b.text, "Områden där ordföranden leder")) << b.text;
    EXPECT_TRUE(contains(b.text, "Områden där direktören leder")) << b.text;
    EXPECT_TRUE(contains(b.text, "Områden vi äger tillsammans")) << b.text;
    EXPECT_TRUE(contains(b.text, "Politikens del: Föreslår ramar i juni.")) << b.text;
    for (const char* v : {"Mål och budget", "Gäller mellan oss två.", "Tar fram underlag.", "Måndagsmötet"})
        EXPECT_TRUE(hasValue(b.document, v)) << v;
    // Grouped by owner: the chair's areas, then the director's, then the joint ones.
    EXPECT_LT(b.text.find("Områden där ordföranden leder"), b.text.find("Områden där direktören leder"));
    EXPECT_LT(b.text.find("Områden där direktören leder"), b.text.find("Områden vi äger tillsammans"));
    EXPECT_FALSE(b.diags.hasCode("template.missing-key")) << dump(b.diags);
}

TEST(DivisionOfWork, RendersInEnglish) {
    Parts p = withAreas(kAreas);
    p.lang = "en";
    const Built b = build(p);
    EXPECT_TRUE(contains(b.text, "Who does what")) << b.text;
    EXPECT_TRUE(contains(b.text, "Jointly (golden zone)")) << b.text;
    EXPECT_TRUE(contains(b.text, "Areas where the chair leads")) << b.text;
    EXPECT_TRUE(contains(b.text, "The politicians' part: Föreslår ramar i juni.")) << b.text;
    EXPECT_FALSE(b.diags.hasCode("template.missing-key")) << dump(b.diags);
}

}  // namespace
}  // namespace overens::test::agreement
