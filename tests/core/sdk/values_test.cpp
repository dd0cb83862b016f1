#include <gtest/gtest.h>

#include "overens/diagnostics.hpp"
#include "overens/values.hpp"
#include "overens/wording.hpp"
#include "overens/compose.hpp"

using namespace overens;

TEST(Record, AnswersWhatWasSetAndFallsBackOtherwise) {
    Record r;
    r.where = {"a.xml", 3, 5};
    Value v;
    v.text = "Mål";
    v.where = {"a.xml", 4, 7};
    r.setScalar("title", v);
    EXPECT_TRUE(r.has("title"));
    EXPECT_EQ(r.text("title"), "Mål");
    EXPECT_EQ(r.text("missing", "x"), "x");
    EXPECT_EQ(r.whereOf("title").line, 4);
    EXPECT_EQ(r.whereOf("missing").line, 3);
    EXPECT_TRUE(r.list("none").empty());
    EXPECT_TRUE(r.rows("none").empty());
    EXPECT_EQ(r.group("none"), nullptr);
}

TEST(Diagnostics, FormatsWithLocationAndLanguage) {
    Diagnostics d;
    d.error("x.code", {"f.xml", 12, 4}, "fel", "wrong");
    d.warning("x.other", {"f.xml"}, "varning", "warning");
    EXPECT_EQ(d.all()[0].format("sv"), "f.xml:12:4: error: [x.code] fel");
    EXPECT_EQ(d.all()[0].format("en"), "f.xml:12:4: error: [x.code] wrong");
    EXPECT_EQ(d.all()[1].format("sv"), "f.xml: warning: [x.other] varning");
    EXPECT_TRUE(d.hasErrors());
    EXPECT_TRUE(d.hasCode("x.other"));
    EXPECT_EQ(d.count(Severity::Warning), 1u);
}

TEST(Wording, SubstitutesAndMarksGaps) {
    Wording w(std::map<std::string, std::string>{{"greeting", "Hej {name}, {unknown}"}});
    EXPECT_EQ(w.format("greeting", {{"name", "Åsa"}}), "Hej Åsa, {unknown}");
    EXPECT_EQ(w.get("nope"), "[nope]");
    EXPECT_EQ(w.missing().count("nope"), 1u);
}

TEST(Compose, FillsPlaceholdersAsValueRunsAndSplitsParagraphs) {
    Wording w(std::map<std::string, std::string>{{"k", "Mötet hålls {when}.\n\nAndra {x}"}});
    auto paragraphs = compose::format(w, "k", {{"when", "varje vecka"}});
    ASSERT_EQ(paragraphs.size(), 2u);
    ASSERT_EQ(paragraphs[0].size(), 3u);
    EXPECT_EQ(paragraphs[0][1].text, "varje vecka");
    EXPECT_TRUE(paragraphs[0][1].field);
    EXPECT_FALSE(paragraphs[0][0].field);
    EXPECT_EQ(doc::plainText(paragraphs[1]), "Andra {x}");
    EXPECT_EQ(compose::paragraphsOf("  a \n\n\n\n b  ").size(), 2u);
    EXPECT_EQ(compose::foldKey("  Kommun  DIREKTÖR "), "kommun direktör");
    EXPECT_EQ(doc::plainText(compose::answerInline("ett\n\ntvå")), "ett två");
}
