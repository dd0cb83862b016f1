// The two PDF engines. libharu (default): our own layout. libreoffice: the ODT writer's file
// exported by LibreOffice (headless, throwaway profile) as a tagged PDF/A-2b.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "writers/writer.hpp"

namespace overens::pdf {

// The soffice to run: $OVERENS_SOFFICE if set, else soffice or libreoffice on PATH; empty when
// none is found.
std::filesystem::path findSoffice();

// The JSON filter options of LibreOffice's PDF export for tagged PDF/A-2b.
std::string pdfaFilterOptions();

void writeWithLibreOffice(const doc::Document& d, std::ostream& out, const WriteOptions& options, Diagnostics& diags);

// The libharu engine, writing the document to `out` as it is saved.
void renderWithHaru(const doc::Document& d, std::ostream& out, const WriteOptions& options, Diagnostics& diags);

}  // namespace overens::pdf
