// overens new KIND [--lang sv|en] [--from EXISTING.xml] [-o FILE]: a complete, commented starting file.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_support.hpp"
#include "newdoc/starter_file.hpp"
#include "output_file.hpp"
#include "templates/template_store.hpp"

namespace overens::cli {

int runNew(const CommandLine& cl) {
    Diagnostics setup;
    Engine engine(engineOptions(cl), setup);
    const int setupCode = reportSetup(engine, setup, messageLanguage(cl), std::cerr);
    std::string known;
    for (const auto& [id, k] : engine.kinds()) known += (known.empty() ? "" : ", ") + id;
    if (cl.args.size() != 1) throw UsageError("new needs one document kind: " + known);
    auto kind = engine.kinds().find(cl.args.front());
    if (kind == engine.kinds().end()) throw UsageError("unknown document kind '" + cl.args.front() + "'; known: " + known);

    newdoc::StarterOptions options;
    options.lang = cl.value("lang", "sv");
    if (cl.has("from")) {
        std::ifstream in(cl.value("from"), std::ios::binary);
        if (!in) throw UsageError("cannot read '" + cl.value("from") + "'");
        std::ostringstream s;
        s << in.rdbuf();
        options.fromXml = s.str();
    }
    Diagnostics wordingDiags;
    const Wording words = loadWording(engine.templatesDir(), options.lang, "schema", wordingDiags);
    printDiagnostics(wordingDiags, options.lang, std::cerr);
    options.words = &words;
    for (const auto& p : engine.plugins().plugins())
        options.sectionTitles[p.info.id] = options.lang == "sv" ? p.info.title_sv : p.info.title_en;

    auto write = [&](std::ostream& out) { newdoc::writeStarter(kind->second, engine.schemas(), options, out); };
    if (cl.has("output"))
        publishFile(cl.value("output"), write);
    else
        write(std::cout);
    return setupCode;
}

}  // namespace overens::cli
