// The co-leadership plugin through the real engine and command: each rule on a minimal bad input,
// silence on the good input and the samples, rendering in Swedish and English.
#include <gtest/gtest.h>

#include "agreement_test_util.hpp"

namespace overens::test::agreement {
namespace {

#define EXPECT_CODE(codes, code) EXPECT_TRUE((codes).count(code)) << "expected " << (code) << ", got: " << joined(codes)

const std::string kPrep = "<case-preparation><description>Beredning.</description></case-preparation>";
const std::string kUrgent = "<urgent><routine>Ordföranden beslutar.</routine></urgent>";
const std::string kGolden = "<golden-zone><question text=\"Mediefrågor\"/></golden-zone>";

Parts withCoLeadership(const std::string& body) {
    Parts p;
    p.coLeadership = "<co-leadership>\n" + body + "\n</co-leadership>";
    return p;
}

TEST(CoLeadership, SamplesAreSilent) {
    EXPECT_TRUE(sampleCodes("co-leadership.").empty()) << joined(sampleCodes("co-leadership."));
}

TEST(CoLeadership, NeedsARecurringMeeting) {
    // No meeting at all, and a meeting without an interval.
    EXPECT_EQ(codesOf(withCoLeadership(kPrep + kUrgent + kGolden)),
              std::set<std::string>{"co-leadership.no-recurring-meeting"});
    EXPECT_EQ(codesOf(withCoLeadership("<meeting name=\"Vid behov\"/>" + kPrep + kUrgent + kGolden)),
              std::set<std::string>{"co-leadership.no-recurring-meeting"});
    EXPECT_TRUE(codesOf(withCoLeadership("<meeting name=\"Vid behov\"/><meeting name=\"Presidiet\" every=\"P2W\"/>" +
                                         kPrep + kUrgent + kGolden))
                    .empty());
}

TEST(CoLeadership, IntervalMustBeAtLeastADay) {
    const auto codes = codesOf(withCoLeadership("<meeting name=\"Stående\" every=\"PT2H\"/>" + kPrep + kUrgent + kGolden));
    EXPECT_CODE(codes, "co-leadership.bad-interval");
    EXPECT_CODE(codes, "co-leadership.no-recurring-meeting");
    EXPECT_CODE(codesOf(withCoLeadership("<meeting name=\"Noll\" every=\"P0D\"/>" + kPrep + kUrgent + kGolden)),
                "co-leadership.bad-interval");
    // A malformed interval is the core's to report.
    EXPECT_CODE(codesOf(withCoLeadership("<meeting name=\"Fel\" every=\"ibland\"/>" + kPrep + kUrgent + kGolden)),
                "source.bad-duration");
}

TEST(CoLeadership, MeetingRarerThanTheReviewIsAWarning) {
    TempDir dir;
    const Checked c = check(agreementXml(withCoLeadership("<meeting name=\"Vartannat år\" every=\"P2Y\"/>" + kPrep +
                                                          kUrgent + kGolden)),
                            dir);
    const Diagnostic* d = c.find("co-leadership.meeting-rarer-than-review");
    ASSERT_NE(d, nullptr) << c.dumped();
    EXPECT_EQ(d->severity, Severity::Warning);
}

// <urgent> and its <routine> are required by the schema, so the grammar (jing) and validate agree
// (tests/core/schema_export/grammar_agreement_test.cpp); the law behind it is in the field's help.
TEST(CoLeadership, NeedsAnUrgentMattersRoutine) {
    const std::string xml = agreementXml(withCoLeadership("<meeting name=\"V\" every=\"P1W\"/>" + kPrep + kGolden));
    TempDir dir;
    const Checked c = check(xml, dir);
    const Diagnostic* d = c.find("source.missing-field");
    ASSERT_NE(d, nullptr) << c.dumped();
    EXPECT_EQ(d->severity, Severity::Error);
    EXPECT_TRUE(contains(d->message_sv, "<co-leadership> saknar <urgent>")) << d->message_sv;
    // An urgent element without its routine is no routine either.
    const Checked noRoutine = check(agreementXml(withCoLeadership("<meeting name=\"V\" every=\"P1W\"/>" + kPrep +
                                                                  "<urgent decided-by=\"chair\"/>" + kGolden)),
                                    dir);
    const Diagnostic* r = noRoutine.find("source.missing-field");
    ASSERT_NE(r, nullptr) << noRoutine.dumped();
    EXPECT_TRUE(contains(r->message_en, "<urgent> lacks <routine> (Routine)")) << r->message_en;
    // An empty routine is reported as empty.
    EXPECT_CODE(codesOf(withCoLeadership("<meeting name=\"V\" every=\"P1W\"/>" + kPrep +
                                         "<urgent><routine> </routine></urgent>" + kGolden)),
                "source.empty-field");
}

TEST(CoLeadership, NoUrgentRoutineFailsValidateInEitherLanguage) {
    TempDir dir;
    writeFile(dir / "a.xml", agreementXml(withCoLeadership("<meeting name=\"V\" every=\"P1W\"/>" + kPrep + kGolden)));
    const RunResult sv = runOverens({"validate", (dir / "a.xml").string()});
    EXPECT_EQ(sv.exitCode, 1);
    EXPECT_EQ(codesIn(sv.err), std::set<std::string>{"source.missing-field"}) << sv.err;
    EXPECT_TRUE(contains(sv.err, "saknar <urgent> (Brådskande ärenden)")) << sv.err;
    const RunResult en = runOverens({"validate", (dir / "a.xml").string(), "--lang", "en"});
    EXPECT_TRUE(contains(en.err, "lacks <urgent> (Urgent matters)")) << en.err;
}

TEST(CoLeadership, OnlyTheChairOrAnAppointedMemberDecidesUrgentMatters) {
    const std::string base = "<meeting name=\"V\" every=\"P1W\"/>" + kPrep + kGolden;
    TempDir dir;
    const Checked c = check(
        agreementXml(withCoLeadership(base + "<urgent decided-by=\"director\"><routine>R.</routine></urgent>")), dir);
    const Diagnostic* d = c.find("co-leadership.urgent-decider");
    ASSERT_NE(d, nullptr) << c.dumped();
    EXPECT_TRUE(contains(d->message_sv, "6 kap. 39 § KL")) << d->message_sv;
    EXPECT_CODE(codesOf(withCoLeadership(base + "<urgent substitute=\"kanslichef\"><routine>R.</routine></urgent>")),
                "co-leadership.urgent-decider");
    for (const char* ok : {"chair", "first-vice-chair", "second-vice-chair", "vice-chair", "member"})
        EXPECT_TRUE(codesOf(withCoLeadership(base + "<urgent decided-by=\"" + ok + "\"><routine>R.</routine></urgent>"))
                        .empty())
            << ok;
}

TEST(CoLeadership, SubstituteSameAsDeciderIsAWarning) {
    EXPECT_EQ(codesOf(withCoLeadership("<meeting name=\"V\" every=\"P1W\"/>" + kPrep + kGolden +
                                       "<urgent substitute=\"chair\"><routine>R.</routine></urgent>")),
              std::set<std::string>{"co-leadership.urgent-substitute-same"});
}

TEST(CoLeadership, MissingPreparationAndGoldenZoneAreWarnings) {
    TempDir dir;
    const Checked c = check(agreementXml(withCoLeadership("<meeting name=\"V\" every=\"P1W\"/>" + kUrgent)), dir);
    EXPECT_EQ(c.codes(), (std::set<std::string>{"co-leadership.no-case-preparation", "co-leadership.no-golden-zone"}))
        << c.dumped();
    EXPECT_TRUE(c.prepared[0].ok());
}

// A board document of the same (or another) organisation, header only: its sections do not matter here.
std::string boardDocument(const std::string& kind, const std::string& organisation, const std::string& chair) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + kind + " lang=\"sv\">\n"
           "  <organisation type=\"kommun\" name=\"" + organisation + "\" board=\"Kommunstyrelsen\"/>\n"
           "  <party role=\"chair\" name=\"" + chair + "\" title=\"Kommunstyrelsens ordförande\"/>\n"
           "  <party role=\"director\" name=\"Olle Direktör\" title=\"Kommundirektör\"/>\n"
           "  <registration dnr=\"KS 2027/0002\" adopted=\"2027-01-20\" body=\"Kommunstyrelsen\"/>\n"
           "</" + kind + ">\n";
}

TEST(CoLeadership, TheChairIsTheSameAsInTheBoardsDocumentsBuiltWithIt) {
    TempDir dir;
    writeFile(dir / "agreement.xml", agreementXml(Parts{}));
    auto codesWith = [&](const std::string& kind, const std::string& organisation, const std::string& chair) {
        writeFile(dir / "other.xml", boardDocument(kind, organisation, chair));
        auto prepared = engine().prepare({(dir / "agreement.xml").string(), (dir / "other.xml").string()});
        std::set<std::string> codes;
        for (const auto& d : prepared.at(0).diags.all()) codes.insert(d.code);
        return codes;
    };
    EXPECT_EQ(codesWith("delegation-order", "Provby kommun", "Någon Annan"),
              std::set<std::string>{"co-leadership.chair-mismatch"});
    EXPECT_EQ(codesWith("director-instruction", "Provby kommun", "Någon Annan"),
              std::set<std::string>{"co-leadership.chair-mismatch"});
    EXPECT_TRUE(codesWith("delegation-order", "Provby kommun", "Eva Ordförande").empty());
    EXPECT_TRUE(codesWith("delegation-order", "Annanby kommun", "Någon Annan").empty()) << "another organisation";
}

const std::string kFull = R"(
  <story><vision>En trygg kommun.</vision><message>Vi bygger för nästa generation.</message></story>
  <meeting name="Måndagsavstämning" every="P1W" length="PT1H30M" when="måndagar 8.00" participants="Ordförande, direktör" prepares="Direktören">
    <purpose>Veckans frågor.</purpose>
  </meeting>
  <meeting name="Trevecka" every="P3W"/>
  <case-preparation papers-before="P7D"><description>Förvaltningen bereder.</description><step>Registrering</step><step>Tjänsteskrivelse</step></case-preparation>
  <urgent decided-by="chair" substitute="first-vice-chair" consult="kommundirektören"><routine>Ordföranden beslutar samma dag.</routine><improvisation>Vi ringer direkt.</improvisation></urgent>
  <golden-zone><approach>Vi tar det på måndagar.</approach><question text="Skolans placering" forum="Presidiet"><handling>Underlag först.</handling></question></golden-zone>
)";

TEST(CoLeadership, RendersWordingAndValuesInSwedish) {
    const Built b = build(withCoLeadership(kFull));
    EXPECT_TRUE(contains(b.text, "Att styra och leda tillsammans")) << b.text;
    EXPECT_TRUE(contains(b.text, "Vår gemensamma berättelse")) << b.text;
    EXPECT_TRUE(contains(b.text, "Fast mötesstruktur")) << b.text;
    EXPECT_TRUE(contains(b.text, "varje vecka")) << b.text;
    EXPECT_TRUE(contains(b.text, "intervall: 3 veckor")) << b.text;  // no phrase for P3W in the template
    EXPECT_TRUE(contains(b.text, "1 timme och 30 minuter")) << b.text;
    EXPECT_TRUE(contains(b.text, "Handlingarna skickas ut till ledamöterna senast 7 dagar före sammanträdet.")) << b.text;
    EXPECT_TRUE(contains(b.text, "får ordföranden besluta")) << b.text;
    EXPECT_TRUE(contains(b.text, "6 kap. 39 § kommunallagen")) << b.text;
    EXPECT_TRUE(contains(b.text, "anmäls vid styrelsens nästa sammanträde")) << b.text;
    EXPECT_TRUE(contains(b.text, "beslutar förste vice ordföranden i stället")) << b.text;
    EXPECT_TRUE(contains(b.text, "Den gyllene zonen")) << b.text;
    for (const char* v : {"En trygg kommun.", "Måndagsavstämning", "måndagar 8.00", "Registrering",
                          "Ordföranden beslutar samma dag.", "Vi ringer direkt.", "Skolans placering", "Underlag först.",
                          "kommundirektören"})
        EXPECT_TRUE(hasValue(b.document, v)) << v;
    EXPECT_FALSE(b.diags.hasCode("template.missing-key")) << dump(b.diags);
}

TEST(CoLeadership, RendersInEnglish) {
    Parts p = withCoLeadership(kFull);
    p.lang = "en";
    const Built b = build(p);
    EXPECT_TRUE(contains(b.text, "Steering and leading together")) << b.text;
    EXPECT_TRUE(contains(b.text, "Fixed meeting structure")) << b.text;
    EXPECT_TRUE(contains(b.text, "every week")) << b.text;
    EXPECT_TRUE(contains(b.text, "every 3 weeks")) << b.text;
    EXPECT_TRUE(contains(b.text, "the chair may decide")) << b.text;
    EXPECT_TRUE(contains(b.text, "the first vice-chair decides instead")) << b.text;
    EXPECT_TRUE(contains(b.text, "The golden zone")) << b.text;
    EXPECT_FALSE(b.diags.hasCode("template.missing-key")) << dump(b.diags);
}

}  // namespace
}  // namespace overens::test::agreement
