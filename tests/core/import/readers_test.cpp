// The readers on their own: CSV quoting and encodings, spreadsheet places, row classification.
#include <gtest/gtest.h>

#include "import/delegates.hpp"
#include "import/readers.hpp"
#include "test_support.hpp"

using namespace overens::import;
using overens::test::TempDir;
using overens::test::writeFile;

TEST(CsvReader, QuotedFieldsOverSeveralLinesAndEscapedQuotes) {
    TempDir dir;
    writeFile(dir / "a.csv", "Nr,Ärende,Delegat\r\n1.1,\"Yttra sig, \"\"kort\"\"\növer remisser\",KD\r\n1.2,Annat,KSO\r\n");
    CsvFacts facts;
    const auto grids = readCsv(dir / "a.csv", &facts);
    ASSERT_EQ(grids.size(), 1u);
    EXPECT_EQ(facts.separator, ',');
    EXPECT_EQ(facts.encoding, "UTF-8");
    ASSERT_EQ(grids[0].rows.size(), 3u);
    EXPECT_EQ(grids[0].rows[1].cells[1].text, "Yttra sig, \"kort\"\növer remisser");
    EXPECT_EQ(grids[0].rows[1].cells[1].place, "2:5");
    EXPECT_EQ(grids[0].rows[2].place, "4");
    EXPECT_EQ(grids[0].rows[2].cells[2].text, "KSO");
}

TEST(CsvReader, SemicolonsAndWindows1252AreDetected) {
    TempDir dir;
    writeFile(dir / "b.csv", "Nr;\xC4rende;Delegat\n1;L\xF6nes\xE4ttning;HR-chef\n");
    CsvFacts facts;
    const auto grids = readCsv(dir / "b.csv", &facts);
    EXPECT_EQ(facts.separator, ';');
    EXPECT_EQ(facts.encoding, "Windows-1252");
    EXPECT_EQ(grids[0].rows[0].cells[1].text, "Ärende");
    EXPECT_EQ(grids[0].rows[1].cells[1].text, "Lönesättning");
}

TEST(Readers, FormatsAreKnownByContentNotName) {
    const auto dir = overens::test::sourceDir() / "tests" / "core" / "import" / "fixtures";
    EXPECT_EQ(detectFormat(dir / "harjedalen-ks.xlsx"), "xlsx");
    EXPECT_EQ(detectFormat(dir / "vara-ks.ods"), "ods");
    EXPECT_EQ(detectFormat(dir / "krokom-ks.docx"), "docx");
    EXPECT_EQ(detectFormat(dir / "krokom-ks.odt"), "odt");
    EXPECT_EQ(detectFormat(dir / "sormland-rs.csv"), "csv");
}

TEST(Readers, EverySheetOfAWorkbookWithMergedAreaHeadings) {
    const auto dir = overens::test::sourceDir() / "tests" / "core" / "import" / "fixtures";
    const auto grids = readXlsx(dir / "harjedalen-ks.xlsx");
    ASSERT_EQ(grids.size(), 2u);
    EXPECT_EQ(grids[0].name, "Allmänt och ekonomi");
    EXPECT_EQ(grids[1].name, "Personal");
    // Row 2 is "1 Allmänna ärenden" merged across the row.
    ASSERT_GE(grids[0].rows.size(), 2u);
    EXPECT_EQ(grids[0].rows[1].cells[0].text, "1 Allmänna ärenden");
    EXPECT_TRUE(grids[0].rows[1].cells[1].merged);
    EXPECT_EQ(grids[0].rows[1].cells[1].place, "'Allmänt och ekonomi'!B2");
    const auto ods = readOds(dir / "vara-ks.ods");
    ASSERT_EQ(ods.size(), 1u);
    EXPECT_EQ(ods[0].rows[0].cells[0].text, "Ärendegrupp");
}

TEST(Roles, IdsAreAsciiAndStable) {
    EXPECT_EQ(roleId("Hälso- och sjukvårdsdirektör"), "halso-och-sjukvardsdirektor");
    EXPECT_EQ(roleId("KSO"), "kso");
    EXPECT_EQ(roleId("1:e vice ordf."), "1-e-vice-ordf");
}

#include <Poco/Zip/Compress.h>

#include <fstream>
#include <sstream>

namespace {

// A minimal workbook as other programs write it: inline strings, no r attributes on cells.
void writeBareXlsx(const std::filesystem::path& file) {
    std::ofstream out(file, std::ios::binary);
    Poco::Zip::Compress zip(out, true);
    auto add = [&](const std::string& name, const std::string& text) {
        std::istringstream in(text);
        zip.addFile(in, Poco::DateTime(2026, 1, 1), name);
    };
    add("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
    add("xl/workbook.xml",
        "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    add("xl/_rels/workbook.xml.rels",
        "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
    add("xl/worksheets/sheet1.xml",
        "<worksheet><sheetData>"
        "<row><c t=\"inlineStr\"><is><t>Nr</t></is></c><c t=\"inlineStr\"><is><t>Ärende</t></is></c>"
        "<c t=\"inlineStr\"><is><t>Delegat</t></is></c></row>"
        "<row><c><v>1.5</v></c><c t=\"inlineStr\"><is><t>Yttranden</t></is></c><c t=\"inlineStr\"><is><t>KD</t></is></c></row>"
        "</sheetData></worksheet>");
    zip.close();
}

}  // namespace

TEST(Readers, AWorkbookWithoutCellReferencesKeepsEveryCellInPlace) {
    TempDir dir;
    writeBareXlsx(dir / "bare.xlsx");
    EXPECT_EQ(detectFormat(dir / "bare.xlsx"), "xlsx");
    const auto grids = readXlsx(dir / "bare.xlsx");
    ASSERT_EQ(grids.size(), 1u);
    ASSERT_EQ(grids[0].rows.size(), 2u);
    ASSERT_EQ(grids[0].rows[1].cells.size(), 3u);
    EXPECT_EQ(grids[0].rows[1].cells[0].text, "1.5");
    EXPECT_EQ(grids[0].rows[1].cells[2].text, "KD");
    EXPECT_EQ(grids[0].rows[1].cells[2].place, "Blad1!C2");
}
