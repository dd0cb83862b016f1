#include "pdf_test_checks.hpp"

#include <gtest/gtest.h>

#include "pdf_test_docs.hpp"
#include "test_support.hpp"
#include "writers/pdf/style.hpp"

namespace overens::pdftest {

namespace fs = std::filesystem;

// Checks every word's box against the template's margins (0.75 pt tolerance for rounding).
void expectWithinMargins(const fs::path& pdf) {
    const pdf::Style st = pdf::loadStyle(test::sourceDir() / "templates");
    double w = 0, h = 0;
    const auto all = words(pdf, w, h);
    ASSERT_FALSE(all.empty());
    EXPECT_NEAR(w, st.pageWidth, 0.5);
    EXPECT_NEAR(h, st.pageHeight, 0.5);
    const double tol = 0.75;
    int outside = 0;
    for (const auto& word : all) {
        const bool ok = word.xMin >= st.marginLeft - tol && word.xMax <= w - st.marginRight + tol &&
                        word.yMin >= st.marginTop - tol && word.yMax <= h - st.marginBottom + tol;
        if (!ok && ++outside <= 10)
            ADD_FAILURE() << "page " << word.page << ": '" << word.text << "' at x " << word.xMin << ".." << word.xMax
                          << ", y " << word.yMin << ".." << word.yMax << " is outside the margins (left "
                          << st.marginLeft << ", right " << w - st.marginRight << ", top " << st.marginTop
                          << ", bottom " << h - st.marginBottom << ")";
    }
    EXPECT_EQ(outside, 0);
}

}  // namespace overens::pdftest
