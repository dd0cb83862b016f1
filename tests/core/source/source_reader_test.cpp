// The source reader: header, typed values, and the exact place of every value and problem.
#include <gtest/gtest.h>

#include <filesystem>

#include "core_fixtures.hpp"
#include "source/shown_name.hpp"
#include "source/source_reader.hpp"

using namespace overens;
using namespace overens::test;

namespace {

SchemaLookup schemas() {
    Field level = field("level", FieldType::Enum, false, "Nivå", "Level");
    level.choices = {{"low", "", ""}, {"high", "", ""}};
    Field rows = field("row", FieldType::Table, false, "Rad", "Row");
    rows.fields = {text("name", true, "Namn", "Name"), field("due", FieldType::Date, false, "", "")};
    Field items = field("item", FieldType::List, false, "", "");
    return {{"notes", Schema{{text("title", true, "Rubrik", "Title"), field("body", FieldType::Multiline, false, "", ""),
                              field("due", FieldType::Date, false, "", ""),
                              field("every", FieldType::Duration, false, "", ""),
                              field("contact", FieldType::Email, false, "", ""), level,
                              field("urgent", FieldType::Boolean, false, "", ""),
                              field("count", FieldType::Integer, false, "", ""), items, rows}}}};
}

Source read(const std::string& xml, Diagnostics& d, ReadStatus* status = nullptr) {
    return readSourceText(xml, "s.xml", schemas(), d, {}, status);
}

std::string dump(const Diagnostics& d) {
    std::string s;
    for (const auto& x : d.all()) s += x.format("en") + "\n";
    return s;
}

const char* kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                                     // 1
    "<agreement lang=\"sv\">\n"                                                                        // 2
    "  <organisation type=\"region\" name=\"Region Exempelland\"/>\n"                                   // 3
    "  <party role=\"chair\" name=\"Johan Ek\" title=\"Ordförande\" email=\"johan.ek@example.se\"/>\n"  // 4
    "  <party role=\"director\" name=\"Maria Öberg\" title=\"Regiondirektör\"/>\n"                      // 5
    "  <registration dnr=\"RS 2027/7\" adopted=\"2027-02-01\" minutes=\"§ 4\" version=\"2.0\"/>\n"      // 6
    "  <review every=\"P6M\" notify-before=\"P30D\" recurring=\"ja\"/>\n"                              // 7
    "  <history><revision version=\"2.0\" date=\"2027-02-01\" note=\"Ny\"/></history>\n";              // 8

}  // namespace

TEST(SourceReader, ReadsTheHeader) {
    Diagnostics d;
    Source s = read(std::string(kHeader) + "</agreement>\n", d);
    EXPECT_FALSE(d.hasErrors()) << dump(d);
    const Context& c = s.context;
    EXPECT_EQ(c.kind, "agreement");
    EXPECT_EQ(c.lang, "sv");
    EXPECT_EQ(c.organisation.type, "region");
    EXPECT_EQ(c.organisation.board, "");  // the engine fills in the default of the output language
    ASSERT_EQ(c.parties.size(), 2u);
    EXPECT_EQ(c.party("director")->name, "Maria Öberg");
    EXPECT_EQ(c.party("director")->where.line, 5);
    EXPECT_EQ(c.registration.dnr, "RS 2027/7");
    EXPECT_EQ(c.registration.adopted->iso(), "2027-02-01");
    EXPECT_EQ(c.registration.minutes, "§ 4");
    EXPECT_EQ(c.review.every->months, 6);
    EXPECT_TRUE(c.review.recurring);
    ASSERT_EQ(c.history.size(), 1u);
    EXPECT_EQ(c.history[0].note, "Ny");
    EXPECT_EQ(s.where.line, 2);
    EXPECT_EQ(s.sha256.size(), 64u);
}

TEST(SourceReader, KeepsLineAndColumnOfElementsAttributesAndText) {
    Diagnostics d;
    const std::string xml = std::string(kHeader) +
                            "  <notes title=\"Åtagande\" due=\"2027-05-01\">\n"  // 9
                            "    <body>\n"                                        // 10
                            "      Första raden.\n"                               // 11
                            "    </body>\n"                                       // 12
                            "    <item>ett</item><item>två</item>\n"              // 13
                            "    <row name=\"A\"/>\n"                             // 14
                            "    <row><name>B</name><due>2027-06-01</due></row>\n"  // 15
                            "  </notes>\n"
                            "</agreement>\n";
    Source s = read(xml, d);
    EXPECT_FALSE(d.hasErrors()) << dump(d);
    ASSERT_EQ(s.sections.size(), 1u);
    const Record& r = s.sections[0].values;
    EXPECT_EQ(r.where.line, 9);
    EXPECT_EQ(r.where.column, 3);
    EXPECT_EQ(r.get("title")->where.line, 9);
    EXPECT_EQ(r.get("title")->where.column, 10);
    EXPECT_EQ(r.get("due")->where.column, 27);  // columns count characters: Å is one
    EXPECT_EQ(r.get("body")->where.line, 11);
    EXPECT_EQ(r.get("body")->where.column, 7);
    EXPECT_EQ(r.text("body"), "Första raden.");
    ASSERT_EQ(r.list("item").size(), 2u);
    EXPECT_EQ(r.list("item")[1].text, "två");
    EXPECT_EQ(r.list("item")[1].where.column, 27);
    ASSERT_EQ(r.rows("row").size(), 2u);
    EXPECT_EQ(r.rows("row")[1].text("name"), "B");
    EXPECT_EQ(r.rows("row")[1].date("due")->iso(), "2027-06-01");
    EXPECT_EQ(r.rows("row")[1].get("due")->where.line, 15);
}

TEST(SourceReader, LocationsSurviveCrLfLineEnds) {
    Diagnostics d;
    std::string xml = std::string(kHeader) + "  <notes title=\"x\" due=\"2027-02-30\"/>\n</agreement>\n";
    std::string crlf;
    for (char c : xml) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    read(crlf, d);
    ASSERT_EQ(d.all().size(), 1u) << dump(d);
    EXPECT_EQ(d.all()[0].code, "source.bad-date");
    EXPECT_EQ(d.all()[0].where.line, 9);
    EXPECT_EQ(d.all()[0].where.column, 20);
}

TEST(SourceReader, ReportsBadValuesWhereTheyAre) {
    Diagnostics d;
    const std::string xml = std::string(kHeader) +
                            "  <notes title=\"x\" due=\"2027-02-29\" every=\"sometimes\" contact=\"nobody\" level=\"mid\"\n"
                            "         urgent=\"kanske\" count=\"3.5\" colour=\"red\">\n"  // 10
                            "    <row/>\n"                                                 // 11
                            "    <unknown>?</unknown>\n"                                   // 12
                            "  </notes>\n"
                            "</agreement>\n";
    read(xml, d);
    std::map<std::string, Location> at;
    for (const auto& x : d.all()) at[x.code] = x.where;
    EXPECT_EQ(at["source.bad-date"].line, 9);
    EXPECT_EQ(at["source.bad-duration"].line, 9);
    EXPECT_EQ(at["source.bad-email"].line, 9);
    EXPECT_EQ(at["source.bad-choice"].line, 9);
    EXPECT_EQ(at["source.bad-boolean"].line, 10);
    EXPECT_EQ(at["source.bad-integer"].line, 10);
    EXPECT_EQ(at["source.unknown-attribute"].line, 10);
    EXPECT_EQ(at["source.missing-field"].line, 11);  // the row lacks its required name
    EXPECT_EQ(at["source.unknown-element"].line, 12);
    EXPECT_EQ(at["source.unknown-element"].column, 5);
    EXPECT_NE(dump(d).find("allowed here: title, body"), std::string::npos) << dump(d);
}

TEST(SourceReader, UnknownSectionListsTheInstalledOnes) {
    Diagnostics d;
    read(std::string(kHeader) + "  <goalz/>\n</agreement>\n", d);
    ASSERT_TRUE(d.hasCode("source.unknown-section")) << dump(d);
    EXPECT_NE(dump(d).find("s.xml:9:3: error: [source.unknown-section] unknown section <goalz>; installed sections: notes"),
              std::string::npos)
        << dump(d);
}

TEST(SourceReader, LongUnknownNamesAreQuotedShort) {
    // A name of 100,000 characters (issue 15 had 10 MB) is quoted by its first 60 and "…".
    const std::string longName = "n" + std::string(99999, 'x');
    const std::string shown = "n" + std::string(59, 'x') + "…";
    Diagnostics d;
    read(std::string(kHeader) + "  <notes title=\"t\" " + longName + "=\"1\">\n    <" + longName + "/>\n  </notes>\n  <" +
             longName + "/>\n  <party role=\"" + longName + "\" name=\"x\"/>\n</agreement>\n",
         d);
    const std::string text = dump(d);
    EXPECT_NE(text.find("s.xml:9:20: error: [source.unknown-attribute] unknown attribute '" + shown + "'; allowed:"),
              std::string::npos)
        << text.substr(0, 2000);
    EXPECT_NE(text.find("s.xml:10:5: error: [source.unknown-element] unknown element <" + shown + ">; allowed here:"),
              std::string::npos)
        << text.substr(0, 2000);
    EXPECT_NE(text.find("s.xml:12:3: error: [source.unknown-section] unknown section <" + shown + ">; installed"),
              std::string::npos)
        << text.substr(0, 2000);
    EXPECT_NE(text.find("[source.unknown-party-role] unknown role '" + shown + "'; known roles:"), std::string::npos)
        << text.substr(0, 2000);
    EXPECT_LT(text.size(), 3000u) << text.substr(0, 2000);
    // Characters, not bytes: a name of "å"s is cut between characters.
    std::string a60, a61;
    for (int i = 0; i < 60; ++i) a60 += "å";
    a61 = a60 + "å";
    EXPECT_EQ(shownName(a61), a60 + "…");
    EXPECT_EQ(shownName(a60), a60);
    EXPECT_EQ(shownName(std::string(60, 'a')), std::string(60, 'a'));
}

TEST(SourceReader, MalformedXmlIsAnErrorAtItsPlace) {
    Diagnostics d;
    ReadStatus status;
    read("<agreement>\n  <organisation name=\"x>\n</agreement>\n", d, &status);
    EXPECT_EQ(status, ReadStatus::Malformed);
    ASSERT_EQ(d.all().size(), 1u);
    EXPECT_EQ(d.all()[0].code, "source.malformed-xml");
    EXPECT_GE(d.all()[0].where.line, 2);
}

TEST(SourceReader, RefusesDoctypeAndEntities) {
    Diagnostics d;
    ReadStatus status;
    read("<?xml version=\"1.0\"?>\n<!DOCTYPE agreement [<!ENTITY lol \"lol\">]>\n<agreement>&lol;</agreement>\n", d,
         &status);
    EXPECT_EQ(status, ReadStatus::Malformed);
    ASSERT_TRUE(d.hasCode("source.doctype")) << dump(d);
    EXPECT_EQ(d.all()[0].where.line, 2);
}

TEST(SourceReader, RefusesInvalidUtf8) {
    Diagnostics d;
    ReadStatus status;
    read("<agreement>\n  <organisation name=\"\xC3\x28\"/>\n</agreement>\n", d, &status);
    EXPECT_EQ(status, ReadStatus::Malformed);
    ASSERT_TRUE(d.hasCode("source.encoding"));
    EXPECT_EQ(d.all()[0].where.line, 2);
    EXPECT_EQ(d.all()[0].where.column, 23);
}

TEST(SourceReader, CapsTheInputSize) {
    TempDir dir;
    const auto big = dir / "big.xml";
    writeFile(big, "<agreement/>");
    std::filesystem::resize_file(big, kMaxSourceBytes + 1);  // sparse: no real disk use
    Diagnostics d;
    ReadStatus status;
    readSourceFile(big, "big.xml", schemas(), d, {}, &status);
    EXPECT_EQ(status, ReadStatus::Unreadable);
    EXPECT_TRUE(d.hasCode("source.too-large"));
}

TEST(SourceReader, MissingFileIsUnreadable) {
    Diagnostics d;
    ReadStatus status;
    readSourceFile("/nonexistent/x.xml", "x.xml", schemas(), d, {}, &status);
    EXPECT_EQ(status, ReadStatus::Unreadable);
    EXPECT_TRUE(d.hasCode("source.not-found"));
}

TEST(SourceReader, HeaderOnlySkipsSections) {
    Diagnostics d;
    ReadOptions o;
    o.headerOnly = true;
    Source s = readSourceText(std::string(kHeader) + "  <whatever/>\n</agreement>\n", "s.xml", {}, d, o);
    EXPECT_FALSE(d.hasErrors()) << dump(d);
    EXPECT_TRUE(s.sections.empty());
    EXPECT_EQ(s.context.registration.dnr, "RS 2027/7");
}
