// What every section shares: the document's header (organisation, parties, dates) and
// language. Read by the core from the source's common header; read-only for plugins.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "overens/calendar.hpp"
#include "overens/diagnostics.hpp"

namespace overens {

struct Organisation {
    std::string type;   // "kommun" or "region"
    std::string name;   // "Exempelby kommun"
    std::string board;    // in the document's language: "Kommunstyrelsen" / "Municipal Executive Board"
    std::string boardEn;  // the English name, when the source gives one (board-en)
    Location where;
};

struct Party {
    std::string role;   // "chair", "director", ...
    std::string name;
    std::string title;  // "Kommunstyrelsens ordförande"
    std::string email;
    Location where;
};

struct Registration {
    std::string dnr;              // registration number, "KS 2027/0042"
    std::optional<Date> adopted;  // adoption date
    std::string body;             // who adopted it, when a body did ("Kommunstyrelsen")
    std::string minutes;          // paragraph of the minutes, "§ 12"
    std::string version;          // document version, "1.0"
    Location where;
};

struct ReviewPolicy {
    std::optional<Duration> every;         // review interval; the kind's default when absent
    std::optional<Date> next;              // next review; adoption + every when absent
    std::optional<Duration> notifyBefore;  // how long before the review to remind
    bool recurring = false;                // the review repeats every `every`
    Location where;
};

struct Revision {
    std::string version;
    std::optional<Date> date;
    std::string author;
    std::string note;
    Location where;
};

// Facts a section publishes for checks across sections and across documents built together
// (e.g. "roles" -> the role ids an instruction defines). Keys are namespaced by convention:
// "<section>.<fact>".
using Facts = std::map<std::string, std::set<std::string>>;

struct Context {
    std::string sourceFile;
    std::string kind;  // document kind id: "agreement", "director-instruction", "delegation-order"
    std::string lang;  // "sv" or "en": the language of the output and of diagnostics
    Organisation organisation;
    std::vector<Party> parties;
    Registration registration;
    ReviewPolicy review;
    std::optional<Date> nextReview;  // the effective next review date (policy or kind default)
    std::vector<Revision> history;
    // The templates folder of this run (--templates, else the engine's default), so that a
    // plugin can read data of its own kept there, e.g. <templatesDir>/law. Set by the engine.
    std::string templatesDir;

    const Party* party(const std::string& role) const;
    // Pick the text for the context's language.
    const std::string& tr(const std::string& sv, const std::string& en) const { return lang == "en" ? en : sv; }
};

}  // namespace overens
