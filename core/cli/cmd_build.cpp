// overens build SOURCE... [-o DIR] [--format odt,pdf,ics] [--lang sv|en]
#include <Poco/TemporaryFile.h>

#include <iostream>
#include <set>

#include "cli_support.hpp"
#include "publish/publisher.hpp"
#include "writers/writer.hpp"
#include "writers/ics/calendar_groups.hpp"

namespace overens::cli {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> chosenFormats(const CommandLine& cl) {
    const WriterRegistry& registry = WriterRegistry::builtin();
    if (!cl.has("format")) return registry.defaultFormats();
    std::vector<std::string> formats;
    for (const auto& f : splitList(cl.value("format"))) {
        if (!registry.find(f)) {
            std::string known;
            for (const auto& k : registry.formats()) known += (known.empty() ? "" : ", ") + k;
            throw UsageError("unknown format '" + f + "'; available: " + known);
        }
        formats.push_back(f);
    }
    if (formats.empty()) throw UsageError("--format needs at least one format");
    return formats;
}

// A private scratch folder for writers (e.g. LibreOffice's profile), removed afterwards.
struct WorkDir {
    fs::path path{Poco::TemporaryFile::tempName()};
    WorkDir() { fs::create_directories(path); }
    ~WorkDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

}  // namespace

int runBuild(const CommandLine& cl) {
    if (cl.args.empty()) throw UsageError("build needs at least one SOURCE file");
    const std::vector<std::string> formats = chosenFormats(cl);
    const std::string lang = messageLanguage(cl);
    const fs::path outDir = cl.value("output", ".");

    // Two sources with one name would overwrite each other's outputs.
    std::set<std::string> stems;
    for (const auto& a : cl.args)
        if (!stems.insert(fs::path(a).stem().string()).second)
            throw UsageError("two sources are named '" + fs::path(a).stem().string() +
                             "': their outputs would overwrite each other");

    Diagnostics setup;
    Engine engine(engineOptions(cl), setup);
    int code = reportSetup(engine, setup, lang, std::cerr);
    if (engine.kinds().empty()) return code;

    std::vector<Prepared> prepared = engine.prepare(cl.args);
    const int inputCode = reportPrepared(prepared, std::cerr);
    if (inputCode == kExitUsage) code = kExitUsage;
    if (inputCode == kExitInputErrors && code == kExitOk) code = kExitInputErrors;

    std::error_code ec;
    fs::create_directories(outDir, ec);
    if (ec || !fs::is_directory(outDir)) {
        std::cerr << "overens: " << outDir.string() << ": " << (lang == "en" ? "cannot create the output folder: " : "kan inte skapa utmatningsmappen: ") << ec.message() << '\n';
        return kExitUsage;
    }

    WorkDir work;
    WriteOptions options;
    options.templatesDir = engine.templatesDir();
    options.referenceOdt = cl.value("reference-odt");
    options.pdfEngine = cl.value("pdf-engine", "libharu");
    try {
        options.calendar = ics::parseCalendarGroups(cl.value("calendar", "review"));
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    options.workDir = work.path;
    if (options.pdfEngine != "libharu" && options.pdfEngine != "libreoffice")
        throw UsageError("--pdf-engine must be libharu or libreoffice, not '" + options.pdfEngine + "'");
    if (!options.referenceOdt.empty() && !fs::is_regular_file(options.referenceOdt))
        throw UsageError("--reference-odt: no such file: " + options.referenceOdt.string());

    for (const auto& p : prepared) {
        if (!p.ok()) continue;  // its diagnostics are printed; its earlier outputs stay as they were
        const std::string docLang = p.source.context.lang;
        Diagnostics diags;
        const doc::Document document = engine.assemble(p, diags);
        printDiagnostics(diags, docLang, std::cerr);
        if (diags.hasErrors()) {
            if (code == kExitOk) code = kExitInputErrors;
            continue;
        }
        const std::string stem = fs::path(p.source.displayName).stem().string();
        Publication publication(outDir);
        try {
            for (const auto& format : formats) {
                const Writer* writer = WriterRegistry::builtin().find(format);
                Diagnostics writerDiags;
                publication.stage(stem + "." + writer->extension(),
                                  [&](std::ostream& out) { writer->write(document, out, options, writerDiags); });
                printDiagnostics(writerDiags, docLang, std::cerr);
            }
            publication.commit();
            for (const auto& f : publication.published()) std::cout << f.string() << '\n';
        } catch (const WriteError& e) {
            std::cerr << p.source.displayName << ": error: [" << e.code() << "] " << e.what() << '\n';
            code = kExitUsage;
        } catch (const std::exception& e) {
            std::cerr << p.source.displayName << ": error: [write.failed] " << e.what() << '\n';
            code = kExitUsage;
        }
    }
    return code;
}

}  // namespace overens::cli
