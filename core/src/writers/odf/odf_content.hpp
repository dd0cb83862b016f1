// content.xml: the document tree as ODF text (headings, paragraphs, lists, tables, the
// title block, signatures, notes, page breaks, a table of contents) with the automatic styles
// the body needs. Named styles come from styles.xml (see odf_style_names.hpp).
#pragma once

#include <string>

#include "overens/document.hpp"
#include "writers/odf/odf_styles.hpp"

namespace overens::odf {

std::string buildContent(const doc::Document& document, const StylesPart& styles);

}  // namespace overens::odf
