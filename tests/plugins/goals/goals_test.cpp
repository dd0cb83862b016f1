// The goals plugin through the real engine and command: each rule on a minimal bad input,
// silence on the good input and the samples, rendering in Swedish and English.
#include <gtest/gtest.h>

#include "agreement_test_util.hpp"

namespace overens::test::agreement {
namespace {

#define EXPECT_CODE(codes, code) EXPECT_TRUE((codes).count(code)) << "expected " << (code) << ", got: " << joined(codes)
#define EXPECT_NO_CODE(codes, code) EXPECT_FALSE((codes).count(code)) << "unexpected " << (code)

std::string goal(const std::string& horizon, const std::string& attrs, const std::string& title,
                 const std::string& followUp = "2027-06-30") {
    return "<goal horizon=\"" + horizon + "\" " + attrs + "><title>" + title +
           "</title><measure indicator=\"Mått för " + title + "\" target=\"bättre\" follow-up=\"" + followUp +
           "\"/></goal>\n";
}

Parts withGoals(const std::string& goals) {
    Parts p;
    p.goals = "<goals year=\"2027\" period=\"2027–2030\">\n" + goals + "</goals>";
    return p;
}

TEST(Goals, MinimalGoodAgreementIsSilent) {
    TempDir dir;
    const Checked c = check(agreementXml(Parts{}), dir);
    EXPECT_TRUE(c.codes().empty()) << c.dumped();
}

TEST(Goals, SamplesAreSilent) { EXPECT_TRUE(sampleCodes("goals.").empty()) << joined(sampleCodes("goals.")); }

TEST(Goals, AtLeastOneGoalForTheYear) {
    const auto codes = codesOf(withGoals(goal("mandate", "priority=\"1\"", "Bostäder") +
                                         goal("long-term", "priority=\"1\"", "Befolkning")));
    EXPECT_CODE(codes, "goals.no-goal-for-year");
    EXPECT_NO_CODE(codesOf(withGoals(goal("mandate", "", "Bostäder") + goal("year", "", "Skolan"))),
                   "goals.no-goal-for-year");
}

TEST(Goals, NoGoalForTheYearFailsValidateWithExitCode1) {
    TempDir dir;
    writeFile(dir / "a.xml", agreementXml(withGoals(goal("mandate", "", "Bostäder"))));
    const RunResult r = runOverens({"validate", (dir / "a.xml").string()});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_EQ(codesIn(r.err), std::set<std::string>{"goals.no-goal-for-year"}) << r.err;
}

TEST(Goals, PrioritiesAreUniqueWithinAHorizon) {
    const auto codes = codesOf(withGoals(goal("year", "priority=\"1\"", "Skolan") +
                                         goal("year", "priority=\"1\"", "Ekonomin")));
    EXPECT_CODE(codes, "goals.duplicate-priority");
    // The same number in another horizon is another ranking.
    EXPECT_TRUE(codesOf(withGoals(goal("year", "priority=\"1\"", "Skolan") +
                                  goal("mandate", "priority=\"1\"", "Bostäder")))
                    .empty());
}

TEST(Goals, DuplicatePriorityPointsAtTheSecondGoalAndNamesTheFirst) {
    const std::string xml = agreementXml(withGoals(goal("year", "priority=\"2\"", "Skolan") +
                                                   goal("year", "priority=\"2\"", "Ekonomin")));
    TempDir dir;
    const Checked c = check(xml, dir);
    const Diagnostic* d = c.find("goals.duplicate-priority");
    ASSERT_NE(d, nullptr) << c.dumped();
    EXPECT_EQ(d->where.line, lineOf(xml, "<title>Ekonomin"));
    EXPECT_TRUE(contains(d->message_sv, "\"Skolan\"")) << d->message_sv;
    EXPECT_TRUE(contains(d->message_en, "\"Ekonomin\"")) << d->message_en;
}

TEST(Goals, PriorityStartsAtOne) {
    EXPECT_CODE(codesOf(withGoals(goal("year", "priority=\"0\"", "Skolan"))), "goals.bad-priority");
    // A priority that is no number at all is the core's to report, once.
    EXPECT_EQ(codesOf(withGoals(goal("year", "priority=\"först\"", "Skolan"))),
              std::set<std::string>{"source.bad-integer"});
}

TEST(Goals, FollowUpBeforeTheNextReview) {
    const std::string xml = agreementXml(withGoals(goal("year", "", "Skolan", "2028-03-01")));
    TempDir dir;
    const Checked c = check(xml, dir);
    const Diagnostic* d = c.find("goals.follow-up-after-review");
    ASSERT_NE(d, nullptr) << c.dumped();
    EXPECT_EQ(d->severity, Severity::Error);
    EXPECT_EQ(d->where.line, lineOf(xml, "2028-03-01"));
    EXPECT_TRUE(contains(d->message_sv, "2028-01-20")) << d->message_sv;
    // On the review day itself is still in time.
    EXPECT_TRUE(codesOf(withGoals(goal("year", "", "Skolan", "2028-01-20"))).empty());
}

TEST(Goals, FollowUpAfterReviewIsReportedWithFileLineAndColumn) {
    TempDir dir;
    const std::string xml = agreementXml(withGoals(goal("year", "", "Skolan", "2029-01-01")));
    writeFile(dir / "a.xml", xml);
    const RunResult r = runOverens({"validate", (dir / "a.xml").string()});
    EXPECT_EQ(r.exitCode, 1);
    const auto lines = linesWith(r.err, "goals.follow-up-after-review");
    ASSERT_EQ(lines.size(), 1u) << r.err;
    EXPECT_TRUE(contains(lines[0], "a.xml:" + std::to_string(lineOf(xml, "2029-01-01")) + ":")) << lines[0];
    EXPECT_TRUE(contains(lines[0], ": error: ")) << lines[0];
}

TEST(Goals, TheYearOfTheGoalsIsNearTheAgreement) {
    // Adopted 2027-01-20: the year's goals are for 2026-2031.
    for (const char* year : {"5000", "2019", "2032", "1900"}) {
        Parts p = withGoals(goal("year", "", "Skolan"));
        p.goals.replace(p.goals.find("2027\""), 5, std::string(year) + "\"");
        const std::string xml = agreementXml(p);
        TempDir dir;
        writeFile(dir / "a.xml", xml);
        const RunResult r = runOverens({"validate", (dir / "a.xml").string()});
        EXPECT_EQ(r.exitCode, 1) << year << "\n" << r.err;
        const auto lines = linesWith(r.err, "goals.year-out-of-range");
        ASSERT_EQ(lines.size(), 1u) << year << "\n" << r.err;
        EXPECT_TRUE(contains(lines[0], "a.xml:" + std::to_string(lineOf(xml, "<goals year")) + ":")) << lines[0];
        EXPECT_TRUE(contains(lines[0], "mellan 2026–2031")) << lines[0];
        EXPECT_TRUE(contains(lines[0], std::string("(") + year + ")")) << lines[0];
    }
    for (const char* year : {"2026", "2027", "2031"}) {
        Parts p = withGoals(goal("year", "", "Skolan"));
        p.goals.replace(p.goals.find("2027\""), 5, std::string(year) + "\"");
        EXPECT_NO_CODE(codesOf(p), "goals.year-out-of-range") << year;
    }
}

TEST(Goals, TheYearOutOfRangeIsSaidInEnglishInAnEnglishAgreement) {
    Parts p = withGoals(goal("year", "", "Schools"));
    p.lang = "en";
    p.goals.replace(p.goals.find("2027\""), 5, "5000\"");
    TempDir dir;
    writeFile(dir / "a.xml", agreementXml(p));
    const RunResult r = runOverens({"validate", (dir / "a.xml").string()});
    const auto lines = linesWith(r.err, "goals.year-out-of-range");
    ASSERT_EQ(lines.size(), 1u) << r.err;
    EXPECT_TRUE(contains(lines[0], "is far from the agreement's adoption (2027-01-20)")) << lines[0];
}

TEST(Goals, FollowUpBeforeAdoptionIsAWarning) {
    TempDir dir;
    const Checked c = check(agreementXml(withGoals(goal("year", "", "Skolan", "2026-12-01"))), dir);
    const Diagnostic* d = c.find("goals.follow-up-before-adoption");
    ASSERT_NE(d, nullptr) << c.dumped();
    EXPECT_EQ(d->severity, Severity::Warning);
}

TEST(Goals, TooManyMostImportantGoalsIsAWarning) {
    std::string three, four;
    for (int i = 1; i <= 4; ++i) {
        const std::string g = goal("year", "priority=\"" + std::to_string(i) + "\" focus=\"ja\"", "Mål " + std::to_string(i));
        if (i <= 3) three += g;
        four += g;
    }
    EXPECT_TRUE(codesOf(withGoals(three)).empty());
    TempDir dir;
    const Checked c = check(agreementXml(withGoals(four)), dir);
    const Diagnostic* d = c.find("goals.too-many-top-priorities");
    ASSERT_NE(d, nullptr) << c.dumped();
    EXPECT_EQ(d->severity, Severity::Warning);
    EXPECT_TRUE(c.prepared[0].ok()) << "a warning does not stop the build";
}

TEST(Goals, AGoalWithoutFollowUpIsAWarning) {
    Parts p = withGoals("<goal horizon=\"year\"><title>Skolan</title></goal>");
    EXPECT_EQ(codesOf(p), std::set<std::string>{"goals.no-follow-up"});
}

TEST(Goals, CoreReportsMissingFieldsAndBadValues) {
    // Required fields and types are the schema's business, reported by the core.
    EXPECT_CODE(codesOf(withGoals("<goal horizon=\"year\"><measure indicator=\"x\" target=\"y\" follow-up=\"2027-05-01\"/></goal>")),
                "source.missing-field");
    EXPECT_CODE(codesOf(withGoals(goal("someday", "", "Skolan"))), "source.bad-choice");
    EXPECT_CODE(codesOf(withGoals(goal("year", "", "Skolan", "2027-13-01"))), "source.bad-date");
}

TEST(Goals, RendersWordingAndValuesInSwedish) {
    Parts p = withGoals(goal("mandate", "priority=\"1\"", "Fler bostäder") +
                        "<goal horizon=\"year\" priority=\"1\" focus=\"ja\"><title>Fler elever klarar skolan</title>"
                        "<why>Behörigheten har sjunkit.</why><activity>Lovskola</activity>"
                        "<measure indicator=\"Andel behöriga\" baseline=\"81 %\" target=\"85 %\" due=\"2027-06-30\" "
                        "follow-up=\"2027-08-31\"/><reporter>Kommundirektören</reporter>"
                        "<report-to>kommunstyrelsen</report-to></goal>");
    const Built b = build(p);
    EXPECT_TRUE(contains(b.text, "Mål att fokusera på")) << b.text;           // the section heading
    EXPECT_TRUE(contains(b.text, "Här står de mål som Eva Ordförande och Olle Direktör")) << b.text;
    EXPECT_TRUE(contains(b.text, "Mål för 2027")) << b.text;
    EXPECT_TRUE(contains(b.text, "Mål för mandatperioden 2027–2030")) << b.text;
    EXPECT_TRUE(contains(b.text, "Prioritet 1")) << b.text;
    EXPECT_TRUE(contains(b.text, "Ett av de viktigaste målen")) << b.text;
    EXPECT_TRUE(contains(b.text, "Indikator\nUtgångsläge\nMålvärde")) << b.text;
    EXPECT_TRUE(contains(b.text, "31 augusti 2027")) << b.text;
    EXPECT_TRUE(contains(b.text, "Kommundirektören tar fram uppföljningen och redovisar den för kommunstyrelsen."));
    EXPECT_TRUE(contains(b.text, "före nästa omprövning av överenskommelsen den 20 januari 2028")) << b.text;
    EXPECT_TRUE(hasValue(b.document, "Fler elever klarar skolan"));
    EXPECT_TRUE(hasValue(b.document, "Behörigheten har sjunkit."));
    EXPECT_TRUE(hasValue(b.document, "Lovskola"));
    EXPECT_TRUE(hasValue(b.document, "81 %"));
    // The year comes before the mandate period.
    EXPECT_LT(b.text.find("Fler elever klarar skolan"), b.text.find("Fler bostäder"));
    EXPECT_FALSE(b.diags.hasCode("template.missing-key")) << dump(b.diags);
}

TEST(Goals, RendersInEnglish) {
    Parts p = withGoals(goal("year", "priority=\"1\" focus=\"yes\"", "More pupils pass", "2027-08-31"));
    p.lang = "en";
    const Built b = build(p);
    EXPECT_TRUE(contains(b.text, "Goals to focus on")) << b.text;
    EXPECT_TRUE(contains(b.text, "Goals for 2027")) << b.text;
    EXPECT_TRUE(contains(b.text, "Priority 1")) << b.text;
    EXPECT_TRUE(contains(b.text, "One of the most important goals")) << b.text;
    EXPECT_TRUE(contains(b.text, "31 August 2027")) << b.text;
    EXPECT_TRUE(hasValue(b.document, "More pupils pass"));
    EXPECT_FALSE(b.diags.hasCode("template.missing-key")) << dump(b.diags);
}

TEST(Goals, GoalsAreOrderedByPriority) {
    const Built b = build(withGoals(goal("year", "priority=\"2\"", "Andra") + goal("year", "priority=\"1\"", "Första") +
                                    goal("year", "", "Utan prioritet")));
    EXPECT_LT(b.text.find("Första"), b.text.find("Andra"));
    EXPECT_LT(b.text.find("Andra"), b.text.find("Utan prioritet"));
}

}  // namespace
}  // namespace overens::test::agreement
