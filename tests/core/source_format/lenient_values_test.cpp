#include <gtest/gtest.h>

#include "overens/calendar.hpp"
#include "source/lenient_values.hpp"

using namespace overens;

namespace {
std::string iso(const std::string& text) {
    const auto d = parsePlainDuration(text);
    return d ? d->iso() : "-";
}
}  // namespace

TEST(PlainDuration, SwedishAndEnglishWords) {
    EXPECT_EQ(iso("1 år"), "P1Y");
    EXPECT_EQ(iso("6 månader"), "P6M");
    EXPECT_EQ(iso("varje vecka"), "P1W");
    EXPECT_EQ(iso("Varannan vecka"), "P2W");
    EXPECT_EQ(iso("every 2 weeks"), "P2W");
    EXPECT_EQ(iso("every other month"), "P2M");
    EXPECT_EQ(iso("30 dagar"), "P30D");
    EXPECT_EQ(iso("1 år och 6 månader"), "P1Y6M");
    EXPECT_EQ(iso("1 year, 6 months"), "P1Y6M");
    EXPECT_EQ(iso("ÅRLIGEN"), "P1Y");
    EXPECT_EQ(iso("kvartalsvis"), "P3M");
    EXPECT_EQ(iso("monthly"), "P1M");
    for (const char* bad : {"", "ibland", "6", "år år", "0 dagar", "6månader", "1 år och", "P1Y"})
        EXPECT_EQ(iso(bad), "-") << bad;
}

TEST(PlainDuration, ThePatternIsTheGrammarsShapeOfTheSameLanguage) {
    const std::string p = plainDurationPattern();
    EXPECT_NE(p.find("[mM][oO][nN][tT][hH][sS]"), std::string::npos);
    EXPECT_NE(p.find("[åÅ][rR]"), std::string::npos) << p;
}

TEST(LenientChoice, CodesLabelsAndCaseButNothingElse) {
    const std::vector<Choice> choices{{"year", "Året", "The year"}, {"term", "Mandatperioden", "The term of office"}};
    EXPECT_EQ(matchChoice(choices, "year").value_or("-"), "year");
    EXPECT_EQ(matchChoice(choices, "Året").value_or("-"), "year");
    EXPECT_EQ(matchChoice(choices, "året").value_or("-"), "year");
    EXPECT_EQ(matchChoice(choices, "THE  TERM OF OFFICE").value_or("-"), "term");
    EXPECT_FALSE(matchChoice(choices, "ar"));
    EXPECT_EQ(suggestChoice(choices, "yaer").en, "; did you mean 'year'?");
    EXPECT_EQ(suggestChoice(choices, "mandatperiod").sv, "; menade du 'term'?");
    EXPECT_EQ(suggestChoice(choices, "something else").sv, "");
    EXPECT_EQ(matchYesNo("JA").value_or(false), true);
    EXPECT_EQ(matchYesNo("No").value_or(true), false);
    EXPECT_FALSE(matchYesNo("kanske"));
}
