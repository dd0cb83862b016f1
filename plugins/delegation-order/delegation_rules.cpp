// The delegation order's rules, each from Kommunallagen (2017:725) where the law speaks.
#include <regex>
#include <set>

#include "delegation_plugin.hpp"

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

// Words in a matter that suggest 6 kap. 38 § first list. Each: the word, the point.
struct Hint {
    const char* word;
    int point;
};
const Hint kNotDelegableHints[] = {
    {"till kommunfullmäktige", 2}, {"till regionfullmäktige", 2}, {"till fullmäktige", 2},
    {"to the council", 2},         {"medborgarförslag", 4},       {"citizens' proposal", 4},
    {"citizen proposal", 4},       {"verksamhetens mål", 1},      {"verksamhetens inriktning", 1},
    {"goals of the activit", 1},   {"principiell", 3},            {"of principle", 3},
};
const char* kProcurementHints[] = {"upphandl", "procure", "tender", "anbud", "valfrihetssystem", "auktorisation",
                                   "choice system", "authorisation"};
const char* kUrgentHints[] = {"brådskande", "urgent"};

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

class RowChecker {
public:
    RowChecker(const Record& order, const Context& ctx, Diagnostics& out)
        : order_(order), ctx_(ctx), out_(out), roles_(rolesById(order)) {}

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
            if (const Party* p = namedParty(ctx_, r.text("title")))
                out_.error("delegation-order.named-person", r.whereOf("title"),
                           "rollen '" + id + "' namnger en person (" + p->name +
                               "); delegering sker till en roll eller befattning, inte till en namngiven person",
                           "the role '" + id + "' names a person (" + p->name +
                               "); delegation is to a role or post, not to a named person");
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

        checkCategory(row, automated, tag, tagEn);
        checkUrgent(row, delegate, substitute, tag, tagEn);
        checkReporting(row, tag, tagEn);
        checkSubDelegation(row, delegate, tag, tagEn);
        checkOldAct(row, tag, tagEn);
    }

    bool checkKnown(const Record& row, const std::string& fieldName, const RoleRef& ref, const std::string& tag,
                    const std::string& tagEn) {
        bool all = true;
        if (const Party* p = namedParty(ctx_, row.text(fieldName))) {
            out_.error("delegation-order.named-person", row.whereOf(fieldName),
                       tag + "'" + p->name +
                           "' är en person; ange rollens id i stället, så att delegeringen gäller befattningen",
                       tagEn + "'" + p->name + "' is a person; give the role's id instead, so that the delegation "
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

    void checkCategory(const Record& row, bool automated, const std::string& tag, const std::string& tagEn) {
        const std::string category = row.text("category");
        if (int p = firstListPoint(category)) {
            const Law l = law("6 kap. 38 § första stycket " + pointSv(p) + " och 7 kap. 5 §",
                              "Chapter 6, Section 38, first paragraph, point " + std::to_string(p) +
                                  ", and Chapter 7, Section 5");
            out_.error("delegation-order.not-delegable", row.whereOf("category"),
                       tag + "ärendet hör till dem som styrelsen själv ska besluta om och får inte delegeras" + l.sv,
                       tagEn + "the matter is one the board must decide itself and may not be delegated" + l.en);
            return;
        }
        const std::string matter = lowerSv(row.text("matter"));
        if (category.empty()) {
            for (const auto& h : kNotDelegableHints)
                if (contains(matter, h.word)) {
                    const Law l = law("6 kap. 38 § första stycket " + pointSv(h.point),
                                      "Chapter 6, Section 38, first paragraph, point " + std::to_string(h.point));
                    out_.warning("delegation-order.not-delegable-keyword", row.whereOf("matter"),
                                 tag + "ärendet (\"" + h.word + "\") liknar ett som inte får delegeras; pröva det "
                                       "och ange category=\"delegable\" om det ändå får delegeras" + l.sv,
                                 tagEn + "the matter (\"" + h.word + "\") looks like one that may not be delegated; "
                                         "consider it and give category=\"delegable\" if it may be delegated after "
                                         "all" + l.en);
                    break;
                }
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
        const std::string appeal = row.text("appeal");
        if (appeal == "kl13") {
            const Law l = law("6 kap. 38 § andra stycket 1 p.", "Chapter 6, Section 38, second paragraph, point 1");
            out_.error("delegation-order.automated-not-allowed", row.whereOf("appeal"),
                       tag + "beslut som överklagas enligt 13 kap. får inte fattas av en automatiserad "
                             "beslutsfunktion" + l.sv,
                       tagEn + "decisions appealed under Chapter 13 may not be taken by an automated decision "
                               "function" + l.en);
            return;
        }
        for (const char* word : kProcurementHints)
            if (contains(matter, word)) {
                const Law l =
                    law("6 kap. 38 § andra stycket 3-4 p.", "Chapter 6, Section 38, second paragraph, points 3-4");
                out_.error("delegation-order.automated-not-allowed", row.whereOf("matter"),
                           tag + "upphandling och auktorisations- eller valfrihetssystem får inte delegeras till en "
                                 "automatiserad beslutsfunktion" + l.sv,
                           tagEn + "procurement and authorisation or choice systems may not be delegated to an "
                                   "automated decision function" + l.en);
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

    void checkUrgent(const Record& row, const RoleRef& delegate, const RoleRef& substitute, const std::string& tag,
                     const std::string& tagEn) {
        const bool urgent = row.flag("urgent");
        if (!urgent) {
            const std::string matter = lowerSv(row.text("matter"));
            bool anyMember = false;
            for (const auto& id : delegate.ids) anyMember = anyMember || isMember(kindOf(roles_, id));
            for (const char* word : kUrgentHints)
                if (contains(matter, word) && !anyMember && !delegate.ids.empty()) {
                    const Law l = law("6 kap. 39 §", "Chapter 6, Section 39");
                    out_.warning("delegation-order.urgent-keyword", row.whereOf("matter"),
                                 tag + "gäller raden ärenden som inte kan vänta på styrelsens avgörande får bara "
                                       "ordföranden eller en utsedd ledamot besluta; markera den urgent=\"ja\" och "
                                       "välj en sådan delegat" + l.sv,
                                 tagEn + "if the row covers matters that cannot wait for the board's decision, only "
                                         "the chair or a designated member may decide; mark it urgent=\"yes\" and "
                                         "choose such a delegate" + l.en);
                    break;
                }
            return;
        }
        const Law l = law("6 kap. 39 §", "Chapter 6, Section 39");
        auto checkMembers = [&](const RoleRef& ref, const std::string& fieldName) {
            for (const auto& id : ref.ids) {
                const std::string kind = kindOf(roles_, id);
                if (kind.empty() || isMember(kind)) continue;
                out_.error("delegation-order.urgent-not-member", row.whereOf(fieldName),
                           tag + "brådskande ärenden får bara delegeras till ordföranden eller en annan ledamot som "
                                 "styrelsen utsett, inte till '" + id + "' (" + kindLabel(kind, "sv") + ")" + l.sv,
                           tagEn + "urgent matters may only be delegated to the chair or another member the board "
                                   "has designated, not to '" + id + "' (" + kindLabel(kind, "en") + ")" + l.en);
            }
        };
        checkMembers(delegate, "delegate");
        checkMembers(substitute, "substitute");
        const std::string reporting = row.text("reporting");
        if (!reporting.empty() && reporting != "next-meeting" && reporting != "report") {
            const Law l40 = law("6 kap. 40 § andra stycket", "Chapter 6, Section 40, second paragraph");
            out_.error("delegation-order.urgent-not-reported", row.whereOf("reporting"),
                       tag + "beslut i brådskande ärenden ska anmälas vid styrelsens nästa sammanträde" + l40.sv,
                       tagEn + "decisions in urgent matters must be reported at the board's next meeting" + l40.en);
        }
        const Law lu = law("6 kap. 39 § och 7 kap. 6 §", "Chapter 6, Section 39 and Chapter 7, Section 6");
        if (row.flag("sub-delegation"))
            out_.error("delegation-order.sub-delegation-not-allowed", row.whereOf("sub-delegation"),
                       tag + "brådskande ärenden beslutas av ordföranden eller en utsedd ledamot och kan inte "
                             "vidaredelegeras" + lu.sv,
                       tagEn + "urgent matters are decided by the chair or a designated member and cannot be "
                               "sub-delegated" + lu.en);
    }

    void checkReporting(const Record& row, const std::string& tag, const std::string& tagEn) {
        if (row.flag("urgent")) return;  // reported at the next meeting by law
        const std::string reporting = reportingOf(row, order_);
        const Law l = law("6 kap. 40 § och 7 kap. 8 §", "Chapter 6, Section 40 and Chapter 7, Section 8");
        if (reporting.empty()) {
            out_.error("delegation-order.not-reported", row.whereOf("reporting"),
                       tag + "det framgår inte hur besluten redovisas; ange reporting på raden eller för hela "
                             "ordningen (anmäls till styrelsen eller protokollförs särskilt)" + l.sv,
                       tagEn + "it is not stated how the decisions are accounted for; give reporting on the row or "
                               "for the whole order (reported to the board or minuted separately)" + l.en);
        } else if (reporting == "none") {
            const std::string appeal = row.text("appeal");
            if (appeal == "administrative" || appeal == "none")
                out_.warning("delegation-order.not-reported", row.whereOf("reporting"),
                             tag + "besluten varken anmäls eller protokollförs; styrelsen bör ändå kunna följa dem" +
                                 l.sv,
                             tagEn + "the decisions are neither reported nor minuted; the board should still be "
                                     "able to follow them" + l.en);
            else
                out_.error("delegation-order.not-reported", row.whereOf("reporting"),
                           tag + "beslut som inte anmäls till styrelsen ska protokollföras särskilt när de kan "
                                 "överklagas enligt 13 kap." + l.sv,
                           tagEn + "decisions not reported to the board must be minuted separately when they can be "
                                   "appealed under Chapter 13" + l.en);
        }
    }

    void checkSubDelegation(const Record& row, const RoleRef& delegate, const std::string& tag,
                            const std::string& tagEn) {
        const Law l = law("7 kap. 6 §", "Chapter 7, Section 6");
        const bool allowed = row.flag("sub-delegation");
        const std::string subText = trim(row.text("sub-delegate"));
        if (allowed && !row.flag("urgent")) {
            bool ok = delegate.ids.size() == 1 && !delegate.joint;
            for (const auto& id : delegate.ids) {
                const std::string kind = kindOf(roles_, id);
                ok = ok && (kind.empty() || isHeadOfDepartment(kind));
            }
            if (!ok)
                out_.error("delegation-order.sub-delegation-not-allowed", row.whereOf("sub-delegation"),
                           tag + "bara en förvaltningschef som styrelsen själv har gett rätten får vidaredelegera "
                                 "till en annan anställd; här är delegaten '" + row.text("delegate") + "'" + l.sv,
                           tagEn + "only a head of department to whom the board itself gave the right may pass a "
                                   "decision on to another employee; here the delegate is '" + row.text("delegate") +
                               "'" + l.en);
        }
        if (subText.empty()) return;
        if (!allowed) {
            out_.error("delegation-order.sub-delegation-not-allowed", row.whereOf("sub-delegate"),
                       tag + "raden anger vidaredelegat men styrelsen har inte medgett vidaredelegering "
                             "(sub-delegation=\"ja\")" + l.sv,
                       tagEn + "the row names a sub-delegate but the board has not allowed sub-delegation "
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

    // References in the numbering of the repealed Kommunallagen (1991:900): delegation was
    // 6 kap. 33-38 §§ there; 33-35 §§ hold nothing about delegation in the 2017 act, and
    // 36 § (urgent matters in 1991) is service of documents now.
    void checkOldAct(const Record& row, const std::string& tag, const std::string& tagEn) {
        static const std::regex ref(R"((\d+)\s*(?:kap\.?|chapter|ch\.)\s*(\d+)|\b(\d+)\s*:\s*(\d+)\b)",
                                    std::regex::icase);
        for (const char* name : {"legal-basis", "matter", "note"}) {
            const std::string text = row.text(name);
            if (text.empty()) continue;
            const std::string lower = lowerSv(text);
            bool old = contains(lower, "1991:900");
            std::string found = old ? "1991:900" : "";
            // std::regex is slow: look only where a chapter 6 reference can be.
            const bool candidate = contains(lower, "6") && (contains(lower, "kap") || contains(lower, ":") ||
                                                             contains(lower, "ch"));
            for (auto it = std::sregex_iterator(lower.begin(), lower.end(), ref);
                 candidate && !old && it != std::sregex_iterator();
                 ++it) {
                const auto& m = *it;
                const std::string ch = m[1].matched ? m[1].str() : m[3].str();
                const int sec = std::stoi(m[2].matched ? m[2].str() : m[4].str());
                if (ch != "6") continue;
                if ((sec >= 33 && sec <= 35) || (sec == 36 && (row.flag("urgent") || contains(lower, "brådsk")))) {
                    old = true;
                    found = m.str();
                }
            }
            if (!old) continue;
            out_.warning("delegation-order.old-act-reference", row.whereOf(name),
                         tag + "'" + found + "' ser ut att följa den upphävda kommunallagen (1991:900); delegering "
                               "regleras nu i 6 kap. 37-40 §§ och 7 kap. 5-8 §§ kommunallagen (2017:725)",
                         tagEn + "'" + found + "' appears to follow the repealed Local Government Act (1991:900); "
                                 "delegation is now governed by Chapter 6, Sections 37-40 and Chapter 7, Sections "
                                 "5-8 of the Local Government Act (2017:725)");
            return;
        }
    }

    const Record& order_;
    const Context& ctx_;
    Diagnostics& out_;
    std::map<std::string, const Record*> roles_;
    std::set<std::string> numbers_;
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

void DelegationOrderPlugin::validate(const Record& values, const Context& ctx, Diagnostics& out) const {
    const Registration& reg = ctx.registration;
    if (!reg.body.empty() && !isBoard(reg.body, ctx)) {
        const Law l = law("6 kap. 37 §", "Chapter 6, Section 37");
        out.error("delegation-order.not-adopted-by-board", reg.where,
                  "styrelsen beslutar själv om sin delegering; delegationsordningen antas av " +
                      ctx.organisation.board + ", inte av '" + reg.body + "'" + l.sv,
                  "the board decides its own delegation; the delegation order is adopted by the " +
                      ctx.organisation.board + ", not by '" + reg.body + "'" + l.en);
    }
    RowChecker checker(values, ctx, out);
    checker.checkRoles();
    checker.checkAreas();
}

}  // namespace overens::delegation
