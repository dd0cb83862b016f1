// The collaboration-rules plugin through the real engine: each rule on a minimal bad input,
// silence on the good input and the samples, rendering in Swedish and English.
#include <gtest/gtest.h>

#include "agreement_test_util.hpp"

namespace overens::test::agreement {
namespace {

#define EXPECT_CODE(codes, code) EXPECT_TRUE((codes).count(code)) << "expected " << (code) << ", got: " << joined(codes)

const std::string kBehaviour = "<behaviour kind=\"transparency\"><commitment>Vi ringer samma dag.</commitment></behaviour>";
const std::string kRest = R"(<information>Veckobrev.</information>
    <disagreement>Mellan oss först.</disagreement>
    <conversation><chair-role>A</chair-role><director-role>B</director-role><hard>C</hard>
      <chair-needs>D</chair-needs><director-needs>E</director-needs><improve>F</improve></conversation>)";
const std::string kFollowUp = "<follow-up every=\"P6M\"/>";

Parts withRules(const std::string& body) {
    Parts p;
    p.collaboration = "<collaboration-rules>\n" + body + "\n</collaboration-rules>";
    return p;
}

TEST(CollaborationRules, SamplesAreSilent) {
    EXPECT_TRUE(sampleCodes("collaboration-rules.").empty()) << joined(sampleCodes("collaboration-rules."));
}

TEST(CollaborationRules, EveryBehaviourHasAConcreteCommitment) {
    const std::string xml = agreementXml(
        withRules(kBehaviour + "\n<behaviour kind=\"listening\"><meaning>Vi lyssnar.</meaning></behaviour>\n" + kRest + kFollowUp));
    TempDir dir;
    const Checked c = check(xml, dir);
    EXPECT_EQ(c.codes(), std::set<std::string>{"collaboration-rules.behaviour-without-commitment"}) << c.dumped();
    const Diagnostic* d = c.find("collaboration-rules.behaviour-without-commitment");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Error);
    EXPECT_EQ(d->where.line, lineOf(xml, "<behaviour kind=\"listening\""));
    EXPECT_TRUE(contains(d->message_sv, "lyssnande")) << d->message_sv;
    EXPECT_TRUE(contains(d->message_en, "listening")) << d->message_en;
    // An empty commitment is no commitment.
    EXPECT_CODE(codesOf(withRules("<behaviour kind=\"clarity\"><commitment> </commitment></behaviour>" + kRest + kFollowUp)),
                "collaboration-rules.behaviour-without-commitment");
}

TEST(CollaborationRules, ABehaviourOfYourOwnNeedsAName) {
    EXPECT_EQ(codesOf(withRules(kBehaviour + "<behaviour kind=\"other\"><commitment>X</commitment></behaviour>" + kRest +
                                kFollowUp)),
              std::set<std::string>{"collaboration-rules.other-without-name"});
    EXPECT_TRUE(codesOf(withRules(kBehaviour + "<behaviour kind=\"other\" name=\"Respekt\"><commitment>X</commitment>"
                                               "</behaviour>" + kRest + kFollowUp))
                    .empty());
}

TEST(CollaborationRules, TheSameBehaviourTwiceIsAWarning) {
    EXPECT_EQ(codesOf(withRules(kBehaviour + kBehaviour + kRest + kFollowUp)),
              std::set<std::string>{"collaboration-rules.duplicate-behaviour"});
}

TEST(CollaborationRules, TheFirstFollowUpComesBeforeTheNextReview) {
    // As given...
    const std::string xml = agreementXml(withRules(kBehaviour + kRest + "<follow-up every=\"P6M\" first=\"2028-03-01\"/>"));
    TempDir dir;
    const Checked c = check(xml, dir);
    EXPECT_EQ(c.codes(), std::set<std::string>{"collaboration-rules.follow-up-after-review"}) << c.dumped();
    const Diagnostic* d = c.find("collaboration-rules.follow-up-after-review");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Error);
    EXPECT_EQ(d->where.line, lineOf(xml, "2028-03-01"));
    // ...or one interval after adoption (2027-01-20 + 18 months is after 2028-01-20).
    EXPECT_EQ(codesOf(withRules(kBehaviour + kRest + "<follow-up every=\"P18M\"/>")),
              std::set<std::string>{"collaboration-rules.follow-up-after-review"});
    // Exactly one review interval after adoption falls on the review day: in time.
    EXPECT_TRUE(codesOf(withRules(kBehaviour + kRest + "<follow-up every=\"P1Y\"/>")).empty());
}

TEST(CollaborationRules, ARhythmSlowerThanTheReviewsIsAWarning) {
    TempDir dir;
    const Checked c =
        check(agreementXml(withRules(kBehaviour + kRest + "<follow-up every=\"P2Y\" first=\"2027-09-01\"/>")), dir);
    EXPECT_EQ(c.codes(), std::set<std::string>{"collaboration-rules.follow-up-rhythm"}) << c.dumped();
    EXPECT_EQ(c.find("collaboration-rules.follow-up-rhythm")->severity, Severity::Warning);
}

TEST(CollaborationRules, TheIntervalMustBeAtLeastADay) {
    EXPECT_EQ(codesOf(withRules(kBehaviour + kRest + "<follow-up every=\"PT1H\"/>")),
              std::set<std::string>{"collaboration-rules.bad-interval"});
}

TEST(CollaborationRules, MissingPartsAreWarnings) {
    TempDir dir;
    const Checked c = check(agreementXml(withRules(kBehaviour + kFollowUp)), dir);
    EXPECT_EQ(c.codes(), (std::set<std::string>{"collaboration-rules.no-information-flow",
                                                "collaboration-rules.no-disagreement-routine",
                                                "collaboration-rules.no-conversation"}))
        << c.dumped();
    EXPECT_TRUE(c.prepared[0].ok());
    const Checked q = check(agreementXml(withRules(kBehaviour + "<information>I</information><disagreement>D</disagreement>"
                                                                "<conversation><hard>Tiden.</hard></conversation>" +
                                                   kFollowUp)),
                            dir, "b.xml");
    EXPECT_EQ(q.codes(), std::set<std::string>{"collaboration-rules.unanswered-question"}) << q.dumped();
    int unanswered = 0;
    for (const auto& d : q.diags().all()) unanswered += d.code == "collaboration-rules.unanswered-question";
    EXPECT_EQ(unanswered, 5);
}

TEST(CollaborationRules, FollowUpAndBehavioursAreRequiredByTheSchema) {
    EXPECT_CODE(codesOf(withRules(kBehaviour + kRest)), "source.missing-field");
    EXPECT_CODE(codesOf(withRules(kRest + kFollowUp)), "source.missing-field");
    EXPECT_CODE(codesOf(withRules("<behaviour kind=\"honesty\"><commitment>X</commitment></behaviour>" + kRest + kFollowUp)),
                "source.bad-choice");
}

const std::string kFull = R"(
  <behaviour kind="reliability"><commitment>Vi svarar inom en vecka.</commitment></behaviour>
  <behaviour kind="transparency"><meaning>Inga överraskningar.</meaning><commitment>Vi ringer samma dag.</commitment></behaviour>
  <behaviour kind="other" name="Respekt för rollerna"><commitment>Uppdrag går via direktören.</commitment></behaviour>
  <information>Veckobrev varje fredag.</information>
  <disagreement>Vi tar det mellan oss först.</disagreement>
  <conversation><hard>Tiden räcker inte.</hard><improve>Uppföljningen.</improve></conversation>
  <follow-up every="P6M" first="2027-06-15" responsible="Direktören"><form>Ett samtal på två timmar.</form></follow-up>
)";

TEST(CollaborationRules, RendersWordingAndValuesInSwedish) {
    const Built b = build(withRules(kFull));
    EXPECT_TRUE(contains(b.text, "Hur vi samarbetar")) << b.text;
    EXPECT_TRUE(contains(b.text, "Förhållningssätt som bygger förtroende")) << b.text;
    EXPECT_TRUE(contains(b.text, "Öppenhet")) << b.text;
    EXPECT_TRUE(contains(b.text, "Det vi lovar gör vi.")) << b.text;  // the standard meaning of reliability
    EXPECT_TRUE(contains(b.text, "Inga överraskningar.")) << b.text;   // the user's own meaning
    EXPECT_FALSE(contains(b.text, "Vi berättar tidigt för varandra")) << "replaced by the user's meaning";
    EXPECT_TRUE(contains(b.text, "är det ordföranden som har sista ordet")) << b.text;
    EXPECT_TRUE(contains(b.text, "Vad upplever vi som svårt just nu?")) << b.text;
    EXPECT_FALSE(contains(b.text, "Vad ingår i direktörens")) << "unanswered questions are left out";
    EXPECT_TRUE(contains(b.text, "med högst 6 månader mellan gångerna")) << b.text;
    EXPECT_TRUE(contains(b.text, "Första uppföljningen sker den 15 juni 2027.")) << b.text;
    EXPECT_TRUE(contains(b.text, "omprövningen av överenskommelsen den 20 januari 2028")) << b.text;
    // The standard order: transparency before reliability, your own last.
    EXPECT_LT(b.text.find("Öppenhet"), b.text.find("Tillförlitlighet"));
    EXPECT_LT(b.text.find("Tillförlitlighet"), b.text.find("Respekt för rollerna"));
    for (const char* v : {"Vi svarar inom en vecka.", "Respekt för rollerna", "Veckobrev varje fredag.",
                          "Tiden räcker inte.", "Ett samtal på två timmar.", "Direktören"})
        EXPECT_TRUE(hasValue(b.document, v)) << v;
    EXPECT_FALSE(b.diags.hasCode("template.missing-key")) << dump(b.diags);
}

TEST(CollaborationRules, RendersInEnglish) {
    Parts p = withRules(kFull);
    p.lang = "en";
    const Built b = build(p);
    EXPECT_TRUE(contains(b.text, "How we work together")) << b.text;
    EXPECT_TRUE(contains(b.text, "Transparency")) << b.text;
    EXPECT_TRUE(contains(b.text, "the chair has the last word")) << b.text;
    EXPECT_TRUE(contains(b.text, "with at most 6 months between times")) << b.text;
    EXPECT_TRUE(contains(b.text, "15 June 2027")) << b.text;
    EXPECT_FALSE(b.diags.hasCode("template.missing-key")) << dump(b.diags);
}

}  // namespace
}  // namespace overens::test::agreement
