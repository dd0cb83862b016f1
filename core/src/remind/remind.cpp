// The reminder job, top to bottom: each phase is a file of its own (find_sources, read_sources,
// due, plan, deliver + record, report); what passes between them are the plain values of job.hpp.
// The state (state.hpp: a SQLite file or a PostgreSQL database) is opened here and read or written between the phases.
#include "remind/remind.hpp"

#include <Poco/Exception.h>

#include <memory>

#include "engine/engine.hpp"
#include "remind/deliver.hpp"
#include "remind/due.hpp"
#include "remind/find_sources.hpp"
#include "remind/index_fingerprint.hpp"
#include "remind/phase_timer.hpp"
#include "remind/plan.hpp"
#include "remind/read_sources.hpp"
#include "remind/record.hpp"
#include "remind/state.hpp"
#include "remind/store_sources.hpp"
#include "templates/template_store.hpp"

namespace overens::remind {

namespace fs = std::filesystem;

namespace {

int environmentError(std::ostream& err, const std::string& what) {
    err << "overens remind: " << what << '\n';
    return kExitEnvironment;
}

int exitCode(const RunOutcome& o, bool anyDue) {
    if (o.environment) return kExitEnvironment;
    if (o.deliveryFailed) return kExitDeliveryFailed;
    if (o.sourceErrors) return kExitSourceErrors;
    return anyDue ? kExitDue : kExitNothingDue;
}

}  // namespace

namespace {

struct OpenState {
    std::unique_ptr<State> state;
    Index index;
    std::string fingerprint;
};

// The state file and the index in it; false (reported) when they cannot be read.
bool openStateAndIndex(const RemindOptions& o, const fs::path& templatesDir, const Texts& t, std::ostream& err,
               OpenState& out) {
    out.fingerprint = indexFingerprint(templatesDir);
    try {
        out.state = remind::openState(o.state.empty() ? defaultStateLocation().string() : o.state);
        out.index = out.state->loadIndex(out.fingerprint);
        return true;
    } catch (const StateError& e) {
        environmentError(err, e.what());
    } catch (const Poco::Exception& e) {
        environmentError(err, t.tr("tillståndsfilen kan inte läsas: ", "the state file cannot be read: ") +
                                  e.displayText());
    }
    return false;
}

// What changed in the index, written back in one transaction.
void writeIndex(OpenState& s, const FoundSources& found, SourcesRead& read, std::ostream& err, RunOutcome& outcome) {
    sweepIndex(found, s.index, read.update);
    try {
        if (!read.update.empty())
            s.state->updateIndex(read.update.folders, read.update.headerRows, read.update.dropHeaders, s.fingerprint);
    } catch (const StateError& e) {
        err << "overens remind: " << e.what() << '\n';
        outcome.environment = true;
    }
}

// Phases 3 and 4 with what the state file holds: the headers of the due documents and their
// reminders' records. Throws Poco::Exception when the state file cannot be read.
std::vector<Reminder> planReminders(const RemindOptions& o, const SourcesRead& read, const FoundSources& found,
                                    Engine& engine, State& state, Wordings& wordings, const Texts& t,
                                    std::ostream& err, std::size_t& nobody) {
    std::vector<DueDocument> due = dueDocuments(read.documents, found, o.today, o.within);
    completeHeaders(due, state.headers(headersWanted(due)), engine);
    std::vector<Reminder> reminders = remindersOf(std::move(due), engine.kinds(), o.today, t, err);
    const RecordsByReview records =
        reminders.empty() ? RecordsByReview{} : state.remindersSince(earliestReview(reminders).iso());
    nobody = planDeliveries(reminders, records, wordings, o.defaultRecipient, t, err);
    return reminders;
}

}  // namespace

int runReminders(const RemindOptions& o, std::ostream& out, std::ostream& err, RunStats* statsOut) {
    PhaseTimer timer(err);
    const Texts t = textsFor(o.lang);
    const std::string msgLang = o.lang == "en" ? "en" : "sv";
    RunOutcome outcome;

    // Only the headers are read: no plugin is loaded (an empty plugin folder).
    Diagnostics setup;
    const fs::path templatesDir = findTemplatesDir(o.templatesDir.string());
    Engine engine(EngineOptions{templatesDir, {fs::path()}, ""}, setup);
    if (engine.kinds().empty()) {
        for (const auto& d : setup.all()) err << d.format(msgLang) << '\n';
        return environmentError(err, t.tr("inga dokumentslag hittades i ", "no document kinds found in ") +
                                         (templatesDir / "kinds").string());
    }
    timer.done("engine");
    OpenState s;
    if (!openStateAndIndex(o, templatesDir, t, err, s)) return kExitEnvironment;
    timer.done("state+index");

    std::vector<StoreFolder> stored;
    if (!o.store.empty() && !storeFolders(o.store, t, err, stored)) return kExitEnvironment;
    FoundSources found = findSources(o.paths, t, err, stored);
    timer.done("walk");
    SourcesRead read = readSources(found, s.index, engine, o.lang, err);
    timer.done("read");
    writeIndex(s, found, read, err, outcome);
    outcome.environment |= found.unreadable || read.unreadable;
    outcome.sourceErrors = read.sourceErrors;
    timer.done("index-update");

    Wordings wordings(templatesDir);
    std::vector<Reminder> reminders;
    std::size_t nobody = 0;  // due documents nobody can be reminded of
    try {
        reminders = planReminders(o, read, found, engine, *s.state, wordings, t, err, nobody);
    } catch (const Poco::Exception& ex) {
        return environmentError(err, ex.displayText());
    }
    timer.done("due+records");

    ReportContext report{o.today, o.within, o.send, {read.files, read.parsed, read.sources, reminders.size()}};
    if (o.send && !reminders.empty()) {
        StateLog log(*s.state);
        const DeliveryCounts sent =
            deliver(reminders, {o.smtp, o.fromName, o.today, o.formUrl}, wordings, log, t, err);
        report.stats.sent = sent.sent, report.stats.refused = sent.refused, report.stats.deferred = sent.deferred;
        outcome.environment |= sent.stateFailed;
        outcome.deliveryFailed = sent.refused + sent.deferred + nobody > 0;
    }
    wordings.report(err, msgLang);
    if (o.json)
        printJson(reminders, report, out);
    else
        printListing(reminders, report, t, out);
    timer.done("send+report");
    if (statsOut) *statsOut = report.stats;
    return exitCode(outcome, !reminders.empty());
}

}  // namespace overens::remind
