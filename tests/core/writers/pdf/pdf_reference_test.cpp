// --reference-odt reaches the PDF: a municipality's reference with another body font, heading
// font and left margin changes the fonts pdffonts lists and where the text stands; its header
// logo and the text beside it stand above the document's header on every page (what the ODT
// keeps of them); what the PDF writer does not take (a footer logo) is reported once, by name.
#include <gtest/gtest.h>


#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "pdf_test_docs.hpp"
#include "test_support.hpp"
#include "writers/pdf/reference_style.hpp"

using namespace overens;
using namespace overens::pdftest;
namespace fs = std::filesystem;

namespace {

double leftmost(const fs::path& pdf) {
    double w = 0, h = 0, x = 1e9;
    for (const auto& word : words(pdf, w, h)) x = std::min(x, word.xMin);
    return x;
}

}  // namespace

TEST(PdfReference, FontsAndMarginsOfTheReferenceReachThePdf) {
    if (pdf::findFont("DejaVu Serif", false, false).empty()) GTEST_SKIP() << "DejaVu Serif is not installed";
    test::TempDir dir;
    makeReferenceOdt(dir / "kommunen.odt");
    writePdf(everyBlock(), dir / "house.pdf");
    WriteOptions o = options();
    o.referenceOdt = dir / "kommunen.odt";
    const Diagnostics diags = writePdf(everyBlock(), dir / "reference.pdf", o);

    auto fonts = test::run({"pdffonts", (dir / "reference.pdf").string()});
    EXPECT_NE(fonts.out.find("+DejaVuSerif,"), std::string::npos) << fonts.out;  // the body
    EXPECT_NE(fonts.out.find("DejaVuSans-Bold"), std::string::npos) << fonts.out;  // the headings
    auto house = test::run({"pdffonts", (dir / "house.pdf").string()});
    EXPECT_EQ(house.out.find("DejaVuSerif"), std::string::npos) << house.out;
    // 4 cm left margin instead of the house style's 2.5 cm.
    EXPECT_NEAR(leftmost(dir / "reference.pdf"), 4 * 72 / 2.54, 1.0);
    EXPECT_NEAR(leftmost(dir / "house.pdf"), 25 * 72 / 25.4, 1.0);
    // What the PDF cannot take, the footer's logo, is said once, by name.
    std::size_t ignored = 0;
    for (const auto& d : diags.all())
        if (d.code == "pdf.reference-ignored") {
            ++ignored;
            EXPECT_NE(d.message_en.find("footer logo"), std::string::npos) << d.message_en;
        }
    EXPECT_EQ(ignored, 1u);
    auto check = test::run({(test::sharedTools() / "pdf-check").string(), (dir / "reference.pdf").string()});
    EXPECT_EQ(check.exitCode, 0) << check.out;
}

TEST(PdfReference, AFontThatIsNotInstalledIsReportedByName) {
    EXPECT_TRUE(pdf::findFont("Överens Ingen Sådan Font", false, false).empty());
    EXPECT_FALSE(pdf::findFont("Liberation Sans", true, false).empty());
}

TEST(PdfReference, TheReferenceLogoAndHeaderTextStandOnEveryPage) {
    test::TempDir dir;
    makeReferenceOdt(dir / "kommunen.odt");
    WriteOptions o = options();
    o.referenceOdt = dir / "kommunen.odt";
    const fs::path pdf = dir / "reference.pdf";
    writePdf(everyBlock(), pdf, o);
    const int pages = pageCount(pdf);
    ASSERT_GE(pages, 2);

    // One 8x8 picture per page, drawn 1.5 cm wide (8 px / 1.5 cm = 135 ppi), right-aligned.
    auto list = test::run({"pdfimages", "-list", pdf.string()});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    std::istringstream in(list.out);
    std::string line;
    std::set<int> pagesWithLogo;
    while (std::getline(in, line)) {
        std::istringstream f(line);
        int page = 0, num = 0, width = 0, height = 0, xppi = 0;
        std::string type;
        if (!(f >> page >> num >> type >> width >> height)) continue;
        std::string skip;
        for (int k = 0; k < 7; ++k) f >> skip;  // color comp bpc enc interp object ID
        f >> xppi;
        EXPECT_EQ(width, 8);
        EXPECT_NEAR(xppi, 8 / (1.5 / 2.54), 2);
        pagesWithLogo.insert(page);
    }
    EXPECT_EQ(static_cast<int>(pagesWithLogo.size()), pages) << list.out;
    // Right-aligned as its frame style says: its right edge on the right margin (2 cm), its top
    // on the top margin (2 cm).
    std::smatch place;
    const std::string uncompressed = qdf(pdf);
    ASSERT_TRUE(std::regex_search(uncompressed, place, std::regex(R"(([\d.]+) 0 0 ([\d.]+) ([\d.]+) ([\d.]+) cm\s*/\w+ Do)")));
    const double cm = 72 / 2.54;
    EXPECT_NEAR(std::stod(place[1]), 1.5 * cm, 0.1);
    EXPECT_NEAR(std::stod(place[3]) + std::stod(place[1]), (21 - 2) * cm, 0.1);
    EXPECT_NEAR(std::stod(place[4]) + std::stod(place[2]), (29.7 - 2) * cm, 0.1);

    // The text beside the logo, then the document's header, below the logo; the reference's
    // other header text gives way, as in the ODT.
    double w = 0, h = 0;
    double logoText = -1, houseHeader = -1;
    for (const auto& word : words(pdf, w, h)) {
        if (word.page != 1) continue;
        if (word.text == "Kommunledningskontoret") logoText = word.yMin;
        if (word.text == "KS" && houseHeader < 0) houseHeader = word.yMin;
    }
    const double logoBottom = 2 * 72 / 2.54 + 1.5 * 72 / 2.54;
    EXPECT_GE(logoText, logoBottom) << "the header text stands below the logo";
    EXPECT_GT(houseHeader, logoText);
    const std::string text = pdftotext(pdf);
    EXPECT_EQ(text.find("Text som ska bort"), std::string::npos);
    EXPECT_NE(text.find("Box 1, 123 45 Exempelby"), std::string::npos) << "the footer's text beside its logo";
    // Logo and running text are artifacts: not in the structure.
    auto st = test::run({"pdfinfo", "-struct-text", pdf.string()});
    EXPECT_EQ(st.out.find("Kommunledningskontoret"), std::string::npos);
    auto check = test::run({(test::sharedTools() / "pdf-check").string(), pdf.string()});
    EXPECT_EQ(check.exitCode, 0) << check.out;
}

TEST(PdfReference, ADamagedLogoIsReportedAndThePdfStillWritten) {
    test::TempDir dir;
    // A PNG whose image data chunk is cut short (its checksum does not match).
    makeReferenceOdt(dir / "trasig.odt", kReferenceLayout,
                     fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGNgYGhgQAIMowIIAQBkDAMBPKsB0AAAAABJRU5ErkJggg=="));
    WriteOptions o = options();
    o.referenceOdt = dir / "trasig.odt";
    const fs::path pdf = dir / "trasig.pdf";
    const Diagnostics diags = writePdf(everyBlock(), pdf, o);
    std::string said;
    for (const auto& d : diags.all())
        if (d.code == "pdf.reference-ignored") said += d.message_en;
    EXPECT_NE(said.find("header logo (damaged PNG)"), std::string::npos) << said;
    auto list = test::run({"pdfimages", "-list", pdf.string()});
    EXPECT_EQ(list.out.find("image"), std::string::npos) << list.out;
    auto check = test::run({(test::sharedTools() / "pdf-check").string(), pdf.string()});
    EXPECT_EQ(check.exitCode, 0) << check.out;
}
