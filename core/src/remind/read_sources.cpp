#include "remind/read_sources.hpp"

#include <chrono>

#include "remind/source_files.hpp"

namespace overens::remind {

namespace {

constexpr std::int64_t kTick = 2000000000;  // a change within 2 s of indexing is not trusted

std::int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::optional<Date> dateOrNone(const std::string& s) { return s.empty() ? std::nullopt : parseDate(s); }
std::optional<Duration> durationOrNone(const std::string& s) { return s.empty() ? std::nullopt : parseDuration(s); }

FolderIndex* folderIn(Index& index, const std::string& abs) {
    auto it = index.find(abs);
    return it == index.end() ? nullptr : &it->second;
}

class Reader {
public:
    Reader(FoundSources& found, Index& index, Engine& engine, const std::string& lang, std::ostream& err)
        : found_(found), index_(index), engine_(engine), lang_(lang), err_(err) {
        folderIndex_.resize(found.folders.size(), nullptr);
        for (std::size_t i = 0; i < found.folders.size(); ++i) folderIndex_[i] = folderIn(index, found.folders[i].abs);
        r_.update.dirty.assign(found.folders.size(), false);
        r_.documents.reserve(found.candidates.size());
    }

    SourcesRead run() {
        for (auto& c : found_.candidates) {
            ++r_.files;
            IndexEntry* ie = entryOf(c);
            if (ie && ie->mtimeNs == c.mtimeNs && ie->size == c.size && ie->indexedAt - c.mtimeNs > kTick &&
                (ie->isSource || !c.explicitlyNamed)) {
                if (ie->isSource) fromIndex(c, *ie);
                continue;
            }
            ++r_.parsed;
            fromSource(c);
        }
        return std::move(r_);
    }

private:
    IndexEntry* entryOf(const Candidate& c) {
        FolderIndex* fi = folderIndex_[c.folder];
        if (!fi) return nullptr;
        auto it = fi->find(c.name);
        if (it == fi->end()) return nullptr;
        it->second.seen = true;
        return &it->second;
    }

    void fromIndex(Candidate& c, const IndexEntry& ie) {
        ++r_.sources;
        Document d;
        d.folder = c.folder;
        d.name = c.name;
        d.display = std::move(c.display);
        d.next = dateOrNone(ie.review);
        d.every = durationOrNone(ie.every);
        d.notify = durationOrNone(ie.notify);
        d.recurring = ie.recurring;
        r_.documents.push_back(std::move(d));
    }

    void fromSource(Candidate& c) {
        const std::string key = found_.pathOf(c.folder, c.name);
        if (c.display.empty()) c.display = found_.displayOf(c.folder, c.name);
        if (!c.explicitlyNamed && !looksLikeSource(key, engine_.kinds())) {
            remember(c, entryFor(c, false));
            return;
        }
        Prepared p = engine_.prepareHeader(key, c.display);  // a store's documents are named ORG/NAME
        const std::string lang = !lang_.empty() ? lang_ : p.source.context.lang.empty() ? "sv" : p.source.context.lang;
        for (const auto& d : p.diags.all()) err_ << d.format(lang) << '\n';
        if (p.status == ReadStatus::Unreadable) {
            r_.unreadable = true;
            return;
        }
        if (p.status != ReadStatus::Ok || !p.kind || p.diags.hasErrors()) {
            r_.sourceErrors = true;
            forget(c);
            return;
        }
        ++r_.sources;
        Header h = Header::fromContext(p.source.context, p.source.sha256);
        if (p.diags.all().empty()) {
            IndexEntry e = entryFor(c, true);
            e.review = h.nextReview ? h.nextReview->iso() : std::string();
            e.every = h.every ? h.every->iso() : std::string();
            e.notify = h.notifyBefore ? h.notifyBefore->iso() : std::string();
            e.recurring = h.recurring;
            remember(c, std::move(e));
            r_.update.headerRows.push_back({key, p.source.sha256, h.serialize()});
        } else {
            forget(c);  // warnings are shown on every run: not indexed
        }
        Document d;
        d.folder = c.folder;
        d.name = c.name;
        d.display = c.display;
        d.next = h.nextReview;
        d.every = h.every;
        d.notify = h.notifyBefore;
        d.recurring = h.recurring;
        d.header = std::move(h);
        r_.documents.push_back(std::move(d));
    }

    IndexEntry entryFor(const Candidate& c, bool isSource) const {
        IndexEntry e;
        e.mtimeNs = c.mtimeNs;
        e.size = c.size;
        e.indexedAt = runStart_;
        e.isSource = isSource;
        return e;
    }

    void forget(const Candidate& c) {
        FolderIndex* fi = folderIndex_[c.folder];
        if (fi && fi->erase(c.name)) {
            r_.update.dirty[c.folder] = true;
            r_.update.dropHeaders.push_back(found_.pathOf(c.folder, c.name));
        }
    }

    void remember(const Candidate& c, IndexEntry e) {
        if (!folderIndex_[c.folder]) folderIndex_[c.folder] = &index_[found_.folders[c.folder].abs];
        e.seen = true;
        (*folderIndex_[c.folder])[c.name] = std::move(e);
        r_.update.dirty[c.folder] = true;
    }

    FoundSources& found_;
    Index& index_;
    Engine& engine_;
    const std::string& lang_;
    std::ostream& err_;
    std::vector<FolderIndex*> folderIndex_;  // by folder id; null while the folder has no rows
    const std::int64_t runStart_ = nowNs();
    SourcesRead r_;
};

// A folder under one of the searched roots (not the root itself).
bool under(const std::string& abs, const std::vector<std::string>& roots) {
    for (const auto& root : roots)
        if (abs.size() > root.size() && abs.compare(0, root.size(), root) == 0 &&
            (abs[root.size()] == '/' || root == "/"))
            return true;
    return false;
}

}  // namespace

SourcesRead readSources(FoundSources& found, Index& index, Engine& engine, const std::string& lang,
                        std::ostream& err) {
    return Reader(found, index, engine, lang, err).run();
}

void sweepIndex(const FoundSources& found, Index& index, IndexUpdate& update) {
    for (std::size_t i = 0; i < found.folders.size(); ++i) {
        FolderIndex* fi = found.folders[i].walked ? folderIn(index, found.folders[i].abs) : nullptr;
        if (!fi) continue;
        for (auto it = fi->begin(); it != fi->end();) {
            if (it->second.seen) {
                ++it;
                continue;
            }
            if (it->second.isSource) update.dropHeaders.push_back(joinPath(found.folders[i].abs, it->first.c_str()));
            it = fi->erase(it);
            update.dirty[i] = true;
        }
    }
    // Folders gone from under a searched root (checked when the index has more folders than
    // could all have been seen, so that an unchanged tree costs nothing here).
    if (!found.walkedRoots.empty() && index.size() > found.folders.size() / 2) {
        for (const auto& [abs, fi] : index) {
            if (found.folderIds.count(abs) || !under(abs, found.walkedRoots)) continue;
            update.folders.emplace_back(abs, nullptr);
            for (const auto& [name, e] : fi)
                if (e.isSource) update.dropHeaders.push_back(joinPath(abs, name.c_str()));
        }
    }
    for (std::size_t i = 0; i < found.folders.size(); ++i)
        if (update.dirty[i]) update.folders.emplace_back(found.folders[i].abs, folderIn(index, found.folders[i].abs));
}

}  // namespace overens::remind
