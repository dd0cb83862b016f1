#include "division_plugin.hpp"

namespace overens::division {

PluginInfo DivisionOfWorkPlugin::info() const {
    return {"division-of-work", "1.0.0", "Arbetsfördelning", "Division of work"};
}

void DivisionOfWorkPlugin::publish(const Record& values, const Context&, Facts& out) const {
    for (const auto& a : values.rows("area")) {
        out["division-of-work.areas"].insert(a.text("name"));
        if (a.has("owner")) out["division-of-work.owner." + a.text("owner")].insert(a.text("name"));
    }
}

}  // namespace overens::division

OVERENS_PLUGIN(overens::division::DivisionOfWorkPlugin)
