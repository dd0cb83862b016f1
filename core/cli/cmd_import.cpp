// overens import FILE [--kind delegation-order] [--map MAP] [--from EXISTING.xml] [-o SOURCE.xml]:
// a delegation order from a spreadsheet or a document's tables, written as a source and then
// validated like any other.
#include <iostream>

#include <pugixml.hpp>

#include "cli_support.hpp"
#include "import/importer.hpp"
#include "output_file.hpp"
#include "validate_summary.hpp"

namespace overens::cli {

namespace {

void printStats(const import::ImportStats& s, const std::string& out, const std::string& lang, std::ostream& err) {
    const auto n = [](std::size_t v) { return std::to_string(v); };
    if (lang == "en")
        err << "overens import: " << n(s.rowsIn) << " rows read from " << n(s.grids - s.gridsSkipped) << " table(s): "
            << n(s.delegations) << " delegations, " << n(s.areaHeadings) << " area headings, " << n(s.continuations)
            << " continuation rows, " << n(s.repeatedHeadings) << " repeated heading rows; " << n(s.roles) << " roles, "
            << n(s.guesses) << " guessed kinds; wrote " << out << '\n';
    else
        err << "overens import: " << n(s.rowsIn) << " rader lästa ur " << n(s.grids - s.gridsSkipped) << " tabell(er): "
            << n(s.delegations) << " delegeringar, " << n(s.areaHeadings) << " områdesrubriker, " << n(s.continuations)
            << " fortsättningsrader, " << n(s.repeatedHeadings) << " upprepade rubrikrader; " << n(s.roles)
            << " roller, " << n(s.guesses) << " gissade slag; skrev " << out << '\n';
}

}  // namespace

int runImport(const CommandLine& cl) {
    if (cl.args.size() != 1) throw UsageError("import needs one FILE (.csv, .xlsx, .ods, .docx or .odt)");
    const std::string kind = cl.value("kind", "delegation-order");
    if (kind != "delegation-order")
        throw UsageError("only delegation orders can be imported (--kind delegation-order), not '" + kind + "'");
    const std::string input = cl.args.front();
    std::filesystem::path output = cl.value("output");
    if (output.empty()) output = std::filesystem::path(input).stem().string() + ".xml";
    if (output == std::filesystem::path(input)) throw UsageError("the output would overwrite the input; give -o SOURCE.xml");

    Diagnostics setup;
    Engine engine(engineOptions(cl), setup);
    const std::string lang = messageLanguage(cl);
    const int setupCode = reportSetup(engine, setup, lang, std::cerr);
    if (engine.kinds().empty()) return setupCode;

    import::ImportOptions options;
    options.templatesDir = engine.templatesDir();
    options.mapFile = cl.value("map");
    options.mapDisplayName = cl.value("map");
    if (cl.has("from")) {
        options.header.xml = readInputFile(cl.value("from"));
        pugi::xml_document d;
        if (d.load_string(options.header.xml.c_str())) {
            const std::string l = d.document_element().attribute("lang").value();
            if (!l.empty()) options.header.lang = l;
        }
    }
    if (!cl.value("lang").empty()) options.header.lang = cl.value("lang");

    Diagnostics diags;
    const import::ImportResult result = import::importDelegationOrder(input, input, options, diags);
    printDiagnostics(diags, lang, std::cerr);
    if (!result.ok) return diags.hasCode("import.not-found") || diags.hasCode("import.map-unreadable") ? kExitUsage : kExitInputErrors;
    publishFile(output, [&](std::ostream& out) { out << result.xml; });
    printStats(result.stats, output.string(), lang, std::cout);

    // The written source is checked like any other, so the law's findings come out of the import.
    const std::vector<Prepared> prepared = engine.prepare({output.string()});
    const int code = reportPrepared(prepared, std::cerr);
    printValidateSummary(prepared, lang, std::cout);
    return code != kExitOk ? code : setupCode;
}

}  // namespace overens::cli
