// --reference-odt reaches the PDF: a municipality's reference with another body font, heading
// font and left margin changes the fonts pdffonts lists and where the text stands; what the
// PDF writer does not take (the header text) is reported once.
#include <gtest/gtest.h>

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <fstream>
#include <sstream>

#include "pdf_test_docs.hpp"
#include "test_support.hpp"
#include "writers/pdf/reference_style.hpp"

using namespace overens;
using namespace overens::pdftest;
namespace fs = std::filesystem;

namespace {

void makeReference(const fs::path& p) {
    const std::string styles = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3">
  <office:font-face-decls>
    <style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'"/>
    <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/>
  </office:font-face-decls>
  <office:styles>
    <style:default-style style:family="paragraph"><style:text-properties style:font-name="DejaVu Serif" fo:font-size="10pt"/></style:default-style>
    <style:style style:name="Text_20_body" style:family="paragraph"/>
    <style:style style:name="Heading" style:family="paragraph"><style:text-properties style:font-name="DejaVu Sans"/></style:style>
    <style:style style:name="Heading_20_1" style:family="paragraph" style:parent-style-name="Heading"><style:text-properties fo:font-size="18pt"/></style:style>
  </office:styles>
  <office:automatic-styles>
    <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="4cm" fo:margin-right="2cm"/></style:page-layout>
  </office:automatic-styles>
  <office:master-styles>
    <style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header><text:p>Kommunens sidhuvud</text:p></style:header></style:master-page>
  </office:master-styles>
</office:document-styles>)";
    const std::string manifest = R"(<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>)";
    std::ofstream out(p, std::ios::binary);
    Poco::Zip::Compress zip(out, true);
    for (const auto& [name, content] : std::vector<std::pair<std::string, std::string>>{
             {"mimetype", "application/vnd.oasis.opendocument.text"}, {"META-INF/manifest.xml", manifest}, {"styles.xml", styles}}) {
        std::istringstream in(content);
        zip.addFile(in, Poco::DateTime(2027, 1, 20), Poco::Path(name, Poco::Path::PATH_UNIX),
                    name == "mimetype" ? Poco::Zip::ZipCommon::CM_STORE : Poco::Zip::ZipCommon::CM_DEFLATE);
    }
    zip.close();
}

double leftmost(const fs::path& pdf) {
    double w = 0, h = 0, x = 1e9;
    for (const auto& word : words(pdf, w, h)) x = std::min(x, word.xMin);
    return x;
}

}  // namespace

TEST(PdfReference, FontsAndMarginsOfTheReferenceReachThePdf) {
    if (pdf::findFont("DejaVu Serif", false, false).empty()) GTEST_SKIP() << "DejaVu Serif is not installed";
    test::TempDir dir;
    makeReference(dir / "kommunen.odt");
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
    // The header text is not taken over, and that is said once.
    std::size_t ignored = 0;
    for (const auto& d : diags.all()) ignored += d.code == "pdf.reference-ignored";
    EXPECT_EQ(ignored, 1u);
    auto check = test::run({(test::sharedTools() / "pdf-check").string(), (dir / "reference.pdf").string()});
    EXPECT_EQ(check.exitCode, 0) << check.out;
}

TEST(PdfReference, AFontThatIsNotInstalledIsReportedByName) {
    EXPECT_TRUE(pdf::findFont("Överens Ingen Sådan Font", false, false).empty());
    EXPECT_FALSE(pdf::findFont("Liberation Sans", true, false).empty());
}
