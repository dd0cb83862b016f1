// Locations: LF, CR and CRLF alike, columns in characters, linear for any line length.
#include <gtest/gtest.h>

#include <chrono>

#include "source/source_reader.hpp"

using namespace overens;

namespace {

Schema notes() {
    Field row = field("row", FieldType::Table, false, "", "");
    row.fields = {text("name", false, "", ""), field("due", FieldType::Date, false, "", "")};
    return Schema{{row, field("body", FieldType::Multiline, false, "", "")}};
}

std::string withEnds(const std::string& lf, const std::string& end) {
    std::string out;
    for (char c : lf) out += c == '\n' ? end : std::string(1, c);
    return out;
}

}  // namespace

TEST(XmlLocations, LfCrAndCrlfGiveTheSamePlaces) {
    const std::string lf =
        "<agreement lang=\"en\">\n"
        "  <notes>\n"
        "    <row name=\"Å\" due=\"2027-02-30\"/>\n"
        "    <body>\n"
        "\n"
        "      Text</body>\n"
        "    <row name=\"ö\" bad=\"x\"/>\n"
        "  </notes>\n"
        "</agreement>\n";
    for (const std::string end : {"\n", "\r", "\r\n"}) {
        Diagnostics d;
        const Source s = readSourceText(withEnds(lf, end), "s.xml", {{"notes", notes()}}, d);
        ASSERT_EQ(s.sections.size(), 1u);
        const Record& r = s.sections[0].values;
        EXPECT_EQ(r.where.line, 2);
        ASSERT_EQ(r.rows("row").size(), 2u);
        EXPECT_EQ(r.rows("row")[0].whereOf("due").line, 3);
        EXPECT_EQ(r.rows("row")[0].whereOf("due").column, 19);  // Å counts once
        EXPECT_EQ(r.whereOf("body").line, 6);
        EXPECT_EQ(r.whereOf("body").column, 7);
        bool sawBad = false;
        for (const auto& x : d.all())
            if (x.code == "source.unknown-attribute") {
                sawBad = true;
                EXPECT_EQ(x.where.line, 7);
                EXPECT_EQ(x.where.column, 19);
            }
        EXPECT_TRUE(sawBad);
    }
}

TEST(XmlLocations, OneVeryLongLineIsLinear) {
    // 100,000 elements with an unknown attribute on one line: quadratic lookups took a minute.
    std::string xml = "<agreement lang=\"en\"><notes>";
    for (int i = 0; i < 100000; ++i) xml += "<row name=\"é\" x=\"1\"/>";
    xml += "</notes></agreement>";
    Diagnostics d;
    const auto start = std::chrono::steady_clock::now();
    readSourceText(xml, "s.xml", {{"notes", notes()}}, d);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_EQ(d.count(Severity::Error), 100001u);  // and the missing <organisation>
    const Diagnostic& last = d.all().back();
    ASSERT_EQ(last.code, "source.unknown-attribute");
    EXPECT_EQ(last.where.line, 1);
    EXPECT_EQ(last.where.column, 29 + 99999 * 21 + 14);
    EXPECT_LT(seconds, 20.0);  // generous: a bound on the shape, not a benchmark
}
