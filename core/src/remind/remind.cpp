#include "remind/remind.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/SHA2Engine.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <unordered_set>

#include "engine/engine.hpp"
#include "overens/version.hpp"
#include "remind/message.hpp"
#include "remind/state.hpp"
#include "templates/template_store.hpp"
#include "writers/ics/ics_writer.hpp"

namespace overens::remind {

namespace fs = std::filesystem;

namespace {

// A folder searched (or holding a file named on the command line).
struct Folder {
    std::string abs;      // absolute, normalised
    std::string display;  // as reached from the path given
    bool walked = false;  // searched (not only holding a named file)
};

// A file found under the paths.
struct Candidate {
    std::uint32_t folder = 0;
    std::string name;
    std::string display;  // set for files named on the command line; else built when needed
    bool explicitlyNamed = false;
    std::int64_t mtimeNs = 0, size = 0;
};

// A document read from its source or from the index. From the index only the review facts
// are loaded; the header follows for the documents that are due.
struct Document {
    std::uint32_t folder = 0;
    std::string name;
    std::string display;  // set when read or named; else built when needed
    std::string key;      // absolute path; set for the due ones
    std::optional<Date> next;
    std::optional<Duration> every, notify;
    bool recurring = false;
    std::optional<Header> header;
};

std::optional<Date> dateOrNone(const std::string& s) { return s.empty() ? std::nullopt : parseDate(s); }
std::optional<Duration> durationOrNone(const std::string& s) { return s.empty() ? std::nullopt : parseDuration(s); }

// JSON text of a string (UTF-8 passed through, control characters escaped).
std::string jstr(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

struct Recipient {
    doc::Person person;
    std::string address;  // lower case; empty when the party has no e-mail
    ReminderRecord record;
    bool changedNow = false;  // attempted in this run
};

struct Entry {
    const Document* document = nullptr;
    const DocumentKind* kind = nullptr;
    Date review;
    long long days = 0;  // review - today
    std::string identity;
    doc::Meta meta;
    std::vector<Recipient> recipients;
};

std::int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool hasXmlExtension(const char* name) {
    const std::size_t n = std::strlen(name);
    return n > 4 && name[n - 4] == '.' && (name[n - 3] | 0x20) == 'x' && (name[n - 2] | 0x20) == 'm' &&
           (name[n - 1] | 0x20) == 'l';
}


// Whether a file looks like a source: its root element is a document kind, <document>, or
// carries kind="...". Files that cannot be sniffed count as sources (their reading reports why).
bool looksLikeSource(const std::string& path, const std::map<std::string, DocumentKind>& kinds) {
    std::ifstream in(path, std::ios::binary);
    char buf[4096];
    in.read(buf, sizeof buf);
    const std::string s(buf, static_cast<std::size_t>(in.gcount()));
    std::size_t i = s.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    for (;;) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
        if (i >= s.size() || s[i] != '<') return true;
        if (s.compare(i, 2, "<?") == 0) {
            const auto e = s.find("?>", i);
            if (e == std::string::npos) return true;
            i = e + 2;
        } else if (s.compare(i, 4, "<!--") == 0) {
            const auto e = s.find("-->", i);
            if (e == std::string::npos) return true;
            i = e + 3;
        } else if (s.compare(i, 2, "<!") == 0) {
            return true;  // DOCTYPE: the reader refuses it with a diagnostic
        } else {
            break;
        }
    }
    std::size_t j = i + 1;
    while (j < s.size() && s[j] != ' ' && s[j] != '>' && s[j] != '/' && s[j] != '\t' && s[j] != '\r' && s[j] != '\n') ++j;
    const std::string name = s.substr(i + 1, j - i - 1);
    if (name == "document" || kinds.count(name)) return true;
    const auto end = s.find('>', j);
    const std::string tag = s.substr(j, end == std::string::npos ? std::string::npos : end - j);
    return tag.find(" kind=") != std::string::npos || tag.find("\tkind=") != std::string::npos ||
           tag.find("\nkind=") != std::string::npos;
}

std::string fingerprint(const fs::path& templatesDir) {
    Poco::SHA2Engine e(Poco::SHA2Engine::SHA_256);
    std::string seed = std::string("overens ") + kVersion + " index 1";
    e.update(seed.data(), static_cast<unsigned>(seed.size()));
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(templatesDir / "kinds", ec))
        if (entry.path().extension() == ".xml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::string name = f.filename().string();
        e.update(name.data(), static_cast<unsigned>(name.size()));
        e.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    }
    return Poco::DigestEngine::digestToHex(e.digest());
}

struct Texts {
    bool en;
    const char* tr(const char* sv, const char* enText) const { return en ? enText : sv; }
};

std::string whenText(long long days, const Texts& t) {
    if (days == 0) return t.tr("i dag", "today");
    const std::string n = std::to_string(days < 0 ? -days : days);
    if (days > 0) return t.en ? "in " + n + (days == 1 ? " day" : " days") : "om " + n + (days == 1 ? " dag" : " dagar");
    return t.en ? n + (days == -1 ? " day overdue" : " days overdue") : n + (days == -1 ? " dag försenad" : " dagar försenad");
}

std::string statusText(const Recipient& r, const Texts& t) {
    if (r.address.empty()) return t.tr("ingen e-postadress", "no e-mail address");
    const ReminderRecord& rec = r.record;
    const std::string detail = rec.response.empty() && rec.code ? std::to_string(rec.code) : rec.response;
    switch (rec.status) {
        case ReminderStatus::Sent:
            return r.changedNow ? t.tr("skickad nu", "sent now")
                                : std::string(t.tr("skickad ", "sent ")) + rec.sentAt;
        case ReminderStatus::Refused:
            return std::string(t.tr("avvisad, skickas inte igen: ", "refused, not retried: ")) + detail;
        case ReminderStatus::Deferred:
            return std::string(t.tr("ej levererad, försöks igen nästa körning: ",
                                    "not delivered, retried on the next run: ")) + detail;
        case ReminderStatus::Attempting:
            return t.tr("avbrutet försök, skickas igen (kan bli en dubblett)",
                        "interrupted attempt, sent again (may arrive twice)");
        case ReminderStatus::None: break;
    }
    return t.tr("väntar", "pending");
}

std::string statusKey(const Recipient& r) {
    if (r.address.empty()) return "no-email";
    return statusName(r.record.status);
}

}  // namespace

int runReminders(const RemindOptions& o, std::ostream& out, std::ostream& err, RunStats* statsOut) {
    RunStats stats;
    // OVERENS_REMIND_TIMING=1: the time of each phase on stderr (for the benchmark).
    const bool timing = std::getenv("OVERENS_REMIND_TIMING") != nullptr;
    auto phaseStart = std::chrono::steady_clock::now();
    auto phase = [&](const char* name) {
        if (!timing) return;
        const auto now = std::chrono::steady_clock::now();
        err << "timing: " << name << " "
            << std::chrono::duration_cast<std::chrono::microseconds>(now - phaseStart).count() / 1000.0 << " ms\n";
        phaseStart = now;
    };
    const Texts t{o.lang == "en"};
    const std::string msgLang = o.lang == "en" ? "en" : "sv";
    int exitCode = kExitNothingDue;
    bool environment = false, sourceErrors = false, deliveryFailed = false;

    // Only the headers are read: no plugin is loaded (an empty plugin folder).
    Diagnostics setup;
    const fs::path templatesDir = findTemplatesDir(o.templatesDir.string());
    Engine engine(EngineOptions{templatesDir, {fs::path()}, ""}, setup);
    if (engine.kinds().empty()) {
        for (const auto& d : setup.all()) err << d.format(msgLang) << '\n';
        err << "overens remind: " << t.tr("inga dokumentslag hittades i ", "no document kinds found in ")
            << (templatesDir / "kinds").string() << '\n';
        return kExitEnvironment;
    }

    phase("engine");
    std::unique_ptr<State> state;
    try {
        state = std::make_unique<State>(o.statePath.empty() ? State::defaultLocation() : o.statePath);
    } catch (const StateError& e) {
        err << "overens remind: " << e.what() << '\n';
        return kExitEnvironment;
    }
    const std::string fp = fingerprint(templatesDir);
    Index index;
    try {
        index = state->loadIndex(fp);
    } catch (const Poco::Exception& e) {
        err << "overens remind: " << t.tr("tillståndsfilen kan inte läsas: ", "the state file cannot be read: ")
            << e.displayText() << '\n';
        return kExitEnvironment;
    }

    phase("state+index");
    // 1. Find the candidate files: *.xml under the folders (hidden names skipped, symbolic links
    // to folders not followed), and the files named.
    std::vector<Folder> folders;
    std::vector<Candidate> candidates;
    std::unordered_map<std::string, std::uint32_t> folderIds;  // by absolute path
    std::unordered_set<std::string> explicitKeys;
    auto join = [](const std::string& dir, const char* name) {
        return dir == "/" ? "/" + std::string(name) : dir + "/" + name;
    };
    auto walk = [&](const std::string& absRoot, const std::string& displayRoot) {
        std::vector<std::pair<std::string, std::string>> stack{{absRoot, displayRoot}};
        while (!stack.empty()) {
            auto [abs, disp] = std::move(stack.back());
            stack.pop_back();
            auto known = folderIds.find(abs);
            if (known != folderIds.end() && folders[known->second].walked) continue;  // searched already
            DIR* d = ::opendir(abs.c_str());
            if (!d) {
                err << disp << ": error: [remind.unreadable] " << std::strerror(errno) << '\n';
                environment = true;
                continue;
            }
            std::uint32_t id;
            if (known != folderIds.end()) {
                id = known->second;
                folders[id].walked = true;
            } else {
                id = static_cast<std::uint32_t>(folders.size());
                folders.push_back({abs, disp, true});
                folderIds.emplace(abs, id);
            }
            const int fd = ::dirfd(d);
            while (const dirent* ent = ::readdir(d)) {
                const char* name = ent->d_name;
                if (name[0] == '.') continue;
                const unsigned char type = ent->d_type;
                if (type == DT_DIR) {
                    stack.emplace_back(join(abs, name), join(disp, name));
                    continue;
                }
                const bool xml = hasXmlExtension(name);
                if (!xml && type != DT_UNKNOWN) continue;
                struct stat st {};
                if (::fstatat(fd, name, &st, 0) != 0) continue;  // a dangling link
                if (S_ISDIR(st.st_mode)) {
                    if (type == DT_UNKNOWN) stack.emplace_back(join(abs, name), join(disp, name));
                    continue;
                }
                if (!xml || !S_ISREG(st.st_mode)) continue;
                Candidate c;
                c.folder = id;
                c.name = name;
                c.mtimeNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
                c.size = static_cast<std::int64_t>(st.st_size);
                candidates.push_back(std::move(c));
            }
            ::closedir(d);
        }
    };
    std::vector<std::pair<std::string, std::string>> namedFiles;  // display, absolute
    std::vector<std::string> walkedRoots;
    for (const auto& arg : o.paths) {
        std::error_code ec;
        const fs::file_status st = fs::status(arg, ec);
        if (ec || !fs::exists(st)) {
            err << arg << ": error: [remind.no-such-path] "
                << t.tr("sökvägen finns inte eller kan inte läsas", "the path does not exist or cannot be read") << '\n';
            environment = true;
            continue;
        }
        std::string abs = fs::absolute(arg, ec).lexically_normal().string();
        while (abs.size() > 1 && abs.back() == '/') abs.pop_back();
        if (fs::is_directory(st)) {
            std::string disp = arg;
            while (disp.size() > 1 && disp.back() == '/') disp.pop_back();
            walkedRoots.push_back(abs);
            walk(abs, disp);
        } else {
            namedFiles.emplace_back(arg, abs);
        }
    }
    for (const auto& [disp, abs] : namedFiles) {
        if (!explicitKeys.insert(abs).second) continue;  // named twice
        const std::size_t slash = abs.rfind('/');
        const std::string dir = slash == 0 ? "/" : abs.substr(0, slash);
        const std::string name = abs.substr(slash + 1);
        auto known = folderIds.find(dir);
        if (known != folderIds.end() && folders[known->second].walked && name[0] != '.' && hasXmlExtension(name.c_str()))
            continue;  // found in a searched folder already
        std::uint32_t id;
        if (known != folderIds.end()) {
            id = known->second;
        } else {
            id = static_cast<std::uint32_t>(folders.size());
            folders.push_back({dir, dir, false});
            folderIds.emplace(dir, id);
        }
        Candidate c;
        c.folder = id;
        c.name = name;
        c.display = disp;
        c.explicitlyNamed = true;
        struct stat fst {};
        if (::stat(abs.c_str(), &fst) != 0) {
            err << disp << ": error: [remind.unreadable] " << t.tr("filen kan inte läsas", "the file cannot be read")
                << '\n';
            environment = true;
            continue;
        }
        c.mtimeNs = static_cast<std::int64_t>(fst.st_mtim.tv_sec) * 1000000000 + fst.st_mtim.tv_nsec;
        c.size = static_cast<std::int64_t>(fst.st_size);
        candidates.push_back(std::move(c));
    }

    phase("walk");
    // 2. Read what changed; take the rest from the index.
    std::vector<FolderIndex*> folderIndex(folders.size(), nullptr);
    for (std::size_t i = 0; i < folders.size(); ++i) {
        auto it = index.find(folders[i].abs);
        if (it != index.end()) folderIndex[i] = &it->second;
    }
    std::vector<bool> dirty(folders.size(), false);
    std::vector<HeaderRow> headerRows;
    std::vector<std::string> dropHeaders;
    auto keyOf = [&](std::uint32_t folder, const std::string& name) { return join(folders[folder].abs, name.c_str()); };
    auto forget = [&](const Candidate& c) {
        FolderIndex* fi = folderIndex[c.folder];
        if (fi && fi->erase(c.name)) {
            dirty[c.folder] = true;
            dropHeaders.push_back(keyOf(c.folder, c.name));
        }
    };
    auto remember = [&](const Candidate& c, IndexEntry e) {
        if (!folderIndex[c.folder]) folderIndex[c.folder] = &index[folders[c.folder].abs];
        e.seen = true;
        (*folderIndex[c.folder])[c.name] = std::move(e);
        dirty[c.folder] = true;
    };
    std::vector<Document> documents;
    documents.reserve(candidates.size());
    const std::int64_t runStart = nowNs();
    constexpr std::int64_t kTick = 2000000000;  // a change within 2 s of indexing is not trusted
    for (auto& c : candidates) {
        ++stats.files;
        FolderIndex* fi = folderIndex[c.folder];
        IndexEntry* ie = nullptr;
        if (fi) {
            auto it = fi->find(c.name);
            if (it != fi->end()) {
                ie = &it->second;
                ie->seen = true;
            }
        }
        if (ie && ie->mtimeNs == c.mtimeNs && ie->size == c.size && ie->indexedAt - c.mtimeNs > kTick &&
            (ie->isSource || !c.explicitlyNamed)) {
            if (!ie->isSource) continue;
            ++stats.sources;
            Document d;
            d.folder = c.folder;
            d.name = c.name;
            d.display = std::move(c.display);
            d.next = dateOrNone(ie->review);
            d.every = durationOrNone(ie->every);
            d.notify = durationOrNone(ie->notify);
            d.recurring = ie->recurring;
            documents.push_back(std::move(d));
            continue;
        }
        ++stats.parsed;
        const std::string key = keyOf(c.folder, c.name);
        if (c.display.empty()) c.display = join(folders[c.folder].display, c.name.c_str());
        if (!c.explicitlyNamed && !looksLikeSource(key, engine.kinds())) {
            IndexEntry e;
            e.mtimeNs = c.mtimeNs;
            e.size = c.size;
            e.indexedAt = runStart;
            remember(c, std::move(e));
            continue;
        }
        Prepared p = engine.prepareHeader(c.display);
        const std::string lang = !o.lang.empty() ? o.lang : p.source.context.lang.empty() ? "sv" : p.source.context.lang;
        for (const auto& d : p.diags.all()) err << d.format(lang) << '\n';
        if (p.status == ReadStatus::Unreadable) {
            environment = true;
            continue;
        }
        if (p.status != ReadStatus::Ok || !p.kind || p.diags.hasErrors()) {
            sourceErrors = true;
            forget(c);
            continue;
        }
        ++stats.sources;
        Header h = Header::fromContext(p.source.context, p.source.sha256);
        if (p.diags.all().empty()) {
            IndexEntry e;
            e.mtimeNs = c.mtimeNs;
            e.size = c.size;
            e.indexedAt = runStart;
            e.isSource = true;
            e.review = h.nextReview ? h.nextReview->iso() : std::string();
            e.every = h.every ? h.every->iso() : std::string();
            e.notify = h.notifyBefore ? h.notifyBefore->iso() : std::string();
            e.recurring = h.recurring;
            remember(c, std::move(e));
            headerRows.push_back({key, p.source.sha256, h.serialize()});
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
        documents.push_back(std::move(d));
    }
    phase("read");
    // What is gone: files no longer in a searched folder, folders no longer under a searched path.
    std::vector<std::pair<std::string, const FolderIndex*>> folderUpdates;
    for (std::size_t i = 0; i < folders.size(); ++i) {
        FolderIndex* fi = folderIndex[i];
        if (!fi || !folders[i].walked) continue;
        for (auto it = fi->begin(); it != fi->end();) {
            if (it->second.seen) {
                ++it;
                continue;
            }
            if (it->second.isSource) dropHeaders.push_back(join(folders[i].abs, it->first.c_str()));
            it = fi->erase(it);
            dirty[i] = true;
        }
    }
    if (!walkedRoots.empty() && index.size() > folders.size() / 2) {
        for (const auto& [abs, fi] : index) {
            if (folderIds.count(abs)) continue;
            for (const auto& root : walkedRoots)
                if (abs.size() > root.size() && abs.compare(0, root.size(), root) == 0 &&
                    (abs[root.size()] == '/' || root == "/")) {
                    folderUpdates.emplace_back(abs, nullptr);
                    for (const auto& [name, e] : fi)
                        if (e.isSource) dropHeaders.push_back(join(abs, name.c_str()));
                    break;
                }
        }
    }
    for (std::size_t i = 0; i < folders.size(); ++i)
        if (dirty[i]) folderUpdates.emplace_back(folders[i].abs, folderIndex[i]);
    if (!folderUpdates.empty() || !headerRows.empty() || !dropHeaders.empty()) {
        try {
            state->updateIndex(folderUpdates, headerRows, dropHeaders, fp);
        } catch (const StateError& e) {
            err << "overens remind: " << e.what() << '\n';
            environment = true;
        }
    }
    phase("index-update");
    // 3. What is due.
    struct DueDoc {
        Document* document;
        Date review;
    };
    std::vector<DueDoc> dueDocs;
    for (auto& d : documents) {
        const Duration window = o.within ? *o.within : d.notify ? *d.notify : Duration{};
        const auto review = currentReview(d.next, d.every, d.recurring, o.today, window);
        if (!review) continue;
        if (!isDue(*review, o.today, window)) continue;
        d.key = keyOf(d.folder, d.name);
        if (d.display.empty()) d.display = join(folders[d.folder].display, d.name.c_str());
        dueDocs.push_back({&d, *review});
    }
    // Headers of the due documents that came from the index.
    {
        std::vector<std::string> wanted;
        for (const auto& dd : dueDocs)
            if (!dd.document->header) wanted.push_back(dd.document->key);
        std::unordered_map<std::string, std::string> stored;
        try {
            if (!wanted.empty()) stored = state->headers(wanted);
        } catch (const Poco::Exception& ex) {
            err << "overens remind: " << ex.displayText() << '\n';
            return kExitEnvironment;
        }
        for (auto& dd : dueDocs) {
            if (dd.document->header) continue;
            auto it = stored.find(dd.document->key);
            if (it != stored.end()) dd.document->header = Header::deserialize(it->second);
            if (!dd.document->header) {  // should not happen: read the source instead
                Prepared p = engine.prepareHeader(dd.document->display);
                if (p.status == ReadStatus::Ok && p.kind && !p.diags.hasErrors())
                    dd.document->header = Header::fromContext(p.source.context, p.source.sha256);
            }
        }
    }
    std::vector<Entry> entries;
    for (const auto& dd : dueDocs) {
        if (!dd.document->header) continue;
        const Header& h = *dd.document->header;
        Entry e;
        e.document = dd.document;
        auto k = engine.kinds().find(h.kind);
        e.kind = k == engine.kinds().end() ? nullptr : &k->second;
        e.review = dd.review;
        e.days = dd.review.serial() - o.today.serial();
        e.identity = identity(h, dd.document->key);
        entries.push_back(std::move(e));
    }
    {
        std::map<std::string, const Entry*> byIdentity;
        for (const auto& e : entries) {
            auto [it, fresh] = byIdentity.emplace(e.identity + '\n' + e.review.iso(), &e);
            if (!fresh)
                err << e.document->display << ": warning: [remind.same-document] "
                    << t.tr("samma dokument (organisation, dokumentslag och diarienummer) som ",
                            "the same document (organisation, kind and registration number) as ")
                    << it->second->document->display
                    << t.tr("; påminnelserna skickas en gång för båda", "; the reminders are sent once for both")
                    << '\n';
        }
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.review != b.review ? a.review < b.review : a.document->display < b.document->display;
    });
    stats.due = entries.size();

    std::map<std::string, Wording> coreWordings, remindWordings;
    Diagnostics wordingDiags;
    auto wording = [&](std::map<std::string, Wording>& cache, const std::string& lang, const std::string& name) -> const Wording& {
        auto it = cache.find(lang);
        if (it == cache.end()) it = cache.emplace(lang, loadWording(templatesDir, lang, name, wordingDiags)).first;
        return it->second;
    };

    std::unordered_map<std::string, std::map<std::string, ReminderRecord>> records;
    if (!entries.empty()) {
        Date earliest = entries.front().review;
        for (const auto& e : entries) earliest = std::min(earliest, e.review);
        try {
            records = state->remindersSince(earliest.iso());
        } catch (const Poco::Exception& ex) {
            err << "overens remind: " << ex.displayText() << '\n';
            return kExitEnvironment;
        }
    }
    for (auto& e : entries) {
        const Header& h = *e.document->header;
        e.meta = metaFor(h, e.document->key, e.kind, wording(coreWordings, h.lang, "core"), e.review);
        const auto rec = records.find(e.identity + '\n' + e.review.iso());
        std::set<std::string> addresses;
        for (const auto& p : h.people) {
            Recipient r;
            r.person = p;
            r.address = lower(p.email);
            if (!r.address.empty()) {
                if (!addresses.insert(r.address).second) continue;
                if (rec != records.end()) {
                    auto it = rec->second.find(r.address);
                    if (it != rec->second.end()) r.record = it->second;
                }
            }
            e.recipients.push_back(std::move(r));
        }
    }

    phase("due+records");
    // 4. Send what has not been delivered (or refused) for this review date.
    if (o.send && !entries.empty()) {
        Mailer mailer(o.smtp);
        const MailParts from{o.smtp.from, o.fromName};
        // Two sources with the same identity (a copy of a document) share their reminders:
        // what one of them sent in this run is not sent again for the other.
        std::map<std::string, ReminderRecord> handled;
        try {
            for (auto& e : entries) {
                const Wording& words = wording(remindWordings, e.meta.lang, "remind");
                Diagnostics icsDiags;
                const std::string ics = ics::calendar(e.meta, icsDiags);
                for (auto& r : e.recipients) {
                    if (r.address.empty()) continue;
                    if (r.record.status == ReminderStatus::Sent || r.record.status == ReminderStatus::Refused) continue;
                    const std::string review = e.review.iso();
                    const std::string handledKey = e.identity + '\n' + review + '\n' + r.address;
                    if (auto h = handled.find(handledKey); h != handled.end()) {
                        r.record = h->second;
                        continue;
                    }
                    const std::string message =
                        composeMessage(e.meta, r.person, o.today, words, from, ics, messageId(e.identity, review, r.address));
                    const DeliveryResult result = mailer.send(r.person.email, message, [&] {
                        state->markAttempting(e.identity, review, r.address, e.document->key);
                    });
                    r.changedNow = true;
                    switch (result.outcome) {
                        case Delivery::Delivered:
                            state->markSent(e.identity, review, r.address, result.code, result.response);
                            r.record.status = ReminderStatus::Sent;
                            ++stats.sent;
                            break;
                        case Delivery::Refused:
                            state->markRefused(e.identity, review, r.address, result.code, result.response);
                            r.record.status = ReminderStatus::Refused;
                            ++stats.refused;
                            deliveryFailed = true;
                            break;
                        case Delivery::Deferred:
                            state->markDeferred(e.identity, review, r.address, result.code, result.response);
                            r.record.status = ReminderStatus::Deferred;
                            ++stats.deferred;
                            deliveryFailed = true;
                            break;
                    }
                    r.record.code = result.code;
                    r.record.response = result.response;
                    handled[handledKey] = r.record;
                    if (result.outcome != Delivery::Delivered)
                        err << e.document->display << ": " << (result.outcome == Delivery::Refused ? "error" : "warning")
                            << ": [" << (result.outcome == Delivery::Refused ? "remind.refused" : "remind.deferred") << "] "
                            << r.person.email << ": "
                            << (result.outcome == Delivery::Refused
                                    ? t.tr("mottagaren avvisades permanent: ", "the recipient was refused permanently: ")
                                    : t.tr("inte levererat, försöks igen nästa körning: ",
                                           "not delivered, retried on the next run: "))
                            << result.response << '\n';
                }
            }
        } catch (const StateError& ex) {
            err << "overens remind: " << ex.what() << '\n';
            environment = true;
        }
        mailer.quit();
    }
    for (const auto& d : wordingDiags.all()) err << d.format(msgLang) << '\n';

    // 5. Report.
    if (o.json) {
        std::string j = "{\n  \"today\": " + jstr(o.today.iso()) + ",\n  \"within\": " +
                        jstr(o.within ? o.within->iso() : std::string()) + ",\n  \"documents\": [";
        bool firstDoc = true;
        for (const auto& e : entries) {
            j += firstDoc ? "\n    {" : ",\n    {";
            firstDoc = false;
            j += "\"path\": " + jstr(e.document->display) + ", \"title\": " + jstr(e.meta.title) +
                 ", \"kind\": " + jstr(e.meta.kind) + ", \"organisation\": " + jstr(e.meta.organisation) +
                 ", \"dnr\": " + jstr(e.meta.dnr) + ", \"lang\": " + jstr(e.meta.lang) + ", \"review\": " +
                 jstr(e.review.iso()) + ", \"days\": " + std::to_string(e.days) +
                 ", \"overdue\": " + (e.days < 0 ? "true" : "false") +
                 ", \"recurring\": " + (e.meta.reviewEvery ? "true" : "false") + ", \"recipients\": [";
            bool firstPerson = true;
            for (const auto& r : e.recipients) {
                j += firstPerson ? "\n      {" : ",\n      {";
                firstPerson = false;
                j += "\"role\": " + jstr(r.person.role) + ", \"name\": " + jstr(r.person.name) +
                     ", \"title\": " + jstr(r.person.title) + ", \"email\": " + jstr(r.person.email) +
                     ", \"status\": " + jstr(statusKey(r)) + ", \"sent_now\": " +
                     (r.changedNow && r.record.status == ReminderStatus::Sent ? "true" : "false");
                if (!r.record.sentAt.empty()) j += ", \"sent_at\": " + jstr(r.record.sentAt);
                if (r.record.code) j += ", \"code\": " + std::to_string(r.record.code);
                if (!r.record.response.empty()) j += ", \"response\": " + jstr(r.record.response);
                j += "}";
            }
            j += e.recipients.empty() ? "]}" : "\n    ]}";
        }
        j += entries.empty() ? "],\n" : "\n  ],\n";
        j += "  \"summary\": {\"files\": " + std::to_string(stats.files) + ", \"parsed\": " +
             std::to_string(stats.parsed) + ", \"sources\": " + std::to_string(stats.sources) +
             ", \"due\": " + std::to_string(stats.due) + ", \"sent\": " + std::to_string(stats.sent) +
             ", \"refused\": " + std::to_string(stats.refused) + ", \"deferred\": " +
             std::to_string(stats.deferred) + "}\n}\n";
        out << j;
    } else {
        for (const auto& e : entries) {
            out << e.review.iso() << "  " << whenText(e.days, t) << "  " << e.meta.title << " – " << e.meta.organisation
                << (e.meta.dnr.empty() ? "" : ", " + e.meta.dnr) << '\n';
            out << "    " << t.tr("källa: ", "source: ") << e.document->display << '\n';
            for (const auto& r : e.recipients) {
                std::string who = r.person.name + (r.person.email.empty() ? "" : " <" + r.person.email + ">");
                if (!r.person.title.empty()) who += ", " + r.person.title;
                out << "    " << who << ": " << statusText(r, t) << '\n';
            }
        }
        if (entries.empty())
            out << t.tr("Inga omprövningar att påminna om ", "No reviews due ") << t.tr("per ", "as of ") << o.today.iso()
                << " (" << stats.sources << t.tr(" dokument).", " documents).") << '\n';
        else {
            out << entries.size() << t.tr(" omprövning(ar) att påminna om per ", " review(s) due as of ") << o.today.iso()
                << " (" << stats.sources << t.tr(" dokument)", " documents)");
            if (o.send)
                out << t.tr("; skickade nu: ", "; sent now: ") << stats.sent << t.tr(", avvisade: ", ", refused: ")
                    << stats.refused << t.tr(", försöks igen: ", ", to retry: ") << stats.deferred;
            out << ".\n";
        }
    }

    phase("send+report");
    if (statsOut) *statsOut = stats;
    if (environment) exitCode = kExitEnvironment;
    else if (deliveryFailed) exitCode = kExitDeliveryFailed;
    else if (sourceErrors) exitCode = kExitSourceErrors;
    else if (!entries.empty()) exitCode = kExitDue;
    return exitCode;
}

}  // namespace overens::remind
