#include "engine/engine.hpp"

#include <algorithm>
#include <exception>

#include "loader/needed_plugins.hpp"
#include "source/shown_name.hpp"
#include "templates/template_store.hpp"

namespace overens {

namespace fs = std::filesystem;

void resolveLanguage(Context& ctx, const std::string& override) {
    const std::string written = ctx.lang;
    ctx.lang = !override.empty() ? override : written.empty() ? "sv" : written;
    // The board's name in the output language: as written in that language, else the default.
    Organisation& o = ctx.organisation;
    const bool region = o.type == "region";
    if (ctx.lang == "en")
        o.board = !o.boardEn.empty() ? o.boardEn
                  : written == "en" && !o.board.empty() ? o.board
                  : region ? "Regional Executive Board" : "Municipal Executive Board";
    else if (o.board.empty() || written == "en")
        o.board = region ? "Regionstyrelsen" : "Kommunstyrelsen";
}

void resolveReview(Context& ctx, const DocumentKind& kind) {
    ReviewPolicy& r = ctx.review;
    if (!r.every) r.every = kind.reviewEvery;
    if (!r.notifyBefore) r.notifyBefore = kind.notifyBefore;
    if (r.next)
        ctx.nextReview = r.next;
    else if (ctx.registration.adopted)
        ctx.nextReview = addDuration(*ctx.registration.adopted, *r.every);
}

void publishHeader(const Context& ctx, Facts& facts) {
    facts["header.kind"].insert(ctx.kind);
    facts["header.organisation"].insert(ctx.organisation.name);
    for (const auto& p : ctx.parties) {
        facts["header.party." + p.role + ".name"].insert(p.name);
        if (!p.title.empty()) facts["header.party." + p.role + ".title"].insert(p.title);
    }
}

Engine::Engine(EngineOptions options, Diagnostics& setupDiags) : options_(std::move(options)) {
    templatesDir_ = options_.templatesDir.empty() ? findTemplatesDir() : options_.templatesDir;
    // The kinds first (they say which plugins the sources need), reported after the plugins.
    Diagnostics kindDiags;
    kinds_ = loadKinds(templatesDir_ / "kinds", kindDiags);
    loadPlugins(setupDiags);
    setupDiags.append(kindDiags);
}

void Engine::schemasOf(const PluginLoader& loader, SchemaLookup& schemas, Diagnostics& diags) {
    for (const auto& p : loader.plugins()) {
        try {
            // The interview's form hints (examples, defaults, conditions) sit in the fields.
            schemas[p.info.id] = withHints(p.plugin->schema(), p.plugin->interview().hints);
        } catch (const std::exception& e) {
            diags.error("plugin.threw", Location{p.file.string()},
                        "pluginet '" + p.info.id + "' kastade ett undantag i schema() eller interview(): " + e.what(),
                        "the plugin '" + p.info.id + "' threw an exception in schema() or interview(): " + e.what());
        }
    }
}

void Engine::loadPlugins(Diagnostics& setupDiags) {
    const std::vector<fs::path> folders =
        options_.pluginPath.empty() ? PluginLoader::defaultSearchPath() : options_.pluginPath;
    // Only the sources' kinds' plugins, when each is there under its id and opens cleanly.
    if (!options_.sources.empty()) {
        if (const auto ids = neededPlugins(options_.sources, kinds_)) {
            Diagnostics partial;
            bool complete = true;
            for (const auto& id : *ids) {
                const fs::path file = PluginLoader::fileNamed(folders, id);
                complete = complete && !file.empty() && loader_.loadFile(file, partial) && loader_.find(id);
                if (!complete) break;
            }
            if (complete) schemasOf(loader_, schemas_, partial);
            if (complete && !partial.hasErrors()) {
                setupDiags.append(partial);
                partial_ = true;
                return;
            }
            loader_.clear();
            schemas_.clear();
        }
    }
    loader_.loadFrom(folders, setupDiags);
    schemasOf(loader_, schemas_, setupDiags);
}

const Engine::AllPlugins& Engine::allPlugins() const {
    std::call_once(allOnce_, [this] {
        all_ = std::make_unique<AllPlugins>();
        all_->loader.loadFrom(options_.pluginPath.empty() ? PluginLoader::defaultSearchPath() : options_.pluginPath,
                              all_->setup);
        schemasOf(all_->loader, all_->schemas, all_->setup);
        allReady_.store(all_.get(), std::memory_order_release);
    });
    return *all_;
}

const LoadedPlugin* Engine::plugin(const std::string& id) const {
    if (const LoadedPlugin* p = loader_.find(id)) return p;
    const AllPlugins* all = allReady_.load(std::memory_order_acquire);
    return all ? all->loader.find(id) : nullptr;
}

const Wording& Engine::wording(const std::string& lang, const std::string& name, Diagnostics& diags) const {
    std::lock_guard<std::mutex> lock(wordingsMutex_);
    auto& slot = wordings_[lang + "/" + name];
    if (!slot) slot = std::make_unique<Wording>(loadWording(templatesDir_, lang, name, diags));
    return *slot;
}

void Engine::resolve(Prepared& p) const {
    Context& ctx = p.source.context;
    Diagnostics& d = p.diags;
    ctx.templatesDir = templatesDir_.string();
    resolveLanguage(ctx, options_.lang);

    auto kind = kinds_.find(ctx.kind);
    if (kind == kinds_.end()) {
        std::string known;
        for (const auto& [id, k] : kinds_) known += (known.empty() ? "" : ", ") + id;
        d.error("source.unknown-kind", p.source.where,
                "okänt dokumentslag '" + shownName(ctx.kind) + "'; kända dokumentslag: " + known,
                "unknown document kind '" + shownName(ctx.kind) + "'; known document kinds: " + known);
        return;
    }
    p.kind = &kind->second;
    const DocumentKind& k = *p.kind;
    ctx.kind = k.id;

    for (const auto& s : k.sections) {
        bool present = false;
        for (const auto& sec : p.source.sections) present = present || sec.id == s.id;
        if (!present && s.required && plugin(s.id))
            d.error("kind.missing-section", p.source.where,
                    "dokumentslaget '" + k.id + "' kräver avsnittet <" + s.id + ">, som saknas",
                    "the document kind '" + k.id + "' requires the section <" + s.id + ">, which is missing");
        if (!plugin(s.id))
            d.error("kind.plugin-missing", p.source.where,
                    "avsnittet <" + s.id + "> som dokumentslaget '" + k.id + "' kräver har inget installerat plugin",
                    "the section <" + s.id + "> that the document kind '" + k.id + "' needs has no installed plugin");
    }
    for (const auto& sec : p.source.sections)
        if (!k.section(sec.id))
            d.error("kind.section-not-in-kind", sec.values.where,
                    "avsnittet <" + sec.id + "> hör inte till dokumentslaget '" + k.id + "'",
                    "the section <" + sec.id + "> does not belong to the document kind '" + k.id + "'");
    for (const auto& role : k.signatories)
        if (!ctx.party(role))
            d.error("kind.missing-party", p.source.where,
                    "dokumentet undertecknas av rollen '" + role + "': lägg till <party role=\"" + role + "\" .../>",
                    "the document is signed by the role '" + role + "': add <party role=\"" + role + "\" .../>");

    // The review date: as written, else one interval after adoption.
    resolveReview(ctx, k);
    const ReviewPolicy& r = ctx.review;
    const Duration every = *r.every;
    if (!ctx.nextReview)
        d.warning("review.no-date", r.where.known() ? r.where : p.source.where,
                  "dokumentet har inget omprövningsdatum: ange <review next=\"...\"/> eller <registration adopted=\"...\"/>",
                  "the document has no review date: give <review next=\"...\"/> or <registration adopted=\"...\"/>");
    if (ctx.nextReview && ctx.registration.adopted && *ctx.nextReview <= *ctx.registration.adopted)
        d.error("review.before-adoption", r.where.known() ? r.where : p.source.where,
                "nästa omprövning (" + ctx.nextReview->iso() + ") måste komma efter antagandet (" +
                    ctx.registration.adopted->iso() + ")",
                "the next review (" + ctx.nextReview->iso() + ") must come after the adoption (" +
                    ctx.registration.adopted->iso() + ")");
    if (r.notifyBefore && r.notifyBefore->approxDays() >= every.approxDays())
        d.warning("review.notify-too-early", r.where.known() ? r.where : p.source.where,
                  "påminnelsen (" + r.notifyBefore->iso() + ") kommer före förra omprövningen (intervall " +
                      every.iso() + ")",
                  "the reminder (" + r.notifyBefore->iso() + ") comes before the previous review (interval " +
                      every.iso() + ")");
}

void Engine::validateSections(Prepared& p) const {
    const Context& ctx = p.source.context;
    for (const auto& sec : p.source.sections) {
        const LoadedPlugin* plugin = this->plugin(sec.id);
        if (!plugin) continue;
        try {
            plugin->plugin->validate(sec.values, ctx, p.diags);
            plugin->plugin->publish(sec.values, ctx, p.facts);
        } catch (const std::exception& e) {
            p.diags.error("plugin.threw", sec.values.where,
                          "pluginet '" + sec.id + "' (" + plugin->file.string() + ") kastade ett undantag: " + e.what(),
                          "the plugin '" + sec.id + "' (" + plugin->file.string() + ") threw an exception: " + e.what());
        } catch (...) {
            p.diags.error("plugin.threw", sec.values.where,
                          "pluginet '" + sec.id + "' (" + plugin->file.string() + ") kastade ett okänt undantag",
                          "the plugin '" + sec.id + "' (" + plugin->file.string() + ") threw an unknown exception");
        }
    }
}

Prepared Engine::read(const std::string& file, const SchemaLookup& schemas) const {
    Prepared p;
    p.source = readSourceFile(file, file, schemas, p.diags, {}, &p.status);
    return p;
}

Prepared Engine::prepareOne(const std::string& file) const {
    Prepared p = read(file, schemas_);
    // A section of a kind not opened: read again as a run with every plugin would.
    if (partial_ && p.diags.hasCode("source.unknown-section")) {
        const AllPlugins& all = allPlugins();
        p = read(file, all.schemas);
        p.diags.append(all.setup);
    }
    if (p.status != ReadStatus::Ok) return p;
    resolve(p);
    if (p.kind) validateSections(p);
    publishHeader(p.source.context, p.facts);
    return p;
}

void Engine::crossCheck(std::vector<Prepared>& group) const {
    // Each section sees the facts of the other documents of its organisation, in their order.
    std::map<std::string, std::vector<std::size_t>> byOrganisation;
    for (std::size_t i = 0; i < group.size(); ++i)
        if (group[i].status == ReadStatus::Ok && group[i].kind)
            byOrganisation[group[i].source.context.organisation.name].push_back(i);
    for (const auto& [organisation, members] : byOrganisation) {
        std::vector<Facts> others;
        for (std::size_t i : members) others.push_back(group[i].facts);
        for (std::size_t k = 0; k < members.size(); ++k) {
            // Leave the document's own facts out: move them to the end (keeping the others' order),
            // set them aside, and put them back afterwards.
            std::rotate(others.begin() + k, others.begin() + k + 1, others.end());
            Facts own = std::move(others.back());
            others.pop_back();
            Prepared& p = group[members[k]];
            for (const auto& sec : p.source.sections) {
                const LoadedPlugin* plugin = this->plugin(sec.id);
                if (!plugin) continue;
                try {
                    plugin->plugin->crossCheck(sec.values, p.source.context, p.facts, others, p.diags);
                } catch (const std::exception& e) {
                    p.diags.error("plugin.threw", sec.values.where,
                                  "pluginet '" + sec.id + "' kastade ett undantag i crossCheck: " + e.what(),
                                  "the plugin '" + sec.id + "' threw an exception in crossCheck: " + e.what());
                }
            }
            others.push_back(std::move(own));
            std::rotate(others.begin() + k, others.end() - 1, others.end());
        }
    }
    for (auto& p : group) p.diags.sort();
}

std::vector<Prepared> Engine::prepare(const std::vector<std::string>& files) {
    std::vector<Prepared> out;
    out.reserve(files.size());
    for (const auto& f : files) out.push_back(prepareOne(f));
    crossCheck(out);
    return out;
}

Prepared Engine::prepareHeader(const std::string& file, const std::string& name) {
    Prepared p;
    ReadOptions options;
    options.headerOnly = true;
    p.source = readSourceFile(file, name.empty() ? file : name, schemas_, p.diags, options, &p.status);
    if (p.status == ReadStatus::Ok) {
        // Sections are not read: only the header's rules apply here.
        Context& ctx = p.source.context;
        ctx.templatesDir = templatesDir_.string();
        resolveLanguage(ctx, options_.lang);
        auto kind = kinds_.find(ctx.kind);
        if (kind != kinds_.end()) {
            p.kind = &kind->second;
            resolveReview(ctx, *p.kind);
        } else {
            p.diags.error("source.unknown-kind", p.source.where, "okänt dokumentslag '" + shownName(ctx.kind) + "'",
                          "unknown document kind '" + shownName(ctx.kind) + "'");
        }
    }
    return p;
}

}  // namespace overens
