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

}  // namespace overens::coleadership

OVERENS_PLUGIN(overens::coleadership::CoLeadershipPlugin)
