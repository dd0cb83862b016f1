// content.xml: the document tree as ODF text (headings, paragraphs, lists, tables, the
// title block, signatures, notes, page breaks, a table of contents) with the automatic styles
// the body needs. Named styles come from styles.xml (see odf_style_names.hpp).
#pragma once

#include "overens/document.hpp"
#include "writers/odf/odf_styles.hpp"
#include "writers/odf/odf_xml.hpp"

namespace overens::odf {

// Writes content.xml into sink as it goes: the body is never held whole.
void writeContent(const doc::Document& document, const StylesPart& styles, ByteSink& sink);

}  // namespace overens::odf
