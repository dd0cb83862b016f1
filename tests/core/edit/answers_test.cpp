// The answers model against every sample: reading a source into answers and writing them back
// gives the same bytes, and one changed answer changes exactly that attribute or element.
#include <gtest/gtest.h>

#include <algorithm>

#include "edit/answers.hpp"
#include "edit_fixtures.hpp"

using namespace overens;
using namespace overens::edit;
using namespace overens::test;

namespace {

class Answered : public EditFixture {
protected:
    // The answer, or "" when the file leaves it out (what a form posts for an empty input).
    static std::string present(const Answers& a, const std::string& path) {
        const std::string v = answerOf(a, path);
        return v == "<absent>" ? std::string() : v;
    }
};

}  // namespace

TEST_F(Answered, EverySampleWritesBackByteForByte) {
    const auto files = sampleFiles();
    ASSERT_GE(files.size(), 18u);
    for (const auto& file : files) {
        const std::string xml = readFile(file);
        Diagnostics d;
        const Answers a = readAnswers(xml, schemas(), d);
        EXPECT_FALSE(d.hasErrors()) << file << "\n" << dump(d);
        EXPECT_GT(a.size(), 10u) << file;
        const std::string back = applyAnswers(xml, a, schemas(), d);
        EXPECT_EQ(back, xml) << file << "\n" << lineDiff(xml, back).describe();
        EXPECT_EQ(d.all().size(), 0u) << file << "\n" << dump(d);
        // Nothing posted changes nothing, too.
        EXPECT_EQ(applyAnswers(xml, {}, schemas(), d), xml) << file;
    }
}

TEST_F(Answered, AnswersAreTheValuesTheSourceReaderReads) {
    for (const auto& file : sampleFiles()) {
        const std::string xml = readFile(file);
        Diagnostics d;
        const Answers a = readAnswers(xml, schemas(), d);
        const Answers expected = valuesFromReader(xml);
        ASSERT_GT(expected.size(), 5u) << file;
        for (const auto& [path, v] : expected) EXPECT_EQ(answerOf(a, path), v) << file << ": " << path;
    }
}

TEST_F(Answered, AHeaderAttributeChangesOnlyThatAttribute) {
    const std::string xml = readFile(agreement());
    const std::string out = edited(xml, {{"party.1.name", "Karin Lind"}});
    const LineDiff diff = lineDiff(xml, out);
    ASSERT_EQ(diff.removed.size(), 1u) << diff.describe();
    ASSERT_EQ(diff.added.size(), 1u) << diff.describe();
    std::string expected = diff.removed[0];
    expected.replace(expected.find("Karin Lindqvist"), 15, "Karin Lind");
    EXPECT_EQ(diff.added[0], expected);
}

TEST_F(Answered, AnEmptiedOptionalAttributeIsRemovedAndAnAbsentOneAdded) {
    const std::string xml = readFile(agreement());
    const std::string out = edited(xml, {{"registration.version", ""}, {"registration.minutes", "§ 7"}});
    const LineDiff diff = lineDiff(xml, out);
    ASSERT_EQ(diff.removed.size(), 1u) << diff.describe();
    ASSERT_EQ(diff.added.size(), 1u) << diff.describe();
    EXPECT_EQ(diff.removed[0], "  <registration dnr=\"KS 2027/0042\" adopted=\"2027-01-20\" version=\"1.0\"/>");
    EXPECT_EQ(diff.added[0], "  <registration dnr=\"KS 2027/0042\" adopted=\"2027-01-20\" minutes=\"§ 7\"/>");
}

TEST_F(Answered, AMultilineTextChangesOnlyItsElementAndKeepsItsLayout) {
    const std::string xml = readFile(agreement());
    const std::string text =
        "Målen bygger på fullmäktiges budget. Vi har valt de mål där samarbetet gör störst skillnad.\n\n"
        "Ett andra stycke & ett tecken som måste skyddas: <.";
    const std::string out = edited(xml, {{"goals.intro", text}});
    const LineDiff diff = lineDiff(xml, out);
    EXPECT_EQ(diff.removed.size(), 3u) << diff.describe();  // the three lines of the old text
    ASSERT_EQ(diff.added.size(), 3u) << diff.describe();
    EXPECT_EQ(diff.added[0], "      Målen bygger på fullmäktiges budget. Vi har valt de mål där samarbetet gör störst skillnad.");
    EXPECT_EQ(diff.added[1], "");
    EXPECT_EQ(diff.added[2], "      Ett andra stycke &amp; ett tecken som måste skyddas: &lt;.");
    Diagnostics d;
    EXPECT_EQ(answerOf(readAnswers(out, schemas(), d), "goals.intro"), text);
    expectSameDiagnostics(xml, out);
}

TEST_F(Answered, ATableCellAndAListItemChangeOnlyTheirLine) {
    const std::string xml = readFile(agreement());
    for (const auto& [path, v] : Answers{{"goals.goal.0.measure.1.target", "högst 9 %"},
                                         {"goals.goal.0.activity.1", "En gemensam plan för hög frånvaro"},
                                         {"goals.goal.2.title", "Snabbare bygglov"}}) {
        Diagnostics d;
        const std::string old = answerOf(readAnswers(xml, schemas(), d), path);
        const std::string out = edited(xml, {{path, v}});
        const LineDiff diff = lineDiff(xml, out);
        ASSERT_EQ(diff.removed.size(), 1u) << path << diff.describe();
        ASSERT_EQ(diff.added.size(), 1u) << path << diff.describe();
        std::string expected = diff.removed[0];
        expected.replace(expected.find(old), old.size(), v);
        EXPECT_EQ(diff.added[0], expected) << path;
        EXPECT_EQ(answerOf(readAnswers(out, schemas(), d), path), v);
    }
}

TEST_F(Answered, RowsAreAddedRemovedDuplicatedAndReordered) {
    const std::string xml = readFile(agreement());
    Diagnostics d;
    const Answers before = readAnswers(xml, schemas(), d);
    const std::string measure0 = sourceLineContaining(xml, "Andel elever i årskurs 9");
    const std::string measure1 = sourceLineContaining(xml, "Andel elever med mer än 15");

    // Added: a third measure, written like its siblings.
    std::string out = edited(xml, {{"goals.goal.0.measure.count", "3"},
                                   {"goals.goal.0.measure.2.#", ""},
                                   {"goals.goal.0.measure.2.indicator", "Andel elever med godkända betyg i matematik"},
                                   {"goals.goal.0.measure.2.target", "90 %"}});
    LineDiff diff = lineDiff(xml, out);
    EXPECT_TRUE(diff.removed.empty()) << diff.describe();
    ASSERT_EQ(diff.added.size(), 1u) << diff.describe();
    EXPECT_EQ(diff.added[0],
              "      <measure indicator=\"Andel elever med godkända betyg i matematik\" target=\"90 %\"/>");
    EXPECT_EQ(diff.before, lineNumberOf(xml, measure1));  // right after the last measure

    // Removed: the first measure; the answers of the one that stays now sit at index 0.
    Answers removeFirst = {{"goals.goal.0.measure.count", "1"}, {"goals.goal.0.measure.0.#", "1"}};
    for (const char* f : {"indicator", "baseline", "target", "due", "follow-up"})
        removeFirst.emplace_back(std::string("goals.goal.0.measure.0.") + f,
                                 present(before, std::string("goals.goal.0.measure.1.") + f));
    out = edited(xml, removeFirst);
    diff = lineDiff(xml, out);
    ASSERT_EQ(diff.removed.size(), 1u) << diff.describe();
    EXPECT_TRUE(diff.added.empty()) << diff.describe();
    EXPECT_EQ(diff.removed[0], measure0);

    // Duplicated: the first measure twice; the copy is the same line below the original.
    Answers duplicate = {{"goals.goal.0.measure.count", "3"},
                         {"goals.goal.0.measure.1.#", "0"},
                         {"goals.goal.0.measure.2.#", "1"}};
    for (const char* f : {"indicator", "baseline", "target", "due", "follow-up"}) {
        duplicate.emplace_back(std::string("goals.goal.0.measure.1.") + f,
                               present(before, std::string("goals.goal.0.measure.0.") + f));
        duplicate.emplace_back(std::string("goals.goal.0.measure.2.") + f,
                               present(before, std::string("goals.goal.0.measure.1.") + f));
    }
    out = edited(xml, duplicate);
    diff = lineDiff(xml, out);
    EXPECT_TRUE(diff.removed.empty()) << diff.describe();
    ASSERT_EQ(diff.added.size(), 1u) << diff.describe();
    EXPECT_EQ(diff.added[0], measure0);

    // Reordered: two whole goals swap places; every line of both survives, nothing else moves.
    Answers swap = changedAnswers(xml, {});
    Answers reordered;
    for (const auto& [p, v] : swap) {
        std::string q = p;
        if (q.rfind("goals.goal.2.", 0) == 0) q.replace(11, 1, "3");
        else if (q.rfind("goals.goal.3.", 0) == 0) q.replace(11, 1, "2");
        reordered.emplace_back(q, q == "goals.goal.2.#" ? "3" : q == "goals.goal.3.#" ? "2" : v);
    }
    Diagnostics d2;
    out = applyAnswers(xml, reordered, schemas(), d2);
    EXPECT_EQ(d2.all().size(), 0u) << dump(d2);
    diff = lineDiff(xml, out);
    const std::string goal3 = sourceLineContaining(xml, "Lägre sjukfrånvaro");
    EXPECT_NE(std::find(diff.removed.begin(), diff.removed.end(), goal3), diff.removed.end()) << diff.describe();
    EXPECT_NE(std::find(diff.added.begin(), diff.added.end(), goal3), diff.added.end()) << diff.describe();
    std::vector<std::string> removed = diff.removed, added = diff.added;
    std::sort(removed.begin(), removed.end());
    std::sort(added.begin(), added.end());
    EXPECT_EQ(removed, added);  // a move: the same lines, elsewhere
    Diagnostics d3;
    const Answers after = readAnswers(out, schemas(), d3);
    EXPECT_EQ(answerOf(after, "goals.goal.2.title"), answerOf(before, "goals.goal.3.title"));
    EXPECT_EQ(answerOf(after, "goals.goal.3.title"), answerOf(before, "goals.goal.2.title"));
    expectSameDiagnostics(xml, out);
}

TEST_F(Answered, AListItemIsAddedAndRemoved) {
    const std::string xml = readFile(agreement());
    const std::string out = edited(xml, {{"goals.goal.2.activity.count", "3"},
                                         {"goals.goal.2.activity.2.#", ""},
                                         {"goals.goal.2.activity.2", "Samråd med näringslivet varje kvartal"}});
    LineDiff diff = lineDiff(xml, out);
    EXPECT_TRUE(diff.removed.empty()) << diff.describe();
    ASSERT_EQ(diff.added.size(), 1u) << diff.describe();
    EXPECT_EQ(diff.added[0], "      <activity>Samråd med näringslivet varje kvartal</activity>");

    const std::string fewer = edited(xml, {{"goals.goal.2.activity.count", "1"}});
    diff = lineDiff(xml, fewer);
    ASSERT_EQ(diff.removed.size(), 1u) << diff.describe();
    EXPECT_TRUE(diff.added.empty());
    EXPECT_NE(diff.removed[0].find("Förhandsmöten för större projekt"), std::string::npos);
}

TEST_F(Answered, AMissingGroupAndSectionAreCreatedInSchemaOrder) {
    const std::string sample = readFile(delegationOrder());
    const std::string reviewLine = sourceLineContaining(sample, "<review ") + "\n";
    const std::string xml = std::string(sample).erase(sample.find(reviewLine), reviewLine.size());
    // A group the file lacks gets its own element in schema order, indented like its siblings.
    Diagnostics d;
    const Answers a = readAnswers(xml, schemas(), d);
    ASSERT_EQ(answerOf(a, "review.every"), "<absent>");
    std::string out = edited(xml, {{"review.every", "P2Y"}});
    LineDiff diff = lineDiff(xml, out);
    EXPECT_TRUE(diff.removed.empty()) << diff.describe();
    ASSERT_EQ(diff.added.size(), 1u) << diff.describe();
    EXPECT_EQ(diff.added[0], "  <review every=\"P2Y\"/>");
    EXPECT_EQ(diff.before, static_cast<std::size_t>(lineNumberOf(xml, sourceLineContaining(xml, "<registration "))));
    expectSameDiagnostics(xml, out);

    // A section the file lacks is added after the sections it has.
    const std::string withoutSection = xml.substr(0, xml.find("  <delegation-order ")) + "</delegation-order>\n";
    out = edited(withoutSection, {{"delegation-order.introduction", "Styrelsen delegerar."}});
    diff = lineDiff(withoutSection, out);
    EXPECT_TRUE(diff.removed.empty()) << diff.describe();
    ASSERT_EQ(diff.added.size(), 3u) << diff.describe();
    EXPECT_EQ(diff.added[0], "  <delegation-order>");
    EXPECT_EQ(diff.added[1], "    <introduction>Styrelsen delegerar.</introduction>");
    EXPECT_EQ(diff.added[2], "  </delegation-order>");

    // A registration emptied of its last value goes away with its line.
    std::string only = edited(xml, {{"registration.dnr", ""}, {"registration.adopted", ""}, {"registration.body", ""},
                                    {"registration.minutes", ""}, {"registration.version", ""}});
    diff = lineDiff(xml, only);
    ASSERT_EQ(diff.removed.size(), 1u) << diff.describe();
    EXPECT_TRUE(diff.added.empty()) << diff.describe();
    EXPECT_EQ(diff.removed[0].rfind("  <registration ", 0), 0u);
}

TEST_F(Answered, ANewDocumentTakesTheHeaderOfAnotherAndFillsDefaults) {
    const std::string from = readFile(agreement());
    const DocumentKind& kind = kinds().at("director-instruction");
    const std::string xml = newDocument(kind, "sv", &from, schemas());
    Diagnostics d;
    const Answers a = readAnswers(xml, schemas(), d);
    EXPECT_FALSE(d.hasErrors()) << dump(d);
    EXPECT_EQ(answerOf(a, "kind"), "director-instruction");
    EXPECT_EQ(answerOf(a, "organisation.name"), "Exempelby kommun");
    EXPECT_EQ(answerOf(a, "party.1.name"), "Karin Lindqvist");
    EXPECT_EQ(answerOf(a, "party.count"), "2");
    // A field whose interview takes its default from the header starts from it.
    EXPECT_EQ(answerOf(a, "director-instruction.post-title"), "Kommundirektör");
    // Every section of the kind is there, so the form writes into it.
    for (const auto& s : kind.sections) EXPECT_NE(xml.find("<" + s.id), std::string::npos) << s.id;
    // Its answers written back change nothing; a first answer lands inside its section.
    EXPECT_EQ(applyAnswers(xml, a, schemas(), d), xml);
    const std::string section = kind.sections.front().id;
    const Field* firstText = nullptr;
    for (const auto& f : schemas().at(section).fields)
        if (f.type == FieldType::Multiline || f.type == FieldType::Text) {
            firstText = &f;
            break;
        }
    ASSERT_NE(firstText, nullptr);
    const std::string out = applyAnswers(xml, {{section + "." + firstText->name, "Ett första svar."}}, schemas(), d);
    EXPECT_EQ(answerOf(readAnswers(out, schemas(), d), section + "." + firstText->name), "Ett första svar.");
    EXPECT_EQ(d.all().size(), 0u) << dump(d);
}

TEST_F(Answered, UnknownAnswersAreReportedAndIgnored) {
    const std::string xml = readFile(agreement());
    Diagnostics d;
    const std::string out =
        applyAnswers(xml, {{"goals.nonsense", "x"}, {"goals.goal.0.title.x", "y"}, {"party.0", "z"}}, schemas(), d);
    EXPECT_EQ(out, xml);
    EXPECT_EQ(d.count(Severity::Warning), 3u) << dump(d);
    EXPECT_TRUE(d.hasCode("edit.unknown-answer"));
}

TEST_F(Answered, MalformedXmlGivesNoAnswersAndIsNotTouched) {
    Diagnostics d;
    EXPECT_TRUE(readAnswers("<agreement><goals></agreement>", schemas(), d).empty());
    EXPECT_TRUE(d.hasCode("source.malformed-xml"));
    Diagnostics d2;
    EXPECT_EQ(applyAnswers("<agreement><goals>", {{"goals.intro", "x"}}, schemas(), d2), "<agreement><goals>");
    EXPECT_TRUE(d2.hasErrors());
}

TEST_F(Answered, EveryDiagnosticOfTheFaultySamplesPointsAtAField) {
    std::size_t placed = 0;
    for (const auto& file : sampleFiles()) {
        const std::string xml = readFile(file);
        const FieldPaths paths = fieldPaths(xml, schemas());
        for (const Diagnostic& diag : validateDiagnostics(file)) {
            if (!diag.where.known()) continue;
            const std::string path = fieldPathAt(paths, diag.where);
            EXPECT_FALSE(path.empty()) << diag.format("en");
            ++placed;
        }
    }
    EXPECT_GT(placed, 15u);
}

TEST_F(Answered, ADiagnosticsLocationNamesItsField) {
    const std::string file = (samplesDir() / "faulty" / "delegation-urgent-and-reporting.xml").string();
    const std::string xml = readFile(file);
    const FieldPaths paths = fieldPaths(xml, schemas());
    bool sawDelegationRow = false;
    for (const Diagnostic& diag : validateDiagnostics(file)) {
        const std::string path = fieldPathAt(paths, diag.where);
        sawDelegationRow = sawDelegationRow || path.rfind("delegation-order.", 0) == 0;
    }
    EXPECT_TRUE(sawDelegationRow);
    // An attribute's own place maps to its path.
    const std::string agreementXml = readFile(agreement());
    const FieldPaths ap = fieldPaths(agreementXml, schemas());
    const int line = lineNumberOf(agreementXml, sourceLineContaining(agreementXml, "role=\"director\""));
    const std::string partyLine = sourceLineContaining(agreementXml, "role=\"director\"");
    const int column = static_cast<int>(partyLine.find("name=\"Karin")) + 1;
    EXPECT_EQ(fieldPathAt(ap, Location{"", line, column}), "party.1.name");
    EXPECT_EQ(fieldPathAt(ap, Location{"", line, column + 3}), "party.1.name");
    EXPECT_EQ(fieldPathAt(ap, Location{"", line, 3}), "party.1");
}
