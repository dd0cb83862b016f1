// `overens new`: a complete, commented starting file for a document kind, made from the kind's
// sections and their plugins' schemas: every field, the required ones marked, the plugin's help
// as comments, examples taken from the help texts ("t.ex. ..." / "e.g. ..."), and the header
// (organisation and parties) from an existing source of the same organisation when given.
#pragma once

#include <map>
#include <ostream>
#include <string>

#include "kinds/document_kind.hpp"
#include "overens/wording.hpp"
#include "source/source_reader.hpp"

namespace overens::newdoc {

struct StarterOptions {
    std::string lang = "sv";
    const Wording* words = nullptr;                    // templates/<lang>/schema.xml
    std::map<std::string, std::string> sectionTitles;  // section id -> title in lang
    std::string fromXml;                               // an existing source (header copied), or empty
};

void writeStarter(const DocumentKind& kind, const SchemaLookup& schemas, const StarterOptions& options,
                  std::ostream& out);

// The first example a help text gives: the quoted text after "t.ex." or "e.g.", else the word
// after it ("t.ex. P7D"); empty when it gives none.
std::string exampleFrom(const std::string& help);

}  // namespace overens::newdoc
