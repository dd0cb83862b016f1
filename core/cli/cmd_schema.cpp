// overens schema KIND [--lang sv|en] [-o FILE]: the RELAX NG grammar of a document kind's source
// file, every element and attribute documented in the chosen language.
#include <iostream>

#include "cli_support.hpp"
#include "output_file.hpp"
#include "schema_export/relaxng.hpp"
#include "templates/template_store.hpp"

namespace overens::cli {

int runSchema(const CommandLine& cl) {
    Diagnostics setup;
    Engine engine(engineOptions(cl), setup);
    const int setupCode = reportSetup(engine, setup, messageLanguage(cl), std::cerr);
    std::string known;
    for (const auto& [id, k] : engine.kinds()) known += (known.empty() ? "" : ", ") + id;
    if (cl.args.size() != 1) throw UsageError("schema needs one document kind: " + known);
    auto kind = engine.kinds().find(cl.args.front());
    if (kind == engine.kinds().end())
        throw UsageError("unknown document kind '" + cl.args.front() + "'; known: " + known);

    RelaxNgOptions options;
    options.lang = cl.value("lang", "en");
    Diagnostics wordingDiags;
    const Wording words = loadWording(engine.templatesDir(), options.lang, "schema", wordingDiags);
    printDiagnostics(wordingDiags, options.lang, std::cerr);
    options.words = &words;
    for (const auto& p : engine.plugins().plugins())
        options.sectionTitles[p.info.id] = options.lang == "sv" ? p.info.title_sv : p.info.title_en;

    auto write = [&](std::ostream& out) { writeRelaxNg(kind->second, engine.schemas(), out, options); };
    if (cl.has("output"))
        publishFile(cl.value("output"), write);
    else
        write(std::cout);
    return setupCode;
}

}  // namespace overens::cli
