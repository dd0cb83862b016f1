// The report: alike diagnostics on many rows said once with their lines; at most 50 per code.
#include <gtest/gtest.h>

#include "overens/diagnostics.hpp"

using namespace overens;

TEST(ReportLines, ARuleBrokenOnEveryRowIsSaidOnce) {
    Diagnostics d;
    for (int row = 1; row <= 40; ++row)
        d.error("plugin.no-basis", Location{"d.xml", row + 10, 5}, "rad " + std::to_string(row) + ": ange lagrum",
                "row " + std::to_string(row) + ": give the legal basis");
    d.error("plugin.other", Location{"d.xml", 60, 1}, "annat", "other");
    const auto lines = reportLines(d, "en");
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0], "d.xml:11:5: error: [plugin.no-basis] row 1: give the legal basis");
    EXPECT_EQ(lines[1],
              "d.xml:11:5: note: [plugin.no-basis] the same at 39 more places, to be fixed the same way: lines 12, 13, "
              "14, 15, 16, 17, 18, 19, 20, 21, …");
    EXPECT_EQ(lines[2], "d.xml:60:1: error: [plugin.other] other");
    EXPECT_EQ(d.all().size(), 41u);  // the diagnostics themselves are all kept
}

TEST(ReportLines, TwoAlikeAreBothSaid) {
    Diagnostics d;
    d.error("c", Location{"d.xml", 1, 1}, "rad 1: x", "row 1: x");
    d.error("c", Location{"d.xml", 2, 1}, "rad 2: x", "row 2: x");
    EXPECT_EQ(reportLines(d, "sv").size(), 2u);
}

TEST(ReportLines, CappedAtFiftyPerCode) {
    Diagnostics d;
    for (int i = 0; i < 100000; ++i)
        d.error("source.unknown-attribute", Location{"d.xml", 1, i + 1}, "okänt attribut 'a'", "unknown attribute 'a'");
    for (int i = 0; i < 120; ++i) {  // 120 different names, no digits: not alike
        const std::string name{static_cast<char>('a' + i % 26), static_cast<char>('a' + i / 26)};
        d.error("source.unknown-element", Location{"d.xml", 2, i + 1}, "okänt <" + name + ">", "unknown <" + name + ">");
    }
    const auto lines = reportLines(d, "en");
    // unknown-attribute: all alike, said once; unknown-element: 120 different, 50 shown.
    std::size_t elements = 0;
    for (const auto& l : lines) elements += l.find("error: [source.unknown-element]") != std::string::npos;
    EXPECT_EQ(elements, 50u);
    EXPECT_EQ(lines.back(), "d.xml: note: [source.unknown-element] and 70 more like this");
    EXPECT_LT(lines.size(), 60u);
}
