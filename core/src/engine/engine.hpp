// The flow for one run: read each source, check it against its document kind and its
// plugins' rules, check across the documents built together, and assemble document trees.
#pragma once

#include <filesystem>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "kinds/document_kind.hpp"
#include "loader/plugin_loader.hpp"
#include "overens/document.hpp"
#include "source/source_reader.hpp"

namespace overens {

struct EngineOptions {
    std::filesystem::path templatesDir;       // empty: findTemplatesDir()
    std::vector<std::filesystem::path> pluginPath;  // empty: PluginLoader::defaultSearchPath()
    std::string lang;                         // --lang; empty: each document's own
    // The sources this engine is for (validate, build). When given, only the plugins of their
    // kinds are opened, each found as <id>.so in the plugin folders. Every plugin is opened
    // instead when a source's kind does not show in its first bytes, when a kind's plugin is not
    // there under its id, or (for that source, then) when a source has a section that no opened
    // plugin owns; so the diagnostics are those of a run with every plugin. Only the problems of
    // plugin files that no source needs go unreported (`overens plugins` reports them).
    std::vector<std::string> sources;
};

// One source, read and checked.
struct Prepared {
    Source source;
    const DocumentKind* kind = nullptr;  // null when the kind is unknown
    Diagnostics diags;                   // everything found for this source
    ReadStatus status = ReadStatus::Ok;
    Facts facts;                         // what its sections published

    bool ok() const { return status == ReadStatus::Ok && kind && !diags.hasErrors(); }
    // Free the sections' values and the facts once the document is assembled (a batch keeps the
    // header, the diagnostics and the status).
    void releaseSections() {
        source.sections = {};
        facts = {};
    }
};

class Engine {
public:
    // Loads plugins and kinds; problems go to setupDiags (a broken plugin is an error there,
    // the other plugins still load).
    Engine(EngineOptions options, Diagnostics& setupDiags);

    const PluginLoader& plugins() const { return loader_; }
    const std::map<std::string, DocumentKind>& kinds() const { return kinds_; }
    const std::filesystem::path& templatesDir() const { return templatesDir_; }
    const SchemaLookup& schemas() const { return schemas_; }

    // Read and check the sources, then check them against each other.
    std::vector<Prepared> prepare(const std::vector<std::string>& files);
    // The two steps of prepare(), for a batch (engine/batch.hpp): one source read and checked on
    // its own (safe on several threads at once), then the checks across the documents of one
    // organisation among `group`, which also sorts each one's diagnostics.
    Prepared prepareOne(const std::string& file) const;
    void crossCheck(std::vector<Prepared>& group) const;
    // Read only the header and resolve the review date (for reminders).
    // name: what diagnostics call the file (remind names a store's documents ORG/NAME); default file.
    Prepared prepareHeader(const std::string& file, const std::string& name = {});
    // The whole document tree of a prepared source (which must be ok()).
    doc::Document assemble(const Prepared& p, Diagnostics& diags) const;

private:
    // Every plugin, opened (once) when a source needs one that its kind does not name.
    struct AllPlugins {
        PluginLoader loader;
        SchemaLookup schemas;
        Diagnostics setup;
    };
    void loadPlugins(Diagnostics& setupDiags);
    static void schemasOf(const PluginLoader& loader, SchemaLookup& schemas, Diagnostics& diags);
    const AllPlugins& allPlugins() const;
    const LoadedPlugin* plugin(const std::string& id) const;  // the opened one, else of allPlugins()
    Prepared read(const std::string& file, const SchemaLookup& schemas) const;
    void resolve(Prepared& p) const;  // kind, language, review date, kind rules
    void validateSections(Prepared& p) const;
    const Wording& wording(const std::string& lang, const std::string& name, Diagnostics& diags) const;

    EngineOptions options_;
    std::filesystem::path templatesDir_;
    PluginLoader loader_;
    std::map<std::string, DocumentKind> kinds_;
    SchemaLookup schemas_;
    mutable std::map<std::string, std::unique_ptr<Wording>> wordings_;  // by lang/name
    mutable std::mutex wordingsMutex_;  // documents are assembled on several threads
    bool partial_ = false;              // only the sources' kinds' plugins are in loader_
    mutable std::once_flag allOnce_;
    mutable std::unique_ptr<AllPlugins> all_;
    mutable std::atomic<const AllPlugins*> allReady_{nullptr};
};

// The output language (--lang, else the source's, else Swedish) and the board's name in it.
void resolveLanguage(Context& ctx, const std::string& override);

// Fill the review policy's gaps from the kind and compute the next review date: as written,
// else one interval after adoption.
void resolveReview(Context& ctx, const DocumentKind& kind);

// The header's facts every document publishes for checks across documents:
// "header.kind", "header.organisation", "header.party.<role>.name", "header.party.<role>.title".
void publishHeader(const Context& ctx, Facts& facts);


}  // namespace overens
