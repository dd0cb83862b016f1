#include "co_leadership_plugin.hpp"

namespace overens::coleadership {

PluginInfo CoLeadershipPlugin::info() const {
    return {"co-leadership", "1.0.0", "Att styra och leda tillsammans", "Steering and leading together"};
}

void CoLeadershipPlugin::publish(const Record& values, const Context&, Facts& out) const {
    for (const auto& m : values.rows("meeting")) out["co-leadership.meetings"].insert(m.text("name"));
    if (const Record* u = values.group("urgent")) {
        out["co-leadership.urgent-decider"].insert(u->text("decided-by", "chair"));
        if (u->has("substitute")) out["co-leadership.urgent-substitute"].insert(u->text("substitute"));
    }
}

void CoLeadershipPlugin::crossCheck(const Record&, const Context& ctx, const Facts&, const std::vector<Facts>& others,
                                    Diagnostics& out) const {
    const Party* chair = ctx.party("chair");
    if (!chair || chair->name.empty()) return;
    for (const auto& other : others) {
        auto kind = other.find("header.kind");
        if (kind == other.end() || kind->second.empty()) continue;
        const std::string k = *kind->second.begin();
        if (k != "director-instruction" && k != "delegation-order") continue;
        // A committee's own delegation order is signed by that committee's chair, not the board's.
        if (other.count("delegation-order.committee")) continue;
        auto names = other.find("header.party.chair.name");
        if (names == other.end() || names->second.empty() || names->second.count(chair->name)) continue;
        const std::string otherName = *names->second.begin();
        const std::string docSv = k == "delegation-order" ? "delegationsordningen" : "instruktionen för direktören";
        const std::string docEn = k == "delegation-order" ? "delegation order" : "director instruction";
        out.warning("co-leadership.chair-mismatch", chair->where,
                    "överenskommelsen är ingången av ordföranden " + chair->name + ", men " + docSv +
                        " för samma organisation anger " + otherName +
                        " som ordförande; kontrollera att dokumenten gäller samma styrelse och mandatperiod",
                    "the agreement is made by the chair " + chair->name + ", but the " + docEn +
                        " of the same organisation names " + otherName +
                        " as chair; check that the documents concern the same board and mandate period");
        return;
    }
}

}  // namespace overens::coleadership

OVERENS_PLUGIN(overens::coleadership::CoLeadershipPlugin)
