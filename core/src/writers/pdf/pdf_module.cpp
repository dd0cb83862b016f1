// The PDF writer as the module pdf.so (libharu and qpdf are loaded only when a PDF is written):
// its registration seam. See modules/module.hpp.
#include "modules/module.hpp"
#include "writers/writer.hpp"

OVERENS_MODULE(pdf, nullptr, nullptr, overens::registerPdfWriter)
