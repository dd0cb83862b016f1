// meta.xml: title, subject, language, generator, creation date (the adoption date, never the
// wall clock), keywords and the document's own properties (registration number, kind, review
// date, SHA-256 of the answer file, template version).
#pragma once

#include <string>

#include "overens/document.hpp"
#include "writers/odf/odf_xml.hpp"

namespace overens::odf {

// "sv-SE" / "en-GB" for a document language "sv" / "en"; other tags are passed through.
std::string languageTag(const std::string& lang);

void writeMeta(const doc::Meta& meta, ByteSink& sink);

}  // namespace overens::odf
