// Every sample agreement through the real command (`overens build --format pdf`), checked with
// pdf-check, for margins, outline and reproducibility.
#include <gtest/gtest.h>

#include <regex>

#include "pdf_test_docs.hpp"
#include "pdf_test_checks.hpp"
#include "test_support.hpp"

using namespace overens;
using namespace overens::pdftest;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> samples() {
    std::vector<fs::path> out;
    if (!fs::is_directory(test::samplesDir())) return out;
    for (const auto& e : fs::recursive_directory_iterator(test::samplesDir())) {
        if (e.path().extension() != ".xml") continue;
        if (e.path().string().find("/faulty/") != std::string::npos) continue;  // written to fail
        out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST(PdfSamples, EverySampleBuildsAPdfThatPassesPdfCheck) {
    const auto files = samples();
    if (files.empty()) GTEST_SKIP() << "no samples in " << test::samplesDir();
    for (const auto& src : files) {
        SCOPED_TRACE(src.string());
        test::TempDir out;
        auto r = test::runOverens({"build", src.string(), "-o", out.path().string(), "--format", "pdf"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        const fs::path pdf = out / (src.stem().string() + ".pdf");
        ASSERT_TRUE(fs::exists(pdf)) << r.out << r.err;
        auto check = test::run({(test::sharedTools() / "pdf-check").string(), pdf.string()});
        EXPECT_EQ(check.exitCode, 0) << check.out;
        EXPECT_NE(check.out.find("pdf-check: OK"), std::string::npos) << check.out;
        // The footer in the document's language, with the page count.
        const int pages = pageCount(pdf);
        const std::string first = pdftotext(pdf, 1);
        EXPECT_TRUE(first.find("Sida 1 av " + std::to_string(pages)) != std::string::npos ||
                    first.find("Page 1 of " + std::to_string(pages)) != std::string::npos)
            << first;
        expectWithinMargins(pdf);
        // The outline has the headings; the title is in the info.
        auto info = test::run({"pdfinfo", pdf.string()});
        EXPECT_TRUE(std::regex_search(info.out, std::regex("Title: +\\S"))) << info.out;
        auto outline = test::run({"qpdf", "--json", "--json-key=outlines", pdf.string()});
        EXPECT_NE(outline.out.find("\"title\""), std::string::npos) << "no outline";
        // Same source, same bytes.
        test::TempDir again;
        auto r2 = test::runOverens({"build", src.string(), "-o", again.path().string(), "--format", "pdf"});
        ASSERT_EQ(r2.exitCode, 0) << r2.err;
        EXPECT_TRUE(test::readFile(pdf) == test::readFile(again / (src.stem().string() + ".pdf")))
            << "two builds of " << src.filename() << " differ";
    }
}
