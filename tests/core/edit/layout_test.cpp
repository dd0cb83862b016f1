// Layouts the samples do not use: single quotes, entities and character references, CDATA,
// comments between rows, tabs, CRLF line ends. Written back unchanged they stay byte-for-byte;
// an edit keeps the file's own quoting, indentation and line ends.
#include <gtest/gtest.h>

#include "edit/answers.hpp"
#include "edit_fixtures.hpp"

using namespace overens;
using namespace overens::edit;
using namespace overens::test;

namespace {

// A goals section in an unusual but valid hand: tabs, single quotes, entities, CDATA, comments.
const char* const kOdd =
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    "<!-- written by hand -->\n"
    "<agreement kind='agreement' lang='sv'>\n"
    "\t<organisation type='kommun' name='Exempelby &amp; Grannby kommun'/>\n"
    "\t<party role='chair' name='Anna &#x00C5;berg' title=\"Ordf&#246;rande\"/>\n"
    "\t<goals year='2027'>\n"
    "\t\t<intro><![CDATA[Mål & medel < allt annat.]]>\n"
    "\t\t</intro>\n"
    "\t\t<!-- the first goal -->\n"
    "\t\t<goal horizon='year'>\n"
    "\t\t\t<title>Fler &quot;gröna&quot; jobb</title>\n"
    "\t\t\t<measure indicator='Antal jobb' target='200' follow-up='2027-06-01'/>\n"
    "\t\t</goal>\n"
    "\t\t<!-- the second goal -->\n"
    "\t\t<goal horizon='mandate'>\n"
    "\t\t\t<title>Renare sjöar</title>\n"
    "\t\t\t<measure indicator='Siktdjup' target='3 m' follow-up='2027-08-01'/>\n"
    "\t\t</goal>\n"
    "\t</goals>\n"
    "</agreement>\n";

std::string crlf(std::string s) {
    for (std::size_t at = s.find('\n'); at != std::string::npos; at = s.find('\n', at + 2)) s.insert(at, "\r");
    return s;
}

class Layout : public EditFixture {};

}  // namespace

TEST_F(Layout, OddButValidFilesWriteBackByteForByte) {
    for (const std::string& xml : {std::string(kOdd), crlf(kOdd)}) {
        Diagnostics d;
        const Answers a = readAnswers(xml, schemas(), d);
        EXPECT_EQ(answerOf(a, "organisation.name"), "Exempelby & Grannby kommun");
        EXPECT_EQ(answerOf(a, "party.0.name"), "Anna Åberg");
        EXPECT_EQ(answerOf(a, "party.0.title"), "Ordförande");
        EXPECT_EQ(answerOf(a, "goals.intro"), "Mål & medel < allt annat.");
        EXPECT_EQ(answerOf(a, "goals.goal.0.title"), "Fler \"gröna\" jobb");
        EXPECT_EQ(applyAnswers(xml, a, schemas(), d), xml);
        EXPECT_EQ(d.all().size(), 0u) << dump(d);
        for (const auto& [path, v] : valuesFromReader(xml)) EXPECT_EQ(answerOf(a, path), v) << path;
    }
}

TEST_F(Layout, AnEditKeepsTheQuotesIndentationAndLineEnds) {
    const std::string xml = crlf(kOdd);
    // A single-quoted attribute stays single-quoted, and a quote in the value is escaped for it.
    std::string out = edited(xml, {{"goals.goal.1.measure.0.target", "3 m (Secchi's skiva)"}});
    EXPECT_NE(out.find("target='3 m (Secchi&apos;s skiva)'"), std::string::npos) << out;
    LineDiff diff = lineDiff(xml, out);
    EXPECT_EQ(diff.removed.size(), 1u);
    EXPECT_EQ(diff.added.size(), 1u);

    // A new row is indented with the file's tabs and ends its line with CRLF.
    out = edited(xml, {{"goals.goal.count", "3"}, {"goals.goal.2.#", ""}, {"goals.goal.2.title", "Fler cykelvägar"},
                     {"goals.goal.2.horizon", "year"}});
    diff = lineDiff(xml, out);
    EXPECT_TRUE(diff.removed.empty()) << diff.describe();
    ASSERT_EQ(diff.added.size(), 3u) << diff.describe();
    EXPECT_EQ(diff.added[0], "\t\t<goal horizon='year'>\r");
    EXPECT_EQ(diff.added[1], "\t\t\t<title>Fler cykelvägar</title>\r");
    EXPECT_EQ(diff.added[2], "\t\t</goal>\r");
    EXPECT_EQ(out.find("\n\n"), std::string::npos);
    for (std::size_t at = out.find('\n'); at != std::string::npos; at = out.find('\n', at + 1))
        ASSERT_EQ(out[at - 1], '\r') << "a bare LF at " << at;

    // A removed row leaves the comment before it; the CDATA text is replaced by escaped text.
    out = edited(xml, {{"goals.goal.count", "1"}, {"goals.intro", "Mål & medel."}});
    diff = lineDiff(xml, out);
    EXPECT_NE(out.find("<!-- the second goal -->"), std::string::npos);
    EXPECT_EQ(out.find("Renare sjöar"), std::string::npos);
    EXPECT_NE(out.find("Mål &amp; medel."), std::string::npos) << out;
    Diagnostics d;
    EXPECT_EQ(answerOf(readAnswers(out, schemas(), d), "goals.intro"), "Mål & medel.");
}

TEST_F(Layout, AnEmptiedOptionalElementGoesWithItsLine) {
    const std::string xml = readFile(agreement());
    const std::string out = edited(xml, {{"goals.goal.0.reporter", ""}});
    const LineDiff diff = lineDiff(xml, out);
    ASSERT_EQ(diff.removed.size(), 1u) << diff.describe();
    EXPECT_TRUE(diff.added.empty()) << diff.describe();
    EXPECT_EQ(diff.removed[0], "      <reporter>Kommundirektören</reporter>");
    // A required one keeps its element, emptied, so that the check can point at it.
    const std::string required = edited(xml, {{"goals.goal.0.title", ""}});
    const LineDiff d2 = lineDiff(xml, required);
    ASSERT_EQ(d2.added.size(), 1u) << d2.describe();
    EXPECT_EQ(d2.added[0], "      <title></title>");
}

TEST_F(Layout, EditsInTheEnglishAndFaultySamplesTouchOneLine) {
    for (const auto& [file, path] :
         std::vector<std::pair<std::string, std::string>>{{"region/exempelland-agreement-en.xml", "party.0.title"},
                                                          {"region/exempelland-delegationsordning.xml",
                                                           "delegation-order.area.1.delegation.0.matter"},
                                                          {"faulty/delegation-not-delegable.xml",
                                                           "delegation-order.area.0.delegation.0.delegate"},
                                                          {"faulty/instruction-posts.xml", "organisation.name"}}) {
        const std::string xml = readFile(samplesDir() / file);
        Diagnostics d;
        const std::string old = answerOf(readAnswers(xml, schemas(), d), path);
        ASSERT_NE(old, "<absent>") << file << ": " << path;
        const std::string out = edited(xml, {{path, old + " X"}});
        const LineDiff diff = lineDiff(xml, out);
        ASSERT_EQ(diff.removed.size(), 1u) << file << diff.describe();
        ASSERT_EQ(diff.added.size(), 1u) << file << diff.describe();
        EXPECT_NE(diff.added[0].find(old + " X"), std::string::npos) << file;
        EXPECT_EQ(answerOf(readAnswers(out, schemas(), d), path), old + " X") << file;
    }
}

TEST_F(Layout, WhatXmlCannotHoldNeverReachesTheFile) {
    const std::string xml = readFile(agreement());
    const std::string out = edited(xml, {{"goals.goal.0.title", std::string("Fler\x01 jobb \xff\xfe och\r\nbostäder")},
                                         {"goals.intro", "Första stycket.\r\n\r\nAndra\x0b stycket."}});
    Diagnostics d;
    const Answers a = readAnswers(out, schemas(), d);
    EXPECT_FALSE(d.hasErrors()) << dump(d);
    EXPECT_EQ(answerOf(a, "goals.goal.0.title"), "Fler jobb \xEF\xBF\xBD\xEF\xBF\xBD och bostäder");
    EXPECT_EQ(answerOf(a, "goals.intro"), "Första stycket.\n\nAndra stycket.");
    const Source src = readSourceText(out, "out.xml", schemas(), d);
    EXPECT_FALSE(d.hasErrors()) << dump(d);
}

TEST_F(Layout, AYesNoAnswerInAnotherSpellingLeavesTheFilesOwn) {
    const std::string xml = readFile(agreement());  // writes focus="ja" and recurring="true"
    ASSERT_EQ(answerOf(changedAnswers(xml, {}), "goals.goal.0.focus"), "ja");
    EXPECT_EQ(edited(xml, {{"goals.goal.0.focus", "true"}, {"review.recurring", "ja"}}), xml);
    const LineDiff diff = lineDiff(xml, edited(xml, {{"goals.goal.0.focus", "nej"}}));
    ASSERT_EQ(diff.added.size(), 1u) << diff.describe();
    EXPECT_NE(diff.added[0].find("focus=\"nej\""), std::string::npos) << diff.describe();
}
