// The delegation order's rules, each from Kommunallagen (2017:725) where the law speaks.
#include <ctime>
#include <set>

#include "delegation_plugin.hpp"
#include "legal_basis.hpp"
#include "matter_reading.hpp"
#include "person_names.hpp"

namespace overens::delegation {

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\n") - b + 1);
}

// "(6 kap. 38 § kommunallagen)" / "(Local Government Act, Chapter 6, Section 38)"
struct Law {
    std::string sv, en;
};
Law law(const std::string& sv, const std::string& en) {
    return {" (" + sv + " kommunallagen)", " (Local Government Act, " + en + ")"};
}

const char* kFirstList[] = {"goals-direction-scope-quality", "council-submissions", "appeal-statements",
                            "principle-authority", "citizen-proposal", "forbidden-by-law"};
const char* kSecondList[] = {"appealable-13", "not-appealable", "procurement", "authorisation-choice"};

int firstListPoint(const std::string& c) {
    static const std::map<std::string, int> points{{"goals-direction-scope-quality", 1}, {"council-submissions", 2},
                                                   {"appeal-statements", 2},            {"principle-authority", 3},
                                                   {"citizen-proposal", 4},             {"forbidden-by-law", 5}};
    auto it = points.find(c);
    return it == points.end() ? 0 : it->second;
}
int secondListPoint(const std::string& c) {
    static const std::map<std::string, int> points{
        {"appealable-13", 1}, {"not-appealable", 2}, {"procurement", 3}, {"authorisation-choice", 4}};
    auto it = points.find(c);
    return it == points.end() ? 0 : it->second;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string pointSv(int p) { return std::to_string(p) + " p."; }

// The kind of a role in words, for messages.
std::string kindLabel(const std::string& kind, const std::string& lang) {
    static const std::map<std::string, std::pair<const char*, const char*>> labels{
        {"chair", {"ordförande", "chair"}},
        {"vice-chair", {"vice ordförande", "vice chair"}},
        {"member", {"ledamot", "member"}},
        {"substitute", {"ersättare", "substitute member"}},
        {"presidium", {"presidiet", "presidium"}},
        {"committee", {"utskott", "committee"}},
        {"automated", {"automatiserad beslutsfunktion", "automated decision function"}},
        {"director", {"direktör", "director"}},
        {"head-of-department", {"förvaltningschef", "head of department"}},
        {"employee", {"anställd", "employee"}},
        {"other-committee", {"annan nämnd", "another committee"}},
        {"contractor", {"uppdragstagare", "contractor"}}};
    auto it = labels.find(kind);
    if (it == labels.end()) return kind;
    return lang == "en" ? it->second.second : it->second.first;
}

std::string kindOf(const std::map<std::string, const Record*>& roles, const std::string& id) {
    auto it = roles.find(id);
    return it == roles.end() ? std::string() : it->second->text("kind");
}

const Party* namedParty(const Context& ctx, const std::string& text) {
    const std::string lower = lowerSv(text);
    for (const auto& p : ctx.parties)
        if (!p.name.empty() && contains(lower, lowerSv(p.name))) return &p;
    return nullptr;
}

// Whose order it is, in the words of the messages.
struct Owner {
    std::string sv, svGen, en;
};

class RowChecker {
public:
    RowChecker(const Record& order, const Context& ctx, Diagnostics& out, const LawData& law, const Date& on,
               const Date& today, const Owner& owner)
        : order_(order), ctx_(ctx), out_(out), roles_(rolesById(order)), law_(law), on_(on), today_(today),
          owner_(owner), words_(law.vocabulary.table) {}

    void checkRoles() {
        std::set<std::string> seen;
        for (const auto& r : order_.rows("role")) {
            const std::string id = r.text("id");
            if (!seen.insert(id).second)
                out_.error("delegation-order.duplicate-role", r.whereOf("id"),
                           "rollen '" + id + "' är redan definierad; varje roll-id får bara finnas en gång",
                           "the role '" + id + "' is already defined; each role id may appear only once");
            if (id.find_first_of(" ,+>") != std::string::npos)
                out_.error("delegation-order.bad-role-id", r.whereOf("id"),
                           "roll-id '" + id + "' får inte innehålla mellanslag, komma, plus eller '>'",
                           "the role id '" + id + "' may not contain spaces, commas, plus signs or '>'");
            const Party* p = namedParty(ctx_, r.text("title"));
            const std::string name = p ? p->name : personalName(r.text("title"), law_);
            if (!name.empty()) {
                const Law l = law("6 kap. 37 § och 7 kap. 5 §", "Chapter 6, Section 37 and Chapter 7, Section 5");
                out_.error("delegation-order.named-person", r.whereOf("title"),
                           "rollen '" + id + "' namnger en person (" + name +
                               "); delegering sker till en roll eller befattning, inte till en namngiven person, så "
                               "att den gäller den som har uppdraget eller tjänsten" + l.sv,
                           "the role '" + id + "' names a person (" + name +
                               "); delegation is to a role or post, not to a named person, so that it belongs to "
                               "whoever holds the office or post" + l.en);
            }
        }
    }

    void checkAreas() {
        std::set<std::string> areaNumbers;
        for (const auto& area : order_.rows("area")) {
            if (!areaNumbers.insert(area.text("number")).second)
                out_.error("delegation-order.duplicate-area", area.whereOf("number"),
                           "området '" + area.text("number") + "' finns redan; områdesnummer ska vara unika",
                           "the area '" + area.text("number") + "' already exists; area numbers must be unique");
            for (const auto& row : area.rows("delegation")) checkRow(row);
        }
    }

private:
    void checkRow(const Record& row) {
        const std::string number = row.text("number");
        const std::string tag = "rad " + number + ": ", tagEn = "row " + number + ": ";
        if (!numbers_.insert(number).second)
            out_.error("delegation-order.duplicate-number", row.whereOf("number"),
                       tag + "numret finns redan; varje rad ska ha ett eget nummer så att beslut kan hänvisa till den",
                       tagEn + "the number is already used; each row needs its own number so that decisions can "
                               "refer to it");

        const RoleRef delegate = parseRoles(row.text("delegate"));
        const RoleRef substitute = parseRoles(row.text("substitute"));
        const bool delegateKnown = checkKnown(row, "delegate", delegate, tag, tagEn);
        checkKnown(row, "substitute", substitute, tag, tagEn);
        checkSubstitute(row, delegate, substitute, tag, tagEn);

        std::set<Side> sides;
        bool automated = false;
        for (const auto& id : delegate.ids) {
            const std::string kind = kindOf(roles_, id);
            if (kind.empty()) continue;
            const Side side = sideOf(kind);
            sides.insert(side);
            automated = automated || side == Side::Automated;
            if (side == Side::NotAllowed) {
                const Law l = law("6 kap. 37 § och 7 kap. 5 §", "Chapter 6, Section 37 and Chapter 7, Section 5");
                out_.error("delegation-order.delegate-not-allowed", row.whereOf("delegate"),
                           tag + "rollen '" + id + "' (" + kindLabel(kind, "sv") +
                               ") kan inte vara delegat; styrelsen får delegera till presidiet, ett utskott, en "
                               "ledamot, en ersättare, en automatiserad beslutsfunktion eller en anställd" + l.sv,
                           tagEn + "the role '" + id + "' (" + kindLabel(kind, "en") +
                               ") cannot be a delegate; the board may delegate to the presidium, a committee, a "
                               "member, a substitute, an automated decision function or an employee" + l.en);
            }
        }
        for (const auto& id : substitute.ids)
            if (sideOf(kindOf(roles_, id)) == Side::NotAllowed && !kindOf(roles_, id).empty()) {
                const Law l = law("6 kap. 37 § och 7 kap. 5 §", "Chapter 6, Section 37 and Chapter 7, Section 5");
                out_.error("delegation-order.delegate-not-allowed", row.whereOf("substitute"),
                           tag + "ersättaren '" + id + "' kan inte vara delegat" + l.sv,
                           tagEn + "the substitute '" + id + "' cannot be a delegate" + l.en);
            }

        if (delegate.joint && delegate.ids.size() > 1) {
            const Law l = law("6 kap. 37 § och 7 kap. 5 §", "Chapter 6, Section 37 and Chapter 7, Section 5");
            if (sides.count(Side::Elected) && sides.count(Side::Employee))
                out_.error("delegation-order.joint-delegate", row.whereOf("delegate"),
                           tag + "en förtroendevald och en anställd får inte besluta tillsammans (blandad "
                                 "delegering); delegera till den ena eller den andra" + l.sv,
                           tagEn + "an elected member and an employee may not decide jointly (mixed delegation); "
                                   "delegate to one or the other" + l.en);
            else if (sides.count(Side::Automated))
                out_.error("delegation-order.joint-delegate", row.whereOf("delegate"),
                           tag + "en automatiserad beslutsfunktion beslutar ensam, inte tillsammans med andra" + l.sv,
                           tagEn + "an automated decision function decides alone, not jointly with others" + l.en);
            else if (delegateKnown)
                out_.warning("delegation-order.joint-same-side", row.whereOf("delegate"),
                             tag + "lagen nämner en ledamot, ett utskott eller en anställd som delegat; låt flera "
                                   "som ska besluta tillsammans bli ett utskott eller presidiet, eller välj en av dem" +
                                 l.sv,
                             tagEn + "the law names a member, a committee or an employee as delegate; let several "
                                     "who should decide together form a committee or the presidium, or choose one "
                                     "of them" + l.en);
        }

        reading_ = readRow(row, sides, law_.vocabulary, words_);
        readBases(row);
        checkCategory(row, automated, tag, tagEn);
        checkUrgent(row, delegate, substitute, tag, tagEn);
        checkReporting(row, tag, tagEn);
        checkSubDelegation(row, delegate, tag, tagEn);
        checkOldAct(row, tag, tagEn);
        checkActs(row, tag, tagEn);
    }

    // A substitute decides when the delegate cannot; the same role (or the same post under two
    // ids) as substitute leaves the row with nobody to step in.
    void checkSubstitute(const Record& row, const RoleRef& delegate, const RoleRef& substitute, const std::string& tag,
                         const std::string& tagEn) {
        if (delegate.ids.empty() || substitute.ids.empty()) return;
        auto titles = [&](const RoleRef& ref) {
            std::set<std::string> out;
            for (const auto& id : ref.ids) {
                auto it = roles_.find(id);
                const std::string t = it == roles_.end() ? std::string() : lowerSv(trim(it->second->text("title")));
                out.insert(t.empty() ? "#" + id : t);
            }
            return out;
        };
        const std::set<std::string> d(delegate.ids.begin(), delegate.ids.end());
        const std::set<std::string> sub(substitute.ids.begin(), substitute.ids.end());
        if (d != sub && titles(delegate) != titles(substitute)) return;
        out_.warning("delegation-order.substitute-is-delegate", row.whereOf("substitute"),
                     tag + "ersättaren ('" + row.text("substitute") + "') är densamma som delegaten ('" +
                         row.text("delegate") + "'), så ingen kan besluta när delegaten har förhinder; ange en "
                         "annan roll som ersättare, eller ta bort ersättaren",
                     tagEn + "the substitute ('" + row.text("substitute") + "') is the same as the delegate ('" +
                         row.text("delegate") + "'), so nobody can decide when the delegate is unavailable; name "
                         "another role as substitute, or leave the substitute out");
    }

    bool checkKnown(const Record& row, const std::string& fieldName, const RoleRef& ref, const std::string& tag,
                    const std::string& tagEn) {
        bool all = true;
        const Party* party = namedParty(ctx_, row.text(fieldName));
        std::string person = party ? party->name : std::string();
        if (!party && !roles_.count(trim(row.text(fieldName)))) person = personalName(row.text(fieldName), law_);
        if (!person.empty()) {
            out_.error("delegation-order.named-person", row.whereOf(fieldName),
                       tag + "'" + person +
                           "' är en person; ange rollens id i stället, så att delegeringen gäller befattningen",
                       tagEn + "'" + person + "' is a person; give the role's id instead, so that the delegation "
                                               "belongs to the post");
            return false;
        }
        for (const auto& id : ref.ids) {
            if (roles_.count(id)) continue;
            all = false;
            std::string known;
            for (const auto& [k, r] : roles_) known += (known.empty() ? "" : ", ") + k;
            out_.error("delegation-order.unknown-role", row.whereOf(fieldName),
                       tag + "rollen '" + id + "' är inte definierad; definiera den med <role id=\"" + id +
                           "\" .../> (kända roller: " + (known.empty() ? "-" : known) + ")",
                       tagEn + "the role '" + id + "' is not defined; define it with <role id=\"" + id +
                           "\" .../> (known roles: " + (known.empty() ? "-" : known) + ")");
        }
        return all;
    }

    // The point's words for messages: "verksamhetens mål, ... (6 kap. 38 § första stycket 1 p. kommunallagen)".
    const PointText& point(const std::string& id) const {
        static const PointText none;
        auto it = law_.vocabulary.points.find(id);
        return it == law_.vocabulary.points.end() ? none : it->second;
    }
    static std::string citeOf(const PointText& p, const WordRule& r, bool en) {
        std::string c = en ? p.citeEn : p.citeSv;
        if (!r.cite.empty()) c += (en ? "; " : "; ") + r.cite;
        return c;
    }

    void checkCategory(const Record& row, bool automated, const std::string& tag, const std::string& tagEn) {
        const std::string category = row.text("category");
        if (int p = firstListPoint(category)) {
            const Law l = law("6 kap. 38 § första stycket " + pointSv(p) + " och 7 kap. 5 §",
                              "Chapter 6, Section 38, first paragraph, point " + std::to_string(p) +
                                  ", and Chapter 7, Section 5");
            out_.error("delegation-order.not-delegable", row.whereOf("category"),
                       tag + "ärendet hör till dem som " + owner_.sv + " själv ska besluta om och får inte delegeras" +
                           l.sv,
                       tagEn + "the matter is one the " + owner_.en + " must decide itself and may not be delegated" +
                           l.en);
            return;
        }
        // Read from the words: the statute's wording is an error, a resemblance a warning that
        // category="delegable" silences.
        const Finding* error = nullptr;
        const Finding* warning = nullptr;
        for (const Finding& f : reading_.notDelegable) {
            if (f.rule->level == "error" && !error) error = &f;
            if (f.rule->level != "error" && !warning) warning = &f;
        }
        if (error) {
            const PointText& pt = point(error->rule->point);
            out_.error("delegation-order.not-delegable", row.whereOf(error->field),
                       tag + "ärendet gäller " + pt.sv + " (\"" + error->matched + "\") och får inte delegeras; " +
                           owner_.sv + " beslutar själv (" + citeOf(pt, *error->rule, false) + " kommunallagen)",
                       tagEn + "the matter concerns " + pt.en + " (\"" + error->matched +
                           "\") and may not be delegated; the " + owner_.en + " decides itself (Local Government Act, " +
                           citeOf(pt, *error->rule, true) + ")");
        } else if (warning && category.empty()) {
            const PointText& pt = point(warning->rule->point);
            out_.warning("delegation-order.not-delegable-keyword", row.whereOf(warning->field),
                         tag + "orden \"" + warning->matched + "\" liknar " + pt.sv + ", som inte får delegeras (" +
                             citeOf(pt, *warning->rule, false) + " kommunallagen); " + warning->rule->confirmSv +
                             "; ange sedan category=\"delegable\"",
                         tagEn + "the words \"" + warning->matched + "\" resemble " + pt.en +
                             ", which may not be delegated (Local Government Act, " + citeOf(pt, *warning->rule, true) +
                             "); " + warning->rule->confirmEn + "; then give category=\"delegable\"");
        }
        if (!automated) return;
        if (int p = secondListPoint(category)) {
            const Law l = law("6 kap. 38 § andra stycket " + pointSv(p),
                              "Chapter 6, Section 38, second paragraph, point " + std::to_string(p));
            out_.error("delegation-order.automated-not-allowed", row.whereOf("category"),
                       tag + "ärenden av det här slaget får inte delegeras till en automatiserad beslutsfunktion" +
                           l.sv,
                       tagEn + "matters of this kind may not be delegated to an automated decision function" + l.en);
            return;
        }
        for (const Finding& f : reading_.automated) {
            const PointText& pt = point(f.rule->point);
            out_.error("delegation-order.automated-not-allowed", row.whereOf(f.field),
                       tag + "ärendet gäller " + pt.sv + " (\"" + f.matched +
                           "\"), som inte får delegeras till en automatiserad beslutsfunktion (" + pt.citeSv +
                           " kommunallagen)",
                       tagEn + "the matter concerns " + pt.en + " (\"" + f.matched +
                           "\"), which may not be delegated to an automated decision function (Local Government Act, " +
                           pt.citeEn + ")");
            return;
        }
        const std::string appeal = appealOf(row);
        if (appeal == "kl13") {
            const Law l = law("6 kap. 38 § andra stycket 1 p.", "Chapter 6, Section 38, second paragraph, point 1");
            const bool inferred = row.text("appeal").empty();
            out_.error("delegation-order.automated-not-allowed", row.whereOf(inferred ? reading_.appeal_.field : "appeal"),
                       tag + "beslut som överklagas enligt 13 kap. får inte fattas av en automatiserad "
                             "beslutsfunktion" +
                           (inferred ? " (raden nämner \"" + reading_.appeal_.matched + "\")" : std::string()) + l.sv,
                       tagEn + "decisions appealed under Chapter 13 may not be taken by an automated decision "
                               "function" +
                           (inferred ? " (the row says \"" + reading_.appeal_.matched + "\")" : std::string()) + l.en);
            return;
        }
        if (appeal == "none") {
            const Law l = law("6 kap. 38 § andra stycket 2 p.", "Chapter 6, Section 38, second paragraph, point 2");
            out_.error("delegation-order.automated-not-allowed", row.whereOf("appeal"),
                       tag + "beslut som inte får överklagas får inte fattas av en automatiserad beslutsfunktion" + l.sv,
                       tagEn + "decisions that cannot be appealed may not be taken by an automated decision function" +
                           l.en);
            return;
        }
        if (appeal.empty()) {
            const Law l =
                law("6 kap. 38 § andra stycket 1-2 p.", "Chapter 6, Section 38, second paragraph, points 1-2");
            out_.warning("delegation-order.automated-appeal-unknown", row.whereOf("appeal"),
                         tag + "ange hur beslutet överklagas (appeal=\"administrative\"); beslut som överklagas "
                               "enligt 13 kap. eller som inte får överklagas får inte automatiseras" + l.sv,
                         tagEn + "state how the decision is appealed (appeal=\"administrative\"); decisions appealed "
                                 "under Chapter 13 or that cannot be appealed may not be automated" + l.en);
        }
    }

    // The row's own answer, else what its words say.
    std::string appealOf(const Record& row) const {
        const std::string own = row.text("appeal");
        return own.empty() ? reading_.appeal : own;
    }
    bool urgentOf(const Record& row) const { return row.flag("urgent") || reading_.urgent(); }
    bool subDelegationOf(const Record& row) const { return row.flag("sub-delegation") || reading_.subDelegation(); }

    void checkUrgent(const Record& row, const RoleRef& delegate, const RoleRef& substitute, const std::string& tag,
                     const std::string& tagEn) {
        const bool urgent = urgentOf(row);
        if (!urgent) {
            bool anyMember = false;
            for (const auto& id : delegate.ids) anyMember = anyMember || isMember(kindOf(roles_, id));
            if (reading_.urgentHint() && !anyMember && !delegate.ids.empty()) {
                const Law l = law("6 kap. 39 §", "Chapter 6, Section 39");
                out_.warning("delegation-order.urgent-keyword", row.whereOf("matter"),
                             tag + "gäller raden ärenden som inte kan vänta på " + owner_.svGen +
                                 " avgörande får bara ordföranden eller en utsedd ledamot besluta; markera den "
                                 "urgent=\"ja\" och välj en sådan delegat" + l.sv,
                             tagEn + "if the row covers matters that cannot wait for the " + owner_.en +
                                 "'s decision, only the chair or a designated member may decide; mark it "
                                 "urgent=\"yes\" and choose such a delegate" + l.en);
            }
            return;
        }
        // Why the row is urgent, when the drafter did not say so.
        const Finding* why = row.flag("urgent") ? nullptr : reading_.urgent();
        const std::string whySv = why ? " (raden gäller brådskande ärenden: \"" + why->matched + "\")" : "";
        const std::string whyEn = why ? " (the row covers urgent matters: \"" + why->matched + "\")" : "";
        const Law l = law("6 kap. 39 §", "Chapter 6, Section 39");
        auto checkMembers = [&](const RoleRef& ref, const std::string& fieldName) {
            for (const auto& id : ref.ids) {
                const std::string kind = kindOf(roles_, id);
                if (kind.empty() || isMember(kind)) continue;
                out_.error("delegation-order.urgent-not-member", row.whereOf(fieldName),
                           tag + "brådskande ärenden får bara delegeras till ordföranden eller en annan ledamot som " +
                               owner_.sv + " utsett, inte till '" + id + "' (" + kindLabel(kind, "sv") + ")" + whySv +
                               l.sv,
                           tagEn + "urgent matters may only be delegated to the chair or another member the " +
                               owner_.en + " has designated, not to '" + id + "' (" + kindLabel(kind, "en") + ")" +
                               whyEn + l.en);
            }
        };
        checkMembers(delegate, "delegate");
        checkMembers(substitute, "substitute");
        const std::string reporting = row.text("reporting");
        if (!reporting.empty() && reporting != "next-meeting" && reporting != "report") {
            const Law l40 = law("6 kap. 40 § andra stycket", "Chapter 6, Section 40, second paragraph");
            out_.error("delegation-order.urgent-not-reported", row.whereOf("reporting"),
                       tag + "beslut i brådskande ärenden ska anmälas vid " + owner_.svGen + " nästa sammanträde" +
                           whySv + l40.sv,
                       tagEn + "decisions in urgent matters must be reported at the " + owner_.en + "'s next meeting" +
                           whyEn + l40.en);
        }
        const Law lu = law("6 kap. 39 § och 7 kap. 6 §", "Chapter 6, Section 39 and Chapter 7, Section 6");
        if (subDelegationOf(row))
            out_.error("delegation-order.sub-delegation-not-allowed",
                       row.whereOf(row.flag("sub-delegation") ? "sub-delegation" : reading_.sub_.field),
                       tag + "brådskande ärenden beslutas av ordföranden eller en utsedd ledamot och kan inte "
                             "vidaredelegeras" + lu.sv,
                       tagEn + "urgent matters are decided by the chair or a designated member and cannot be "
                               "sub-delegated" + lu.en);
    }

    void checkReporting(const Record& row, const std::string& tag, const std::string& tagEn) {
        if (urgentOf(row)) return;  // reported at the next meeting by law
        const std::string reporting = reportingOf(row, order_);
        const Law l = law("6 kap. 40 § och 7 kap. 8 §", "Chapter 6, Section 40 and Chapter 7, Section 8");
        if (reporting.empty()) {
            out_.error("delegation-order.not-reported", row.whereOf("reporting"),
                       tag + "det framgår inte hur besluten redovisas; ange reporting på raden eller för hela "
                             "ordningen (anmäls till " + owner_.sv + " eller protokollförs särskilt)" + l.sv,
                       tagEn + "it is not stated how the decisions are accounted for; give reporting on the row or "
                               "for the whole order (reported to the " + owner_.en + " or minuted separately)" + l.en);
        } else if (reporting == "none") {
            const std::string appeal = appealOf(row);
            if (appeal == "administrative" || appeal == "none")
                out_.warning("delegation-order.not-reported", row.whereOf("reporting"),
                             tag + "besluten varken anmäls eller protokollförs; " + owner_.sv +
                                 " bör ändå kunna följa dem" + l.sv,
                             tagEn + "the decisions are neither reported nor minuted; the " + owner_.en +
                                 " should still be able to follow them" + l.en);
            else
                out_.error("delegation-order.not-reported", row.whereOf("reporting"),
                           tag + "beslut som inte anmäls till " + owner_.sv + " ska protokollföras särskilt när de kan "
                                 "överklagas enligt 13 kap." + l.sv,
                           tagEn + "decisions not reported to the " + owner_.en + " must be minuted separately when "
                                   "they can be appealed under Chapter 13" + l.en);
        }
    }

    void checkSubDelegation(const Record& row, const RoleRef& delegate, const std::string& tag,
                            const std::string& tagEn) {
        const Law l = law("7 kap. 6 §", "Chapter 7, Section 6");
        const bool allowed = subDelegationOf(row);
        const bool written = row.flag("sub-delegation");
        const std::string subText = trim(row.text("sub-delegate"));
        if (allowed && !urgentOf(row)) {
            bool ok = delegate.ids.size() == 1 && !delegate.joint;
            bool elected = false;
            for (const auto& id : delegate.ids) {
                const std::string kind = kindOf(roles_, id);
                ok = ok && (kind.empty() || isHeadOfDepartment(kind));
                elected = elected || sideOf(kind) == Side::Elected;
            }
            const std::string whySv = written ? "" : " (raden säger \"" + reading_.sub_.matched + "\")";
            const std::string whyEn = written ? "" : " (the row says \"" + reading_.sub_.matched + "\")";
            if (!ok)
                out_.error("delegation-order.sub-delegation-not-allowed",
                           row.whereOf(written ? "sub-delegation" : reading_.sub_.field),
                           tag + (elected ? "en förtroendevald kan inte få rätt att lämna beslutet vidare; " : "") +
                               "bara en förvaltningschef som " + owner_.sv + " själv har gett rätten får vidaredelegera "
                               "till en annan anställd; här är delegaten '" + row.text("delegate") + "'" + whySv + l.sv,
                           tagEn + (elected ? "an elected member cannot be given the right to pass the decision on; "
                                            : "") +
                               "only a head of department to whom the " + owner_.en +
                               " itself gave the right may pass a decision on to another employee; here the delegate "
                               "is '" + row.text("delegate") + "'" + whyEn + l.en);
        }
        if (subText.empty()) return;
        if (!allowed) {
            out_.error("delegation-order.sub-delegation-not-allowed", row.whereOf("sub-delegate"),
                       tag + "raden anger vidaredelegat men " + owner_.sv + " har inte medgett vidaredelegering "
                             "(sub-delegation=\"ja\")" + l.sv,
                       tagEn + "the row names a sub-delegate but the " + owner_.en + " has not allowed sub-delegation "
                               "(sub-delegation=\"yes\")" + l.en);
            return;
        }
        if (subText.find('>') != std::string::npos) {
            out_.error("delegation-order.sub-delegation-chain", row.whereOf("sub-delegate"),
                       tag + "vidaredelegering sker i ett enda steg: den som fått ett ärende vidaredelegerat får "
                             "inte lämna det vidare" + l.sv,
                       tagEn + "sub-delegation is one step only: whoever received a matter by sub-delegation may "
                               "not pass it on" + l.en);
            return;
        }
        const RoleRef sub = parseRoles(subText);
        checkKnown(row, "sub-delegate", sub, tag, tagEn);
        for (const auto& id : sub.ids) {
            const std::string kind = kindOf(roles_, id);
            if (kind.empty() || sideOf(kind) == Side::Employee) continue;
            out_.error("delegation-order.sub-delegate-not-employee", row.whereOf("sub-delegate"),
                       tag + "en förvaltningschef får bara vidaredelegera till en annan anställd, inte till '" + id +
                           "' (" + kindLabel(kind, "sv") + ")" + l.sv,
                       tagEn + "a head of department may only sub-delegate to another employee, not to '" + id +
                           "' (" + kindLabel(kind, "en") + ")" + l.en);
        }
    }

    // The acts and references each field cites, read once for checkOldAct and checkActs.
    void readBases(const Record& row) {
        for (FieldBasis& field : bases_) {
            const Value* v = row.get(field.name);
            field.written = v && !v->text.empty();
            field.reading = field.written ? readBasis(v->text, law_, on_) : BasisReading{};
        }
    }

    // References in the numbering of a repealed act (Kommunallagen 1991:900, Förvaltningslagen
    // 1986:223), cited under the name of the act in force: the sections and where they live now come
    // from templates/law/acts.xml.
    void checkOldAct(const Record& row, const std::string& tag, const std::string& tagEn) {
        for (const FieldBasis& field : bases_) {
            if (!field.written) continue;
            const char* name = field.name;
            const BasisReading& b = field.reading;
            for (const Citation& c : b.citations) {
                if (!c.act || (c.chapter.empty() && c.section == 0)) continue;
                for (const OldNumbering& on : c.act->oldNumbering) {
                    if (on.chapter != c.chapter) continue;
                    if (on.before && on_ < *on.before) continue;  // the numbering still applied then
                    const bool wholeChapter = on.from == 0;
                    if (!wholeChapter && (c.section < on.from || c.section > on.to)) continue;
                    if (!on.words.empty()) {
                        if (!saysAny(row, on.words)) continue;
                    } else if (!on.always && !(urgentOf(row) || reading_.urgentHint())) {
                        continue;
                    }
                    if (on.before) {
                        out_.warning("delegation-order.old-act-reference", row.whereOf(name),
                                     tag + "'" + c.text + "' ser ut att följa numreringen i " + c.act->title +
                                         " före " + on.before->iso() + "; det som avses finns nu i " + on.now,
                                     tagEn + "'" + c.text + "' appears to follow the numbering of " + c.act->title +
                                         " before " + on.before->iso() + "; what it means is now in " + on.now);
                        return;
                    }
                    const Act* was = repealedBy(*c.act);
                    const std::string wasTitle = was ? was->title : c.act->title;
                    out_.warning("delegation-order.old-act-reference", row.whereOf(name),
                                 tag + "'" + c.text + "' ser ut att följa den upphävda " + wasTitle + "; det "
                                       "som avses finns nu i " + on.now + " " + c.act->title,
                                 tagEn + "'" + c.text + "' appears to follow the repealed " + wasTitle +
                                         "; what it means is now in " + on.now + " of " + c.act->title + " (" +
                                         c.act->sfs + ")");
                    return;
                }
            }
        }
    }

    // The repealed act the act in force replaced, whose numbering old rows still follow.
    const Act* repealedBy(const Act& current) const {
        for (const Act& a : law_.acts)
            if (a.replacedBy == current.id) return &a;
        return nullptr;
    }

    // Does the row's matter, note or legal basis say one of these?
    static bool saysAny(const Record& row, const std::vector<Pattern>& patterns) {
        for (const char* name : {"matter", "note", "legal-basis"}) {
            const std::vector<Word> ws = words(row.text(name));
            for (const Pattern& p : patterns)
                if (find(ws, p) >= 0) return true;
        }
        return false;
    }

    // Acts that no longer apply, and chapters or sections an act does not have.
    void checkActs(const Record& row, const std::string& tag, const std::string& tagEn) {
        for (const FieldBasis& field : bases_) {
            if (!field.written) continue;
            const char* name = field.name;
            const BasisReading& b = field.reading;
            std::set<const Act*> reported;
            for (const ActMention& m : b.acts) {
                const Act* a = m.act;
                if (!a || !a->repealed || reported.count(a)) continue;
                if (*a->repealed > on_) {
                    // In force when the order was adopted, repealed since: the order still cites it.
                    if (*a->repealed > today_) continue;
                    reported.insert(a);
                    const Act* now = law_.act(a->replacedBy);
                    out_.warning("delegation-order.old-act-reference", row.whereOf(name),
                                 tag + "'" + m.written + "' är " + a->title + ", som upphävdes " + a->repealed->iso() +
                                     ", efter att ordningen antogs" +
                                     (now ? "; gäller nu " + now->title : std::string()) +
                                     "; se över raden och hänvisa till den lag som gäller",
                                 tagEn + "'" + m.written + "' is " + a->title + ", repealed on " + a->repealed->iso() +
                                     ", after the order was adopted" +
                                     (now ? "; the act in force is " + now->title : std::string()) +
                                     "; revise the row to cite the act in force");
                    continue;
                }
                if (!reported.insert(a).second) continue;
                const Act* now = law_.act(a->replacedBy);
                const std::string nowSv = now ? "; gäller nu " + now->title : "";
                const std::string nowEn = now ? "; the act in force is " + now->title : "";
                out_.warning("delegation-order.old-act-reference", row.whereOf(name),
                             tag + "'" + m.written + "' är " + a->title + ", som upphävdes " + a->repealed->iso() +
                                 nowSv + "; hänvisa till den lag som gäller",
                             tagEn + "'" + m.written + "' is " + a->title + ", repealed on " + a->repealed->iso() +
                                 nowEn + "; cite the act in force");
            }
            for (const Citation& c : b.citations) {
                const Act* a = c.act;
                if (!a || !a->hasStructure || reported.count(a)) continue;
                std::string problemSv, problemEn;
                if (a->chaptered) {
                    auto ch = a->chapters.find(c.chapter);
                    if (c.chapter.empty()) continue;  // a section without its chapter: nothing to compare
                    if (ch == a->chapters.end())
                        problemSv = "har inget " + c.chapter + " kap.", problemEn = "has no Chapter " + c.chapter;
                    else if (c.section > ch->second)
                        problemSv = c.chapter + " kap. har bara " + std::to_string(ch->second) + " paragrafer",
                        problemEn = "Chapter " + c.chapter + " has only " + std::to_string(ch->second) + " sections";
                } else {
                    if (!c.chapter.empty())
                        problemSv = "är inte indelad i kapitel", problemEn = "has no chapters";
                    else if (c.section > a->sections)
                        problemSv = "har bara " + std::to_string(a->sections) + " paragrafer",
                        problemEn = "has only " + std::to_string(a->sections) + " sections";
                }
                if (problemSv.empty()) continue;
                reported.insert(a);
                out_.warning("delegation-order.no-such-provision", row.whereOf(name),
                             tag + "'" + c.text + "' finns inte: " + a->title + " " + problemSv +
                                 "; kontrollera lagrummet",
                             tagEn + "'" + c.text + "' does not exist: " + a->title + " " + problemEn +
                                 "; check the reference");
            }
        }
    }

    const Record& order_;
    const Context& ctx_;
    Diagnostics& out_;
    std::map<std::string, const Record*> roles_;
    std::set<std::string> numbers_;
    const LawData& law_;
    Date on_;     // the acts are read as of this date: adoption, else today
    Date today_;
    const Owner& owner_;
    WordMatcher words_;   // the order's words, each stemmed and matched against the vocabulary once
    RowReading reading_;  // the row being checked, read from its words
    struct FieldBasis {
        const char* name;
        bool written = false;
        BasisReading reading;
    };
    FieldBasis bases_[3] = {{"legal-basis"}, {"matter"}, {"note"}};  // the row being checked
};

}  // namespace

bool isFirstListCategory(const std::string& c) {
    for (const char* k : kFirstList)
        if (c == k) return true;
    return false;
}
bool isSecondListCategory(const std::string& c) {
    for (const char* k : kSecondList)
        if (c == k) return true;
    return false;
}

// The names the board goes by: the header's and the usual ones for the organisation type, in
// both languages, with or without "the".
bool isBoard(const std::string& body, const Context& ctx) {
    auto norm = [](const std::string& s) {
        std::string t = lowerSv(trim(s));
        return t.rfind("the ", 0) == 0 ? t.substr(4) : t;
    };
    const std::string b = norm(body);
    std::set<std::string> names{norm(ctx.organisation.board)};
    if (ctx.organisation.type == "region")
        names.insert({"regionstyrelsen", "regional executive board", "regional board"});
    else
        names.insert({"kommunstyrelsen", "municipal executive board", "municipal board"});
    return names.count(b) > 0;
}

// The committee the order belongs to: the section's own answer, else the board.
std::string ownerName(const Record& values, const Context& ctx) {
    const std::string c = trim(values.text("committee"));
    return c.empty() ? ctx.organisation.board : c;
}

namespace {

// Who adopted the order and when: only the board's (or the committee's) own decision gives the
// delegates their right to decide, and that decision is what anyone checking a delegated decision
// looks up. A missing <registration> hides it; a missing adoption date makes the order a draft.
void checkHeader(const Record& values, const Context& ctx, bool board, Diagnostics& out) {
    const Registration& reg = ctx.registration;
    const Law l = law("6 kap. 37 §", "Chapter 6, Section 37");
    const std::string owner = board ? "styrelsen" : "nämnden";
    const std::string ownerEn = board ? "the board" : "the committee";
    if (!reg.where.known()) {
        out.error("delegation-order.no-registration", values.where,
                  "delegationsordningen saknar <registration>: ange vem som antog den och när (body, adopted, "
                  "minutes) och diarienumret; bara " + owner + "s eget beslut ger delegaterna rätt att besluta, och "
                  "det beslutet är vad den som granskar ett delegationsbeslut behöver kunna slå upp" + l.sv,
                  "the delegation order has no <registration>: give who adopted it and when (body, adopted, "
                  "minutes) and its registration number; only " + ownerEn + "'s own decision gives the delegates "
                  "their right to decide, and that decision is what anyone checking a delegated decision needs to "
                  "look up" + l.en);
        return;
    }
    if (!reg.adopted)
        out.warning("delegation-order.not-adopted", reg.where,
                    "<registration> anger inget antagandedatum (adopted): ordningen är ett förslag tills " + owner +
                        " har antagit den, och ingen får besluta med stöd av den dessförinnan" + l.sv,
                    "<registration> gives no adoption date (adopted): the order is a draft until " + ownerEn +
                        " adopts it, and nobody may decide under it before then" + l.en);
    if (!board && trim(reg.body).empty())
        out.warning("delegation-order.adopting-body-missing", reg.where,
                    "ange body=\"" + trim(values.text("committee")) + "\" i <registration>: nämnden antar sin "
                        "egen delegationsordning, och utan body namnger titeln och antagandet styrelsen" + l.sv,
                    "give body=\"" + trim(values.text("committee")) + "\" in <registration>: the committee adopts "
                        "its own delegation order, and without body the title and the adoption name the board" + l.en);
    if (ctx.parties.empty())
        out.warning("delegation-order.no-party", ctx.organisation.where.known() ? ctx.organisation.where : values.where,
                    "ingen <party> anges: namnge åtminstone ordföranden eller en kontaktperson med e-post, så att "
                    "frågor om ordningen och påminnelsen om omprövning når någon",
                    "no <party> is given: name at least the chair or a contact with an e-mail address, so that "
                    "questions about the order and the review reminder reach someone");
}

}  // namespace

void DelegationOrderPlugin::validate(const Record& values, const Context& ctx, Diagnostics& out) const {
    const Registration& reg = ctx.registration;
    const std::string committee = trim(values.text("committee"));
    const bool board = committee.empty() || isBoard(committee, ctx);
    auto norm = [](const std::string& s) { return lowerSv(trim(s)); };
    // 6 kap. 37 §: a committee delegates its own decisions; the board's order is adopted by the
    // board, a committee's by that committee.
    if (!reg.body.empty() && (board ? !isBoard(reg.body, ctx) : norm(reg.body) != norm(committee))) {
        const Law l = law("6 kap. 37 §", "Chapter 6, Section 37");
        const std::string owner = ownerName(values, ctx);
        out.error("delegation-order.not-adopted-by-board", reg.where,
                  (board ? "styrelsen" : "nämnden") + std::string(" beslutar själv om sin delegering; "
                  "delegationsordningen antas av ") + owner + ", inte av '" + reg.body + "'" + l.sv,
                  std::string("the ") + (board ? "board" : "committee") + " decides its own delegation; the "
                  "delegation order is adopted by the " + owner + ", not by '" + reg.body + "'" + l.en);
    }
    const LawData& data = lawData(ctx.templatesDir);
    if (!data.problem.empty())
        out.warning("delegation-order.law-data", Location{data.folder},
                    "lagdata i " + data.folder + " kunde inte läsas helt (" + data.problem +
                        "); raderna läses utan den",
                    "the law data in " + data.folder + " could not all be read (" + data.problem +
                        "); the rows are read without it");
    // Acts are read as of the adoption date, else today.
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    const Date today{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
    Date on = reg.adopted ? *reg.adopted : Date{};
    if (!on.valid()) on = today;
    checkHeader(values, ctx, board, out);
    const Owner owner = board ? Owner{"styrelsen", "styrelsens", "board"} : Owner{"nämnden", "nämndens", "committee"};
    RowChecker checker(values, ctx, out, data, on, today, owner);
    checker.checkRoles();
    checker.checkAreas();
}

}  // namespace overens::delegation
