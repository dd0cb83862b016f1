// The ODF text writer: a document tree to an .odt package (ODF 1.3).
#pragma once

#include <ostream>

#include "writers/writer.hpp"

namespace overens::odf {

constexpr const char* kTextMediaType = "application/vnd.oasis.opendocument.text";

// Write document as .odt to out. The house style comes from options.templatesDir/odf/styles.xml
// (found as the command finds its templates when empty); options.referenceOdt, when set,
// supplies the styles instead. Throws WriteError on a missing/broken style source.
void writeOdt(const doc::Document& document, std::ostream& out, const WriteOptions& options);

}  // namespace overens::odf
