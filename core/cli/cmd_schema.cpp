// overens schema KIND [--lang sv|en] [-o FILE]: the RELAX NG grammar of a document kind's source
// file, every element and attribute documented in the chosen language.
#include <iostream>

#include "cli_support.hpp"
#include "kind_argument.hpp"
#include "output_file.hpp"
#include "schema_export/relaxng.hpp"

namespace overens::cli {

int runSchema(const CommandLine& cl) {
    Diagnostics setup;
    Engine engine(engineOptions(cl), setup);
    const int setupCode = reportSetup(engine, setup, messageLanguage(cl), std::cerr);
    const DocumentKind& kind = kindArgument(engine, cl, "schema");
    RelaxNgOptions options;
    options.lang = cl.value("lang", "en");
    const Wording words = schemaWording(engine, options.lang);
    options.words = &words;
    options.sectionTitles = sectionTitles(engine, options.lang);

    writeOutput(cl, [&](std::ostream& out) { writeRelaxNg(kind, engine.schemas(), out, options); });
    return setupCode;
}

}  // namespace overens::cli
