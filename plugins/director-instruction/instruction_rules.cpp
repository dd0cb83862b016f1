// The instruction's rules (Kommunallagen 7 kap. 1-2 §§) and its checks against the documents
// built with it.
#include <map>
#include <set>

#include "instruction_plugin.hpp"

namespace overens::instruction {

namespace {

const std::string kLaw72sv = " (7 kap. 2 § kommunallagen)";
const std::string kLaw72en = " (Local Government Act, Chapter 7, Section 2)";

// The names the board goes by: the header's, the usual ones for the organisation type in both
// languages, with or without "the".
bool isBoard(const std::string& body, const Context& ctx) {
    std::string b = lowerSv(trim(body));
    if (b.rfind("the ", 0) == 0) b = b.substr(4);
    std::set<std::string> names{lowerSv(ctx.organisation.board)};
    if (ctx.organisation.type == "region") {
        names.insert({"regionstyrelsen", "regional executive board", "regional board"});
    } else {
        names.insert({"kommunstyrelsen", "municipal executive board", "municipal board"});
    }
    for (std::string n : names) {
        if (n.rfind("the ", 0) == 0) n = n.substr(4);
        if (b == n) return true;
    }
    return false;
}

}  // namespace

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\n") - b + 1);
}

std::string lowerSv(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            unsigned char d = static_cast<unsigned char>(s[i + 1]);
            if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
            out += static_cast<char>(c);
            out += static_cast<char>(d);
            ++i;
        } else {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
    return out;
}

void DirectorInstructionPlugin::validate(const Record& v, const Context& ctx, Diagnostics& out) const {
    if (trim(v.text("leadership")).empty())
        out.error("director-instruction.no-leadership", v.whereOf("leadership"),
                  "instruktionen ska fastställa hur direktören leder förvaltningen under styrelsen: fyll i "
                  "<leadership>" + kLaw72sv,
                  "the instruction must set out how the director leads the administration under the board: fill in "
                  "<leadership>" + kLaw72en);

    bool anyTask = !v.list("task").empty();
    for (const char* topic : kTaskTopics) anyTask = anyTask || !trim(v.text(topic)).empty();
    if (!anyTask)
        out.error("director-instruction.no-tasks", v.where,
                  "instruktionen ska också fastställa direktörens övriga uppgifter, t.ex. beredning, ekonomi, "
                  "arbetsgivarrollen eller krisledning" + kLaw72sv,
                  "the instruction must also set out the director's other tasks, e.g. preparation, economy, the "
                  "employer role or crisis management" + kLaw72en);

    const Registration& reg = ctx.registration;
    if (!reg.body.empty() && !isBoard(reg.body, ctx))
        out.error("director-instruction.not-adopted-by-board", reg.where,
                  "instruktionen antas av styrelsen själv (" + ctx.organisation.board + "), inte av '" + reg.body +
                      "'" + kLaw72sv,
                  "the instruction is adopted by the board itself (" + ctx.organisation.board + "), not by '" +
                      reg.body + "'" + kLaw72en);

    const Party* director = ctx.party("director");
    if (!director)
        out.warning("director-instruction.no-director-party", ctx.organisation.where,
                    "ange direktören i huvudet med <party role=\"director\" name=\"...\" title=\"...\"/>; "
                    "dokumentets titel och kontrollerna mot andra dokument bygger på den",
                    "name the director in the header with <party role=\"director\" name=\"...\" title=\"...\"/>; "
                    "the document's title and the checks against other documents rely on it");
    else if (!director->title.empty() && lowerSv(director->title) != lowerSv(v.text("post-title")))
        out.warning("director-instruction.title-mismatch", v.whereOf("post-title"),
                    "befattningen heter '" + v.text("post-title") + "' men direktören i huvudet har titeln '" +
                        director->title + "'; använd den benämning styrelsen har bestämt (7 kap. 1 § kommunallagen)",
                    "the post is called '" + v.text("post-title") + "' but the director in the header has the title '" +
                        director->title + "'; use the title the board decided (Local Government Act, Chapter 7, "
                                          "Section 1)");

    // The posts of the organisation.
    std::map<std::string, const Record*> posts;
    bool anyDirector = false;
    for (const auto& p : v.rows("post")) {
        if (!posts.emplace(p.text("id"), &p).second)
            out.error("director-instruction.duplicate-post", p.whereOf("id"),
                      "befattningen '" + p.text("id") + "' finns redan; varje id får bara användas en gång",
                      "the post '" + p.text("id") + "' is already listed; each id may be used only once");
        anyDirector = anyDirector || p.text("kind") == "director";
    }
    auto known = [&](const Record& r, const std::string& name) {
        const std::string id = r.text(name);
        if (id.empty() || posts.empty() || posts.count(id)) return;
        out.error("director-instruction.unknown-post", r.whereOf(name),
                  "'" + id + "' är ingen befattning i instruktionen; lägg till <post id=\"" + id + "\" .../>",
                  "'" + id + "' is not a post in the instruction; add <post id=\"" + id + "\" .../>");
    };
    for (const auto& p : v.rows("post")) known(p, "reports-to");
    if (v.rows("post").empty())
        out.warning("director-instruction.no-posts", v.where,
                    "instruktionen listar inga befattningar (<post>); utan dem kan delegationsordningens delegater "
                    "inte stämmas av mot organisationen",
                    "the instruction lists no posts (<post>); without them the delegation order's delegates cannot "
                    "be checked against the organisation");
    else if (!anyDirector)
        out.warning("director-instruction.no-director-post", v.where,
                    "ingen befattning har kind=\"director\"; direktören är chef för förvaltningen och hör till "
                    "organisationen (7 kap. 1 § kommunallagen)",
                    "no post has kind=\"director\"; the director heads the administration and belongs to the "
                    "organisation (Local Government Act, Chapter 7, Section 1)");

    const Record* acting = v.group("acting");
    if (!acting) {
        out.warning("director-instruction.no-acting-director", v.where,
                    "instruktionen säger inte vem som är tillförordnad direktör när direktören är borta; lägg till "
                    "<acting post=\"...\"/> så att förvaltningen alltid har en chef",
                    "the instruction does not say who acts as director when the director is away; add "
                    "<acting post=\"...\"/> so that the administration always has a head");
    } else {
        known(*acting, "post");
        known(*acting, "second");
        for (const char* name : {"post", "second"}) {
            auto it = posts.find(acting->text(name));
            if (it != posts.end() && it->second->text("kind") == "director")
                out.error("director-instruction.acting-is-director", acting->whereOf(name),
                          "ställföreträdaren kan inte vara direktören själv ('" + acting->text(name) + "')",
                          "the acting director cannot be the director ('" + acting->text(name) + "')");
        }
        if (!acting->text("second").empty() && acting->text("second") == acting->text("post"))
            out.warning("director-instruction.acting-twice", acting->whereOf("second"),
                        "första och andra ersättaren är samma befattning", "the first and second substitute are the "
                                                                           "same post");
    }

    if (trim(v.text("powers")).empty() && trim(v.text("delegation-order")).empty())
        out.warning("director-instruction.no-delegation-reference", v.where,
                    "ange vilken delegationsordning som ger direktören beslutanderätt (<delegation-order> eller "
                    "<powers>); beslutanderätten följer av styrelsens uppdrag (7 kap. 5 § kommunallagen)",
                    "state which delegation order gives the director power to decide (<delegation-order> or "
                    "<powers>); the power follows from the board's assignment (Local Government Act, Chapter 7, "
                    "Section 5)");
}

void DirectorInstructionPlugin::publish(const Record& v, const Context& ctx, Facts& out) const {
    for (const auto& p : v.rows("post")) {
        out["director-instruction.roles"].insert(p.text("id"));
        if (p.text("kind") == "director" || p.text("kind") == "head-of-department")
            out["director-instruction.heads-of-department"].insert(p.text("id"));
    }
    if (const Party* d = ctx.party("director")) out["director-instruction.director"].insert(d->name);
    if (v.has("delegation-order")) out["director-instruction.delegation-order"].insert(v.text("delegation-order"));
}

void DirectorInstructionPlugin::crossCheck(const Record& v, const Context& ctx, const Facts&,
                                           const std::vector<Facts>& others, Diagnostics& out) const {
    const Party* director = ctx.party("director");
    for (const auto& other : others) {
        auto kind = other.find("header.kind");
        if (kind == other.end() || kind->second.empty()) continue;
        const std::string otherKind = *kind->second.begin();
        if (director && otherKind == "agreement") {
            auto names = other.find("header.party.director.name");
            if (names != other.end() && !names->second.empty() && !names->second.count(director->name))
                out.error("director-instruction.director-mismatch", director->where,
                          "instruktionen gäller " + director->name + ", men överenskommelsen för samma organisation "
                              "är ingången med " + *names->second.begin() + "; dokumenten ska avse samma direktör",
                          "the instruction is for " + director->name + ", but the agreement of the same "
                              "organisation was made with " + *names->second.begin() +
                              "; the documents must concern the same director");
        }
        if (otherKind == "delegation-order" && v.has("delegation-order")) {
            auto dnr = other.find("delegation-order.dnr");
            const std::string ref = v.text("delegation-order");
            if (dnr != other.end() && !dnr->second.empty() && !dnr->second.count(ref) &&
                lowerSv(ref).find(lowerSv(*dnr->second.begin())) == std::string::npos)
                out.warning("director-instruction.delegation-order-mismatch", v.whereOf("delegation-order"),
                            "instruktionen hänvisar till delegationsordningen '" + ref + "', men den som byggs "
                                "tillsammans med den har diarienummer " + *dnr->second.begin(),
                            "the instruction refers to the delegation order '" + ref + "', but the one built with "
                                "it has registration number " + *dnr->second.begin());
        }
    }
}

}  // namespace overens::instruction
