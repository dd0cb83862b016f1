// overens new KIND [--lang sv|en] [--from EXISTING.xml] [-o FILE]: a complete, commented starting file.
#include <iostream>

#include "cli_support.hpp"
#include "kind_argument.hpp"
#include "newdoc/starter_file.hpp"
#include "output_file.hpp"

namespace overens::cli {

int runNew(const CommandLine& cl) {
    Diagnostics setup;
    Engine engine(engineOptions(cl), setup);
    const int setupCode = reportSetup(engine, setup, messageLanguage(cl), std::cerr);
    const DocumentKind& kind = kindArgument(engine, cl, "new");
    newdoc::StarterOptions options;
    options.lang = cl.value("lang", "sv");
    if (cl.has("from")) options.fromXml = readInputFile(cl.value("from"));
    const Wording words = schemaWording(engine, options.lang);
    options.words = &words;
    options.sectionTitles = sectionTitles(engine, options.lang);

    writeOutput(cl, [&](std::ostream& out) { newdoc::writeStarter(kind, engine.schemas(), options, out); });
    return setupCode;
}

}  // namespace overens::cli
