// Exports a document kind's source format as a RELAX NG grammar, built from the common header
// and the schemas of the kind's section plugins, so that editors can check a source file.
#pragma once

#include <ostream>

#include "kinds/document_kind.hpp"
#include "source/source_reader.hpp"

namespace overens {

void writeRelaxNg(const DocumentKind& kind, const SchemaLookup& schemas, std::ostream& out);

}  // namespace overens
