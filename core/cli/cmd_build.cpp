// overens build SOURCE... [-o DIR] [--format odt,pdf,ics] [--lang sv|en] [-j N]
// The sources go through the engine's batch (engine/batch.hpp): one organisation at a time, on
// N threads (default: every core), output in source order whatever N is.
#include <Poco/TemporaryFile.h>
#include <malloc.h>

#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <thread>

#include "cli_support.hpp"
#include "engine/batch.hpp"
#include "engine/disk_queue.hpp"
#include "progress_line.hpp"
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

unsigned jobsOption(const CommandLine& cl) {
    if (!cl.has("jobs")) return std::max(1u, std::thread::hardware_concurrency());
    const std::string v = cl.value("jobs");
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end || n < 1 || n > 1024) throw UsageError("--jobs needs a number from 1 to 1024, not '" + v + "'");
    return static_cast<unsigned>(n);
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

// One output of a document, written to its temporary file.
struct Staged {
    std::string diagnostics;  // the writer's warnings, formatted
    std::string failure;      // the error line when it failed
};

std::string outputName(const std::string& stem, const std::string& format) {
    return stem + "." + WriterRegistry::builtin().find(format)->extension();
}

Staged stageOne(const doc::Document& document, const std::string& format, const std::string& stem,
                Publication& publication, const WriteOptions& options, const Prepared& p) {
    Staged s;
    const std::string lang = p.source.context.lang;
    try {
        const Writer* writer = WriterRegistry::builtin().find(format);
        Diagnostics writerDiags;
        publication.stage(outputName(stem, format),
                          [&](std::ostream& out) { writer->write(document, out, options, writerDiags); });
        std::ostringstream d;
        printDiagnostics(writerDiags, lang, d);
        s.diagnostics = d.str();
    } catch (const WriteError& e) {
        s.failure = p.source.displayName + ": error: [" + e.code() + "] " + e.what() + "\n";
    } catch (const std::exception& e) {
        s.failure = p.source.displayName + ": error: [write.failed] " + e.what() + "\n";
    }
    return s;
}

// Where a run's publications are made durable and renamed. A batch commits on disk threads, so
// that the threads writing documents do not wait for fsync, and syncs the folder once at the end;
// a single source commits on its own thread (no threads to start for it).
struct Publishing {
    FolderSyncs folders;
    std::unique_ptr<DiskQueue> disk;  // null: a single source

    // The disk threads wake `queue`'s threads waiting for a document's report.
    Publishing(std::size_t sources, WorkQueue& queue) {
        if (sources > 1) disk = std::make_unique<DiskQueue>(kDiskThreads, kDiskPending, [&queue] { queue.wake(); });
    }
    // fsync waits on the device; a few at once keep its queue full. 16 documents waiting hold
    // 48 temporaries, well inside the signal handler's list (temp_registry).
    static constexpr unsigned kDiskThreads = 4;
    static constexpr std::size_t kDiskPending = 16;
};

std::future<BatchReport> ready(BatchReport r) {
    std::promise<BatchReport> p;
    p.set_value(std::move(r));
    return p.get_future();
}

// Commit a document's publication and report its outputs (or why they were not published).
BatchReport commitDocument(Publication& publication, const std::vector<std::string>& formats, const fs::path& outDir,
                           const std::string& stem, const std::string& displayName, std::string err) {
    BatchReport r;
    try {
        publication.commit();
        for (const auto& format : formats) r.out += (outDir / outputName(stem, format)).string() + '\n';
    } catch (const std::exception& e) {
        err += displayName + ": error: [write.failed] " + e.what() + '\n';
        r.code = kExitUsage;
    }
    r.err = std::move(err);
    return r;
}

// Assemble one document and write its formats, each on a thread of its own when one is free;
// published together (one publication: every file synced, then renamed), or (when one fails)
// none of them.
std::future<BatchReport> writeDocument(const Engine& engine, Prepared& p, const std::vector<std::string>& formats,
                                       const fs::path& outDir, const WriteOptions& options, WorkQueue& queue,
                                       Publishing& publishing) {
    BatchReport r;
    Diagnostics diags;
    const doc::Document document = engine.assemble(p, diags);
    p.releaseSections();  // the writers need only the tree
    std::ostringstream err;
    printDiagnostics(diags, p.source.context.lang, err);
    if (diags.hasErrors()) {
        r.err = err.str();
        r.code = kExitInputErrors;
        return ready(std::move(r));
    }
    const std::string stem = fs::path(p.source.displayName).stem().string();
    auto publication = std::make_unique<Publication>(outDir, publishing.disk ? &publishing.folders : nullptr);
    std::vector<std::future<Staged>> others;
    for (std::size_t i = 1; i < formats.size(); ++i)
        others.push_back(queue.submit([&, i] { return stageOne(document, formats[i], stem, *publication, options, p); }));
    std::vector<Staged> staged;
    staged.push_back(stageOne(document, formats.front(), stem, *publication, options, p));
    for (auto& f : others) staged.push_back(queue.get(f));

    // Reported as a run one format after the other would: up to the first failure.
    for (const auto& s : staged) {
        err << s.diagnostics << s.failure;
        if (!s.failure.empty()) {
            r.err = err.str();
            r.code = kExitUsage;
            return ready(std::move(r));  // the staged temporaries are removed
        }
    }
    if (!publishing.disk) return ready(commitDocument(*publication, formats, outDir, stem, p.source.displayName, err.str()));
    return publishing.disk->submit(
        [publication = std::move(publication), &formats, outDir, stem, name = p.source.displayName, e = err.str()] {
            return commitDocument(*publication, formats, outDir, stem, name, e);
        });
}

}  // namespace

int runBuild(const CommandLine& cl) {
    if (cl.args.empty()) throw UsageError("build needs at least one SOURCE file");
    const std::vector<std::string> formats = chosenFormats(cl);
    const std::string lang = messageLanguage(cl);
    const fs::path outDir = cl.value("output", ".");
    const unsigned jobs = jobsOption(cl);

    // Two sources with one name would overwrite each other's outputs.
    std::set<std::string> stems;
    for (const auto& a : cl.args)
        if (!stems.insert(fs::path(a).stem().string()).second)
            throw UsageError("two sources are named '" + fs::path(a).stem().string() +
                             "': their outputs would overwrite each other");

    WorkDir work;
    WriteOptions options;
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

    Diagnostics setup;
    EngineOptions engineOpts = engineOptions(cl);
    engineOpts.sources = cl.args;  // only their kinds' plugins are opened
    Engine engine(std::move(engineOpts), setup);
    int code = reportSetup(engine, setup, lang, std::cerr);
    if (engine.kinds().empty()) return code;
    options.templatesDir = engine.templatesDir();

    std::error_code ec;
    fs::create_directories(outDir, ec);
    if (ec || !fs::is_directory(outDir)) {
        std::cerr << "overens: " << outDir.string() << ": " << (lang == "en" ? "cannot create the output folder: " : "kan inte skapa utmatningsmappen: ") << ec.message() << '\n';
        return kExitUsage;
    }

    ProgressLine progress(std::cerr, lang);
    BatchSteps steps;
    steps.checked = [&](const Prepared& p) {
        std::ostringstream err;
        BatchReport r;
        r.code = reportPrepared(p, err);
        r.err = err.str();
        return r;
    };
    steps.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
    steps.interrupt = [&] { progress.clear(); };

    // glibc gives each thread a malloc arena of its own, and memory freed in one is not reused by
    // another: two writers of one document in two arenas peaked at 54 MiB for a 5,000-row order,
    // in one arena at 39 MiB, for the same CPU time (per-thread caches take most small
    // allocations without the arena's lock). One arena per four threads.
    mallopt(M_ARENA_MAX, static_cast<int>(std::max(1u, jobs / 4)));
    WorkQueue queue(jobs);
    Publishing publishing(cl.args.size(), queue);  // after the queue: its threads end first
    steps.write = [&](Prepared& p, WorkQueue& q) { return writeDocument(engine, p, formats, outDir, options, q, publishing); };
    int batchCode = runBatch(engine, cl.args, steps, queue, std::cout, std::cerr);
    try {
        publishing.folders.sync();  // the renames are durable before the run reports success
    } catch (const std::exception& e) {
        progress.clear();
        std::cerr << outDir.string() << ": error: [write.failed] " << e.what() << '\n';
        batchCode = std::max(batchCode, kExitUsage);
    }
    return std::max(code, batchCode);
}

}  // namespace overens::cli
