// `overens new`: every field of the kind's schemas is in the starting file, commented, and the
// file validates but for what only the user can fill in.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "newdoc/starter_file.hpp"
#include "test_support.hpp"

using namespace overens::test;

namespace {

// What `overens validate` may say about an untouched starting file: every one of these asks for
// something only the users can write (README, "Från ingenting till en giltig överenskommelse").
const std::set<std::string> kFillIn{
    "source.empty-field",                   // a required answer left empty
    "review.no-date",                       // no adoption date yet
    "co-leadership.no-recurring-meeting",   // the meetings you agree on
    "collaboration-rules.behaviour-without-commitment",
    "collaboration-rules.no-disagreement-routine",
    "collaboration-rules.no-information-flow",
    "collaboration-rules.unanswered-question",  // the conversation questions
    "division-of-work.no-owner",            // who owns each question
    "director-instruction.no-delegation-reference",
    "director-instruction.no-leadership",
    "director-instruction.no-tasks",
    "delegation-order.not-reported",        // how decisions are reported
    "delegation-order.not-adopted",         // the order is a draft until the board adopts it
};

}  // namespace

TEST(New, EveryKindInEitherLanguageValidatesButForWhatTheUserMustFillIn) {
    TempDir dir;
    for (const char* kind : {"agreement", "director-instruction", "delegation-order"})
        for (const char* lang : {"sv", "en"}) {
            const auto file = dir / (std::string(kind) + "-" + lang + ".xml");
            const RunResult made = runOverens({"new", kind, "--lang", lang, "-o", file.string()});
            ASSERT_EQ(made.exitCode, 0) << made.err;
            const RunResult v = runOverens({"validate", file.string()});
            for (const auto& code : codesIn(v.err))
                EXPECT_TRUE(kFillIn.count(code)) << kind << " " << lang << ": " << code << " is not a fill-in\n" << v.err;
            EXPECT_TRUE(codesIn(v.err).count("source.empty-field")) << v.err;
            // No malformed XML, no unknown element or attribute: the structure is right.
            for (const char* code : {"source.malformed-xml", "source.unknown-element", "source.unknown-attribute",
                                     "source.bad-choice", "source.bad-duration", "source.missing-field"})
                EXPECT_FALSE(codesIn(v.err).count(code)) << kind << " " << lang << "\n" << v.err;
        }
}

TEST(New, EveryFieldIsThereWithItsHelpAndTheRequiredOnesMarked) {
    TempDir dir;
    const auto file = dir / "d.xml";
    ASSERT_EQ(runOverens({"new", "delegation-order", "--lang", "sv", "-o", file.string()}).exitCode, 0);
    const std::string xml = readFile(file);
    for (const char* name : {"introduction", "reporting-routine", "local-rule", "role", "abbreviation", "area",
                             "intro", "delegation", "matter", "delegate", "substitute", "legal-basis", "category",
                             "appeal", "urgent", "sub-delegation", "sub-delegate", "limit", "note"})
        EXPECT_NE(xml.find("<" + std::string(name) + ">"), std::string::npos) << name;
    EXPECT_NE(xml.find("Ärende (obligatoriskt): Vad delegaten får besluta om"), std::string::npos);
    EXPECT_NE(xml.find("Ersättare (frivilligt)"), std::string::npos);
    // Examples from the help texts are filled in.
    EXPECT_NE(xml.find("<number>3.12</number>"), std::string::npos) << xml;
    const auto en = dir / "e.xml";
    ASSERT_EQ(runOverens({"new", "delegation-order", "--lang", "en", "-o", en.string()}).exitCode, 0);
    EXPECT_NE(readFile(en).find("Matter (required): What the delegate may decide"), std::string::npos);
}

TEST(New, TheHeaderComesFromAnExistingSourceOfTheOrganisation) {
    TempDir dir;
    const auto file = dir / "a.xml";
    const auto from = samplesDir() / "kommun" / "exempelby-delegationsordning.xml";
    ASSERT_EQ(runOverens({"new", "agreement", "--from", from.string(), "-o", file.string()}).exitCode, 0);
    pugi::xml_document d;
    ASSERT_TRUE(d.load_file(file.c_str()));
    EXPECT_STREQ(d.document_element().child("organisation").attribute("name").value(), "Exempelby kommun");
    EXPECT_STREQ(d.document_element().find_child_by_attribute("party", "role", "director").attribute("name").value(),
                 "Karin Lindqvist");
    const RunResult v = runOverens({"validate", file.string()});
    EXPECT_EQ(v.err.find("<name>: värdet är tomt"), std::string::npos) << v.err;
}

TEST(New, UnknownKindIsAUsageError) {
    const RunResult r = runOverens({"new", "letter"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("unknown document kind 'letter'"), std::string::npos) << r.err;
}

TEST(New, ExamplesComeFromHelpTexts) {
    using overens::newdoc::exampleFrom;
    EXPECT_EQ(exampleFrom("Radens nummer, t.ex. \"3.12\"."), "3.12");
    EXPECT_EQ(exampleFrom("Hur lång tid, t.ex. P7D."), "P7D");
    EXPECT_EQ(exampleFrom("Hur, t.ex. genom listor ur ärendesystemet."), "");
    EXPECT_EQ(exampleFrom("No example here."), "");
}
