// Values every writer can honour: dates 1900-2199, text lengths, whole numbers, review
// intervals and notices, languages, party roles; each refused at its place.
#include <gtest/gtest.h>

#include "source/source_reader.hpp"
#include "source/value_bounds.hpp"

using namespace overens;

namespace {

Schema notes() {
    return Schema{{text("title", false, "", ""), field("body", FieldType::Multiline, false, "", ""),
                   field("due", FieldType::Date, false, "", ""), field("count", FieldType::Integer, false, "", ""),
                   field("size", FieldType::Number, false, "", ""), field("every", FieldType::Duration, false, "", "")}};
}

Diagnostics readWith(const std::string& header, const std::string& notesAttrs, const std::string& lang = "en") {
    Diagnostics d;
    readSourceText("<agreement lang=\"" + lang + "\">\n<organisation type=\"kommun\" name=\"A\"/>\n" + header +
                       "\n<notes " + notesAttrs + "/>\n</agreement>\n",
                   "s.xml", {{"notes", notes()}}, d);
    return d;
}

const Diagnostic* find(const Diagnostics& d, const std::string& code) {
    for (const auto& x : d.all())
        if (x.code == code) return &x;
    return nullptr;
}

}  // namespace

TEST(ValueBounds, DatesFrom1900To2199) {
    EXPECT_FALSE(readWith("", "due=\"1900-01-01\"").hasErrors());
    EXPECT_FALSE(readWith("", "due=\"2199-12-31\"").hasErrors());
    for (const char* bad : {"1899-12-31", "2200-01-01", "9999-12-31"}) {
        const Diagnostics d = readWith("", std::string("due=\"") + bad + "\"");
        const Diagnostic* x = find(d, "source.date-out-of-range");
        ASSERT_NE(x, nullptr) << bad;
        EXPECT_EQ(x->where.line, 4);
        EXPECT_EQ(x->where.column, 8);
    }
    EXPECT_NE(find(readWith("<registration adopted=\"9999-01-01\"/>", ""), "source.date-out-of-range"), nullptr);
}

TEST(ValueBounds, TextLengthsWithinAPdfString) {
    EXPECT_FALSE(readWith("", "title=\"" + std::string(bounds::kMaxTextChars, 'x') + "\"").hasErrors());
    // Characters, not bytes: 2,000 å are 4,000 bytes and fit.
    std::string aring;
    for (std::size_t i = 0; i < bounds::kMaxTextChars; ++i) aring += "å";
    EXPECT_FALSE(readWith("", "title=\"" + aring + "\"").hasErrors());
    const Diagnostics d = readWith("", "title=\"" + std::string(bounds::kMaxTextChars + 1, 'x') + "\"");
    ASSERT_NE(find(d, "source.too-long"), nullptr);
    EXPECT_LT(find(d, "source.too-long")->message_en.size(), 200u);  // the text is not quoted back
    // The organisation's name, which goes into the PDF's document information.
    EXPECT_NE(find(readWith("<registration dnr=\"" + std::string(70000, 'x') + "\"/>", ""), "source.too-long"),
              nullptr);
    EXPECT_NE(find(readWith("", "body=\"" + std::string(bounds::kMaxMultilineChars + 1, 'x') + "\""),
                   "source.too-long"),
              nullptr);
}

TEST(ValueBounds, WholeNumbersAndNumbersInRange) {
    EXPECT_FALSE(readWith("", "count=\"2147483647\"").hasErrors());
    EXPECT_FALSE(readWith("", "count=\"-2147483648\"").hasErrors());
    for (const char* bad : {"2147483648", "99999999999", "-2147483649"})
        EXPECT_NE(find(readWith("", std::string("count=\"") + bad + "\""), "source.integer-out-of-range"), nullptr)
            << bad;
    EXPECT_NE(find(readWith("", "size=\"1e300\""), "source.number-out-of-range"), nullptr);
    EXPECT_TRUE(readWith("", "size=\"1e999\"").hasErrors());  // out of a double: not a number at all
}

TEST(ValueBounds, DurationsReviewIntervalsAndNotices) {
    EXPECT_NE(find(readWith("", "every=\"P101Y\""), "source.duration-out-of-range"), nullptr);
    EXPECT_FALSE(readWith("<review every=\"P10Y\" notify-before=\"P1Y\"/>", "").hasErrors());
    for (const char* review : {"every=\"P11Y\"", "every=\"PT23H\"", "notify-before=\"PT1S\"", "notify-before=\"P13M\"",
                               "notify-before=\"P0D\""}) {
        const Diagnostics d = readWith(std::string("<review ") + review + "/>", "");
        const Diagnostic* x = find(d, "source.bad-duration");
        ASSERT_NE(x, nullptr) << review;
        EXPECT_EQ(x->where.line, 3) << review;
        EXPECT_EQ(x->where.column, 9) << review;
    }
}

TEST(ValueBounds, LanguageOnlySvOrEnAndKnownPartyRoles) {
    for (const char* lang : {"", "de", "SV"})
        EXPECT_NE(find(readWith("", "", lang), "source.bad-lang"), nullptr) << "'" << lang << "'";
    EXPECT_FALSE(readWith("<party role=\"chair\" name=\"A\"/>", "").hasErrors());
    const Diagnostics d = readWith("<party role=\"king\" name=\"A\"/>", "");
    const Diagnostic* x = find(d, "source.unknown-party-role");
    ASSERT_NE(x, nullptr);
    EXPECT_EQ(x->where.line, 3);
    EXPECT_EQ(x->where.column, 8);
    EXPECT_NE(x->message_en.find("chair"), std::string::npos);
}
