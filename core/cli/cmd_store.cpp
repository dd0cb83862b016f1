// overens store export ORG FOLDER --store SPEC / overens store import ORG FOLDER --store SPEC: a
// whole organisation as a folder of ordinary answer files. Export writes each document's current
// version; import saves a new version only of the files whose bytes differ from the store's.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_support.hpp"
#include "engine/engine.hpp"
#include "options.hpp"
#include "publish/publisher.hpp"
#include "store/document_store.hpp"

namespace overens::cli {

namespace fs = std::filesystem;

void defineStoreOptions(OptionSet& options) {
    options.addOption(Option("author", "", "store import: the author recorded with each new version "
                                                       "(default: import)")
                          .argument("NAME"));
}

namespace {

int exportOrganisation(store::DocumentStore& st, const std::string& org, const fs::path& folder) {
    fs::create_directories(folder);
    Publication publication(folder);
    std::size_t n = 0;
    for (const auto& name : st.documents(org)) {
        const auto doc = st.read({org, name});
        if (!doc) continue;
        publication.stage(name, [&](std::ostream& out) { out.write(doc->xml.data(), static_cast<std::streamsize>(doc->xml.size())); });
        ++n;
    }
    publication.commit();
    std::cerr << "overens store: exported " << n << " document(s) of '" << org << "' from " << st.describe() << " to "
              << folder.string() << '\n';
    return kExitOk;
}

// Whether the file is an answer file the service can open: well-formed XML whose root is a
// document kind (a draft with errors in its values is still one). What is wrong is printed.
bool readableAnswerFile(Engine& engine, const fs::path& file, const std::string& lang) {
    const Prepared p = engine.prepareHeader(file.string());
    if (p.status == ReadStatus::Ok && p.kind) return true;
    printDiagnostics(p.diags, lang, std::cerr);
    if (!p.diags.hasErrors())
        std::cerr << file.string() << ": error: [store.import] not an answer file of a known kind; not imported\n";
    return false;
}

int importOrganisation(store::DocumentStore& st, const std::string& org, const fs::path& folder,
                       const std::string& author, const CommandLine& cl) {
    if (!fs::is_directory(folder)) throw UsageError("no such folder: " + folder.string());
    std::string error;
    if (!org.empty() && !st.createOrganisation(org, error)) throw UsageError(error);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_regular_file() || name.size() < 4 || name.compare(name.size() - 4, 4, ".xml") != 0) continue;
        if (store::validDocumentName(name))
            files.push_back(entry.path());
        else
            std::cerr << entry.path().string() << ": warning: [store.import-name] not imported: a document's name "
                      << "has only letters, digits, '.', '-' and '_'\n";
    }
    std::sort(files.begin(), files.end());

    EngineOptions options;
    options.templatesDir = cl.value("templates");
    for (const auto& f : files) options.sources.push_back(f.string());
    Diagnostics setup;
    Engine engine(options, setup);
    const std::string lang = messageLanguage(cl);
    if (const int code = reportSetup(engine, setup, lang, std::cerr); engine.kinds().empty() || code != kExitOk)
        return code;

    std::size_t saved = 0, same = 0, failed = 0;
    for (const auto& file : files) {
        if (!readableAnswerFile(engine, file, lang)) {
            ++failed;
            continue;
        }
        std::ifstream in(file, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        const store::DocumentId id{org, file.filename().string()};
        const auto now = st.read(id);
        if (now && now->xml == bytes.str()) {
            ++same;
            continue;
        }
        const store::SaveResult r = st.save(id, bytes.str(), now ? now->version : 0, author, "import");
        if (r.status == store::SaveStatus::Saved) {
            ++saved;
            std::cerr << "overens store: " << id.name << ": version " << r.version << '\n';
        } else {
            ++failed;
            std::cerr << file.string() << ": error: [store.import] not saved"
                      << (r.status == store::SaveStatus::Stale || r.status == store::SaveStatus::Exists
                              ? " (the document changed while importing; run the import again)"
                              : r.error.empty() ? "" : ": " + r.error)
                      << '\n';
        }
    }
    std::cerr << "overens store: imported into '" << org << "' of " << st.describe() << ": " << saved
              << " new version(s), " << same << " unchanged, " << failed << " failed\n";
    return failed ? kExitInputErrors : kExitOk;
}

}  // namespace

int runStore(const CommandLine& cl) {
    if (cl.args.size() != 3 || (cl.args[0] != "export" && cl.args[0] != "import"))
        throw UsageError("store export|import ORG FOLDER --store SPEC");
    const std::string& org = cl.args[1];
    if (!org.empty() && !store::validOrganisation(org))
        throw UsageError("'" + org + "' is not an organisation id (1-64 of a-z, 0-9 and -, not starting with -)");
    if (!cl.has("store")) throw UsageError("store " + cl.args[0] + " needs --store SPEC (a folder or postgresql://...)");
    std::string error;
    auto st = store::openStore(cl.value("store"), fs::current_path(), error);
    if (!st) throw UsageError("--store: " + error);
    const fs::path folder = fs::absolute(cl.args[2]);
    return cl.args[0] == "export" ? exportOrganisation(*st, org, folder)
                                  : importOrganisation(*st, org, folder, cl.value("author", "import"), cl);
}

}  // namespace overens::cli
