// overens validate SOURCE...: diagnostics only, nothing written; ends with a one-line summary.
#include <iostream>

#include "cli_support.hpp"
#include "validate_summary.hpp"

namespace overens::cli {

int runValidate(const CommandLine& cl) {
    if (cl.args.empty()) throw UsageError("validate needs at least one SOURCE file");
    Diagnostics setup;
    EngineOptions engineOpts = engineOptions(cl);
    engineOpts.sources = cl.args;  // only their kinds' plugins are opened
    Engine engine(std::move(engineOpts), setup);
    const int setupCode = reportSetup(engine, setup, messageLanguage(cl), std::cerr);
    if (engine.kinds().empty()) return setupCode;
    const std::vector<Prepared> prepared = engine.prepare(cl.args);
    const int code = reportPrepared(prepared, std::cerr);
    // The summary speaks --lang, else the language the documents share, else Swedish.
    std::string lang = cl.value("lang");
    if (lang.empty() && !prepared.empty()) {
        lang = prepared.front().source.context.lang;
        for (const auto& p : prepared)
            if (p.source.context.lang != lang) lang = "sv";
    }
    printValidateSummary(prepared, lang == "en" ? "en" : "sv", std::cout);
    return code != kExitOk ? code : setupCode;
}

}  // namespace overens::cli
