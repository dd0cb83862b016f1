// --pdf-engine libreoffice: the ODT writer's document exported by LibreOffice as tagged PDF/A-2b.
#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>

#include "pdf_test_docs.hpp"
#include "test_support.hpp"
#include "writers/pdf/engines.hpp"

using namespace overens;
using namespace overens::pdftest;
namespace fs = std::filesystem;

namespace {

// Sets an environment variable for the scope of a test.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) {
            had_ = true;
            old_ = old;
        }
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (had_)
            ::setenv(name_, old_.c_str(), 1);
        else
            ::unsetenv(name_);
    }

private:
    const char* name_;
    bool had_ = false;
    std::string old_;
};

}  // namespace

TEST(PdfLibreOffice, FilterOptionsAskForTaggedPdfA2b) {
    const std::string f = pdf::pdfaFilterOptions();
    EXPECT_EQ(f.rfind("pdf:writer_pdf_Export:{", 0), 0u);
    EXPECT_NE(f.find(R"("SelectPdfVersion":{"type":"long","value":"2"})"), std::string::npos);
    EXPECT_NE(f.find(R"("UseTaggedPDF":{"type":"boolean","value":"true"})"), std::string::npos);
}

TEST(PdfLibreOffice, MissingSofficeIsAClearError) {
    ScopedEnv env("OVERENS_SOFFICE", "/nonexistent/soffice");
    test::TempDir dir;
    WriteOptions o = options();
    o.pdfEngine = "libreoffice";
    o.workDir = dir.path();
    try {
        writePdf(everyBlock(), dir / "x.pdf", o);
        FAIL() << "no error";
    } catch (const WriteError& e) {
        EXPECT_EQ(e.code(), "pdf.soffice-missing");
        EXPECT_NE(std::string(e.what()).find("soffice"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("--pdf-engine libharu"), std::string::npos);
    }
}

TEST(PdfLibreOffice, ExportIsTaggedPdfA2b) {
    if (!WriterRegistry::builtin().find("odt"))
        GTEST_SKIP() << "the ODT writer is not registered yet: the LibreOffice engine has no .odt to export";
    if (pdf::findSoffice().empty()) GTEST_SKIP() << "soffice is not installed";
    test::TempDir dir;
    WriteOptions o = options();
    o.pdfEngine = "libreoffice";
    o.workDir = dir.path();
    const fs::path pdf = dir / "archive.pdf";
    writePdf(everyBlock(), pdf, o);
    auto check = test::run({(test::sharedTools() / "pdf-check").string(), "--expect-text", "Överenskommelse",
                            "--expect-text", "åäö ÅÄÖ", "--expect-text", "§", pdf.string()});
    EXPECT_EQ(check.exitCode, 0) << check.out;
    const std::string q = qdf(pdf);
    // XMP: PDF/A part 2, conformance B (as element or attribute).
    EXPECT_TRUE(std::regex_search(q, std::regex(R"(pdfaid:part(>|=")2)"))) << "no pdfaid:part 2";
    EXPECT_TRUE(std::regex_search(q, std::regex(R"(pdfaid:conformance(>|=")B)"))) << "no pdfaid:conformance B";
    // Tagged.
    EXPECT_NE(q.find("/StructTreeRoot"), std::string::npos);
    EXPECT_NE(q.find("/MarkInfo"), std::string::npos);
    // The work folder is left clean (only what the caller put there).
    for (const auto& e : fs::directory_iterator(dir.path()))
        EXPECT_EQ(e.path().filename().string().rfind("pdf-libreoffice-", 0), std::string::npos) << e.path();
}
