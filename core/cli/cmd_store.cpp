// overens store export ORG FOLDER --store SPEC / overens store import ORG FOLDER --store SPEC: a
// whole organisation as a folder of ordinary answer files. Export writes each document's current
// version; import saves a new version only of the files whose bytes differ from the store's.
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_support.hpp"
#include "publish/publisher.hpp"
#include "store/document_store.hpp"

namespace overens::cli {

namespace fs = std::filesystem;

void defineStoreOptions(Poco::Util::OptionSet& options) {
    options.addOption(Poco::Util::Option("author", "", "store import: the author recorded with each new version "
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

int importOrganisation(store::DocumentStore& st, const std::string& org, const fs::path& folder,
                       const std::string& author) {
    if (!fs::is_directory(folder)) throw UsageError("no such folder: " + folder.string());
    std::string error;
    if (!org.empty() && !st.createOrganisation(org, error)) throw UsageError(error);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_regular_file() && store::validDocumentName(entry.path().filename().string()))
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::size_t saved = 0, same = 0, failed = 0;
    for (const auto& file : files) {
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
                                  : importOrganisation(*st, org, folder, cl.value("author", "import"));
}

}  // namespace overens::cli
