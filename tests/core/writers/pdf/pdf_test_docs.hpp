// Documents and helpers for the PDF writer's tests.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "overens/diagnostics.hpp"
#include "overens/document.hpp"
#include "writers/writer.hpp"

namespace overens::pdftest {

// A document holding every block type, with Swedish letters, §, an en dash and quotes.
doc::Document everyBlock();
// The benchmark's delegation order with n rows (bench/pdf/pdf_bench.cpp).
doc::Document delegation(int rows);

WriteOptions options();  // templates from the repository, libharu engine
// Writes with the built-in "pdf" writer to file; returns the diagnostics.
Diagnostics writePdf(const doc::Document& d, const std::filesystem::path& file, const WriteOptions& o = options());

// A municipality's reference document (.odt with styles.xml only): DejaVu Serif body, DejaVu
// Sans headings, a right-aligned logo with text beside it in the header, a footer logo, and
// the page layout's properties (fo:page-width=... attributes) as given; `logo` replaces the
// logo's bytes (an 8x8 PNG).
inline const char* kReferenceLayout =
    R"(fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="4cm" fo:margin-right="2cm")";
void makeReferenceOdt(const std::filesystem::path& p, const std::string& pageLayout = kReferenceLayout,
                      const std::string& logo = {});
std::string fromBase64(const std::string& text);

std::string pdftotext(const std::filesystem::path& pdf, int page = 0, bool layout = false);  // page 0 = all
int pageCount(const std::filesystem::path& pdf);
// The file with every stream uncompressed (qpdf --qdf), for looking at its objects.
std::string qdf(const std::filesystem::path& pdf);

struct Word {
    int page = 0;
    double xMin = 0, yMin = 0, xMax = 0, yMax = 0;  // top-left origin, points
    std::string text;
};
// Every word with its box, from pdftotext -bbox.
std::vector<Word> words(const std::filesystem::path& pdf, double& pageWidth, double& pageHeight);

}  // namespace overens::pdftest
