// Exports a document kind's source format as a RELAX NG grammar, built from the common header
// and the schemas of the kind's section plugins, so that editors can check a source file.
#pragma once

#include <map>
#include <ostream>
#include <string>

#include "kinds/document_kind.hpp"
#include "overens/wording.hpp"
#include "source/source_reader.hpp"

namespace overens {

struct RelaxNgOptions {
    std::string lang = "en";                          // the language of the documentation
    const Wording* words = nullptr;                   // templates/<lang>/schema.xml: the header's help
    std::map<std::string, std::string> sectionTitles; // section id -> its plugin's title in lang
};

// Every element and attribute carries a:documentation in options.lang: label, required or not,
// help, allowed values. Values are matched as the source reader matches them (codes and labels
// in any case, periods in words or ISO 8601).
void writeRelaxNg(const DocumentKind& kind, const SchemaLookup& schemas, std::ostream& out,
                  const RelaxNgOptions& options = {});

}  // namespace overens
