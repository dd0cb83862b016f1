// overens schema KIND [-o FILE]: the RELAX NG grammar of a document kind's source file.
#include <fstream>
#include <iostream>

#include "cli_support.hpp"
#include "publish/publisher.hpp"
#include "schema_export/relaxng.hpp"

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
    if (!cl.has("output")) {
        writeRelaxNg(kind->second, engine.schemas(), std::cout);
        return setupCode;
    }
    const std::filesystem::path target = cl.value("output");
    const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
    Publication publication(folder);
    publication.stage(target.filename().string(),
                      [&](std::ostream& out) { writeRelaxNg(kind->second, engine.schemas(), out); });
    publication.commit();
    return setupCode;
}

}  // namespace overens::cli
