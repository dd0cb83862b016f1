#include "remind/remind.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/SHA2Engine.h>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
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

// A file found under the paths.
struct Candidate {
    std::string display;  // as reached from the path given (for diagnostics and listing)
    std::string key;      // absolute, normalised (the index key)
    bool explicitlyNamed = false;
    std::int64_t mtimeNs = 0, size = 0;
};

// A document read from its source or from the index.
struct Document {
    std::string display, key;
    Header header;
};

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

bool hasXmlExtension(const fs::path& p) {
    std::string e = p.extension().string();
    return lower(e) == ".xml";
}

bool statFile(const std::string& path, std::int64_t& mtimeNs, std::int64_t& size) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return false;
    mtimeNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    size = static_cast<std::int64_t>(st.st_size);
    return true;
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

    std::unique_ptr<State> state;
    try {
        state = std::make_unique<State>(o.statePath.empty() ? State::defaultLocation() : o.statePath);
    } catch (const StateError& e) {
        err << "overens remind: " << e.what() << '\n';
        return kExitEnvironment;
    }
    const std::string fp = fingerprint(templatesDir);
    std::unordered_map<std::string, IndexRow> index;
    try {
        index = state->loadIndex(fp);
    } catch (const Poco::Exception& e) {
        err << "overens remind: " << t.tr("tillståndsfilen kan inte läsas: ", "the state file cannot be read: ")
            << e.displayText() << '\n';
        return kExitEnvironment;
    }

    // 1. Find the candidate files.
    std::vector<Candidate> candidates;
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
        const fs::path absRoot = fs::absolute(arg, ec).lexically_normal();
        if (fs::is_directory(st)) {
            std::string root = absRoot.string();
            while (root.size() > 1 && root.back() == '/') root.pop_back();
            walkedRoots.push_back(root);
            fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
            for (; !ec && it != end; it.increment(ec)) {
                const fs::directory_entry& e = *it;
                const std::string name = e.path().filename().string();
                std::error_code tec;
                if (e.is_directory(tec)) {
                    if (!name.empty() && name[0] == '.') it.disable_recursion_pending();
                    continue;
                }
                if (name.empty() || name[0] == '.' || !hasXmlExtension(e.path()) || !e.is_regular_file(tec)) continue;
                Candidate c;
                c.display = e.path().string();
                c.key = (absRoot / e.path().lexically_relative(arg)).lexically_normal().string();
                candidates.push_back(std::move(c));
            }
            if (ec) {
                err << arg << ": error: [remind.unreadable] " << ec.message() << '\n';
                environment = true;
            }
        } else {
            Candidate c;
            c.display = arg;
            c.key = absRoot.string();
            c.explicitlyNamed = true;
            candidates.push_back(std::move(c));
        }
    }

    // 2. Read what changed; take the rest from the index.
    std::vector<Document> documents;
    documents.reserve(candidates.size());
    std::vector<IndexRow> newRows;
    std::vector<std::string> gone;
    std::unordered_set<std::string> seen;
    seen.reserve(candidates.size() * 2);
    const std::int64_t runStart = nowNs();
    constexpr std::int64_t kTick = 2000000000;  // a change within 2 s of indexing is not trusted
    for (auto& c : candidates) {
        if (!seen.insert(c.key).second) continue;  // named twice
        ++stats.files;
        if (!statFile(c.key, c.mtimeNs, c.size)) {
            err << c.display << ": error: [remind.unreadable] "
                << t.tr("filen kan inte läsas", "the file cannot be read") << '\n';
            environment = true;
            continue;
        }
        auto row = index.find(c.key);
        if (row != index.end() && row->second.mtimeNs == c.mtimeNs && row->second.size == c.size &&
            row->second.indexedAt - c.mtimeNs > kTick && (row->second.isSource || !c.explicitlyNamed)) {
            if (!row->second.isSource) continue;
            if (auto h = Header::deserialize(row->second.header)) {
                ++stats.sources;
                documents.push_back({c.display, c.key, std::move(*h)});
                continue;
            }
        }
        ++stats.parsed;
        if (!c.explicitlyNamed && !looksLikeSource(c.key, engine.kinds())) {
            newRows.push_back({c.key, c.mtimeNs, c.size, runStart, false, "", ""});
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
            if (row != index.end()) gone.push_back(c.key);
            continue;
        }
        ++stats.sources;
        Header h = Header::fromContext(p.source.context, p.source.sha256);
        if (p.diags.all().empty())
            newRows.push_back({c.key, c.mtimeNs, c.size, runStart, true, p.source.sha256, h.serialize()});
        else if (row != index.end())
            gone.push_back(c.key);  // warnings are shown on every run: not indexed
        documents.push_back({c.display, c.key, std::move(h)});
    }
    // Index rows under a searched folder whose file is gone.
    if (!walkedRoots.empty()) {
        for (const auto& [key, row] : index) {
            if (seen.count(key)) continue;
            for (const auto& root : walkedRoots)
                if (key.size() > root.size() && key.compare(0, root.size(), root) == 0 && key[root.size()] == '/') {
                    gone.push_back(key);
                    break;
                }
        }
    }
    if (!newRows.empty() || !gone.empty()) {
        try {
            state->updateIndex(newRows, gone, fp);
        } catch (const StateError& e) {
            err << "overens remind: " << e.what() << '\n';
            environment = true;
        }
    }

    // 3. What is due.
    std::vector<Entry> entries;
    for (const auto& d : documents) {
        const Header& h = d.header;
        const auto review = currentReview(h.nextReview, h.every, h.recurring, o.today);
        if (!review) continue;
        const Duration window = o.within ? *o.within : h.notifyBefore ? *h.notifyBefore : Duration{};
        if (!isDue(*review, o.today, window)) continue;
        Entry e;
        e.document = &d;
        auto k = engine.kinds().find(h.kind);
        e.kind = k == engine.kinds().end() ? nullptr : &k->second;
        e.review = *review;
        e.days = review->serial() - o.today.serial();
        e.identity = identity(h, d.key);
        entries.push_back(std::move(e));
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

    for (auto& e : entries) {
        const Header& h = e.document->header;
        e.meta = metaFor(h, e.document->key, e.kind, wording(coreWordings, h.lang, "core"), e.review);
        std::map<std::string, ReminderRecord> records;
        try {
            records = state->reminders(e.identity, e.review.iso());
        } catch (const Poco::Exception& ex) {
            err << "overens remind: " << ex.displayText() << '\n';
            return kExitEnvironment;
        }
        std::set<std::string> addresses;
        for (const auto& p : h.people) {
            Recipient r;
            r.person = p;
            r.address = lower(p.email);
            if (!r.address.empty()) {
                if (!addresses.insert(r.address).second) continue;
                auto it = records.find(r.address);
                if (it != records.end()) r.record = it->second;
            }
            e.recipients.push_back(std::move(r));
        }
    }

    // 4. Send what has not been delivered (or refused) for this review date.
    if (o.send && !entries.empty()) {
        Mailer mailer(o.smtp);
        const MailParts from{o.smtp.from, o.fromName};
        try {
            for (auto& e : entries) {
                const Wording& words = wording(remindWordings, e.meta.lang, "remind");
                Diagnostics icsDiags;
                const std::string ics = ics::calendar(e.meta, icsDiags);
                for (auto& r : e.recipients) {
                    if (r.address.empty()) continue;
                    if (r.record.status == ReminderStatus::Sent || r.record.status == ReminderStatus::Refused) continue;
                    const std::string review = e.review.iso();
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
        Poco::JSON::Object root;
        root.set("today", o.today.iso());
        root.set("within", o.within ? o.within->iso() : std::string());
        Poco::JSON::Array docs;
        for (const auto& e : entries) {
            Poco::JSON::Object j;
            j.set("path", e.document->display);
            j.set("title", e.meta.title);
            j.set("kind", e.meta.kind);
            j.set("organisation", e.meta.organisation);
            j.set("dnr", e.meta.dnr);
            j.set("lang", e.meta.lang);
            j.set("review", e.review.iso());
            j.set("days", static_cast<Poco::Int64>(e.days));
            j.set("overdue", e.days < 0);
            j.set("recurring", e.meta.reviewEvery.has_value());
            Poco::JSON::Array people;
            for (const auto& r : e.recipients) {
                Poco::JSON::Object p;
                p.set("role", r.person.role);
                p.set("name", r.person.name);
                p.set("title", r.person.title);
                p.set("email", r.person.email);
                p.set("status", statusKey(r));
                p.set("sent_now", r.changedNow && r.record.status == ReminderStatus::Sent);
                if (!r.record.sentAt.empty()) p.set("sent_at", r.record.sentAt);
                if (r.record.code) p.set("code", r.record.code);
                if (!r.record.response.empty()) p.set("response", r.record.response);
                people.add(p);
            }
            j.set("recipients", people);
            docs.add(j);
        }
        root.set("documents", docs);
        Poco::JSON::Object summary;
        summary.set("files", static_cast<Poco::UInt64>(stats.files));
        summary.set("parsed", static_cast<Poco::UInt64>(stats.parsed));
        summary.set("sources", static_cast<Poco::UInt64>(stats.sources));
        summary.set("due", static_cast<Poco::UInt64>(stats.due));
        summary.set("sent", static_cast<Poco::UInt64>(stats.sent));
        summary.set("refused", static_cast<Poco::UInt64>(stats.refused));
        summary.set("deferred", static_cast<Poco::UInt64>(stats.deferred));
        root.set("summary", summary);
        root.stringify(out, 2);
        out << '\n';
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

    if (statsOut) *statsOut = stats;
    if (environment) exitCode = kExitEnvironment;
    else if (deliveryFailed) exitCode = kExitDeliveryFailed;
    else if (sourceErrors) exitCode = kExitSourceErrors;
    else if (!entries.empty()) exitCode = kExitDue;
    return exitCode;
}

}  // namespace overens::remind
