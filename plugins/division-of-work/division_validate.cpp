#include <map>
#include <string>

#include "division_plugin.hpp"
#include "overens/compose.hpp"

namespace overens::division {

namespace {

std::string lineOf(const Location& l, const char* word) {
    return l.line ? std::string(" (") + word + " " + std::to_string(l.line) + ")" : std::string();
}

}  // namespace

void DivisionOfWorkPlugin::validate(const Record& values, const Context&, Diagnostics& out) const {
    // name (folded) -> the first area of that name with each owner
    std::map<std::string, std::map<std::string, const Record*>> seen;
    for (const auto& area : values.rows("area")) {
        const std::string name = area.text("name");
        const std::string owner = area.text("owner");
        if (owner.empty()) {
            out.error("division-of-work.no-owner", area.where,
                      "området \"" + name +
                          "\" har ingen ägare: ange owner=\"chair\", \"director\" eller \"joint\" "
                          "(gemensamt, den gyllene zonen)",
                      "the area \"" + name +
                          "\" has no owner: give owner=\"chair\", \"director\" or \"joint\" "
                          "(together, the golden zone)");
            continue;
        }
        if (owner == "joint" && !area.has("forum"))
            out.warning(
                "division-of-work.joint-without-forum", area.whereOf("owner"),
                "området \"" + name + "\" ägs gemensamt men har inget forum: ange var ni tar upp dess frågor",
                "the area \"" + name + "\" is owned jointly but has no forum: say where you take up its questions");

        auto& owners = seen[compose::foldKey(name)];
        const std::string opposite = owner == "chair" ? "director" : owner == "director" ? "chair" : "";
        if (!opposite.empty() && owners.count(opposite)) {
            const Location first = owners[opposite]->whereOf("owner");
            out.error("division-of-work.contradictory-owner", area.whereOf("owner"),
                      "området \"" + name + "\" står både som ordförandens ensamt och som direktörens ensamt" +
                          lineOf(first, "rad") +
                          "; bestäm vem som äger det, eller ange owner=\"joint\" om ni äger det tillsammans",
                      "the area \"" + name + "\" is listed both as the chair's alone and as the director's alone" +
                          lineOf(first, "line") +
                          "; decide who owns it, or give owner=\"joint\" if you own it together");
        } else if (!owners.empty()) {
            const Location first = owners.begin()->second->where;
            out.warning("division-of-work.duplicate-area", area.where,
                        "området \"" + name + "\" finns redan" + lineOf(first, "rad") + "; slå ihop dem",
                        "the area \"" + name + "\" is already listed" + lineOf(first, "line") + "; merge them");
        }
        owners.emplace(owner, &area);
    }
}

}  // namespace overens::division
