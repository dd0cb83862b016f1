#include "kind_argument.hpp"

#include <iostream>

#include "templates/template_store.hpp"

namespace overens::cli {

const DocumentKind& kindArgument(const Engine& engine, const CommandLine& cl, const std::string& command) {
    std::string known;
    for (const auto& [id, k] : engine.kinds()) known += (known.empty() ? "" : ", ") + id;
    if (cl.args.size() != 1) throw UsageError(command + " needs one document kind: " + known);
    auto kind = engine.kinds().find(cl.args.front());
    if (kind == engine.kinds().end())
        throw UsageError("unknown document kind '" + cl.args.front() + "'; known: " + known);
    return kind->second;
}

std::map<std::string, std::string> sectionTitles(const Engine& engine, const std::string& lang) {
    std::map<std::string, std::string> titles;
    for (const auto& p : engine.plugins().plugins()) titles[p.info.id] = lang == "sv" ? p.info.title_sv : p.info.title_en;
    return titles;
}

Wording schemaWording(const Engine& engine, const std::string& lang) {
    Diagnostics diags;
    Wording words = loadWording(engine.templatesDir(), lang, "schema", diags);
    printDiagnostics(diags, lang, std::cerr);
    return words;
}

}  // namespace overens::cli
