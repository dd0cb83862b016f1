#include "delegation_plugin.hpp"

#include "text_match.hpp"

#include <set>

namespace overens::delegation {

PluginInfo DelegationOrderPlugin::info() const {
    return {"delegation-order", "1.0.0", "Delegationsordning", "Delegation order"};
}

Side sideOf(const std::string& k) {
    if (k == "chair" || k == "vice-chair" || k == "member" || k == "substitute" || k == "presidium" ||
        k == "committee")
        return Side::Elected;
    if (k == "director" || k == "head-of-department" || k == "employee") return Side::Employee;
    if (k == "automated") return Side::Automated;
    return Side::NotAllowed;
}

bool isMember(const std::string& k) { return k == "chair" || k == "vice-chair" || k == "member"; }

bool isHeadOfDepartment(const std::string& k) { return k == "director" || k == "head-of-department"; }

RoleRef parseRoles(const std::string& text) {
    RoleRef ref;
    std::string current;
    auto flush = [&] {
        const auto b = current.find_first_not_of(" \t\n");
        if (b != std::string::npos) ref.ids.push_back(current.substr(b, current.find_last_not_of(" \t\n") - b + 1));
        current.clear();
    };
    for (char c : text) {
        if (c == '+' || c == ',') {
            ref.joint = ref.joint || c == '+';
            flush();
        } else {
            current += c;
        }
    }
    flush();
    return ref;
}

std::map<std::string, const Record*> rolesById(const Record& values) {
    std::map<std::string, const Record*> out;
    for (const auto& r : values.rows("role")) out.emplace(r.text("id"), &r);
    return out;
}

std::string lowerSv(const std::string& s) { return lowerUtf8(s); }

std::string reportingOf(const Record& row, const Record& order) {
    const std::string own = row.text("reporting");
    return own.empty() ? order.text("reporting") : own;
}

void DelegationOrderPlugin::publish(const Record& values, const Context& ctx, Facts& out) const {
    for (const auto& r : values.rows("role")) {
        out["delegation-order.roles"].insert(r.text("id"));
        if (sideOf(r.text("kind")) == Side::Employee) out["delegation-order.employee-roles"].insert(r.text("id"));
    }
    // The director instruction refers to the board's own order: a committee's order publishes its
    // registration number under its own key, so that the two are not compared.
    const std::string committee = values.text("committee");
    const bool board = committee.empty() || lowerSv(committee) == lowerSv(ctx.organisation.board);
    if (!ctx.registration.dnr.empty())
        out[board ? "delegation-order.dnr" : "delegation-order.committee-dnr"].insert(ctx.registration.dnr);
    if (!board) out["delegation-order.committee"].insert(committee);
}

void DelegationOrderPlugin::crossCheck(const Record& values, const Context& ctx, const Facts&,
                                       const std::vector<Facts>& others, Diagnostics& out) const {
    // The director instruction lists the posts under the board: only the board's own order is
    // compared with it; a committee's roles belong to that committee's administration.
    const std::string committee = values.text("committee");
    if (!committee.empty() && lowerSv(committee) != lowerSv(ctx.organisation.board)) return;
    for (const auto& other : others) {
        auto kind = other.find("header.kind");
        if (kind == other.end() || !kind->second.count("director-instruction")) continue;
        auto posts = other.find("director-instruction.roles");
        if (posts == other.end()) continue;  // the instruction lists no posts: nothing to compare with
        std::string organisation;
        if (auto o = other.find("header.organisation"); o != other.end() && !o->second.empty())
            organisation = *o->second.begin();
        // Roles that sub-delegate: 7 kap. 6 § gives the right only to a head of department.
        std::set<std::string> subDelegating;
        for (const auto& area : values.rows("area"))
            for (const auto& row : area.rows("delegation"))
                if (row.flag("sub-delegation"))
                    for (const auto& id : parseRoles(row.text("delegate")).ids) subDelegating.insert(id);
        static const std::set<std::string> kNone;
        auto h = other.find("director-instruction.heads-of-department");
        const std::set<std::string>& heads = h == other.end() ? kNone : h->second;
        for (const auto& r : values.rows("role")) {
            const std::string id = r.text("id");
            if (isHeadOfDepartment(r.text("kind")) && posts->second.count(id) && !heads.count(id)) {
                const std::string sv = "rollen '" + id + "' är förvaltningschef här men inte i instruktionen för direktören "
                                       "för " + organisation + "; bara en förvaltningschef får vidaredelegera "
                                       "(7 kap. 6 § kommunallagen)";
                const std::string en = "the role '" + id + "' is a head of department here but not in the director "
                                       "instruction of " + organisation + "; only a head of department may "
                                       "sub-delegate (Local Government Act, Chapter 7, Section 6)";
                if (subDelegating.count(id))
                    out.error("delegation-order.not-head-of-department", r.whereOf("kind"), sv, en);
                else
                    out.warning("delegation-order.not-head-of-department", r.whereOf("kind"), sv, en);
            }
            if (sideOf(r.text("kind")) != Side::Employee || posts->second.count(r.text("id"))) continue;
            out.error("delegation-order.role-not-in-organisation", r.whereOf("id"),
                      "rollen '" + r.text("id") + "' (" + r.text("title") +
                          ") finns inte bland befattningarna i instruktionen för direktören för " + organisation +
                          "; en delegat måste finnas i organisationen (7 kap. 5 § kommunallagen)",
                      "the role '" + r.text("id") + "' (" + r.text("title") +
                          ") is not among the posts in the director instruction of " + organisation +
                          "; a delegate must exist in the organisation (Local Government Act, Chapter 7, "
                          "Section 5)");
        }
    }
}

}  // namespace overens::delegation

OVERENS_PLUGIN(overens::delegation::DelegationOrderPlugin)
